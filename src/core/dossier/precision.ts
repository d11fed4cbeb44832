/**
 * When two figures of the same metric and year disagree. A value stands for the range its written
 * precision allows (`650 млрд` for 649.5–650.5 bn, `0.65 trillion` for 0.645–0.655 tn), and a
 * qualifier opens one end (`more than X`, `at least X`: X and above; `less than X`, `up to X`: X
 * and below; `about X` for X ± {@link ABOUT_TOLERANCE}). Two values of the same unit agree when
 * those ranges overlap or when they differ by at most {@link AGREEMENT_TOLERANCE} of the larger
 * one; otherwise they disagree. Values in different units are never compared (a dossier does not
 * convert currencies).
 */
import { isDigit, isLetter } from '../text';
import { parseFigure, scanNumber, scanNumberDigits, type NumberDigits } from '../figures';
import type { Figure, ParsedFigure, Qualifier } from '../model';

/** Relative difference always treated as rounding: 1%. */
export const AGREEMENT_TOLERANCE = 0.01;

/** How far `about X` (`около`, `порядка`) may be from X: 5%. */
export const ABOUT_TOLERANCE = 0.05;

/** A figure's written precision and, for a range (`$3–5 bn`), its lower end. */
export interface WrittenValue {
  /** The step of the last written digit in base units (`$650 млрд` → 1e9, `1,5 трлн` → 1e11, `30%` → 1); 0 when exact. */
  readonly step: number;
  /** A range's lower end in base units (the value is its upper end). */
  readonly min: number | undefined;
}

const EXACT: WrittenValue = { step: 0, min: undefined };

/** writtenValueOf's number, read into this (nothing is kept of it). */
const scanned: NumberDigits = { end: 0, digits: 0, fractionLength: 0 };

/**
 * How precisely a figure's value is written. Zero (exact) when the value comes from `value=` or no
 * number is written. The figure's text is read again with `parseFigure` (the model keeps only the
 * value) for the magnitude, where the number stands, and a range's lower end. `plainText` is the
 * annotation's plain text when the caller has it already.
 */
export function writtenValue(figure: Figure, language: string, plainText?: string): WrittenValue {
  if (figure.value === undefined || figure.source !== 'text' || figure.value === 0) return EXACT;
  return writtenValueOf(figure, language, plainText ?? figure.annotation.plainText);
}

/**
 * {@link writtenValue} of a figure's reading and plain text (the workspace summary has no `Figure`
 * object); `parsed` is what parseFigure read of that text, when the caller has it already.
 */
export function writtenValueOf(figure: Pick<Figure, 'value' | 'source'>, language: string, text: string, parsed?: ParsedFigure): WrittenValue {
  const value = figure.value;
  if (value === undefined || figure.source !== 'text' || value === 0) return EXACT;
  parsed ??= parseFigure(text, language);
  if (parsed.value !== value) return EXACT;
  const min = parsed.min;
  let start = parsed.numberStart;
  if (start === undefined) {
    for (let i = 0; i < text.length && start === undefined; i++) {
      if (isDigit(text.charCodeAt(i)) && !(i > 0 && isLetter(text.charCodeAt(i - 1)))) start = i;
    }
  }
  if (start === undefined) return { step: 0, min };
  // The usual figure (a magnitude read, digits that fit a double): its digits read without a
  // string; `digits` > 0 exactly when the written number is (the same digits, the point aside).
  if (parsed.magnitude > 0 && scanNumberDigits(text, start, text.length, language, scanned) && Number.isFinite(scanned.digits)) {
    return scanned.digits > 0 ? { step: parsed.magnitude * Math.pow(10, -scanned.fractionLength), min } : { step: 0, min };
  }
  const n = scanNumber(text, start, text.length, language);
  if (!n) return { step: 0, min };
  const written = Number(`${n.integer}.${n.fraction || '0'}`);
  if (!(written > 0) || !Number.isFinite(written)) return { step: 0, min };
  // The magnitude word scales the written digits (`650 млрд`); for a range the number read may be
  // either end, so the scale comes from the magnitude, not from value ÷ written.
  const scale = parsed.magnitude > 0 ? parsed.magnitude : Math.abs(value) / written;
  return { step: scale * Math.pow(10, -n.fraction.length), min };
}

/** The step of the last written digit (see {@link writtenValue}). */
export function writtenStep(figure: Figure, language: string): number {
  return writtenValue(figure, language).step;
}

/** What one value may stand for. */
export interface ValueRange {
  readonly low: number;
  readonly high: number;
}

/** The range a value written with `step` and `qualifier` (a range: from `min`) stands for. */
export function valueRange(value: number, step: number, qualifier: Qualifier | null, min?: number): ValueRange {
  const half = qualifier === 'about' ? Math.max(step / 2, Math.abs(value) * ABOUT_TOLERANCE) : step / 2;
  let low = (min !== undefined && min < value ? min : value) - half;
  let high = value + half;
  if (qualifier === 'more_than' || qualifier === 'at_least') high = Infinity;
  else if (qualifier === 'less_than' || qualifier === 'up_to') low = -Infinity;
  return { low, high };
}

/** One value to compare. */
export interface ComparableValue {
  readonly value: number;
  readonly unit: string | undefined;
  readonly step: number;
  readonly qualifier: Qualifier | null;
  /** A range's lower end (the value is its upper end). */
  readonly min?: number;
}

/** True when `a` and `b` (same unit) say the same within rounding (see the module comment). */
export function valuesAgree(a: ComparableValue, b: ComparableValue): boolean {
  const larger = Math.max(Math.abs(a.value), Math.abs(b.value));
  if (Math.abs(a.value - b.value) <= larger * AGREEMENT_TOLERANCE) return true;
  const ra = valueRange(a.value, a.step, a.qualifier, a.min);
  const rb = valueRange(b.value, b.step, b.qualifier, b.min);
  return ra.low <= rb.high && rb.low <= ra.high;
}

/**
 * Indices of the values to flag in one group (empty when all agree). Within each unit the value
 * that agrees with the most others is the reference, and every value that does not agree with it
 * is flagged; when no two values agree, all are flagged. A workspace's group can hold hundreds of
 * values: equal ones are compared once, and other pairs only when their windows (the range,
 * widened by the rounding tolerance) overlap, found by a sweep in order of the windows' low ends.
 */
export function disagreeingValues(values: readonly ComparableValue[]): number[] {
  const n = values.length;
  // Equal values (many outlets giving the same figure) agree with one another: each distinct
  // one is compared once, and counts for all its copies.
  const repOf = new Int32Array(n);
  const copies = new Int32Array(n);
  const reps: number[] = [];
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const key = `${v.unit ?? ''}\u0000${v.unit === undefined ? 0 : 1}\u0000${v.value}\u0000${v.step}\u0000${v.qualifier ?? ''}\u0000${v.min ?? ''}`;
    const rep = Number.isFinite(v.value) ? seen.get(key) : undefined;
    if (rep === undefined) {
      seen.set(key, i);
      reps.push(i);
      repOf[i] = i;
    } else repOf[i] = rep;
    copies[repOf[i]]++;
  });
  // Each value's range once (a group's pairs are compared many times).
  const lows = new Float64Array(n);
  const highs = new Float64Array(n);
  // A window holds every value that can agree with this one: its range, and whatever lies within
  // the relative tolerance (|a − b| ≤ max(|a|, |b|)·t implies |a − b| ≤ |a|·t / (1 − t)).
  const windowLows = new Float64Array(n);
  const windowHighs = new Float64Array(n);
  let finite = true;
  values.forEach((v, i) => {
    const r = valueRange(v.value, v.step, v.qualifier, v.min);
    lows[i] = r.low;
    highs[i] = r.high;
    const reach = (Math.abs(v.value) * AGREEMENT_TOLERANCE) / (1 - AGREEMENT_TOLERANCE) * (1 + 1e-9) + 1e-300;
    windowLows[i] = Math.min(r.low, v.value - reach);
    windowHighs[i] = Math.max(r.high, v.value + reach);
    if (Number.isNaN(windowLows[i]) || Number.isNaN(windowHighs[i]) || !Number.isFinite(v.value)) finite = false;
  });
  const agree = (i: number, j: number): boolean => {
    const a = values[i].value;
    const b = values[j].value;
    if (Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * AGREEMENT_TOLERANCE) return true;
    return lows[i] <= highs[j] && lows[j] <= highs[i];
  };
  const agreeing = new Int32Array(n);
  for (const r of reps) agreeing[r] = copies[r] - 1;
  const count = (i: number, j: number): void => {
    if (values[i].unit === values[j].unit && agree(i, j)) {
      agreeing[i] += copies[j];
      agreeing[j] += copies[i];
    }
  };
  if (finite) {
    const order = reps.slice().sort((a, b) => windowLows[a] - windowLows[b] || a - b);
    for (let x = 0; x < order.length; x++) {
      const i = order[x];
      for (let y = x + 1; y < order.length && windowLows[order[y]] <= windowHighs[i]; y++) count(i, order[y]);
    }
  } else {
    for (let x = 0; x < reps.length; x++) for (let y = x + 1; y < reps.length; y++) count(reps[x], reps[y]);
  }
  for (let i = 0; i < n; i++) agreeing[i] = agreeing[repOf[i]];
  const reference = new Map<string | undefined, number>();
  const others = new Map<string | undefined, number>();
  values.forEach((v, i) => {
    const best = reference.get(v.unit);
    if (best === undefined || agreeing[i] > agreeing[best]) reference.set(v.unit, i);
    others.set(v.unit, (others.get(v.unit) ?? 0) + 1);
  });
  const out: number[] = [];
  values.forEach((v, i) => {
    const ref = reference.get(v.unit) ?? i;
    if (ref === i) {
      // The reference itself is flagged only when it agrees with none of its unit's other values.
      if (agreeing[i] === 0 && (others.get(v.unit) ?? 0) > 1) out.push(i);
    } else if (!agree(i, ref)) out.push(i);
  });
  return out;
}

/** The same verdict by comparing every pair (for tests: the sweep must agree with it). */
export function disagreeingValuesByPairs(values: readonly ComparableValue[]): number[] {
  const agreeing = values.map(() => 0);
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      if (values[i].unit === values[j].unit && valuesAgree(values[i], values[j])) {
        agreeing[i]++;
        agreeing[j]++;
      }
    }
  }
  const reference = new Map<string | undefined, number>();
  values.forEach((v, i) => {
    const best = reference.get(v.unit);
    if (best === undefined || agreeing[i] > agreeing[best]) reference.set(v.unit, i);
  });
  const out: number[] = [];
  values.forEach((v, i) => {
    const ref = reference.get(v.unit) ?? i;
    if (ref === i) {
      if (agreeing[i] === 0 && values.some((w, j) => j !== i && w.unit === v.unit)) out.push(i);
    } else if (!valuesAgree(v, values[ref])) out.push(i);
  });
  return out;
}
