/**
 * What each notes editor shows of the highlighting, and how it is changed: the painted window and
 * the ranges last set per style, so equal ranges are not set again. The decorations adapter
 * (decorations.ts) decides when to paint; this file only paints.
 */
import * as vscode from 'vscode';
import type { NotesModel } from '../core';
import { HIGHLIGHT_STYLES, highlightsIn, nearWindowEdge, paintWindow, PositionCursor, RULER_LANES, rulerMarks, sameNumbers, untouchedSince, type RulerMarks } from '../core';
import { createRulerStyles, createStyles } from './decorationStyles';

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

/** One paint of the text, for whoever watches (the timings). */
export interface TextPaint {
  readonly count: number;
  readonly stylesSet: number;
  readonly first: number;
  readonly last: number;
}

/** Marks taken between the steps of a paint (see decorationTimings.ts); the painter only calls them. */
export interface PaintSteps {
  modelRead(): void;
  rangesFound(): void;
}

const NO_STEPS: PaintSteps = { modelRead() {}, rangesFound() {} };

/** The decoration types and the painted state of every notes editor. */
export class DecorationPainter implements vscode.Disposable {
  private readonly styles = createStyles();
  private readonly rulerStyles = createRulerStyles();
  private readonly painted = new Map<vscode.TextEditor, Painted>();
  private readonly rulerCache = new WeakMap<NotesModel, RulerMarks>();

  /** `modelOf` gives the model to paint, or undefined to clear the editor (highlighting off, file refused). */
  constructor(private readonly modelOf: (editor: vscode.TextEditor) => NotesModel | undefined) {}

  /** The text's decorations near the visible lines; undefined when the editor was cleared instead. */
  paintText(editor: vscode.TextEditor, steps: PaintSteps = NO_STEPS): TextPaint | undefined {
    const model = this.modelOf(editor);
    if (!model) {
      this.clear(editor);
      return undefined;
    }
    steps.modelRead();
    const state = this.stateOf(editor);
    const [first, last] = windowOf(editor);
    const found = highlightsIn(model, model.offsetAt({ line: first, character: 0 }), model.offsetAt({ line: last + 1, character: 0 }));
    steps.rangesFound();
    let count = 0;
    let stylesSet = 0;
    for (const style of HIGHLIGHT_STYLES) {
      const flat = found[style];
      count += flat.length / 2;
      if (this.set(editor, state, style, this.styles[style], flat, () => toRanges(model, flat))) stylesSet++;
    }
    state.version = editor.document.version;
    state.editFloor = Number.POSITIVE_INFINITY;
    state.first = first;
    state.last = last;
    return { count, stylesSet, first, last };
  }

  /** The overview ruler's marks for the whole file (computed once per model, set when they moved). */
  paintRuler(editor: vscode.TextEditor): void {
    const model = this.modelOf(editor);
    if (!model) return this.clear(editor);
    let marks = this.rulerCache.get(model);
    if (!marks) this.rulerCache.set(model, (marks = rulerMarks(model)));
    const state = this.stateOf(editor);
    for (const lane of RULER_LANES) {
      const runs = marks[lane];
      this.set(editor, state, `ruler:${lane}`, this.rulerStyles[lane], runs, () => {
        const out: vscode.Range[] = [];
        for (let i = 0; i < runs.length; i += 2) out.push(new vscode.Range(runs[i], 0, runs[i + 1], 0));
        return out;
      });
    }
  }

  /** Whether scrolling brought the visible lines within a screen of the painted window's edge. */
  needsRepaint(e: vscode.TextEditorVisibleRangesChangeEvent): boolean {
    const state = this.painted.get(e.textEditor);
    if (!state || state.version !== e.textEditor.document.version || e.visibleRanges.length === 0) return false;
    const top = e.visibleRanges[0].start.line;
    const bottom = e.visibleRanges[e.visibleRanges.length - 1].end.line;
    return nearWindowEdge(top, bottom, state.first, state.last, e.textEditor.document.lineCount - 1);
  }

  /** Remembers where an edit touched, so ranges equal in number but moved by it are set again. */
  edited(e: vscode.TextDocumentChangeEvent): void {
    for (const state of this.painted.values()) {
      if (state.document !== e.document) continue;
      for (const change of e.contentChanges) if (change.rangeOffset < state.editFloor) state.editFloor = change.rangeOffset;
    }
  }

  /** Forgets editors no longer visible. */
  keepOnly(visible: ReadonlySet<vscode.TextEditor>): void {
    for (const editor of this.painted.keys()) if (!visible.has(editor)) this.painted.delete(editor);
  }

  /** What an editor shows now, by style (offsets), for the tests of the painted window. */
  snapshot(uri: string): { version: number; first: number; last: number; ranges: Record<string, number[]> } | undefined {
    for (const [editor, state] of this.painted) {
      if (editor.document.uri.toString() === uri) return { version: state.version, first: state.first, last: state.last, ranges: Object.fromEntries(state.ranges) };
    }
    return undefined;
  }

  dispose(): void {
    for (const type of [...Object.values(this.styles), ...Object.values(this.rulerStyles)]) type.dispose();
    this.painted.clear();
  }

  /**
   * Sets `flat` for `type` unless the editor already shows exactly these; returns whether it set
   * them. Offsets (the text) are compared with the edits since in mind; line runs (the ruler) as they are.
   */
  private set(editor: vscode.TextEditor, state: Painted, key: string, type: vscode.TextEditorDecorationType, flat: number[], toRanges: () => vscode.Range[]): boolean {
    const old = state.ranges.get(key);
    if (sameNumbers(old, flat) && (key.startsWith('ruler:') || untouchedSince(flat, state.editFloor))) return false;
    editor.setDecorations(type, toRanges());
    state.ranges.set(key, flat);
    return true;
  }

  private clear(editor: vscode.TextEditor): void {
    const state = this.painted.get(editor);
    if (!state) return;
    for (const style of HIGHLIGHT_STYLES) this.set(editor, state, style, this.styles[style], [], () => []);
    for (const lane of RULER_LANES) this.set(editor, state, `ruler:${lane}`, this.rulerStyles[lane], [], () => []);
    this.painted.delete(editor);
  }

  private stateOf(editor: vscode.TextEditor): Painted {
    let state = this.painted.get(editor);
    if (!state || state.document !== editor.document) {
      state = { document: editor.document, version: -1, first: 0, last: -1, ranges: new Map(), editFloor: Number.POSITIVE_INFINITY };
      this.painted.set(editor, state);
    }
    return state;
  }
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
