/**
 * Every feature but language recognition: its own bundle (dist/features.js), which the start-up
 * shell (extension.ts) loads when a notes file opens or a command, the view or the Markdown preview
 * first needs it. Builds the shared pieces once (the model cache) and registers each feature; each
 * is one file exporting `registerXxx(...)` that returns a Disposable, all owned by the one returned.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { NotesModelCache } from './modelCache';
import { summitNotesPlugin } from '../core';
import { registerBriefPreview } from './briefCommands';
import { registerBriefExport } from './exportBrief';
import { createEditorDeps } from './notesDocuments';
import { registerDecorations } from './decorations';
import { registerHovers } from './hovers';
import { registerDocumentSymbols } from './symbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';
import { registerInitiativesTree } from './initiativesView';
import { registerDiagnostics } from './diagnostics';
import { registerCodeActions } from './codeActions';
import { registerCompletions } from './completions';
import { registerAnnotateCommands } from './annotateCommands';
import { registerNavigation } from './navigation';
import { registerStatusBar } from './statusBar';
import { registerDetectionHints } from './detectionHints';
import { registerNewNotesFromArticle } from './newNotesFromArticle';
import { registerWalkthrough } from './walkthrough';
import { WorkspaceIndex } from './workspaceIndex';
import { registerDossier } from './dossierPanel';
import { registerLinkHovers } from './linkHovers';
import { registerLinkActions } from './linkActions';
import { registerTrackDiagnostics } from './trackDiagnostics';
import { registerTrackNavigation } from './trackNavigation';
export { testHooks } from './testHooks';

export function registerFeatures(context: vscode.ExtensionContext, log: (message: string) => void): vscode.Disposable {
  const extensionUri = context.extensionUri;
  const models = new NotesModelCache();
  const editor = createEditorDeps(models, log);
  // One reading of the workspace's notes files for every cross-file feature.
  const workspace = new WorkspaceIndex(editor);
  return vscode.Disposable.from(
    models,
    // Features register here (one line each).
    registerBriefPreview(extensionUri, models),
    registerBriefExport(models),
    editor,
    workspace,
    registerDecorations(editor),
    // Before the initiative's own hover: VS Code shows the later-registered provider's part first.
    registerLinkHovers(editor, workspace),
    registerHovers(editor),
    registerDocumentSymbols(editor),
    registerWorkspaceSymbols(editor, workspace),
    registerInitiativesTree(editor, workspace),
    registerDiagnostics(editor),
    registerCodeActions(editor),
    registerCompletions(editor),
    registerAnnotateCommands(editor),
    registerNavigation(editor),
    registerStatusBar(editor),
    registerDetectionHints(editor, context),
    registerNewNotesFromArticle(editor),
    registerWalkthrough(extensionUri),
    registerDossier(extensionUri, workspace, log),
    registerLinkActions(editor, workspace),
    registerTrackDiagnostics(editor, workspace),
    registerTrackNavigation(editor, workspace),
  );
}

/** The notes syntax for a markdown-it instance (VS Code's Markdown preview, see extension.ts). */
export function extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt {
  return md.use(summitNotesPlugin);
}
