/**
 * Dismissed detection suggestions: which texts of which file the analyst dismissed (kept in the
 * extension's workspace or global state, never in the file), and the command that shows them
 * again.
 */
import * as vscode from 'vscode';

/** The command that brings dismissed suggestions back (contributed in package.json). */
export const SHOW_DISMISSED_SUGGESTIONS = 'summitNotes.showDismissedSuggestions';
/** The quick fix's command: arguments (uri string, kind, text). Internal, not in the palette. */
export const DISMISS_SUGGESTION = 'summitNotes.dismissSuggestion';
const STATE_KEY = 'summitNotes.dismissedSuggestions';

/** What identifies a suggestion across edits and restarts: its kind and its text, per file. */
export interface SuggestionKey {
  readonly kind: 'figure' | 'initiative';
  readonly text: string;
}

/** Where the lists are kept: the workspace's state, or the global state for files outside a workspace. */
export interface DismissalStorage {
  readonly workspaceState: vscode.Memento;
  readonly globalState: vscode.Memento;
}

type Stored = Record<string, readonly string[]>;

function keyOf(s: SuggestionKey): string {
  return `${s.kind}\u0001${s.text}`;
}

/**
 * Suggestions the analyst dismissed, per file uri, stored in the extension's state (the file is
 * never edited). A dismissed suggestion stays hidden for that text until "Show Dismissed
 * Suggestions Again".
 */
export class DismissedSuggestions implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a suggestion is dismissed or the dismissed ones are restored. */
  readonly onDidChange = this.changed.event;
  private readonly sets = new Map<string, ReadonlySet<string>>();

  constructor(private readonly storage: DismissalStorage) {}

  private memento(uri: vscode.Uri): vscode.Memento {
    return vscode.workspace.getWorkspaceFolder(uri) ? this.storage.workspaceState : this.storage.globalState;
  }

  private stored(memento: vscode.Memento): Stored {
    const value = memento.get<unknown>(STATE_KEY);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
  }

  /** The dismissed keys of one file (cached until the next change). */
  private setOf(uri: vscode.Uri): ReadonlySet<string> {
    const key = uri.toString();
    let set = this.sets.get(key);
    if (set === undefined) {
      const list = this.stored(this.memento(uri))[key];
      set = new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
      this.sets.set(key, set);
    }
    return set;
  }

  /** Whether `suggestion` was dismissed in the file at `uri`. */
  isDismissed(uri: vscode.Uri, suggestion: SuggestionKey): boolean {
    const set = this.setOf(uri);
    return set.size > 0 && set.has(keyOf(suggestion));
  }

  /** Whether the file has any dismissed suggestion (lets callers skip filtering). */
  any(uri: vscode.Uri): boolean {
    return this.setOf(uri).size > 0;
  }

  async dismiss(uri: vscode.Uri, suggestion: SuggestionKey): Promise<void> {
    const memento = this.memento(uri);
    const all = { ...this.stored(memento) };
    const key = uri.toString();
    const list = new Set(all[key] ?? []);
    list.add(keyOf(suggestion));
    all[key] = [...list];
    await memento.update(STATE_KEY, all);
    this.sets.delete(key);
    this.changed.fire();
  }

  /** Forgets the dismissals of one file, or of every file when `uri` is undefined. Resolves to how many came back. */
  async restore(uri?: vscode.Uri): Promise<number> {
    let count = 0;
    for (const memento of [this.storage.workspaceState, this.storage.globalState]) {
      const all = { ...this.stored(memento) };
      const keys = uri ? [uri.toString()] : Object.keys(all);
      let touched = false;
      for (const key of keys) {
        if (!all[key]) continue;
        count += all[key].length;
        delete all[key];
        touched = true;
      }
      if (touched) await memento.update(STATE_KEY, all);
    }
    this.sets.clear();
    this.changed.fire();
    return count;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
