/**
 * Qualifier phrases matched in place, by char codes, without lower-casing or slicing the text.
 * `parseFigure` runs for every `.figure` span on every parse, and these lookups were its costliest
 * step (a lower-cased, regex-cleaned copy of the words before the number and a new padded string
 * per phrase on every call). The answers are exactly those of the string versions kept below as
 * fallbacks, which still run for the rare characters whose lower case is not a plain code shift.
 */
import type { Qualifier } from './types';
import { QUALIFIER_PHRASES } from './lexicon';
import { CharCode } from '../text';

/** Lower case of one UTF-16 code, or -1 when it is not a plain one-code mapping we know. */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  // Other Cyrillic (lower case, or pairs of 0x460…) cannot lower-case to a phrase letter.
  if (c >= 0x430 && c <= 0x4ff) return c;
  return -1;
}

interface Phrase { readonly codes: Int32Array; readonly qualifier: Qualifier; readonly text: string }

const PHRASES: readonly Phrase[] = QUALIFIER_PHRASES.map(([text, qualifier]) => ({
  codes: Int32Array.from(text, (ch) => ch.charCodeAt(0)),
  qualifier,
  text,
}));

/** The phrases by the code of their last letter, each list in lexicon order. */
const BY_LAST_CODE: ReadonlyMap<number, readonly Phrase[]> = (() => {
  const map = new Map<number, Phrase[]>();
  for (const phrase of PHRASES) {
    const last = phrase.codes[phrase.codes.length - 1];
    const list = map.get(last);
    if (list) list.push(phrase); else map.set(last, [phrase]);
  }
  return map;
})();

/** True for the spaces `qualifierBefore` reads as a phrase's inner space (ordinary, no-break, narrow). */
function phraseSpace(c: number): boolean {
  return c === CharCode.SPACE || c === 0xa0 || c === 0x202f;
}

/**
 * The first phrase (in lexicon order) that the window `text[lo, e)` ends with, compared lower
 * case with no-break spaces as spaces: [qualifier, phrase start, phrase text]. `null` when none,
 * `undefined` when a character in the window needs the string path (rare scripts, İ, K).
 */
export function phraseEndingAt(text: string, lo: number, e: number): readonly [Qualifier, number, string] | null | undefined {
  for (let p = lo; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c >= 128 && lowerCode(c) < 0 && !phraseSpace(c)) return undefined;
  }
  if (e <= lo) return null;
  // Only phrases ending in the window's last letter can match (none ends in a space); in lexicon order.
  const bucket = BY_LAST_CODE.get(lowerCode(text.charCodeAt(e - 1)));
  if (bucket === undefined) return null;
  outer: for (const phrase of bucket) {
    const codes = phrase.codes;
    const at = e - codes.length;
    if (at < lo) continue;
    for (let k = 0; k < codes.length; k++) {
      const want = codes[k];
      const c = text.charCodeAt(at + k);
      if (want === CharCode.SPACE ? !(c === CharCode.SPACE || c === 0xa0 || c === 0x202f) : lowerCode(c) !== want) continue outer;
    }
    return [phrase.qualifier, at, phrase.text];
  }
  return null;
}

const MAX_WORDS = 64;
const wordStarts = new Int32Array(MAX_WORDS);
const wordEnds = new Int32Array(MAX_WORDS);

/**
 * A qualifier phrase anywhere among the words of `text[0, end)` (whole words; anything but a
 * letter separates words), the first in lexicon order. `undefined` when the string path is needed.
 */
export function phraseAnywhere(text: string, end: number, isLetter: (code: number) => boolean): Qualifier | null | undefined {
  let count = 0;
  let p = 0;
  while (p < end) {
    const kind = letterKind(text.charCodeAt(p), isLetter);
    if (kind < 0) return undefined;
    if (kind === 0) { p++; continue; }
    const start = p;
    let k = kind;
    while (p < end && (k = letterKind(text.charCodeAt(p), isLetter)) > 0) p++;
    if (k < 0) return undefined;
    if (count === MAX_WORDS) return undefined;
    wordStarts[count] = start;
    wordEnds[count] = p;
    count++;
  }
  if (count === 0) return null;
  for (const phrase of PHRASES) {
    for (let w = 0; w < count; w++) if (matchesWords(text, w, count, phrase.codes)) return phrase.qualifier;
  }
  return null;
}

/**
 * 1 for a letter (\p{L}) whose lower case `lowerCode` knows, 0 for a separator, -1 when unsure
 * (another script's letter, a surrogate, or Cyrillic signs and combining marks 0x482–0x489).
 */
function letterKind(c: number, isLetter: (code: number) => boolean): number {
  // A-Z, a-z: those whose lower case (bit 5 set) is 97-122, one comparison.
  if (c < 128) return ((c | 32) - 97) >>> 0 < 26 ? 1 : 0;
  if (c >= 0x400 && c <= 0x4ff) return c >= 0x482 && c <= 0x489 ? -1 : 1;
  // Surrogates: an astral letter is one letter to the string path.
  return (c >= 0xd800 && c <= 0xdfff) || isLetter(c) ? -1 : 0;
}

/** Does the phrase (words separated by single spaces) match the words from word `w` on? */
function matchesWords(text: string, w: number, count: number, codes: Int32Array): boolean {
  let k = 0;
  let word = w;
  while (word < count) {
    const s = wordStarts[word];
    const e = wordEnds[word];
    for (let p = s; p < e; p++, k++) {
      if (k >= codes.length || lowerCode(text.charCodeAt(p)) !== codes[k]) return false;
    }
    if (k === codes.length) return true;
    if (codes[k] !== CharCode.SPACE) return false;
    k++;
    word++;
  }
  return false;
}
