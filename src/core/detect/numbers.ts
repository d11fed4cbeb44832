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
import { isDigit, isInlineSpace } from './text';

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

interface Run { readonly start: number; readonly end: number }

function digitsEnd(text: string, i: number, limit: number): number {
  let p = i;
  while (p < limit && isDigit(text.charCodeAt(p))) p++;
  return p;
}

/**
 * Reads the number whose first digit is at `start`, not beyond `limit`. `language` decides a lone
 * comma (see the module comment). Returns undefined when no digit is at `start` or the separators
 * make no sense as one number (`1.2.3`, `1,23,4`), which callers treat as "not a figure".
 */
export function scanNumber(text: string, start: number, limit: number, language: string): ScannedNumber | undefined {
  if (!isDigit(text.charCodeAt(start))) return undefined;
  const firstEnd = digitsEnd(text, start, limit);
  if (!(firstEnd + 1 < limit && isDigit(text.charCodeAt(firstEnd + 1)) && isSeparator(text.charCodeAt(firstEnd)))) {
    // One run of digits (the usual figure): what `interpret` returns for it, without its arrays.
    return { start, end: firstEnd, integer: text.slice(start, firstEnd), fraction: '', grouped: false };
  }
  const runs: Run[] = [{ start, end: firstEnd }];
  const seps: string[] = [];
  let p = runs[0].end;
  // Collect digit runs joined by single separators. Cap the count so a 1 MB digit soup stays linear.
  while (p + 1 < limit && runs.length < 64) {
    const c = text.charCodeAt(p);
    if (!isDigit(text.charCodeAt(p + 1))) break;
    const isSpace = isInlineSpace(c) && c !== 9;
    if (!(c === 44 || c === 46 || isSpace)) break;
    const runEnd = digitsEnd(text, p + 1, limit);
    if (isSpace) {
      // A space groups only three-digit groups after a short first group, before any decimal mark.
      if (runEnd - (p + 1) !== 3 || runs[0].end - runs[0].start > 3 || seps.some((s) => s !== ' ')) break;
      seps.push(' ');
    } else {
      seps.push(text[p]);
    }
    runs.push({ start: p + 1, end: runEnd });
    p = runEnd;
  }
  return interpret(text, runs, seps, language);
}

/** A character that may join two digit runs (comma, point, inline space but tab). */
function isSeparator(c: number): boolean {
  return c === 44 || c === 46 || (isInlineSpace(c) && c !== 9);
}

function runText(text: string, r: Run): string {
  return text.slice(r.start, r.end);
}

function interpret(text: string, runs: readonly Run[], seps: readonly string[], language: string): ScannedNumber | undefined {
  const start = runs[0].start;
  const marks = seps.map((s, i) => ({ s, i })).filter((m) => m.s !== ' ');
  const threeDigitGroups = (from: number, to: number): boolean => {
    if (runs[0].end - runs[0].start > 3) return false;
    for (let k = from; k <= to; k++) if (runs[k].end - runs[k].start !== 3) return false;
    return true;
  };
  const joined = (to: number): string => runs.slice(0, to + 1).map((r) => runText(text, r)).join('');
  if (marks.length === 0) {
    return { start, end: runs[runs.length - 1].end, integer: joined(runs.length - 1), fraction: '', grouped: runs.length > 1 };
  }
  const kinds = new Set(marks.map((m) => m.s));
  const last = marks[marks.length - 1];
  const lastRun = runs.length - 1;
  if (kinds.size === 2) {
    // Both marks: the last is decimal, every earlier mark must be the other one, grouping threes.
    const ok = marks.slice(0, -1).every((m) => m.s !== last.s) && threeDigitGroups(1, last.i) && last.i === lastRun - 1;
    if (!ok) return undefined;
    return { start, end: runs[lastRun].end, integer: joined(last.i), fraction: runText(text, runs[lastRun]), grouped: true };
  }
  if (marks.length >= 2) {
    // One mark repeated: thousands grouping (`1,000,000`); otherwise not a number (`1.2.3`, a date).
    if (!threeDigitGroups(1, lastRun) || seps.includes(' ')) return undefined;
    return { start, end: runs[lastRun].end, integer: joined(lastRun), fraction: '', grouped: true };
  }
  // A single mark: decimal, except an English comma before exactly three digits.
  const groupsComma = last.s === ',' && language !== 'ru' && runs[lastRun].end - runs[lastRun].start === 3 && threeDigitGroups(1, lastRun);
  if (groupsComma) return { start, end: runs[lastRun].end, integer: joined(lastRun), fraction: '', grouped: true };
  if (last.i !== lastRun - 1) return undefined;
  return { start, end: runs[lastRun].end, integer: joined(last.i), fraction: runText(text, runs[lastRun]), grouped: last.i > 0 };
}

/**
 * The value of a scanned number times `magnitude`, computed so that decimal fractions stay exact
 * where they can (1,024 трлн → 1024000000000, not 1024000000000.0002).
 */
export function numberValue(n: ScannedNumber, magnitude: number): number {
  const digits = Number(n.integer + n.fraction);
  if (n.fraction.length === 0) return digits * magnitude;
  const scale = 10 ** n.fraction.length;
  return magnitude >= scale ? digits * (magnitude / scale) : (digits / scale) * magnitude;
}
