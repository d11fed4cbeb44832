/**
 * Word stems for initiative detection: Snowball Russian and Porter English from `@orama/stemmers`
 * (9 KB for both, Apache-2.0; the comparison is in docs/DETECTION.md). The script of the word picks
 * the stemmer, so Latin names in Russian text stem as English. Stemming is slow next to the rest of
 * detection (about 10⁵ words a second), so results are cached and callers stem only words that
 * pass a cheap prefix check first.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/** The stem of a lowercased word (Cyrillic → Russian, else English). Never throws. */
export function stem(lower: string): string {
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  let out: string;
  try {
    const code = lower.charCodeAt(0);
    out = code >= 0x400 && code <= 0x4ff ? stemRussian(lower.replace(/ё/gu, 'е')) : stemEnglish(lower);
  } catch {
    out = lower;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, out);
  return out;
}
