/**
 * Dates in front matter: is it ISO (`2025-09-01`), and if not, can it be rewritten as ISO for a
 * quick fix (`01.09.2025`, `2025/09/01`, `1 September 2025`, `September 1, 2025`,
 * `1 сентября 2025 г.`). Numeric dates are read day first, as Russian and most European writing does.
 */

/** True for `YYYY-MM-DD`, optionally followed by a `T` time, with a real month and day. */
export function isIsoDate(value: string): boolean {
  if (value.length < 10 || value.length > 40) return false;
  if (!/^\d{4}-\d{2}-\d{2}(?:T[0-9:.+\-Z]*)?$/.test(value)) return false;
  return validDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Stems that cover nominative and genitive (январь/января, май/мая …).
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const NOISE = new Set(['г', 'г.', 'года', 'год']);

/** The ISO form of a date written another way, or undefined when it cannot be read unambiguously. */
export function toIsoDate(value: string): string | undefined {
  const s = value.trim();
  if (s.length === 0 || s.length > 64) return undefined;
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  const words = s.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter((w) => w.length > 0 && !NOISE.has(w));
  if (words.length !== 3) return undefined;
  const [a, b, c] = words;
  if (isNumber(a) && isNumber(c)) {
    const month = monthOf(b);
    return month ? iso(Number(c), month, Number(a)) : undefined;
  }
  if (isNumber(b) && isNumber(c)) {
    const month = monthOf(a);
    return month ? iso(Number(c), month, Number(b)) : undefined;
  }
  return undefined;
}

function isNumber(word: string): boolean {
  return /^\d{1,4}$/.test(word);
}

function monthOf(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  if (w.length < 3 && !w.startsWith('ма')) return undefined;
  const en = EN_MONTHS.findIndex((stem) => w.startsWith(stem));
  if (en >= 0) return en + 1;
  // `мар` before `ма`: март would otherwise read as май.
  if (w.startsWith('мар')) return 3;
  const ru = RU_MONTHS.findIndex((stem) => w.startsWith(stem));
  return ru >= 0 ? ru + 1 : undefined;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || !validDate(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}
