import * as vscode from 'vscode';
import type { Annotation, NotesModel } from '../core';
import { toRange } from './convert';
import type { EditorDeps } from './notesDocuments';

/** Statuses shown with a solid border (it happened) and struck through (it did not). */
const SETTLED = new Set(['agreed', 'launched', 'done', 'signed', 'adopted']);
const REJECTED = new Set(['rejected', 'dropped', 'withdrawn']);
/** Light debounce while typing: VS Code moves existing decorations with the edit meanwhile, so nothing flickers. */
const DEBOUNCE_MS = 40;

type Style = 'initiativeOpen' | 'initiativeSettled' | 'initiativeRejected' | 'figure' | 'actor' | 'attributes';

function color(id: string): vscode.ThemeColor {
  return new vscode.ThemeColor(`summitNotes.${id}`);
}

/** The decoration types, created once for the extension's lifetime. */
function createStyles(): Record<Style, vscode.TextEditorDecorationType> {
  const ruler = vscode.OverviewRulerLane.Right;
  const initiative: vscode.DecorationRenderOptions = {
    backgroundColor: color('initiativeBackground'),
    borderColor: color('initiativeBorder'),
    borderRadius: '3px',
    overviewRulerColor: color('initiativeBorder'),
    overviewRulerLane: ruler,
  };
  return {
    // Proposed or supported: a dashed outline, still open.
    initiativeOpen: vscode.window.createTextEditorDecorationType({ ...initiative, borderWidth: '1px', borderStyle: 'dashed' }),
    // Agreed, launched, done: a solid outline.
    initiativeSettled: vscode.window.createTextEditorDecorationType({ ...initiative, borderWidth: '1px', borderStyle: 'solid' }),
    initiativeRejected: vscode.window.createTextEditorDecorationType({ ...initiative, textDecoration: 'line-through', opacity: '0.75' }),
    figure: vscode.window.createTextEditorDecorationType({
      backgroundColor: color('figureBackground'),
      borderColor: color('figureBorder'),
      borderWidth: '0 0 2px 0',
      borderStyle: 'solid',
      overviewRulerColor: color('figureBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
    }),
    actor: vscode.window.createTextEditorDecorationType({
      backgroundColor: color('actorBackground'),
      borderColor: color('actorBorder'),
      borderWidth: '0 0 1px 0',
      borderStyle: 'dotted',
      overviewRulerColor: color('actorBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
    // The `{…}` blocks step back so the text reads first.
    attributes: vscode.window.createTextEditorDecorationType({ opacity: '0.6' }),
  };
}

function statusStyle(a: Annotation): Style {
  const status = a.attribute('status');
  if (status && REJECTED.has(status)) return 'initiativeRejected';
  if (status && SETTLED.has(status)) return 'initiativeSettled';
  return 'initiativeOpen';
}

/** The ranges of each style for a model, with the status as a faint suffix on initiatives. */
export function decorationsFor(model: NotesModel): Record<Style, vscode.DecorationOptions[]> {
  const out: Record<Style, vscode.DecorationOptions[]> = {
    initiativeOpen: [], initiativeSettled: [], initiativeRejected: [], figure: [], actor: [], attributes: [],
  };
  for (const a of model.annotations) {
    if (!a.kind) continue;
    const style: Style = a.kind === 'initiative' ? statusStyle(a) : a.kind;
    out[style].push({ range: toRange(a.contentRange) });
    if (a.attributeRange.end > a.attributeRange.start) out.attributes.push({ range: toRange(a.attributeRange) });
  }
  return out;
}

/** Time from an edit to updated decorations, for the log and the integration test. */
export interface DecorationTiming {
  readonly uri: string;
  readonly version: number;
  /** From the change event to `setDecorations` done. */
  readonly ms: number;
  readonly count: number;
}

/**
 * Highlighting: every initiative, figure and actor in the visible notes editors, coloured by the
 * theme colours `summitNotes.*` (package.json `colors`), updated on change events, lightly debounced.
 */
export function registerDecorations(deps: EditorDeps): vscode.Disposable {
  const styles = createStyles();
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; since: number }>();
  let lastTiming: DecorationTiming | undefined;
  const enabled = (document: vscode.TextDocument): boolean =>
    vscode.workspace.getConfiguration('summitNotes', document).get<boolean>('highlighting.enabled') !== false;

  const clear = (editor: vscode.TextEditor): void => {
    for (const type of Object.values(styles)) editor.setDecorations(type, []);
  };

  const paint = (editor: vscode.TextEditor, since?: number): void => {
    try {
      const model = enabled(editor.document) ? deps.notes.model(editor.document) : undefined;
      if (!model) return clear(editor);
      const ranges = decorationsFor(model);
      let count = 0;
      for (const style of Object.keys(styles) as Style[]) {
        editor.setDecorations(styles[style], ranges[style]);
        count += ranges[style].length;
      }
      if (since !== undefined) {
        lastTiming = { uri: editor.document.uri.toString(), version: editor.document.version, ms: Date.now() - since, count };
        if (model.text.length > 512 * 1024) {
          deps.log(`decorations updated ${lastTiming.ms} ms after the edit (${count} ranges, ${(model.text.length / 1048576).toFixed(1)} MB)`);
        }
      }
    } catch (err) {
      deps.log(`highlighting failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const paintVisible = (): void => {
    for (const editor of vscode.window.visibleTextEditors) paint(editor);
  };

  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const waiting = pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    const since = waiting?.since ?? Date.now();
    pending.set(key, {
      since,
      timer: setTimeout(() => {
        pending.delete(key);
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document === document) paint(editor, since);
        }
      }, DEBOUNCE_MS),
    });
  };

  paintVisible();
  return vscode.Disposable.from(
    ...Object.values(styles),
    deps.notes.onDidChange(schedule),
    vscode.window.onDidChangeVisibleTextEditors(paintVisible),
    vscode.workspace.onDidOpenTextDocument(() => paintVisible()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('summitNotes')) paintVisible();
    }),
    // The last timing, for the integration test that measures edit → decorations on a 1 MB file.
    vscode.commands.registerCommand('summitNotes.internal.decorationTiming', () => lastTiming),
    { dispose: () => pending.forEach((p) => clearTimeout(p.timer)) },
  );
}
