/**
 * Character tests over a stretch of the text, without slicing it or running a regular expression:
 * the initiative scorer asks these for every word and candidate. Each one is written to answer
 * exactly what the regular expression named in its comment answers on the same slice. `LineMarks`
 * answers "a digit / an opening quote in this stretch?" for a whole line at once.
 */

/** A character `\s` matches (JavaScript's white space and line terminators). */
export function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** An ASCII digit (`\d`). */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Opening quotes: `[«“"‘]`. */
export function isOpeningQuote(code: number): boolean {
  return code === 0xab || code === 0x201c || code === 34 || code === 0x2018;
}

/** `[,.;:!?()]`. */
function isPunctuation(code: number): boolean {
  return code === 44 || code === 46 || code === 59 || code === 58 || code === 33 || code === 63 || code === 40 || code === 41;
}

/** Quotes left out of the gap before a noun phrase's head: `[«“"‘']`. */
export function isLeftQuote(code: number): boolean {
  return isOpeningQuote(code) || code === 39;
}

/** Quotes and dashes left out of the gap after it: `[«»“”"‘’'\-–—]`. */
export function isRightQuoteOrDash(code: number): boolean {
  return isLeftQuote(code) || code === 0xbb || code === 0x201d || code === 0x2019 || code === 45 || code === 0x2013 || code === 0x2014;
}

/** `/[,.;:!?()]/u.test(text.slice(from, to))`. */
export function punctuationIn(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (isPunctuation(text.charCodeAt(p))) return true;
  return false;
}

/**
 * `noPunctuation(text.slice(from, to).replace(ignored, ''))`: what is left of the gap once `ignore`d
 * characters are out has no `[,.;:!?()]` and is at most four characters long.
 */
export function plainGap(text: string, from: number, to: number, ignore?: (code: number) => boolean): boolean {
  let kept = 0;
  for (let p = from; p < to; p++) {
    const code = text.charCodeAt(p);
    if (ignore && ignore(code)) continue;
    if (isPunctuation(code)) return false;
    kept++;
  }
  return kept <= 4;
}

/** Any ASCII digit in `[from, to)`. */
export function hasDigit(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (isDigitCode(text.charCodeAt(p))) return true;
  return false;
}

/** `/\d[\s\u00a0]*$/u.test(text.slice(from, to))`: a digit, then only spaces, up to `to`. */
export function digitThenSpacesBefore(text: string, from: number, to: number): boolean {
  let p = to - 1;
  while (p >= from && isRegexSpace(text.charCodeAt(p))) p--;
  return p >= from && isDigitCode(text.charCodeAt(p));
}

/** `/^[\s\-–]{0,3}$/u.test(text.slice(from, to))`: at most three spaces or dashes between two words. */
export function nameGap(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let p = from; p < to; p++) {
    const code = text.charCodeAt(p);
    if (!(isRegexSpace(code) || code === 45 || code === 0x2013)) return false;
  }
  return true;
}

/**
 * `/(?:^|\n)[\s\-•*–—\d.)]*$/u.test(text.slice(Math.max(0, at - 6), at))`: only bullets, numbers,
 * dashes and spaces between the start of the six-character window (or a line break) and `at`.
 */
export function lineStartBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 6);
  for (let p = at - 1; p >= from; p--) {
    const code = text.charCodeAt(p);
    if (code === 10) return true;
    if (!(isRegexSpace(code) || isDigitCode(code) || code === 45 || code === 0x2022 || code === 42 || code === 0x2013 || code === 0x2014
      || code === 46 || code === 41)) return false;
  }
  return true;
}

/** The last character of `text.slice(from, to).trim()` as an index, or -1 when that is empty. */
export function lastNonSpace(text: string, from: number, to: number): number {
  for (let p = to - 1; p >= from; p--) if (!isRegexSpace(text.charCodeAt(p))) return p;
  return -1;
}

/** The first character of `text.slice(from, to).trim()` as an index, or `to` when that is empty. */
export function firstNonSpace(text: string, from: number, to: number): number {
  for (let p = from; p < to; p++) if (!isRegexSpace(text.charCodeAt(p))) return p;
  return to;
}

/** `/[.!?;:,"”»]$/u`: a character that ends a sentence or a clause (a line ending in one is no headline). */
export function isFinalStop(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 58 || code === 44 || code === 34 || code === 0x201d || code === 0xbb;
}

/**
 * The digit runs, opening quotes and years (`19dd`, `20dd`) of a line, found in one forward scan:
 * whether a candidate's span (or the stretch after it) holds one is then a walk over a few marks,
 * however many candidates overlap there. The marks are kept in typed arrays reused from line to line.
 */
export class LineMarks {
  private from = 0;
  private to = 0;
  /** Digit runs as `[start, end)` pairs, in order (`digitCount` numbers of them). */
  private digits = new Int32Array(64);
  private digitCount = 0;
  private quotes = new Int32Array(32);
  private quoteCount = 0;
  private years = new Int32Array(32);
  private yearCount = 0;

  read(text: string, from: number, to: number): void {
    this.begin(from, to);
    for (let p = from; p < to; p++) {
      const code = text.charCodeAt(p);
      if (code <= 57) {
        if (code >= 48) p = this.digitRun(text, p, to) - 1;
        else if (code === 34) this.quote(p);
      } else if (code === 0xab || code === 0x201c || code === 0x2018) this.quote(p);
    }
  }

  /**
   * Starts the line `[from, to)`, for a reader that visits its characters itself (`WordReader`,
   * which marks them while it splits the line into words): then `digitRun` at every digit that
   * starts a run and `quote` at every opening quote, in order.
   */
  begin(from: number, to: number): void {
    this.from = from;
    this.to = to;
    this.digitCount = 0;
    this.quoteCount = 0;
    this.yearCount = 0;
  }

  /** Marks the digit run starting at `start` (and its years); returns its end. */
  digitRun(text: string, start: number, to: number): number {
    let p = start;
    for (; p < to && isDigitCode(text.charCodeAt(p)); p++) {
      if (p + 4 <= to && yearDigitsAt(text, p)) {
        if (this.yearCount === this.years.length) this.years = grown(this.years);
        this.years[this.yearCount++] = p;
      }
    }
    if (this.digitCount + 2 > this.digits.length) this.digits = grown(this.digits);
    this.digits[this.digitCount++] = start;
    this.digits[this.digitCount++] = p;
    return p;
  }

  /** Marks an opening quote (`[«“"‘]`) at `p`. */
  quote(p: number): void {
    if (this.quoteCount === this.quotes.length) this.quotes = grown(this.quotes);
    this.quotes[this.quoteCount++] = p;
  }

  /** A digit in `[start, end)` (`hasDigit`). */
  digit(text: string, start: number, end: number): boolean {
    if (start < this.from || end > this.to) return hasDigit(text, start, end);
    if (start >= end) return false;
    const digits = this.digits;
    const n = this.digitCount;
    for (let i = 0; i < n && digits[i] < end; i += 2) if (digits[i + 1] > start) return true;
    return false;
  }

  /** The first opening quote (`[«“"‘]`) at or after `start` on the line, or the line's end. */
  quoteFrom(start: number): number {
    const quotes = this.quotes;
    for (let i = 0; i < this.quoteCount; i++) if (quotes[i] >= start) return quotes[i];
    return this.to;
  }

  /** `hasYear(text, start, end)`, reading the line's year marks. */
  year(text: string, start: number, end: number): boolean {
    if (start < this.from || end > this.to) return hasYear(text, start, end);
    const years = this.years;
    for (let i = 0; i < this.yearCount; i++) {
      const p = years[i];
      if (p + 4 > end) break;
      if (p < start) continue;
      if (p > start && isAsciiWordChar(text.charCodeAt(p - 1))) continue;
      if (p + 4 < end && isAsciiWordChar(text.charCodeAt(p + 4))) continue;
      return true;
    }
    return false;
  }

  /** An opening quote in `[start, end)`. */
  quoteIn(text: string, start: number, end: number): boolean {
    if (start < this.from || end > this.to) {
      for (let p = start; p < end; p++) if (isOpeningQuote(text.charCodeAt(p))) return true;
      return false;
    }
    const quotes = this.quotes;
    for (let i = 0; i < this.quoteCount; i++) {
      const q = quotes[i];
      if (q >= end) return false;
      if (q >= start) return true;
    }
    return false;
  }
}

/** The same numbers in an array twice as long. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2);
  out.set(array);
  return out;
}

/** `/\b(?:19|20)\d\d\b/u.test(text.slice(from, to))`: a year (word boundaries as `\b` reads them in that slice). */
export function hasYear(text: string, from: number, to: number): boolean {
  for (let p = from; p + 4 <= to; p++) {
    const a = text.charCodeAt(p);
    if (!((a === 49 || a === 50) && yearDigitsAt(text, p))) continue;
    if (p > from && isAsciiWordChar(text.charCodeAt(p - 1))) continue;
    if (p + 4 < to && isAsciiWordChar(text.charCodeAt(p + 4))) continue;
    return true;
  }
  return false;
}

/** `/[$€₽¥]|млрд|млн|billion|million|bn\b/u.test(text.slice(from, to))`: money in the stretch. */
export function hasMoney(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const a = text.charCodeAt(p);
    if (a === 36 || a === 0x20ac || a === 0x20bd || a === 0xa5) return true;
    if (a === 0x43c) {
      if (startsAt(text, p, to, 'млн') || startsAt(text, p, to, 'млрд')) return true;
    } else if (a === 98) {
      if (startsAt(text, p, to, 'billion')) return true;
      if (text.charCodeAt(p + 1) === 110 && p + 2 <= to && (p + 2 === to || !isAsciiWordChar(text.charCodeAt(p + 2)))) return true;
    } else if (a === 109 && startsAt(text, p, to, 'million')) return true;
  }
  return false;
}

/** `19dd` or `20dd` at `p`. */
function yearDigitsAt(text: string, p: number): boolean {
  const a = text.charCodeAt(p);
  const b = text.charCodeAt(p + 1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigitCode(text.charCodeAt(p + 2)) && isDigitCode(text.charCodeAt(p + 3));
}

/** `word` is written at `p` and ends by `to`. */
function startsAt(text: string, p: number, to: number, word: string): boolean {
  if (p + word.length > to) return false;
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(p + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** What `\b` counts as a word character: `[A-Za-z0-9_]`. */
function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

const LETTER = /\p{L}/u;

/**
 * The end of `/^\p{L}+/u.exec(text.slice(from, to))` as an index (`from` when no letter starts
 * there), or -1 when the run meets a surrogate (an astral character), which the caller then reads
 * with the expression.
 */
export function letterRunEnd(text: string, from: number, to: number): number {
  let p = from;
  for (; p < to; p++) {
    const code = text.charCodeAt(p);
    // (`((code | 32) - 97) >>> 0 < 26`: A-Z and a-z in one comparison.)
    if (((code | 32) - 97) >>> 0 < 26 || (code >= 0x400 && code <= 0x481) || (code >= 0x48a && code <= 0x4ff)) continue;
    if (code < 0x80) break;
    if (code >= 0xd800 && code <= 0xdfff) return -1;
    if (!LETTER.test(text[p])) break;
  }
  return p;
}

/** Words a verb's object may open with before what it names (`hasObject` in initiatives.ts), in the order the expression tries them. */
const LEAD_WORDS = ['a further', 'a total of', 'an', 'a', 'the', 'ещё', 'еще', 'всего', 'более'];

/**
 * The end of `/^[\s,]*(?:(?:a further|a total of|an|a|the|ещё|еще|всего|более)\s+)?/u` matched on
 * `text.slice(from, to)`, as an index: spaces and commas, then one of those words and the spaces
 * after it when spaces follow it.
 */
export function leadEnd(text: string, from: number, to: number): number {
  let p = from;
  while (p < to && (isRegexSpace(text.charCodeAt(p)) || text.charCodeAt(p) === 44)) p++;
  for (const word of LEAD_WORDS) {
    const after = p + word.length;
    if (after < to && text.startsWith(word, p) && isRegexSpace(text.charCodeAt(after))) {
      let q = after + 1;
      while (q < to && isRegexSpace(text.charCodeAt(q))) q++;
      return q;
    }
  }
  return p;
}

/**
 * `/^\s*(?:to\s+(?=\p{L}))?(\p{L}+)/u.exec(text.slice(from, to))`: the letters it captures as
 * `[start, end)`, written into `out`; false when it does not match, undefined when a surrogate is in
 * the way (the caller then runs the expression).
 */
export function firstObjectWord(text: string, from: number, to: number, out: { start: number; end: number }): boolean | undefined {
  let p = from;
  while (p < to && isRegexSpace(text.charCodeAt(p))) p++;
  if (p + 2 < to && text.charCodeAt(p) === 116 && text.charCodeAt(p + 1) === 111 && isRegexSpace(text.charCodeAt(p + 2))) {
    let q = p + 3;
    while (q < to && isRegexSpace(text.charCodeAt(q))) q++;
    if (q < to) {
      const run = letterRunEnd(text, q, Math.min(to, q + 1));
      if (run < 0) return undefined;
      if (run > q) p = q;
    }
  }
  const end = letterRunEnd(text, p, to);
  if (end < 0) return undefined;
  if (end === p) return false;
  out.start = p;
  out.end = end;
  return true;
}
