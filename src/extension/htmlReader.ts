/**
 * Loads the HTML article reader (src/shared/articleHtml.ts: Readability over linkedom) on first
 * use. It is its own bundle (see scripts/build.mjs) because it weighs more than the rest of the
 * extension, and only "New Notes from Article…" with HTML input needs it:
 * - in Node, `import()` of it becomes `require('./articleHtml.js')` (dist/articleHtml.js);
 * - in the web-worker host (`SUMMIT_NOTES_WEB`, set by the web build) there is no `require` of
 *   files, so the same dist/articleHtml.js is read from the extension's location and evaluated as
 *   a CommonJS module, the way that host loads the extension's own bundle.
 */
import * as vscode from 'vscode';

export type HtmlReader = typeof import('../shared/articleHtml');

/** `publisher.name` from package.json. */
const EXTENSION_ID = 'summit-notes.summit-notes';

let loading: Promise<HtmlReader> | undefined;

/** The reader module, loaded once; a failed load is retried on the next call. */
export function loadHtmlReader(): Promise<HtmlReader> {
  loading ??= (process.env.SUMMIT_NOTES_WEB ? loadInWebWorker() : import('../shared/articleHtml')).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

async function loadInWebWorker(): Promise<HtmlReader> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`the extension ${EXTENSION_ID} is not installed, so its HTML reader cannot be found`);
  const uri = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'articleHtml.js');
  const source = await readSource(uri);
  const module: { exports: unknown } = { exports: {} };
  const noRequire = (name: string): never => {
    throw new Error(`the HTML reader cannot load '${name}' in a web worker`);
  };
  // The same wrapper the web-worker extension host uses for the extension's main bundle.
  const init = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`) as
    (m: typeof module, e: unknown, r: typeof noRequire) => void;
  init(module, module.exports, noRequire);
  const reader = module.exports as Partial<HtmlReader>;
  if (typeof reader.articleFromHtml !== 'function') throw new Error(`${uri.toString(true)} is not the HTML reader`);
  return reader as HtmlReader;
}

/** An extension served over http(s) (vscode.dev, a development host) is fetched; otherwise its file system reads it. */
async function readSource(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: HTTP ${response.status}`);
    return response.text();
  }
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}
