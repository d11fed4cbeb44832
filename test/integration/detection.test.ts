// Detection in the editor: hints for unannotated figures and suggested initiatives, their quick
// fixes, "Annotate All Detected Figures", and "New Notes from Article…".
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, executeProvider, fixtureUri, waitFor, waitForDiagnostics, withSetting } from './helpers';
import { openCopy, positionOf, revertAndCloseAll } from './editorHelpers';

const FIGURE = 'unannotated-figure';
const INITIATIVE = 'suggested-initiative';

function hints(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.code === FIGURE || d.code === INITIATIVE);
}

async function quickFixes(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const actions = await executeProvider<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(position, position));
  return actions.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

describe('editor: detection hints and import', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('shows information hints for unannotated figures and initiatives, not for annotated text or code', async () => {
    const { document } = await openCopy('detection.summit.md');
    const found = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === INITIATIVE), 'detection hints');
    const ours = found.filter((d) => d.code === FIGURE || d.code === INITIATIVE);
    const texts = ours.map((d) => document.getText(d.range));
    assert.ok(texts.includes('$48 billion'), texts.join(' | '));
    assert.ok(texts.includes('74 countries'), texts.join(' | '));
    assert.ok(!texts.some((t) => t.includes('30%') || t.includes('55%')), texts.join(' | '));
    assert.ok(ours.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    const figure = ours.find((d) => document.getText(d.range) === '$48 billion');
    assert.match(figure?.message ?? '', /more than 48,000,000,000 USD/);
    assert.ok(texts.some((t) => t.startsWith('set up a joint start-up fund')), texts.join(' | '));
  });

  it('offers "Annotate as figure" and applies it as one edit', async () => {
    const { document } = await openCopy('detection.summit.md');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === FIGURE), 'figure hints');
    const fix = (await quickFixes(document.uri, positionOf(document, '$48 billion', 2))).find((a) => a.title === 'Annotate as figure');
    assert.ok(fix?.edit, 'quick fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    // "topped" qualifies the figure from outside the span: the annotation records it.
    assert.match(document.getText(), /topped \[\$48 billion\]\{\.figure qualifier=more_than\} last year/);
    await waitFor(() => !hints(document.uri).some((d) => document.getText(d.range).includes('48 billion')), 'the hint to go');
  });

  it('offers "Annotate as initiative" with an id from the text', async () => {
    const { document } = await openCopy('detection.summit.md');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === INITIATIVE), 'initiative hints');
    const fix = (await quickFixes(document.uri, positionOf(document, 'joint start-up fund'))).find((a) => a.title === 'Annotate as initiative');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /proposed to \[set up a joint start-up fund at the development bank\]\{\.initiative #[a-z0-9-]+\}\./);
  });

  it('annotates every detected figure in one undoable edit and reports the count', async () => {
    const { document } = await openCopy('detection.summit.md');
    const count = await vscode.commands.executeCommand<number>('summitNotes.annotateDetectedFigures');
    assert.strictEqual(count, 2);
    assert.match(document.getText(), /\[\$48 billion\]\{\.figure qualifier=more_than\}/);
    assert.match(document.getText(), /\[74 countries\]\{\.figure\}/);
    assert.match(document.getText(), /`code 55%`/);
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(document.getText(), /\[\$48 billion\]/);
    assert.doesNotMatch(document.getText(), /\[74 countries\]/);
  });

  it('annotates only the figures inside the selection', async () => {
    const { document, editor } = await openCopy('detection.summit.md');
    const start = positionOf(document, 'Delegates');
    editor.selection = new vscode.Selection(start, document.lineAt(start.line).range.end);
    assert.strictEqual(await vscode.commands.executeCommand<number>('summitNotes.annotateDetectedFigures'), 1);
    assert.match(document.getText(), /\[74 countries\]\{\.figure\}/);
    assert.doesNotMatch(document.getText(), /\[\$48 billion\]/);
  });

  it('dismisses a suggestion in its file, keeps it dismissed on reopening, and shows it again by command', async () => {
    const { document } = await openCopy('detection.summit.md');
    const uri = document.uri;
    const has48 = (): boolean => hints(uri).some((d) => document.getText(d.range).includes('48 billion'));
    await waitForDiagnostics(uri, (d) => d.some((x) => x.code === FIGURE), 'figure hints');
    const dismiss = (await quickFixes(uri, positionOf(document, '$48 billion', 2))).find((a) => a.title === 'Dismiss this suggestion');
    assert.ok(dismiss?.command, 'a dismiss quick fix');
    await vscode.commands.executeCommand(dismiss.command.command, ...(dismiss.command.arguments ?? []));
    await waitFor(() => !has48() && hints(uri).some((d) => document.getText(d.range) === '74 countries'), 'the dismissed hint to go, the others to stay');
    assert.ok(!(await quickFixes(uri, positionOf(document, '$48 billion', 2))).some((a) => a.title === 'Annotate as figure'));
    assert.strictEqual(document.isDirty, false, 'dismissing does not edit the file');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reopened = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(reopened, { preview: false });
    await waitForDiagnostics(uri, (d) => d.some((x) => x.code === FIGURE), 'hints after reopening');
    assert.ok(!has48(), 'still dismissed after reopening');
    assert.strictEqual(await vscode.commands.executeCommand<number>('summitNotes.annotateDetectedFigures'), 1, 'annotating all skips it');
    await vscode.commands.executeCommand('undo');

    assert.strictEqual(await vscode.commands.executeCommand<number>('summitNotes.showDismissedSuggestions'), 1);
    await waitFor(has48, 'the hint to come back');
  });

  it('moves hints to decorations or turns them off by setting', async () => {
    const { document } = await openCopy('detection.summit.md');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === FIGURE), 'figure hints');
    await withSetting('summitNotes', 'detection.hints', 'decorations', async () => {
      await waitFor(() => hints(document.uri).length === 0, 'hint diagnostics to clear');
      const fixes = await quickFixes(document.uri, positionOf(document, '$48 billion', 2));
      assert.ok(fixes.some((a) => a.title === 'Annotate as figure'), 'quick fixes stay with decorations');
    });
    await withSetting('summitNotes', 'detection.hints', 'off', async () => {
      const fixes = await quickFixes(document.uri, positionOf(document, '$48 billion', 2));
      assert.ok(!fixes.some((a) => a.title === 'Annotate as figure'));
    });
  });

  it('makes a saved notes file next to an article file and leaves the article unchanged', async () => {
    const source = fixtureUri('detection/article.txt');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.newNotesFromArticle', source);
    assert.ok(document);
    assert.match(document.uri.path, /\/detection\/article(?:-\d+)?\.summit\.md$/);
    assert.strictEqual(document.languageId, 'summit-notes');
    assert.match(document.getText(), /^---\nsummit-notes: 1\ntitle: "Leaders Agree On A Fund"/);
    assert.match(document.getText(), /\ndate: 2024-07-03\n/);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(source)), before);
    await vscode.workspace.fs.delete(document.uri);
  });

  it('imports again after the first notes file was deleted, and shows the new notes, not the old document', async () => {
    const source = fixtureUri('detection/article.txt');
    const first = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.newNotesFromArticle', source);
    assert.ok(first);
    // The analyst edits the notes, then deletes the file; the document stays in the editor's memory.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(first.uri, new vscode.Position(0, 0), 'STALE MARKER\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.workspace.fs.delete(first.uri);
    const second = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.newNotesFromArticle', source);
    assert.ok(second);
    assert.doesNotMatch(second.getText(), /STALE MARKER/);
    assert.match(second.getText(), /^---\nsummit-notes: 1\n/);
    await vscode.workspace.fs.delete(second.uri);
    for (const document of [second, first]) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('makes notes from an .html article file with the HTML reader, loaded from its own bundle', async () => {
    const source = fixtureUri('detection/rail-corridor.html');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.newNotesFromArticle', source);
    assert.ok(document);
    assert.match(document.uri.path, /\/detection\/rail-corridor(?:-\d+)?\.summit\.md$/);
    assert.strictEqual(document.languageId, 'summit-notes');
    const text = document.getText();
    assert.match(text, /\ntitle: "Ministers Back A Rail Corridor"\n/);
    assert.match(text, /\nlanguage: en\n/);
    assert.match(text, /\n {2}name: "Steppe Courier"\n/);
    assert.match(text, /\n {2}published: 2024-09-12/);
    assert.match(text, /\nThe transport ministers of five neighbouring states endorsed a plan/);
    assert.doesNotMatch(text, /Subscribe now|window\.tracking|All rights reserved/);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(source)), before);
    await vscode.workspace.fs.delete(document.uri);
  });

  it('makes an untitled notes document from the clipboard (HTML or text)', async () => {
    await vscode.env.clipboard.writeText('<html lang="ru"><body><article><h1>Итоги встречи</h1><p>Президент предложил создать фонд объёмом $2 млрд для новых проектов в регионе и поддержать торговлю.</p><p>Стороны подписали соглашение о сотрудничестве в сфере транспорта и логистики на ближайшие годы.</p></article></body></html>');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.newNotesFromArticle', 'clipboard');
    assert.ok(document);
    assert.strictEqual(document.isUntitled, true);
    assert.strictEqual(document.languageId, 'summit-notes');
    assert.match(document.getText(), /\nlanguage: ru\n/);
    assert.match(document.getText(), /Президент предложил создать фонд объёмом \$2 млрд/);
  });
});
