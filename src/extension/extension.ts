import * as vscode from 'vscode';
import { NotesModelCache } from './modelCache';
import { registerLanguageDetection } from './languageDetection';

/**
 * Builds the shared pieces once (the model cache) and registers every feature; each feature is
 * one file exporting `registerXxx(...)` that returns a Disposable owned by the extension context.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const models = new NotesModelCache();
  context.subscriptions.push(models, registerLanguageDetection());
  // Features register here (one line each).
  log(`activated in ${Date.now() - started} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

let channel: vscode.LogOutputChannel | undefined;
/** The extension's log (Output → Summit Notes). */
export function log(message: string): void {
  channel ??= vscode.window.createOutputChannel('Summit Notes', { log: true });
  channel.info(message);
}
