// Highlighting: decorations follow edits; the time from an edit to updated decorations on a
// 1 MB notes file is measured and shown in this test's title (and in the Summit Notes log).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, waitFor, withSetting, writeWorkspaceFile } from './helpers';
import { deleteGenerated, revertAndCloseAll, openCopy } from './editorHelpers';

interface DecorationTiming { uri: string; version: number; ms: number; count: number }

function timing(): Promise<DecorationTiming | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<DecorationTiming | undefined>('summitNotes.internal.decorationTiming'));
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

/** About `bytes` of notes: paragraphs with an initiative, a nested figure and an actor each. */
export function generatedNotes(bytes: number): string {
  const parts = ['---\ntitle: Generated\nareas:\n  ports: Ports\n---\n\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const chunk = (i % 40 === 0 ? `## Section ${i / 40}\n\n` : '')
      + `Delegation ${i} proposed [a harbour project number ${i} with [${i + 1} million euros]{.figure metric="budget" year=2026}]{.initiative #p${i} area=ports status=proposed}`
      + ` while [Minister ${i}]{.actor} spoke about plain matters at some length to fill the paragraph.\n\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
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

  it('updates the decorations of a 1 MB file soon after an edit', async function () {
    this.timeout(120_000);
    const uri = await writeWorkspaceFile('generated-1mb.summit.md', generatedNotes(1024 * 1024));
    generated.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push((await typeAndWait(editor, 8 + i * 2)).ms);
    const last = await timing();
    assert.ok(last && last.count > 10_000, `${last?.count} decorations`);
    samples.sort((a, b) => a - b);
    // The measurement, visible in the spec output (times include the 40 ms debounce).
    if (this.test) this.test.title += ` — edit → decorations: median ${samples[2]} ms, max ${samples[4]} ms (${last.count} ranges)`;
  });
});
