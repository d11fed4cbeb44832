/**
 * Character classes and small word readers shared by figure parsing and detection. Every reader
 * looks at a bounded stretch of text, so callers stay linear overall.
 */

/** ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const LETTER = /\p{L}/u;

/** A letter of any script (Cyrillic and Latin fast-pathed). */
export function isLetter(code: number): boolean {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code >= 0x400 && code <= 0x4ff) return true;
  if (code < 128 || Number.isNaN(code)) return false;
  return LETTER.test(String.fromCharCode(code));
}

/** Spaces that may separate digit groups and words on one line: ordinary, no-break, narrow and thin. */
export function isInlineSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 9;
}

/** Uppercase letter (a name or a sentence start). */
export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Skips at most `max` inline spaces from `i`; returns the new position. */
export function skipSpaces(text: string, i: number, limit: number, max = 3): number {
  let p = i;
  while (p < limit && p - i < max && isInlineSpace(text.charCodeAt(p))) p++;
  return p;
}

/** Skips inline spaces backwards from `i` (exclusive); returns the new position. */
export function skipSpacesBack(text: string, i: number, floor: number, max = 3): number {
  let p = i;
  while (p > floor && i - p < max && isInlineSpace(text.charCodeAt(p - 1))) p--;
  return p;
}

/**
 * The end of the word starting at `i` (letters, with inner hyphens or apostrophes between
 * letters), or `i` when no letter starts there. Stops at `limit` and after 40 characters.
 */
export function wordEnd(text: string, i: number, limit: number): number {
  let p = i;
  const cap = Math.min(limit, i + 40);
  while (p < cap) {
    const c = text.charCodeAt(p);
    if (isLetter(c)) p++;
    else if ((c === 45 || c === 39 || c === 0x2019) && p > i && p + 1 < cap && isLetter(text.charCodeAt(p + 1))) p++;
    else break;
  }
  return p;
}

/** The start of the word ending at `i` (exclusive), or `i` when a letter does not end there. */
export function wordStart(text: string, i: number, floor: number): number {
  let p = i;
  const cap = Math.max(floor, i - 40);
  while (p > cap) {
    const c = text.charCodeAt(p - 1);
    if (isLetter(c)) p--;
    else if ((c === 45 || c === 39 || c === 0x2019) && p < i && p - 2 >= cap && isLetter(text.charCodeAt(p - 2))) p--;
    else break;
  }
  return p;
}

/** The previous word before `i` across inline spaces: [start, end), or undefined. */
export function previousWord(text: string, i: number, floor: number): readonly [number, number] | undefined {
  const end = skipSpacesBack(text, i, floor);
  const start = wordStart(text, end, floor);
  return start < end ? [start, end] : undefined;
}

/** True when position `i` begins a sentence: only spaces, quotes or bullets since a line start or `.!?`. */
export function atSentenceStart(text: string, i: number, floor: number): boolean {
  let p = i;
  const cap = Math.max(floor, i - 12);
  while (p > cap) {
    const ch = text[p - 1];
    if (ch === '\n' || ch === '\r') return true;
    if (ch === '.' || ch === '!' || ch === '?' || ch === ':' || ch === ';') return true;
    if (isInlineSpace(ch.charCodeAt(0)) || '«“"‘\'(-–—•*>#'.includes(ch)) { p--; continue; }
    return false;
  }
  return p <= floor;
}

/** True when `ch` is one character of `set` (false for undefined, beyond the text's ends). */
export function charIn(set: string, ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && set.includes(ch);
}
