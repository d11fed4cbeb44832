/**
 * A markdown-it plugin for Summit Notes: bracketed spans `[text]{.initiative #id area=x}` become
 * real tokens (`summit_span_open` / `summit_span_close` around the tokenised content), references
 * `[text](#id)` are marked, and headings' `{#id}` blocks become ids. The same plugin serves our
 * brief preview, the exported brief and VS Code's built-in Markdown preview
 * (`markdown.markdownItPlugins`), so it only uses the markdown-it instance it is given.
 *
 * Everything reaches the HTML through markdown-it's own escaping (`escapeHtml`) or renderer
 * attribute handling; nothing here builds HTML out of the analyst's text by hand.
 *
 * Speed: the inline rule runs at every `[` of the file, so it answers "no" at once when no `]{`
 * follows, reads attribute blocks with one scanner per parse (not one per paragraph), and reuses
 * what a look-ahead (markdown-it's `parseLinkLabel` of an enclosing span) already read.
 */
import type MarkdownIt from 'markdown-it';
import type { AnnotationKind } from '../model';
import { ANNOTATION_KINDS, AttributeScanner } from '../model';
import { CharCode } from '../text';
import { contextOf, type SpanMeta, type SummitMarkdownOptions } from './spanMeta';
import { spanAttributes, spanTitle } from './spanTitle';
import { headingIds, markReferences, skippedLines } from './markdownItRules';

export { figureKey, SUMMIT_ENV_KEY, type SpanMeta, type SummitMarkdownContext, type SummitMarkdownOptions } from './spanMeta';
export { spanTitle } from './spanTitle';

type Md = MarkdownIt.MarkdownIt;
type StateInline = MarkdownIt.StateInline;
type StateCore = MarkdownIt.StateCore;
type Token = MarkdownIt.Token;


/** A span the rule recognised at some `[`: where its label and attribute block end, and the block. */
interface SpanParse {
  readonly labelEnd: number;
  /** Just after the `}` (in the inline source). */
  readonly end: number;
  readonly id: string | undefined;
  readonly classes: readonly string[];
  readonly attributes: readonly (readonly [string, string])[];
}

/** A span parse (or null: no span) and the `posMax` it was made under. */
interface Remembered {
  readonly limit: number;
  readonly span: SpanParse | null;
}

/**
 * What the inline rule keeps about one inline token (one paragraph, heading or table cell) while
 * markdown-it tokenises it. Found through the token's `children` array, which markdown-it's inline
 * state uses as its `tokens` (nested `tokenize` calls share it).
 */
class InlineInfo {
  /** The `]{` memo: the first one at or after `closeFrom` is at `closeAt` (-1: none). */
  private closeFrom = Number.MAX_SAFE_INTEGER;
  private closeAt = -1;
  /** Line counting for annotations: `lineAtPos` is the line of offset `linePos`. */
  private linePos = 0;
  private lineAtPos: number;
  /** Spans a look-ahead already read at their `[`, reused by the rule proper. */
  private parsed: Map<number, Remembered> | undefined;
  /** The attribute scanner and where `src` stands in its text; settled at the first span. */
  private scanner: AttributeScanner | undefined;
  private base = 0;

  constructor(
    readonly src: string,
    /** The source line of `src`'s first line (as the caller counts lines); undefined when unknown. */
    private readonly firstLine: number | undefined,
    /** The parse's shared scanner when `src` stands verbatim in its text (and where), else undefined. */
    private readonly locate: ((info: InlineInfo) => { scanner: AttributeScanner; base: number } | undefined) | undefined,
    /** The token's source line in the whole text (for `locate`). */
    readonly sourceLine: number,
  ) {
    this.lineAtPos = firstLine ?? 0;
  }

  /** Whether a `]{` comes after `from` and before `limit`: a span needs one. */
  spanCloseBefore(from: number, limit: number): boolean {
    if (!(from >= this.closeFrom && (this.closeAt < 0 || from <= this.closeAt))) {
      this.closeFrom = from;
      this.closeAt = this.src.indexOf(']{', from);
    }
    return this.closeAt >= 0 && this.closeAt < limit;
  }

  /** The span whose label ends at `labelEnd` if its attribute block closes before `limit`. */
  readSpan(labelEnd: number, limit: number): SpanParse | undefined {
    if (!this.scanner) {
      const shared = this.locate?.(this);
      // A paragraph of its own (e.g. a list item's continuation lines lose their indentation):
      // a scanner over its text.
      this.scanner = shared ? shared.scanner : new AttributeScanner(this.src);
      this.base = shared ? shared.base : 0;
    }
    // `scan` reuses its result object: copy what the span keeps.
    const block = this.scanner.scan(this.base + labelEnd + 1, this.base + limit);
    if (!block.closed) return undefined;
    const classes = block.classCount === 0 ? NO_CLASSES
      : block.classCount === 1 && Object.hasOwn(ONE_KIND, block.classes[0]) ? ONE_KIND[block.classes[0] as AnnotationKind]
        : block.classes.slice(0, block.classCount);
    let attributes = NO_ATTRIBUTES;
    if (block.attributeCount > 0) {
      const pairs: [string, string][] = [];
      for (let i = 0; i < block.attributeCount; i += 2) pairs.push([block.attributes[i], block.attributes[i + 1]]);
      attributes = pairs;
    }
    return { labelEnd, end: block.end - this.base, id: block.id, classes, attributes };
  }

  /**
   * What a look-ahead found at `start`. It ran with the same or a wider limit (the paragraph's
   * end, while the rule proper runs inside the enclosing span's label): "no span" still holds, and
   * a span still holds when it ends within the current limit.
   */
  remembered(start: number, limit: number): SpanParse | null | undefined {
    const hit = this.parsed?.get(start);
    if (hit === undefined || hit.limit < limit || (hit.span !== null && hit.span.end > limit)) return undefined;
    return hit.span;
  }

  remember(start: number, limit: number, span: SpanParse | null): void {
    (this.parsed ??= new Map()).set(start, { limit, span });
  }

  /** The source line of offset `pos` (counted forward from the last question, so linear per paragraph). */
  lineAt(pos: number): number | undefined {
    if (this.firstLine === undefined) return undefined;
    if (pos < this.linePos) {
      this.linePos = 0;
      this.lineAtPos = this.firstLine;
    }
    const src = this.src;
    let line = this.lineAtPos;
    for (let i = src.indexOf('\n', this.linePos); i >= 0 && i < pos; i = src.indexOf('\n', i + 1)) line++;
    this.linePos = pos;
    this.lineAtPos = line;
    return line;
  }
}

/**
 * What one parse knows about its inline tokens, keyed by markdown-it's `env` of that parse (one
 * object per `parse`/`render` call, handed to every rule). Attribute blocks are read by one
 * scanner over the whole (normalised) source: an inline token's content almost always stands
 * there verbatim, found from its first line's end; the rest get a scanner of their own.
 */
class ParseContext {
  private readonly infos = new Map<Token[], InlineInfo>();
  private lineStarts: number[] | undefined;
  private scanner: AttributeScanner | undefined;
  private readonly locate = (info: InlineInfo): { scanner: AttributeScanner; base: number } | undefined => {
    const base = this.offsetOf(info.src, info.sourceLine);
    return base < 0 ? undefined : { scanner: (this.scanner ??= new AttributeScanner(this.source)), base };
  };

  constructor(private readonly source: string) {}

  add(token: Token, firstLine: number | undefined): void {
    if (!token.children) return;
    const sourceLine = token.map ? token.map[0] : -1;
    this.infos.set(token.children, new InlineInfo(token.content, firstLine, sourceLine >= 0 ? this.locate : undefined, sourceLine));
  }

  info(state: StateInline): InlineInfo | undefined {
    const info = this.infos.get(state.tokens);
    // The content the core rule saw must still be the one being parsed (another plugin may have changed it).
    return info && info.src === state.src ? info : undefined;
  }

  /**
   * Where `content` (an inline token starting on source line `line`) stands verbatim in the
   * source, or -1. Its first line ends where that source line ends (markdown-it strips only
   * indentation and markers in front, and trims the whole); one comparison checks the rest.
   */
  private offsetOf(content: string, line: number): number {
    const source = this.source;
    const starts = (this.lineStarts ??= lineStarts(source));
    if (line >= starts.length) return -1;
    const lineStart = starts[line];
    let lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : source.length;
    const firstBreak = content.indexOf('\n');
    if (firstBreak < 0) {
      // One line: trimmed at its end too.
      while (lineEnd > lineStart && isTrimmedSpace(source.charCodeAt(lineEnd - 1))) lineEnd--;
    }
    const at = lineEnd - (firstBreak < 0 ? content.length : firstBreak);
    return at >= lineStart && source.startsWith(content, at) ? at : -1;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Spaces `String.prototype.trim` removes that can end a markdown line (the check after it is exact anyway). */
function isTrimmedSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0xa0;
}

const contexts = new WeakMap<object, ParseContext>();
/** Inline states our core rule did not see (parsed by someone else): their own scanner each. */
const strayInfos = new WeakMap<StateInline, InlineInfo>();

function inlineInfo(state: StateInline): InlineInfo {
  const env = state.env as unknown;
  const known = env && typeof env === 'object' ? contexts.get(env)?.info(state) : undefined;
  if (known) return known;
  let stray = strayInfos.get(state);
  if (!stray) {
    stray = new InlineInfo(state.src, undefined, undefined, -1);
    strayInfos.set(state, stray);
  }
  return stray;
}

const NO_CLASSES: readonly string[] = Object.freeze([]);
/** The class lists of a span with just its kind (most spans): shared, not one array per span. */
const ONE_KIND: Readonly<Record<AnnotationKind, readonly string[]>> = {
  initiative: Object.freeze(['initiative']), figure: Object.freeze(['figure']), actor: Object.freeze(['actor']),
};
const NO_ATTRIBUTES: readonly (readonly [string, string])[] = Object.freeze([]);

/**
 * The kinds, read once from the model's door: tsc's CommonJS door is a getter per read, and
 * `kindOf` runs for every span.
 */
const KINDS: readonly AnnotationKind[] = ANNOTATION_KINDS;

function kindOf(classes: readonly string[]): AnnotationKind | undefined {
  // Most spans name just their kind, and share that kind's class list.
  if (classes === ONE_KIND.initiative) return 'initiative';
  if (classes === ONE_KIND.figure) return 'figure';
  if (classes === ONE_KIND.actor) return 'actor';
  for (let i = 0; i < KINDS.length; i++) if (classes.includes(KINDS[i])) return KINDS[i];
  return undefined;
}

/** The span starting at `start` (a `[`), or null; `posMax` bounds it as markdown-it's state does. */
function parseSpan(state: StateInline, info: InlineInfo, start: number, silent: boolean, leaf: boolean, depth = 0): SpanParse | null {
  const limit = state.posMax;
  const known = info.remembered(start, limit);
  if (known !== undefined) return known;
  let found: SpanParse | null = null;
  let labelEnd = leaf ? plainLabelEnd(state, info, start, depth) : -2;
  if (labelEnd === -2) labelEnd = state.md.helpers.parseLinkLabel(state, start, false);
  if (labelEnd >= 0 && state.src.charCodeAt(labelEnd + 1) === CharCode.OPEN_BRACE) found = info.readSpan(labelEnd, limit) ?? null;
  // Only a look-ahead's answer is asked for again (by the rule proper, inside the enclosing span).
  if (silent) info.remember(start, limit, found);
  return found;
}

/** How deep {@link plainLabelEnd} follows spans in spans before it leaves the label to markdown-it. */
const MAX_PLAIN_DEPTH = 16;

/**
 * Where the label opened at `start` ends, found without markdown-it's `parseLinkLabel` (which
 * calls every inline rule at every character) when that is sure to give the same answer: with
 * markdown-it's own rules alone (`leafSpans`), a label holding plain text and spans of ours (whose
 * `[…]{…}` our rule takes whole, as `parseLinkLabel` would through `skipToken`) ends at the first
 * `]` outside them. -1: no label; -2: something else inside, ask `parseLinkLabel`.
 */
function plainLabelEnd(state: StateInline, info: InlineInfo, start: number, depth: number): number {
  const src = state.src;
  const limit = state.posMax;
  for (let i = start + 1; i < limit; i++) {
    const c = src.charCodeAt(i);
    if (c >= 128 || IN_LABEL[c] === 0) continue;
    if (c === CharCode.CLOSE_BRACKET) return i;
    if (c === CharCode.BANG) {
      if (src.charCodeAt(i + 1) === CharCode.OPEN_BRACKET) return -2;
      continue;
    }
    // A `[` must open a span of ours, read (and remembered) as the look-ahead it is; markdown-it's
    // nesting limit stays far away.
    if (c !== CharCode.OPEN_BRACKET || depth >= MAX_PLAIN_DEPTH || state.level + depth + 2 >= state.md.options.maxNesting || !info.spanCloseBefore(i + 1, limit)) return -2;
    const inner = parseSpan(state, info, i, true, true, depth + 1);
    if (!inner) return -2;
    i = inner.end - 1;
  }
  return -1;
}

/**
 * What can move a label's end for `parseLinkLabel`: brackets, and what can hold one (an escape, a
 * code span, an autolink, an image). Line breaks, emphasis and entities take no bracket with them.
 */
const IN_LABEL = new Uint8Array(128);
for (const c of '[]\\`<!') IN_LABEL[c.charCodeAt(0)] = 1;

/**
 * The characters at which one of markdown-it's own inline rules can act (with `html`, `linkify`
 * and `typographer` off): newline, escape, entity, code span, emphasis, strikethrough, link,
 * image, autolink — and ours. Text without them tokenises to one text token, character for character.
 */
const ACTIVE = new Uint8Array(128);
for (const c of '\n!&*<[\\]`_~') ACTIVE[c.charCodeAt(0)] = 1;

/** Whether src[from, to) holds none of {@link ACTIVE}. */
function isPlainRun(src: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 128 && ACTIVE[c] === 1) return false;
  }
  return true;
}

/** The inline rule: `[…]{…}` → summit_span_open, the content's own tokens, summit_span_close. */
function bracketedSpan(state: StateInline, silent: boolean): boolean {
  return spanRule(state, silent, false);
}

/** The same rule, with one `summit_span` token for a span of plain text (see `leafSpans`). */
function bracketedSpanLeaf(state: StateInline, silent: boolean): boolean {
  return spanRule(state, silent, true);
}

function spanRule(state: StateInline, silent: boolean, leaf: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== CharCode.OPEN_BRACKET) return false;
  const info = inlineInfo(state);
  // Most brackets in prose (links, references, "[sic]") have no `]{` after them: no further work.
  if (!info.spanCloseBefore(start + 1, state.posMax)) return false;
  const span = parseSpan(state, info, start, silent, leaf);
  if (!span) return false;
  const labelEnd = span.labelEnd;
  if (!silent) {
    const meta: SpanMeta = {
      kind: kindOf(span.classes),
      id: span.id,
      classes: span.classes,
      attributes: span.attributes,
      text: state.src.slice(start + 1, labelEnd),
      line: info.lineAt(start),
    };
    if (leaf && isPlainRun(state.src, start + 1, labelEnd)) {
      const token = state.push('summit_span', 'span', 0);
      token.content = meta.text;
      token.meta = meta as unknown as Record<string, unknown>;
      state.pos = span.end;
      return true;
    }
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
  state.pos = span.end;
  return true;
}

/**
 * Before inline parsing: registers every inline token for the inline rule (its content and first
 * line) and, with `blockLines`, marks block tokens with `code-line` / `data-line`.
 */
function prepare(blockLines: boolean | 'relative'): (state: StateCore) => void {
  const relative = blockLines === 'relative';
  return (state) => {
    const env = state.env as unknown;
    const context = env && typeof env === 'object' ? new ParseContext(state.src) : undefined;
    if (context) contexts.set(env as object, context);
    let top = 0;
    // Table cells' inline tokens have no line of their own: they take their row's.
    let lastLine: number | undefined;
    for (const token of state.tokens) {
      const map = token.map;
      if (token.level === 0 && map) top = map[0];
      if (map) lastLine = map[0];
      if (token.type === 'inline') {
        const line = map ? map[0] : lastLine;
        context?.add(token, line === undefined ? undefined : relative ? line - top : line);
      } else if (blockLines && map && token.nesting >= 0) {
        token.attrJoin('class', 'code-line');
        token.attrSet('data-line', String(relative ? map[0] - top : map[0]));
      }
    }
  };
}

/** After inline parsing: the parse context goes, and references are marked (markReferences). */
function references(state: StateCore): void {
  const env = state.env as unknown;
  if (env && typeof env === 'object') contexts.delete(env);
  markReferences(state);
}

/** What markdown-it's `escapeHtml` replaces. */
const HTML_SPECIAL = /[&<>"]/;
const SPAN_OPEN: Readonly<Record<AnnotationKind | 'span', string>> = {
  initiative: '<span class="summit-initiative"', figure: '<span class="summit-figure"', actor: '<span class="summit-actor"', span: '<span class="summit-span"',
};

/**
 * The plugin. `md.use(summitNotesPlugin)` in VS Code's preview, `md.use(summitNotesPlugin,
 * { blockLines: true })` in ours. Context (vocabulary, language) comes per render through
 * `env.summitNotes`.
 */
export function summitNotesPlugin(md: Md, options: SummitMarkdownOptions = {}): void {
  md.inline.ruler.before('link', 'summit_span', options.leafSpans ? bracketedSpanLeaf : bracketedSpan);
  md.block.ruler.before(md.block.ruler.__rules__[0]?.name ?? 'paragraph', 'summit_skip_lines', skippedLines);
  md.core.ruler.before('inline', 'summit_heading_ids', headingIds);
  md.core.ruler.before('inline', 'summit_prepare', prepare(options.blockLines ?? false));
  md.core.ruler.after('inline', 'summit_references', references);

  const escape = md.utils.escapeHtml;
  const openTag = (meta: SpanMeta, env: unknown): string => {
    // Built by concatenation: this runs once per annotation and dominates rendering time. One
    // class per kind; `data-status` feeds the status badge of the built-in preview's stylesheet.
    const attributes = spanAttributes(meta);
    const title = spanTitle(meta, contextOf(env), attributes);
    // The title holds the id and the status: when it needs no escaping, neither do they.
    const raw = !HTML_SPECIAL.test(title);
    // No `data-line`: a span's line is its block's plus the line breaks before it (the preview
    // counts them when a span is clicked), and the block carries `data-line` already.
    let out = SPAN_OPEN[meta.kind ?? 'span'];
    if (meta.id) out += ` id="${raw ? meta.id : escape(meta.id)}"`;
    if (attributes.status) out += ` data-status="${raw ? attributes.status : escape(attributes.status)}"`;
    return `${out} title="${raw ? title : escape(title)}">`;
  };
  md.renderer.rules['summit_span_open'] = (tokens, idx, _opts, env) => openTag(tokens[idx].meta as unknown as SpanMeta, env);
  md.renderer.rules['summit_span_close'] = () => '</span>';
  md.renderer.rules['summit_span'] = (tokens, idx, _opts, env) => {
    const token = tokens[idx];
    return `${openTag(token.meta as unknown as SpanMeta, env)}${escape(token.content)}</span>`;
  };

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
}

export type { Token };
