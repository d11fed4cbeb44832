/**
 * What every editor feature is handed: guarded access to the model (no features on binary or too-
 * large files, never throwing) and the log.
 */
import * as vscode from 'vscode';
import type { NotesModel } from '../core';
import { isNotesDocument, type NotesModelCache } from './modelCache';
import { registerWorkLog, timed } from './workLog';

/** What every editor feature is handed: guarded access to the model and the log. */
export interface EditorDeps {
  readonly notes: NotesDocuments;
  readonly log: (message: string) => void;
}

/** Characters per MB of the `summitNotes.maxFileSizeMB` setting (text size, UTF-16 code units). */
const CHARS_PER_MB = 1024 * 1024;
/** How much of the start of a file is looked at for NUL characters (a binary file). */
const BINARY_PROBE_LINES = 200;

/**
 * The editor features' way to the model: only for notes documents, not for files above
 * `summitNotes.maxFileSizeMB` or binary ones (those get one message and no features), and never
 * throwing — a parser failure is logged and the feature shows nothing.
 */
export class NotesDocuments implements vscode.Disposable {
  private readonly refusals = new Map<string, { version: number; reason: string | undefined }>();
  private readonly told = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a notes document's text changed. */
  readonly onDidChange: vscode.Event<vscode.TextDocument>;

  constructor(private readonly models: NotesModelCache, private readonly log: (message: string) => void) {
    this.onDidChange = models.onDidChange;
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((doc) => this.refusals.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('summitNotes.maxFileSizeMB')) this.refusals.clear();
      }),
    );
  }

  /** Why the features are off for `document` (too large, binary), or undefined when they are on. */
  refusal(document: vscode.TextDocument): string | undefined {
    const key = document.uri.toString();
    const hit = this.refusals.get(key);
    if (hit && hit.version === document.version) return hit.reason;
    const reason = this.judge(document);
    this.refusals.set(key, { version: document.version, reason });
    if (reason && !this.told.has(key)) {
      this.told.add(key);
      this.log(`features off for ${document.uri.path.split('/').pop()}: ${reason}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Summit Notes: {0} Highlighting, hovers, outline and diagnostics are off for this file.', reason));
    }
    return reason;
  }

  private judge(document: vscode.TextDocument): string | undefined {
    const maxMB = vscode.workspace.getConfiguration('summitNotes', document).get<number>('maxFileSizeMB');
    // The length from the last position: no copy of a 50 MB text just to measure it.
    const length = document.offsetAt(new vscode.Position(document.lineCount, 0));
    if (maxMB !== undefined && maxMB > 0 && length > maxMB * CHARS_PER_MB) {
      return vscode.l10n.t('the file is {0} MB, above the summitNotes.maxFileSizeMB limit of {1} MB.', (length / CHARS_PER_MB).toFixed(1), maxMB);
    }
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, BINARY_PROBE_LINES), 0));
    if (head.slice(0, 65536).includes('\u0000')) return vscode.l10n.t('the file looks binary (it contains NUL characters).');
    return undefined;
  }

  /** True for a notes document whose features are on. */
  isActive(document: vscode.TextDocument): boolean {
    return isNotesDocument(document) && this.refusal(document) === undefined;
  }

  /** The model of a notes document at its current version; undefined when features are off or the parse failed. */
  model(document: vscode.TextDocument): NotesModel | undefined {
    if (!this.isActive(document)) return undefined;
    try {
      return timed('model', () => this.models.get(document));
    } catch (err) {
      this.log(`could not read ${document.uri.path.split('/').pop()}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Runs a provider body so it never throws into the editor: an error is logged and `fallback`
 * returned; a cancelled request also gets `fallback`.
 */
export function guarded<T>(deps: EditorDeps, what: string, token: vscode.CancellationToken | undefined, fallback: T, body: () => T): T {
  if (token?.isCancellationRequested) return fallback;
  try {
    return timed(what, body);
  } catch (err) {
    deps.log(`${what} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return fallback;
  }
}

/** The async form of `guarded`. */
export async function guardedAsync<T>(deps: EditorDeps, what: string, token: vscode.CancellationToken | undefined, fallback: T, body: () => Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) return fallback;
  try {
    const result = await body();
    return token?.isCancellationRequested ? fallback : result;
  } catch (err) {
    deps.log(`${what} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return fallback;
  }
}

/** A document this long (a 1 MB notes file has about 8 000 lines) counts as long for `settleDelay`. */
const LONG_DOCUMENT_LINES = 5000;
/** How long typing must pause in a long document before the work that reads the whole file runs. */
const LONG_DOCUMENT_SETTLE_MS = 1000;

/**
 * The debounce for work that reads the whole document after an edit (tree, hints, problems,
 * outline, ruler): `baseMs`, or in a long document a full second. There such work takes long
 * enough that, run at every short pause, it delays the next keystrokes' change events; the
 * highlighting near the cursor does not wait for it.
 */
export function settleDelay(document: vscode.TextDocument, baseMs: number): number {
  return document.lineCount >= LONG_DOCUMENT_LINES ? Math.max(baseMs, LONG_DOCUMENT_SETTLE_MS) : baseMs;
}

/** The editor features' shared pieces, built once in `activate`. */
export function createEditorDeps(models: NotesModelCache, log: (message: string) => void): EditorDeps & vscode.Disposable {
  const notes = new NotesDocuments(models, log);
  const workLog = registerWorkLog();
  return {
    notes, log, dispose: () => {
      notes.dispose();
      workLog.dispose();
    },
  };
}
