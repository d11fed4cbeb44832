/**
 * When two figures of the same metric and year disagree. A value stands for the range its written
 * precision allows (`650 млрд` for 649.5–650.5 bn, `0.65 trillion` for 0.645–0.655 tn), and a
 * qualifier opens one end (`more than X`, `at least X`: X and above; `less than X`, `up to X`: X
 * and below). Two values of the same unit agree when those ranges overlap or when they differ by
 * at most {@link AGREEMENT_TOLERANCE} of the larger one; otherwise they disagree. Values in
 * different units are never compared (a dossier does not convert currencies).
 */
import { isDigit, isLetter } from '../text';
import { scanNumber } from '../figures';
import type { Figure, Qualifier } from '../model';

/** Relative difference always treated as rounding: 1%. */
export const AGREEMENT_TOLERANCE = 0.01;

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
  const half = step / 2;
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
 * Indices of values that disagree with at least one other value of the same unit (empty when all
 * agree). Quadratic in the values of one group, which are few (one metric, one year).
 */
export function disagreeingValues(values: readonly ComparableValue[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values.length; j++) {
      if (i === j || values[i].unit !== values[j].unit) continue;
      if (!valuesAgree(values[i], values[j])) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}
