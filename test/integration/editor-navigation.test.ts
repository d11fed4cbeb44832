// Go to definition, find references, rename and document links for ids.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, openFixture } from './helpers';
import { positionOf, revertAndCloseAll } from './editorHelpers';

describe('editor: navigation by id', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('goes from a reference to the annotation carrying the id', async () => {
    const { document } = await openFixture('editor.summit.md');
    const links = await executeProvider<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri,
      positionOf(document, '(#ferry-line)', 3));
    assert.strictEqual(links.length, 1);
    const target = 'targetRange' in links[0] ? links[0].targetRange : links[0].range;
    assert.strictEqual(target.start.line, positionOf(document, '[joint ferry line').line);
  });

  it('finds every reference to an id, with or without the declaration', async () => {
    const { document } = await openFixture('editor.summit.md');
    const at = positionOf(document, '#ferry-line area', 2);
    const all = await executeProvider<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
    assert.strictEqual(all.length, 3, 'the declaration and two references');
    assert.deepStrictEqual(all.map((l) => document.getText(l.range)), ['ferry-line', 'ferry-line', 'ferry-line']);
  });

  it('renames an id at its declaration and in every reference, in one edit', async () => {
    const { document } = await openFixture('editor.summit.md');
    const edit = await executeProvider<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri,
      positionOf(document, '(#ferry-line)', 4), 'ferry-route');
    const edits = edit.get(document.uri);
    assert.strictEqual(edits.length, 3);
    assert.ok(edits.every((e) => e.newText === 'ferry-route' && document.getText(e.range) === 'ferry-line'));
  });

  it('refuses to rename where there is no id', async () => {
    const { document } = await openFixture('editor.summit.md');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'The host delegation', 2))));
  });

  it('links each resolved reference to its target', async () => {
    const { document } = await openFixture('editor.summit.md');
    const links = await executeProvider<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const ours = links.filter((l) => l.target?.fragment.startsWith('L'));
    assert.strictEqual(ours.length, 3);
    const ferryLine = positionOf(document, '[joint ferry line').line + 1;
    assert.ok(ours.some((l) => l.target?.fragment.startsWith(`L${ferryLine},`)));
  });
});
