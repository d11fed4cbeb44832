import * as vscode from 'vscode';
import type { EditorDeps } from './notesDocuments';
import { isNotesDocument } from './modelCache';

/** Counts of initiatives and figures of the active notes file, or why the features are off. */
export function registerStatusBar(deps: EditorDeps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('summitNotes.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Summit Notes';
  item.command = 'summitNotes.initiatives.focus';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = (): void => {
    try {
      const editor = vscode.window.activeTextEditor;
      const enabled = vscode.workspace.getConfiguration('summitNotes').get<boolean>('statusBar.enabled') !== false;
      if (!enabled || !editor || !isNotesDocument(editor.document)) {
        item.hide();
        return;
      }
      const refusal = deps.notes.refusal(editor.document);
      if (refusal) {
        item.text = '$(circle-slash) Summit Notes off';
        item.tooltip = `Summit Notes: ${refusal}`;
        item.show();
        return;
      }
      const model = deps.notes.model(editor.document);
      if (!model) return item.hide();
      let initiatives = 0;
      for (const a of model.annotations) if (a.kind === 'initiative') initiatives++;
      const figures = model.figures.length;
      item.text = `$(symbol-event) ${initiatives} $(symbol-number) ${figures}`;
      item.tooltip = `${initiatives} initiative${initiatives === 1 ? '' : 's'}, ${figures} figure${figures === 1 ? '' : 's'} in this file — click for the Initiatives tree`;
      item.show();
    } catch (err) {
      deps.log(`status bar failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument(later),
    deps.notes.onDidChange((doc) => {
      if (doc === vscode.window.activeTextEditor?.document) later();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('summitNotes')) update();
    }),
    // Lets the integration test read what the item shows.
    vscode.commands.registerCommand('summitNotes.internal.statusBarText', () => (item.text)),
    { dispose: () => clearTimeout(timer) },
  );
}
