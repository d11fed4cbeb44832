/**
 * Scroll sync's arithmetic over the annotated text's line elements (each with its source line, in
 * document order): where a source line stands on the page, which line is at the top of the view,
 * and the first element below the view's top.
 */

/** A text element of the preview and the source line it stands for. */
export interface LineElement {
  readonly el: HTMLElement;
  readonly line: number;
}

/** The page offset at which source `line` stands, interpolated between the elements around it. */
export function topOfLine(els: readonly LineElement[], line: number): number | undefined {
  if (!els.length) return undefined;
  let before: LineElement | undefined;
  let after: LineElement | undefined;
  for (const entry of els) {
    if (entry.line <= line) before = entry;
    else { after = entry; break; }
  }
  if (!before) return els[0].el.getBoundingClientRect().top + window.scrollY;
  const beforeTop = before.el.getBoundingClientRect().top + window.scrollY;
  if (!after || after.line <= before.line) return beforeTop;
  const afterTop = after.el.getBoundingClientRect().top + window.scrollY;
  return beforeTop + ((line - before.line) / (after.line - before.line)) * (afterTop - beforeTop);
}

/** The source line at the top of the view, or undefined while the view is above the text. */
export function lineAtTop(els: readonly LineElement[]): number | undefined {
  for (let i = 0; i < els.length; i++) {
    const { el, line } = els[i];
    const rect = el.getBoundingClientRect();
    if (rect.bottom > 0) {
      // Still above the annotated text (reading the brief part): no source line is at the top.
      if (i === 0 && rect.top > 0) return undefined;
      if (rect.top >= 0 || rect.height === 0) return line;
      const progress = -rect.top / rect.height;
      const next = els[i + 1];
      const span = next ? next.line - line : 1;
      return line + Math.floor(progress * span);
    }
  }
  return undefined;
}

/** The first of `elements` (standing top to bottom) whose bottom is below the view's top. */
export function firstBelowTop(elements: HTMLCollection): number | undefined {
  if (!elements.length || elements[elements.length - 1].getBoundingClientRect().bottom <= 0) return undefined;
  let lo = 0;
  let hi = elements.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (elements[mid].getBoundingClientRect().bottom > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
