import type { Position, Range } from './types';

/**
 * Offsets ↔ line/character for one text. Built on first use, so a parse whose caller never asks
 * for a position (the CLI's `--json` of ids, the benchmark) pays nothing for it. Line breaks are
 * `\n`, `\r\n` and a lone `\r`, as in VS Code, so positions agree with `TextDocument.positionAt`.
 */
export class LineIndex {
  private starts: Int32Array | undefined;
  private count = 0;

  constructor(private text: string) {}

  /**
   * Follows an edit that inserts or removes no line break: the new text, and every line start at
   * or after `cut` (the end of the replaced stretch in the old text) moved by `delta`.
   */
  applyEdit(text: string, cut: number, delta: number): void {
    this.text = text;
    const starts = this.starts;
    if (!starts) return;
    for (let i = 0; i < this.count; i++) if (starts[i] >= cut) starts[i] += delta;
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

  /** Line/character of a UTF-16 offset, clamped into the text. */
  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = clamp(offset, 0, this.text.length);
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
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
