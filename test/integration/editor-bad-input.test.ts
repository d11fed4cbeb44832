// Bad input: broken YAML, thousands of problems, a file above the size limit, a binary file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, waitFor, waitForDiagnostics, withSetting, writeWorkspaceFile } from './helpers';
import { deleteGenerated, hoverMarkdown, ourHover, revertAndCloseAll } from './editorHelpers';

const generated: vscode.Uri[] = [];

async function open(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = await writeWorkspaceFile(name, text);
  generated.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

describe('editor: bad input', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);
  after(() => deleteGenerated(generated));

  it('keeps hovers, symbols and diagnostics working with broken YAML', async () => {
    const document = await open('broken-yaml.summit.md', '---\ntitle: [never closed\nareas: {ports: Ports\n---\n\n# Ports\n\n[A new quay]{.initiative #quay status=proposed}\n');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'yaml-error'), 'a YAML error');
    assert.match(await ourHover(document.uri, new vscode.Position(7, 4)), /#quay/);
    const symbols = await executeProvider<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.strictEqual(symbols[0].name, 'Ports');
  });

  it('caps thousands of problems and stays responsive', async () => {
    const lines = ['---\ntitle: Many problems\n---\n\n# All wrong\n\n[A good one]{.initiative #good}\n'];
    for (let i = 0; i < 5000; i++) lines.push(`[bad ${i}]{.inititive} and [ref ${i}](#missing-${i})\n`);
    const document = await open('many-problems.summit.md', lines.join(''));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the problems', 30_000);
    assert.strictEqual(diagnostics.length, 1001, 'a thousand problems and one summary');
    assert.match(diagnostics[1000].message, /9000 more problems/);
    assert.match(await ourHover(document.uri, new vscode.Position(6, 3)), /#good/);
  });

  it('switches features off above summitNotes.maxFileSizeMB, with a message in the status bar', async () => {
    const body = `# Big\n\n${'[An initiative]{.initiative}\n'.repeat(40_000)}`;
    await withSetting('summitNotes', 'maxFileSizeMB', 0.5, async () => {
      const document = await open('too-large.summit.md', body);
      const status = await waitFor(async () => {
        const t = await vscode.commands.executeCommand<string>('summitNotes.internal.statusBarText');
        return t?.includes('off') && t;
      }, 'the status bar to say the features are off');
      assert.match(status, /Summit Notes off/);
      assert.doesNotMatch(await hoverMarkdown(document.uri, new vscode.Position(2, 3)), /Initiative/);
      const symbols = await executeProvider<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      assert.strictEqual(symbols?.length ?? 0, 0);
    });
  });

  it('treats a file with NUL characters as binary: no features, no freeze', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'summit-notes', content: `# Head\n\n[x]{.initiative}\u0000\u0001\u0002 binary tail\n` });
    await vscode.window.showTextDocument(document);
    const status = await waitFor(async () => {
      const t = await vscode.commands.executeCommand<string>('summitNotes.internal.statusBarText');
      return t?.includes('off') && t;
    }, 'the status bar to say the features are off');
    assert.match(status, /off/);
    assert.doesNotMatch(await hoverMarkdown(document.uri, new vscode.Position(2, 2)), /Initiative/);
  });
});
