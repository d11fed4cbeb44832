// Outline (document symbols), workspace symbols and folding through the registry.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, openFixture, waitFor } from './helpers';
import { symbolOutline, revertAndCloseAll } from './editorHelpers';

describe('editor: outline, workspace symbols, folding', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('document symbols nest sections → initiatives → their figures and actors', async () => {
    const { document } = await openFixture('editor.summit.md');
    const symbols = await waitFor(async () => {
      const s = await executeProvider<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return s?.length ? s : undefined;
    }, 'document symbols');
    assert.deepStrictEqual(symbolOutline(symbols), [
      ['Trade', [
        ['joint ferry line between the two northern harbours, financed with 120 million euros', ['120 million euros']],
        'Nordland', 'about $3.2 billion', '$2.9 billion',
        ['Energy', ['shared wind-power grid']],
      ]],
      ['Finance', ['regional development fund', 'Southmark', 'Nordland', '15%']],
    ]);
    const ferry = symbols[0].children[0];
    assert.strictEqual(ferry.kind, vscode.SymbolKind.Event);
    assert.match(ferry.detail, /#ferry-line · proposed · ports/);
    assert.ok(ferry.range.contains(ferry.selectionRange));
  });

  it('workspace symbols find annotation ids across notes files', async () => {
    await openFixture('editor.summit.md');
    const found = await waitFor(async () => {
      const s = await executeProvider<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'wind-grid');
      return s.some((x) => x.name.startsWith('#wind-grid')) && s;
    }, 'the #wind-grid symbol');
    const wind = found.find((x) => x.name.startsWith('#wind-grid'));
    assert.ok(wind?.location.uri.path.endsWith('editor.summit.md'));
    // A file nobody opened is read from disk.
    const closed = await executeProvider<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'terminal');
    assert.ok(closed.some((x) => x.name.startsWith('#terminal') && x.location.uri.path.endsWith('editor-edit.summit.md')));
  });

  it('sections fold from the heading to the line before the next heading', async () => {
    const { document } = await openFixture('editor.summit.md');
    const ranges = await executeProvider<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const line = (text: string) => document.getText().split('\n').findIndex((l) => l.startsWith(text));
    const trade = ranges.find((r) => r.start === line('# Trade'));
    const energy = ranges.find((r) => r.start === line('## Energy'));
    assert.ok(trade && energy, 'folding ranges for "# Trade" and "## Energy"');
    assert.strictEqual(trade.end, line('# Finance') - 2, 'Trade folds up to the last text line before "# Finance"');
    assert.ok(energy.end < line('# Finance'));
  });
});
