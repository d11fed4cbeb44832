/**
 * Messages between the brief preview's extension side and its webview, shared by both so each
 * `switch` over `type` is checked by the compiler on both ends. Plain data only.
 *
 * The first render of a document sends the whole brief ({@link BriefContent}); later renders send
 * only what changed ({@link BriefPatch}): sections whose HTML changed, and for the chunked ones
 * (initiatives by area, key-figure rows, the text's top-level blocks) only the run of chunks
 * between the first and the last that changed. Source lines travel apart from the HTML, so a line added
 * above a block or an entry changes numbers, not HTML.
 */

// The webview is compiled without markdown-it's types (src/preview/tsconfig.json), so it reads the
// brief's chunk shapes from the one core file that imports nothing, not through the brief's door.
// eslint-disable-next-line no-restricted-imports
import type { BriefChunks, BriefGroups, BriefPreviewContent } from '../core/brief/chunks';
// eslint-disable-next-line no-restricted-imports
export { joinChunks, joinGroups } from '../core/brief/chunks';

/** What the webview persists with `setState` and the serializer hands back after a reload. */
export interface BriefPreviewState {
  /** The notes document shown (a URI string). */
  readonly uri: string;
  /** Whether the preview follows the active notes editor instead of staying on `uri`. */
  readonly follows: boolean;
  /** The source line at the top of the preview, to restore the scroll position. */
  readonly line: number | undefined;
}

/** A section as `open + chunks.join('') + close`; each chunk is one element of the element marked `data-chunks`. */
export type ChunkedHtml = BriefChunks;

/** A section of groups (each one element of the element marked `data-chunks`), each group chunked in turn. */
export type GroupedHtml = BriefGroups;

/** Everything the webview shows of a brief: what the core's preview renderer makes. */
export type BriefContent = BriefPreviewContent;

/** Replace `deleteCount` chunks from `start` on by `insert`. */
export interface ChunkSplice {
  readonly start: number;
  readonly deleteCount: number;
  readonly insert: readonly string[];
}

/** A chunked section that changed: all of it (its frame changed) or a run of its chunks. */
export type ChunkedChange = { readonly whole: ChunkedHtml; readonly splice?: undefined } | { readonly splice: ChunkSplice; readonly whole?: undefined };

/**
 * A grouped section that changed: all of it (its frame or its list of groups changed), or some of
 * its groups (`null`: that group did not change).
 */
export type GroupedChange = { readonly whole: GroupedHtml; readonly groups?: undefined } | { readonly groups: readonly (ChunkedChange | null)[]; readonly whole?: undefined };

/** What changed between two {@link BriefContent}s; absent fields did not change. */
export interface BriefPatch {
  header?: string;
  initiatives?: GroupedChange;
  figures?: ChunkedChange;
  actors?: string;
  text?: ChunkedChange;
  textLines?: readonly number[];
  entryLines?: readonly number[];
}

/** Extension → webview. */
export type ToBriefWebview =
  /** The whole brief of `version` (first render, another document, or after a resync). */
  | { readonly type: 'render'; readonly uri: string; readonly version: number; readonly follows: boolean; readonly line?: number; readonly content: BriefContent }
  /** The changes from `base` (the version the webview shows) to `version`. */
  | { readonly type: 'patch'; readonly uri: string; readonly version: number; readonly base: number; readonly follows: boolean; readonly patch: BriefPatch }
  /** A message in place of the brief (the document cannot be opened, the render failed); escaped HTML. */
  | { readonly type: 'notice'; readonly uri: string; readonly follows: boolean; readonly html: string }
  /** The editor scrolled: bring this source line to the top. */
  | { readonly type: 'scrollToLine'; readonly line: number }
  /** Reveal and flash the element of an annotation id, or else the one nearest `line`. */
  | { readonly type: 'reveal'; readonly id?: string; readonly line?: number }
  /** Report what the page holds (tests use it to prove no injected script or handler survived). */
  | { readonly type: 'inspect' };

/** The webview's answer to `inspect`. */
export interface BriefInspection {
  /** `<script>` elements inside the rendered brief (our own bundle is outside it). */
  readonly scripts: number;
  /** Elements carrying an `on…` attribute. */
  readonly handlers: number;
  /** Links or sources with a `javascript:`, `vbscript:` or `data:text/html` URL. */
  readonly dangerousUrls: number;
  /** Whether `window.__summitPwned` was set: the canary every attack fixture tries to set. */
  readonly pwned: boolean;
  /** The rendered text (textContent). */
  readonly text: string;
  readonly version: number;
  /** The source line at the top of the view, while the annotated text is on screen. */
  readonly topLine?: number;
}

/** When the webview got a render or patch and when the page showed it (`Date.now()` in the webview). */
export interface BriefApplyTiming {
  readonly receivedAt: number;
  /** After the DOM was updated and laid out (the scroll position is restored from the layout). */
  readonly appliedAt: number;
}

/** Webview → extension. */
export type FromBriefWebview =
  | { readonly type: 'ready' }
  /** The webview shows `version` now (used for stale-render checks and for latency measurements). */
  | ({ readonly type: 'rendered'; readonly version: number } & Partial<BriefApplyTiming>)
  /** The frame after `version` was shown has been drawn (for latency measurements). */
  | { readonly type: 'painted'; readonly version: number; readonly at: number }
  /** A patch did not fit what the webview shows: send the whole brief. */
  | { readonly type: 'resync' }
  /** The preview scrolled (by the user): the editor may follow this source line. */
  | { readonly type: 'didScroll'; readonly line: number }
  /** A click on a brief entry or a text line: reveal this source line in the editor. */
  | { readonly type: 'revealLine'; readonly line: number }
  | ({ readonly type: 'inspection' } & BriefInspection);

function isTime(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value));
}

/** Narrowing guard for messages arriving from the webview (they are untrusted input). */
export function isFromBriefWebview(value: unknown): value is FromBriefWebview {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; version?: unknown; line?: unknown; at?: unknown; receivedAt?: unknown; appliedAt?: unknown };
  switch (m.type) {
    case 'ready':
    case 'resync': return true;
    case 'inspection': return typeof m.version === 'number';
    case 'rendered': return typeof m.version === 'number' && isTime(m.receivedAt) && isTime(m.appliedAt);
    case 'painted': return typeof m.version === 'number' && typeof m.at === 'number';
    case 'didScroll':
    case 'revealLine': return typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 0;
    default: return false;
  }
}

/**
 * The splice that turns `before` into `after`: the chunks between the common head and the common
 * tail (a keystroke changes one block; a line added above shifts numbers, not chunks). Undefined
 * when they are equal.
 */
export function diffChunks(before: readonly string[], after: readonly string[]): ChunkSplice | undefined {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return undefined;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, deleteCount: endBefore - start, insert: after.slice(start, endAfter) };
}

/** Applies a splice to a list of chunks (what the webview does to its elements). */
export function applySplice<T>(chunks: readonly T[], splice: { readonly start: number; readonly deleteCount: number; readonly insert: readonly T[] }): T[] {
  return [...chunks.slice(0, splice.start), ...splice.insert, ...chunks.slice(splice.start + splice.deleteCount)];
}

function diffChunked(before: ChunkedHtml, after: ChunkedHtml): ChunkedChange | undefined {
  if (before.open !== after.open || before.close !== after.close) return { whole: after };
  const splice = diffChunks(before.chunks, after.chunks);
  return splice ? { splice } : undefined;
}

function diffGrouped(before: GroupedHtml, after: GroupedHtml): GroupedChange | undefined {
  const same = before.open === after.open && before.close === after.close && before.groups.length === after.groups.length
    && before.groups.every((g, i) => g.open === after.groups[i].open && g.close === after.groups[i].close);
  if (!same) return { whole: after };
  let changed = false;
  const groups = before.groups.map((g, i) => {
    const change = diffChunked(g, after.groups[i]) ?? null;
    if (change) changed = true;
    return change;
  });
  return changed ? { groups } : undefined;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What the webview needs, showing `before`, to show `after`. */
export function diffBrief(before: BriefContent, after: BriefContent): BriefPatch {
  const patch: BriefPatch = {};
  if (before.header !== after.header) patch.header = after.header;
  const initiatives = diffGrouped(before.initiatives, after.initiatives);
  if (initiatives) patch.initiatives = initiatives;
  const figures = diffChunked(before.figures, after.figures);
  if (figures) patch.figures = figures;
  if (before.actors !== after.actors) patch.actors = after.actors;
  const text = diffChunked(before.text, after.text);
  if (text) patch.text = text;
  if (!sameNumbers(before.textLines, after.textLines)) patch.textLines = after.textLines;
  if (!sameNumbers(before.entryLines, after.entryLines)) patch.entryLines = after.entryLines;
  return patch;
}

/** The content once `patch` is applied to `before` (the model of what the webview does). */
export function applyBriefPatch(before: BriefContent, patch: BriefPatch): BriefContent {
  const chunked = (old: ChunkedHtml, change: ChunkedChange | undefined): ChunkedHtml => {
    if (!change) return old;
    if (change.whole) return change.whole;
    return { open: old.open, close: old.close, chunks: applySplice(old.chunks, change.splice) };
  };
  const grouped = (old: GroupedHtml, change: GroupedChange | undefined): GroupedHtml => {
    if (!change) return old;
    if (change.whole) return change.whole;
    return { open: old.open, close: old.close, groups: old.groups.map((g, i) => chunked(g, change.groups[i] ?? undefined)) };
  };
  return {
    header: patch.header ?? before.header,
    initiatives: grouped(before.initiatives, patch.initiatives),
    figures: chunked(before.figures, patch.figures),
    actors: patch.actors ?? before.actors,
    text: chunked(before.text, patch.text),
    textLines: patch.textLines ?? before.textLines,
    entryLines: patch.entryLines ?? before.entryLines,
  };
}
