import * as vscode from 'vscode';
import { parseNotes, type NotesModel } from '../core';

/**
 * One parse per document version, shared by every feature (hover, outline, tree, diagnostics,
 * brief…). Entries are dropped when their document closes.
 */
export class NotesModelCache implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; model: NotesModel }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a notes document changed (content or language); listeners call `get` again. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isNotesDocument(e.document)) this.changeEmitter.fire(e.document);
      }),
    );
  }

  /** The model of `document` at its current version. */
  get(document: vscode.TextDocument): NotesModel {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit.model;
    const model = parseNotes(document.getText());
    this.entries.set(key, { version: document.version, model });
    return model;
  }

  dispose(): void {
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }
}

export const LANGUAGE_ID = 'summit-notes';

export function isNotesDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/** The selector every provider registers for. */
export const NOTES_SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];
