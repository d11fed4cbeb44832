/**
 * Detection: figures written with digits and phrases that look like initiatives, in text that is
 * not yet annotated. Pure, linear in the text length.
 */
export { detectFigures } from './figures';
export { suggestInitiatives } from './initiatives';
export { detectLanguage } from './language';
export { detectInNotes, notesSkipRanges } from './notes';
export type { NotesDetection, NotesDetectionOptions } from './notes';
export type { DetectedFigure, Detection, InitiativeKind, SuggestedInitiative, TextRange } from './types';
