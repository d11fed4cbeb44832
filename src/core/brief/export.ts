/** One entry point for every export format, shared by the CLI and the "Export Brief…" command. */
import { buildBrief } from './build';
import { renderBriefCsv } from './csv';
import { renderBriefDocument } from './html';
import { renderBriefJson } from './json';
import { renderBriefMarkdown } from './markdown';
import type { NotesModel } from '../model';
import type { OutputLanguage } from '../text';

export type BriefFormat = 'html' | 'md' | 'json' | 'csv';
export const BRIEF_FORMATS: readonly BriefFormat[] = ['html', 'md', 'json', 'csv'];

/** File extension for a format (`md` → `.brief.md`, so it never collides with the notes file). */
export function briefFileExtension(format: BriefFormat): string {
  return `.brief.${format}`;
}

/**
 * Renders the brief of `model` in `format`. Pure: nothing is read or written. Headings and labels
 * are in `language`, else the notes file's (`language:`); JSON keys are always English.
 */
export function renderBrief(model: NotesModel, format: BriefFormat, language?: OutputLanguage): string {
  const brief = buildBrief(model);
  switch (format) {
    case 'html': return renderBriefDocument(brief, model, language);
    case 'md': return renderBriefMarkdown(brief, language);
    case 'json': return renderBriefJson(brief);
    case 'csv': return renderBriefCsv(brief, language);
  }
}
