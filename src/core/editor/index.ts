/**
 * editor/ — what the editor features show, worked out over the model as offsets so the adapters
 * in src/extension/ only convert: the outline and its labels, highlights and ruler marks, hover
 * text, completion context, id sites (definition, references, rename), the Initiatives tree's
 * groups, workspace-symbol entries and the text edits made on the analyst's behalf.
 */
export { buildOutline, limitOutline, outlineEntries, outlinePositions, POSITION_STRIDE } from './outline';
export type { OutlineDepth, OutlineEntries, OutlineNode, OutlineNodeKind } from './outline';
export { PositionCursor } from './linePositions';
export { MIN_MARGIN_LINES, nearWindowEdge, paintWindow, sameNumbers, untouchedSince } from './paintWindow';
export { symbolRange, symbolSelection, updateSymbolTable } from './symbolTable';
export type { SymbolTable, SymbolTableUpdate } from './symbolTable';
export { HIGHLIGHT_STYLES, RULER_LANES, highlightsIn, rulerMarks } from './highlights';
export type { HighlightStyle, RulerLane, RulerMarks } from './highlights';
export { hoverAt } from './hoverText';
export type { HoverSubject } from './hoverText';
export { ATTRIBUTE_KEYS, completionContextAt } from './completionContext';
export type { CompletionContext } from './completionContext';
export { declarationsOf, idAt, idOccurrences, isValidId, targetRange } from './idSites';
export { GROUP_BY, groupAnnotations, initiativeAt, isEmptyFilter, NO_VALUE } from './initiativeGroups';
export type { AnnotationFilter, GroupBy } from './initiativeGroups';
export { matchesQuery, workspaceSymbolEntries } from './symbolEntries';
export type { SymbolEntry } from './symbolEntries';
export { addAreaEdit, annotationMarkup, createHeadingTargetEdit, freshId, setAttributeEdit } from './textEdits';
export type { TextEdit } from './textEdits';
export { detectedFigureMarkup } from './figureMarkup';
