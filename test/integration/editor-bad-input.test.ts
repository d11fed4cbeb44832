// Bad input: broken YAML, thousands of problems, a file above the size limit, a binary file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, nextEvent, waitFor, waitForDiagnostics, withSetting, writeWorkspaceFile, testHook } from './helpers';
import { deleteGenerated, generatedNotes, hoverMarkdown, ourHover, revertAndCloseAll } from './editorHelpers';

const generated: vscode.Uri[] = [];

async function open(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = await writeWorkspaceFile(name, text);
  generated.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Opens `name` (written with `text` unless `document` is given), types three characters at the end
 * of line 8, checks they landed and that no hover or symbol comes back, then reverts and closes it
 * (saving 50 MB would outlast a test hook). Returns the median time from keystroke to change event.
 */
async function typeInBigFile(name: string, text: string, given?: vscode.TextDocument): Promise<number> {
  const document = given ?? await open(name, text);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  let typed = 0;
  try {
    const arrivals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const end = document.lineAt(8).range.end;
      editor.selection = new vscode.Selection(end, end);
      const version = document.version;
      const at = performance.now();
      const changed = nextEvent(vscode.workspace.onDidChangeTextDocument, 'the change event', (e) => e.document === document && e.document.version > version, 60_000);
      await vscode.commands.executeCommand('type', { text: 'x' });
      await changed;
      typed++;
      arrivals.push(performance.now() - at);
    }
    assert.ok(document.lineAt(8).text.endsWith('xxx'), document.lineAt(8).text);
    assert.doesNotMatch(await hoverMarkdown(document.uri, new vscode.Position(8, 30)), /Initiative/);
    const symbols = await executeProvider<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.strictEqual(symbols?.length ?? 0, 0);
    return arrivals.sort((a, b) => a - b)[1];
  } finally {
    // Undo back to the text on disk, so the document is clean before it closes: a revert of 50 MB
    // can leave the typed text in the extension host's copy, which a later test would see dirty
    // (and save back after the file was deleted, leaving 50 MB in the workspace for every later
    // workspace-wide listing, the built-in Markdown extension's included).
    await vscode.window.showTextDocument(document);
    for (; typed > 0; typed--) await vscode.commands.executeCommand('undo');
    await waitFor(() => !document.isDirty, `${name} clean again after undo`, { timeout: 60_000 });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
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
        const t = await testHook<string>('statusBarText');
        return t?.includes('off') && t;
      }, 'the status bar to say the features are off');
      assert.match(status, /Summit Notes off/);
      assert.doesNotMatch(await hoverMarkdown(document.uri, new vscode.Position(2, 3)), /Initiative/);
      const symbols = await executeProvider<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      assert.strictEqual(symbols?.length ?? 0, 0);
    });
  });

  it('opens a 50 MB notes file with the features off; typing in it runs nothing of ours', async function () {
    this.timeout(300_000);
    // 50 MB of text: under the 50 MiB above which VS Code hands a file to no extension at all.
    const text = generatedNotes(50_000_000);
    // The same typing in the same text as plain text, for comparison (none of our features run there).
    const control = await typeInBigFile('fifty-mb.txt', text);
    const document = await open('fifty-mb.summit.md', text);
    const status = await waitFor(async () => {
      const t = await testHook<string>('statusBarText');
      return t?.includes('off') && t;
    }, 'the status bar to say the features are off', { timeout: 120_000 });
    assert.match(status, /Summit Notes off/);
    const since = performance.now();
    const notes = await typeInBigFile('fifty-mb.summit.md', text, document);
    // No model of the file is ever built, no detection read: only the cheap "features off" answers.
    const work = await testHook<{ what: string; ms: number }[]>('workLog', since);
    assert.deepStrictEqual(work.filter((e) => e.what === 'model' || e.what === 'detection'), []);
    if (this.test) this.test.title += ` — keystroke → change event: median ${notes.toFixed(0)} ms (the same text as plain text: ${control.toFixed(0)} ms)`;
  });

  it('treats a file with NUL characters as binary: no features, no freeze', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'summit-notes', content: `# Head\n\n[x]{.initiative}\u0000\u0001\u0002 binary tail\n` });
    await vscode.window.showTextDocument(document);
    const status = await waitFor(async () => {
      const t = await testHook<string>('statusBarText');
      return t?.includes('off') && t;
    }, 'the status bar to say the features are off');
    assert.match(status, /off/);
    assert.doesNotMatch(await hoverMarkdown(document.uri, new vscode.Position(2, 2)), /Initiative/);
  });
});
