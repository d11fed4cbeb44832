// Restricted Mode: the folder is not trusted (the runner's second session turns workspace trust on
// and trusts nothing) and the extension is installed from its .vsix, as a user has it (VS Code
// would keep an extension under development enabled regardless). The extension runs no code from
// the workspace and declares `capabilities.untrustedWorkspaces: { supported: true }`, so it still
// loads there: hovers and the brief work as in a trusted folder. Without the declaration these fail.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, testHook } from '../helpers';
import { ourHover, positionOf, revertAndCloseAll } from '../editorHelpers';

describe('Restricted Mode (untrusted folder)', () => {
  afterEach(revertAndCloseAll);

  it('runs in a folder that is not trusted', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner opened the folder untrusted');
    await openFixture('editor.summit.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is loaded');
    await waitFor(() => ext.isActive, 'the extension to activate on a notes file in Restricted Mode');
  });

  it('shows hovers', async () => {
    const { document } = await openFixture('editor.summit.md');
    const text = await ourHover(document.uri, positionOf(document, 'joint ferry line', 3));
    assert.match(text, /\*\*Initiative\*\* · `#ferry-line`/);
  });

  it('opens the brief', async () => {
    const { document } = await openFixture('editor.summit.md');
    await vscode.commands.executeCommand('summitNotes.openBriefToSide', document.uri);
    const rendered = await testHook<{ version: number } | undefined>('waitForBrief', document.uri.toString(), document.version, 20_000);
    assert.ok(rendered, 'the brief rendered the notes file');
    const shown = await testHook<{ text: string } | undefined>('inspectBrief', document.uri.toString());
    assert.match(shown?.text ?? '', /joint ferry line/);
  });
});
