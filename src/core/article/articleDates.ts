/** Finding an article's date in its first lines, in the forms Russian and English sites print. */

const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const PATTERNS: readonly RegExp[] = [
  /\b(\d{4})-(\d{2})-(\d{2})(?![\d])/u,
  /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u,
  /(?<!\d)(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(\d{4})/iu,
  /(?<!\d)(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,?\s+(\d{4})/iu,
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(\d{1,2}),?\s+(\d{4})/iu,
];

function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  const ru = RU_MONTHS.findIndex((m) => lower.startsWith(m));
  if (ru >= 0 && /[а-я]/u.test(lower)) return ru + 1;
  return EN_MONTHS.findIndex((m) => lower.startsWith(m)) + 1;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31 June
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The earliest date written in `text` as ISO `YYYY-MM-DD`: `2025-09-01`, `01.09.2025`,
 * `1 сентября 2025`, `1 September 2025`, `September 1, 2025`. Null when none (or invalid).
 */
export function findArticleDate(text: string): string | null {
  const head = text.slice(0, 5000);
  let best: { at: number; value: string } | undefined;
  PATTERNS.forEach((pattern, k) => {
    const m = pattern.exec(head);
    if (!m || (best && best.at <= m.index)) return;
    let value: string | null;
    if (k === 0) value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (k === 1) value = iso(Number(m[3]), Number(m[2]), Number(m[1]));
    else if (k === 4) value = iso(Number(m[3]), monthNumber(m[1]), Number(m[2]));
    else value = iso(Number(m[3]), monthNumber(m[2]), Number(m[1]));
    if (value) best = { at: m.index, value };
  });
  return best?.value ?? null;
}
