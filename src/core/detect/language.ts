/** Telling Russian from English text by its letters. */
import { isLetter } from '../text';

/**
 * `ru` when Cyrillic letters outnumber Latin ones in the first 20,000 characters, else `en`.
 * Names and acronyms in the other script (ШОС, SCO, Lada.kz) rarely tip a whole article.
 */
export function detectLanguage(text: string): 'ru' | 'en' {
  let cyrillic = 0;
  let latin = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c < 128 && isLetter(c)) latin++;
  }
  return cyrillic > latin ? 'ru' : 'en';
}
