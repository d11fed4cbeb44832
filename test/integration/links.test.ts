// Linking initiatives across files in the editor, on the notes of workspace/links/: the "Also in"
// hover, the "Link with …" quick fix (both files, one undo), a misspelt key's problem and fix, and
// definition / references / workspace symbols for track keys.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, fixtureUri, openFixture, waitFor, waitForDiagnostics } from './helpers';
import { hoverMarkdown, positionOf, revertAndCloseAll } from './editorHelpers';

const FIRST = 'links/2023-03-10-forum.en.summit.md';
const SECOND = 'links/2024-03-12-forum.en.summit.md';
const RUSSIAN = 'links/2025-03-14-forum.ru.summit.md';
const REVIEW = 'links/2025-03-15-review.en.summit.md';

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? '';
}

function targetOf(x: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in x ? { uri: x.targetUri, range: x.targetRange } : { uri: x.uri, range: x.range };
}

/** The code actions at `position`, polled until one matches `title` (the workspace is read on first ask). */
async function actionAt(document: vscode.TextDocument, position: vscode.Position, title: RegExp): Promise<vscode.CodeAction> {
  let offered: string[] = [];
  return waitFor(async () => {
    const actions = await executeProvider<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
    offered = actions.map((a) => a.title);
    return actions.find((a) => title.test(a.title));
  }, `a code action matching ${title} (offered: ${offered.join('; ')})`, { timeout: 30_000 });
}

describe('editor: initiatives linked across files', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('hovers "Also in 2 articles?" in the notes\' language on an untracked initiative, with the other articles and a link that links', async function () {
    this.timeout(60_000);
    const { document } = await openFixture(RUSSIAN);
    const at = positionOf(document, 'цифровой хаб', 3);
    const text = await waitFor(async () => {
      const md = await hoverMarkdown(document.uri, at);
      return md.includes('Также в') && md;
    }, 'the "also in" hover', { timeout: 30_000 });
    assert.match(text, /\*\*Также в 2 статьях\?\*\*/);
    assert.match(text, /\*Caspian Forum — a digital hub is floated\* \(2023\\-03\\-10 · Caspian Forum 2023\): “a Caspian digital trade hub” — те же слова/);
    assert.match(text, /\*Caspian Forum — the hub gets a yes\* \(2024\\-03\\-12/);
    assert.match(text, /\[Связать: track=digital\\-trade\\-hub\]\(command:summitNotes\.linkInitiative\?/);
    // Tracked and unrelated initiatives get no such hover.
    assert.doesNotMatch(await hoverMarkdown(document.uri, positionOf(document, 'Торговля', 2)), /Также в/);
    const first = await openFixture(FIRST);
    assert.doesNotMatch(await hoverMarkdown(first.document.uri, positionOf(first.document, 'digital trade hub', 3)), /Also in/);

    // The link runs the command: one file gets the other side's key (the other side has it already).
    const link = /\(command:summitNotes\.linkInitiative\?([^)]+)\)/.exec(text);
    assert.ok(link, 'a command link');
    const [args] = JSON.parse(decodeURIComponent(link[1])) as [unknown];
    assert.strictEqual(await vscode.commands.executeCommand('summitNotes.linkInitiative', args), true);
    assert.match(document.getText(), /\[цифровой хаб торговли на Каспии\]\{\.initiative #khab status=launched track=digital-trade-hub\}/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), await vscode.workspace.fs.readFile(document.uri).then((b) => new TextDecoder().decode(b)));
  });

  it('links two untracked mentions with one quick fix that edits both files, and one undo restores both', async function () {
    this.timeout(60_000);
    const russian = await openFixture(RUSSIAN);
    const review = await vscode.workspace.openTextDocument(fixtureUri(REVIEW));
    const before = { russian: russian.document.getText(), review: review.getText() };
    const action = await actionAt(russian.document, positionOf(russian.document, 'институт водных', 4), /^Link with “a water research institute” \(After the Caspian Forum — a review\) as track=water-institute$/);
    assert.strictEqual(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(action.edit, 'the action carries its edit');
    assert.deepStrictEqual(action.edit.entries().map(([uri]) => fileName(uri)).sort(), ['2025-03-14-forum.ru.summit.md', '2025-03-15-review.en.summit.md']);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.match(russian.document.getText(), /\[институт водных исследований\]\{\.initiative status=proposed track=water-institute\}/);
    assert.match(review.getText(), /\[a water research institute\]\{\.initiative #water-institute status=proposed track=water-institute\}/);

    await vscode.window.showTextDocument(russian.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => russian.document.getText() === before.russian && review.getText() === before.review,
      'one undo to restore both files exactly');
  });

  it('warns about a misspelt key with the near key, and its quick fix replaces the key', async function () {
    this.timeout(60_000);
    const { document } = await openFixture(SECOND);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'unknown-track'), 'the misspelt key to be reported', 30_000);
    const warning = diagnostics.find((x) => x.code === 'unknown-track');
    assert.ok(warning);
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(warning.source, 'summit-notes');
    assert.strictEqual(document.getText(warning.range), 'digital-trade-hbu');
    assert.match(warning.message, /did you mean 'digital-trade-hub'\?/);
    // Only once: the file's own problems do not report track keys.
    assert.strictEqual(diagnostics.filter((x) => x.code === 'unknown-track').length, 1);

    const fix = await actionAt(document, warning.range.start, /^Change the key to digital-trade-hub$/);
    assert.ok(fix.edit && await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /\{\.initiative #window track=digital-trade-hub status=proposed\}/);
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'unknown-track'), 'the warning to go once the key is known', 30_000);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'unknown-track'), 'the warning to come back with the misspelling', 30_000);
  });

  it('goes to the first mention of a key in another file and finds every mention across files', async function () {
    this.timeout(60_000);
    const { document } = await openFixture(SECOND);
    const onValue = positionOf(document, 'Digital-Trade-Hub', 3);
    const definitions = await executeProvider<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, onValue);
    const first = definitions.map(targetOf).find((t) => fileName(t.uri) === '2023-03-10-forum.en.summit.md');
    assert.ok(first, `a definition in the first article (got ${definitions.map((d) => fileName(targetOf(d).uri)).join(', ')})`);
    const firstDocument = await vscode.workspace.openTextDocument(first.uri);
    assert.match(firstDocument.getText(first.range), /^\[a Caspian digital trade hub\]\{\.initiative #hub track=digital-trade-hub/);
    // From the initiative's text too.
    const fromSpan = await executeProvider<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'the digital trade hub', 5));
    assert.ok(fromSpan.map(targetOf).some((t) => fileName(t.uri) === '2023-03-10-forum.en.summit.md'), 'definition from the span');

    const references = await executeProvider<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, onValue);
    const places = references.map((r) => `${fileName(r.uri)}:${r.range.start.line}`).sort();
    assert.ok(places.includes('2023-03-10-forum.en.summit.md:10') && places.includes('2024-03-12-forum.en.summit.md:10'), places.join(', '));
  });

  it('finds a track key with Go to Symbol in Workspace, at its first mention', async () => {
    await openFixture(SECOND);
    const symbols = await waitFor(async () => {
      const found = await executeProvider<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'digital-trade-hub');
      return found.some((s) => s.name === 'digital-trade-hub') && found;
    }, 'the key among the workspace symbols', { timeout: 30_000 });
    const key = symbols.find((s) => s.name === 'digital-trade-hub');
    assert.ok(key);
    assert.strictEqual(key.kind, vscode.SymbolKind.Key);
    assert.strictEqual(fileName(key.location.uri), '2023-03-10-forum.en.summit.md');
    assert.strictEqual(key.containerName, 'track=digital-trade-hub · 2');
  });
});
