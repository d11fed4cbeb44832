/**
 * The models of every notes file in the workspace, for the tree's workspace scope and workspace
 * symbols.
 */
import * as vscode from 'vscode';
import { parseNotes, type NotesModel } from '../core';
import type { EditorDeps } from './notesDocuments';

export const NOTES_GLOB = '**/*.summit.md';
/** Files the tree's workspace scope and workspace symbols list (each keeps a model per file). */
const MAX_FILES = 2000;
/** Files the workspace index reads (it keeps a small summary per file, not the model). */
export const MAX_INDEXED_FILES = 20_000;

/**
 * The models of every `*.summit.md` file in the workspace: open documents through the shared
 * cache, closed files read with `workspace.fs` (so it works in the web extension host too) and
 * cached until the file watcher reports a change. Used by workspace symbols and the tree.
 */
export class WorkspaceNotes implements vscode.Disposable {
  private readonly closed = new Map<string, NotesModel | undefined>();
  /** Files the watcher saw deleted (and not created again): a document VS Code still holds for one is not the file's. */
  private readonly deleted = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(NOTES_GLOB);
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[];
  /** Fires when a notes file on disk was created, changed or deleted. */
  readonly onDidChangeFile = this.changeEmitter.event;

  constructor(private readonly deps: EditorDeps) {
    const forget = (uri: vscode.Uri): void => {
      this.closed.delete(uri.toString());
      this.changeEmitter.fire(uri);
    };
    this.disposables = [
      this.watcher, this.changeEmitter,
      this.watcher.onDidChange(forget),
      this.watcher.onDidCreate((uri) => {
        this.deleted.delete(uri.toString());
        forget(uri);
      }),
      this.watcher.onDidDelete((uri) => {
        this.deleted.add(uri.toString());
        forget(uri);
      }),
    ];
  }

  /** Uris of the notes files, sorted by path; open notes documents outside the glob included. */
  async files(token?: vscode.CancellationToken, maxFiles = MAX_FILES): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(NOTES_GLOB, undefined, maxFiles, token);
    const seen = new Set(found.map((u) => u.toString()));
    for (const doc of vscode.workspace.textDocuments) {
      if (this.deps.notes.isActive(doc) && !seen.has(doc.uri.toString())) found.push(doc.uri);
    }
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }

  /**
   * The model of `uri`: the open document's, else the file's (undefined when too large, binary or
   * unreadable). A closed file's model is kept until the file changes, unless `keep` is false (the
   * workspace index reads every file once and keeps only its summary).
   */
  async model(uri: vscode.Uri, keep = true): Promise<NotesModel | undefined> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    // A deleted file's document that VS Code still holds counts only while it has unsaved text.
    if (open && !(this.deleted.has(key) && !open.isDirty)) return this.deps.notes.model(open);
    if (this.deleted.has(key)) return undefined;
    // An untitled note exists only while open: once closed there is nothing to read.
    if (uri.scheme === 'untitled') return undefined;
    if (this.closed.has(key)) return this.closed.get(key);
    let model: NotesModel | undefined;
    try {
      const maxMB = vscode.workspace.getConfiguration('summitNotes', uri).get<number>('maxFileSizeMB') ?? 0;
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(maxMB > 0 && stat.size > maxMB * 1024 * 1024)) {
        const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        // Let other work of the extension host run between files: a workspace listing may parse many.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (!text.slice(0, 65536).includes('\u0000')) model = parseNotes(text);
      }
    } catch (err) {
      this.deps.log(`could not read ${uri.path.split('/').pop()}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (keep) this.closed.set(key, model);
    return model;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.closed.clear();
  }
}
