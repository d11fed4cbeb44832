/**
 * The status bar item: how many initiatives and figures the active notes file holds.
 */
import * as vscode from 'vscode';
import { testHooks } from './testHooks';
import type { NotesModel } from '../core';
import type { EditorDeps } from './notesDocuments';
import { isNotesDocument } from './modelCache';
import { timed } from './workLog';

const counts = new WeakMap<NotesModel, { initiatives: number; figures: number }>();

/** Initiatives and figures of a model, counted once per model (one per document version). */
function countsOf(model: NotesModel): { initiatives: number; figures: number } {
  let hit = counts.get(model);
  if (!hit) {
    // Figures counted by kind: `model.figures` would read every figure's value just to count them.
    let initiatives = 0;
    let figures = 0;
    for (const a of model.annotations) {
      if (a.kind === 'initiative') initiatives++;
      else if (a.kind === 'figure') figures++;
    }
    counts.set(model, (hit = { initiatives, figures }));
  }
  return hit;
}

/** Counts of initiatives and figures of the active notes file, or why the features are off. */
export function registerStatusBar(deps: EditorDeps): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('summitNotes.counts', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Summit Notes';
  item.command = 'summitNotes.initiatives.focus';
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each property set is a message to the window: set only what changed (typing keeps the counts).
  let visible = false;
  const show = (text: string, tooltip: string): void => {
    if (item.text !== text) item.text = text;
    if (item.tooltip !== tooltip) item.tooltip = tooltip;
    if (!visible) item.show();
    visible = true;
  };
  const hide = (): void => {
    if (visible) item.hide();
    visible = false;
  };

  const update = (): void => timed('status bar', () => {
    try {
      const editor = vscode.window.activeTextEditor;
      const enabled = vscode.workspace.getConfiguration('summitNotes').get<boolean>('statusBar.enabled') !== false;
      if (!enabled || !editor || !isNotesDocument(editor.document)) {
        hide();
        return;
      }
      const refusal = deps.notes.refusal(editor.document);
      if (refusal) return show(`$(circle-slash) ${vscode.l10n.t('Summit Notes off')}`, `Summit Notes: ${refusal}`);
      const model = deps.notes.model(editor.document);
      if (!model) return hide();
      const { initiatives, figures } = countsOf(model);
      show(`$(symbol-event) ${initiatives} $(symbol-number) ${figures}`,
        vscode.l10n.t('Initiatives: {0}, figures: {1} in this file — click for the Initiatives tree', initiatives, figures));
    } catch (err) {
      deps.log(`status bar failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
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
    testHooks.provide('statusBarText', () => (item.text)),
    { dispose: () => clearTimeout(timer) },
  );
}
