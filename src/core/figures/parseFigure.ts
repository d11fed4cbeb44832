/**
 * Figure normalisation: what a figure's text says (value in base units, unit, qualifier), in
 * Russian and English. The rules are listed with examples in the Figures section of docs/FORMAT.md;
 * the word lists live in `detect/lexicon.ts`, the digit rules in `detect/numbers.ts`.
 */
import type { ParsedFigure, Qualifier } from './types';
import { numberValue, scaledValue, scanNumber, scanNumberDigits, type NumberDigits, type ScannedNumber } from './numbers';
import { joinRange, rangeOpener, rangeSecondEnd, type RangeEnd } from './ranges';
import { gluedCurrencyBefore, readAfter, readBefore, type AfterNumber, type BeforeNumber } from './reader';
import { isDigit, isLetter, own } from '../text';
import { CURRENCY_SYMBOLS, QUALIFIER_PHRASES } from './lexicon';
import { phraseAnywhere } from './phrases';

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
    return readFast(text, language) ?? read(text, language);
  } catch {
    // Never let an odd span break the model; a figure without a value gets its own diagnostic.
    return NOTHING;
  }
}

/**
 * `parseFigure` without the fast path: every figure through the general reader. The reference
 * the fast path is tested against (test/unit/figureFastPath.test.ts) and timed against
 * (bench/figures.bench.ts); not for use elsewhere.
 */
export function parseFigureGeneral(text: string, language = 'en'): ParsedFigure {
  try {
    return read(text, language);
  } catch {
    return NOTHING;
  }
}

// ── The fast path ───────────────────────────────────────────────────────────────────────────
//
// `read` below finds the first number not glued to a letter and reads the words on either side
// of it. What it reads before the number depends only on the text before it (readBefore and
// anyQualifier look backwards from the number, floor 0), and what it reads after the number only
// on the text after it, the language and whether a currency came before (readAfter, rangeEnd
// and the `+` checks look forwards, up to the end). So a figure is: prefix + number + suffix, and
//   - the number is read by scanNumber's own reader without its strings (scanNumberDigits);
//   - the prefix's reading (currency, qualifier, where the figure starts) and the suffix's
//     (magnitude, unit, a trailing `+`) are the general reader's own answers, remembered by the
//     prefix's and the suffix's text: a notes file writes the same few words around ever
//     different numbers ("более $… млрд", "… тыс. тонн", "…%"). An empty prefix or a lone
//     currency sign needs no look-up at all.
// Anything else (a digit glued to a name before the number, long words around it) goes the
// general way. The answers are the general reader's, compared on every form of the
// fixtures and on thousands of generated and mutated figures by test/unit/figureFastPath.test.ts.

/** The fast path alone: its reading, or undefined where parseFigure goes the general way (for tests). */
export function parseFigureFastOnly(text: string, language = 'en'): ParsedFigure | undefined {
  return readFast(text, language);
}

/** What the words before a number say: where the figure starts, its currency, its qualifier. */
interface PrefixReading {
  readonly start: number;
  readonly currency: string | undefined;
  readonly qualifier: Qualifier | null;
}

/** What the words after a number say. `plus`: a `+` right after the number or after the unit ("650+"). */
interface SuffixReading {
  readonly magnitude: number;
  readonly unit: string | undefined;
  readonly plus: boolean;
  /** A second number joined by a dash or a word ("–5 bn", " to 15%"): a range, read the general way. */
  readonly range: boolean;
}

/** Prefixes and suffixes longer than this are read the general way (and not remembered). */
const MEMO_TEXT = 48;
/** Readings remembered per table; a table is emptied when full (a bound, not an eviction policy). */
const MEMO_SIZE = 4096;
const prefixMemo = new Map<string, PrefixReading>();
/** By language, then by "currency before" (0/1), then by the suffix's text. */
const suffixMemo = new Map<string, [Map<string, SuffixReading>, Map<string, SuffixReading>]>();

/** Single-character currency signs that `currencyBeforeAt` reads alone: char code → ISO code. */
const SIGN_CURRENCY = new Map<number, string>();
for (const [symbol, code] of CURRENCY_SYMBOLS) {
  if (symbol.length === 1 && !SIGN_CURRENCY.has(symbol.charCodeAt(0))) SIGN_CURRENCY.set(symbol.charCodeAt(0), code);
}

/** The number read by the fast path. */
const number: NumberDigits = { end: 0, digits: 0, fractionLength: 0 };

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_SIZE) memo.clear();
  // A key cut from a long text would keep that text alive: copy it.
  memo.set(own(key), value);
}

/** The fast path: the same answer as `read`, or undefined to go the general way. */
function readFast(text: string, language: string): ParsedFigure | undefined {
  if (typeof text !== 'string' || typeof language !== 'string') return undefined;
  const limit = text.length;
  let i = 0;
  while (i < limit && !isDigit(text.charCodeAt(i))) i++;
  if (i === limit) return NOTHING;
  if (i > 0 && isLetter(text.charCodeAt(i - 1))) return undefined;
  if (!scanNumberDigits(text, i, limit, language, number)) return NOTHING;
  const n = number.end;
  const before = prefixReading(text, i);
  if (before === undefined) return undefined;
  const after = suffixReading(text, n, limit, language, before.currency !== undefined);
  if (after === undefined || after.range) return undefined;
  let qualifier = before.qualifier;
  if (qualifier === null && after.plus) qualifier = 'more_than';
  return {
    value: scaledValue(number.digits, number.fractionLength, after.magnitude),
    unit: before.currency ?? after.unit,
    qualifier,
    magnitude: after.magnitude,
    numberStart: i,
    numberEnd: n,
  };
}

function prefixReading(text: string, i: number): PrefixReading | undefined {
  if (i === 0) return { start: 0, currency: undefined, qualifier: null };
  if (i === 1) {
    const code = SIGN_CURRENCY.get(text.charCodeAt(0));
    if (code !== undefined) return { start: 0, currency: code, qualifier: null };
  }
  if (i > MEMO_TEXT) return undefined;
  const key = text.slice(0, i);
  let reading = prefixMemo.get(key);
  if (reading === undefined) {
    const before = readBefore(text, i, 0, false);
    reading = { start: before.start, currency: before.currency, qualifier: before.qualifier ?? anyQualifier(text, before.start) };
    remember(prefixMemo, key, reading);
  }
  return reading;
}

function suffixReading(text: string, n: number, limit: number, language: string, currencyBefore: boolean): SuffixReading | undefined {
  if (limit - n > MEMO_TEXT) return undefined;
  let tables = suffixMemo.get(language);
  if (tables === undefined) {
    if (suffixMemo.size >= 16) suffixMemo.clear();
    suffixMemo.set(own(language), (tables = [new Map(), new Map()]));
  }
  const memo = tables[currencyBefore ? 1 : 0];
  const key = n === limit ? '' : text.slice(n);
  let reading = memo.get(key);
  if (reading === undefined) {
    // `read`'s steps after the number, as they are there.
    const plus = text[n] === '+';
    const after = readAfter(text, plus ? n + 1 : n, limit, language, currencyBefore, true);
    const range = !plus && !after.glued && RANGE_JOINERS.some((joiner) => rangeSecondEnd(text, after.end, limit, language, joiner) !== undefined);
    reading = { magnitude: after.magnitude, unit: after.unit, plus: plus || text[after.end] === '+', range };
    remember(memo, key, reading);
  }
  return reading;
}

function read(text: string, language: string): ParsedFigure {
  const limit = text.length;
  for (let i = 0; i < limit; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    if (i > 0 && (isDigit(text.charCodeAt(i - 1)) || (isLetter(text.charCodeAt(i - 1)) && !gluedCurrencyBefore(text, i, 0)))) {
      // Skip the rest of a number glued to a name (G20, ПМЭФ2016).
      while (i + 1 < limit && isDigit(text.charCodeAt(i + 1))) i++;
      continue;
    }
    const n = scanNumber(text, i, limit, language);
    if (!n) return NOTHING;
    const before = readBefore(text, i, 0, false);
    // "650+ projects": the plus is a qualifier, what follows it is read as usual.
    const plus = text[n.end] === '+';
    const after = readAfter(text, plus ? n.end + 1 : n.end, limit, language, before.currency !== undefined, true);
    const range = plus || after.glued ? undefined : readRange(text, n, before, after, language);
    if (range) return range;
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

/** The ways a range's second end is joined to the first: a dash, or a word. */
const RANGE_JOINERS: readonly (string | undefined)[] = [undefined, 'до', 'to', 'and'];

/**
 * A range ("1,5–2 трлн", "10-15%", "от $3 до 5 млрд", "between 20 and 30 countries"): the upper
 * end is the value, the lower end `min`, no qualifier (detect/ranges.ts reads both ends).
 */
function readRange(text: string, n: ScannedNumber, before: BeforeNumber, after: AfterNumber, language: string): ParsedFigure | undefined {
  const limit = text.length;
  const opener = before.qualifier === null ? rangeOpener(text, before.start, 0) : undefined;
  let second: RangeEnd | undefined = rangeSecondEnd(text, after.end, limit, language, opener?.[0]);
  if (!second && !opener && after.end === n.end) {
    // "10 to 15 percent": a bare first end and a second with a unit or magnitude.
    second = rangeSecondEnd(text, after.end, limit, language, 'to');
    if (second && second.after.end === second.number.end) second = undefined;
  }
  if (!second) return undefined;
  const joined = joinRange({ number: n, currency: before.currency, after }, second);
  if (!joined) return undefined;
  return { value: joined.value, min: joined.min, unit: joined.unit, qualifier: null, magnitude: joined.magnitude, numberStart: n.start, numberEnd: second.number.end };
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
