/**
 * Highlighting in the notes editors: when to paint. The text is painted near the visible lines a
 * moment after typing (and again when scrolling nears the painted window's edge), the overview
 * ruler a little later; decorationPainter.ts paints (what the core's highlightsIn and rulerMarks
 * name), decorationStyles.ts holds the styles, decorationTimings.ts times the paints.
 */
import * as vscode from 'vscode';
import { testHooks } from './testHooks';
import { DecorationPainter } from './decorationPainter';
import { decorationTimings } from './decorationTimings';
import { settleDelay, type EditorDeps } from './notesDocuments';
import { timed } from './workLog';

/** Light debounce while typing: VS Code moves existing decorations with the edit meanwhile, so nothing flickers. */
const DEBOUNCE_MS = 40;
/** The overview ruler (whole file) follows a little later: its marks move with the text meanwhile. */
const RULER_DEBOUNCE_MS = 400;

/**
 * Highlighting: every initiative, figure and actor in the visible notes editors, coloured by the
 * theme colours `summitNotes.*` (package.json `colors`). The text is painted for the visible lines
 * and a margin around them (repainted when scrolling nears its edge), so a keystroke in a 1 MB
 * file sets a few hundred ranges, not 20k; the overview ruler shows the whole file as merged runs
 * of lines, updated a little after typing stops and only when they moved.
 */
export function registerDecorations(deps: EditorDeps): vscode.Disposable {
  const enabled = (document: vscode.TextDocument): boolean =>
    vscode.workspace.getConfiguration('summitNotes', document).get<boolean>('highlighting.enabled') !== false;
  const painter = new DecorationPainter((editor) => (enabled(editor.document) ? deps.notes.model(editor.document) : undefined));
  const timings = decorationTimings(deps.log);
  /** Per document waiting to be painted: when the first change event of the burst came. */
  const waitingSince = new Map<string, number>();
  const rulerTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** The text near the visible lines; `since` is when the edit it answers was first seen. */
  const paintText = (editor: vscode.TextEditor, since?: number): void => timed('decorations', () => {
    try {
      timings.paint(editor, since, (steps) => painter.paintText(editor, steps));
    } catch (err) {
      deps.log(`highlighting failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  const paintRuler = (editor: vscode.TextEditor): void => timed('decorations: overview ruler', () => {
    try {
      painter.paintRuler(editor);
    } catch (err) {
      deps.log(`highlighting (overview ruler) failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  const paintVisible = (): void => {
    const visible = new Set(vscode.window.visibleTextEditors);
    painter.keepOnly(visible);
    for (const editor of visible) {
      paintText(editor);
      paintRuler(editor);
    }
  };

  /** After `delay` ms of quiet, runs `paint` for each visible editor of `document` (one timer per document in `timers`). */
  const later = (timers: Map<string, ReturnType<typeof setTimeout>>, document: vscode.TextDocument, delay: number, paint: (editor: vscode.TextEditor) => void): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    const timer = setTimeout(() => {
      timers.delete(key);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) paint(editor);
    }, delay);
    timers.set(key, timer);
  };
  const textTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    // The first change event of a burst is when the wait began.
    const since = waitingSince.get(key) ?? performance.now();
    waitingSince.set(key, since);
    later(textTimers, document, DEBOUNCE_MS, (editor) => {
      waitingSince.delete(key);
      paintText(editor, since);
    });
    later(rulerTimers, document, settleDelay(document, RULER_DEBOUNCE_MS), paintRuler);
  };

  paintVisible();
  return vscode.Disposable.from(
    painter,
    deps.notes.onDidChange(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => painter.edited(e)),
    vscode.window.onDidChangeVisibleTextEditors(paintVisible),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (painter.needsRepaint(e)) paintText(e.textEditor);
    }),
    vscode.workspace.onDidOpenTextDocument(() => paintVisible()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('summitNotes')) paintVisible();
    }),
    timings.hooks,
    testHooks.provide('paintedDecorations', (uri: string) => painter.snapshot(uri)),
    {
      dispose: () => {
        textTimers.forEach((t) => clearTimeout(t));
        rulerTimers.forEach((t) => clearTimeout(t));
      },
    },
  );
}
