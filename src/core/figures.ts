/**
 * Figure normalisation: what a figure's text says (value in base units, unit, qualifier), in
 * Russian and English. The rules are listed with examples in the Figures section of docs/FORMAT.md;
 * the word lists live in `detect/lexicon.ts`, the digit rules in `detect/numbers.ts`.
 */
import type { ParsedFigure, Qualifier } from './types';
import { numberValue, scanNumber } from './detect/numbers';
import { readAfter, readBefore } from './detect/reader';
import { isDigit, isLetter } from './detect/text';
import { QUALIFIER_PHRASES } from './detect/lexicon';
import { phraseAnywhere } from './detect/phrases';

const NOTHING: ParsedFigure = { value: undefined, unit: undefined, qualifier: null, magnitude: 1, numberStart: undefined, numberEnd: undefined };

/**
 * Reads the figure written in `text` (an annotated span's text, e.g. `более $650 млрд`,
 * `some 10,000 representatives`, `1,5 трлн рублей`). `language` (`ru`, `en`, …) decides an
 * ambiguous comma: `1,500` is 1.5 in Russian and 1500 in English.
 *
 * The first number that is not glued to a letter is the value; a qualifier anywhere before it
 * counts (`объём торговли более $650 млрд` → more_than). Never throws; returns `value: undefined`
 * when no number is found.
 *
 * @example parseFigure('более $650 млрд', 'ru') // { value: 650e9, unit: 'USD', qualifier: 'more_than', magnitude: 1e9, … }
 */
export function parseFigure(text: string, language = 'en'): ParsedFigure {
  try {
    return read(text, language);
  } catch {
    // Never let an odd span break the model; a figure without a value gets its own diagnostic.
    return NOTHING;
  }
}

function read(text: string, language: string): ParsedFigure {
  const limit = text.length;
  for (let i = 0; i < limit; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    if (i > 0 && (isDigit(text.charCodeAt(i - 1)) || isLetter(text.charCodeAt(i - 1)))) {
      // Skip the rest of a number glued to a name (G20, ПМЭФ2016).
      while (i + 1 < limit && isDigit(text.charCodeAt(i + 1))) i++;
      continue;
    }
    const n = scanNumber(text, i, limit, language);
    if (!n) return NOTHING;
    const before = readBefore(text, i, 0, false);
    // "650+ projects": the plus is a qualifier, what follows it is read as usual.
    const plus = text[n.end] === '+';
    let after = readAfter(text, plus ? n.end + 1 : n.end, limit, language, before.currency !== undefined, true);
    // A range ("1,5–2 трлн", "10-15%") reads as its first number with the magnitude and unit of the end.
    if (after.end === n.end && !after.glued && !plus) {
      const range = rangeEnd(text, n.end, limit, language);
      if (range !== undefined) after = readAfter(text, range, limit, language, before.currency !== undefined, true);
    }
    const unit = before.currency ?? after.unit;
    let qualifier: Qualifier | null = before.qualifier ?? anyQualifier(text, before.start);
    if (qualifier === null && (plus || text[after.end] === '+')) qualifier = 'more_than';
    return {
      value: numberValue(n, after.magnitude),
      unit,
      qualifier,
      magnitude: after.magnitude,
      numberStart: n.start,
      numberEnd: n.end,
    };
  }
  return NOTHING;
}

/** After "1,5" at `p`: a dash and a second number; returns the second number's end. */
function rangeEnd(text: string, p: number, limit: number, language: string): number | undefined {
  let q = p;
  while (q < limit && text[q] === ' ') q++;
  if (!'-–—'.includes(text[q] ?? 'x') || q >= limit) return undefined;
  q++;
  while (q < limit && text[q] === ' ') q++;
  const second = scanNumber(text, q, limit, language);
  return second?.end;
}

/** A qualifier phrase anywhere in the words before the number (whole words only). */
function anyQualifier(text: string, end: number): Qualifier | null {
  const fast = phraseAnywhere(text, end, isLetter);
  if (fast !== undefined) return fast;
  // Letters of other scripts: the string path, whose lower-casing and \p{L} are the reference.
  const prefix = text.slice(0, end);
  const lower = ` ${prefix.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ')} `;
  for (const [phrase, q] of QUALIFIER_PHRASES) if (lower.includes(` ${phrase} `)) return q;
  return null;
}
