/**
 * Messages between the brief preview's extension side and its webview, shared by both so each
 * `switch` over `type` is checked by the compiler on both ends. Plain data only.
 */

/** What the webview persists with `setState` and the serializer hands back after a reload. */
export interface BriefPreviewState {
  /** The notes document shown (a URI string). */
  readonly uri: string;
  /** Whether the preview follows the active notes editor instead of staying on `uri`. */
  readonly follows: boolean;
  /** The source line at the top of the preview, to restore the scroll position. */
  readonly line: number | undefined;
}

/** Extension → webview. */
export type ToBriefWebview =
  /** New content for `version` of the document; older versions than the last shown are ignored. */
  | { readonly type: 'render'; readonly uri: string; readonly version: number; readonly html: string; readonly follows: boolean; readonly line?: number }
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
}

/** Webview → extension. */
export type FromBriefWebview =
  | { readonly type: 'ready' }
  /** The webview shows `version` now (used for stale-render checks and for latency measurements). */
  | { readonly type: 'rendered'; readonly version: number }
  /** The preview scrolled (by the user): the editor may follow this source line. */
  | { readonly type: 'didScroll'; readonly line: number }
  /** A click on a brief entry or a text line: reveal this source line in the editor. */
  | { readonly type: 'revealLine'; readonly line: number }
  | ({ readonly type: 'inspection' } & BriefInspection);

/** Narrowing guard for messages arriving from the webview (they are untrusted input). */
export function isFromBriefWebview(value: unknown): value is FromBriefWebview {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; version?: unknown; line?: unknown };
  switch (m.type) {
    case 'ready': return true;
    case 'inspection': return typeof m.version === 'number';
    case 'rendered': return typeof m.version === 'number';
    case 'didScroll':
    case 'revealLine': return typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 0;
    default: return false;
  }
}
