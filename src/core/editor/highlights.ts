/**
 * What the editor's highlighting paints, as offsets: the annotations in a stretch of the text (the
 * visible lines and some around them) by style, and the overview-ruler marks of the whole file as
 * runs of lines. Pure, so the editor adapter only converts and sets them, and the benchmark
 * measures them on a 10 MB file.
 */
import { PositionCursor } from './linePositions';
import type { Annotation, NotesModel } from '../model';

/** The decoration styles: initiatives by status, figures, actors, and the `{…}` blocks. */
export type HighlightStyle = 'initiativeOpen' | 'initiativeSettled' | 'initiativeRejected' | 'figure' | 'actor' | 'attributes';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['initiativeOpen', 'initiativeSettled', 'initiativeRejected', 'figure', 'actor', 'attributes'];

/** The overview ruler's lanes: one per kind. */
export type RulerLane = 'initiative' | 'figure' | 'actor';
export const RULER_LANES: readonly RulerLane[] = ['initiative', 'figure', 'actor'];

/** Statuses shown with a solid border (it happened) and struck through (it did not). */
const SETTLED = new Set(['agreed', 'launched', 'done', 'signed', 'adopted']);
const REJECTED = new Set(['rejected', 'dropped', 'withdrawn']);

/** The style of an annotation's text, or undefined for a span without a known kind. */
export function highlightStyle(a: Annotation): HighlightStyle | undefined {
  if (a.kind !== 'initiative') return a.kind;
  const status = a.attribute('status');
  if (status && REJECTED.has(status)) return 'initiativeRejected';
  if (status && SETTLED.has(status)) return 'initiativeSettled';
  return 'initiativeOpen';
}

/** Offsets per style, flat: `[start, end, start, end, …]` in document order of the annotations. */
export type HighlightRanges = Record<HighlightStyle, number[]>;

function emptyRanges(): HighlightRanges {
  return { initiativeOpen: [], initiativeSettled: [], initiativeRejected: [], figure: [], actor: [], attributes: [] };
}

/** The first annotation whose `[` is at or after `offset` (annotations are in document order). */
function firstStartingAt(annotations: readonly Annotation[], offset: number): number {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (annotations[mid].range.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function add(out: HighlightRanges, a: Annotation, from: number, to: number): void {
  const style = highlightStyle(a);
  if (!style) return;
  const content = a.contentRange;
  if (content.start < to && content.end > from) out[style].push(content.start, content.end);
  const block = a.attributeRange;
  if (block.end > block.start && block.start < to && block.end > from) out.attributes.push(block.start, block.end);
}

/**
 * The highlighted stretches of the annotations that reach into `[from, to)`: the text of each
 * annotation with a kind, by style, and its attribute block. Costs a binary search plus the
 * annotations in the stretch: an annotation reaching in from before `from` is one that contains
 * `from` (spans nest), so it is found by walking up from the innermost one there.
 */
export function highlightsIn(model: NotesModel, from: number, to: number): HighlightRanges {
  const out = emptyRanges();
  const annotations = model.annotations;
  // Those that start before `from` and reach into it, outermost first (document order).
  const around: Annotation[] = [];
  for (let a = model.annotationAt(from); a; a = a.parent) if (a.range.start < from && a.range.end > from) around.push(a);
  for (let i = around.length - 1; i >= 0; i--) add(out, around[i], from, to);
  for (let i = firstStartingAt(annotations, from); i < annotations.length; i++) {
    const a = annotations[i];
    if (a.range.start >= to) break;
    add(out, a, from, to);
  }
  return out;
}

/** Every highlighted stretch of the model (what highlighting paints with no window). */
export function allHighlights(model: NotesModel): HighlightRanges {
  return highlightsIn(model, 0, model.text.length + 1);
}

/** Runs of lines per lane, flat: `[firstLine, lastLine, firstLine, lastLine, …]`, ascending. */
export type RulerMarks = Record<RulerLane, number[]>;

/**
 * The overview ruler marks of the whole file: the lines each kind of annotation covers, merged
 * into runs where the gap between two is at most `gap` lines. The ruler has a few hundred pixels
 * for the whole file, so on a long file neighbouring marks land on the same pixel anyway: merging
 * loses nothing visible and keeps the marks few (a 1 MB file: hundreds instead of 10k+). Lines
 * that do not change (an edit within a line) give equal marks, so the caller can skip re-setting.
 */
export function rulerMarks(model: NotesModel, gap = defaultRulerGap(model)): RulerMarks {
  const out: RulerMarks = { initiative: [], figure: [], actor: [] };
  const starts = PositionCursor.of(model);
  const ends = PositionCursor.of(model);
  for (const a of model.annotations) {
    const kind = a.kind;
    if (!kind) continue;
    const range = a.range;
    const first = starts.lineOf(range.start);
    const last = Math.max(first, ends.lineOf(range.end));
    const runs = out[kind];
    const n = runs.length;
    // Annotations come in order of their start, so only the last run can absorb this one.
    if (n > 0 && first <= runs[n - 1] + gap + 1) {
      if (last > runs[n - 1]) runs[n - 1] = last;
    } else runs.push(first, last);
  }
  return out;
}

/** About one ruler pixel's worth of lines: a file of L lines shown on a ruler of ~1500 px at most. */
export function defaultRulerGap(model: NotesModel): number {
  const lines = model.positionAt(model.text.length).line + 1;
  return Math.floor(lines / 1500);
}
