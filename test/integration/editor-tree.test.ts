// The Initiatives tree, read through the extension's own snapshot command (the same
// getChildren/getTreeItem calls the view makes) and driven by its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, openFixture, waitFor, withSetting, testHook } from './helpers';
import { positionOf, revertAndCloseAll, openCopy } from './editorHelpers';

interface TreeSnapshot { label: string; description?: string; children: TreeSnapshot[] }

function snapshot(): Promise<TreeSnapshot[]> {
  return Promise.resolve(testHook<TreeSnapshot[]>('treeSnapshot'));
}

function labels(nodes: TreeSnapshot[]): string[] {
  return nodes.map((n) => `${n.label} (${n.description ?? ''})`);
}

describe('editor: Initiatives tree', () => {
  before(activeExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('summitNotes.tree.clearFilter');
    await revertAndCloseAll();
  });

  it('groups the active file\'s initiatives by section, with counts, figures and actors nested', async () => {
    await openFixture('editor.summit.md');
    const tree = await waitFor(async () => {
      const t = await snapshot();
      return t.length ? t : undefined;
    }, 'the tree to list the active file');
    assert.deepStrictEqual(labels(tree), ['Trade (1)', 'Energy (1)', 'Finance (1)']);
    const ferry = tree[0].children[0];
    assert.strictEqual(ferry.description, '#ferry-line · proposed');
    assert.deepStrictEqual(ferry.children.map((c) => c.label), ['120 million euros']);
  });

  it('groups by status, area and kind', async () => {
    await openFixture('editor.summit.md');
    await withSetting('summitNotes', 'tree.groupBy', 'status', async () => {
      assert.deepStrictEqual(labels(await waitFor(async () => {
        const t = await snapshot();
        return t[0]?.label === 'proposed' && t;
      }, 'grouping by status')), ['proposed (1)', 'agreed (1)', 'launched (1)']);
    });
    await withSetting('summitNotes', 'tree.groupBy', 'area', async () => {
      const t = await waitFor(async () => {
        const s = await snapshot();
        return s[0]?.label === 'Ports and shipping' && s;
      }, 'grouping by area');
      assert.deepStrictEqual(labels(t), ['Ports and shipping (1)', 'Energy (1)', 'Finance (1)']);
    });
    await withSetting('summitNotes', 'tree.groupBy', 'kind', async () => {
      const t = await waitFor(async () => {
        const s = await snapshot();
        return s[0]?.label === 'Initiatives' && s;
      }, 'grouping by kind');
      assert.deepStrictEqual(labels(t), ['Initiatives (3)', 'Figures (4)', 'Actors (3)']);
    });
  });

  it('filters by text and status', async () => {
    await openFixture('editor.summit.md');
    await vscode.commands.executeCommand('summitNotes.tree.filter', { text: 'wind' });
    assert.deepStrictEqual(labels(await snapshot()), ['Energy (1)']);
    await vscode.commands.executeCommand('summitNotes.tree.filter', { status: 'launched' });
    assert.deepStrictEqual(labels(await snapshot()), ['Finance (1)']);
  });

  it('reveals the initiative under the cursor and changes its status in one undoable edit', async () => {
    const { document, editor } = await openCopy('editor-edit.summit.md');
    editor.selection = new vscode.Selection(positionOf(document, 'a dredging', 4), positionOf(document, 'a dredging', 4));
    assert.strictEqual(await vscode.commands.executeCommand('summitNotes.revealInTree'), true);
    const selected = await waitFor(async () => {
      const s = await testHook<string[]>('treeSelection');
      return s.length ? s : undefined;
    }, 'the tree selection');
    assert.deepStrictEqual(selected, ['dredging']);
    assert.strictEqual(await vscode.commands.executeCommand('summitNotes.tree.changeStatus', undefined, 'agreed'), true);
    assert.match(document.getText(), /\{\.initiative #dredging area=ports status=agreed\}/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /\{\.initiative #dredging area=ports\}/, 'one undo restores the text');
  });

  it('lists every notes file of the workspace in workspace scope', async function () {
    // The first listing reads and parses every notes file of the workspace.
    this.timeout(90_000);
    await openFixture('editor.summit.md');
    await withSetting('summitNotes', 'tree.scope', 'workspace', async () => {
      const files = await waitFor(async () => {
        const t = await snapshot();
        return t.length > 1 && t;
      }, 'several files in workspace scope', { timeout: 60_000 });
      const names = files.map((f) => f.label);
      assert.ok(names.includes('editor.summit.md') && names.includes('editor-edit.summit.md'), names.join(', '));
      assert.strictEqual(files.find((f) => f.label === 'editor.summit.md')?.description, '3');
    });
  });
});
