/** One entry point for every dossier format, shared by the CLI and (later) the editor's export. */
import type { Dossier } from './build';
import { renderDossierCsv } from './csv';
import { renderDossierDocument } from './html';
import { renderDossierMarkdown } from './markdown';

export type DossierFormat = 'html' | 'md' | 'csv' | 'json';
export const DOSSIER_FORMATS: readonly DossierFormat[] = ['html', 'md', 'csv', 'json'];

/** The dossier model as JSON; absent optional fields are `null` so every key is always present. */
export function renderDossierJson(dossier: Dossier): string {
  return JSON.stringify(dossier, (_key, value: unknown) => (value === undefined ? null : value), 2) + '\n';
}

/** Renders `dossier` in `format`. Pure. */
export function renderDossier(dossier: Dossier, format: DossierFormat): string {
  switch (format) {
    case 'html': return renderDossierDocument(dossier);
    case 'md': return renderDossierMarkdown(dossier);
    case 'csv': return renderDossierCsv(dossier);
    case 'json': return renderDossierJson(dossier);
  }
}
