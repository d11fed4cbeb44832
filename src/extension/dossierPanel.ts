/**
 * The dossier panel (Summit Notes: Open Dossier): one webview over the workspace index showing
 * every tracked initiative's timeline and the figures by metric, filtered in the page, re-rendered
 * when the index changes with only the changed entries sent, and every item one click from its
 * span in the editor. Same security rules as the brief: strict CSP with a nonce, our script only,
 * local resources limited to our media and script folders, everything from the notes escaped.
 */
import * as vscode from 'vscode';
import {
  DossierViewRenderer, buildDossier, outputLanguage, type Dossier, type DossierFilter, type DossierViewContent, type DossierViewEntry, type DossierViewPlace, type OutputLanguage, type Workspace,
} from '../core';
import {
  cleanDossierFilter, isFromDossierWebview, type DossierEntryMessage, type DossierInspection, type DossierPanelState, type DossierSection, type FromDossierWebview, type ToDossierWebview,
} from '../shared/dossierMessages';
import { DossierSuggestions } from './dossierSuggestions';
import { WebviewPanelHost, webviewHtml, webviewOptions } from './webviewPage';
import { testHooks } from './testHooks';
import type { WorkspaceIndex } from './workspaceIndex';

export const DOSSIER_VIEW_TYPE = 'summitNotes.dossier';

/**
 * The dossier's language. What a notes file produces speaks that file's `language:`, but a dossier
 * spans files in both languages, so it follows VS Code's display language instead: Russian when
 * `vscode.env.language` starts with "ru", English otherwise.
 */
export function dossierLanguage(): OutputLanguage {
  return outputLanguage(vscode.env.language);
}

/** One update, `Date.now()` stamps (one machine, one clock), for measurements. */
export interface DossierTiming {
  readonly version: number;
  /** When the workspace change that caused it reached the panel (0: not a change, e.g. a filter). */
  readonly changedAt: number;
  readonly renderMs: number;
  readonly postedAt: number;
  /** Initiatives and metrics whose HTML was sent, and those the page kept. */
  readonly sent: number;
  readonly kept: number;
  readonly sentChars: number;
  appliedAt?: number;
  confirmedAt?: number;
}

export class DossierPanel extends WebviewPanelHost<ToDossierWebview, DossierTiming, DossierInspection> {
  private renderer = new DossierViewRenderer({ language: dossierLanguage(), displayPath: (p) => this.displayPath(p) });
  private dossier: { workspace: Workspace; dossier: Dossier } | undefined;
  private ready = false;
  private version = 0;
  private changedAt = 0;
  /** What the page shows: each entry by key (HTML and where its items lead), and the other pieces. */
  private sent: {
    initiatives: Map<string, DossierViewEntry>; metrics: Map<string, DossierViewEntry>; header?: string; filters?: string; footer?: string; footerPlaces: readonly DossierViewPlace[];
  } | undefined;
  private readonly timings: DossierTiming[] = [];
  filter: DossierFilter = {};
  /** "Show possible links". */
  readonly suggestions: DossierSuggestions;

  constructor(panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, private readonly index: WorkspaceIndex,
    private readonly log: (message: string) => void) {
    super(panel, { type: 'inspect' });
    this.suggestions = new DossierSuggestions(index, () => this.update(), log);
    this.configure();
    this.disposables.push(
      this.suggestions,
      panel.webview.onDidReceiveMessage((m: unknown) => { if (isFromDossierWebview(m)) void this.onMessage(m); }),
      index.onDidChange(() => {
        this.changedAt = Date.now();
        this.update();
        this.suggestions.schedule();
      }),
    );
    void index.whenReady().then(() => this.update(), (err: unknown) => this.log(`dossier: ${String(err)}`));
  }

  /** The last confirmed timings, newest last. */
  get lastTimings(): readonly DossierTiming[] {
    return this.timings;
  }

  private displayPath(path: string): string {
    try {
      return vscode.workspace.asRelativePath(this.index.uriOf(path), false);
    } catch {
      return path;
    }
  }

  private configure(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview');
    webview.options = webviewOptions([media, dist]);
    const frame = this.renderer.frame();
    const language = this.renderer.options.language;
    this.panel.title = vscode.l10n.t('Dossier');
    webview.html = webviewHtml(webview, {
      lang: language,
      styles: ['markdown-preview.css', 'preview.css', 'dossier.css'].map((name) => vscode.Uri.joinPath(media, name)),
      script: vscode.Uri.joinPath(dist, 'dossier.js'),
      bodyAttributes: 'class="brief dossier"',
      body: `<header id="dossier-header"><p class="brief-empty">…</p></header>
<form id="dossier-filters" class="dossier-filters" role="search"></form>
<p class="brief-muted dossier-hint">${frame.clickHint}</p>
<p class="dossier-suggest" title="${frame.suggestLinksHint}"><label><input type="checkbox" id="dossier-suggest"> ${frame.suggestLinks}</label></p>
<p id="dossier-nothing" class="brief-muted" hidden>${frame.nothingMatches}</p>
<h2>${frame.initiatives}</h2>
<div id="dossier-initiative-list"></div>
<p id="dossier-no-initiatives" class="brief-muted" hidden>${frame.noInitiatives}</p>
<h2>${frame.metrics}</h2>
<div id="dossier-metric-list"></div>
<p id="dossier-no-metrics" class="brief-muted" hidden>${frame.noMetrics}</p>
<footer id="dossier-footer"></footer>`,
    });
    this.ready = false;
    this.sent = undefined;
  }

  /** The workspace or the filter changed: render what changed (now, or when the page is back). */
  update(): void {
    if (this.disposed || !this.ready || !this.panel.visible || !this.index.isReady) return;
    try {
      this.renderNow();
    } catch (err) {
      this.log(`dossier render failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  private renderNow(): void {
    const started = Date.now();
    const workspace = this.index.current;
    if (this.dossier?.workspace !== workspace) {
      // Suggested links are looked for apart (dossierSuggestions.ts), only when asked for.
      this.dossier = { workspace, dossier: buildDossier(workspace, { suggestions: false }) };
    }
    const content = this.renderer.render(this.suggestions.withSuggestions(this.dossier.dossier), this.filter);
    const message = this.diff(content);
    const timing: DossierTiming = {
      version: message.version, changedAt: this.changedAt, renderMs: Date.now() - started, postedAt: Date.now(),
      sent: [...message.initiatives, ...message.metrics].filter((e) => e.html !== undefined).length,
      kept: [...message.initiatives, ...message.metrics].filter((e) => e.html === undefined).length,
      sentChars: JSON.stringify(message).length,
    };
    this.changedAt = 0;
    this.timings.push(timing);
    if (this.timings.length > 16) this.timings.shift();
    this.post(message);
  }

  /** The render message: only the pieces the page does not show yet. */
  private diff(content: DossierViewContent): Extract<ToDossierWebview, { type: 'render' }> {
    const sent = this.sent ?? { initiatives: new Map<string, DossierViewEntry>(), metrics: new Map<string, DossierViewEntry>(), footerPlaces: [] };
    const entries = (list: readonly DossierViewEntry[], shown: Map<string, DossierViewEntry>): DossierEntryMessage[] => {
      const out = list.map((e): DossierEntryMessage => {
        const before = shown.get(e.key);
        const html = before?.html === e.html ? undefined : e.html;
        const lines = html === undefined && before && sameLines(before.places, e.places) ? undefined : linesOf(e.places);
        return { key: e.key, html, lines };
      });
      shown.clear();
      for (const e of list) shown.set(e.key, e);
      return out;
    };
    const piece = (name: 'header' | 'filters' | 'footer'): string | undefined => {
      if (sent[name] === content[name]) return undefined;
      sent[name] = content[name];
      return content[name];
    };
    const footer = piece('footer');
    const footerLines = footer !== undefined || !sameLines(sent.footerPlaces, content.footerPlaces) ? linesOf(content.footerPlaces) : undefined;
    sent.footerPlaces = content.footerPlaces;
    const message = {
      type: 'render' as const, version: ++this.version, filter: { ...this.filter }, suggest: this.suggestions.on,
      header: piece('header'), filters: piece('filters'), footer, footerLines,
      initiatives: entries(content.initiatives, sent.initiatives), metrics: entries(content.metrics, sent.metrics), empty: content.empty,
    };
    this.sent = sent;
    return message;
  }

  /** Where a clicked item leads (what the page was last sent). */
  placeOf(section: DossierSection, key: string, item: number): DossierViewPlace | undefined {
    const sent = this.sent;
    if (!sent) return undefined;
    const places = section === 'footer' ? sent.footerPlaces : (section === 'metrics' ? sent.metrics : sent.initiatives).get(key)?.places;
    return places?.[item];
  }

  /** Sets the filters (from the page or a test) and renders. */
  setFilter(filter: unknown): void {
    this.filter = cleanDossierFilter(filter);
    this.update();
  }

  /** Opens `path` with the span selected and revealed, beside the panel. */
  async openSpan(path: string, start: number, end: number): Promise<vscode.TextEditor | undefined> {
    const uri = this.index.uriOf(path);
    const document = await vscode.workspace.openTextDocument(uri);
    // positionAt clamps offsets the text no longer reaches (the file may have shrunk since it was read).
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preview: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** A message from the page (or a test standing in for it); what it did, for tests. */
  async onMessage(message: FromDossierWebview): Promise<unknown> {
    try {
      switch (message.type) {
        case 'ready':
          this.ready = true;
          this.sent = undefined;
          this.update();
          return true;
        case 'rendered': {
          const timing = this.timings.find((t) => t.version === message.version);
          if (!timing) return false;
          timing.appliedAt = message.appliedAt;
          timing.confirmedAt = Date.now();
          this.renderedEmitter.fire(timing);
          return true;
        }
        case 'open': {
          const place = this.placeOf(message.section, message.key, message.item);
          return place ? await this.openSpan(place.path, place.start, place.end) !== undefined : false;
        }
        case 'openExternal':
          return await openSourceLink(message.url);
        case 'filter':
          this.setFilter(message.filter);
          return true;
        case 'suggest':
          this.suggestions.set(message.on);
          this.update();
          return true;
        case 'link': {
          const place = this.placeOf('initiatives', message.key, message.item);
          return place ? await this.suggestions.link(message.key, place.path, place.start) : false;
        }
        case 'inspection':
          this.inspectionEmitter.fire(message);
          return true;
      }
    } catch (err) {
      // A file that cannot be opened any more: say so, never throw into the editor.
      void vscode.window.showWarningMessage(vscode.l10n.t('Dossier: {0}', err instanceof Error ? err.message : String(err)));
      return false;
    }
  }

}

/** 1-based line of each place. */
function linesOf(places: readonly DossierViewPlace[]): number[] {
  return places.map((p) => p.line + 1);
}

function sameLines(a: readonly DossierViewPlace[], b: readonly DossierViewPlace[]): boolean {
  return a.length === b.length && a.every((p, i) => p.line === b[i].line);
}

/** Opens a source link in the browser: absolute http(s) URLs only, anything else is ignored. */
export async function openSourceLink(url: string): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return false;
  }
  if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
  return vscode.env.openExternal(uri);
}

/**
 * Summit Notes: Open Dossier, one panel at a time, restored after a window reload with the filter
 * it had (the page saves it), and the hooks the integration tests read.
 */
export function registerDossier(extensionUri: vscode.Uri, index: WorkspaceIndex, log: (message: string) => void): vscode.Disposable {
  let current: DossierPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel, state?: unknown): DossierPanel => {
    // A second panel restored beside the first (two windows' state merged) is closed, not kept twice.
    if (current) current.dispose();
    const created = new DossierPanel(panel, extensionUri, index, log);
    const saved = state && typeof state === 'object' ? state as Partial<DossierPanelState> : undefined;
    if (saved?.suggest === true) created.suggestions.set(true);
    if (saved?.filter) created.setFilter(saved.filter);
    current = created;
    created.onDidDispose(() => { if (current === created) current = undefined; });
    return created;
  };
  const open = (): DossierPanel => {
    if (current) {
      current.panel.reveal();
      return current;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(DOSSIER_VIEW_TYPE, vscode.l10n.t('Dossier'), column, {
      enableScripts: true, enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'preview')],
    });
    return adopt(panel);
  };
  const waitForRender = (after: number, timeoutMs: number): Promise<DossierTiming> => new Promise((resolve, reject) => {
    const panel = current;
    if (!panel) return reject(new Error('no dossier panel'));
    const done = panel.lastTimings.find((t) => t.confirmedAt !== undefined && t.postedAt >= after && (t.changedAt === 0 || t.changedAt >= after));
    if (done) return resolve(done);
    const timer = setTimeout(() => { listener.dispose(); reject(new Error(`no dossier render after ${after} within ${timeoutMs} ms`)); }, timeoutMs);
    const listener = panel.onDidRender((t) => {
      if (t.postedAt < after || (t.changedAt !== 0 && t.changedAt < after)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(t);
    });
  });
  return vscode.Disposable.from(
    { dispose: () => current?.dispose() },
    vscode.window.registerWebviewPanelSerializer(DOSSIER_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        adopt(panel, state);
      },
    }),
    vscode.commands.registerCommand('summitNotes.openDossier', () => {
      open();
    }),
    // A panel VS Code restores after a reload, in a test that cannot reload the window: a new panel
    // handed to the same code with the state the page saved.
    testHooks.provide('restoreDossier', (state: unknown) => {
      const panel = vscode.window.createWebviewPanel(DOSSIER_VIEW_TYPE, vscode.l10n.t('Dossier'), vscode.ViewColumn.Active, { enableScripts: true });
      const restored = adopt(panel, state);
      return { filter: restored.filter, suggest: restored.suggestions.on };
    }),
    // Resolves with the first update confirmed by the page that was posted at or after `after` (Date.now()).
    testHooks.provide('waitForDossier', (after = 0, timeoutMs = 30_000) => waitForRender(after, timeoutMs)),
    testHooks.provide('inspectDossier', () => current?.inspect()),
    testHooks.provide('dossierFilter', (filter: unknown) => current?.setFilter(filter)),
    // A message as the page would post it (a click on an item or a link), for tests that cannot click in the webview.
    testHooks.provide('dossierMessage', (message: unknown) => (current && isFromDossierWebview(message) ? current.onMessage(message) : undefined)),
  );
}
