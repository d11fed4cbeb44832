// Shared helpers for the tests that run inside VS Code (test/integration/*.test.ts).
// The workspace is a fresh copy of test/integration/workspace for every run, so tests may create
// and edit files in it. Nothing here sleeps for a fixed time: waits are polled conditions or events.
import * as assert from 'assert';
import * as vscode from 'vscode';

/** Our extension's id (`publisher.name` from package.json). */
export const EXTENSION_ID = 'summit-notes.summit-notes';
export const NOTES_LANGUAGE = 'summit-notes';

/** The workspace folder of the run (the fixture copy). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens test/integration/workspace as its folder');
  return folder.uri;
}

/** Uri of a file in the fixture workspace, e.g. `fixtureUri('notes/summit.summit.md')`. */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...relativePath.split('/'));
}

/**
 * Polls `condition` until it returns a truthy value, which is returned. Fails with `message` (and
 * the last value seen) after `timeout` ms. Use it for state VS Code reaches asynchronously.
 */
export async function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  message: string,
  { timeout = 10_000, interval = 25 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms: ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Resolves with the first event that satisfies `predicate` (default: any), or fails after `timeout` ms. */
export function nextEvent<E>(event: vscode.Event<E>, message: string, predicate: (e: E) => boolean = () => true,
  timeout = 10_000): Promise<E> {
  return new Promise<E>((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${timeout} ms: ${message}`)); }, timeout);
    const sub = event((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Opens a fixture file in an editor (the active one). */
export async function openFixture(relativePath: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { document, editor };
}

/** Writes a new file into the workspace (tests that need a file nobody opened yet) and returns its uri. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = fixtureUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The document's current language id (VS Code replaces the document object when it changes). */
export function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

/** Waits until the open document at `uri` has `languageId`. */
export function waitForLanguage(uri: vscode.Uri, languageId: string, timeout?: number): Promise<string> {
  return waitFor(() => languageOf(uri) === languageId && languageId,
    `${uri.path.split('/').pop()} to have language "${languageId}" (now "${languageOf(uri)}")`, { timeout });
}

/**
 * Our extension, activated: activates it when nothing has yet (a test run with --grep may start
 * with any test), so tests that check activation itself wait on `isActive` instead.
 */
export async function activeExtension<T = unknown>(): Promise<vscode.Extension<T>> {
  const ext = vscode.extensions.getExtension<T>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded in the extension development host`);
  await ext.activate();
  return ext;
}

/** What `activate` returned (the extension's exports), once it is active. */
export async function extensionExports<T>(): Promise<T> {
  return (await activeExtension<T>()).exports;
}

/**
 * Runs a provider command (`vscode.executeHoverProvider`, `vscode.executeDocumentSymbolProvider`,
 * `vscode.executeCompletionItemProvider`, …) — the path the editor itself takes through the registry.
 */
export function executeProvider<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** Labels of the completion items offered at `position` (snippets included). */
export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<{ label: string; kind?: vscode.CompletionItemKind }[]> {
  const list = await executeProvider<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => ({ label: typeof i.label === 'string' ? i.label : i.label.label, kind: i.kind }));
}

/** Diagnostics on `uri` that come from Summit Notes (source mentions it). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /summit/i.test(d.source ?? ''));
}

/** Waits until the diagnostics of `uri` satisfy `predicate`; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean,
  message: string, timeout?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = vscode.languages.getDiagnostics(uri);
    return predicate(d) && d;
  }, message, { timeout });
}

/** Sets a user setting for the duration of `fn`, then restores it. */
export async function withSetting<T>(section: string, key: string, value: unknown, fn: () => Promise<T>): Promise<T> {
  // `null`: the user-level value for any resource (no warning for resource-scoped settings).
  const config = () => vscode.workspace.getConfiguration(section, null);
  const before = config().inspect(key)?.globalValue;
  await config().update(key, value, vscode.ConfigurationTarget.Global);
  await waitFor(() => config().get(key) === value, `setting ${section}.${key} to apply`);
  try {
    return await fn();
  } finally {
    await config().update(key, before, vscode.ConfigurationTarget.Global);
  }
}

/** Closes every editor (between tests that depend on what is visible). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Runs one of the extension's test hooks (src/extension/testHooks.ts), which replace internal commands. */
export async function testHook<T>(name: string, ...args: unknown[]): Promise<T> {
  const api = await extensionExports<{ testHooks: { call(name: string, ...args: unknown[]): unknown } }>();
  return await (api.testHooks.call(name, ...args) as Promise<T> | T);
}
