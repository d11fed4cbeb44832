// Activation and language recognition inside the real editor.
//
// The extension activates on `onLanguage:markdown` too (recognising `summit-notes: 1` front matter
// needs to see Markdown files open), so "no activation for ordinary Markdown" is checked as what a
// user would notice: an ordinary .md file stays `markdown` and gets none of our diagnostics.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, NOTES_LANGUAGE, activeExtension, closeAllEditors, completionLabels, fixtureUri, languageOf,
  openFixture, ourDiagnostics, waitFor, waitForLanguage, withSetting, writeWorkspaceFile,
} from './helpers';

describe('activation and recognition', () => {
  afterEach(closeAllEditors);

  it('activates when a *.summit.md file opens, with language summit-notes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension under development is loaded');
    const { document } = await openFixture('briefing.summit.md');
    assert.strictEqual(document.languageId, NOTES_LANGUAGE);
    await waitFor(() => ext.isActive, 'activation on opening a notes file');
  });

  it('registers no internal commands: tests read the extension through its test hooks', async () => {
    await activeExtension();
    const ours = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('summitNotes.'));
    assert.ok(ours.length > 10, `our commands are registered (${ours.length})`);
    assert.deepStrictEqual(ours.filter((c) => c.startsWith('summitNotes.internal')), []);
  });

  it('contributes the language id summit-notes', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes(NOTES_LANGUAGE), `getLanguages() lists ${NOTES_LANGUAGE}`);
  });

  it('switches a Markdown file with `summit-notes: 1` front matter to summit-notes', async () => {
    const { document } = await openFixture('declared.md');
    await waitForLanguage(document.uri, NOTES_LANGUAGE);
  });

  it('leaves an ordinary Markdown file as markdown, without our diagnostics', async () => {
    // Opened before a declared file: detection handles open events in order, so once the declared
    // file has switched, the ordinary one has been looked at too.
    const { document: plain } = await openFixture('plain.md');
    const declared = await writeWorkspaceFile('declared-after-plain.md', '---\nsummit-notes: 1\n---\n\n# Later\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(declared));
    await waitForLanguage(declared, NOTES_LANGUAGE);
    assert.strictEqual(languageOf(plain.uri), 'markdown');
    assert.deepStrictEqual(ourDiagnostics(plain.uri), []);
  });

  it('does not switch declared Markdown when summitNotes.detectInMarkdown is off', async () => {
    await activeExtension();
    const off = await writeWorkspaceFile('declared-setting-off.md', '---\nsummit-notes: 1\n---\n\n# Off\n');
    await withSetting('summitNotes', 'detectInMarkdown', false, async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(off));
    });
    // Same ordering argument as above: a declared file opened afterwards switches, this one did not.
    const on = await writeWorkspaceFile('declared-setting-on.md', '---\nsummit-notes: 1\n---\n\n# On\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(on));
    await waitForLanguage(on, NOTES_LANGUAGE);
    assert.strictEqual(languageOf(off), 'markdown');
  });

  it('"Treat as Notes" switches the active Markdown file to summit-notes', async () => {
    const { document } = await openFixture('loose.md');
    assert.strictEqual(document.languageId, 'markdown');
    await vscode.commands.executeCommand('summitNotes.treatAsNotes');
    await waitForLanguage(document.uri, NOTES_LANGUAGE);
  });

  it('"Treat as Notes" switches a file given by uri (explorer context)', async () => {
    const uri = await writeWorkspaceFile('by-uri.md', '# By uri\n');
    await vscode.commands.executeCommand('summitNotes.treatAsNotes', uri);
    await waitForLanguage(uri, NOTES_LANGUAGE);
  });

  it('offers the notes snippets in completion', async () => {
    const { document } = await openFixture('briefing.summit.md');
    // The fixture ends with a newline: its last line is empty, where every snippet is offered.
    const position = new vscode.Position(document.lineCount - 1, 0);
    assert.strictEqual(document.lineAt(position.line).text, '');
    const snippets = await waitFor(async () => {
      const items = await completionLabels(document.uri, position);
      const found = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => i.label);
      return found.length > 0 && found;
    }, 'snippet completions in a notes file');
    for (const prefix of ['notes', 'initiative', 'figure', 'actor']) {
      assert.ok(snippets.includes(prefix), `snippet "${prefix}" offered (got ${snippets.join(', ')})`);
    }
  });

  it('does not change the text of a file it opens', async () => {
    const { document } = await openFixture('briefing.summit.md');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('briefing.summit.md')));
    assert.strictEqual(document.getText(), onDisk);
    assert.strictEqual(document.isDirty, false);
  });
});
