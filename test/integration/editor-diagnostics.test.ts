// Diagnostics from the core model and their quick fixes, through the registry.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, waitForDiagnostics } from './helpers';
import { positionOf, setText, revertAndCloseAll, openCopy } from './editorHelpers';

const PROBLEMS = `---
title: Problems on purpose
date: 18.04.2026
areas:
  ports: Ports and shipping
---

# Notes

A [cable link]{.initiative #cable area=telecom status=proposed} was discussed.
Compare with [the bridge](#bridge-plan).
An [open span{.actor} stays open.
`;

async function fixAt(document: vscode.TextDocument, position: vscode.Position, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await executeProvider<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `a quick fix matching ${title} (offered: ${actions.map((a) => a.title).join('; ')})`);
  return action;
}

describe('editor: diagnostics and quick fixes', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  async function problemsDocument(): Promise<vscode.TextDocument> {
    const { document } = await openCopy('editor-problems.summit.md');
    await setText(document, PROBLEMS);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'unclosed-span'), 'the problems to be reported');
    return document;
  }

  it('reports the core diagnostics with their codes and source', async () => {
    const document = await problemsDocument();
    const codes = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'summit-notes').map((d) => d.code).sort();
    for (const code of ['date-not-iso', 'unknown-area', 'unresolved-reference', 'unclosed-span']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
  });

  it('quick fix: rewrites a date as ISO', async () => {
    const document = await problemsDocument();
    const action = await fixAt(document, positionOf(document, '18.04.2026', 1), /ISO|2026-04-18/);
    assert.ok(action.edit && await vscode.workspace.applyEdit(action.edit));
    assert.match(document.getText(), /^date: 2026-04-18$/m);
  });

  it('quick fix: adds an unknown area to the vocabulary in the front matter', async () => {
    const document = await problemsDocument();
    const action = await fixAt(document, positionOf(document, 'area=telecom', 6), /telecom/);
    assert.ok(action.edit && await vscode.workspace.applyEdit(action.edit));
    assert.match(document.getText(), /areas:\n {2}ports: Ports and shipping\n {2}telecom: Telecom\n---/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'unknown-area'), 'the unknown-area problem to go');
  });

  it('quick fix: creates the missing target of a reference', async () => {
    const document = await problemsDocument();
    const action = await fixAt(document, positionOf(document, '#bridge-plan', 2), /bridge-plan/);
    assert.ok(action.edit && await vscode.workspace.applyEdit(action.edit));
    assert.match(document.getText(), /\n## the bridge \{#bridge-plan\}\n$/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'unresolved-reference'), 'the unresolved reference to go');
  });

  it('quick fix: closes an unclosed span', async () => {
    const document = await problemsDocument();
    const action = await fixAt(document, positionOf(document, '[open span', 2), /Close/);
    assert.ok(action.edit && await vscode.workspace.applyEdit(action.edit));
    assert.match(document.getText(), /\[open span\]\{\.actor\}/);
  });
});
