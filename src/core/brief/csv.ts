/**
 * The brief as CSV (RFC 4180): one row per initiative and per figure, with a `kind` column, so a
 * spreadsheet can filter either. Text cells that a spreadsheet would run as a formula are defused.
 */
import type { Brief } from './build';
import type { BriefView } from './view';
import { OUTPUT_PIECE, outputLanguage, type OutputLanguage } from '../text';

export const BRIEF_CSV_COLUMNS = [
  'kind', 'id', 'text', 'area', 'area_label', 'status', 'proposer', 'metric', 'value_as_written',
  'value', 'unit', 'qualifier', 'year', 'initiative', 'section', 'line', 'note',
] as const;

/** The header row of a Russian brief (same columns, same order); the `qualifier` cells keep their codes. */
export const BRIEF_CSV_COLUMNS_RU: Readonly<Record<(typeof BRIEF_CSV_COLUMNS)[number], string>> = {
  kind: 'вид', id: 'id', text: 'текст', area: 'направление', area_label: 'название направления', status: 'статус',
  proposer: 'инициатор', metric: 'показатель', value_as_written: 'как в тексте', value: 'значение', unit: 'единица',
  qualifier: 'уточнение', year: 'год', initiative: 'инициатива', section: 'раздел', line: 'строка', note: 'примечание',
};

const KIND_WORDS: Readonly<Record<OutputLanguage, { readonly initiative: string; readonly figure: string }>> = {
  en: { initiative: 'initiative', figure: 'figure' },
  ru: { initiative: 'инициатива', figure: 'цифра' },
};

/** A cell a spreadsheet would run as a formula: `=`, `+`, `-` or `@` after any spaces, or a leading tab or CR (the OWASP rule). */
const FORMULA_START = /^(?: *[=+\-@]|[\t\r])/;

/**
 * One CSV cell, the one guard every CSV output of the project uses: a text cell that a
 * spreadsheet would run as a formula gets a leading `'` (CSV injection), then the cell is quoted
 * (RFC 4180) when it holds a comma, quote, CR or LF, or starts or ends with white space.
 * Numbers (`isText` false) are written as they are.
 */
export function csvCell(value: string | number | undefined | null, isText = true): string {
  if (value === undefined || value === null) return '';
  let s = String(value);
  if (isText && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The brief as CSV; the header row and the `kind` cells in `language` (the notes file's when not given). */
export function renderBriefCsv(brief: Brief, language?: OutputLanguage): string {
  return [...renderBriefCsvChunks(brief, language)].join('');
}

/** Pieces are handed on at about this many characters (see OUTPUT_PIECE). */
const PIECE = OUTPUT_PIECE;

/** `renderBriefCsv` in pieces that join to exactly its text, each row made as it is reached. */
export function* renderBriefCsvChunks(brief: BriefView, language?: OutputLanguage): Generator<string> {
  const lang = language ?? outputLanguage(brief.header.language);
  const kinds = KIND_WORDS[lang];
  let buffer = `${lang === 'en' ? BRIEF_CSV_COLUMNS.join(',') : BRIEF_CSV_COLUMNS.map((c) => csvCell(BRIEF_CSV_COLUMNS_RU[c])).join(',')}\r\n`;
  for (const area of brief.areas) {
    for (const i of area.initiatives) {
      buffer += [
        kinds.initiative, csvCell(i.id), csvCell(i.text), csvCell(i.area), csvCell(i.areaLabel), csvCell(i.status),
        csvCell(i.proposer), '', '', '', '', '', '', '', csvCell(i.section?.title), String(i.line + 1), csvCell(i.note),
      ].join(',') + '\r\n';
      if (buffer.length >= PIECE) {
        yield buffer;
        buffer = '';
      }
    }
  }
  for (const f of brief.figures) {
    buffer += [
      kinds.figure, csvCell(f.id), csvCell(f.asWritten), '', '', '', '', csvCell(f.metric), csvCell(f.asWritten),
      csvCell(f.value, false), csvCell(f.unit), csvCell(f.qualifier), csvCell(f.year, false), csvCell(f.initiativeId),
      csvCell(f.section?.title), String(f.line + 1), csvCell(f.note),
    ].join(',') + '\r\n';
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}
