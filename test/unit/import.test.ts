/**
 * Import: an article (plain text, Markdown or HTML) → a new notes file with a filled front-matter
 * template, Markdown paragraphs and escaped markup; the CLI's `import` and `detect` commands run
 * with a fake io.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { importArticle, escapeMarkdown } from '../../src/core/article/importArticle';
import { findArticleDate } from '../../src/core/article/articleDates';
import { parseNotes } from '../../src/core/model/parse';
import { articleFromHtml } from '../../src/shared/articleHtml';
import { command as importCommand, type WritingIo } from '../../src/cli/commands/import';
import { command as detectCommand, type DetectionJson } from '../../src/cli/commands/detect';

const root = join(__dirname, '..', '..', '..');
const fixture = (name: string): string => readFileSync(join(root, 'test', 'fixtures', 'import', name), 'utf8');

interface FakeRun { code: number; out: string; err: string; written: Map<string, string> }

async function runCommand(cmd: typeof importCommand, args: string[], files: Record<string, string>, existing: string[] = []): Promise<FakeRun> {
  const result: FakeRun = { code: -1, out: '', err: '', written: new Map() };
  const io: WritingIo = {
    out: (t) => { result.out += t; },
    err: (t) => { result.err += t; },
    readFile: async (path) => {
      if (files[path] === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[path]);
    },
    readStdin: async () => new Uint8Array(),
    writeFile: async (path, text) => { result.written.set(path, text); },
    exists: async (path) => existing.includes(path) || files[path] !== undefined,
  };
  result.code = await cmd.run(args, io);
  return result;
}

describe('importArticle', () => {
  const notes = importArticle({ text: fixture('article.txt'), url: 'https://example.org/a' });

  it('fills the front-matter template: format, title, language, date, source', () => {
    const model = parseNotes(notes.text);
    assert.strictEqual(model.frontMatter?.formatVersion, 1);
    assert.strictEqual(model.frontMatter?.title, 'Summit Ends With Fund Deal');
    assert.strictEqual(model.frontMatter?.language, 'en');
    assert.strictEqual(model.frontMatter?.date, '2024-07-03');
    assert.strictEqual(model.frontMatter?.source?.url, 'https://example.org/a');
    assert.deepStrictEqual(model.diagnostics.map((d) => d.code), []);
  });

  it('makes one paragraph per line and a bullet list under a line ending in a colon', () => {
    assert.match(notes.text, /\n\nAstana, 3 July 2024\n\n/);
    assert.match(notes.text, /- open a trade office in Almaty;\n- hold a forum in 2025\./);
  });

  it('escapes what would be read as annotations, code, HTML or block markup', () => {
    assert.ok(notes.text.includes('\\[annex\\] \\{2\\} and \\`code\\` \\<here>'));
    assert.ok(notes.text.includes('\n\\# This line starts with a hash'));
    assert.ok(notes.text.includes('\n1\\. This line starts like a list'));
    assert.ok(notes.text.includes('\nThis line is indented like code'));
    assert.strictEqual(parseNotes(notes.text).annotations.length, 0);
  });

  it('keeps a Markdown article as it is and replaces its front matter', () => {
    const md = importArticle({ text: '---\ntitle: old\n---\n# Heading\n\nText with *emphasis*.\n', markdown: true, title: 'New' });
    assert.match(md.text, /^---\nsummit-notes: 1\ntitle: "New"/);
    assert.match(md.text, /\n# Heading\n\nText with \*emphasis\*\.\n$/);
    assert.ok(!md.text.includes('title: old'));
  });

  it('detects Russian and leaves an unknown date empty', () => {
    const ru = importArticle({ text: 'Итоги встречи\nЛидеры договорились о создании фонда.' });
    assert.strictEqual(ru.language, 'ru');
    assert.strictEqual(ru.date, undefined);
    assert.deepStrictEqual(parseNotes(ru.text).diagnostics.map((d) => d.code), []);
  });

  it('quotes titles with YAML-significant characters', () => {
    const t = importArticle({ text: 'x', title: 'Summit: "results" # 1' });
    assert.strictEqual(parseNotes(t.text).frontMatter?.title, 'Summit: "results" # 1');
  });

  it('escapes single lines', () => {
    assert.strictEqual(escapeMarkdown('> quote [a]{.b}'), '\\> quote \\[a\\]\\{.b\\}');
    assert.strictEqual(escapeMarkdown('- dash'), '\\- dash');
    assert.strictEqual(escapeMarkdown('---'), '\\---');
    assert.strictEqual(escapeMarkdown('back\\slash'), 'back\\\\slash');
  });
});

describe('findArticleDate', () => {
  const cases: [string, string | null][] = [
    ['Posted 2025-09-01 by staff', '2025-09-01'],
    ['01.09.2025, Астана', '2025-09-01'],
    ['Астана, 1 сентября 2025 года', '2025-09-01'],
    ['1 September 2025', '2025-09-01'],
    ['September 1, 2025', '2025-09-01'],
    ['31.06.2025', null],
    ['no date here, only 2025', null],
  ];
  for (const [text, expected] of cases) it(`reads ${JSON.stringify(text)} as ${expected}`, () => assert.strictEqual(findArticleDate(text), expected));
});

describe('articleFromHtml', () => {
  const article = articleFromHtml(fixture('article.html'));

  it('extracts the article, not the navigation, footer or scripts', () => {
    assert.ok(article.text.includes('совместный инвестиционный фонд объёмом $2 млрд'));
    assert.ok(!article.text.includes('Главная'));
    assert.ok(!article.text.includes('Все права защищены'));
    assert.ok(!article.text.includes('analytics'));
  });

  it('keeps paragraphs and list items on their own lines', () => {
    assert.ok(article.text.includes('\n- открыть торговое представительство в Алматы;\n- провести форум в 2025 году.\n'));
  });

  it('reads title, site name, date and language', () => {
    assert.strictEqual(article.title, 'Лидеры договорились о новом фонде');
    assert.strictEqual(article.sourceName, 'Пример Новости');
    assert.strictEqual(findArticleDate(article.published ?? ''), '2024-07-03');
    assert.strictEqual(article.language, 'ru');
  });

  it('never throws on broken HTML', () => {
    for (const html of ['', '<', '<p>unclosed', '<div>'.repeat(300), '<script>', '\u0000']) assert.doesNotThrow(() => articleFromHtml(html));
  });
});

describe('cli: import', () => {
  it('prints the notes for an HTML file and never touches the original', async () => {
    const html = fixture('article.html');
    const r = await runCommand(importCommand, ['article.html'], { 'article.html': html });
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^---\nsummit-notes: 1\ntitle: "Лидеры договорились о новом фонде"/);
    assert.match(r.out, /\nlanguage: ru\n/);
    assert.strictEqual(r.written.size, 0);
  });

  it('writes -o OUT, and refuses the original or an existing file without --force', async () => {
    const files = { 'a.txt': fixture('article.txt') };
    const ok = await runCommand(importCommand, ['a.txt', '-o', 'a.summit.md'], files);
    assert.strictEqual(ok.code, 0);
    assert.match(ok.written.get('a.summit.md') ?? '', /title: "Summit Ends With Fund Deal"/);
    await assert.rejects(runCommand(importCommand, ['a.txt', '-o', 'a.txt'], files), /refusing to write over the article/);
    await assert.rejects(runCommand(importCommand, ['a.txt', '-o', 'b.summit.md'], files, ['b.summit.md']), /exists/);
    const forced = await runCommand(importCommand, ['a.txt', '--output=b.summit.md', '--force'], files, ['b.summit.md']);
    assert.strictEqual(forced.code, 0);
  });

  it('rejects a missing file and bad options with a usage error', async () => {
    await assert.rejects(runCommand(importCommand, ['nope.txt'], {}), /cannot read/);
    await assert.rejects(runCommand(importCommand, ['a.txt', '--bogus'], { 'a.txt': 'x' }), /unknown option/);
    await assert.rejects(runCommand(importCommand, [], {}), /exactly one FILE/);
  });
});

describe('cli: detect', () => {
  const notes = '\uFEFF---\nsummit-notes: 1\nlanguage: ru\n---\nТоварооборот превысил $650 млрд, а [30%]{.figure} уже отмечено.\nПрезидент предложил создать фонд.\n';

  it('prints JSON with UTF-16 offsets into the text read (BOM removed), skipping annotated spans', async () => {
    const r = await runCommand(detectCommand, ['n.summit.md', '--json'], { 'n.summit.md': notes });
    assert.strictEqual(r.code, 0);
    const items = JSON.parse(r.out) as DetectionJson[];
    const text = notes.slice(1);
    assert.deepStrictEqual(items.map((i) => i.kind), ['figure', 'initiative']);
    for (const i of items) assert.strictEqual(text.slice(i.start, i.end), i.text);
    assert.deepStrictEqual(items[0], { kind: 'figure', start: text.indexOf('$650'), end: text.indexOf('$650') + 9, text: '$650 млрд', value: 650e9, unit: 'USD', qualifier: 'more_than', score: 1 });
    assert.deepStrictEqual(Object.keys(items[1]), ['kind', 'start', 'end', 'text', 'value', 'unit', 'qualifier', 'score']);
  });

  it('prints one line per candidate with line:col, and honours --lang', async () => {
    const r = await runCommand(detectCommand, ['n.md', '--lang', 'en'], { 'n.md': 'Sales: 1,500 units.\n' });
    assert.match(r.out, /^1:8 {2}figure {6}"1,500 units" {2}= 1500 units\n/);
    const ru = await runCommand(detectCommand, ['n.md', '--lang=ru', '--json'], { 'n.md': 'Sales: 1,500 units.\n' });
    assert.strictEqual((JSON.parse(ru.out) as DetectionJson[])[0].value, 1.5);
    await assert.rejects(runCommand(detectCommand, ['n.md', '--lang=de'], { 'n.md': '' }), /--lang takes ru or en/);
  });
});
