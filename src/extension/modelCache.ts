/**
 * The notes model of each open document, one per version, updated in place after an edit
 * (editNotes) and shared by every feature.
 */
import * as vscode from 'vscode';
import { editNotes, type NotesModel, type TextChange } from '../core';
import { isNotesDocument } from './notesLanguage';

/**
 * One parse per document version, shared by every feature (hover, outline, tree, diagnostics,
 * brief…). Entries are dropped when their document closes.
 */
export class NotesModelCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a notes document changed (content or language); listeners call `get` again. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.noteEdit(e);
        if (isNotesDocument(e.document)) this.changeEmitter.fire(e.document);
      }),
    );
  }

  /** The model of `document` at its current version. */
  get(document: vscode.TextDocument): NotesModel {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit.model;
    // One edit since the cached version: the new model re-reads only the paragraphs the edit
    // touched and shares the rest with the cached one, which stays as it was (models never change
    // once made, so a feature still holding it sees a consistent, older version). Otherwise a
    // parse. Either equals parseNotes of the current text.
    const edit = hit?.edit && hit.edit.version === document.version ? hit.edit.change : undefined;
    const model = editNotes(hit?.model, edit, document.getText());
    this.entries.set(key, { version: document.version, model, edit: undefined });
    return model;
  }

  /** Keeps a change that leads straight from the cached version to the next one. */
  private noteEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    // Already read at this version (a listener asked first): nothing to keep.
    if (!entry || entry.version >= e.document.version) return;
    const single = e.contentChanges.length === 1 ? e.contentChanges[0] : undefined;
    // Versions go up by one per change; anything else (several pending changes) takes a parse.
    entry.edit = single && entry.edit === undefined && entry.version === e.document.version - 1
      ? { version: e.document.version, change: { offset: single.rangeOffset, deleted: single.rangeLength, inserted: single.text } }
      : undefined;
    if (!single || entry.version !== e.document.version - 1) entry.version = -1;
  }

  dispose(): void {
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }
}

interface Entry {
  /** The document version `model` is of (-1: unknown, parse on the next `get`). */
  version: number;
  model: NotesModel;
  /** The one change from `version` to `edit.version`, when that is all that happened. */
  edit: { readonly version: number; readonly change: TextChange } | undefined;
}

// In their own small file, which the start-up shell (extension.ts) needs without the model.
export { LANGUAGE_ID, isNotesDocument, NOTES_SELECTOR } from './notesLanguage';
