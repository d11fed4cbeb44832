/**
 * The dossier panel's "Show possible links": for each tracked initiative, the untracked mentions
 * in other articles that read alike (the core's suggested links), worked out off the keystroke
 * path, a pause after the workspace last changed, and only while the analyst has asked for them
 * (in a large workspace a pass takes about as long as several dossiers). Its "Link as track=KEY"
 * button gives such a mention the key in one undoable edit.
 */
import * as vscode from 'vscode';
import { buildDossier, setAttributeEdit, TRACK_ATTRIBUTE, type Dossier, type LinkSuggestion, type Workspace } from '../core';
import type { WorkspaceIndex } from './workspaceIndex';

/** How long the workspace stays unchanged before the links are looked for again. */
const PAUSE_MS = 800;

export class DossierSuggestions implements vscode.Disposable {
  private byKey = new Map<string, readonly LinkSuggestion[]>();
  private madeFor: Workspace | undefined;
  private merged: { dossier: Dossier; byKey: Map<string, readonly LinkSuggestion[]>; result: Dossier } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private enabled = false;

  /** `changed` is called when new suggestions are ready to show. */
  constructor(private readonly index: WorkspaceIndex, private readonly changed: () => void, private readonly log: (message: string) => void) {}

  get on(): boolean {
    return this.enabled;
  }

  /** Turns the suggestions on (looked for right away) or off (dropped). */
  set(on: boolean): void {
    this.enabled = on;
    clearTimeout(this.timer);
    if (on) {
      this.schedule(0);
      return;
    }
    this.byKey = new Map();
    this.madeFor = undefined;
    this.merged = undefined;
  }

  /** The workspace changed: look again once it has been quiet for a moment. */
  schedule(delayMs = PAUSE_MS): void {
    if (!this.enabled) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lookNow(), delayMs);
  }

  private lookNow(): void {
    if (!this.enabled) return;
    if (!this.index.isReady) {
      void this.index.whenReady().then(() => this.schedule(0), () => undefined);
      return;
    }
    const workspace = this.index.current;
    if (workspace === this.madeFor) return;
    try {
      const byKey = new Map<string, readonly LinkSuggestion[]>();
      for (const i of buildDossier(workspace).initiatives) if (i.suggested.length) byKey.set(i.key, i.suggested);
      this.byKey = byKey;
      this.madeFor = workspace;
      this.changed();
    } catch (err) {
      this.log(`dossier suggestions failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * `dossier` with the links last looked for. Between a change and the next look they may be a
   * moment old: the button checks its mention again before it edits.
   */
  withSuggestions(dossier: Dossier): Dossier {
    if (!this.enabled || this.byKey.size === 0) return dossier;
    if (this.merged?.dossier === dossier && this.merged.byKey === this.byKey) return this.merged.result;
    const result: Dossier = {
      ...dossier,
      initiatives: dossier.initiatives.map((i) => {
        const suggested = this.byKey.get(i.key);
        return suggested ? { ...i, suggested } : i;
      }),
    };
    this.merged = { dossier, byKey: this.byKey, result };
    return result;
  }

  /**
   * "Link as track=KEY" on the suggested mention at `path`/`start`: adds the key to it, one edit.
   * False (with a message) when that mention is no longer where it was; the links are looked for again.
   */
  async link(key: string, path: string, start: number): Promise<boolean> {
    const suggestion = this.byKey.get(key)?.find((s) => s.path === path && s.start === start);
    const uri = this.index.uriOf(path);
    const model = suggestion && await this.index.notes.model(uri);
    const annotation = suggestion && model?.annotations[suggestion.index];
    const edit = model && annotation && annotation.range.start === start && annotation.kind === 'initiative'
      ? setAttributeEdit(model, annotation, TRACK_ATTRIBUTE, key) : undefined;
    if (!model || !edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The notes changed since the suggestion was made; it is being looked for again.'));
      this.madeFor = undefined;
      this.schedule(0);
      return false;
    }
    const from = model.positionAt(edit.start);
    const to = model.positionAt(edit.end);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, new vscode.Range(from.line, from.character, to.line, to.character), edit.newText);
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.enabled = false;
  }
}
