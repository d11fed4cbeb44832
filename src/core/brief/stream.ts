/**
 * The brief in pieces: the same text as `renderBrief`, handed on as it is made so that a large
 * notes file's brief is never held whole (the CLI writes each piece to its output at once). For
 * HTML the annotated text is read and rendered window by window (textStream.ts), so neither its
 * tokens nor its HTML are ever held in full.
 */
import { briefView, type BriefView } from './view';
import { briefSectionPieces } from './htmlSections';
import { renderBriefCsvChunks } from './csv';
import { annotatedTextChunks, briefDocumentHead, briefLanguage, createNotesMarkdown } from './html';
import { annotatedTextPieces } from './textStream';
import { renderBriefMarkdownChunks } from './markdown';
import type { BriefFormat } from './export';
import type { NotesModel } from '../model';
import { jsonChunks, type OutputLanguage } from '../text';

/** `renderBrief(model, format, language)`, in pieces that join to exactly its text. */
export function* renderBriefChunks(model: NotesModel, format: BriefFormat, language?: OutputLanguage): Generator<string> {
  // Initiatives and figures made as they are written (view.ts), not a list of them all.
  const brief = briefView(model);
  switch (format) {
    case 'html': yield* briefDocumentChunks(brief, model, language); return;
    case 'md': yield* renderBriefMarkdownChunks(brief, language); return;
    // Deep enough that each initiative (inside its area's list) and each figure is a piece of its own.
    case 'json': yield* jsonChunks(brief, (_key, value) => (value === undefined ? null : value), 5); return;
    case 'csv': yield* renderBriefCsvChunks(brief, language); return;
  }
}

/** `renderBriefDocument(brief, model, language)` in pieces. */
function* briefDocumentChunks(brief: BriefView, model: NotesModel, language?: OutputLanguage): Generator<string> {
  const words = briefLanguage(brief, language);
  yield `${briefDocumentHead(brief, language)}\n`;
  yield* briefSectionPieces(brief, words);
  const section = annotatedTextChunks([], false, words);
  yield section.open;
  yield* annotatedTextPieces(model, createNotesMarkdown());
  yield `${section.close}\n</body>\n</html>\n`;
}
