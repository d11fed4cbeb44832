// Typing into a 1 MB notes file inside the real editor: the time from each keystroke to updated
// decorations, split into its parts (the change event reaching the extension host, the debounce
// and whatever ran before, the model, finding the ranges, setDecorations), and how long each of
// our features held the extension host meanwhile. The numbers go into the test's title; the
// assertions check behaviour (the text typed, the decorations of the last version painted around
// the cursor, not across the whole file), never times.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, writeWorkspaceFile, testHook } from './helpers';
import { deleteGenerated, generatedNotes, revertAndCloseAll } from './editorHelpers';

interface DecorationTiming {
  uri: string; version: number; ms: number; count: number; eventAt: number;
  waitMs: number; modelMs: number; rangesMs: number; setMs: number; stylesSet: number; lines: [number, number];
}
interface WorkEntry { what: string; ms: number; at: number }
interface Painted { version: number; first: number; last: number; ranges: Record<string, number[]> }

const KEYSTROKES = 12;
/** About eight characters a second: a fast typist. */
const KEY_INTERVAL_MS = 120;

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 1 : 0)}`;
}

function workLog(since: number): Promise<WorkEntry[]> {
  return Promise.resolve(testHook<WorkEntry[]>('workLog', since));
}

function painted(uri: vscode.Uri): Promise<Painted | undefined> {
  return Promise.resolve(testHook<Painted | undefined>('paintedDecorations', uri.toString()));
}

/** Waits until none of our work has run for `quietMs` (what opening the file started has settled). */
async function settled(quietMs: number, timeout = 60_000): Promise<void> {
  await waitFor(async () => {
    const now = performance.now();
    const recent = await workLog(now - quietMs);
    return recent.length === 0;
  }, `our work to settle for ${quietMs} ms`, { timeout, interval: 100 });
}

/** Per feature: how many pieces, their total and the longest, largest total first. */
function byFeature(entries: WorkEntry[]): string {
  const groups = new Map<string, { n: number; total: number; max: number }>();
  for (const e of entries) {
    const g = groups.get(e.what) ?? { n: 0, total: 0, max: 0 };
    g.n++;
    g.total += e.ms;
    g.max = Math.max(g.max, e.ms);
    groups.set(e.what, g);
  }
  return [...groups].sort((a, b) => b[1].total - a[1].total)
    .map(([what, g]) => `${what} ${g.n}× ${ms(g.total)} ms (max ${ms(g.max)})`).join(', ');
}

/** When each keystroke was typed and when its change event reached the extension host. */
interface Keystrokes {
  readonly keys: { version: number; at: number }[];
  readonly arrivals: Map<number, number>;
  readonly start: number;
}

/** Types KEYSTROKES characters at the end of `line`, at a typist's pace, through the `type` command. */
async function typeAtPace(editor: vscode.TextEditor, line: number): Promise<Keystrokes> {
  const document = editor.document;
  const end = document.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  const arrivals = new Map<number, number>();
  const listener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && e.contentChanges.length) arrivals.set(e.document.version, performance.now());
  });
  const start = performance.now();
  const keys: { version: number; at: number }[] = [];
  try {
    for (let i = 0; i < KEYSTROKES; i++) {
      const at = performance.now();
      // `type` goes through the editor as a keystroke does (cursor, auto-closing, undo stops).
      await vscode.commands.executeCommand('type', { text: 'x' });
      keys.push({ version: document.version, at });
      // The pace of typing, not a wait for some state.
      await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
    }
  } finally {
    listener.dispose();
  }
  assert.ok(document.lineAt(line).text.endsWith('x'.repeat(KEYSTROKES)), document.lineAt(line).text);
  return { keys, arrivals, start };
}

function arrivalMedian(typed: Keystrokes): number {
  return median(typed.keys.map((k) => (typed.arrivals.get(k.version) ?? NaN) - k.at));
}

describe('editor: typing in a 1 MB file', () => {
  const generated: vscode.Uri[] = [];
  before(activeExtension);
  afterEach(revertAndCloseAll);
  after(() => deleteGenerated(generated));

  it('control: the same typing in the same text as plain text (no Summit Notes features)', async function () {
    this.timeout(240_000);
    const uri = await writeWorkspaceFile('typing-1mb.txt', generatedNotes(1024 * 1024));
    generated.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    assert.strictEqual(document.languageId, 'plaintext');
    const typed = await typeAtPace(editor, 12);
    if (this.test) this.test.title += ` — change event arrives ${ms(arrivalMedian(typed))} ms after the keystroke (median)`;
  });

  it('repaints around the cursor after each keystroke; where the time goes', async function () {
    this.timeout(240_000);
    const uri = await writeWorkspaceFile('typing-1mb.summit.md', generatedNotes(1024 * 1024));
    generated.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor(async () => (await painted(uri))?.version === document.version, 'the first paint', { timeout: 60_000 });
    await settled(1500);

    // The cursor at the end of a paragraph near the top, as an analyst adding a word.
    const line = 12;
    const typed = await typeAtPace(editor, line);
    const { keys, start } = typed;
    await waitFor(async () => (await painted(uri))?.version === document.version, 'the decorations of the last keystroke', { timeout: 30_000 });
    await settled(1500);

    const last = await painted(uri);
    const timings = await testHook<DecorationTiming[]>('decorationTimings');
    const rows = keys.map((k) => {
      const t = timings.find((x) => x.version === k.version && x.uri === uri.toString());
      return { t, total: t ? t.eventAt + t.ms - k.at : NaN };
    });
    const painted1 = rows.filter((r) => r.t);
    const pick = (f: (t: DecorationTiming) => number): number => median(painted1.map((r) => f(r.t as DecorationTiming)));
    const work = await workLog(start);
    const ours = work.reduce((n, e) => n + e.ms, 0);
    const report = `keystroke → decorations set: median ${ms(median(painted1.map((r) => r.total)))} ms, max ${ms(Math.max(...painted1.map((r) => r.total)))} ms`
      + ` (${painted1.length}/${KEYSTROKES} keystrokes painted on their own); parts (medians): change event arrives ${ms(arrivalMedian(typed))} ms,`
      + ` debounce+queue ${ms(pick((t) => t.waitMs))}, model ${ms(pick((t) => t.modelMs))}, ranges ${ms(pick((t) => t.rangesMs))},`
      + ` setDecorations ${ms(pick((t) => t.setMs))} ms for ${pick((t) => t.count)} ranges on lines ${(last?.first ?? 0) + 1}–${(last?.last ?? 0) + 1};`
      + ` our work on the extension host over ${KEYSTROKES} keystrokes and 1.5 s after: ${ms(ours)} ms — ${byFeature(work)}`;
    if (this.test) this.test.title += ` — ${report}`;

    // Behaviour: the last version is painted around the cursor, not everywhere.
    assert.ok(last && last.first <= line && line <= last.last, `the painted lines ${last?.first}–${last?.last} hold line ${line}`);
    assert.ok(last.last - last.first + 1 < document.lineCount, 'a 1 MB file is painted near the visible lines only');
    assert.ok((last.ranges.initiativeOpen?.length ?? 0) > 0, 'initiatives are painted');
    assert.ok((last.ranges['ruler:initiative']?.length ?? 0) > 0, 'the overview ruler has marks');
  });
});
