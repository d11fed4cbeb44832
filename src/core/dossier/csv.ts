/**
 * The dossier as CSV (RFC 4180, CRLF): one row per timeline entry (`kind` = `mention`) and one per
 * figure of a metric (`kind` = `figure`). Text cells go through the brief's `csvCell`, which
 * defuses cells a spreadsheet would run as a formula.
 */
import { csvCell } from '../brief';
import type { Dossier } from './build';
import { linePieces } from '../text';

export const DOSSIER_CSV_COLUMNS = [
  'kind', 'key', 'metric', 'year', 'date', 'summit', 'source', 'source_url', 'language', 'status', 'status_changed',
  'text', 'value', 'unit', 'qualifier', 'disagrees', 'file', 'line', 'start', 'end',
] as const;

export function renderDossierCsv(dossier: Dossier): string {
  return [...renderDossierCsvChunks(dossier)].join('');
}

/** {@link renderDossierCsv} in pieces: a workspace's dossier can be larger than a string may be. */
export function renderDossierCsvChunks(dossier: Dossier): Generator<string> {
  return linePieces(dossierCsvRows(dossier), '\r\n', '\r\n');
}

function* dossierCsvRows(dossier: Dossier): Generator<string> {
  yield DOSSIER_CSV_COLUMNS.join(',');
  for (const i of dossier.initiatives) {
    for (const e of i.timeline) {
      const a = e.article;
      yield [
        'mention', csvCell(i.key), '', '', csvCell(a.date), csvCell(a.summit), csvCell(a.sourceName), csvCell(a.sourceUrl), csvCell(a.language),
        csvCell(e.status), e.statusChanged ? 'yes' : '', csvCell(e.text), '', '', '', '', csvCell(a.path), String(e.line + 1), String(e.start), String(e.end),
      ].join(',');
    }
  }
  for (const m of dossier.metrics) {
    for (const v of m.values) {
      const a = v.article;
      yield [
        'figure', csvCell(v.track), csvCell(m.metric), csvCell(m.year, false), csvCell(a.date), csvCell(a.summit), csvCell(a.sourceName), csvCell(a.sourceUrl),
        csvCell(a.language), csvCell(v.status), '', csvCell(v.asWritten), csvCell(v.value, false), csvCell(v.unit), csvCell(v.qualifier),
        v.disagrees ? 'yes' : '', csvCell(a.path), String(v.line + 1), String(v.start), String(v.end),
      ].join(',');
    }
  }
}
