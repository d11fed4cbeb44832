/**
 * Summit Notes core: the format parser, the notes model, figure normalisation, detection, the
 * outline and the brief model. Pure TypeScript: no `vscode`, no Node built-ins.
 */
export * from './types';
export { parseNotes, reparseNotes } from './parse';
export { editNotes, type TextEdit } from './incremental';
export { DIAGNOSTIC_SEVERITY, nearest } from './diagnostics';
export { isIsoDate, toIsoDate } from './dates';
export { LineIndex, TextRange } from './lineIndex';
export { parseFigure } from './figures';
export { buildOutline } from './outline';
export type { OutlineNode, OutlineNodeKind } from './outline';
export { declaresSummitNotes } from './sniff';
export { detectFigures, suggestInitiatives, detectLanguage, detectInNotes } from './detect';
export type { DetectedFigure, Detection, SuggestedInitiative } from './detect';
export { importArticle } from './importArticle';
