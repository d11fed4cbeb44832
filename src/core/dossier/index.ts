/**
 * dossier/ — across files: the workspace model (every notes file reduced to its article facts,
 * initiatives and figures, merged by `track=` key and by metric; `updateFile` re-merges one file),
 * the dossier model built from it (timelines, figures by metric with disagreements, filters),
 * `track=` findings, suggested links, what the editor shows of keys and links (links.ts), and
 * the dossier's renderers. Pure; imports model/, figures/,
 * text/ and the brief's helpers. Only src/core/index.ts, the CLI and the extension import it.
 */
export { TRACK_ATTRIBUTE, isValidTrackKey, normaliseTrackKey } from './track';
export type { TrackSite } from './track';
export {
  buildWorkspace, compareMentions, emptyWorkspace, fromFiles, metricKey, removeFile, renameFile, updateFile,
} from './workspace';
export type { NotesSource, Workspace } from './workspace';
export { summariseFile } from './summarise';
export type { ArticleInfo, FigureMention, InitiativeMention, MentionPlace, WorkspaceFile } from './summarise';
export { ABOUT_TOLERANCE, AGREEMENT_TOLERANCE, disagreeingValues, valueRange, valuesAgree, writtenStep, writtenValue } from './precision';
export type { WrittenValue } from './precision';
export type { ComparableValue, ValueRange } from './precision';
export { SUMMIT_BODIES, nameTokens, stem } from './names';
export { MAX_SUGGESTIONS, SUGGESTION_THRESHOLD, compareNames, linkSuggestions, suggestionsFor, untrackedSuggestions } from './suggest';
export type { LinkSuggestion } from './suggest';
export { trackDistance, trackFindings, trackFindingsForFile } from './findings';
export type { DossierFinding, DossierFindingCode } from './findings';
export {
  MAX_HOVER_SUGGESTIONS, alsoInHover, fileLabel, initiativeMentionAt, linkKey, linkableSuggestions, nearTrackKeys, reasonText, sameOtherFiles, trackFindingMessage, trackKeyAt,
} from './links';
export type { AlsoInHoverInput, TrackKeyAt } from './links';
export { DOSSIER_SCHEMA_VERSION, buildDossier, filterDossier, isEmptyDossierFilter } from './build';
export { DOSSIER_FILTER_FIELDS, cleanDossierFilter } from './filter';
export type { DossierFilter } from './filter';
export type {
  Dossier, DossierArticle, DossierCounts, DossierInitiative, DossierMetric, DossierOptions, DossierSpan,
  MetricValue, StatusStep, TimelineEntry,
} from './build';
export { DOSSIER_CSV_COLUMNS, DOSSIER_CSV_COLUMNS_RU } from './csv';
export { dossierLanguage } from './exportText';
export { DOSSIER_FORMATS, renderDossier, renderDossierChunks, renderDossierJson } from './export';
export type { DossierFormat } from './export';
export { renderDossierDocument, renderDossierFragment } from './html';
export { renderDossierMarkdown } from './markdown';
export { DossierViewRenderer, dossierFilterChoices, dossierMetricKey } from './view';
export type { DossierFilterChoices, DossierViewContent, DossierViewEntry, DossierViewOptions, DossierViewPlace } from './view';
export { dossierExportWords, dossierLabels } from './viewLabels';
export type { DossierExportWordKey, DossierExportWords, DossierLabelKey, DossierLabels } from './viewLabels';
