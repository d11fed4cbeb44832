/**
 * The dossier's exports in English and Russian: the words of each format, Russian plurals, the
 * CLI's `--lang` and its default (the language most of the articles are written in).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { command as dossier, type DossierIo } from '../../src/cli/commands/dossier';
import {
  buildDossier, buildWorkspace, DOSSIER_CSV_COLUMNS, DOSSIER_CSV_COLUMNS_RU, dossierLanguage, filterDossier, renderDossier,
  type Dossier, type DossierFormat, type NotesSource,
} from '../../src/core';
import { DOSSIER_FIXTURES, fixtureWorkspace, notes } from './dossierSupport';

function dossierOf(sources: readonly NotesSource[]): Dossier {
  return buildDossier(buildWorkspace(sources));
}

/** An io over the disk that keeps what is printed. */
function diskIo(): DossierIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    async readFile(path: string) { return readFileSync(path); },
    async readStdin() { return new Uint8Array(); },
  };
  return io;
}

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  const io = diskIo();
  const code = await dossier.run([DOSSIER_FIXTURES, ...args], io);
  return { code, stdout: io.stdout };
}

/** English labels of the exports that a Russian export must not show. */
const ENGLISH_LABELS = [
  'Dossier', 'article(s)', 'initiative(s)', 'mention(s)', 'Initiatives', 'Figures by metric', 'Problems with track keys', 'Articles',
  'Maybe the same initiative', 'Filtered by', 'undated', 'sources disagree', 'As written', 'Where', 'Summit', 'Source', 'Status',
  'score', 'same words', 'same body', 'No tracked initiatives', 'No figures with',
];

function assertNoEnglishLabels(text: string, what: string): void {
  for (const label of ENGLISH_LABELS) assert.ok(!text.includes(label), `${what} still says '${label}'`);
}

describe('dossier exports in two languages', () => {
  const fixture = dossierOf(fixtureWorkspace());
  // A filter and no figures: words the fixture alone does not reach.
  const small = filterDossier(dossierOf([
    { path: 'a.summit.md', text: notes({ language: 'ru' }, '[банк]{.initiative track=bank status=proposed}') },
    { path: 'b.summit.md', text: notes({ language: 'ru', date: '2024-01-01' }, '[банк]{.initiative track=bank status=agreed}') },
  ]), { summit: '', status: 'agreed' });

  it('writes Russian Markdown with Russian words and plurals, and no English labels', () => {
    const md = renderDossier(fixture, 'md', 'ru');
    assert.match(md, /^# Досье\n/);
    assert.match(md, /^8 статей · 3 отслеживаемые инициативы · 10 упоминаний · 3 показателя · 1 расхождение$/m);
    assert.match(md, /^\| Дата \| Саммит \| Источник \| Статус \| Текст \| Где \|$/m);
    assert.match(md, /intra-SCO trade, 2023 — источники расходятся/);
    assert.match(md, /Возможно, та же инициатива \(ещё без `track=`\):/);
    assert.match(md, /\(сходство 1; те же слова, тот же орган \(sco\)\)/);
    assert.match(md, /^## Ошибки в ключах track$/m);
    assert.match(md, /ключ track «sco-dev-bnak» больше нигде в рабочей области не встречается; может быть, «sco-dev-bank»\?/);
    assert.ok(!md.includes('is used nowhere else'), 'the finding in Russian');
    assert.match(md, /^\| около 750,000,000,000 USD ≠ \| около 750 млрд долларов \|/m);
    assert.ok(!md.includes('| about '), 'qualifiers of values in Russian');
    assertNoEnglishLabels(md, 'Markdown');
    const smallMd = renderDossier(small, 'md', 'ru');
    assert.match(smallMd, /^Фильтры: статус: agreed$/m);
    assert.match(smallMd, /^Нет цифр с атрибутом `metric=`\.$/m);
    assert.match(smallMd, /^2 статьи · 1 отслеживаемая инициатива · 1 упоминание · 0 показателей · 0 расхождений$/m);
    assertNoEnglishLabels(smallMd, 'filtered Markdown');
    const empty = renderDossier(dossierOf([]), 'md', 'ru');
    assert.match(empty, /Нет отслеживаемых инициатив \(добавьте `track=KEY` к инициативе\)\./);
    assertNoEnglishLabels(empty, 'empty Markdown');
  });

  it('writes a Russian HTML page, lang="ru", with no English labels', () => {
    const html = renderDossier(fixture, 'html', 'ru');
    assert.match(html, /<html lang="ru">/);
    assert.match(html, /<title>Досье<\/title>/);
    assert.match(html, /<th>Значение<\/th><th>Как написано<\/th>/);
    assert.match(html, /<h2>Статьи<\/h2>/);
    assert.match(html, /добавьте <code>track=/);
    assertNoEnglishLabels(html.replace(/<style>[^]*?<\/style>/, ''), 'HTML');
    const undated = renderDossier(dossierOf([{ path: 'a.summit.md', text: notes({ language: 'ru' }, '[банк]{.initiative track=bank status=proposed}') }]), 'html', 'ru');
    assert.match(undated, /без даты/);
  });

  it('writes Russian CSV: the header row, the kinds and the yes cells, columns in the same order', () => {
    const rows = renderDossier(fixture, 'csv', 'ru').trimEnd().split('\r\n');
    assert.equal(rows[0], DOSSIER_CSV_COLUMNS.map((c) => DOSSIER_CSV_COLUMNS_RU[c]).join(','));
    assert.equal(rows.filter((r) => r.startsWith('упоминание,')).length, 10);
    assert.equal(rows.filter((r) => r.startsWith('цифра,')).length, 7);
    assert.ok(rows.some((r) => r.startsWith('цифра,') && r.includes('около 750 млрд долларов') && r.includes(',да,')));
    assert.ok(!rows.some((r) => r.startsWith('mention,') || r.startsWith('figure,') || r.includes(',yes,')));
  });

  it('keeps the English exports as they were, and JSON the same in either language', () => {
    const md = renderDossier(fixture, 'md', 'en');
    assert.match(md, /^8 article\(s\) · 3 tracked initiative\(s\) · 10 mention\(s\) · 3 metric\(s\) · 1 disagreement\(s\)$/m);
    assert.match(md, /^\| Date \| Summit \| Source \| Status \| Text \| Where \|$/m);
    assert.match(renderDossier(fixture, 'html', 'en'), /<html lang="en">[^]*<title>Dossier<\/title>/);
    assert.equal(renderDossier(fixture, 'csv', 'en').split('\r\n')[0], DOSSIER_CSV_COLUMNS.join(','));
    assert.equal(renderDossier(fixture, 'json', 'ru'), renderDossier(fixture, 'json', 'en'));
  });

  it('speaks the language most of the articles are written in by default, English on a tie or when empty', () => {
    assert.equal(dossierLanguage(fixture), 'en', 'the fixture has four English and four Russian articles');
    assert.equal(dossierLanguage(filterDossier(fixture, { language: 'ru' })), 'ru');
    assert.equal(dossierLanguage(filterDossier(fixture, { language: 'en' })), 'en');
    assert.equal(dossierLanguage(dossierOf([])), 'en');
    for (const format of ['html', 'md', 'csv'] as DossierFormat[]) {
      assert.equal(renderDossier(fixture, format), renderDossier(fixture, format, 'en'), format);
      const ru = filterDossier(fixture, { language: 'ru' });
      assert.equal(renderDossier(ru, format), renderDossier(ru, format, 'ru'), format);
    }
  });

  it('takes --lang on the CLI, defaults to the majority after the filters, and refuses other languages', async () => {
    const en = await run('--format', 'md');
    assert.equal(en.code, 0);
    assert.equal((await run('--format', 'md', '--lang', 'en')).stdout, en.stdout);
    assert.match(en.stdout, /^# Dossier\n/);
    assert.match((await run('--format', 'md', '--lang=ru')).stdout, /^# Досье\n/);
    const ruOnly = await run('--format', 'md', '--language', 'ru');
    assert.match(ruOnly.stdout, /^# Досье\n/, 'the Russian articles alone speak Russian');
    assert.match((await run('--format', 'md', '--language', 'ru', '--lang', 'en')).stdout, /^# Dossier\n/);
    const io = diskIo();
    await assert.rejects(dossier.run([DOSSIER_FIXTURES, '--lang', 'xx'], io), (e: Error) => {
      assert.match(e.message, /^--lang must be one of en, ru\nusage: summit-notes dossier DIR .*--lang en\|ru/);
      return true;
    });
  });
});
