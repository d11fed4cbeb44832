import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { buildBrief } from '../core/brief';
import { escapeHtml, renderAnnotatedText, renderBriefFragment } from '../core/briefHtml';
import { isFromBriefWebview, type BriefInspection, type BriefPreviewState, type FromBriefWebview, type ToBriefWebview } from '../shared/previewMessages';
import type { NotesModelCache } from './modelCache';

/** The webview panel type; also the `onWebviewPanel:` activation event and serializer id. */
export const BRIEF_VIEW_TYPE = 'summitNotes.brief';

/** At most one render per this many ms while typing (the first one goes at once), as the Markdown preview does. */
export const RENDER_THROTTLE_MS = 300;

export interface BriefPreviewDeps {
  readonly extensionUri: vscode.Uri;
  readonly models: NotesModelCache;
  /** markdown-it with our plugin and block line numbers, shared by every preview. */
  readonly markdown: MarkdownIt.MarkdownIt;
}

/** A nonce from the platform's cryptographic generator (Node ≥ 19 and browsers both have `crypto`). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * One brief preview panel: shows the brief of one notes document (or, when `follows`, of the
 * active notes editor), re-rendering at most once per {@link RENDER_THROTTLE_MS} and never
 * showing a render made for an older document version.
 */
export class BriefPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Fires once when the panel is closed or the preview disposed. */
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly renderedEmitter = new vscode.EventEmitter<{ version: number; at: number }>();
  /** Fires when the webview reports that it shows a version (used by tests and latency checks). */
  readonly onDidRender = this.renderedEmitter.event;

  private readonly inspectionEmitter = new vscode.EventEmitter<BriefInspection>();

  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRenderAt = 0;
  private ready = false;
  private disposed = false;
  private pendingReveal: ToBriefWebview | undefined;
  /** How long the last render took in the extension host (model, brief, HTML), for measurements. */
  lastBuildMs = 0;
  /** When the last change reached this preview (Date.now()), for measurements. */
  lastRequestAt = 0;
  /** When the last render was posted to the webview (Date.now()). */
  lastPostedAt = 0;
  /** The last version the webview confirmed. */
  lastShownVersion = -1;
  /** Set while the editor scrolls because the preview asked, so that scroll is not sent back. */
  private editorScrollFromPreview = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private followsActive: boolean,
    private readonly deps: BriefPreviewDeps,
    private readonly initialLine?: number,
  ) {
    this.configurePanel();
    this.disposables.push(
      this.disposeEmitter,
      this.renderedEmitter,
      this.inspectionEmitter,
      panel.onDidDispose(() => this.dispose()),
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
    this.lastRequestAt = Date.now();
    if (this.timer !== undefined) {
      if (!immediate) return;
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const wait = immediate ? 0 : Math.max(0, this.lastRenderAt + RENDER_THROTTLE_MS - Date.now());
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

  /** Asks the webview what it shows (scripts, handlers, text); undefined if it does not answer in time. */
  inspect(timeoutMs = 5000): Promise<BriefInspection | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { listener.dispose(); resolve(undefined); }, timeoutMs);
      const listener = this.inspectionEmitter.event((inspection) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(inspection);
      });
      this.post({ type: 'inspect' });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  private configurePanel(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'preview');
    webview.options = {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [media, dist, vscode.Uri.joinPath(this.resourceUri, '..')],
    };
    this.ready = false;
    const nonce = createNonce();
    const state: BriefPreviewState = { uri: this.resourceUri.toString(), follows: this.followsActive, line: this.initialLine };
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const css = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
    webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(css('markdown-preview.css'))}">
<link rel="stylesheet" href="${escapeHtml(css('preview.css'))}">
</head>
<body class="brief" data-state="${escapeHtml(JSON.stringify(state))}">
<main id="brief-root"><p class="brief-empty">Rendering the brief…</p></main>
<script nonce="${nonce}" src="${escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.js')).toString())}"></script>
</body>
</html>`;
    this.updateTitle();
  }

  private updateTitle(): void {
    const name = this.resourceUri.path.split('/').pop() ?? 'notes';
    this.panel.title = this.followsActive ? `Brief (following): ${name}` : `Brief: ${name}`;
  }

  private async render(): Promise<void> {
    try {
      await this.renderNow();
    } catch (e) {
      // A bug in a renderer must not leave the preview blank without a word: say it in the page.
      const message = e instanceof Error ? e.message : String(e);
      this.post({ type: 'render', uri: this.resourceUri.toString(), version: 0, follows: this.followsActive, html: `<p class="brief-problems">The brief could not be rendered: ${escapeHtml(message)}</p>` });
    }
  }

  private async renderNow(): Promise<void> {
    if (this.disposed) return;
    this.lastRenderAt = Date.now();
    let document: vscode.TextDocument;
    try {
      // An open document is taken as is, so the render runs at once (no await, no later turn of
      // the event loop behind other listeners); a closed one is opened first.
      const key = this.resourceUri.toString();
      document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)
        ?? await vscode.workspace.openTextDocument(this.resourceUri);
    } catch {
      this.post({ type: 'render', uri: this.resourceUri.toString(), version: 0, follows: this.followsActive, html: `<p class="brief-empty">Cannot open ${escapeHtml(this.resourceUri.toString())}.</p>` });
      return;
    }
    const version = document.version;
    const started = Date.now();
    const model = this.deps.models.get(document);
    const folder = vscode.Uri.joinPath(this.resourceUri, '..');
    const text = renderAnnotatedText(model, this.deps.markdown, {
      resolveImage: (src) => {
        try {
          return this.panel.webview.asWebviewUri(vscode.Uri.joinPath(folder, decodeURI(src))).toString();
        } catch {
          return undefined;
        }
      },
    });
    const html = renderBriefFragment(buildBrief(model), text, { lines: true });
    // Drop a render whose document moved on meanwhile; the change event asks for a fresh one.
    if (this.disposed || document.version !== version || document.uri.toString() !== this.resourceUri.toString()) return;
    this.lastBuildMs = Date.now() - started;
    this.lastPostedAt = Date.now();
    this.post({ type: 'render', uri: this.resourceUri.toString(), version, html, follows: this.followsActive });
  }

  private onMessage(message: FromBriefWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.requestRender(true);
        break;
      case 'rendered':
        this.lastShownVersion = message.version;
        this.renderedEmitter.fire({ version: message.version, at: Date.now() });
        if (this.pendingReveal) {
          this.post(this.pendingReveal);
          this.pendingReveal = undefined;
        }
        break;
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

  private post(message: ToBriefWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }
}
