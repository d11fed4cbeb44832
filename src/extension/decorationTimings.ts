/**
 * How long highlighting took after an edit: the decorations adapter paints through this timer; it
 * keeps the last ones for the integration test that types into a 1 MB file (through the test
 * hooks) and logs the slow ones of large files. Nothing here changes what is painted.
 */
import * as vscode from 'vscode';
import type { PaintSteps, TextPaint } from './decorationPainter';
import { testHooks } from './testHooks';

/** Time from an edit to updated decorations, for the log and the integration test. */
export interface DecorationTiming {
  readonly uri: string;
  readonly version: number;
  /** From the change event to `setDecorations` done. */
  readonly ms: number;
  /** Ranges painted (the text's, near the visible lines). */
  readonly count: number;
  /** `performance.now()` when the first change event of this update reached the extension. */
  readonly eventAt: number;
  /** From the change event to the start of painting (the debounce and whatever else ran first). */
  readonly waitMs: number;
  /** Getting the model of the version (an in-place update or a parse). */
  readonly modelMs: number;
  /** Finding the ranges near the visible lines and converting them. */
  readonly rangesMs: number;
  /** The `setDecorations` calls (of the styles whose ranges changed). */
  readonly setMs: number;
  /** How many of the six styles were set (the rest had not changed). */
  readonly stylesSet: number;
  /** The lines painted, first and last. */
  readonly lines: readonly [number, number];
}

/** Large files get a log line per update: where the time went. */
const LOG_ABOVE_CHARS = 512 * 1024;
const KEPT = 100;

/** Times the paints that answer an edit; the test hooks read the last ones. */
export interface DecorationTimer {
  /** Runs `paint`; when it answers an edit first seen at `since` (`performance.now()`), records how long each step took. */
  paint(editor: vscode.TextEditor, since: number | undefined, paint: (steps?: PaintSteps) => TextPaint | undefined): void;
  readonly hooks: vscode.Disposable;
}

/** The timer the decorations adapter paints through, and the test hooks that read it. */
export function decorationTimings(log: (message: string) => void): DecorationTimer {
  let last: DecorationTiming | undefined;
  /** The last timings, oldest first (the typing test reads one per keystroke). */
  const timings: DecorationTiming[] = [];
  const record = (timing: DecorationTiming, textLength: number): void => {
    last = timing;
    timings.push(timing);
    if (timings.length > KEPT) timings.shift();
    if (textLength > LOG_ABOVE_CHARS) {
      log(`decorations updated ${timing.ms.toFixed(0)} ms after the edit (waited ${timing.waitMs.toFixed(0)}, model ${timing.modelMs.toFixed(0)}, ranges ${timing.rangesMs.toFixed(0)}, set ${timing.setMs.toFixed(0)} ms; ${timing.count} ranges on lines ${timing.lines[0] + 1}–${timing.lines[1] + 1} of ${(textLength / 1048576).toFixed(1)} MB)`);
    }
  };
  return {
    paint(editor, since, paint) {
      if (since === undefined) {
        paint();
        return;
      }
      const t0 = performance.now();
      let t1 = t0;
      let t2 = t0;
      const done = paint({ modelRead: () => (t1 = performance.now()), rangesFound: () => (t2 = performance.now()) });
      const t3 = performance.now();
      if (!done) return;
      const document = editor.document;
      record({
        uri: document.uri.toString(), version: document.version, ms: t3 - since, count: done.count, eventAt: since,
        waitMs: t0 - since, modelMs: t1 - t0, rangesMs: t2 - t1, setMs: t3 - t2, stylesSet: done.stylesSet, lines: [done.first, done.last],
      }, document.offsetAt(document.lineAt(document.lineCount - 1).range.end));
    },
    hooks: vscode.Disposable.from(
      testHooks.provide('decorationTiming', () => last),
      testHooks.provide('decorationTimings', () => timings.slice()),
    ),
  };
}
