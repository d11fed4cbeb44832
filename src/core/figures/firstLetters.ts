/**
 * Cheap pre-checks for the figure readers: whether a word starting with a given character can be
 * one of a list's words (lowercased), without slicing or lower-casing it. The answer is exact for
 * the characters whose lower case is one known code (ASCII, the basic Cyrillic letters); for any
 * other character it says "maybe", and the reader's string path decides.
 */

/** Lower case of `c` when it is one plain code (ASCII, basic Cyrillic А–я), else -1. */
export function simpleLower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x430 && c <= 0x44f) return c;
  return -1;
}

/** The first characters (lowercased) of the words, for `mayStart`. */
export class FirstLetters {
  private readonly codes: Set<number>;
  constructor(words: Iterable<string>) {
    this.codes = new Set();
    for (const w of words) if (w.length > 0) this.codes.add(w.charCodeAt(0));
  }
  /** False only when no word of the list can start with `c` once lowercased. */
  mayStart(c: number): boolean {
    const lower = simpleLower(c);
    return lower < 0 || this.codes.has(lower);
  }
}
