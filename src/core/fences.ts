/**
 * Does a code fence opened at some line ever close? Pandoc reads an unclosed fence as plain text
 * (CommonMark would run it to the end of the file); we follow Pandoc, which is also kinder while
 * typing: an opening fence does not blank out every annotation below it until it is closed.
 *
 * Answered from one lazy pass that lists every line that could close a fence (indent ≤ 3, a run
 * of ``` or ~~~, nothing but spaces after), with suffix maxima of their lengths: a question is a
 * binary search, so 100k unclosed fences stay linear.
 */
export class FenceCloser {
  private readonly starts: number[][] = [[], []];
  private readonly suffixMax: number[][] = [[], []];
  private built = false;

  constructor(private readonly text: string, private readonly from: number) {}

  /** True when a closing line for a fence of `ch` (backtick or tilde) of at least `length` starts after `after`. */
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
    const lengths: number[][] = [[], []];
    let s = this.from;
    while (s < text.length) {
      let next = text.indexOf('\n', s);
      if (next < 0) next = text.length;
      let f = s;
      while (f < next && f - s < 4 && text.charCodeAt(f) === 32) f++;
      const c = text.charCodeAt(f);
      if (f - s < 4 && (c === 96 || c === 126)) {
        let n = 0;
        while (f + n < next && text.charCodeAt(f + n) === c) n++;
        let k = f + n;
        while (k < next && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
        if (n >= 3 && k === next) {
          const slot = c === 96 ? 0 : 1;
          this.starts[slot].push(s);
          lengths[slot].push(n);
        }
      }
      s = next + 1;
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
