/**
 * model/ — the notes model: `parseNotes` reads a notes file (front matter, blocks, spans,
 * attribute blocks, references) into typed-array rows with interned names, and `editNotes`
 * re-reads only what an edit touched. The annotation, figure, section and reference objects, ids
 * and diagnostics are made from the rows on first use. Rows, strides and the interner stay in
 * here: other subsystems read the model through the `NotesModel` interface and the bulk readers
 * exported below (SpanRows: every span of a file by row number, for the workspace summary, the outline and the CLI's figures).
 */
export * from './types';
export { parseNotes, reparseNotes } from './parse';
export { editNotes } from './edit';
export type { TextChange } from './edit';
export { DIAGNOSTIC_SEVERITY, nearest } from './diagnostics';
export { localiseDiagnostics } from './diagnosticMessages';
export { AttributeScanner } from './attributes';
export type { AttributeBlock } from './attributes';
export { OutlineLabels } from './outlineTable';
export { enclosingInitiatives, initiativeFinder } from './enclosingInitiative';
export { walkDepthFirst } from './walk';
export { SpanRows, readFigureFacts } from './spanRows';
export { figureYearAt, plainTextFrom } from './spanRows';
export type { SpanFigure, SpanFigureFacts, SpanFigureText } from './spanRows';
export type { TreeNode } from './walk';
export type { OutlineNodeKind } from './outlineTable';
