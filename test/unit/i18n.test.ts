/**
 * The notes speak the document's language: the catalogue and its plural rules, Russian hovers,
 * diagnostics, brief headings and exports for `language: ru`, English everywhere else, and the
 * CLI's `--lang` override.
 */
import * as assert from 'node:assert/strict';
import { parseNotes } from '../../src/core';
import { countOf, fillTemplate, message, MESSAGE_KEYS, NOUN_KEYS, nounFor, outputLanguage, pluralCategory } from '../../src/core/text/i18n';
import { localiseDiagnosticMessage, localiseDiagnostics } from '../../src/core/model/diagnosticMessages';
import { hoverAt } from '../../src/core/editor/hoverText';
import { renderBrief } from '../../src/core/brief/export';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

const joinLines = (...lines: string[]): string => lines.join('\n');

/** A small Russian notes file of our own; `language` replaced to test the switch. */
function notes(language: string): string {
  return joinLines(
    '---',
    'summit-notes: 1',
    'title: Саммит северных рек',
    'summit: Саммит северных рек',
    'date: 2026-05-14',
    'source:',
    '  name: Вестник',
    `language: ${language}`,
    'areas:',
    '  water: Вода и климат',
    'statuses: [proposed, agreed]',
    '---',
    '',
    '# Вода {#water}',
    '',
    '[Анна Берг]{.actor} предложила [сеть оповещения о паводках]{.initiative #net area=water status=proposed by="Анна Берг"}',
    'стоимостью [более 40 млн евро]{.figure metric="стоимость" year=2026}; см. [сеть](#net).',
    '',
    '[Таможенная форма]{.initiative #form}',
    '',
  );
}

const at = (text: string, needle: string): number => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + 1;
};

describe('output language', () => {
  it('is Russian for ru tags and English for every other', () => {
    for (const tag of ['ru', 'RU', 'ru-RU', ' ru_KZ ']) assert.equal(outputLanguage(tag), 'ru', tag);
    for (const tag of [undefined, '', 'en', 'kk', 'de-DE', 'rus']) assert.equal(outputLanguage(tag), 'en', String(tag));
  });

  it('has Russian plural forms one / few / many', () => {
    const cases: [number, string][] = [[0, 'many'], [1, 'one'], [2, 'few'], [4, 'few'], [5, 'many'], [11, 'many'], [12, 'many'],
      [14, 'many'], [21, 'one'], [22, 'few'], [25, 'many'], [101, 'one'], [111, 'many'], [112, 'many'], [1.5, 'few']];
    for (const [n, form] of cases) assert.equal(pluralCategory(n, 'ru'), form, String(n));
    assert.equal(countOf('ru', 1, 'initiative'), '1 инициатива');
    assert.equal(countOf('ru', 3, 'initiative'), '3 инициативы');
    assert.equal(countOf('ru', 12, 'initiative'), '12 инициатив');
    assert.equal(countOf('ru', 21, 'actor'), '21 участник');
    assert.equal(countOf('en', 1, 'figure'), '1 figure');
    assert.equal(countOf('en', 0, 'figure'), '0 figures');
  });

  it('fills placeholders as a replace of /\\{(\\w+)\\}/g would, on every template shape', () => {
    const byRegex = (t: string, v: Readonly<Record<string, string | number>>): string => t.replace(/\{(\w+)\}/g, (whole, name: string) => (name in v ? String(v[name]) : whole));
    const values = { value: 'x{y}', count: 3, a_1: '$&', empty: '' };
    const templates = [
      '', 'plain', '{value}', 'a {value} b', '{count}{count}', '{{value}}', '{value', 'value}', '{}', '{ value }', '{missing} {value}',
      '{a_1}', '{empty}|', '{ва}', '{value}{', '}{value}{count', 'x {val-ue} {count}', '{{{count}', '{toString}',
    ];
    for (const t of templates) assert.equal(fillTemplate(t, values), byRegex(t, values), JSON.stringify(t));
    for (const key of MESSAGE_KEYS) assert.equal(message('ru', key, values), byRegex(message('ru', key), values), key);
  });

  it('has every message and noun in Russian, with the same placeholders', () => {
    const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of MESSAGE_KEYS) {
      assert.ok(message('ru', key).length > 0, key);
      assert.deepEqual(placeholders(message('ru', key)), placeholders(message('en', key)), key);
    }
    for (const noun of NOUN_KEYS) for (const n of [1, 2, 5]) assert.match(nounFor('ru', n, noun), /^[а-яё]+$/, noun);
  });

  it('gives a Russian hover for language: ru and an English one once the front matter says en', () => {
    const ru = notes('ru');
    const hover = hoverAt(parseNotes(ru), at(ru, 'сеть оповещения'));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*Инициатива\*\* · `#net`/);
    assert.match(hover.markdown, /Направление: Вода и климат \(`water`\)/);
    assert.match(hover.markdown, /Статус: \*\*proposed\*\*/);
    assert.match(hover.markdown, /Инициатор: Анна Берг/);
    assert.match(hover.markdown, /Ссылаются: 1 раз/);
    const en = notes('en');
    const english = hoverAt(parseNotes(en), at(en, 'сеть оповещения'));
    assert.match(english?.markdown ?? '', /^\*\*Initiative\*\*[^]*Area: [^]*Referenced: 1 time/);
    // An explicit language wins over the file's.
    assert.equal(hoverAt(parseNotes(ru), at(ru, 'сеть оповещения'), 'en')?.markdown, english?.markdown);
  });

  it('gives Russian section, actor and figure hovers with Russian plurals', () => {
    const ru = notes('ru');
    const model = parseNotes(ru);
    assert.match(hoverAt(model, at(ru, '# Вода'))?.markdown ?? '', /^\*\*Раздел\*\* Вода · `#water`\n\n2 инициативы, 1 цифра, 1 участник\n\nСтатусы: 1 proposed$/);
    assert.match(hoverAt(model, at(ru, 'Анна Берг]'))?.markdown ?? '', /Анна Берг — в этом файле упоминается 1 раз\n\nПредложенные инициативы \(1\):/);
    assert.match(hoverAt(model, at(ru, 'более 40'))?.markdown ?? '', /^\*\*Цифра\*\*[^]*Показатель: стоимость {2}\nГод: 2026 {2}\nУточнение: более/);
    assert.match(hoverAt(model, at(ru, '[сеть](#net)') + 7)?.markdown ?? '', /^\*\*Ссылка\*\* на `#net`/);
  });
});

describe('diagnostics in the document language', () => {
  /** Files that together produce every diagnostic the parser makes. */
  const broken = [
    joinLines('---', 'language: ru', 'date: 14.05.2026', 'published: someday', 'title: [a, b]', 'areas: 5', 'glossary: [x]', 'source: [1]', 'language: ru', '---',
      '[a]{.initiative #x area=nowhere status=dreamt}', '[b]{.initiative #x area=watr}', '[c]{.figur}', '[d]{.foo .bar}', '[e]{.figure}',
      '[f]{#1bad .2bad # . key=}', '[g]{#one #two}', '[h]{word}', 'see [x](#nothing) and [y](#y1)', '[i]{.initiative status=agred}', '## Y {#y}', '[j]{.actor'),
    joinLines('---', 'title: [', '---', 'text'),
    joinLines('---', 'areas: [water]', '---', '[m]{.initiative area=watr}', '[n]{.initiative area=fire}'),
    joinLines('---', 'title: a', 'title: b', '---'),
    joinLines('---', '- a', '- b', '---'),
    joinLines('---', 'title: open'),
    joinLines('text [k]{.initiative', ''),
    joinLines('text [l {.initiative}', ''),
  ];
  const all = broken.flatMap((text) => [...parseNotes(text).diagnostics]);

  it('the fixtures reach every diagnostic code but too-large', () => {
    const codes = new Set(all.map((d) => d.code));
    for (const code of ['yaml-error', 'front-matter-type', 'duplicate-id', 'unresolved-reference', 'unclosed-span', 'unclosed-attributes',
      'malformed-attribute', 'unknown-kind', 'figure-without-value', 'unknown-area', 'unknown-status', 'date-not-iso'] as const) {
      assert.ok(codes.has(code), code);
    }
  });

  it('translates every message into Russian and leaves English as it is', () => {
    const ru = localiseDiagnostics(all, 'ru');
    assert.equal(localiseDiagnostics(all, 'en'), all);
    ru.forEach((d, i) => {
      assert.notEqual(d.message, all[i].message, `left in English: ${all[i].message}`);
      assert.match(d.message, /[а-яё]/i, d.message);
      // Outside quoted values and code, no English word is left.
      const rest = d.message.replace(/в списке: [^.(]*|«[^»]*»|“[^”]*”|`[^`]*`|\([^)]*\)|key=value|YAML|Pandoc|id|[#.]?[a-z]+=|\.[a-z]+|name, url, published|\$1\.5 trillion|ISO|value=…/g, '');
      if (!d.message.startsWith('Ошибка YAML:')) assert.doesNotMatch(rest, /\b[a-z]{3,}\b/i, d.message);
    });
  });

  it('reads values out of the English message and nests the reasons of malformed attributes', () => {
    assert.equal(localiseDiagnosticMessage('The id “net” is already used at line 12.', 'ru'), 'Id «net» уже занят в строке 12.');
    assert.equal(localiseDiagnosticMessage('Malformed attribute: a second id “#two”: Pandoc keeps only the last.', 'ru'),
      'Ошибка в атрибутах: второй id «#two»: Pandoc оставит только последний.');
    assert.equal(localiseDiagnosticMessage('“areas” should be a mapping of id: label (or a list of ids).', 'ru'),
      'Значение «areas» должно быть словарём «id: название» (или списком id).');
    assert.equal(localiseDiagnosticMessage('Summit Notes could not read this file: boom', 'ru'), 'Summit Notes не удалось прочитать этот файл: boom');
    assert.equal(localiseDiagnosticMessage('A message no template knows.', 'ru'), 'A message no template knows.');
  });
});

describe('the brief in the document language', () => {
  const ru = parseNotes(notes('ru'));
  const en = parseNotes(notes('en'));

  it('has Russian headings and labels in Markdown', () => {
    const md = renderBrief(ru, 'md');
    for (const line of ['- **Саммит:** Саммит северных рек', '- **Дата:** 2026-05-14', '- **Источник:** Вестник', '2 инициативы · 1 цифра · 1 участник · 1 ссылка',
      '## Инициативы', '### Вода и климат', '### Без направления', '## Ключевые цифры', '| Показатель | Как в тексте | Приведённое значение | Год | Где |', '## Участники']) {
      assert.ok(md.split('\n').includes(line), `missing line: ${line}\n${md}`);
    }
    assert.match(md, /инициатор: Анна Берг · раздел «Вода»/);
    assert.match(md, /\| стоимость \| более 40 млн евро \| более 40,000,000 EUR \| 2026 \| Вода \|/);
    assert.doesNotMatch(md, /Initiatives|Key figures|Source/);
  });

  it('has Russian headings in HTML, with lang="ru"', () => {
    const html = renderBrief(ru, 'html');
    assert.match(html, /<html lang="ru">/);
    for (const part of ['<h2>Инициативы</h2>', '<h2>Ключевые цифры</h2>', '<dt>Источник</dt>', '<th>Показатель</th>', '<h2>Участники</h2>', '<h2>Размеченный текст</h2>', 'раздел &laquo;Вода&raquo;']) {
      assert.ok(html.includes(part), part);
    }
  });

  it('gives the annotated text Russian tooltips and values', () => {
    const html = renderBrief(ru, 'html');
    assert.ok(html.includes('title="Инициатива #net · направление: Вода и климат · статус: proposed · инициатор: Анна Берг"'), 'initiative tooltip');
    assert.ok(html.includes('title="Цифра · стоимость (2026) · = более 40,000,000 EUR"'), 'figure tooltip');
    assert.ok(renderBrief(en, 'html').includes('title="Initiative #net · area: Вода и климат · status: proposed · by Анна Берг"'), 'English tooltip');
  });

  it('has a Russian CSV header and kind cells, and English JSON keys', () => {
    const csv = renderBrief(ru, 'csv').split('\r\n');
    assert.equal(csv[0], 'вид,id,текст,направление,название направления,статус,инициатор,показатель,как в тексте,значение,единица,уточнение,год,инициатива,раздел,строка,примечание');
    assert.match(csv[1], /^инициатива,net,/);
    assert.ok(csv.some((row) => row.startsWith('цифра,')));
    const json = JSON.parse(renderBrief(ru, 'json')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['schemaVersion', 'header', 'counts', 'areas', 'figures', 'actors']);
    assert.equal((json.header as { language: string }).language, 'ru');
  });

  it('is English for language: en, and an explicit language overrides the file', () => {
    assert.match(renderBrief(en, 'md'), /## Initiatives[^]*### No area[^]*## Key figures/);
    assert.match(renderBrief(en, 'csv'), /^kind,id,text,/);
    assert.equal(renderBrief(ru, 'md', 'en'), renderBrief(en, 'md'));
    assert.equal(renderBrief(en, 'csv', 'ru'), renderBrief(ru, 'csv'));
  });
});

describe('summit-notes --lang', () => {
  function fakeIo(files: Record<string, string>): CliIo & { stdout: string; stderr: string } {
    const io = {
      stdout: '',
      stderr: '',
      out(text: string) { io.stdout += text; },
      err(text: string) { io.stderr += text; },
      async readFile(path: string) {
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return new TextEncoder().encode(text);
      },
      async readStdin() { return new Uint8Array(); },
    };
    return io;
  }
  const broken = (language: string): string => joinLines('---', `language: ${language}`, '---', '[a]{.initiative #x}', '[b]{.initiative #x}', '');

  it('lint speaks the file\'s language, and --lang overrides it', async () => {
    const io = fakeIo({ 'ru.summit.md': broken('ru'), 'en.summit.md': broken('en') });
    assert.equal(await main(['lint', 'ru.summit.md', 'en.summit.md'], io), 1);
    assert.match(io.stdout, /^ru\.summit\.md:5:4 error duplicate-id Id «x» уже занят в строке 4\.$/m);
    assert.match(io.stdout, /^en\.summit\.md:5:4 error duplicate-id The id “x” is already used at line 4\.$/m);
    const forced = fakeIo({ 'ru.summit.md': broken('ru') });
    assert.equal(await main(['lint', 'ru.summit.md', '--lang', 'en'], forced), 1);
    assert.match(forced.stdout, /The id “x” is already used at line 4\./);
    const json = fakeIo({ 'en.summit.md': broken('en') });
    await main(['lint', '--lang=ru', '--json', 'en.summit.md'], json);
    assert.match(json.stdout, /"message": "Id «x» уже занят в строке 4\."/);
  });

  it('brief --lang ru renders Russian headings for an English file', async () => {
    const io = fakeIo({ 'n.summit.md': notes('en') });
    assert.equal(await main(['brief', 'n.summit.md', '--format', 'md', '--lang', 'ru'], io), 0);
    assert.match(io.stdout, /## Инициативы/);
  });

  it('refuses an unknown language with a usage error', async () => {
    const io = fakeIo({ 'n.summit.md': notes('en') });
    assert.equal(await main(['brief', 'n.summit.md', '--format', 'md', '--lang', 'de'], io), 2);
    assert.match(io.stderr, /--lang must be one of en, ru/);
    assert.equal(await main(['lint', 'n.summit.md', '--lang=xx'], io), 2);
  });
});
