/**
 * Messages between the dossier panel's extension side and its webview, shared by both so each
 * `switch` over `type` is checked on both ends. Plain data only.
 *
 * Every render lists the page's initiatives and metrics by key, in order; an entry's `html` is left
 * out when the webview already shows that key with the same HTML, so a keystroke sends only the
 * entries that changed. Other pieces (header, filter bar, footer) are left out when unchanged.
 */

// The webview is compiled without the core's other types, so it reads the filters from the one
// dossier file that imports nothing, not through the dossier's door.
// eslint-disable-next-line no-restricted-imports
import type { DossierFilter } from '../core/dossier/filter';
// eslint-disable-next-line no-restricted-imports
export { DOSSIER_FILTER_FIELDS, cleanDossierFilter } from '../core/dossier/filter';
export type { DossierFilter };

/**
 * An initiative or a metric: `html` absent means "keep what you show for `key`"; `lines` (1-based,
 * one per item) absent means the lines did not change either.
 */
export interface DossierEntryMessage {
  readonly key: string;
  readonly html?: string;
  readonly lines?: readonly number[];
}

/** What the page saves for VS Code to hand back when it restores the panel after a reload. */
export interface DossierPanelState {
  readonly filter: DossierFilter;
  /** "Show possible links" is on. */
  readonly suggest?: boolean;
}

/** The part of the page a clicked item stands in. */
export type DossierSection = 'initiatives' | 'metrics' | 'footer';

/** Extension → webview. */
export type ToDossierWebview =
  | {
    readonly type: 'render';
    readonly version: number;
    readonly filter: DossierFilter;
    /** "Show possible links" is on (the page sets its checkbox). */
    readonly suggest: boolean;
    readonly header?: string;
    readonly filters?: string;
    readonly footer?: string;
    readonly footerLines?: readonly number[];
    readonly initiatives: readonly DossierEntryMessage[];
    readonly metrics: readonly DossierEntryMessage[];
    readonly empty: boolean;
  }
  /** Report what the page shows (tests). */
  | { readonly type: 'inspect' };

/** What the page holds, for tests: text, keys, and proof that no foreign script or handler got in. */
export interface DossierInspection {
  readonly type: 'inspection';
  readonly version: number;
  readonly text: string;
  readonly initiatives: readonly string[];
  readonly metrics: readonly string[];
  readonly flagged: number;
  /** `<script>` elements in the page's body (ours is one). */
  readonly scripts: number;
  readonly inlineHandlers: number;
  readonly filter: DossierFilter;
  /** The clickable items (first few hundred): which one each is, and its text. */
  readonly items: readonly { readonly section: DossierSection; readonly key: string; readonly item: number; readonly text: string }[];
  /** The "Link as track=…" buttons: their initiative's key and item. */
  readonly links: readonly { readonly key: string; readonly item: number; readonly text: string }[];
}

/** Webview → extension. */
export type FromDossierWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly version: number; readonly receivedAt: number; readonly appliedAt: number }
  /** Item `item` of the entry `key` (no key in the footer) was clicked. */
  | { readonly type: 'open'; readonly section: DossierSection; readonly key: string; readonly item: number }
  | { readonly type: 'openExternal'; readonly url: string }
  | { readonly type: 'filter'; readonly filter: DossierFilter }
  /** "Show possible links" was turned on or off. */
  | { readonly type: 'suggest'; readonly on: boolean }
  /** The "Link as track=KEY" button of item `item` (a suggested mention) of the initiative `key`. */
  | { readonly type: 'link'; readonly key: string; readonly item: number }
  | DossierInspection;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** True when `value` is a well-formed message from the dossier's webview. */
export function isFromDossierWebview(value: unknown): value is FromDossierWebview {
  if (!isRecord(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready': return true;
    case 'rendered': return typeof value.version === 'number';
    case 'open': return (value.section === 'initiatives' || value.section === 'metrics' || value.section === 'footer') && typeof value.key === 'string' && Number.isInteger(value.item);
    case 'openExternal': return typeof value.url === 'string';
    case 'filter': return isRecord(value.filter);
    case 'suggest': return typeof value.on === 'boolean';
    case 'link': return typeof value.key === 'string' && Number.isInteger(value.item);
    case 'inspection': return typeof value.text === 'string';
    default: return false;
  }
}
