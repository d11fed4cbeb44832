// Proof that the `browser` bundle (dist/web/extension.js) runs without Node: in the web-worker
// extension host, the extension activates on a notes file and registers its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'summit-notes.summit-notes';

async function waitFor<T>(condition: () => T | false | undefined | Promise<T | false | undefined>, message: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('web extension (web-worker extension host, no Node)', () => {
  it('runs where there is no Node', () => {
    const g = globalThis as { process?: { versions?: { node?: string } }; importScripts?: unknown };
    assert.strictEqual(typeof g.importScripts, 'function', 'inside a web worker');
    assert.strictEqual(g.process?.versions?.node, undefined, 'no Node process');
  });

  it('activates on a *.summit.md file from its browser bundle', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension under development is loaded in the web-worker host');
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'briefing.summit.md'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'summit-notes');
    await waitFor(() => ext.isActive, 'activation');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('summitNotes.treatAsNotes'));
  });

  it('imports an .html article with the HTML reader fetched from its own bundle', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const source = vscode.Uri.joinPath(folder.uri, 'detection', 'rail-corridor.html');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.newNotesFromArticle', source);
    assert.ok(document, 'a notes document was made');
    assert.match(document.uri.path, /\/detection\/rail-corridor(?:-\d+)?\.summit\.md$/);
    assert.match(document.getText(), /\ntitle: "Ministers Back A Rail Corridor"\n/);
    assert.match(document.getText(), /\nThe transport ministers of five neighbouring states endorsed a plan/);
    assert.doesNotMatch(document.getText(), /Subscribe now|window\.tracking/);
    await vscode.workspace.fs.delete(document.uri);
  });

  it('switches a declared Markdown file to summit-notes', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'declared.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'summit-notes',
      'declared.md to switch');
  });
});
