/**
 * `detectFigures`: every quantity written with digits in running text, with the span an analyst
 * would annotate (qualifier + number + magnitude + currency or unit) and its normalised value.
 *
 * Not figures (skipped): dates and years, times, phone numbers and numeric dates, ordinals and
 * event numbers (`16th`, `25-летие`), numbers glued to names (`G20`, `ПМЭФ-2016`), a bare number
 * right after a capitalised name word (`Nord Stream 2`), labels (`article 5`, `пункт 3`), list
 * numbering and footnote marks (`(6)`).
 *
 * One forward pass; each number looks at a bounded window around it, so the cost is linear.
 */
import type { Qualifier } from '../model';
import {
  AGE_WORDS, COMPOUND_UNITS, FirstLetters, DURATION_UNITS, GROUP_NOUNS, TEXT_PART_UNITS, EN_COUNT_NOUNS, EN_MONTHS, LABEL_WORDS, MAGNITUDE_WORDS, ruCountUnit,
  gluedCurrencyBefore, joinRange, numberValue, rangeOpener, rangeSecondEnd, readAfter, readBefore, scanNumber, type AfterNumber, type ScannedNumber,
} from '../figures';
import { SkipCursor } from './skip';
import { atSentenceStart, charIn, isDigit, isInlineSpace, isLetter, isUpper, previousWord, skipSpaces, wordEnd } from '../text';
import type { DetectedFigure, TextRange } from './types';

/** A found figure with what the second pass (unit inheritance) needs. */
interface Found {
  start: number;
  end: number;
  number: ScannedNumber;
  magnitude: number;
  unit: string | undefined;
  unitKind: AfterNumber['unitKind'];
  qualifier: Qualifier | null;
  bare: boolean;
  /** A range's lower end (its number and magnitude); `number` is then the upper end. */
  min?: { readonly number: ScannedNumber; readonly magnitude: number };
}

const RU_MONTH = /^(?:(?:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)[ьяеюа]?|ма[йяею])$/u;
const TIME_WORDS = /^(?:am|pm|a|p|утра|вечера|ночи|часов|час|ч|hrs|gmt|utc|мск)$/u;
/** An ASCII digit (`isDigit`) or a line break, searched for with `lastIndex`. */
const DIGIT = /[0-9\n]/g;
const CLOSING_QUOTES = '’”»"\'';
const PHONE = /^\d{1,4}(?:[\s\u00a0]?\(\d{1,5}\))?(?:[\s\u00a0-]?\d{2,4}){2,5}(?!\d)/u;
/** A second day after a first one, joined by a word, and the word after it (a month for a date). */
const DAY_RANGE = /^[\s\u00a0]{1,3}(?:по|до|и|to|through|till|until|and)[\s\u00a0]{1,3}\d{1,2}[\s\u00a0]{1,3}(\p{L}+)/u;
/** Words before "15.00" that make it a clock time ("в 15.00", "at 9.30"). */
const TIME_PREPOSITIONS = /^(?:в|во|с|со|до|к|at|from|until|till|by)$/u;

/**
 * Finds the figures in `text`. `language` (`ru`/`en`) decides an ambiguous comma as in
 * `parseFigure`; ranges in `skip` (existing annotations, code, front matter) are never entered
 * and no figure crosses into one.
 */
export function detectFigures(text: string, language: string, skip?: readonly TextRange[]): DetectedFigure[] {
  const found: Found[] = [];
  const skipper = new SkipCursor(skip);
  const n = text.length;
  let lineStart = 0;
  let lineEnd = -1;
  let floor = 0;
  // The next digit or line break found by the expression engine's scan, several times faster here
  // than a loop over every character.
  const digits = DIGIT;
  for (let i = 0; i < n; i++) {
    digits.lastIndex = i;
    if (!digits.test(text)) break;
    i = digits.lastIndex - 1;
    if (text.charCodeAt(i) === 10) { lineStart = i + 1; continue; }
    const covered = skipper.covering(i);
    // The floor below includes the skipped range's end, so no line bookkeeping is needed here.
    if (covered) { i = covered.end - 1; continue; }
    if (lineEnd < i) { lineEnd = text.indexOf('\n', i); if (lineEnd < 0) lineEnd = n; }
    const limit = Math.min(lineEnd, skipper.nextStart(i));
    const low = Math.max(lineStart, skipper.previousEnd(), floor);
    const result = figureAt(text, i, low, limit, language);
    if (result.figure) {
      found.push(result.figure);
      floor = result.figure.end;
    }
    i = Math.max(i, result.resume - 1);
  }
  inheritUnits(text, found);
  const out: DetectedFigure[] = [];
  for (const f of found) {
    // The same keys in the same order as ever (`detect --json` prints them), `min` only for a range.
    const value = numberValue(f.number, f.magnitude);
    out.push(f.min
      ? { kind: 'figure', start: f.start, end: f.end, text: text.slice(f.start, f.end), value, min: numberValue(f.min.number, f.min.magnitude), unit: f.unit, qualifier: f.qualifier }
      : { kind: 'figure', start: f.start, end: f.end, text: text.slice(f.start, f.end), value, unit: f.unit, qualifier: f.qualifier });
  }
  return out;
}

interface Step { readonly figure?: Found; readonly resume: number }

/** Reads the figure whose number starts at `i`, or says where to resume when it is not one. */
function figureAt(text: string, i: number, floor: number, limit: number, language: string): Step {
  const cluster = clusterAt(text, i, limit);
  if (cluster.kind !== 'number') return { resume: cluster.end };
  const prev = text.charCodeAt(i - 1);
  // "R2.5 billion": a currency letter glued to the digits (checked below: a magnitude must follow).
  const letterCurrency = i > floor && gluedCurrencyBefore(text, i, floor) !== undefined;
  if (i > floor && !letterCurrency && (isLetter(prev) || '#№/\\_@.'.includes(text[i - 1]) || (isHyphen(prev) && isLetter(text.charCodeAt(i - 2))))) {
    return { resume: cluster.end };
  }
  // "5+1", "C5+1": a format's name, not a figure ("650+" alone still reads as more than 650).
  if (text[i - 1] === '+' && (isDigit(text.charCodeAt(i - 2)) || isLetter(text.charCodeAt(i - 2)))) return { resume: cluster.end };
  const number = scanNumber(text, i, limit, language);
  if (!number) return { resume: cluster.end };
  if (text[number.end] === '+' && isDigit(text.charCodeAt(number.end + 1))) return { resume: number.end + 1 };
  const before = readBefore(text, i, floor, true);
  const plus = text[number.end] === '+';
  let after = readAfter(text, plus ? number.end + 1 : number.end, limit, language, before.currency !== undefined, true);
  if (after.glued) return { resume: number.end };
  if (letterCurrency && after.magnitude === 1) return { resume: cluster.end };
  // "25-летие", "19-year", "16-й": a hyphen and letters make an ordinal or an adjective,
  // except a compound that states a quantity ("a 300-member delegation", "a $5-billion fund").
  if (isHyphen(text.charCodeAt(number.end)) && isLetter(text.charCodeAt(number.end + 1))) {
    return compoundAt(text, number, before, floor, limit) ?? { resume: number.end };
  }
  let end = after.end;
  let upper = number;
  let magnitude = after.magnitude;
  let joinedUnit: string | undefined;
  let min: Found['min'];
  let rangeStart: number | undefined;
  if (!plus) {
    // "$3–5 bn", "от $3 до 5 млрд", "between 20 and 30 countries": one figure, the upper end its value.
    const opener = before.qualifier === null ? rangeOpener(text, before.start, floor) : undefined;
    let second = rangeSecondEnd(text, end, limit, language, opener?.[0]);
    // "10 to 15 percent", "$3 to $5 billion": a first end with nothing after it, unless a change ("from 5 to 7%").
    if (!second && !opener && end === number.end && !previousWordIs(text, before.start, floor, 'from')) {
      second = rangeSecondEnd(text, end, limit, language, 'to');
      if (second && second.after.end === second.number.end) second = undefined;
    }
    if (second) {
      if (second.after.unit === undefined && second.after.magnitude === 1 && isDateOrYear(text, second.number, second.after, floor, limit)) {
        return { resume: second.after.end };
      }
      const joined = joinRange({ number, currency: before.currency, after }, second);
      if (joined) {
        after = second.after;
        end = after.end;
        upper = second.number;
        magnitude = joined.magnitude;
        joinedUnit = joined.unit;
        min = { number, magnitude: joined.minMagnitude };
        if (opener) rangeStart = opener[1];
      }
    }
  }
  const bare = (joinedUnit ?? after.unit) === undefined && magnitude === 1 && before.currency === undefined;
  if (isDateOrYear(text, number, after, floor, limit)) return { resume: Math.max(number.end, end) };
  if (bare && !isQuantityContext(text, number, before.start, end, floor, limit)) return { resume: number.end };
  if (bare && isDottedTime(text, number, floor)) return { resume: number.end };
  if (!before.currency && after.unitKind !== 'currency' && after.unitKind !== 'percent' && followsLabel(text, before.start, floor)) return { resume: end };
  let start = rangeStart ?? before.start;
  let unit = joinedUnit ?? before.currency ?? after.unit;
  // Durations and ages are not figures ("20 лет партнёрства", "for 10 years", "turns 25").
  if (unit !== undefined && (DURATION_UNITS.has(unit) || TEXT_PART_UNITS.has(unit))) return { resume: end };
  if ((unit === undefined || unit === 'years') && followsAgeWord(text, before.start, floor)) return { resume: end };
  // "в 2 раза": the preposition belongs to the multiple.
  if (unit === 'times') {
    const w = previousWord(text, start, floor);
    if (w && text.slice(w[0], w[1]).toLowerCase() === 'в') start = w[0];
  }
  if (unit === undefined && after.unitKind === 'currency') unit = before.currency;
  const qualifier = min ? null : before.qualifier ?? (plus ? 'more_than' : null);
  return {
    figure: { start, end, number: upper, magnitude, unit, unitKind: before.currency ? 'currency' : after.unitKind, qualifier, bare, min },
    resume: end,
  };
}

function isHyphen(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}

/** A run of digits and separators, classified: a time, a numeric date, a phone number, or a number. */
function clusterAt(text: string, i: number, limit: number): { kind: 'number' | 'skip'; end: number } {
  // Phone numbers: "+7 727 123-45-67", "8 (800) 555-35-35".
  if (text[i - 1] === '+' || text[i - 1] === '(') {
    let digits = 0;
    let p = i;
    while (p < limit && p - i < 24 && (isDigit(text.charCodeAt(p)) || ' -()\u00a0'.includes(text[p]))) { if (isDigit(text.charCodeAt(p))) digits++; p++; }
    if (digits >= 9) return { kind: 'skip', end: p };
  }
  // "8 (017) 222-33-44", "+7 (843) 567-89-01", "8 800 555-35-35": a bracketed area code or two dashes.
  if (mayBePhone(text, i, Math.min(limit, i + 32))) {
    const phone = PHONE.exec(text.slice(i, Math.min(limit, i + 32)));
    if (phone && (phone[0].includes('(') || (phone[0].match(/-/gu) ?? []).length >= 2)) return { kind: 'skip', end: i + phone[0].length };
  }
  let p = i;
  // The separators met (counts) and the lengths of the first two digit groups (-1 when absent).
  let colonOrSlash = false;
  let dots = 0;
  let dashes = 0;
  let groups = 0;
  let group0 = -1;
  let group1 = -1;
  let groupStart = i;
  while (p < limit && p - i < 40) {
    const c = text.charCodeAt(p);
    if (isDigit(c)) { p++; continue; }
    if ((c === 58 || c === 46 || c === 47 || c === 45 || c === 0x2013) && isDigit(text.charCodeAt(p + 1))) {
      if (groups === 0) group0 = p - groupStart; else if (groups === 1) group1 = p - groupStart;
      groups++;
      if (c === 58 || c === 47) colonOrSlash = true;
      else if (c === 46) dots++;
      else dashes++;
      p++;
      groupStart = p;
      continue;
    }
    break;
  }
  if (groups === 0) group0 = p - groupStart; else if (groups === 1) group1 = p - groupStart;
  if (colonOrSlash) return { kind: 'skip', end: p };
  if (dots === 2 && group0 <= 2 && group1 <= 2) return { kind: 'skip', end: p };
  if (dashes >= 2) return { kind: 'skip', end: p };
  if (dashes === 1) {
    // "2020–2024": a span of years.
    const first = Number(text.slice(i, i + group0));
    if (group0 === 4 && first >= 1800 && first <= 2199) return { kind: 'skip', end: p };
  }
  return { kind: 'number', end: Math.max(p, i + 1) };
}

/**
 * Whether `PHONE` can match at `i` with a bracket or two dashes (what `clusterAt` asks of it): only
 * if the run of characters it may match (digits, brackets, dashes, spaces) holds them.
 */
function mayBePhone(text: string, i: number, to: number): boolean {
  let dashes = 0;
  for (let p = i; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 40) return true;
    if (c === 45) { if (++dashes >= 2) return true; continue; }
    // Digits, `)`, and anything `\s` may match (all at or below 32, no-break spaces, 0x1680 and above).
    if (!((c >= 48 && c <= 57) || c === 41 || c <= 32 || c === 0xa0 || c >= 0x1680)) return false;
  }
  return false;
}

function previousWordIs(text: string, start: number, floor: number, word: string): boolean {
  const w = previousWord(text, start, floor);
  return w !== undefined && w[1] - w[0] === word.length && text.slice(w[0], w[1]).toLowerCase() === word;
}

/** "turns 25", "aged 65", "at the age of 71", "исполнится 25 лет": an age or anniversary. */
function followsAgeWord(text: string, start: number, floor: number): boolean {
  const w = previousWord(text, start, floor);
  if (!w || !AGE_FIRSTS.mayStartAt(text, w[0])) return false;
  const word = text.slice(w[0], w[1]).toLowerCase();
  if (AGE_WORDS.has(word)) return true;
  if (word !== 'of') return false;
  const age = previousWord(text, w[0], floor);
  return age !== undefined && text.slice(age[0], age[1]).toLowerCase() === 'age';
}

/**
 * A number joined by a hyphen to a word that makes it a quantity: a counted thing
 * ("300-member" → 300 people, "10-nation" → 10 countries, "2,000-km" → 2000 km) or a magnitude
 * ("$5-billion" → 5 × 10⁹ USD). Other compounds ("10-year", "25-летие", "3-point") are not figures.
 */
function compoundAt(text: string, number: ScannedNumber, before: { start: number; currency: string | undefined; qualifier: Qualifier | null }, floor: number, limit: number): Step | undefined {
  const from = number.end + 1;
  const to = wordEnd(text, from, limit);
  // Only the first part of "5-billion-dollar" or "300-member-strong" decides.
  let first = from;
  while (first < to && isLetter(text.charCodeAt(first))) first++;
  const word = text.slice(from, first).toLowerCase();
  const magnitude = MAGNITUDE_WORDS.get(word);
  let unit = magnitude === undefined ? COMPOUND_UNITS.get(word) : before.currency;
  // "a 32-member alliance": the members of a bloc are countries.
  if (word === 'member' && first === to && GROUP_NOUNS.has(lowerWordAt(text, skipSpaces(text, to, limit), limit))) unit = 'countries';
  if (unit === undefined || (magnitude === undefined && before.currency !== undefined)) return undefined;
  if (followsLabel(text, before.start, floor)) return undefined;
  return {
    figure: { start: before.start, end: first, number, magnitude: magnitude ?? 1, unit, unitKind: magnitude === undefined ? 'count' : 'currency', qualifier: before.qualifier, bare: false },
    resume: to,
  };
}

/** A dash and a second number right after a number ("10–15%", "1,5-2 трлн"). */
function rangeAfter(text: string, p: number, limit: number, language: string): ScannedNumber | undefined {
  let q = skipSpaces(text, p, limit, 1);
  if (!'-–—'.includes(text[q] ?? 'x') || q >= limit) return undefined;
  q = skipSpaces(text, q + 1, limit, 1);
  return scanNumber(text, q, limit, language);
}

function lowerWordAt(text: string, p: number, limit: number): string {
  return text.slice(p, wordEnd(text, p, limit)).toLowerCase();
}

/** Years ("в 2024 году", "2015 figure"), day-month dates ("21 декабря", "June 21", "16 — 8 июня"), times ("10 am"). */
function isDateOrYear(text: string, number: ScannedNumber, after: AfterNumber, floor: number, limit: number): boolean {
  const integer = number.fraction === '' && !number.grouped;
  if (!integer) return false;
  const value = Number(number.integer);
  const yearLike = number.integer.length === 4 && value >= 1000 && value <= 2199;
  if (yearLike && (after.unit === undefined || after.unit === 'years') && after.magnitude === 1) return true;
  if (after.unit !== undefined || after.magnitude !== 1) return false;
  // Every test below needs a day (1–31) or an hour (0–24).
  if (value > 31) return false;
  const next = lowerWordAt(text, skipSpaces(text, after.end, limit), limit);
  if (value >= 1 && value <= 31 && (RU_MONTH.test(next) || EN_MONTHS.has(next))) return true;
  // "16 — 8 июня": a day range before a month.
  const range = rangeAfter(text, after.end, limit, 'en');
  if (range && value <= 31) {
    const afterRange = lowerWordAt(text, skipSpaces(text, range.end, limit), limit);
    if (RU_MONTH.test(afterRange) || EN_MONTHS.has(afterRange)) return true;
  }
  // "с 22 по 24 августа", "from 22 to 24 August": days joined by a word before a month.
  if (value >= 1 && value <= 31) {
    const m = DAY_RANGE.exec(text.slice(after.end, Math.min(limit, after.end + 40)));
    if (m && (RU_MONTH.test(m[1].toLowerCase()) || EN_MONTHS.has(m[1].toLowerCase()))) return true;
  }
  if (value <= 24 && TIME_WORDS.test(next)) return true;
  const prev = previousWord(text, number.start, floor);
  if (prev && value >= 1 && value <= 31 && EN_MONTHS.has(text.slice(prev[0], prev[1]).toLowerCase())) return true;
  // "June 16 to 18", "16-18 June" already caught; this is the second day of a month-first range.
  const window = text.slice(Math.max(floor, number.start - 24), number.start).toLowerCase();
  const m = /(\p{L}+)\.?\s+\d{1,2}\s*(?:to|through|and|-|–|—)\s*$/u.exec(window);
  return value >= 1 && value <= 31 && m !== null && EN_MONTHS.has(m[1]);
}

/**
 * Whether a bare number (no unit, currency or magnitude) is a quantity rather than a label, a
 * name's part or a footnote mark.
 */
function isQuantityContext(text: string, number: ScannedNumber, start: number, end: number, floor: number, limit: number): boolean {
  // "(6)" and "[3]": footnote marks and image counters.
  if (charIn('([', text[start - 1]) && charIn(')]', text[end])) return false;
  // "1. " / "2) " at a line start: list numbering.
  if (charIn('.)', text[end]) && isInlineSpace(text.charCodeAt(end + 1)) && atLineStart(text, start, floor)) return false;
  // A closing quote right after: part of a quoted name ("‘Nord Stream 2.0’").
  if (charIn(CLOSING_QUOTES, text[end]) && end < limit && !isInlineSpace(text.charCodeAt(end + 1) || 32)) return false;
  // "The president, 71, said": an age set off by commas after a person.
  if (text[end] === ',' && text[start - 1] === ' ' && text[start - 2] === ',' && number.fraction === '' && !number.grouped) {
    if (previousWord(text, start - 2, floor) !== undefined) return false;
  }
  const prev = previousWord(text, start, floor);
  if (prev) {
    // A capitalised word right before, not opening the sentence: a name with a number (Nord Stream 2, Line 3).
    if (isUpper(text[prev[0]]) && prev[1] < start && !atSentenceStart(text, prev[0], floor)) return false;
  }
  return true;
}

/** "в 15.00", "at 9.30": hours and minutes written with a dot. */
function isDottedTime(text: string, number: ScannedNumber, floor: number): boolean {
  if (number.fraction.length !== 2 || Number(number.integer) > 24 || Number(number.fraction) > 59) return false;
  const prev = previousWord(text, number.start, floor);
  return prev !== undefined && TIME_PREPOSITIONS.test(text.slice(prev[0], prev[1]).toLowerCase());
}

/** "статья 5", "article 5", "No. 3": the number labels something. */
function followsLabel(text: string, start: number, floor: number): boolean {
  let e = start;
  if (text[e - 1] === ' ' && text[e - 2] === '.') e -= 2; // "No. 3", "стр. 5"
  const prev = previousWord(text, e, floor);
  return prev !== undefined && LABEL_FIRSTS.mayStartAt(text, prev[0]) && LABEL_WORDS.has(text.slice(prev[0], prev[1]).toLowerCase());
}

/** First letters of the label words, and of the age words and "of" (`followsAgeWord`). */
const LABEL_FIRSTS = new FirstLetters(LABEL_WORDS);
const AGE_FIRSTS = new FirstLetters([...AGE_WORDS, 'of']);

function atLineStart(text: string, p: number, floor: number): boolean {
  let q = p;
  while (q > floor && isInlineSpace(text.charCodeAt(q - 1))) q--;
  return q === floor || text[q - 1] === '\n';
}

/**
 * Gives bare numbers the unit their neighbours imply: "от 5 до 10 млрд долларов" (the next
 * figure's unit and magnitude), "1300 компаний, из которых 880" (an earlier figure of the same
 * sentence), "количество соглашений … составляет 332" (a counted noun earlier in the sentence).
 */
function inheritUnits(text: string, found: Found[]): void {
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    if (!f.bare) continue;
    const next = found[k + 1];
    if (next && next.unit && next.start - f.end <= 8 && /^\s*(?:[-–—]|до|to|and|и|или|or)\s*$/u.test(text.slice(f.end, next.start))) {
      f.unit = next.unit;
      f.magnitude = next.magnitude;
      f.unitKind = next.unitKind;
      continue;
    }
    // At most five figures back, each gap scanned once: stays linear on a line of numbers.
    for (let j = k - 1; j >= 0 && j >= k - 5; j--) {
      const p = found[j];
      if (sentenceBreak(text, p.end, found[j + 1].start)) break;
      if (p.unit && (p.unitKind === 'count' || p.unitKind === 'measure')) { f.unit = p.unit; f.unitKind = p.unitKind; break; }
    }
    if (f.unit === undefined) f.unit = countNounEarlierInSentence(text, f.start, k > 0 ? found[k - 1].end : 0);
  }
}

function sentenceBreak(text: string, from: number, to: number): boolean {
  if (to - from > 300) return true;
  for (let p = from; p < to; p++) {
    const ch = text[p];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && isInlineSpace(text.charCodeAt(p + 1)) && isUpper(text[skipSpaces(text, p + 1, to)] ?? ''))) return true;
  }
  return false;
}

function countNounEarlierInSentence(text: string, at: number, floor: number): string | undefined {
  let unit: string | undefined;
  const from = Math.max(floor, at - 160);
  let p = at - 1;
  while (p >= from && text[p] !== '\n' && !(text[p] === '.' && isInlineSpace(text.charCodeAt(p + 1)))) p--;
  for (let q = p + 1; q < at; q++) {
    if (!isLetter(text.charCodeAt(q)) || (q > 0 && isLetter(text.charCodeAt(q - 1)))) continue;
    const w = lowerWordAt(text, q, at);
    const u = w.charCodeAt(0) >= 0x400 ? ruCountUnit(w) : EN_COUNT_NOUNS.get(w);
    if (u && u !== 'years' && u !== 'months' && u !== 'days' && u !== 'weeks' && u !== 'people') unit = u;
  }
  return unit;
}
