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
import { scanNumber } from '../figures';
import type { Figure, Qualifier } from '../model';

/** Relative difference always treated as rounding: 1%. */
export const AGREEMENT_TOLERANCE = 0.01;

/** How far `about X` (`около`, `порядка`) may be from X: 5%. */
export const ABOUT_TOLERANCE = 0.05;

/**
 * The step of the last written digit, in base units: `$650 млрд` → 1e9, `1,5 трлн` → 1e11, `30%`
 * → 1. Zero (exact) when the value comes from `value=` or no number is written.
 */
export function writtenStep(figure: Figure, language: string): number {
  const value = figure.value;
  if (value === undefined || figure.source !== 'text' || value === 0) return 0;
  const text = figure.annotation.plainText;
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    if (i > 0 && isLetter(text.charCodeAt(i - 1))) {
      // Glued to a letter (`G20`): not the value; skip the digit run.
      while (i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) i++;
      continue;
    }
    const n = scanNumber(text, i, text.length, language);
    if (!n) return 0;
    const written = Number(`${n.integer}.${n.fraction || '0'}`);
    if (!(written > 0) || !Number.isFinite(written)) return 0;
    const scale = Math.abs(value) / written;
    return scale * Math.pow(10, -n.fraction.length);
  }
  return 0;
}

/** What one value may stand for. */
export interface ValueRange {
  readonly low: number;
  readonly high: number;
}

/** The range a value written with `step` and `qualifier` stands for. */
export function valueRange(value: number, step: number, qualifier: Qualifier | null): ValueRange {
  const half = qualifier === 'about' ? Math.max(step / 2, Math.abs(value) * ABOUT_TOLERANCE) : step / 2;
  let low = value - half;
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
}

/** True when `a` and `b` (same unit) say the same within rounding (see the module comment). */
export function valuesAgree(a: ComparableValue, b: ComparableValue): boolean {
  const larger = Math.max(Math.abs(a.value), Math.abs(b.value));
  if (Math.abs(a.value - b.value) <= larger * AGREEMENT_TOLERANCE) return true;
  const ra = valueRange(a.value, a.step, a.qualifier);
  const rb = valueRange(b.value, b.step, b.qualifier);
  return ra.low <= rb.high && rb.low <= ra.high;
}

/**
 * Indices of the values to flag in one group (empty when all agree). Within each unit the value
 * that agrees with the most others is the reference, and every value that does not agree with it
 * is flagged; when no two values agree, all are flagged. Quadratic in the values of one group,
 * which are few (one metric, one year).
 */
export function disagreeingValues(values: readonly ComparableValue[]): number[] {
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
      // The reference itself is flagged only when it agrees with none of its unit's other values.
      if (agreeing[i] === 0 && values.some((w, j) => j !== i && w.unit === v.unit)) out.push(i);
    } else if (!valuesAgree(v, values[ref])) out.push(i);
  });
  return out;
}
