/**
 * `text.indexOf(needle, from)` with a forward-only memo. The scanners ask "where is the next `-->`
 * / backtick / `}`" from many nearby positions; without the memo a file with 100k openers and no
 * closer would search to the end 100k times (quadratic). With it, each answer is reused for every
 * later question asked before that answer's position, so the text is searched about once.
 */
export class NextIndex {
  private from = Number.MAX_SAFE_INTEGER;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The first index ≥ `from` where the needle starts, or -1. */
  find(from: number): number {
    if (from >= this.from && (this.at < 0 || from <= this.at)) return this.at;
    this.from = from;
    this.at = this.text.indexOf(this.needle, from);
    return this.at;
  }
}
