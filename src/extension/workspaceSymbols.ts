/**
 * Go to Symbol in Workspace: ids of every notes file in the workspace, and `track=` keys (at
 * their first mention).
 */
import * as vscode from 'vscode';
import type { NotesModel } from '../core';
import { matchesQuery, workspaceSymbolEntries, type SymbolEntry } from '../core';
import { toPosition } from './convert';
import { guardedAsync, type EditorDeps } from './notesDocuments';
import type { WorkspaceIndex } from './workspaceIndex';
import { mentionLocation } from './trackNavigation';

/** Enough for the picker; a query narrows it. */
const MAX_RESULTS = 500;

const KINDS: Readonly<Record<SymbolEntry['kind'], vscode.SymbolKind>> = {
  initiative: vscode.SymbolKind.Event,
  figure: vscode.SymbolKind.Number,
  actor: vscode.SymbolKind.Class,
  section: vscode.SymbolKind.Namespace,
};

/**
 * Go to Symbol in Workspace for annotation and heading ids in every `*.summit.md` file (closed
 * files read and cached by `WorkspaceNotes`, invalidated by its file watcher).
 */
export function registerWorkspaceSymbols(deps: EditorDeps, workspace: WorkspaceIndex): vscode.Disposable {
  const notes = workspace.notes;
  // Per model (one per document version, or per file on disk until it changes).
  const entries = new WeakMap<NotesModel, SymbolEntry[]>();
  const entriesFor = (model: NotesModel): SymbolEntry[] => {
    let list = entries.get(model);
    if (!list) entries.set(model, (list = workspaceSymbolEntries(model)));
    return list;
  };
  return vscode.Disposable.from(
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols(query, token) {
        return guardedAsync(deps, 'workspace symbols', token, [], async () => {
          const out: vscode.SymbolInformation[] = [];
          const lowerQuery = query.toLowerCase();
          // Track keys first: one entry per key, at the mention that starts its story.
          for (const [key, mentions] of (await workspace.whenReady(token)).tracks) {
            if (token.isCancellationRequested) return [];
            if ((lowerQuery && !matchesQuery(lowerQuery, key)) || mentions.length === 0) continue;
            const location = await mentionLocation(workspace, mentions[0]);
            if (location) out.push(new vscode.SymbolInformation(key, vscode.SymbolKind.Key, `track=${key} · ${mentions.length}`, location));
          }
          for (const uri of await notes.files(token)) {
            if (token.isCancellationRequested) return [];
            const model = await notes.model(uri);
            if (!model) continue;
            for (const e of entriesFor(model)) {
              if (lowerQuery && !matchesQuery(lowerQuery, e.lowerLabel)) continue;
              // Positions only for what is shown.
              const range = new vscode.Range(toPosition(model.positionAt(e.start)), toPosition(model.positionAt(e.end)));
              out.push(new vscode.SymbolInformation(e.label, KINDS[e.kind], e.container, new vscode.Location(uri, range)));
              if (out.length >= MAX_RESULTS) return out;
            }
          }
          return out;
        });
      },
    }),
  );
}
