// What a new user meets first: the features load on first use (a command before any notes file),
// the Initiatives badge counts the right file with the right plural while the view is hidden, an
// untitled note (New Notes from Article… from the clipboard) is listed, "Surround With" offers each
// annotation snippet once, and no provider is registered without a scheme.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, openFixture, waitFor, withSetting, writeWorkspaceFile, testHook } from './helpers';
import { revertAndCloseAll } from './editorHelpers';
import { flushHostLogs, readOptions } from './index';

interface Badge { value?: number; tooltip?: string; visible: boolean }

function badge(): Promise<Badge> {
  return Promise.resolve(testHook<Badge>('treeBadge'));
}

function waitForBadge(value: number | undefined, tooltip: string | undefined, what: string): Promise<Badge> {
  return waitFor(async () => {
    const b = await badge();
    return b.value === value && b.tooltip === tooltip && b;
  }, what);
}

const ONE_INITIATIVE = '---\nsummit-notes: 1\ntitle: One\n---\n\n# Only\n\nThe council backed a [new river ferry]{.initiative #river-ferry}.\n';

describe('start-up and first use', () => {
  afterEach(revertAndCloseAll);

  it('runs a command before any notes file is open (the features load on first use)', async () => {
    await activeExtension();
    const log = await testHook<unknown[]>('workLog', 0);
    assert.ok(Array.isArray(log), 'the real command answered through the proxy');
  });

  it('badges the active notes file while the view is hidden, "Initiatives: 1" / "Initiatives: 3"', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await openFixture('editor.summit.md');
    const three = await waitForBadge(3, 'Initiatives: 3', 'the badge of editor.summit.md');
    assert.strictEqual(three.visible, false, 'the Initiatives view is hidden');
    const one = await writeWorkspaceFile('one-initiative.summit.md', ONE_INITIATIVE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(one));
    await waitForBadge(1, 'Initiatives: 1', 'the badge to follow the active file');
    await openFixture('editor.summit.md');
    await waitForBadge(3, 'Initiatives: 3', 'the badge to follow back');
  });

  it('lists an untitled note in the Initiatives view, for the active file and for the workspace', async () => {
    await vscode.commands.executeCommand('summitNotes.initiatives.focus');
    await withSetting('summitNotes', 'tree.scope', 'workspace', async () => {
      await openFixture('editor.summit.md');
      // The workspace count, from the listing itself (which also sets the badge).
      const files = await testHook<{ label: string; description?: string }[]>('treeSnapshot');
      const before = files.reduce((n, f) => n + Number(f.description ?? 0), 0);
      await waitForBadge(before, `Initiatives: ${before}`, 'the workspace count');
      const untitled = await vscode.workspace.openTextDocument({ language: 'summit-notes', content: ONE_INITIATIVE });
      await vscode.window.showTextDocument(untitled);
      // Only the view asking again (told that the listing changed) moves the badge now.
      await waitForBadge(before + 1, `Initiatives: ${before + 1}`, `the workspace count to take in the untitled note (was ${before})`);
    });
    await waitForBadge(1, 'Initiatives: 1', 'the active untitled note listed on its own');
  });

  it('offers each annotation snippet once (Surround With lists one entry per prefix)', async () => {
    const { document } = await openFixture('editor.summit.md');
    const end = new vscode.Position(document.lineCount - 1, 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    const anyKind = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet &&
      (i.insertText instanceof vscode.SnippetString ? i.insertText.value : String(i.insertText ?? '')).includes('|initiative,figure,actor|'));
    assert.strictEqual(anyKind.length, 1, `"Annotation of any kind" offered ${anyKind.length} times`);
  });

  it('registers no provider without a document scheme (no host-log warning)', async () => {
    await openFixture('editor.summit.md');
    const { logsDir } = readOptions();
    assert.ok(logsDir, 'the runner names the logs folder');
    await flushHostLogs(logsDir);
    const warnings: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(p);
        else if (entry.name.endsWith('.log')) {
          for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
            if (/without scheme/i.test(line) && /summit-notes/i.test(line)) warnings.push(line);
          }
        }
      }
    };
    visit(logsDir);
    assert.deepStrictEqual(warnings, []);
  });
});
