import * as vscode from 'vscode';
import { NotesModelCache } from './modelCache';
import { registerLanguageDetection } from './languageDetection';
import type MarkdownIt from 'markdown-it';
import { summitNotesPlugin } from '../core/markdownIt';
import { registerBriefPreview } from './briefCommands';
import { registerBriefExport } from './exportBrief';
import { createEditorDeps } from './notesDocuments';
import { registerDecorations } from './decorations';
import { registerHovers } from './hovers';
import { registerDocumentSymbols } from './symbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';
import { registerInitiativesTree } from './initiativesTree';
import { registerDiagnostics } from './diagnostics';
import { registerCodeActions } from './codeActions';
import { registerCompletions } from './completions';
import { registerAnnotateCommands } from './annotateCommands';
import { registerNavigation } from './navigation';
import { registerStatusBar } from './statusBar';
import { registerDetectionHints } from './detectionHints';
import { registerNewNotesFromArticle } from './newNotesFromArticle';

/**
 * Builds the shared pieces once (the model cache) and registers every feature; each feature is
 * one file exporting `registerXxx(...)` that returns a Disposable owned by the extension context.
 */
export function activate(context: vscode.ExtensionContext): SummitNotesApi {
  const started = Date.now();
  const models = new NotesModelCache();
  context.subscriptions.push(models, registerLanguageDetection());
  // Features register here (one line each).
  context.subscriptions.push(registerBriefPreview(context.extensionUri, models));
  context.subscriptions.push(registerBriefExport(models));
  const editor = createEditorDeps(models, log);
  context.subscriptions.push(editor);
  context.subscriptions.push(registerDecorations(editor));
  context.subscriptions.push(registerHovers(editor));
  context.subscriptions.push(registerDocumentSymbols(editor));
  context.subscriptions.push(registerWorkspaceSymbols(editor));
  context.subscriptions.push(registerInitiativesTree(editor));
  context.subscriptions.push(registerDiagnostics(editor));
  context.subscriptions.push(registerCodeActions(editor));
  context.subscriptions.push(registerCompletions(editor));
  context.subscriptions.push(registerAnnotateCommands(editor));
  context.subscriptions.push(registerNavigation(editor));
  context.subscriptions.push(registerStatusBar(editor));
  context.subscriptions.push(registerDetectionHints(editor, context), registerNewNotesFromArticle(editor));
  log(`activated in ${Date.now() - started} ms`);
  return { extendMarkdownIt: (md) => md.use(summitNotesPlugin) };
}

/**
 * What `activate` returns. VS Code's built-in Markdown preview calls `extendMarkdownIt`
 * (`markdown.markdownItPlugins` in package.json) so plain Markdown previews show annotations too.
 */
export interface SummitNotesApi {
  extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt;
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
