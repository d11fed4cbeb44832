/**
 * The brief as CSV (RFC 4180): one row per initiative and per figure, with a `kind` column, so a
 * spreadsheet can filter either. Text cells that a spreadsheet would run as a formula are defused.
 */
import type { Brief } from './brief';

export const BRIEF_CSV_COLUMNS = [
  'kind', 'id', 'text', 'area', 'area_label', 'status', 'proposer', 'metric', 'value_as_written',
  'value', 'unit', 'qualifier', 'year', 'initiative', 'section', 'line', 'note',
] as const;

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

export function renderBriefCsv(brief: Brief): string {
  const rows: string[] = [BRIEF_CSV_COLUMNS.join(',')];
  for (const area of brief.areas) {
    for (const i of area.initiatives) {
      rows.push([
        'initiative', csvCell(i.id), csvCell(i.text), csvCell(i.area), csvCell(i.areaLabel), csvCell(i.status),
        csvCell(i.proposer), '', '', '', '', '', '', '', csvCell(i.section?.title), String(i.line + 1), csvCell(i.note),
      ].join(','));
    }
  }
  for (const f of brief.figures) {
    rows.push([
      'figure', csvCell(f.id), csvCell(f.asWritten), '', '', '', '', csvCell(f.metric), csvCell(f.asWritten),
      csvCell(f.value, false), csvCell(f.unit), csvCell(f.qualifier), csvCell(f.year, false), csvCell(f.initiativeId),
      csvCell(f.section?.title), String(f.line + 1), csvCell(f.note),
    ].join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
