// Annotating a selection, stepping between annotations, and the status bar counts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, openFixture, waitFor, withSetting, testHook } from './helpers';
import { positionOf, revertAndCloseAll, openCopy } from './editorHelpers';

describe('editor: commands and status bar', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('annotates the selection as an initiative with an id slug, in one undoable edit', async () => {
    const { document, editor } = await openCopy('editor-edit.summit.md');
    const start = positionOf(document, 'the Eastern Port Authority', 4);
    editor.selection = new vscode.Selection(start, start.translate(0, 'Eastern Port Authority'.length));
    assert.ok(await vscode.commands.executeCommand('summitNotes.annotateInitiative'));
    assert.match(document.getText(), /the \[Eastern Port Authority\]\{\.initiative #eastern-port-authority\}\./);
    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /the Eastern Port Authority\./);
  });

  it('transliterates a Cyrillic selection for the id, or keeps it when asked', async () => {
    const { document, editor } = await openCopy('editor-edit.summit.md');
    const select = () => {
      const start = positionOf(document, 'Морской коридор');
      editor.selection = new vscode.Selection(start, start.translate(0, 'Морской коридор'.length));
    };
    select();
    await vscode.commands.executeCommand('summitNotes.annotateInitiative');
    assert.match(document.getText(), /\[Морской коридор\]\{\.initiative #morskoy-koridor\}/);
    await vscode.commands.executeCommand('undo');
    await withSetting('summitNotes', 'annotate.transliterate', false, async () => {
      select();
      await vscode.commands.executeCommand('summitNotes.annotateInitiative');
      assert.match(document.getText(), /\[Морской коридор\]\{\.initiative #морской-коридор\}/);
    });
  });

  it('annotates figures and actors without an id', async () => {
    const { document, editor } = await openCopy('editor-edit.summit.md');
    const start = positionOf(document, 'Eastern Port Authority');
    editor.selection = new vscode.Selection(start, start.translate(0, 'Eastern Port Authority'.length));
    await vscode.commands.executeCommand('summitNotes.annotateActor');
    assert.match(document.getText(), /\[Eastern Port Authority\]\{\.actor\}/);
  });

  it('steps to the next and previous annotation', async () => {
    const { document, editor } = await openCopy('editor-edit.summit.md');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('summitNotes.nextAnnotation');
    assert.deepStrictEqual(editor.selection.active, positionOf(document, 'New container terminal'));
    await vscode.commands.executeCommand('summitNotes.nextAnnotation');
    assert.deepStrictEqual(editor.selection.active, positionOf(document, 'a dredging'));
    await vscode.commands.executeCommand('summitNotes.previousAnnotation');
    assert.deepStrictEqual(editor.selection.active, positionOf(document, 'New container terminal'));
  });

  it('shows the counts of initiatives and figures of the active notes file in the status bar', async () => {
    await openFixture('editor.summit.md');
    const text = await waitFor(async () => {
      const t = await testHook<string>('statusBarText');
      return t?.includes('$(symbol-event) 3') && t;
    }, 'the status bar counts');
    assert.strictEqual(text, '$(symbol-event) 3 $(symbol-number) 4');
  });
});
