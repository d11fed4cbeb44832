/**
 * Small formatting helpers shared by the brief model, its renderers and the markdown-it plugin.
 * Locale-independent on purpose: the same brief must read the same in the CLI, the extension host
 * and the webview.
 */
import type { Qualifier } from './types';
import { message, type OutputLanguage } from '../text';

const QUALIFIER_WORDS: Readonly<Record<Qualifier, string>> = {
  more_than: 'more than',
  less_than: 'less than',
  about: 'about',
  up_to: 'up to',
  at_least: 'at least',
};

/** `650000000000` → `650,000,000,000`; keeps up to 6 decimals and drops trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const abs = Math.abs(value);
  let whole: string;
  let decimals = '';
  // Whole numbers (most figures) as they are; others rounded to 6 decimals, trailing zeros dropped.
  if (Number.isInteger(abs) && abs <= Number.MAX_SAFE_INTEGER) whole = String(abs);
  else {
    const fixed = abs.toFixed(6);
    const dot = fixed.indexOf('.');
    whole = dot < 0 ? fixed : fixed.slice(0, dot);
    if (dot >= 0) {
      let end = fixed.length;
      while (end > dot + 1 && fixed.charCodeAt(end - 1) === 0x30) end--;
      decimals = fixed.slice(dot + 1, end);
    }
  }
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return `${negative ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/**
 * A normalised figure in words: `more than 650,000,000,000 USD`, `30 %`. Empty when no value was
 * read, so callers can show "—".
 */
export function describeFigureValue(value: number | undefined, unit: string | undefined, qualifier: Qualifier | null, language: OutputLanguage = 'en'): string {
  if (value === undefined) return '';
  let words = formatNumber(value);
  if (qualifier) words = `${language === 'en' ? QUALIFIER_WORDS[qualifier] : message(language, `qualifier.${qualifier}`)} ${words}`;
  return unit ? `${words} ${unit}` : words;
}

