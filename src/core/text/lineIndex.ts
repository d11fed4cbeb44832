/**
 * Offsets ↔ line/character for one text. Built on first use, so a parse whose caller never asks
 * for a position (the CLI's `--json` of ids, the benchmark) pays nothing for it. Line breaks are
 * `\n`, `\r\n` and a lone `\r`, as in VS Code, so positions agree with `TextDocument.positionAt`.
 */
import type { Position, Range } from './positions';
import { lastNumberAtOrBefore } from './search';

export class LineIndex {
  private starts: Int32Array | undefined;
  private count = 0;
  /** The line of the last `positionAt` answer. */
  private hint = 0;

  constructor(private readonly text: string) {}

  /**
   * The index of `text`, which is this index's text with [offset, cut) replaced by `insertedLength`
   * characters. When this index was built, the new one is derived from it (line starts before the
   * edit kept, those after it moved, the few around it looked at again) instead of a pass over the
   * whole text; otherwise it is built on first use, as usual. This index is not changed.
   */
  edited(text: string, offset: number, cut: number, insertedLength: number): LineIndex {
    const next = new LineIndex(text);
    const starts = this.starts;
    if (!starts) return next;
    const delta = insertedLength - (cut - offset);
    // Starts before `offset` stand on unchanged characters; so do those after `cut + 1`.
    const before = firstAtOrAfter(starts, this.count, offset);
    const after = firstAtOrAfter(starts, this.count, cut + 1);
    const middle: number[] = [];
    for (let p = offset, end = Math.min(text.length, offset + insertedLength); p <= end; p++) if (startsLine(text, p)) middle.push(p);
    const count = before + middle.length + (this.count - after);
    const out = new Int32Array(Math.max(16, count));
    out.set(starts.subarray(0, before));
    for (let k = 0; k < middle.length; k++) out[before + k] = middle[k];
    for (let i = after, k = before + middle.length; i < this.count; i++, k++) out[k] = starts[i] + delta;
    next.starts = out;
    next.count = count;
    return next;
  }

  /** Offsets where each line starts (line 0 starts at 0). */
  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let starts = new Int32Array(256);
    let n = 0;
    const push = (offset: number): void => {
      if (n === starts.length) {
        const grown = new Int32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = offset;
    };
    push(0);
    if (text.indexOf('\r') < 0) {
      // The common case: native indexOf is far faster than a character loop.
      let i = text.indexOf('\n');
      while (i >= 0) {
        push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          push(i + 1);
        }
      }
    }
    this.count = n;
    this.starts = starts;
    return starts;
  }

  get lineCount(): number {
    this.lineStarts();
    return this.count;
  }

  /** The zero-based line of a UTF-16 offset, clamped into the text (`positionAt`'s line, without making a position). */
  lineAt(offset: number): number {
    const starts = this.lineStarts();
    const o = clamp(offset, 0, this.text.length);
    // Features ask in document order, mostly: try the line of the last answer and the next one first.
    const hint = this.hint;
    if (hint < this.count && starts[hint] <= o) {
      if (hint + 1 >= this.count || o < starts[hint + 1]) return hint;
      if (hint + 2 >= this.count || o < starts[hint + 2]) return (this.hint = hint + 1);
    }
    // The first line starts at 0, so some line always starts at or before `o`.
    return (this.hint = Math.max(0, lastNumberAtOrBefore(starts, o, this.count)));
  }

  /** Line/character of a UTF-16 offset, clamped into the text. */
  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = clamp(offset, 0, this.text.length);
    // Written out, not through lineAt: ranges ask for positions more than anything else.
    const hint = this.hint;
    if (hint < this.count && starts[hint] <= o) {
      if (hint + 1 >= this.count || o < starts[hint + 1]) return { line: hint, character: o - starts[hint] };
      if (hint + 2 >= this.count || o < starts[hint + 2]) {
        this.hint = hint + 1;
        return { line: hint + 1, character: o - starts[hint + 1] };
      }
    }
    const line = (this.hint = Math.max(0, lastNumberAtOrBefore(starts, o, this.count)));
    return { line, character: o - starts[line] };
  }

  /** The offset of a line/character, clamped to the line's end (before its line break). */
  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (!(position.line >= 0)) return 0;
    if (position.line >= this.count) return this.text.length;
    const start = starts[position.line];
    let end = position.line + 1 < this.count ? starts[position.line + 1] : this.text.length;
    // Stop before the line break so a too-large character cannot land on the next line.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return start + clamp(Math.floor(position.character) || 0, 0, end - start);
  }
}

/**
 * How many lines start in [from, to] of `text`. For the stretch an edit replaced (old text:
 * [offset, cut + 1]; new text: [offset, offset + inserted + 1]) the two counts differ exactly when
 * the edit changed the number of lines (line starts outside it stand on unchanged characters).
 */
export function lineStartsIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = from, end = Math.min(to, text.length); p <= end; p++) if (startsLine(text, p)) n++;
  return n;
}

/** Does a line start at `p` (line breaks are `\n`, `\r\n` and a lone `\r`)? */
function startsLine(text: string, p: number): boolean {
  if (p === 0) return true;
  const c = text.charCodeAt(p - 1);
  return c === 10 || (c === 13 && text.charCodeAt(p) !== 10);
}

/** Index of the first of `starts[0, count)` that is ≥ offset (count when none). */
function firstAtOrAfter(starts: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/**
 * A Range whose line/character are computed on demand from a shared LineIndex. Holds two numbers
 * and one pointer, so a model with 100k annotations stays small.
 */
export class TextRange implements Range {
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly index: LineIndex,
  ) {}

  get startPosition(): Position {
    return this.index.positionAt(this.start);
  }

  get endPosition(): Position {
    return this.index.positionAt(this.end);
  }

  /** Plain data for JSON output (CLI, fixtures): offsets and both positions. */
  toJSON(): { start: number; end: number; startPosition: Position; endPosition: Position } {
    return { start: this.start, end: this.end, startPosition: this.startPosition, endPosition: this.endPosition };
  }
}
