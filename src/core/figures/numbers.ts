/**
 * Reading one number as written: digit groups, thousands separators and the decimal mark, in
 * Russian and English usage.
 *
 * Rules (see the Figures section of docs/FORMAT.md):
 * - spaces (ordinary, no-break U+00A0, narrow no-break U+202F, thin U+2009) group thousands when
 *   every group after the first has exactly three digits and the first has at most three: `1 000`;
 * - with both `,` and `.`, the last one is the decimal mark: `1,000.5` and `1.000,5`;
 * - one kind repeated groups thousands: `1,000,000`, `1.000.000`;
 * - a single `.` is a decimal mark: `1.5`, `1.024`;
 * - a single `,` is a decimal mark in Russian (`1,5`, `1,024`), and in English groups thousands when
 *   exactly three digits follow (`1,500` → 1500) and is a decimal mark otherwise (`1,5`).
 */
import { isDigit, isInlineSpace } from '../text';
import { CharCode } from '../text';

/** A number as read from the text. */
export interface ScannedNumber {
  readonly start: number;
  readonly end: number;
  /** Integer digits without separators. */
  readonly integer: string;
  /** Fraction digits ('' for an integer). */
  readonly fraction: string;
  /** True when digit groups were separated (`1 000`, `10,000`). */
  readonly grouped: boolean;
}

/** Digit runs of the number being read, and the separator before each (`,` 44, `.` 46, any space 32). */
const MAX_RUNS = 64;
const runStart = new Int32Array(MAX_RUNS);
const runEnd = new Int32Array(MAX_RUNS);
const runSep = new Int32Array(MAX_RUNS);

/**
 * What `readShape` found, valid until its next call: the number's digit runs (`runs`, in the
 * arrays above), how many of them make the integer part, whether the last one is the fraction,
 * and whether digit groups were separated.
 */
const shape = { runs: 0, integerRuns: 0, fraction: false, grouped: false };

function digitsEnd(text: string, i: number, limit: number): number {
  let p = i;
  while (p < limit && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/** A character that may join two digit runs (comma, point, inline space but tab). */
function isSeparator(c: number): boolean {
  return c === 44 || c === 46 || (isInlineSpace(c) && c !== 9);
}

/**
 * The one reader of the rules above, by char codes and without strings: collects the digit runs
 * at `start` into the scratch arrays and decides what they mean (`shape`). False where `scanNumber`
 * returns undefined.
 */
function readShape(text: string, start: number, limit: number, language: string): boolean {
  if (!isDigit(text.charCodeAt(start))) return false;
  let p = digitsEnd(text, start, limit);
  runStart[0] = start;
  runEnd[0] = p;
  let runs = 1;
  let spacesOnly = true;
  const firstLength = p - start;
  // Collect digit runs joined by single separators. Cap the count so a 1 MB digit soup stays linear.
  while (p + 1 < limit && runs < MAX_RUNS) {
    const c = text.charCodeAt(p);
    if (!isDigit(text.charCodeAt(p + 1)) || !isSeparator(c)) break;
    const end = digitsEnd(text, p + 1, limit);
    if (c === 44 || c === 46) {
      runSep[runs] = c;
      spacesOnly = false;
    } else {
      // A space groups only three-digit groups after a short first group, before any decimal mark.
      if (end - (p + 1) !== 3 || firstLength > 3 || !spacesOnly) break;
      runSep[runs] = CharCode.SPACE;
    }
    runStart[runs] = p + 1;
    runEnd[runs] = end;
    runs++;
    p = end;
  }
  shape.runs = runs;
  return interpret(runs, language);
}

/** A first group of at most three digits, then runs `from`…`to` of exactly three. */
function threeDigitGroups(from: number, to: number): boolean {
  if (runEnd[0] - runStart[0] > 3) return false;
  for (let k = from; k <= to; k++) if (runEnd[k] - runStart[k] !== 3) return false;
  return true;
}

/** What the collected runs mean (sets `shape`); false when the separators make no sense as one number. */
function interpret(runs: number, language: string): boolean {
  const lastRun = runs - 1;
  // The marks (`,` `.`) among the separators: how many, of how many kinds, the last one's run.
  let marks = 0;
  let lastMark = -1;
  let firstKind = 0;
  let twoKinds = false;
  let spaces = false;
  for (let k = 1; k < runs; k++) {
    const sep = runSep[k];
    if (sep === CharCode.SPACE) {
      spaces = true;
      continue;
    }
    marks++;
    lastMark = k;
    if (firstKind === 0) firstKind = sep;
    else if (sep !== firstKind) twoKinds = true;
  }
  shape.fraction = false;
  shape.integerRuns = runs;
  shape.grouped = runs > 1;
  if (marks === 0) return true;
  if (twoKinds) {
    // Both marks: the last is decimal, every earlier mark must be the other one, grouping threes.
    const last = runSep[lastMark];
    if (lastMark !== lastRun || !threeDigitGroups(1, lastMark - 1)) return false;
    for (let k = 1; k < lastMark; k++) if (runSep[k] === last) return false;
    shape.integerRuns = lastRun;
    shape.fraction = true;
    return true;
  }
  // One mark repeated: thousands grouping (`1,000,000`); otherwise not a number (`1.2.3`, a date).
  if (marks >= 2) return threeDigitGroups(1, lastRun) && !spaces;
  // A single mark: decimal, except an English comma before exactly three digits.
  const groupsComma = runSep[lastMark] === 44 && language !== 'ru' && runEnd[lastRun] - runStart[lastRun] === 3 && threeDigitGroups(1, lastRun);
  if (groupsComma) return true;
  if (lastMark !== lastRun) return false;
  shape.integerRuns = lastRun;
  shape.fraction = true;
  shape.grouped = lastRun > 1;
  return true;
}

/**
 * Reads the number whose first digit is at `start`, not beyond `limit`. `language` decides a lone
 * comma (see the module comment). Returns undefined when no digit is at `start` or the separators
 * make no sense as one number (`1.2.3`, `1,23,4`), which callers treat as "not a figure".
 */
export function scanNumber(text: string, start: number, limit: number, language: string): ScannedNumber | undefined {
  if (!readShape(text, start, limit, language)) return undefined;
  const last = shape.runs - 1;
  let integer = text.slice(start, runEnd[0]);
  for (let k = 1; k < shape.integerRuns; k++) integer += text.slice(runStart[k], runEnd[k]);
  const fraction = shape.fraction ? text.slice(runStart[last], runEnd[last]) : '';
  return { start, end: runEnd[last], integer, fraction, grouped: shape.grouped };
}

/** A number's digits as one value, for `scaledValue`. */
export interface NumberDigits {
  /** Where the number ends. */
  end: number;
  /** Integer and fraction digits as one integer (`1 234,5` → 12345). */
  digits: number;
  /** How many of the digits are the fraction. */
  fractionLength: number;
}

/**
 * `scanNumber` without its strings, for the figure reader's fast path: the number at `start` into
 * `out`, or false where scanNumber returns undefined. `out.digits` equals `Number(integer + fraction)`.
 */
export function scanNumberDigits(text: string, start: number, limit: number, language: string, out: NumberDigits): boolean {
  if (!readShape(text, start, limit, language)) return false;
  const last = shape.runs - 1;
  const digitRuns = shape.fraction ? shape.runs : shape.integerRuns;
  let count = 0;
  for (let k = 0; k < digitRuns; k++) count += runEnd[k] - runStart[k];
  let digits = 0;
  if (count <= 15) {
    // Exact in a double: the same value as Number() of the digit string.
    for (let k = 0; k < digitRuns; k++) {
      for (let q = runStart[k], e = runEnd[k]; q < e; q++) digits = digits * 10 + (text.charCodeAt(q) - 48);
    }
  } else {
    let all = '';
    for (let k = 0; k < digitRuns; k++) all += text.slice(runStart[k], runEnd[k]);
    digits = Number(all);
  }
  out.end = runEnd[last];
  out.digits = digits;
  out.fractionLength = shape.fraction ? runEnd[last] - runStart[last] : 0;
  return true;
}

/**
 * The value of a scanned number times `magnitude`, computed so that decimal fractions stay exact
 * where they can (1,024 трлн → 1024000000000, not 1024000000000.0002).
 */
export function numberValue(n: ScannedNumber, magnitude: number): number {
  return scaledValue(Number(n.integer + n.fraction), n.fraction.length, magnitude);
}

/** `numberValue` on digits read by `scanNumberDigits`. */
export function scaledValue(digits: number, fractionLength: number, magnitude: number): number {
  if (fractionLength === 0) return digits * magnitude;
  const scale = 10 ** fractionLength;
  return magnitude >= scale ? digits * (magnitude / scale) : (digits / scale) * magnitude;
}
