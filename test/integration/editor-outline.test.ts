// Outline (document symbols), workspace symbols and folding through the registry.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, openFixture, waitFor, writeWorkspaceFile } from './helpers';
import { deleteGenerated, openCopy, positionOf, symbolOutline, revertAndCloseAll } from './editorHelpers';

/** Everything a symbol shows, nested: name, detail, kind, range and selection range. */
function dump(symbols: vscode.DocumentSymbol[]): unknown[] {
  const at = (r: vscode.Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return symbols.map((s) => [s.name, s.detail, s.kind, at(s.range), at(s.selectionRange), dump(s.children)]);
}

function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return executeProvider<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
}

/** The symbols of `text` read from scratch: a file of its own, opened once. */
async function freshSymbols(name: string, text: string): Promise<vscode.DocumentSymbol[]> {
  const uri = await writeWorkspaceFile(name, text);
  try {
    return await symbolsOf((await vscode.workspace.openTextDocument(uri)).uri);
  } finally {
    await deleteGenerated([uri]);
  }
}

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

  it('document symbols follow typing in a line exactly as a fresh read of the same text', async () => {
    const { document, editor } = await openCopy('editor.summit.md');
    const before = await symbolsOf(document.uri);
    assert.strictEqual(before[0].children[0].name, 'joint ferry line between the two northern harbours, financed with 120 million euros');
    // Typing inside the ferry line's text (its name and its figure's place change), after a figure
    // on another line, and in a heading: three versions, no line broken or joined.
    await editor.edit((b) => b.insert(positionOf(document, 'joint ferry'), 'new '));
    await editor.edit((b) => b.insert(positionOf(document, ' of port turnover'), ' (audited)'));
    await editor.edit((b) => b.insert(positionOf(document, ' {#energy-section}'), ' and grids'));
    const typed = await symbolsOf(document.uri);
    assert.strictEqual(typed[0].children[0].name, 'new joint ferry line between the two northern harbours, financed with 120 million euros');
    assert.strictEqual(typed[0].children[4].name, 'Energy and grids');
    assert.deepStrictEqual(dump(typed), dump(await freshSymbols('outline-fresh-1.summit.md', document.getText())));
    // A line break moves everything below it: still what a fresh read gives.
    await editor.edit((b) => b.insert(positionOf(document, '# Finance'), '\n'));
    assert.deepStrictEqual(dump(await symbolsOf(document.uri)), dump(await freshSymbols('outline-fresh-2.summit.md', document.getText())));
  });

  it('workspace symbols find annotation ids across notes files', async function () {
    await openFixture('editor.summit.md');
    const since = performance.now();
    const found = await waitFor(async () => {
      const s = await executeProvider<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'wind-grid');
      return s.some((x) => x.name.startsWith('#wind-grid')) && s;
    }, 'the #wind-grid symbol');
    if (this.test) this.test.title += ` — first listing ${(performance.now() - since).toFixed(0)} ms`;
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
