// Completions inside `{…}` and after `](#`, through vscode.executeCompletionItemProvider.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, completionLabels } from './helpers';
import { setText, revertAndCloseAll, openCopy } from './editorHelpers';

const BASE = `---
areas:
  ports: Ports and shipping
  energy: Energy
---

# Ports {#ports-section}

[A new terminal]{.initiative #terminal area=ports}
`;

async function labelsAfter(document: vscode.TextDocument, line: string): Promise<string[]> {
  await setText(document, `${BASE}${line}\n`);
  const position = new vscode.Position(document.lineCount - 2, line.length);
  return (await completionLabels(document.uri, position)).map((i) => i.label);
}

describe('editor: completions', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('offers the kinds right after `]{`', async () => {
    const { document } = await openCopy('editor-edit.summit.md');
    const labels = await labelsAfter(document, 'See [this]{');
    for (const kind of ['.initiative', '.figure', '.actor']) assert.ok(labels.includes(kind), `${kind} in ${labels.join(', ')}`);
  });

  it('offers the kinds after `.`', async () => {
    const { document } = await openCopy('editor-edit.summit.md');
    const labels = await labelsAfter(document, 'See [this]{.');
    assert.ok(labels.includes('initiative') && labels.includes('figure') && labels.includes('actor'), labels.join(', '));
  });

  it('offers the attribute keys of the kind, without the ones already there', async () => {
    const { document } = await openCopy('editor-edit.summit.md');
    const labels = await labelsAfter(document, 'See [this]{.initiative #x area=ports ');
    assert.ok(labels.includes('status') && labels.includes('by') && labels.includes('note'), labels.join(', '));
    assert.ok(!labels.includes('area'), 'area is already given');
  });

  it('offers area and status values from the vocabulary', async () => {
    const { document } = await openCopy('editor-edit.summit.md');
    const areas = await labelsAfter(document, 'See [this]{.initiative area=');
    assert.ok(areas.includes('ports') && areas.includes('energy'), areas.join(', '));
    const statuses = await labelsAfter(document, 'See [this]{.initiative status=');
    for (const s of ['proposed', 'agreed', 'launched']) assert.ok(statuses.includes(s), `${s} in ${statuses.join(', ')}`);
  });

  it('offers ids after `](#`', async () => {
    const { document } = await openCopy('editor-edit.summit.md');
    const labels = await labelsAfter(document, 'See [it](#');
    assert.ok(labels.includes('terminal') && labels.includes('ports-section'), labels.join(', '));
  });
});
