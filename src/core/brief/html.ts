/**
 * The brief as HTML: a fragment for the preview (styled by media/preview.css) and a self-contained
 * document for export (inline styles, no script, a CSP that forbids everything else). Every string
 * from the notes file goes through `escapeHtml`; the annotated text comes from markdown-it with
 * `html: false` and our plugin.
 */
import MarkdownIt from 'markdown-it';
import { buildBrief, type Brief } from './build';
import type { BriefView } from './view';
import { figureKey, summitNotesPlugin, SUMMIT_ENV_KEY, type SummitMarkdownContext } from './markdownItPlugin';
import { describeFigureValue } from '../figures';
import type { NotesModel } from '../model';
import { BRIEF_EXPORT_CSS } from './styles';
import { joinChunks, joinGroups, type BriefPreviewContent } from './chunks';
export { joinChunks, joinGroups } from './chunks';
import type { BriefChunks, BriefGroups } from './chunks';
import { message, outputLanguage, type OutputLanguage } from '../text';
import { actorsHtml, Entries, escapeHtml, figuresHtml, flatten, headerHtml, initiativesHtml } from './htmlSections';
export { escapeHtml } from './htmlSections';

export type { BriefChunks, BriefGroups };


/**
 * A markdown-it instance for notes text: raw HTML off (`html: false`), markdown-it's link
 * validation kept (no `javascript:`, `vbscript:`, `file:` or non-image `data:` links), our plugin on.
 * `blockLines: 'relative'` is what the live preview uses with {@link renderAnnotatedBlocks}.
 */
export function createNotesMarkdown(options: { blockLines?: boolean | 'relative' } = {}): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // markdown-it's own normalisation with a look first: two regex replacements over the whole
  // text cost more than two searches that find nothing, which is the usual case (no CR, no NUL).
  md.core.ruler.at('normalize', (state) => {
    if (state.src.indexOf('\r') >= 0 || state.src.indexOf('\0') >= 0) state.src = state.src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  });
  return md.use(summitNotesPlugin, { blockLines: options.blockLines ?? false, leafSpans: true });
}

/** What the annotated-text renderers may be given besides the model. */
export interface AnnotatedTextOptions extends Pick<SummitMarkdownContext, 'resolveImage'> {
  /** The brief of the same model: its figures' normalised values are reused for the titles. */
  readonly brief?: Brief;
}

/**
 * The env carrying what the model already knows, for rendering `model.text` as it is: the front
 * matter is stepped over by line count (`skipLines`), so the text is never copied and line numbers
 * stay true.
 */
export function markdownEnv(model: NotesModel, options: AnnotatedTextOptions, figureValues: ReadonlyMap<string, string> = figureValueMap(model, options)): Record<string, unknown> {
  let skipLines = 0;
  if (model.frontMatterRange) {
    // Every line up to and with the closing `---` (the range ends after its line break, if any).
    const end = model.frontMatterRange.end;
    skipLines = model.positionAt(end).line + (model.text.charCodeAt(end - 1) === 0x0a ? 0 : 1);
  }
  const context: SummitMarkdownContext = { areas: model.frontMatter?.areas, language: model.language, figureValues, resolveImage: options.resolveImage, skipLines };
  return { [SUMMIT_ENV_KEY]: context };
}

/** Every figure's normalised value by its key: the model already read every figure, so the plugin need not read them again. */
function figureValueMap(model: NotesModel, options: AnnotatedTextOptions): Map<string, string> {
  const figureValues = new Map<string, string>();
  const lang = outputLanguage(model.language);
  // The brief's rows carry English words; a Russian file describes again only values with a qualifier word.
  const rows = options.brief?.figures;
  const figures = model.figures;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const a = f.annotation;
    const row = rows && rows.length === figures.length ? rows[i] : undefined;
    figureValues.set(figureKey(a.text, a.attribute('value'), a.attribute('unit')), row && (lang === 'en' || !f.qualifier) ? row.normalised : describeFigureValue(f.value, f.unit, f.qualifier, lang));
  }
  return figureValues;
}

/** Renders the notes text (front matter blanked out, line numbers kept) as annotated HTML. */
export function renderAnnotatedText(model: NotesModel, md: MarkdownIt.MarkdownIt, options: AnnotatedTextOptions = {}): string {
  return md.render(model.text, markdownEnv(model, options));
}

/** The annotated text as one HTML string per top-level block, with the block's first source line. */
export interface AnnotatedBlocks {
  readonly html: readonly string[];
  readonly lines: readonly number[];
}

/**
 * The annotated text split into top-level blocks (a paragraph, a list, a table, a heading…), each
 * rendered on its own; joined, they are exactly `renderAnnotatedText`'s HTML. The live preview
 * uses an instance with `blockLines: 'relative'`, so a block's HTML stays the same when lines
 * above it come or go and only blocks that really changed are sent to the webview.
 */
export function renderAnnotatedBlocks(model: NotesModel, md: MarkdownIt.MarkdownIt, options: AnnotatedTextOptions = {}): AnnotatedBlocks {
  const env = markdownEnv(model, options);
  const tokens = md.parse(model.text, env);
  const html: string[] = [];
  const lines: number[] = [];
  let line = 0;
  for (let i = 0; i < tokens.length;) {
    const end = blockEnd(tokens, i);
    const first = tokens[i];
    if (first.map) line = first.map[0];
    html.push(renderTokenRange(md, tokens, i, end, env));
    lines.push(line);
    i = end;
  }
  return { html, lines };
}

/** Just after the top-level block that starts at `tokens[i]` (its closing token, or itself when it nests nothing). */
export function blockEnd(tokens: readonly MarkdownIt.Token[], i: number): number {
  const first = tokens[i];
  let end = i + 1;
  if (first.nesting === 1) {
    while (end < tokens.length && !(tokens[end].nesting === -1 && tokens[end].level === first.level)) end++;
    end++;
  }
  return Math.min(end, tokens.length);
}

/**
 * markdown-it's Renderer.render over tokens [from, to), with the whole token list in reach of the
 * rules (some look at their neighbours), so the blocks join up to the full render; flattened.
 */
export function renderTokenRange(md: MarkdownIt.MarkdownIt, tokens: MarkdownIt.Token[], from: number, to: number, env: Record<string, unknown>): string {
  const renderer = md.renderer;
  const rules = renderer.rules;
  let out = '';
  for (let k = from; k < to; k++) {
    const token = tokens[k];
    const rule = rules[token.type];
    if (token.type === 'inline') out += renderer.renderInline(token.children ?? [], md.options, env);
    else if (rule) out += rule(tokens, k, md.options, env, renderer);
    else out += renderer.renderToken(tokens, k, md.options);
  }
  return flatten(out);
}

/** Renders the annotated text block by block, reusing what it can from earlier renders (see blockCache.ts). */
export interface AnnotatedBlocksRenderer {
  render(model: NotesModel, md: MarkdownIt.MarkdownIt, options: AnnotatedTextOptions): AnnotatedBlocks;
}

export interface BriefHtmlOptions {
  /**
   * Mark brief entries (initiatives, their figures, figure rows, actors) with `data-entry="k"`,
   * `k` an index into {@link BriefParts.entryLines}, so the preview can reveal them in the editor.
   * Lines travel apart from the HTML: a line added above an entry does not change its HTML.
   */
  readonly lines?: boolean;
  /** The language of headings and labels; the brief's (`header.language`) when not given. */
  readonly language?: OutputLanguage;
}

/** The language a brief is rendered in: `language` when given, else the notes file's. */
export function briefLanguage(brief: BriefView, language?: OutputLanguage): OutputLanguage {
  return language ?? outputLanguage(brief.header.language);
}

/** The brief's own sections as HTML (the annotated text comes apart, from {@link renderAnnotatedBlocks}). */
export interface BriefParts {
  /** `<header>`: title, facts, counts. */
  readonly header: string;
  /** `<section class="brief-initiatives">`: one group per area, one chunk per initiative. */
  readonly initiatives: BriefGroups;
  /** `<section class="brief-figures">`, one chunk per table row. */
  readonly figures: BriefChunks;
  /** `<section class="brief-actors">`. */
  readonly actors: string;
  /** With `lines`: the zero-based source line of each `data-entry` index; else empty. */
  readonly entryLines: readonly number[];
}

/**
 * Header, initiatives, key figures and actors of the brief as HTML, in small strings: V8 copies
 * a string built by `+=` into one piece when it is first read whole, and a piece of more than
 * about 128 KB goes to fresh memory pages, which costs more than building it.
 */
export function renderBriefParts(brief: Brief, options: BriefHtmlOptions = {}): BriefParts {
  const entries = new Entries(options.lines ?? false);
  const lang = briefLanguage(brief, options.language);
  return {
    header: headerHtml(brief, lang),
    initiatives: initiativesHtml(brief, entries, lang),
    figures: figuresHtml(brief, entries, lang),
    actors: actorsHtml(brief, entries, lang),
    entryLines: entries.lines,
  };
}


/** The brief as an HTML fragment: header, counts, initiatives, key figures, actors, then `textHtml`. */
export function renderBriefFragment(brief: Brief, textHtml: string, language?: OutputLanguage): string {
  const lang = briefLanguage(brief, language);
  const parts = renderBriefParts(brief, { language: lang });
  return parts.header + joinGroups(parts.initiatives) + joinChunks(parts.figures) + parts.actors + annotatedTextSection(textHtml, lang);
}

/** The section around the annotated text (the preview fills its `.brief-markdown` block by block). */
export function annotatedTextSection(textHtml: string, language: OutputLanguage = 'en'): string {
  const part = annotatedTextChunks([textHtml], false, language);
  return part.open + textHtml + part.close;
}

/** The annotated-text section as chunks (one per top-level block). */
export function annotatedTextChunks(blocks: readonly string[], lines: boolean, language: OutputLanguage = 'en'): BriefChunks {
  return { open: `<section class="brief-text"><h2>${message(language, 'brief.annotatedText')}</h2><div class="brief-markdown"${lines ? ' data-chunks' : ''}>`, chunks: blocks, close: '</div></section>' };
}


/**
 * The brief of `model` as the live preview shows it. `md` comes from
 * `createNotesMarkdown({ blockLines: 'relative' })`; `options.brief` is built when not given.
 * A `blocksRenderer` (a BriefBlockCache kept per preview) renders only the text blocks that changed.
 */
export function renderBriefPreview(
  model: NotesModel, md: MarkdownIt.MarkdownIt, options: AnnotatedTextOptions = {}, blocksRenderer?: AnnotatedBlocksRenderer,
): BriefPreviewContent {
  const brief = options.brief ?? buildBrief(model);
  // The text first: while markdown-it's tokens fill the young heap, little else is alive.
  const blocks = blocksRenderer ? blocksRenderer.render(model, md, { ...options, brief }) : renderAnnotatedBlocks(model, md, { ...options, brief });
  const lang = briefLanguage(brief);
  const parts = renderBriefParts(brief, { lines: true, language: lang });
  return {
    header: parts.header,
    initiatives: parts.initiatives,
    figures: parts.figures,
    actors: parts.actors,
    text: annotatedTextChunks(blocks.html, true, lang),
    textLines: blocks.lines,
    entryLines: parts.entryLines,
  };
}

/**
 * The brief as a self-contained HTML document for export: inline styles, no script, a CSP that
 * forbids scripts and remote content, print-friendly.
 */
export function renderBriefDocument(brief: Brief, model: NotesModel, language?: OutputLanguage): string {
  const text = renderAnnotatedText(model, createNotesMarkdown());
  const words = briefLanguage(brief, language);
  return `${briefDocumentHead(brief, language)}\n${renderBriefFragment(brief, text, words)}\n</body>\n</html>\n`;
}

/** The export document up to and with `<body class="brief">` (no line break after it). */
export function briefDocumentHead(brief: BriefView, language?: OutputLanguage): string {
  const words = briefLanguage(brief, language);
  const tag = language ?? brief.header.language;
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(tag) ? tag : 'en';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(brief.header.title ?? message(words, 'brief.documentTitle'))}</title>`,
    `<style>${BRIEF_EXPORT_CSS}</style>`,
    '</head>',
    '<body class="brief">',
  ].join('\n');
}

export type { SummitMarkdownContext };
