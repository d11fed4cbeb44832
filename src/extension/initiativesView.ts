/**
 * The Initiatives view: creates the tree view over `InitiativesTree`, wires it to the notes
 * documents, the cursor and the settings, and registers its commands.
 */
import * as vscode from 'vscode';
import { InitiativesTree, VIEW_ID } from './initiativesTree';
import { registerTreeCommands } from './initiativesTreeCommands';
import { isNotesDocument } from './modelCache';
import type { EditorDeps } from './notesDocuments';
import type { WorkspaceIndex } from './workspaceIndex';

/** The Initiatives view with its commands and follow-cursor reveal. */
export function registerInitiativesTree(deps: EditorDeps, workspace: WorkspaceIndex): vscode.Disposable {
  const workspaceNotes = workspace.notes;
  const tree = new InitiativesTree(deps, workspaceNotes, workspace);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;
  tree.refreshHiddenBadge();
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const follow = (editor: vscode.TextEditor): void => {
    clearTimeout(followTimer);
    followTimer = setTimeout(() => {
      if (!view.visible || !isNotesDocument(editor.document) || editor !== vscode.window.activeTextEditor) return;
      // Typing rebuilds the tree: follow once the rebuild is done, not into nodes it is replacing.
      if (tree.refreshing) return follow(editor);
      if (vscode.workspace.getConfiguration('summitNotes').get<boolean>('tree.followCursor') === false) return;
      void tree.nodeAt(editor.document.uri, editor.document.offsetAt(editor.selection.active)).then((node) => {
        if (node && tree.isShown(node) && !tree.refreshing && !view.selection.includes(node)) return view.reveal(node, { select: true, focus: false, expand: false });
        return undefined;
      }).then(undefined, (err: unknown) => deps.log(`follow cursor: ${String(err)}`));
    }, 150);
  };
  return vscode.Disposable.from(
    tree, view,
    registerTreeCommands(deps, tree, view),
    deps.notes.onDidChange((doc) => tree.refreshDocument(doc)),
    view.onDidChangeVisibility((e) => {
      if (e.visible) tree.onVisible();
      else tree.refreshHiddenBadge();
    }),
    workspaceNotes.onDidChangeFile(() => {
      if (tree.scope === 'workspace') tree.refreshAll();
    }),
    workspace.onDidChange(() => tree.onWorkspaceChanged()),
    vscode.window.onDidChangeActiveTextEditor(() => tree.onActiveEditorChanged()),
    vscode.workspace.onDidOpenTextDocument((document) => {
      tree.onActiveEditorChanged();
      tree.onNotesDocumentOpenedOrClosed(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => tree.onNotesDocumentOpenedOrClosed(document)),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('summitNotes.tree.groupBy') || e.affectsConfiguration('summitNotes.tree.scope')) tree.refreshAll();
    }),
    { dispose: () => clearTimeout(followTimer) },
  );
}
