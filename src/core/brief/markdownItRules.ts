/**
 * The markdown-it plugin's rules that work on whole blocks and the token stream rather than on
 * spans: skipping the front matter's lines, headings' `{#id}` blocks, and marking references.
 */
import type MarkdownIt from 'markdown-it';
import { contextOf, readBlock } from './spanMeta';

/** The block rule behind {@link SummitMarkdownContext.skipLines}: consumes those lines, makes no token. */
export function skippedLines(state: MarkdownIt.StateBlock, startLine: number, endLine: number): boolean {
  if (startLine !== 0) return false;
  const skip = contextOf(state.env).skipLines;
  if (!skip || skip <= 0) return false;
  state.line = Math.min(skip, endLine);
  return true;
}

/** Strips a trailing `{#id …}` from heading text (Pandoc header attributes) and keeps the id. */
export function headingIds(state: MarkdownIt.StateCore): void {
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

/** After inline parsing: references `[text](#id)` get a class and their target id, so previews can style and follow them. */
export function markReferences(state: MarkdownIt.StateCore): void {
  const env = state.env as unknown;
  // A link needs `](` in the text, or a reference definition somewhere (`[text]` then resolves).
  const definitions = (env as { references?: object } | undefined)?.references;
  const anyDefinitions = definitions !== undefined && Object.keys(definitions).length > 0;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    if (!anyDefinitions && block.content.indexOf('](') < 0) continue;
    for (const child of block.children) {
      if (child.type !== 'link_open') continue;
      const href = child.attrGet('href');
      if (typeof href !== 'string' || href.length < 2 || href.charCodeAt(0) !== 0x23 /* # */) continue;
      child.attrJoin('class', 'summit-ref');
      child.attrSet('data-ref', safeDecode(href.slice(1)));
    }
  }
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
