/**
 * The dossier as CSV (RFC 4180, CRLF): one row per timeline entry (`kind` = `mention`) and one per
 * figure of a metric (`kind` = `figure`). Text cells go through the brief's `csvCell`, which
 * defuses cells a spreadsheet would run as a formula.
 */
import { csvCell } from '../brief';
import type { Dossier } from './build';
import { dossierLanguage } from './exportText';
import { dossierExportWords } from './viewLabels';
import { linePieces, type OutputLanguage } from '../text';

export const DOSSIER_CSV_COLUMNS = [
  'kind', 'key', 'metric', 'year', 'date', 'summit', 'source', 'source_url', 'language', 'status', 'status_changed',
  'text', 'value', 'unit', 'qualifier', 'disagrees', 'file', 'line', 'start', 'end',
] as const;

/**
 * The header row of a Russian dossier (same columns, same order), in the brief's words where the
 * brief's CSV has the same column. The `status` and `qualifier` cells keep their codes.
 */
export const DOSSIER_CSV_COLUMNS_RU: Readonly<Record<(typeof DOSSIER_CSV_COLUMNS)[number], string>> = {
  kind: 'вид', key: 'ключ', metric: 'показатель', year: 'год', date: 'дата', summit: 'саммит', source: 'источник',
  source_url: 'ссылка на источник', language: 'язык', status: 'статус', status_changed: 'статус изменился', text: 'текст',
  value: 'значение', unit: 'единица', qualifier: 'уточнение', disagrees: 'расходится', file: 'файл', line: 'строка',
  start: 'начало', end: 'конец',
};

/** The dossier as CSV; the header row, the `kind` cells and the yes cells in `language` (by default the one most of its articles are written in). */
export function renderDossierCsv(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): string {
  return [...renderDossierCsvChunks(dossier, language)].join('');
}

/** {@link renderDossierCsv} in pieces: a workspace's dossier can be larger than a string may be. */
export function renderDossierCsvChunks(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): Generator<string> {
  return linePieces(dossierCsvRows(dossier, language), '\r\n', '\r\n');
}

function* dossierCsvRows(dossier: Dossier, language: OutputLanguage): Generator<string> {
  const w = dossierExportWords(language);
  yield language === 'en' ? DOSSIER_CSV_COLUMNS.join(',') : DOSSIER_CSV_COLUMNS.map((c) => csvCell(DOSSIER_CSV_COLUMNS_RU[c])).join(',');
  for (const i of dossier.initiatives) {
    for (const e of i.timeline) {
      const a = e.article;
      yield [
        w.kindMention, csvCell(i.key), '', '', csvCell(a.date), csvCell(a.summit), csvCell(a.sourceName), csvCell(a.sourceUrl), csvCell(a.language),
        csvCell(e.status), e.statusChanged ? w.yes : '', csvCell(e.text), '', '', '', '', csvCell(a.path), String(e.line + 1), String(e.start), String(e.end),
      ].join(',');
    }
  }
  for (const m of dossier.metrics) {
    for (const v of m.values) {
      const a = v.article;
      yield [
        w.kindFigure, csvCell(v.track), csvCell(m.metric), csvCell(m.year, false), csvCell(a.date), csvCell(a.summit), csvCell(a.sourceName), csvCell(a.sourceUrl),
        csvCell(a.language), csvCell(v.status), '', csvCell(v.asWritten), csvCell(v.value, false), csvCell(v.unit), csvCell(v.qualifier),
        v.disagrees ? w.yes : '', csvCell(a.path), String(v.line + 1), String(v.start), String(v.end),
      ].join(',');
    }
  }
}
