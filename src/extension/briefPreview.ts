/**
 * One brief preview panel: renders the brief of its notes file into a locked webview, sends only
 * the blocks, rows and initiatives that changed while typing, and keeps the preview and the editor
 * scrolled together.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { BriefBlockCache, escapeHtml, renderBriefPreview } from '../core';
import {
  diffBrief, isFromBriefWebview, type BriefContent, type BriefInspection, type BriefPatch, type BriefPreviewState, type ChunkedChange, type ChunkedHtml,
  type FromBriefWebview, type GroupedHtml, type ToBriefWebview,
} from '../shared/previewMessages';
import type { NotesModelCache } from './modelCache';
import { WebviewPanelHost, webviewHtml, webviewOptions } from './webviewPage';

/** The webview panel type; also the `onWebviewPanel:` activation event and serializer id. */
export const BRIEF_VIEW_TYPE = 'summitNotes.brief';

/**
 * While typing, a render waits until the extension host has been free of renders for as long as
 * the last one took (so rendering holds it at most half the time, whatever the file's size),
 * and never more than this many ms after the previous render started. The first change goes at once.
 */
export const RENDER_THROTTLE_MS = 300;

export interface BriefPreviewDeps {
  readonly extensionUri: vscode.Uri;
  readonly models: NotesModelCache;
  /** markdown-it with our plugin and block-relative line numbers (`blockLines: 'relative'`), shared by every preview. */
  readonly markdown: MarkdownIt.MarkdownIt;
}

/**
 * Where the time of one update went, `Date.now()` stamps on both sides (one machine, one clock):
 * the change reaching the preview, our render, the post, the webview applying it and drawing it.
 */
export interface BriefTiming {
  readonly version: number;
  /** 'render': the whole brief; 'patch': only what changed. */
  readonly kind: 'render' | 'patch';
  /** When the first request since the last render reached the preview (a document change, or the page asking). */
  readonly requestedAt: number;
  readonly renderStartedAt: number;
  /** Model (from the shared cache; parsed or updated here if no other feature asked first), brief, HTML and diff. */
  readonly renderMs: number;
  /** The part of `renderMs` spent getting the model. */
  readonly modelMs: number;
  readonly postedAt: number;
  /** Characters of HTML in the message. */
  readonly sentChars: number;
  /** Chunks (text blocks, figure rows, initiatives) and sections in the message. */
  readonly sentPieces: number;
  receivedAt?: number;
  appliedAt?: number;
  /** The webview's confirmation reached the extension. */
  confirmedAt?: number;
  paintedAt?: number;
}

/**
 * One brief preview panel: shows the brief of one notes document (or, when `follows`, of the
 * active notes editor), re-rendering at most once per {@link RENDER_THROTTLE_MS} and never
 * showing a render made for an older document version.
 */
export class BriefPreview extends WebviewPanelHost<ToBriefWebview, { version: number; at: number; timing: BriefTiming | undefined }, BriefInspection> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRenderAt = 0;
  /** How long the last render took (ms), which paces the next one. */
  private lastRenderMs = RENDER_THROTTLE_MS / 2;
  /** The versions the webview confirmed and when (Date.now()), newest last (a few hundred), for measurements. */
  private readonly confirmations: { readonly version: number; readonly at: number }[] = [];
  private ready = false;
  private pendingReveal: ToBriefWebview | undefined;
  /** What the webview was last sent (patches are made against it); undefined: send everything. */
  private sent: { readonly uri: string; readonly version: number; readonly follows: boolean; readonly content: BriefContent } | undefined;
  /** When the last change reached this preview (Date.now()), for measurements. */
  private requestedAt = 0;
  /** Timings of the last updates, newest last (a few only), for measurements. */
  private readonly timings: BriefTiming[] = [];
  /** The last version the webview confirmed. */
  lastShownVersion = -1;
  /** Set while the editor scrolls because the preview asked, so that scroll is not sent back. */
  private editorScrollFromPreview = 0;
  /** The HTML of the text's blocks at the last render: a keystroke renders only the blocks it changed. */
  private readonly blocks = new BriefBlockCache();
  /** Maps relative image paths into the note's folder; one function per document, so cached blocks stay valid. */
  private resolveImage: (src: string) => string | undefined = () => undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private followsActive: boolean,
    private readonly deps: BriefPreviewDeps,
    private readonly initialLine?: number,
  ) {
    super(panel, { type: 'inspect' });
    this.configurePanel();
    this.disposables.push(
      // Edits made while hidden were not rendered: catch up when the panel shows again.
      panel.onDidChangeViewState((e) => { if (e.webviewPanel.visible) this.requestRender(true); }),
      panel.webview.onDidReceiveMessage((m: unknown) => { if (isFromBriefWebview(m)) this.onMessage(m); }),
    );
  }

  get resource(): vscode.Uri { return this.resourceUri; }
  get follows(): boolean { return this.followsActive; }

  /** Switches between staying on its document and following the active notes editor. */
  setFollows(follows: boolean): void {
    this.followsActive = follows;
    this.updateTitle();
    this.requestRender(true);
  }

  /** Shows another document (a following preview, when the active editor changes). */
  setResource(uri: vscode.Uri): void {
    if (uri.toString() === this.resourceUri.toString()) return;
    this.resourceUri = uri;
    this.lastShownVersion = -1;
    this.configurePanel();
  }

  /** The document changed: render now if the last render is older than the throttle, else once later. */
  requestRender(immediate = false): void {
    // A hidden panel's page is gone; it reloads and says 'ready' when shown again, and renders then.
    if (this.disposed || !this.ready || !this.panel.visible) return;
    // The first change not yet rendered: how long it waited is part of what a keystroke costs.
    if (this.requestedAt === 0) this.requestedAt = Date.now();
    if (this.timer !== undefined) {
      if (!immediate) return;
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const gap = Math.min(RENDER_THROTTLE_MS, this.lastRenderMs * 2);
    const wait = immediate ? 0 : Math.max(0, this.lastRenderAt + gap - Date.now());
    if (wait === 0) void this.render();
    else this.timer = setTimeout(() => { this.timer = undefined; void this.render(); }, wait);
  }

  /** The editor scrolled to `line`. */
  scrollEditorLine(line: number): void {
    if (Date.now() < this.editorScrollFromPreview) return;
    this.post({ type: 'scrollToLine', line });
  }

  /** Scrolls the preview to an annotation id or a source line and flashes it. */
  reveal(target: { id?: string; line?: number }): void {
    const message: ToBriefWebview = { type: 'reveal', ...target };
    if (this.lastShownVersion < 0) this.pendingReveal = message;
    else this.post(message);
  }

  /** The timing of the update that showed `version`, if it is among the last few. */
  timingOf(version: number): BriefTiming | undefined {
    for (let i = this.timings.length - 1; i >= 0; i--) if (this.timings[i].version === version) return this.timings[i];
    return undefined;
  }

  /** The versions the webview confirmed at or after `since` (Date.now()), oldest first. */
  confirmedSince(since: number): readonly { readonly version: number; readonly at: number }[] {
    return this.confirmations.filter((c) => c.at >= since);
  }

  protected override beforeDispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }


  private configurePanel(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'preview');
    webview.options = webviewOptions([media, dist, vscode.Uri.joinPath(this.resourceUri, '..')]);
    this.ready = false;
    this.sent = undefined;
    this.blocks.clear();
    const folder = vscode.Uri.joinPath(this.resourceUri, '..');
    this.resolveImage = (src) => {
      try {
        return webview.asWebviewUri(vscode.Uri.joinPath(folder, decodeURI(src))).toString();
      } catch {
        return undefined;
      }
    };
    const state: BriefPreviewState = { uri: this.resourceUri.toString(), follows: this.followsActive, line: this.initialLine };
    webview.html = webviewHtml(webview, {
      lang: 'en',
      styles: [vscode.Uri.joinPath(media, 'markdown-preview.css'), vscode.Uri.joinPath(media, 'preview.css')],
      script: vscode.Uri.joinPath(dist, 'preview.js'),
      bodyAttributes: `class="brief" data-state="${escapeHtml(JSON.stringify(state))}"`,
      body: '<main id="brief-root"><p class="brief-empty">Rendering the brief…</p></main>',
    });
    this.updateTitle();
  }

  private updateTitle(): void {
    const name = this.resourceUri.path.split('/').pop() ?? 'notes';
    this.panel.title = this.followsActive ? vscode.l10n.t('Brief (following): {0}', name) : vscode.l10n.t('Brief: {0}', name);
  }

  private async render(): Promise<void> {
    try {
      await this.renderNow();
    } catch (e) {
      // A bug in a renderer must not leave the preview blank without a word: say it in the page.
      const message = e instanceof Error ? e.message : String(e);
      this.notice(`<p class="brief-problems">The brief could not be rendered: ${escapeHtml(message)}</p>`);
    }
  }

  /** Shows a message instead of the brief; the next render sends the whole brief again. */
  private notice(html: string): void {
    this.sent = undefined;
    this.post({ type: 'notice', uri: this.resourceUri.toString(), follows: this.followsActive, html });
  }

  private async renderNow(): Promise<void> {
    if (this.disposed) return;
    this.lastRenderAt = Date.now();
    const requestedAt = this.requestedAt;
    this.requestedAt = 0;
    let document: vscode.TextDocument;
    try {
      // An open document is taken as is, so the render runs at once (no await, no later turn of
      // the event loop behind other listeners); a closed one is opened first.
      const key = this.resourceUri.toString();
      document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)
        ?? await vscode.workspace.openTextDocument(this.resourceUri);
    } catch {
      this.notice(`<p class="brief-empty">Cannot open ${escapeHtml(this.resourceUri.toString())}.</p>`);
      return;
    }
    const version = document.version;
    const uri = this.resourceUri.toString();
    // Already shown (a document event that changed no text, e.g. its dirty flag): nothing to do.
    if (this.sent && this.sent.uri === uri && this.sent.version === version && this.sent.follows === this.followsActive) return;
    const renderStartedAt = Date.now();
    const model = this.deps.models.get(document);
    const modelMs = Date.now() - renderStartedAt;
    const content: BriefContent = renderBriefPreview(model, this.deps.markdown, { resolveImage: this.resolveImage }, this.blocks);
    // Drop a render whose document moved on meanwhile; the change event asks for a fresh one.
    if (this.disposed || document.version !== version || document.uri.toString() !== uri || uri !== this.resourceUri.toString()) return;
    const base = this.sent && this.sent.uri === uri ? this.sent : undefined;
    const patch = base ? diffBrief(base.content, content) : undefined;
    const renderMs = Date.now() - renderStartedAt;
    this.lastRenderMs = renderMs;
    const message: ToBriefWebview = base && patch
      ? { type: 'patch', uri, version, base: base.version, follows: this.followsActive, patch }
      : { type: 'render', uri, version, follows: this.followsActive, content };
    this.sent = { uri, version, follows: this.followsActive, content };
    const size = patch ? patchSize(patch) : contentSize(content);
    this.timings.push({
      version, kind: message.type === 'patch' ? 'patch' : 'render', requestedAt, renderStartedAt, renderMs, modelMs,
      postedAt: Date.now(), sentChars: size.chars, sentPieces: size.pieces,
    });
    if (this.timings.length > 64) this.timings.shift();
    this.post(message);
  }

  private onMessage(message: FromBriefWebview): void {
    switch (message.type) {
      case 'ready':
        // A new page (first load, or the panel came back): it has nothing, send everything.
        this.ready = true;
        this.sent = undefined;
        this.requestRender(true);
        break;
      case 'resync':
        this.sent = undefined;
        this.requestRender(true);
        break;
      case 'rendered': {
        this.lastShownVersion = message.version;
        const timing = this.timingOf(message.version);
        const at = Date.now();
        this.confirmations.push({ version: message.version, at });
        if (this.confirmations.length > 500) this.confirmations.splice(0, 100);
        if (timing) {
          timing.receivedAt = message.receivedAt;
          timing.appliedAt = message.appliedAt;
          timing.confirmedAt = at;
        }
        this.renderedEmitter.fire({ version: message.version, at, timing });
        if (this.pendingReveal) {
          this.post(this.pendingReveal);
          this.pendingReveal = undefined;
        }
        break;
      }
      case 'painted': {
        const timing = this.timingOf(message.version);
        if (timing) timing.paintedAt = message.at;
        break;
      }
      case 'inspection':
        this.inspectionEmitter.fire(message);
        break;
      case 'didScroll':
        void this.revealInEditor(message.line, false);
        break;
      case 'revealLine':
        void this.revealInEditor(message.line, true);
        break;
    }
  }

  /** Scrolls (or, for a click, moves the cursor to) `line` in an editor showing the document. */
  private async revealInEditor(line: number, select: boolean): Promise<void> {
    const key = this.resourceUri.toString();
    let editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (!editor && !select) return;
    if (!editor || select) {
      const document = await vscode.workspace.openTextDocument(this.resourceUri);
      editor = await vscode.window.showTextDocument(document, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    }
    const safeLine = Math.min(line, editor.document.lineCount - 1);
    const range = new vscode.Range(safeLine, 0, safeLine, 0);
    this.editorScrollFromPreview = Date.now() + 300;
    if (select) {
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else {
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }
  }

}

function chunkedSize(part: ChunkedHtml): { chars: number; pieces: number } {
  let chars = part.open.length + part.close.length;
  for (const chunk of part.chunks) chars += chunk.length;
  return { chars, pieces: part.chunks.length };
}

function groupedSize(part: GroupedHtml): { chars: number; pieces: number } {
  let chars = part.open.length + part.close.length;
  let pieces = 0;
  for (const group of part.groups) {
    const size = chunkedSize(group);
    chars += size.chars;
    pieces += size.pieces;
  }
  return { chars, pieces };
}

function changeSize(change: ChunkedChange): { chars: number; pieces: number } {
  return change.whole ? chunkedSize(change.whole) : chunkedSize({ open: '', close: '', chunks: change.splice.insert });
}

/** Characters of HTML and pieces (sections, chunks) in a whole brief. */
function contentSize(content: BriefContent): { chars: number; pieces: number } {
  const sizes = [groupedSize(content.initiatives), chunkedSize(content.figures), chunkedSize(content.text)];
  return {
    chars: content.header.length + content.actors.length + sizes.reduce((n, s) => n + s.chars, 0),
    pieces: 2 + sizes.reduce((n, s) => n + s.pieces, 0),
  };
}

/** Characters of HTML and pieces in a patch. */
function patchSize(patch: BriefPatch): { chars: number; pieces: number } {
  const sizes: { chars: number; pieces: number }[] = [];
  if (patch.header !== undefined) sizes.push({ chars: patch.header.length, pieces: 1 });
  if (patch.actors !== undefined) sizes.push({ chars: patch.actors.length, pieces: 1 });
  if (patch.initiatives?.whole) sizes.push(groupedSize(patch.initiatives.whole));
  for (const group of patch.initiatives?.groups ?? []) if (group) sizes.push(changeSize(group));
  for (const change of [patch.figures, patch.text]) if (change) sizes.push(changeSize(change));
  return { chars: sizes.reduce((n, s) => n + s.chars, 0), pieces: sizes.reduce((n, s) => n + s.pieces, 0) };
}
