/**
 * How a figure's normalised value reads in a hover: scientific (`6.5 × 10¹¹ USD`) and the way an
 * analyst would say it (`$650 bn`). Locale-independent, like the brief's formatting.
 */
import { formatNumber } from './format';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', RUB: '₽', CNY: '¥', KZT: '₸', GBP: '£', JPY: '¥', INR: '₹' };
const MAGNITUDES: readonly (readonly [number, string])[] = [[1e12, 'tn'], [1e9, 'bn'], [1e6, 'm'], [1e3, 'k']];

function superscript(n: number): string {
  return `${n < 0 ? '⁻' : ''}${String(Math.abs(n)).split('').map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
}

/** Up to three significant digits, no trailing zeros: 650, 6.5, 1.25. */
function significant(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/**
 * `650e9, 'USD'` → `6.5 × 10¹¹ USD`; values under ten thousand are written out (`30 %`, `1,500 t`).
 */
export function formatScientific(value: number, unit: string | undefined): string {
  const abs = Math.abs(value);
  let number: string;
  if (abs >= 1e4) {
    const exponent = Math.floor(Math.log10(abs));
    const mantissa = Number((value / 10 ** exponent).toPrecision(3));
    number = `${mantissa} × 10${superscript(exponent)}`;
  } else number = formatNumber(value);
  return unit ? `${number} ${unit}` : number;
}

/**
 * The short form: `$650 bn`, `€1.2 m`, `30%`, `1.5 pp`, `2.5 m t`. Units without a symbol follow
 * the number.
 */
export function formatShort(value: number, unit: string | undefined): string {
  if (unit === '%') return `${significant(value)}%`;
  let scaled = significant(value);
  for (const [size, word] of MAGNITUDES) {
    if (Math.abs(value) >= size) {
      scaled = `${significant(value / size)} ${word}`;
      break;
    }
  }
  const symbol = unit ? CURRENCY_SYMBOLS[unit] : undefined;
  if (symbol) return `${symbol}${scaled}`;
  return unit ? `${scaled} ${unit}` : scaled;
}
