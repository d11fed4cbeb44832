/**
 * A markdown-it plugin for Summit Notes: bracketed spans `[text]{.initiative #id area=x}` become
 * real tokens (`summit_span_open` / `summit_span_close` around the tokenised content), references
 * `[text](#id)` are marked, and headings' `{#id}` blocks become ids. The same plugin serves our
 * brief preview, the exported brief and VS Code's built-in Markdown preview
 * (`markdown.markdownItPlugins`), so it only uses the markdown-it instance it is given.
 *
 * Everything reaches the HTML through markdown-it's own escaping (`escapeHtml`) or renderer
 * attribute handling; nothing here builds HTML out of the analyst's text by hand.
 */
import type MarkdownIt from 'markdown-it';
import { parseFigure } from './figures';
import type { AnnotationKind } from './types';
import { ANNOTATION_KINDS } from './types';
import { describeFigureValue } from './briefFormat';
import { AttributeScanner, type AttributeBlock } from './attributes';

type Md = MarkdownIt.MarkdownIt;
type StateInline = MarkdownIt.StateInline;
type StateCore = MarkdownIt.StateCore;
type Token = MarkdownIt.Token;

/** What the plugin may know about the notes file (vocabulary, language); all optional. */
export interface SummitMarkdownContext {
  /** Area id → label (front matter `areas`). */
  readonly areas?: ReadonlyMap<string, string>;
  /** Figure language (front matter `language`), decides `1,500`. */
  readonly language?: string;
  /**
   * Turns a relative image path into a URL the host may load (the preview maps it into the note's
   * folder with `asWebviewUri`); images it returns undefined for keep markdown-it's own `src`.
   */
  readonly resolveImage?: (src: string) => string | undefined;
  /**
   * The normalised value of a figure span, when the caller already has the notes model (keyed by
   * {@link figureKey}); saves reading the figure a second time. Missing keys fall back to parseFigure.
   */
  readonly figureValues?: ReadonlyMap<string, string>;
}

/** The key of a figure span in {@link SummitMarkdownContext.figureValues}: its text and value/unit overrides. */
export function figureKey(text: string, value: string | undefined, unit: string | undefined): string {
  return `${text}\u0000${value ?? ''}\u0000${unit ?? ''}`;
}

export interface SummitMarkdownOptions {
  /**
   * Put `data-line` (zero-based source line) and class `code-line` on block elements, as VS Code's
   * own Markdown engine does; our preview turns this on, the built-in preview already does it.
   */
  readonly blockLines?: boolean;
}

/** The key under which callers pass a {@link SummitMarkdownContext} in markdown-it's `env`. */
export const SUMMIT_ENV_KEY = 'summitNotes';

/** What an annotation token carries in `token.meta`. */
export interface SpanMeta {
  readonly kind: AnnotationKind | undefined;
  readonly id: string | undefined;
  readonly classes: readonly string[];
  readonly attributes: readonly (readonly [string, string])[];
  /** The span's source text inside the brackets. */
  readonly text: string;
  /** Zero-based source line (set by the core rule once block lines are known). */
  line?: number;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * The core's attribute reader (the same one `parseNotes` uses), one per inline source: its caches
 * keep a line full of `]{` that never close linear. Keyed by the inline state, which markdown-it
 * keeps for one paragraph (nested `tokenize` calls share it).
 */
const scanners = new WeakMap<StateInline, AttributeScanner>();
function readInlineBlock(state: StateInline, open: number): AttributeBlock | undefined {
  let scanner = scanners.get(state);
  if (!scanner) {
    scanner = new AttributeScanner(state.src);
    scanners.set(state, scanner);
  }
  const block = scanner.read(open, state.posMax);
  return block.closed ? block : undefined;
}

/** Reads one attribute block of a short string (a heading's text, a span's text). */
function readBlock(src: string, open: number): AttributeBlock | undefined {
  const block = new AttributeScanner(src).read(open, src.length);
  return block.closed ? block : undefined;
}

function attributeOf(meta: SpanMeta, key: string): string | undefined {
  let found: string | undefined;
  for (const [k, v] of meta.attributes) if (k === key) found = v;
  return found;
}

/** The inline rule: `[…]{…}` → summit_span_open, the content's own tokens, summit_span_close. */
function bracketedSpan(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== OPEN_BRACKET) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
  if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== OPEN_BRACE) return false;
  const block = readInlineBlock(state, labelEnd + 1);
  if (!block) return false;
  if (!silent) {
    const kind = ANNOTATION_KINDS.find((k) => block.classes.includes(k));
    const meta: SpanMeta = {
      kind,
      id: block.id,
      classes: block.classes,
      attributes: block.attributes,
      text: state.src.slice(start + 1, labelEnd),
    };
    const oldMax = state.posMax;
    const open = state.push('summit_span_open', 'span', 1);
    open.meta = meta as unknown as Record<string, unknown>;
    state.pos = start + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    const close = state.push('summit_span_close', 'span', -1);
    close.meta = meta as unknown as Record<string, unknown>;
  }
  state.pos = block.end;
  return true;
}

/** Strips a trailing `{#id …}` from heading text (Pandoc header attributes) and keeps the id. */
function headingIds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open' || tokens[i + 1].type !== 'inline') continue;
    const inline = tokens[i + 1];
    const content = inline.content.trimEnd();
    if (!content.endsWith('}')) continue;
    const open = content.lastIndexOf('{');
    if (open < 0) continue;
    const block = readBlock(content, open);
    if (!block || block.end !== content.length) continue;
    inline.content = content.slice(0, open).trimEnd();
    if (block.id) tokens[i].attrSet('id', block.id);
  }
}

/**
 * One pass over the inline tokens after parsing: annotation tokens get their source line (the
 * block's first line plus the line breaks before them), and references `[text](#id)` get a class
 * and their target id so previews can style and follow them.
 */
function spanLinesAndReferences(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let line = block.map ? block.map[0] : -1;
    for (const child of block.children) {
      const type = child.type;
      if (type === 'softbreak' || type === 'hardbreak') line++;
      else if (type === 'summit_span_open' && line >= 0 && child.meta) (child.meta as unknown as SpanMeta).line = line;
      else if (type === 'link_open') {
        const href = String(child.attrGet('href') ?? '');
        if (href.length < 2 || href.charCodeAt(0) !== 0x23 /* # */) continue;
        child.attrJoin('class', 'summit-ref');
        child.attrSet('data-ref', safeDecode(href.slice(1)));
      }
    }
  }
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

function contextOf(env: unknown): SummitMarkdownContext {
  const value = (env as Record<string, unknown> | undefined)?.[SUMMIT_ENV_KEY];
  return value && typeof value === 'object' ? (value as SummitMarkdownContext) : {};
}

/** The tooltip of an annotation: kind, id, area label, status, proposer, value, note. */
export function spanTitle(meta: SpanMeta, context: SummitMarkdownContext): string {
  const parts: string[] = [];
  const kindLabel = meta.kind ? meta.kind[0].toUpperCase() + meta.kind.slice(1) : 'Span';
  parts.push(meta.id ? `${kindLabel} #${meta.id}` : kindLabel);
  const area = attributeOf(meta, 'area');
  if (area) parts.push(`area: ${context.areas?.get(area) ?? area}`);
  const status = attributeOf(meta, 'status');
  if (status) parts.push(`status: ${status}`);
  const by = attributeOf(meta, 'by');
  if (by) parts.push(`by ${by}`);
  if (meta.kind === 'figure') {
    const metric = attributeOf(meta, 'metric');
    const year = attributeOf(meta, 'year');
    if (metric) parts.push(year ? `${metric} (${year})` : metric);
    const override = attributeOf(meta, 'value');
    const unit = attributeOf(meta, 'unit');
    let described = context.figureValues?.get(figureKey(meta.text, override, unit));
    if (described === undefined) {
      const parsed = parseFigure(plainSpanText(meta.text), context.language ?? 'en');
      const value = override !== undefined && override.trim() !== '' && Number.isFinite(Number(override)) ? Number(override) : parsed.value;
      described = describeFigureValue(value, unit ?? parsed.unit, parsed.qualifier);
    }
    if (described) parts.push(`= ${described}`);
  }
  const note = attributeOf(meta, 'note');
  if (note) parts.push(`note: ${note}`);
  return parts.join(' · ');
}

/** Span text without nested spans' markup, for figure reading (`[a [b]{.x}]` → `a b`). */
function plainSpanText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACKET) continue;
    if (c === 0x5d && text.charCodeAt(i + 1) === OPEN_BRACE) {
      const block = readBlock(text, i + 1);
      if (block) { i = block.end - 1; continue; }
    }
    out += text[i];
  }
  return out;
}

/**
 * The plugin. `md.use(summitNotesPlugin)` in VS Code's preview, `md.use(summitNotesPlugin,
 * { blockLines: true })` in ours. Context (vocabulary, language) comes per render through
 * `env.summitNotes`.
 */
export function summitNotesPlugin(md: Md, options: SummitMarkdownOptions = {}): void {
  md.inline.ruler.before('link', 'summit_span', bracketedSpan);
  md.core.ruler.before('inline', 'summit_heading_ids', headingIds);
  md.core.ruler.after('inline', 'summit_span_lines', spanLinesAndReferences);

  const escape = md.utils.escapeHtml;
  md.renderer.rules['summit_span_open'] = (tokens, idx, _opts, env) => {
    const meta = tokens[idx].meta as unknown as SpanMeta;
    // Built by concatenation: this runs once per annotation and dominates rendering time.
    const kind = meta.kind;
    let out = kind ? `<span class="summit-annotation summit-${kind}" data-kind="${kind}"` : '<span class="summit-annotation summit-span"';
    if (meta.id) {
      const id = escape(meta.id);
      out += ` id="${id}" data-id="${id}"`;
    }
    const status = attributeOf(meta, 'status');
    if (status) out += ` data-status="${escape(status)}"`;
    const area = attributeOf(meta, 'area');
    if (area) out += ` data-area="${escape(area)}"`;
    if (meta.line !== undefined) out += ` data-line="${meta.line}"`;
    return `${out} title="${escape(spanTitle(meta, contextOf(env)))}">`;
  };
  md.renderer.rules['summit_span_close'] = () => '</span>';

  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const resolve = contextOf(env).resolveImage;
    const src = String(tokens[idx].attrGet('src') ?? '');
    // Only relative paths are mapped; remote images stay blocked by the preview's CSP.
    if (resolve && src && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//')) {
      const mapped = resolve(src);
      if (mapped) tokens[idx].attrSet('src', mapped);
    }
    return defaultImage ? defaultImage(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };

  if (options.blockLines) {
    md.core.ruler.push('summit_block_lines', (state) => {
      for (const token of state.tokens) {
        if (token.map && token.nesting >= 0 && token.type !== 'inline') {
          token.attrJoin('class', 'code-line');
          token.attrSet('data-line', String(token.map[0]));
        }
      }
    });
  }
}

export type { Token };
