/**
 * Ranges written as one figure: "$3–5 bn", "от $3 до 5 млрд", "between 20 and 30 countries",
 * "from €1 billion to €2 billion". The first end is read by the caller; this module finds the
 * word that opens a range before it and reads the second end after it. Shared by `parseFigure`
 * (an annotated span) and `detectFigures` (running text), so both read a range the same way:
 * value = the upper end, `min` = the lower end, a currency, magnitude or unit written on one end
 * applying to both.
 */
import { numberValue, scanNumber, type ScannedNumber } from './numbers';
import { readAfter, readBefore, type AfterNumber } from './reader';
import { isDigit, isLetter, previousWord, skipSpaces, wordEnd } from '../text';

/** Words that open a range → the word that joins its two ends. */
const OPENERS: ReadonlyMap<string, string> = new Map([['от', 'до'], ['between', 'and'], ['from', 'to']]);

/**
 * English words after which "from X to Y" is a change, not a range ("rose from 2% to 3%"): two
 * figures, as the Russian "с 10 до 15%" is.
 */
const EN_CHANGE = /^(?:ris|rose|grow|grew|increas|fell|fall|drop|declin|jump|climb|up|down|cut|reduc|rais|boost|expand|doubl|tripl|lift|go|went|gone|surg|soar|chang|mov|shift|slash|slid|shr[ai]nk|narrow|widen|improv|recover|push|brought|bring|decreas|lower|hik)/u;

/** One end of a range as read: its number, the currency written before it, and what follows it. */
export interface RangeEnd {
  readonly number: ScannedNumber;
  readonly currency: string | undefined;
  readonly after: AfterNumber;
}

/**
 * The word that opens a range right before `start` ("от", "between", "from" not after a verb of
 * change): [the word that must join the ends, the opener's start], or undefined.
 */
export function rangeOpener(text: string, start: number, floor: number): readonly [string, number] | undefined {
  const w = previousWord(text, start, floor);
  if (!w || w[1] - w[0] > 7) return undefined;
  const word = text.slice(w[0], w[1]).toLowerCase();
  const joiner = OPENERS.get(word);
  if (joiner === undefined) return undefined;
  if (word === 'from') {
    const verb = previousWord(text, w[0], floor);
    if (verb && EN_CHANGE.test(text.slice(verb[0], verb[1]).toLowerCase())) return undefined;
  }
  return [joiner, w[0]];
}

/**
 * The second end of a range whose first end stops at `end`: after `joiner` ("до", "and", "to")
 * when the range was opened by a word, or after a dash (`joiner` undefined). Reads an optional
 * currency sign or code, the number, and what follows it. Undefined when none is there.
 */
export function rangeSecondEnd(text: string, end: number, limit: number, language: string, joiner: string | undefined): RangeEnd | undefined {
  let p: number;
  if (joiner === undefined) {
    const q = skipSpaces(text, end, limit, 1);
    if (!'-–—'.includes(text[q] ?? 'x') || q >= limit) return undefined;
    p = skipSpaces(text, q + 1, limit, 1);
  } else {
    const s = skipSpaces(text, end, limit);
    if (s === end) return undefined;
    const e = wordEnd(text, s, limit);
    if (e - s !== joiner.length || text.slice(s, e).toLowerCase() !== joiner) return undefined;
    p = skipSpaces(text, e, limit);
    if (p === e) return undefined;
  }
  // A currency sign or code may stand before the second number ("до $5 млрд", "to US$ 2 billion").
  let digit = p;
  while (digit < limit && digit - p < 5 && !isDigit(text.charCodeAt(digit))) digit++;
  if (!isDigit(text.charCodeAt(digit))) return undefined;
  if (digit > p && isLetter(text.charCodeAt(digit - 1)) && text.slice(p, digit).toUpperCase() !== text.slice(p, digit)) return undefined;
  const before = readBefore(text, digit, p, false);
  if (before.start !== p || (digit > p && before.currency === undefined)) return undefined;
  const number = scanNumber(text, digit, limit, language);
  if (!number) return undefined;
  const after = readAfter(text, number.end, limit, language, before.currency !== undefined, true);
  if (after.glued || isLetter(text.charCodeAt(after.end)) || isDigit(text.charCodeAt(after.end))) return undefined;
  return { number, currency: before.currency, after };
}

/** A range read from its two ends: value (upper end), min (lower end), unit, magnitude of the upper end. */
export interface RangeReading {
  readonly value: number;
  readonly min: number;
  readonly unit: string | undefined;
  readonly magnitude: number;
  readonly minMagnitude: number;
}

/**
 * Joins two ends into one reading, the currency, magnitude or unit of one end applying to an end
 * that has none. Undefined when the ends do not make a range: different units, or the first end
 * above the second ("from 10 to 5" is a fall, not a range).
 */
export function joinRange(first: RangeEnd, second: RangeEnd): RangeReading | undefined {
  const firstUnit = first.currency ?? first.after.unit;
  const secondUnit = second.currency ?? second.after.unit;
  if (firstUnit !== undefined && secondUnit !== undefined && firstUnit !== secondUnit) return undefined;
  const firstBare = first.after.end === first.number.end;
  // A magnitude on one end only applies to both ("от 3 до 5 млрд", "от 3 млрд до 5 кубометров").
  const minMagnitude = first.after.magnitude === 1 && firstBare ? second.after.magnitude : first.after.magnitude;
  const magnitude = second.after.magnitude === 1 ? minMagnitude : second.after.magnitude;
  const min = numberValue(first.number, minMagnitude);
  const value = numberValue(second.number, magnitude);
  if (!(min < value)) return undefined;
  return { value, min, unit: firstUnit ?? secondUnit, magnitude, minMagnitude };
}
