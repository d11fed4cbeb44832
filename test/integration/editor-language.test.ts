// The notes speak the document's language (`language:` in the front matter) in the real editor:
// hovers, diagnostics, the brief preview and export of a `language: ru` file are Russian, and
// switching the front matter to `en` switches them to English. Also the Russian sample, the
// walkthrough's sample command and the editor defaults contributed for notes files.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { readFileSync } from 'fs';
import { join } from 'path';
import { activeExtension, closeAllEditors, fixtureUri, ourDiagnostics, waitFor, writeWorkspaceFile, testHook } from './helpers';
import { hoverMarkdown, positionOf, revertAndCloseAll, setText } from './editorHelpers';

const HEADINGS = /\*\*(Инициатива|Цифра|Участник|Ссылка|Раздел|Глоссарий|Фрагмент|Initiative|Figure|Actor|Reference|Section|Glossary|Span)\*\*/;

/** Our hover at `position` once it matches `expected` (the model may still be catching up with an edit). */
async function hoverMatching(uri: vscode.Uri, position: vscode.Position, expected: RegExp): Promise<string> {
  let last = '';
  try {
    return await waitFor(async () => {
      last = await hoverMarkdown(uri, position);
      return HEADINGS.test(last) && expected.test(last) && last;
    }, `a hover matching ${expected}`);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}; last hover: ${last.slice(0, 300)}`, { cause: e });
  }
}

/** Our diagnostics once one of them matches `expected`. */
async function diagnosticsMatching(uri: vscode.Uri, expected: RegExp): Promise<string[]> {
  return waitFor(() => {
    const messages = ourDiagnostics(uri).map((d) => d.message);
    return messages.some((m) => expected.test(m)) && messages;
  }, `a diagnostic matching ${expected} (now: ${ourDiagnostics(uri).map((d) => d.message).join(' | ')})`);
}

interface Inspection { version: number; text: string }

async function briefText(uri: vscode.Uri, version: number): Promise<string> {
  const rendered = await testHook<{ version: number } | undefined>('waitForBrief', uri.toString(), version, 15_000);
  assert.ok(rendered, 'the brief showed the document');
  const inspection = await testHook<Inspection | undefined>('inspectBrief', uri.toString());
  assert.ok(inspection, 'the brief webview answered');
  return inspection.text;
}

async function closeBriefPanels(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('summitNotes.brief'));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

describe('the notes\' language', function () {
  this.timeout(60_000);
  before(activeExtension);
  afterEach(async () => {
    await closeBriefPanels();
    await revertAndCloseAll();
    await closeAllEditors();
  });

  it('a language: ru file gets Russian hovers and diagnostics; language: en switches them to English', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('language/ru.summit.md')));
    const uri = await writeWorkspaceFile('language/switch.summit.md', text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });

    const initiative = positionOf(document, 'паромную линию', 3);
    const ru = await hoverMatching(uri, initiative, /\*\*Инициатива\*\* · `#ferry`/);
    assert.match(ru, /Направление: Порты и судоходство \(`ports`\)/);
    assert.match(ru, /Статус: \*\*proposed\*\*/);
    assert.match(ru, /Инициатор: Нордландия/);
    assert.match(ru, /Ссылаются: 1 раз/);
    assert.match(await hoverMatching(uri, positionOf(document, '# Торговля', 3), /\*\*Раздел\*\*/), /2 инициативы, 1 цифра, 1 участник/);

    const messages = await diagnosticsMatching(uri, /^Id «ferry» уже занят в строке 18\.$/);
    assert.ok(messages.includes('В этом файле нет ничего с id «appendix».'), messages.join(' | '));

    await setText(document, document.getText().replace('language: ru', 'language: en'));
    const en = await hoverMatching(uri, initiative, /\*\*Initiative\*\* · `#ferry`/);
    assert.match(en, /Area: Порты и судоходство \(`ports`\)/);
    assert.match(en, /Referenced: 1 time/);
    const english = await diagnosticsMatching(uri, /^The id “ferry” is already used at line 18\.$/);
    assert.ok(english.includes('Nothing in this file has the id “appendix”.'), english.join(' | '));
    assert.ok(!english.some((m) => /[а-яё]{3}/i.test(m.replace(/[«“][^»”]*[»”]/g, ''))), english.join(' | '));
  });

  it('the Russian sample opens with a Russian hover, brief and export', async () => {
    const sample = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'sco-tianjin-2025.ru.summit.md'), 'utf8');
    const uri = await writeWorkspaceFile('language/sample.ru.summit.md', sample);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    assert.strictEqual(document.languageId, 'summit-notes');
    const at = document.getText().indexOf('{.initiative');
    const hover = await hoverMatching(uri, document.positionAt(document.getText().lastIndexOf('[', at) + 2), /\*\*Инициатива\*\*/);
    assert.match(hover, /Направление: /);

    await vscode.commands.executeCommand('summitNotes.openBriefToSide', uri);
    const brief = await briefText(uri, document.version);
    for (const heading of ['Инициативы', 'Ключевые цифры', 'Участники', 'Источник', 'Размеченный текст']) assert.ok(brief.includes(heading), `the brief shows «${heading}»`);
    assert.ok(!/Key figures|Initiatives|Source/.test(brief), 'no English heading in the brief');

    for (const [format, expected] of [['md', /^# [^\n]+\n[^]*\n## Инициативы\n[^]*\n## Ключевые цифры\n/], ['csv', /^вид,id,текст,направление,/], ['html', /<html lang="ru">[^]*<h2>Инициативы<\/h2>/]] as const) {
      const target = fixtureUri(`language/out/sample.brief.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('summitNotes.exportBrief', { uri, format, target, overwrite: true });
      assert.strictEqual(written?.toString(), target.toString());
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), expected);
    }
  });

  it('the walkthrough opens a sample in the asked language as an untitled notes file', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.openSample', 'ru');
    assert.ok(document, 'the command returns the document');
    assert.strictEqual(document.isUntitled, true);
    assert.strictEqual(document.languageId, 'summit-notes');
    assert.match(await hoverMatching(document.uri, positionOf(document, 'общую сеть', 3), /\*\*Инициатива\*\*/), /Направление: Вода и климат/);
    const english = await vscode.commands.executeCommand<vscode.TextDocument>('summitNotes.openSample', 'en');
    assert.match(english.getText(), /^language: en$/m);
  });

  it('notes files get prose defaults: word wrap, no ambiguous-character boxes, no quick suggestions in words', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'summit-notes' });
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.deepStrictEqual(editor.get('quickSuggestions'), { other: 'off', comments: 'off', strings: 'off' });
  });
});
