/**
 * detect/ — a first pass over unannotated text: figures written with digits (read with the
 * figures/ readers) and phrases that look like initiatives, whole-file (`detectInNotes`) or after
 * an edit (`updateDetection`, which re-reads only the paragraphs the edit touched). Pure, linear in
 * the text length.
 */
export { detectFigures } from './figures';
export { suggestInitiatives } from './initiatives';
export { detectLanguage } from './language';
export { detectInNotes, notesSkipRanges } from './notes';
export type { NotesDetection, NotesDetectionOptions } from './notes';
export { updateDetection } from './update';
export type { DetectionEdit } from './update';
export type { DetectedFigure, Detection, InitiativeKind, SuggestedInitiative, TextRange as DetectionRange } from './types';
