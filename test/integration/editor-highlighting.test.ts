// Highlighting: decorations follow edits; the time from an edit to updated decorations on a
// 1 MB notes file is measured and shown in this test's title (and in the Summit Notes log).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, withSetting, writeWorkspaceFile, testHook } from './helpers';
import { deleteGenerated, generatedNotes, revertAndCloseAll, openCopy } from './editorHelpers';

interface DecorationTiming { uri: string; version: number; ms: number; count: number; lines: [number, number] }
interface Painted { version: number; first: number; last: number; ranges: Record<string, number[]> }

function painted(uri: vscode.Uri): Promise<Painted | undefined> {
  return Promise.resolve(testHook<Painted | undefined>('paintedDecorations', uri.toString()));
}

function timing(): Promise<DecorationTiming | undefined> {
  return Promise.resolve(testHook<DecorationTiming | undefined>('decorationTiming'));
}

/** Types one character at the end of the first body line and waits for the decorations of that version. */
async function typeAndWait(editor: vscode.TextEditor, line: number): Promise<DecorationTiming> {
  const document = editor.document;
  await editor.edit((b) => b.insert(document.lineAt(line).range.end, 'x'));
  const version = document.version;
  return waitFor(async () => {
    const t = await timing();
    return t && t.uri === document.uri.toString() && t.version === version && t;
  }, 'decorations for the edited version', { timeout: 30_000 });
}

describe('editor: highlighting', () => {
  const generated: vscode.Uri[] = [];
  before(activeExtension);
  afterEach(revertAndCloseAll);
  after(() => deleteGenerated(generated));

  it('decorates every initiative, figure and actor (text and attribute block) and follows edits', async () => {
    const { editor } = await openCopy('editor-edit.summit.md');
    const t = await typeAndWait(editor, 8);
    // 2 initiatives → 2 content ranges + 2 attribute blocks.
    assert.strictEqual(t.count, 4, editor.document.getText());
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), '[Harbour board]{.actor}\n'));
    const version = editor.document.version;
    const after = await waitFor(async () => {
      const x = await timing();
      return x && x.version === version && x;
    }, 'decorations after adding an actor');
    assert.strictEqual(after.count, 6);
  });

  it('clears the decorations when summitNotes.highlighting.enabled is off', async () => {
    const { editor } = await openCopy('editor-edit.summit.md');
    await withSetting('summitNotes', 'highlighting.enabled', false, async () => {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), ''));
      await editor.edit((b) => b.insert(editor.document.lineAt(8).range.end, 'y'));
      // Nothing is painted while it is off, so no timing for this version ever appears.
      const version = editor.document.version;
      await new Promise<void>((resolve) => setImmediate(resolve));
      const t = await timing();
      assert.ok(!t || t.version !== version || t.count === 0);
    });
  });

  it('updates the decorations of a 1 MB file soon after an edit, painting near the visible lines', async function () {
    this.timeout(120_000);
    const uri = await writeWorkspaceFile('generated-1mb.summit.md', generatedNotes(1024 * 1024));
    generated.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push((await typeAndWait(editor, 8 + i * 2)).ms);
    const last = await timing();
    assert.ok(last && last.count > 50, `${last?.count} decorations`);
    // Only the lines around the visible ones: a few hundred ranges, not the file's 20k+.
    assert.ok(last.lines[1] - last.lines[0] + 1 < document.lineCount / 4, `painted lines ${last.lines.join('–')} of ${document.lineCount}`);
    samples.sort((a, b) => a - b);
    // The measurement, visible in the spec output (times include the 40 ms debounce).
    if (this.test) this.test.title += ` — edit → decorations: median ${samples[2].toFixed(0)} ms, max ${samples[4].toFixed(0)} ms (${last.count} ranges on lines ${last.lines[0] + 1}–${last.lines[1] + 1})`;
  });

  it('paints where the editor scrolls to in a 1 MB file, with the right ranges', async function () {
    this.timeout(120_000);
    const uri = await writeWorkspaceFile('generated-scroll.summit.md', generatedNotes(1024 * 1024));
    generated.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor(async () => (await painted(uri))?.version === document.version, 'the first paint', { timeout: 60_000 });
    const text = document.getText();
    // An initiative far below the first screen: its text and attribute block are painted once it is in view.
    const open = text.indexOf('[a harbour project number 3000 ');
    const close = text.indexOf(']{.initiative #p3000 ', open);
    const blockEnd = text.indexOf('}', close) + 1;
    const target = document.positionAt(open).line;
    const before = await painted(uri);
    assert.ok(before && before.last < target, 'not painted before scrolling there');
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.InCenter);
    const after = await waitFor(async () => {
      const p = await painted(uri);
      return p && p.first <= target && target <= p.last && p;
    }, `the lines around ${target} to be painted`);
    const pairs = (flat: number[] | undefined): string[] => {
      const out: string[] = [];
      for (let i = 0; flat && i < flat.length; i += 2) out.push(`${flat[i]}-${flat[i + 1]}`);
      return out;
    };
    assert.ok(pairs(after.ranges.initiativeOpen).includes(`${open + 1}-${close}`), 'the initiative\'s text');
    assert.ok(pairs(after.ranges.attributes).includes(`${close + 1}-${blockEnd}`), 'its attribute block');
    const figureOpen = text.indexOf('[3001 million euros]', open);
    assert.ok(pairs(after.ranges.figure).includes(`${figureOpen + 1}-${figureOpen + '[3001 million euros'.length}`), 'the nested figure');
  });
});
