/** One entry point for every dossier format, shared by the CLI and (later) the editor's export. */
import type { Dossier } from './build';
import { renderDossierCsvChunks } from './csv';
import { renderDossierDocumentChunks } from './html';
import { dossierLanguage } from './exportText';
import { renderDossierMarkdownChunks } from './markdown';
import { jsonChunks, type OutputLanguage } from '../text';

export type DossierFormat = 'html' | 'md' | 'csv' | 'json';
export const DOSSIER_FORMATS: readonly DossierFormat[] = ['html', 'md', 'csv', 'json'];

/** Absent optional fields are `null` in the JSON, so every key is always present. */
const nullForAbsent = (_key: string, value: unknown): unknown => (value === undefined ? null : value);

/** The dossier model as JSON. */
export function renderDossierJson(dossier: Dossier): string {
  return JSON.stringify(dossier, nullForAbsent, 2) + '\n';
}

/** Renders `dossier` in `format`, its words in `language` (by default the one most of its articles are written in; JSON has none). Pure. */
export function renderDossier(dossier: Dossier, format: DossierFormat, language: OutputLanguage = dossierLanguage(dossier)): string {
  return [...renderDossierChunks(dossier, format, language)].join('');
}

/**
 * {@link renderDossier} in pieces of about OUTPUT_PIECE characters, each made as it is written: a
 * workspace's dossier can be larger than one string may be (at 10,000 generated files its JSON is
 * about 700 MB), and is never held whole. The JSON is walked down to each timeline entry, metric
 * value and suggestion.
 */
export function renderDossierChunks(dossier: Dossier, format: DossierFormat, language: OutputLanguage = dossierLanguage(dossier)): Iterable<string> {
  switch (format) {
    case 'html': return renderDossierDocumentChunks(dossier, language);
    case 'md': return renderDossierMarkdownChunks(dossier, language);
    case 'csv': return renderDossierCsvChunks(dossier, language);
    case 'json': return jsonChunks(dossier, nullForAbsent, 4);
  }
}
