/**
 * The open brief previews: which panel shows which notes file, the one that follows the active
 * editor, and restoring panels after a reload.
 */
import * as vscode from 'vscode';
import { createNotesMarkdown } from '../core';
import type { BriefPreviewState } from '../shared/previewMessages';
import { BriefPreview, BRIEF_VIEW_TYPE, type BriefPreviewDeps } from './briefPreview';
import { isNotesDocument, type NotesModelCache } from './modelCache';

/** Arguments of `summitNotes.showInBrief`: a notes document and an annotation id or an offset in it. */
export interface ShowInBriefArgs {
  /** A Uri, its string form, or its JSON form (command links pass arguments as JSON). */
  readonly uri: vscode.Uri | string | { scheme: string; path: string; authority?: string; query?: string; fragment?: string };
  readonly id?: string;
  readonly offset?: number;
}

/**
 * Owns every brief preview: one per document (`openBrief`), plus previews that follow the active
 * notes editor (`openLockedBrief`, or toggled with `toggleBriefLock`); restores them after a reload.
 */
export class BriefPreviewManager implements vscode.Disposable {
  private readonly previews = new Set<BriefPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly deps: BriefPreviewDeps;
  private activePreview: BriefPreview | undefined;

  constructor(extensionUri: vscode.Uri, models: NotesModelCache) {
    this.deps = { extensionUri, models, markdown: createNotesMarkdown({ blockLines: 'relative' }) };
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(BRIEF_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, state),
      }),
      models.onDidChange((document) => {
        for (const p of this.previewsOf(document.uri)) p.requestRender();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isNotesDocument(editor.document)) return;
        for (const p of this.previews) {
          if (p.follows && p.resource.toString() !== editor.document.uri.toString()) {
            p.setResource(editor.document.uri);
          }
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const top = e.visibleRanges[0]?.start.line;
        if (top === undefined) return;
        for (const p of this.previewsOf(e.textEditor.document.uri)) p.scrollEditorLine(top);
      }),
    );
  }

  /** Opens (or reveals) the brief of `uri`, beside the editor when `toSide`. */
  open(uri: vscode.Uri, options: { toSide: boolean; follows: boolean; preserveFocus?: boolean }): BriefPreview {
    const existing = [...this.previews].find((p) => p.follows === options.follows && (options.follows || p.resource.toString() === uri.toString()));
    const column = options.toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    if (existing) {
      existing.setResource(uri);
      existing.panel.reveal(column, options.preserveFocus ?? options.toSide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      BRIEF_VIEW_TYPE,
      vscode.l10n.t('Brief'),
      { viewColumn: column, preserveFocus: options.preserveFocus ?? options.toSide },
      { enableScripts: true, enableForms: false, enableFindWidget: true },
    );
    return this.track(new BriefPreview(panel, uri, options.follows, this.deps));
  }

  /** The preview whose panel is focused, else the last one that was. */
  get active(): BriefPreview | undefined {
    return this.activePreview;
  }

  /** Every open preview (tests and the latency measurement look at them). */
  all(): readonly BriefPreview[] {
    return [...this.previews];
  }

  /** `summitNotes.showInBrief`: open or reveal the brief of a document and scroll to an element. */
  async showIn(args: ShowInBriefArgs): Promise<BriefPreview> {
    const uri = toUri(args.uri);
    if (!uri) throw new Error('Show in Brief needs the uri of a notes file');
    const preview = this.previewsOf(uri)[0] ?? this.open(uri, { toSide: true, follows: false, preserveFocus: true });
    preview.panel.reveal(preview.panel.viewColumn, true);
    let line: number | undefined;
    if (args.offset !== undefined) {
      const document = await vscode.workspace.openTextDocument(uri);
      line = document.positionAt(args.offset).line;
    }
    preview.reveal({ id: args.id, line });
    return preview;
  }

  dispose(): void {
    for (const p of this.previews) p.dispose();
    this.previews.clear();
    for (const d of this.disposables) d.dispose();
  }

  private previewsOf(uri: vscode.Uri): BriefPreview[] {
    const key = uri.toString();
    return [...this.previews].filter((p) => p.resource.toString() === key);
  }

  private restore(panel: vscode.WebviewPanel, state: unknown): void {
    const s = (state ?? {}) as Partial<BriefPreviewState>;
    let uri: vscode.Uri | undefined;
    try {
      uri = typeof s.uri === 'string' && s.uri ? vscode.Uri.parse(s.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    uri ??= vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      panel.dispose();
      return;
    }
    this.track(new BriefPreview(panel, uri, Boolean(s.follows), this.deps, typeof s.line === 'number' ? s.line : undefined));
  }

  private track(preview: BriefPreview): BriefPreview {
    this.previews.add(preview);
    if (preview.panel.active) this.activePreview = preview;
    const viewState = preview.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.activePreview = preview;
      void vscode.commands.executeCommand('setContext', 'summitNotes.briefFollows', this.activePreview?.follows ?? false);
    });
    preview.onDidDispose(() => {
      viewState.dispose();
      this.previews.delete(preview);
      if (this.activePreview === preview) this.activePreview = undefined;
    });
    return preview;
  }
}

/** Accepts a Uri, a URI string or a Uri that went through JSON (a command link's argument). */
function toUri(value: ShowInBriefArgs['uri'] | undefined): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  try {
    if (typeof value === 'string') return vscode.Uri.parse(value, true);
    if (value && typeof value.scheme === 'string' && typeof value.path === 'string') {
      return vscode.Uri.from({ scheme: value.scheme, authority: value.authority, path: value.path, query: value.query, fragment: value.fragment });
    }
  } catch {
    // Not a URI: fall through.
  }
  return undefined;
}
