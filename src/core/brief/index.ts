/**
 * brief/ — what an analyst hands on: the brief model built from the notes model, its renderers
 * (HTML fragment for the preview and self-contained page for export, Markdown, CSV, JSON), and the
 * markdown-it plugin that turns spans into tokens, shared with VS Code's built-in preview.
 */
export type { BriefChunks, BriefGroups, BriefPreviewContent } from './chunks';
export { BRIEF_FORMATS, briefFileExtension, renderBrief } from './export';
export { renderBriefChunks } from './stream';
export type { BriefFormat } from './export';
export { createNotesMarkdown, escapeHtml, renderBriefPreview } from './html';
export { BriefBlockCache, type BlockCacheStats } from './blockCache';
export { summitNotesPlugin } from './markdownItPlugin';
// Helpers other exports share (the dossier's HTML, Markdown and CSV; the CLI's CSV).
export { BRIEF_EXPORT_CSS } from './styles';
export { csvCell } from './csv';
export { escapeMarkdown } from './markdown';
export { safeHttpUrl } from './links';
