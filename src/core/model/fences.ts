/**
 * Does a code fence opened at some line ever close? Pandoc reads an unclosed fence as plain text
 * (CommonMark would run it to the end of the file); we follow Pandoc, which is also kinder while
 * typing: an opening fence does not blank out every annotation below it until it is closed.
 *
 * Answered from one lazy pass that lists every line that could close a fence (indent ≤ 3, a run
 * of ``` or ~~~, nothing but spaces after) — found by jumping between ``` and ~~~ with indexOf —
 * with suffix maxima of their lengths: a question is a binary search, so 100k unclosed fences
 * stay linear.
 */
export class FenceCloser {
  private readonly starts: number[][] = [[], []];
  private readonly suffixMax: number[][] = [[], []];
  private built = false;

  /** Looks at the lines of [from, to) only (`to`: the end of the text or of a line). */
  constructor(private readonly text: string, private readonly from: number, private readonly to = text.length) {}

  /** True when a closing line for a fence of `ch` (backtick or tilde) of at least `length` starts after `after` (and before `to`). */
  closes(ch: number, length: number, after: number): boolean {
    if (!this.built) this.build();
    const slot = ch === 96 ? 0 : 1;
    const starts = this.starts[slot];
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && this.suffixMax[slot][lo] >= length;
  }

  private build(): void {
    this.built = true;
    const text = this.text;
    const to = this.to;
    const lengths: number[][] = [[], []];
    // Only lines holding ``` or ~~~ can close a fence: jump between those with indexOf.
    for (let slot = 0; slot < 2; slot++) {
      const ch = slot === 0 ? 96 : 126;
      forEachCloserLine(text, this.from, to, ch, (start, length) => {
        this.starts[slot].push(start);
        lengths[slot].push(length);
        return false;
      });
    }
    for (let slot = 0; slot < 2; slot++) {
      const l = lengths[slot];
      const max = new Array<number>(l.length);
      let m = 0;
      for (let i = l.length - 1; i >= 0; i--) max[i] = m = Math.max(m, l[i]);
      this.suffixMax[slot] = max;
    }
  }
}

/**
 * Each line in text[from, to) that can close a fence of `ch` (96 for ``` , 126 for ~~~): up to three
 * spaces, a run of at least three `ch`, then only blanks. Calls `visit(lineStart, runLength)` in
 * order until it returns true. Jumps between candidate lines with indexOf.
 */
export function forEachCloserLine(text: string, from: number, to: number, ch: number, visit: (lineStart: number, runLength: number) => boolean): void {
  const needle = ch === 96 ? '```' : '~~~';
  let i = text.indexOf(needle, from);
  while (i >= 0 && i < to) {
    const s = Math.max(from, text.lastIndexOf('\n', i - 1) + 1);
    let next = text.indexOf('\n', i);
    if (next < 0 || next > to) next = to;
    let f = s;
    while (f < i && text.charCodeAt(f) === 32) f++;
    if (f === i && i - s < 4) {
      let n = 0;
      while (i + n < next && text.charCodeAt(i + n) === ch) n++;
      let k = i + n;
      while (k < next && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
      if (k === next && visit(s, n)) return;
    }
    i = next >= to ? -1 : text.indexOf(needle, next + 1);
  }
}
