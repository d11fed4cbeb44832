/**
 * The live preview's annotated text, re-rendered block by block: every keystroke re-reads the
 * block structure of the whole text (markdown-it's block rules, the cheap part), and only the
 * top-level blocks whose source and structure are new are parsed inline and rendered; the others
 * take the HTML of the last render. The result is byte for byte what `renderAnnotatedBlocks` makes.
 */
import type MarkdownIt from 'markdown-it';
import type { NotesModel } from '../model';
import { SUMMIT_ENV_KEY, type SummitMarkdownContext } from './spanMeta';
import { blockEnd, markdownEnv, renderAnnotatedBlocks, renderTokenRange, type AnnotatedBlocks, type AnnotatedBlocksRenderer, type AnnotatedTextOptions } from './html';

type Token = MarkdownIt.Token;
type CoreRule = (state: MarkdownIt.StateCore) => void;

/** How many blocks the last render took from the cache and how many it rendered. */
export interface BlockCacheStats {
  readonly reused: number;
  readonly rendered: number;
  /** Why everything was rendered afresh (no earlier render, other facts, reference definitions…); undefined when the cache was used. */
  readonly fresh: string | undefined;
}

/**
 * A block's HTML depends on its own lines (line numbers inside it count from its first line, see
 * `blockLines: 'relative'`) and on facts of the whole file: the front matter's areas and
 * language, the lines it skips, the figures' normalised values, how images are resolved, and
 * reference definitions. The cache holds the blocks of the last render under the facts it was
 * made with, and is dropped whenever one of those facts changes.
 */
export class BriefBlockCache implements AnnotatedBlocksRenderer {
  /** Block key (source lines + token structure) → HTML, from the last render. */
  private blocks = new Map<string, string>();
  private facts: SummitMarkdownContext | undefined;
  private md: MarkdownIt.MarkdownIt | undefined;
  private afterBlock: CoreRule[] | undefined;
  private last: BlockCacheStats = { reused: 0, rendered: 0, fresh: 'no render yet' };

  /** What the last render reused. */
  get stats(): BlockCacheStats {
    return this.last;
  }

  /** Forgets every block (another document, another page). */
  clear(): void {
    this.blocks = new Map();
    this.facts = undefined;
  }

  render(model: NotesModel, md: MarkdownIt.MarkdownIt, options: AnnotatedTextOptions): AnnotatedBlocks {
    const env = markdownEnv(model, options);
    const context = env[SUMMIT_ENV_KEY] as SummitMarkdownContext;
    const stale = this.md !== md ? 'another markdown-it' : staleFacts(this.facts, context);
    if (this.md !== md) {
      this.md = md;
      this.afterBlock = coreRulesAfterBlock(md);
    }
    const afterBlock = this.afterBlock;
    // The facts are recorded with the blocks, at the end: a render that throws half way leaves
    // no block standing under facts it was not made with.
    if (stale !== undefined) {
      this.blocks = new Map();
      this.facts = undefined;
    }

    // markdown-it's core chain up to and with the block rules, over the whole text.
    const state = new md.core.State(model.text, md, env);
    const rules = md.core.ruler.getRules('');
    const before = afterBlock ? rules.length - afterBlock.length : -1;
    for (let r = 0; r < before; r++) rules[r](state);
    const references = (env as { references?: object }).references;
    const unsure = !afterBlock || before < 0 ? 'unknown core rules'
      : state.src !== model.text ? 'the text was normalised'
        : references !== undefined && Object.keys(references).length > 0 ? 'reference definitions' : undefined;
    if (unsure !== undefined || !afterBlock) {
      // Rare: render the whole text as it always was, and keep nothing.
      this.blocks = new Map();
      this.facts = undefined;
      const whole = renderAnnotatedBlocks(model, md, options);
      this.last = { reused: 0, rendered: whole.html.length, fresh: unsure ?? 'unknown core rules' };
      return whole;
    }

    const tokens = state.tokens;
    const text = state.src;
    const starts = lineStarts(text);
    const html: string[] = [];
    const lines: number[] = [];
    const keys: string[] = [];
    /** Blocks to render: index into `html` and the token range. */
    const missing: { index: number; from: number; to: number }[] = [];
    let line = 0;
    for (let i = 0; i < tokens.length;) {
      const end = blockEnd(tokens, i);
      const first = tokens[i];
      if (first.map) line = first.map[0];
      const key = blockKey(text, starts, tokens, i, end);
      const known = key === undefined ? undefined : this.blocks.get(key);
      keys.push(key ?? '');
      if (known === undefined) missing.push({ index: html.length, from: i, to: end });
      html.push(known ?? '');
      lines.push(line);
      i = end;
    }

    if (missing.length) {
      // The rest of the core chain (heading ids, inline parsing, our spans and references) over
      // the missing blocks' tokens only, then each rendered as the whole render would.
      const part = new md.core.State(text, md, env);
      const own: Token[] = [];
      for (const m of missing) for (let k = m.from; k < m.to; k++) own.push(tokens[k]);
      part.tokens = own;
      for (const rule of afterBlock) rule(part);
      let at = 0;
      for (const m of missing) {
        const length = m.to - m.from;
        html[m.index] = renderTokenRange(md, own, at, at + length, env);
        at += length;
      }
    }

    const next = new Map<string, string>();
    for (let b = 0; b < keys.length; b++) if (keys[b]) next.set(keys[b], html[b]);
    this.blocks = next;
    this.facts = context;
    this.last = { reused: html.length - missing.length, rendered: missing.length, fresh: stale };
    return { html, lines };
  }
}

/**
 * The core rules that run after 'block' (inline parsing and what hangs on it), in order; undefined
 * when the chain is not the one expected (no enabled 'block' rule).
 */
export function coreRulesAfterBlock(md: MarkdownIt.MarkdownIt): CoreRule[] | undefined {
  const enabled = md.core.ruler.__rules__.filter((r) => r.enabled);
  const at = enabled.findIndex((r) => r.name === 'block');
  return at < 0 ? undefined : enabled.slice(at + 1).map((r) => r.fn as CoreRule);
}

/**
 * A block's key: its source lines, then the shape of its block tokens (type, hidden, markup,
 * info, attributes), which the lines decide in practice; kept in the key so that two blocks of
 * the same lines and another structure can never share HTML. Undefined: a block without a map.
 */
function blockKey(text: string, starts: readonly number[], tokens: readonly Token[], from: number, to: number): string | undefined {
  const first = tokens[from].map;
  if (!first) return undefined;
  let key = text.slice(starts[first[0]] ?? text.length, starts[first[1]] ?? text.length);
  key += '\u0000';
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    key += t.type;
    if (t.hidden) key += '\u0001h';
    if (t.markup) key += `\u0001${t.markup}`;
    if (t.info) key += `\u0001${t.info}`;
    const attrs = t.attrs;
    if (attrs) for (const [name, value] of attrs) key += `\u0001${name}=${value}`;
    key += '\u0002';
  }
  return key;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Why blocks rendered under `before` may not be reused under `after`; undefined when they may. */
function staleFacts(before: SummitMarkdownContext | undefined, after: SummitMarkdownContext): string | undefined {
  if (!before) return 'no render yet';
  if (before.language !== after.language) return 'language';
  if (before.skipLines !== after.skipLines) return 'front matter lines';
  if (before.resolveImage !== after.resolveImage) return 'image resolver';
  if (!sameEntries(before.areas, after.areas)) return 'areas';
  // A figure whose text stayed has the same key; its value must be the same too. Keys that came
  // or went belong to blocks that changed, which are rendered anyway.
  const old = before.figureValues;
  const now = after.figureValues;
  if (old !== now && old && now) {
    for (const [key, value] of now) {
      const was = old.get(key);
      if (was !== undefined && was !== value) return 'figure values';
    }
  } else if (Boolean(old) !== Boolean(now)) return 'figure values';
  return undefined;
}

function sameEntries(a: ReadonlyMap<string, string> | undefined, b: ReadonlyMap<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
