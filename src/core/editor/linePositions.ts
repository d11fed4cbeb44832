/**
 * Line/character for many offsets of one model at once (document symbols, decorations, workspace
 * symbols): a cursor over the model's line starts that moves from the line of its previous answer,
 * so offsets read roughly in document order cost a step or two each instead of a binary search
 * over every line of a 10 MB file.
 */
import type { NotesModel, Position } from '../model';

const startsByModel = new WeakMap<NotesModel, Int32Array>();

/**
 * Where each line of the model's text starts, from the model's own `offsetAt` (so line breaks
 * count exactly as the model and VS Code count them). Built once per model and kept while the
 * model lives.
 */
export function lineStarts(model: NotesModel): Int32Array {
  let starts = startsByModel.get(model);
  if (starts) return starts;
  const count = model.positionAt(model.text.length).line + 1;
  starts = new Int32Array(count);
  for (let line = 1; line < count; line++) starts[line] = model.offsetAt({ line, character: 0 });
  startsByModel.set(model, starts);
  return starts;
}

/**
 * A cursor that turns offsets into line/character. Each answer starts from the line of the
 * previous one and gallops (1, 2, 4 … lines) towards the target, then bisects: O(1) for an offset
 * on the same or the next line, O(log distance) otherwise, never worse than a binary search.
 */
export class PositionCursor {
  private line = 0;
  private readonly length: number;

  constructor(private readonly starts: Int32Array, textLength: number) {
    this.length = textLength;
  }

  /** A cursor over `model`'s lines (line starts built once per model). */
  static of(model: NotesModel): PositionCursor {
    return new PositionCursor(lineStarts(model), model.text.length);
  }

  /** The zero-based line of `offset` (clamped into the text). */
  lineOf(offset: number): number {
    const s = this.starts;
    const last = s.length - 1;
    const o = offset < 0 ? 0 : offset > this.length ? this.length : offset;
    let line = this.line;
    if (s[line] <= o) {
      if (line === last || s[line + 1] > o) return line;
      // Forward: find hi with s[hi] > o, keeping s[lo] <= o.
      let lo = line + 1;
      let step = 1;
      let hi = lo + step;
      while (hi <= last && s[hi] <= o) {
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
      line = bisect(s, o, lo, Math.min(hi, last + 1));
    } else {
      // Backward: find lo with s[lo] <= o, keeping s[hi] > o.
      let hi = line;
      let step = 1;
      let lo = hi - step;
      while (lo > 0 && s[lo] > o) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
      line = bisect(s, o, Math.max(lo, 0), hi);
    }
    this.line = line;
    return line;
  }

  /** Line/character of `offset` (clamped into the text). */
  positionAt(offset: number): Position {
    const line = this.lineOf(offset);
    const o = offset < 0 ? 0 : offset > this.length ? this.length : offset;
    return { line, character: o - this.starts[line] };
  }

  /** The character of `offset` on the line `lineOf` just returned for it. */
  characterAt(offset: number, line: number): number {
    const o = offset < 0 ? 0 : offset > this.length ? this.length : offset;
    return o - this.starts[line];
  }
}

/** The last line in [lo, hi) whose start is at or before `o`, given s[lo] <= o and (hi past the end or s[hi] > o). */
function bisect(s: Int32Array, o: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi - 1;
  while (a < b) {
    const mid = (a + b + 1) >>> 1;
    if (s[mid] <= o) a = mid;
    else b = mid - 1;
  }
  return a;
}
