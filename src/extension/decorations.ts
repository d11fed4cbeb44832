/**
 * Highlighting in the notes editors: paints what the core's highlights name (highlightsIn, near
 * the visible lines) and the overview ruler's runs of lines (rulerMarks), with the window and
 * repaint rules of core/editor/paintWindow.ts. Styles are in decorationStyles.ts, timings in
 * decorationTimings.ts.
 */
import * as vscode from 'vscode';
import { testHooks } from './testHooks';
import type { NotesModel } from '../core';
import { HIGHLIGHT_STYLES, highlightsIn, nearWindowEdge, paintWindow, PositionCursor, RULER_LANES, rulerMarks, sameNumbers, untouchedSince, type RulerMarks } from '../core';
import { createRulerStyles, createStyles } from './decorationStyles';
import { decorationTimings } from './decorationTimings';
import { settleDelay, type EditorDeps } from './notesDocuments';
import { timed } from './workLog';

/** Light debounce while typing: VS Code moves existing decorations with the edit meanwhile, so nothing flickers. */
const DEBOUNCE_MS = 40;
/** The overview ruler (whole file) follows a little later: its marks move with the text meanwhile. */
const RULER_DEBOUNCE_MS = 400;

/** What one editor shows: the lines painted and the ranges last set per style (to skip equal ones). */
interface Painted {
  document: vscode.TextDocument;
  version: number;
  first: number;
  last: number;
  ranges: Map<string, number[]>;
  /** The lowest offset any edit touched since the text was last painted (Infinity: none). */
  editFloor: number;
}

/**
 * Highlighting: every initiative, figure and actor in the visible notes editors, coloured by the
 * theme colours `summitNotes.*` (package.json `colors`). The text is painted for the visible lines
 * and a margin around them (repainted when scrolling nears its edge), so a keystroke in a 1 MB
 * file sets a few hundred ranges, not 20k; the overview ruler shows the whole file as merged runs
 * of lines, updated a little after typing stops and only when they moved. Styles whose ranges did
 * not change are not set again.
 */
export function registerDecorations(deps: EditorDeps): vscode.Disposable {
  const styles = createStyles();
  const rulerStyles = createRulerStyles();
  const painted = new Map<vscode.TextEditor, Painted>();
  const rulerCache = new WeakMap<NotesModel, RulerMarks>();
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; since: number }>();
  const rulerTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const timings = decorationTimings(deps.log);
  const enabled = (document: vscode.TextDocument): boolean =>
    vscode.workspace.getConfiguration('summitNotes', document).get<boolean>('highlighting.enabled') !== false;

  /**
   * Sets `flat` for `type` unless the editor already shows exactly these; returns whether it set
   * them. Offsets (the text) are compared with the edits since in mind; line runs (the ruler) as they are.
   */
  const set = (editor: vscode.TextEditor, state: Painted, key: string, type: vscode.TextEditorDecorationType, flat: number[], toRanges: () => vscode.Range[]): boolean => {
    const old = state.ranges.get(key);
    if (sameNumbers(old, flat) && (key.startsWith('ruler:') || untouchedSince(flat, state.editFloor))) return false;
    editor.setDecorations(type, toRanges());
    state.ranges.set(key, flat);
    return true;
  };

  const clear = (editor: vscode.TextEditor): void => {
    const state = painted.get(editor);
    if (!state) return;
    for (const style of HIGHLIGHT_STYLES) set(editor, state, style, styles[style], [], () => []);
    for (const lane of RULER_LANES) set(editor, state, `ruler:${lane}`, rulerStyles[lane], [], () => []);
    painted.delete(editor);
  };

  const stateOf = (editor: vscode.TextEditor): Painted => {
    let state = painted.get(editor);
    if (!state || state.document !== editor.document) {
      state = { document: editor.document, version: -1, first: 0, last: -1, ranges: new Map(), editFloor: Number.POSITIVE_INFINITY };
      painted.set(editor, state);
    }
    return state;
  };

  const modelOf = (editor: vscode.TextEditor): NotesModel | undefined =>
    enabled(editor.document) ? deps.notes.model(editor.document) : undefined;

  /** The text's decorations near the visible lines. */
  const paintText = (editor: vscode.TextEditor, since?: number): void => timed('decorations', () => {
    try {
      const t0 = performance.now();
      const model = modelOf(editor);
      if (!model) return clear(editor);
      const t1 = performance.now();
      const state = stateOf(editor);
      const [first, last] = windowOf(editor);
      const from = model.offsetAt({ line: first, character: 0 });
      const to = model.offsetAt({ line: last + 1, character: 0 });
      const found = highlightsIn(model, from, to);
      const t2 = performance.now();
      let count = 0;
      let stylesSet = 0;
      for (const style of HIGHLIGHT_STYLES) {
        const flat = found[style];
        count += flat.length / 2;
        if (set(editor, state, style, styles[style], flat, () => toRanges(model, flat))) stylesSet++;
      }
      state.version = editor.document.version;
      state.editFloor = Number.POSITIVE_INFINITY;
      state.first = first;
      state.last = last;
      const t3 = performance.now();
      if (since !== undefined) {
        timings.record({
          uri: editor.document.uri.toString(), version: editor.document.version, ms: t3 - since, count, eventAt: since,
          waitMs: t0 - since, modelMs: t1 - t0, rangesMs: t2 - t1, setMs: t3 - t2, stylesSet, lines: [first, last],
        }, model.text.length);
      }
    } catch (err) {
      deps.log(`highlighting failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  /** The overview ruler's marks for the whole file (computed once per model, set when they moved). */
  const paintRuler = (editor: vscode.TextEditor): void => timed('decorations: overview ruler', () => {
    try {
      const model = modelOf(editor);
      if (!model) return clear(editor);
      let marks = rulerCache.get(model);
      if (!marks) rulerCache.set(model, (marks = rulerMarks(model)));
      const state = stateOf(editor);
      for (const lane of RULER_LANES) {
        const runs = marks[lane];
        set(editor, state, `ruler:${lane}`, rulerStyles[lane], runs, () => {
          const out: vscode.Range[] = [];
          for (let i = 0; i < runs.length; i += 2) out.push(new vscode.Range(runs[i], 0, runs[i + 1], 0));
          return out;
        });
      }
    } catch (err) {
      deps.log(`highlighting (overview ruler) failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  const paint = (editor: vscode.TextEditor): void => {
    paintText(editor);
    paintRuler(editor);
  };

  const paintVisible = (): void => {
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const editor of painted.keys()) if (!visible.has(editor)) painted.delete(editor);
    for (const editor of visible) paint(editor);
  };

  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    const waiting = pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    const since = waiting?.since ?? performance.now();
    pending.set(key, {
      since,
      timer: setTimeout(() => {
        pending.delete(key);
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document === document) paintText(editor, since);
        }
      }, DEBOUNCE_MS),
    });
    clearTimeout(rulerTimers.get(key));
    rulerTimers.set(key, setTimeout(() => {
      rulerTimers.delete(key);
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document === document) paintRuler(editor);
      }
    }, settleDelay(document, RULER_DEBOUNCE_MS)));
  };

  /** Scrolling: repaint when the visible lines come within a screen of the painted window's edge. */
  const scrolled = (e: vscode.TextEditorVisibleRangesChangeEvent): void => {
    const state = painted.get(e.textEditor);
    if (!state || state.version !== e.textEditor.document.version || e.visibleRanges.length === 0) return;
    const top = e.visibleRanges[0].start.line;
    const bottom = e.visibleRanges[e.visibleRanges.length - 1].end.line;
    if (nearWindowEdge(top, bottom, state.first, state.last, e.textEditor.document.lineCount - 1)) paintText(e.textEditor);
  };

  paintVisible();
  return vscode.Disposable.from(
    ...Object.values(styles),
    ...Object.values(rulerStyles),
    deps.notes.onDidChange(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const state of painted.values()) {
        if (state.document !== e.document) continue;
        for (const change of e.contentChanges) if (change.rangeOffset < state.editFloor) state.editFloor = change.rangeOffset;
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(paintVisible),
    vscode.window.onDidChangeTextEditorVisibleRanges(scrolled),
    vscode.workspace.onDidOpenTextDocument(() => paintVisible()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('summitNotes')) paintVisible();
    }),
    timings.hooks,
    // What an editor shows now, by style (offsets), for the tests of the painted window.
    testHooks.provide('paintedDecorations', (uri: string) => {
      for (const [editor, state] of painted) {
        if (editor.document.uri.toString() === uri) return { version: state.version, first: state.first, last: state.last, ranges: Object.fromEntries(state.ranges) };
      }
      return undefined;
    }),
    {
      dispose: () => {
        pending.forEach((p) => clearTimeout(p.timer));
        rulerTimers.forEach((t) => clearTimeout(t));
      },
    },
  );
}

/** The lines to paint for an editor: its visible lines and a margin (paintWindow). */
function windowOf(editor: vscode.TextEditor): [number, number] {
  const visible = editor.visibleRanges;
  const lastLine = editor.document.lineCount - 1;
  return paintWindow(visible[0]?.start.line, visible[visible.length - 1]?.end.line, lastLine);
}

/** Offsets `[start, end, …]` of one model as editor ranges (starts ascend: one cursor sweep). */
function toRanges(model: NotesModel, flat: readonly number[]): vscode.Range[] {
  const cursor = PositionCursor.of(model);
  const out: vscode.Range[] = new Array<vscode.Range>(flat.length / 2);
  for (let i = 0; i < flat.length; i += 2) {
    const startLine = cursor.lineOf(flat[i]);
    const startCharacter = cursor.characterAt(flat[i], startLine);
    const endLine = cursor.lineOf(flat[i + 1]);
    out[i / 2] = new vscode.Range(startLine, startCharacter, endLine, cursor.characterAt(flat[i + 1], endLine));
  }
  return out;
}
