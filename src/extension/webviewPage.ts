/**
 * What the brief preview and the dossier share as webviews: one set of security rules (the panel
 * options and the page's Content-Security-Policy: nothing but our stylesheets, images from the
 * allowed roots and our one script, by nonce), the page around their content, and asking the page
 * a question that it answers with a message.
 */
import * as vscode from 'vscode';
import { escapeHtml } from '../core';

/** A nonce from the platform's cryptographic generator (Node ≥ 19 and browsers both have `crypto`). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Scripts on (ours only, by the page's CSP), no forms, no command links, files only from `roots`. */
export function webviewOptions(roots: readonly vscode.Uri[]): vscode.WebviewOptions {
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [...roots] };
}

export interface WebviewPage {
  readonly lang: string;
  /** The stylesheets, in order. */
  readonly styles: readonly vscode.Uri[];
  /** Our one script. */
  readonly script: vscode.Uri;
  /** The body's attributes, written as they are (escape their values). */
  readonly bodyAttributes: string;
  /** The body's HTML before the script. */
  readonly body: string;
}

/** The whole page: its CSP allows the webview's own resources and, of scripts, only `script`. */
export function webviewHtml(webview: vscode.Webview, page: WebviewPage): string {
  const nonce = createNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const href = (uri: vscode.Uri) => escapeHtml(webview.asWebviewUri(uri).toString());
  return `<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${page.styles.map((s) => `<link rel="stylesheet" href="${href(s)}">`).join('\n')}
</head>
<body ${page.bodyAttributes}>
${page.body}
<script nonce="${nonce}" src="${href(page.script)}"></script>
</body>
</html>`;
}

/** Posts `ask` and waits for the next `answers` event; undefined if none comes within `timeoutMs`. */
export function askPage<T>(answers: vscode.Event<T>, ask: () => void, timeoutMs: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { listener.dispose(); resolve(undefined); }, timeoutMs);
    const listener = answers((answer) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(answer);
    });
    ask();
  });
}

/**
 * What a panel of ours holds for its webview's life: the panel, what it disposes, `onDidRender`
 * (the page reports what it shows: tests and latency checks), `onDidDispose` (once, when the panel
 * is closed or the host disposed), asking the page what it shows (`inspect`), and posting to it.
 */
export abstract class WebviewPanelHost<ToPage extends { readonly type: string }, Rendered, Inspection> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  protected disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  protected readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  readonly onDidRender = this.renderedEmitter.event;
  protected readonly inspectionEmitter = new vscode.EventEmitter<Inspection>();

  constructor(readonly panel: vscode.WebviewPanel, private readonly inspectMessage: ToPage) {
    this.disposables.push(this.disposeEmitter, this.renderedEmitter, this.inspectionEmitter, panel.onDidDispose(() => this.dispose()));
  }

  /** Asks the page what it shows (scripts, handlers, text); undefined if it does not answer in time. */
  inspect(timeoutMs = 5000): Promise<Inspection | undefined> {
    return askPage(this.inspectionEmitter.event, () => this.post(this.inspectMessage), timeoutMs);
  }

  protected post(message: ToPage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** What the panel stops before its listeners go (timers). */
  protected beforeDispose(): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.beforeDispose();
    this.disposeEmitter.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
