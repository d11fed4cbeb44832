/**
 * Cheap pre-checks for the figure readers: whether a word starting at a position can be one of a
 * list's words (lowercased), or start like one, from its first one or two characters, without
 * slicing or lower-casing it. The answer is exact for the characters whose lower case is one known
 * code (ASCII, the basic Cyrillic letters); for any other character it says "maybe", and the
 * reader's string path decides.
 */

/** Lower case of `c` when it is one plain code (ASCII, basic Cyrillic А–я), else -1 (NaN too). */
export function simpleLower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x430 && c <= 0x44f) return c;
  return -1;
}

/** The first characters (lowercased) of a list's words, and their first two, for `mayStart` / `mayStartAt`. */
export class FirstLetters {
  private readonly firsts = new Set<number>();
  private readonly pairs = new Set<number>();
  /** First characters of the list's one-character words. */
  private readonly singles = new Set<number>();
  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length === 0) continue;
      this.firsts.add(w.charCodeAt(0));
      if (w.length === 1) this.singles.add(w.charCodeAt(0));
      else this.pairs.add(w.charCodeAt(0) * 0x10000 + w.charCodeAt(1));
    }
  }
  /** False only when no word of the list can start with `c` once lowercased. */
  mayStart(c: number): boolean {
    const lower = simpleLower(c);
    return lower < 0 || this.firsts.has(lower);
  }
  /**
   * False only when the text at `p`, lowercased, cannot start with one of the list's words (the
   * characters after `p` as they are, whatever ends the word there).
   */
  mayStartAt(text: string, p: number): boolean {
    const a = simpleLower(text.charCodeAt(p));
    if (a < 0) return true;
    if (!this.firsts.has(a)) return false;
    if (this.singles.has(a)) return true;
    const b = simpleLower(text.charCodeAt(p + 1));
    return b < 0 || this.pairs.has(a * 0x10000 + b);
  }
}
