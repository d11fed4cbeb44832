/**
 * The annotated text of the exported brief, rendered window by window: markdown-it reads a window
 * of lines at a time (block rules, then inline rules and our spans over the blocks it finished),
 * each finished block is rendered and handed on, and the next window starts where the last,
 * possibly unfinished, block of this one started. Neither the whole token stream nor the whole
 * HTML is ever held; the text joined is exactly `renderAnnotatedText(model, createNotesMarkdown())`.
 *
 * Why a window's blocks but its last are final: a block rule stops at the first line it does not
 * take, and every line it looked at lies before the next block's start; only the last block can
 * have been cut by the window's end (an unclosed fence, a paragraph whose next line would have
 * made it a heading…). Top-level blocks start afresh (level 0, no container), so the block at the
 * cut reads the same whether the parse started there or at the top. Reference definitions are the
 * one fact that flows backwards (a link may use a definition further down): when the text can
 * hold any (`]:` somewhere), a first pass over the same windows collects them.
 */
import type MarkdownIt from 'markdown-it';
import type { NotesModel } from '../model';
import { coreRulesAfterBlock } from './blockCache';
import { markdownEnv } from './html';
import { SUMMIT_ENV_KEY, type SummitMarkdownContext } from './spanMeta';
import { FigureValueIndex } from './figureValues';
import { OUTPUT_PIECE, outputLanguage } from '../text';

type Token = MarkdownIt.Token;
type Md = MarkdownIt.MarkdownIt;

/**
 * A window holds about this many characters (whole lines); one block larger than that widens it.
 * Small enough that a window's tokens die young: with 256K characters they outlived two
 * scavenges, were promoted, and the old generation grew to hundreds of MB of dead tokens before
 * its next collection (50 MB file: 540 MB peak at 64K characters, 300 MB at 16K or 4K).
 */
export const TEXT_WINDOW = 1 << 14;
/** Pieces are handed on at about this many characters (see OUTPUT_PIECE). */
const PIECE = OUTPUT_PIECE;

/**
 * `renderAnnotatedText(model, md)` in pieces, for an `md` from `createNotesMarkdown()` (no
 * `blockLines`: the HTML carries no line numbers, which count from each window's start here).
 */
export function* annotatedTextPieces(model: NotesModel, md: Md, window = TEXT_WINDOW): Generator<string> {
  const afterBlock = coreRulesAfterBlock(md);
  // Figure values looked up in a table of the keys' hashes, not a map of every figure (figureValues.ts).
  const env = markdownEnv(model, {}, new FigureValueIndex(model, outputLanguage(model.language)));
  const context = env[SUMMIT_ENV_KEY] as SummitMarkdownContext;
  // markdown-it's normalisation, once over the whole text (rare: most files have no CR or NUL).
  const text = model.text.indexOf('\r') >= 0 || model.text.indexOf('\0') >= 0
    ? model.text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : model.text;
  // The front matter's lines are stepped over by starting after them (what `skipLines` does).
  const body = offsetOfLine(text, 0, context.skipLines ?? 0);
  const windowContext: SummitMarkdownContext = { ...context, skipLines: 0 };
  const references: Record<string, unknown> | undefined = text.indexOf(']:', body) >= 0 ? {} : undefined;
  const envOf = (): Record<string, unknown> => (references ? { [SUMMIT_ENV_KEY]: windowContext, references } : { [SUMMIT_ENV_KEY]: windowContext });
  if (!afterBlock) {
    // Not the chain this reading relies on: render the whole text at once.
    yield md.render(model.text, env);
    return;
  }
  if (references) {
    // First pass: the definitions of the finished blocks, as the whole parse knows them before any link is read.
    for (const w of finishedWindows(md, text, body, window, () => ({ [SUMMIT_ENV_KEY]: windowContext }))) {
      const state = new md.core.State(w.src.slice(0, w.end), md, { [SUMMIT_ENV_KEY]: windowContext, references } as MarkdownIt.StateCore['env']);
      blockRules(md, afterBlock)(state);
    }
  }
  let buffer = '';
  for (const w of finishedWindows(md, text, body, window, envOf)) {
    // The rest of the core chain (heading ids, inline parsing, our spans, references) over the finished blocks only.
    const part = new md.core.State(w.src, md, w.env);
    part.tokens = w.tokens;
    for (const rule of afterBlock) rule(part);
    const tokens = part.tokens;
    const renderer = md.renderer;
    const rules = renderer.rules;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k];
      const rule = rules[token.type];
      if (token.type === 'inline') buffer += renderer.renderInline(token.children ?? [], md.options, w.env);
      else if (rule) buffer += rule(tokens, k, md.options, w.env, renderer);
      else buffer += renderer.renderToken(tokens, k, md.options);
      if (buffer.length >= PIECE) {
        yield buffer;
        buffer = '';
      }
    }
  }
  if (buffer) yield buffer;
}

/** The finished blocks of one window: their block tokens, the window's text and where they end in it. */
interface FinishedBlocks {
  readonly src: string;
  readonly env: Record<string, unknown>;
  readonly tokens: Token[];
  /** Where the finished blocks end in `src` (the start of the line the next window starts at). */
  readonly end: number;
}

/** The text from `start` on, window by window: each window's finished top-level blocks (block rules only). */
function* finishedWindows(md: Md, text: string, start: number, window: number, envOf: () => Record<string, unknown>): Generator<FinishedBlocks> {
  const runBlock = blockRules(md, coreRulesAfterBlock(md) ?? []);
  let size = window;
  while (start < text.length) {
    const cut = text.indexOf('\n', start + size);
    const end = cut < 0 ? text.length : cut + 1;
    const src = text.slice(start, end);
    const env = envOf();
    const state = new md.core.State(src, md, env);
    runBlock(state);
    const tokens = state.tokens;
    const last = end < text.length ? lastBlockStart(tokens) : tokens.length;
    if (last <= 0 && end < text.length) {
      // One block reaches past the window (or none ends in it): read a wider one.
      size *= 2;
      continue;
    }
    const line = last < tokens.length ? (tokens[last].map as [number, number])[0] : -1;
    const used = line < 0 ? src.length : offsetOfLine(src, 0, line);
    tokens.length = last;
    yield { src, env, tokens, end: used };
    start += used;
    size = window;
  }
}

/** Runs markdown-it's core chain up to and with the block rules (every rule before `afterBlock`). */
function blockRules(md: Md, afterBlock: readonly unknown[]): (state: MarkdownIt.StateCore) => void {
  const rules = md.core.ruler.getRules('');
  const before = rules.length - afterBlock.length;
  return (state) => {
    for (let r = 0; r < before; r++) rules[r](state);
  };
}

/** The index of the first token of the last top-level block, or 0 when there is at most one block. */
function lastBlockStart(tokens: readonly Token[]): number {
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i];
    if (t.level === 0 && t.nesting >= 0 && t.map) return i;
  }
  return 0;
}

/** The offset where line `line` (counted from `from`, zero-based) starts in `text`, or its length. */
function offsetOfLine(text: string, from: number, line: number): number {
  let at = from;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}
