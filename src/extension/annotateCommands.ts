/**
 * Annotate the selection as an initiative, figure or actor (with an id proposed from the text),
 * each one undoable edit, and step to the next or previous annotation.
 */
import * as vscode from 'vscode';
import type { AnnotationKind, NotesModel } from '../core';
import { annotationMarkup, freshId } from '../core';
import type { EditorDeps } from './notesDocuments';

/** Characters that would end a span's text early; escaped as Pandoc does. */
function escapeSpanText(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

/**
 * Wraps the selection(s) as `kind`: `[text]{.initiative #slug}` — one edit, one undo step. The id
 * is proposed from the text (initiatives only: figures and actors repeat and rarely need one);
 * the id stays selected as a snippet placeholder so it can be reworded at once.
 */
async function annotate(deps: EditorDeps, kind: AnnotationKind, editor: vscode.TextEditor | undefined): Promise<boolean> {
  if (!editor) return false;
  const document = editor.document;
  const model: NotesModel | undefined = deps.notes.model(document);
  const transliterate = vscode.workspace.getConfiguration('summitNotes', document).get<boolean>('annotate.transliterate') !== false;
  const selections = editor.selections.filter((s) => !s.isEmpty);
  if (!selections.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Summit Notes: select the text to annotate first.'));
    return false;
  }
  const taken = new Set<string>();
  const spans = selections.map((selection) => {
    const text = escapeSpanText(document.getText(selection));
    let id: string | undefined;
    if (kind === 'initiative') {
      const base = model ? freshId(model, document.getText(selection), transliterate, kind) : kind;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    return { selection, text, id };
  });
  if (spans.length === 1) {
    const { selection, text, id } = spans[0];
    const snippet = new vscode.SnippetString('[').appendText(text).appendText(`]{.${kind}`);
    if (id) snippet.appendText(' #').appendPlaceholder(id);
    return editor.insertSnippet(snippet.appendText('}'), selection);
  }
  // Several selections: one edit for all of them, still one undo step.
  return editor.edit((builder) => {
    for (const { selection, text, id } of spans) builder.replace(selection, annotationMarkup(text, kind, id));
  });
}

/** Moves the cursor to the next (or previous) annotation's text. */
function step(deps: EditorDeps, editor: vscode.TextEditor | undefined, forward: boolean): void {
  if (!editor) return;
  const model = deps.notes.model(editor.document);
  if (!model?.annotations.length) return;
  const offset = editor.document.offsetAt(editor.selection.active);
  const list = model.annotations.filter((a) => a.kind);
  if (!list.length) return;
  // Binary search over content starts (annotations are in document order).
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (forward ? list[mid].contentRange.start <= offset : list[mid].contentRange.start < offset) lo = mid + 1;
    else hi = mid;
  }
  const target = forward ? list[lo] ?? list[0] : list[lo - 1] ?? list[list.length - 1];
  const start = editor.document.positionAt(target.contentRange.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Annotate the selection as initiative / figure / actor; next / previous annotation. */
export function registerAnnotateCommands(deps: EditorDeps): vscode.Disposable {
  const run = (kind: AnnotationKind) => () => annotate(deps, kind, vscode.window.activeTextEditor).then(undefined, (err: unknown) => {
    deps.log(`annotate failed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  });
  return vscode.Disposable.from(
    vscode.commands.registerCommand('summitNotes.annotateInitiative', run('initiative')),
    vscode.commands.registerCommand('summitNotes.annotateFigure', run('figure')),
    vscode.commands.registerCommand('summitNotes.annotateActor', run('actor')),
    vscode.commands.registerCommand('summitNotes.nextAnnotation', () => step(deps, vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand('summitNotes.previousAnnotation', () => step(deps, vscode.window.activeTextEditor, false)),
  );
}
