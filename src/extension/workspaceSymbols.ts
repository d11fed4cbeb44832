import * as vscode from 'vscode';
import type { NotesModel } from '../core';
import { toRange } from './convert';
import { guardedAsync, type EditorDeps } from './notesDocuments';
import { WorkspaceNotes } from './workspaceNotes';

/** Enough for the picker; a query narrows it. */
const MAX_RESULTS = 500;

interface Entry {
  readonly id: string;
  readonly label: string;
  readonly kind: vscode.SymbolKind;
  readonly range: vscode.Range;
  readonly container: string;
}

function entriesOf(model: NotesModel): Entry[] {
  const out: Entry[] = [];
  for (const a of model.annotations) {
    if (!a.id) continue;
    const kind = a.kind === 'initiative' ? vscode.SymbolKind.Event : a.kind === 'figure' ? vscode.SymbolKind.Number : vscode.SymbolKind.Class;
    out.push({ id: a.id, label: `#${a.id} ${a.plainText.replace(/\s+/g, ' ').slice(0, 80)}`, kind, range: toRange(a.range), container: a.section?.title ?? '' });
  }
  for (const s of model.allSections) {
    if (s.id) out.push({ id: s.id, label: `#${s.id} ${s.title}`, kind: vscode.SymbolKind.Namespace, range: toRange(s.headingRange), container: s.parent?.title ?? '' });
  }
  return out;
}

/** Loose "contains in order" match, as VS Code's own symbol pickers do. */
function matches(query: string, text: string): boolean {
  let i = 0;
  const lower = text.toLowerCase();
  for (const c of query.toLowerCase()) {
    i = lower.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/**
 * Go to Symbol in Workspace for annotation and heading ids in every `*.summit.md` file (closed
 * files read and cached by `WorkspaceNotes`, invalidated by its file watcher).
 */
export function registerWorkspaceSymbols(deps: EditorDeps): vscode.Disposable {
  const notes = new WorkspaceNotes(deps);
  const entries = new WeakMap<NotesModel, Entry[]>();
  const entriesFor = (model: NotesModel): Entry[] => {
    let list = entries.get(model);
    if (!list) entries.set(model, (list = entriesOf(model)));
    return list;
  };
  return vscode.Disposable.from(
    notes,
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols(query, token) {
        return guardedAsync(deps, 'workspace symbols', token, [], async () => {
          const out: vscode.SymbolInformation[] = [];
          for (const uri of await notes.files(token)) {
            if (token.isCancellationRequested) return [];
            const model = await notes.model(uri);
            if (!model) continue;
            for (const e of entriesFor(model)) {
              if (query && !matches(query, e.label)) continue;
              out.push(new vscode.SymbolInformation(e.label, e.kind, e.container, new vscode.Location(uri, e.range)));
              if (out.length >= MAX_RESULTS) return out;
            }
          }
          return out;
        });
      },
    }),
  );
}
