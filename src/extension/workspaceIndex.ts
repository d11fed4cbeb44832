/**
 * The workspace model behind the dossier, cross-file links and the tree's workspace mode: every
 * notes file reduced by the core (`updateFile`) and kept up to date on edit, save, create, delete
 * and rename, off the keystroke path.
 */
import * as vscode from 'vscode';
import { emptyWorkspace, fromFiles, removeFile, renameFile, summariseFile, updateFile, type Workspace, type WorkspaceFile } from '../core';
import { isNotesDocument } from './modelCache';
import type { EditorDeps } from './notesDocuments';
import { testHooks } from './testHooks';
import { MAX_INDEXED_FILES, WorkspaceNotes } from './workspaceNotes';

/** Edits are merged this long after the last keystroke: a burst of typing costs one re-merge. */
const MERGE_DELAY_MS = 40;

/**
 * One per extension. Files are keyed by `uri.toString()` (the core's `path`), so `uriOf` turns a
 * mention's `path` back into a uri. The first `whenReady()` reads every notes file (open documents
 * through the shared model cache); until then `current` is the empty workspace. Changes are queued
 * and merged in one pass after `MERGE_DELAY_MS`, then `onDidChange` fires with the new workspace.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly notes: WorkspaceNotes;
  private workspace: Workspace = emptyWorkspace();
  private loading: Promise<Workspace> | undefined;
  private loaded = false;
  private readonly dirty = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private merging: Promise<void> = Promise.resolve();
  private readonly changeEmitter = new vscode.EventEmitter<Workspace>();
  private readonly disposables: vscode.Disposable[];
  /** Fires after the workspace model changed (never before the first `whenReady()` finished). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly deps: EditorDeps) {
    this.notes = new WorkspaceNotes(deps);
    this.disposables = [
      this.notes, this.changeEmitter,
      deps.notes.onDidChange((doc) => this.queue(doc.uri)),
      this.notes.onDidChangeFile((uri) => this.queue(uri)),
      // An open document's unsaved text was the truth; once closed, the file on disk is.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (isNotesDocument(doc)) this.queue(doc.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isNotesDocument(doc)) this.queue(doc.uri);
      }),
      vscode.workspace.onDidRenameFiles((e) => this.renamed(e.files)),
      // The tracked keys and file count after every queued change is merged.
      testHooks.provide('workspaceIndex', async () => {
        const ws = await this.flush();
        return { files: ws.files.size, tracks: [...ws.tracks.keys()] };
      }),
    ];
  }

  /** The workspace as merged so far (empty until the first `whenReady()` finished). */
  get current(): Workspace {
    return this.workspace;
  }

  /** True once every file was read at least once. */
  get isReady(): boolean {
    return this.loaded;
  }

  /** The workspace once every notes file was read (the first call starts the reading). */
  whenReady(token?: vscode.CancellationToken): Promise<Workspace> {
    this.loading ??= this.load(token).then(
      (ws) => ws,
      (err: unknown) => {
        this.loading = undefined;
        throw err;
      },
    );
    return this.loading;
  }

  /** Starts the first reading of every notes file without waiting for it (a failure is logged). */
  startReading(): void {
    if (this.loaded) return;
    this.whenReady().catch((err: unknown) => this.deps.log(`workspace index: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** The key the core uses for `uri`'s file. */
  keyOf(uri: vscode.Uri): string {
    return uri.toString();
  }

  /** The uri of a mention's `path`. */
  uriOf(path: string): vscode.Uri {
    return vscode.Uri.parse(path, true);
  }

  /** Merges queued changes now (tests and commands that need the newest state). */
  async flush(): Promise<Workspace> {
    await this.whenReady();
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.mergeQueued();
    return this.workspace;
  }

  /**
   * Reads every notes file once, summarises it and drops its model (the closed files' models are
   * not kept for this), then merges the summaries in one pass: merging file by file would copy the
   * growing indexes once per file.
   */
  private async load(token?: vscode.CancellationToken): Promise<Workspace> {
    const files = new Map<string, WorkspaceFile>();
    for (const uri of await this.notes.files(token, MAX_INDEXED_FILES)) {
      if (token?.isCancellationRequested) break;
      const model = await this.notes.model(uri, false);
      const key = this.keyOf(uri);
      if (model) files.set(key, summariseFile(key, model));
    }
    const ws = fromFiles(files);
    this.workspace = ws;
    this.loaded = true;
    // Changes seen while reading are merged on top.
    if (this.dirty.size > 0) this.schedule();
    this.changeEmitter.fire(ws);
    return ws;
  }

  private queue(uri: vscode.Uri): void {
    if (!uri.path.endsWith('.summit.md') && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && isNotesDocument(d))) return;
    this.dirty.set(uri.toString(), uri);
    if (this.loaded) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.mergeQueued();
    }, MERGE_DELAY_MS);
  }

  /** One merge at a time; each reads the newest model of every queued file. */
  private mergeQueued(): Promise<void> {
    this.merging = this.merging.then(async () => {
      if (this.dirty.size === 0) return;
      const uris = [...this.dirty.values()];
      this.dirty.clear();
      let ws = this.workspace;
      for (const uri of uris) {
        try {
          const model = await this.notes.model(uri, false);
          ws = model ? updateFile(ws, this.keyOf(uri), model) : removeFile(ws, this.keyOf(uri));
        } catch (err) {
          this.deps.log(`workspace index: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (ws !== this.workspace) {
        this.workspace = ws;
        this.changeEmitter.fire(ws);
      }
    });
    return this.merging;
  }

  private renamed(files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): void {
    if (!this.loaded) return;
    let ws = this.workspace;
    for (const { oldUri, newUri } of files) {
      const from = this.keyOf(oldUri);
      if (!ws.files.has(from)) {
        // A folder rename moves every file under it.
        const prefix = from.endsWith('/') ? from : `${from}/`;
        for (const path of [...ws.files.keys()]) {
          if (path.startsWith(prefix)) ws = renameFile(ws, path, this.keyOf(newUri) + path.slice(from.length));
        }
        this.queue(newUri);
        continue;
      }
      ws = newUri.path.endsWith('.summit.md') ? renameFile(ws, from, this.keyOf(newUri)) : removeFile(ws, from);
    }
    if (ws !== this.workspace) {
      this.workspace = ws;
      this.changeEmitter.fire(ws);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
