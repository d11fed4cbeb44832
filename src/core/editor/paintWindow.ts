/**
 * Which lines the highlighting paints, and when the painted ranges still stand: the rules behind
 * the decorations adapter, pure so they are tested without an editor. The text is painted for the
 * visible lines and a margin around them; scrolling repaints when the view nears the margin's edge.
 */

/** Lines painted beyond the visible ones, each side: at least this many, or two screens. */
export const MIN_MARGIN_LINES = 100;

/** The lines to paint (first, last) for visible lines `top`…`bottom` (undefined: none visible yet) of a text whose last line is `lastLine`. */
export function paintWindow(top: number | undefined, bottom: number | undefined, lastLine: number): [number, number] {
  if (top === undefined || bottom === undefined) return [0, Math.min(lastLine, 2 * MIN_MARGIN_LINES)];
  const margin = Math.max(MIN_MARGIN_LINES, 2 * (bottom - top + 1));
  return [Math.max(0, top - margin), Math.min(lastLine, bottom + margin)];
}

/** Whether visible lines `top`…`bottom` came within a screen of the painted window `first`…`last`'s edge. */
export function nearWindowEdge(top: number, bottom: number, first: number, last: number, lastLine: number): boolean {
  const screen = bottom - top + 1;
  return (first > 0 && top - screen < first) || (last < lastLine && bottom + screen > last);
}

/**
 * Whether the editor still shows exactly the offsets `old` ([start, end, …]): the editor moved them
 * with every edit since, so they are unchanged only when no edit reached their extent (an edit at or
 * before a range's end moves or stretches it there, even when the new ranges happen to equal the
 * old). `editFloor` is the lowest offset an edit touched since they were set (Infinity: none).
 */
export function untouchedSince(old: readonly number[], editFloor: number): boolean {
  if (editFloor === Number.POSITIVE_INFINITY) return true;
  let max = -1;
  for (let i = 1; i < old.length; i += 2) if (old[i] > max) max = old[i];
  return editFloor > max;
}

export function sameNumbers(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
