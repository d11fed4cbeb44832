/**
 * The brief in pieces: the same text as `renderBrief`, handed on as it is made so that a large
 * notes file's brief is never held whole (the CLI writes each piece to its output at once). For
 * HTML the annotated text is read and rendered window by window (textStream.ts), so neither its
 * tokens nor its HTML are ever held in full.
 */
import { buildBrief, type Brief } from './build';
import { renderBriefCsvChunks } from './csv';
import { annotatedTextChunks, briefDocumentHead, briefLanguage, createNotesMarkdown, renderBriefParts } from './html';
import { annotatedTextPieces } from './textStream';
import { renderBriefMarkdownChunks } from './markdown';
import type { BriefFormat } from './export';
import type { NotesModel } from '../model';
import { jsonChunks, type OutputLanguage } from '../text';

/** Pieces are handed on at about this many characters. */
const PIECE = 1 << 16;

/** `renderBrief(model, format, language)`, in pieces that join to exactly its text. */
export function* renderBriefChunks(model: NotesModel, format: BriefFormat, language?: OutputLanguage): Generator<string> {
  const brief = buildBrief(model);
  switch (format) {
    case 'html': yield* briefDocumentChunks(brief, model, language); return;
    case 'md': yield* renderBriefMarkdownChunks(brief, language); return;
    // Deep enough that each initiative (inside its area's list) and each figure is a piece of its own.
    case 'json': yield* jsonChunks(brief, (_key, value) => (value === undefined ? null : value), 5); return;
    case 'csv': yield* renderBriefCsvChunks(brief, language); return;
  }
}

/** `renderBriefDocument(brief, model, language)` in pieces. */
function* briefDocumentChunks(brief: Brief, model: NotesModel, language?: OutputLanguage): Generator<string> {
  const words = briefLanguage(brief, language);
  const parts = renderBriefParts(brief, { language: words });
  yield `${briefDocumentHead(brief, language)}\n${parts.header}${parts.initiatives.open}`;
  for (const group of parts.initiatives.groups) yield* sectionChunks(group.open, group.chunks, group.close);
  yield parts.initiatives.close;
  yield* sectionChunks(parts.figures.open, parts.figures.chunks, parts.figures.close);
  yield parts.actors;
  const section = annotatedTextChunks([], false, words);
  yield section.open;
  yield* annotatedTextPieces(model, createNotesMarkdown());
  yield `${section.close}\n</body>\n</html>\n`;
}

function* sectionChunks(open: string, chunks: readonly string[], close: string): Generator<string> {
  let buffer = open;
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + close;
}
