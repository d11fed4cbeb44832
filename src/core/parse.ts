import type { NotesModel, ParseOptions } from './types';

/** Placeholder until the parser lands. */
export function parseNotes(_text: string, _options?: ParseOptions): NotesModel {
  throw new Error('parseNotes: not implemented yet');
}
