/**
 * Small formatting helpers shared by the brief model, its renderers and the markdown-it plugin.
 * Locale-independent on purpose: the same brief must read the same in the CLI, the extension host
 * and the webview.
 */
import type { Qualifier } from './types';

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
  const [whole, fraction] = Math.abs(value).toFixed(6).split('.');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  const decimals = (fraction ?? '').replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/**
 * A normalised figure in words: `more than 650,000,000,000 USD`, `30 %`. Empty when no value was
 * read, so callers can show "—".
 */
export function describeFigureValue(value: number | undefined, unit: string | undefined, qualifier: Qualifier | null): string {
  if (value === undefined) return '';
  const words = [qualifier ? QUALIFIER_WORDS[qualifier] : '', formatNumber(value), unit ?? ''];
  return words.filter((w) => w !== '').join(' ');
}

/**
 * The URL when it is an absolute http(s) URL, else undefined. The brief links only such sources:
 * `javascript:`, `data:` and relative paths are shown as text.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/?#]+/i.test(trimmed)) return undefined;
  // Whitespace and control characters inside a URL are a sign of an injection attempt.
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return undefined;
  }
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
