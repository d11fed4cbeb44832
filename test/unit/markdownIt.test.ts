/**
 * The markdown-it plugin: fixture-driven rendering (test/fixtures/brief/markdownIt.txt), the xss
 * attack list (test/fixtures/brief/xss.txt) and pathological inputs run in a worker under a
 * timeout, so a slow path fails instead of hanging the suite.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createNotesMarkdown } from '../../src/core/brief/html';
import MarkdownIt from 'markdown-it';
import { spanTitle, summitNotesPlugin, type SpanMeta, type Token } from '../../src/core/brief/markdownItPlugin';
import { seededRandom } from '../support/random';
import { assertHarmless, readFixtureBlocks, fixturePath } from './briefFixtures';

describe('markdown-it plugin', () => {
  describe('renders the fixtures', () => {
    for (const block of readFixtureBlocks(fixturePath('markdownIt.txt'))) {
      it(block.title, () => {
        const md = createNotesMarkdown({ blockLines: block.title.startsWith('lines relative:') ? 'relative' : block.title.startsWith('lines:') });
        assert.equal(md.render(block.parts[0]), block.parts[1]);
      });
    }
  });

  describe('defuses every attack', () => {
    for (const block of readFixtureBlocks(fixturePath('xss.txt'))) {
      it(block.title, () => {
        const html = createNotesMarkdown({ blockLines: true }).render(block.parts[0]);
        assertHarmless(html);
      });
    }
  });

  it('annotation tokens carry their source line, counted to the block or to the whole text', () => {
    const text = 'one\ntwo `code\nspan` [A]{.actor}\n\n- first\n  second [B]{.actor}\n\n| who |\n|---|\n| [C]{.actor} |\n';
    const lines = (md: ReturnType<typeof createNotesMarkdown>) => {
      const out: Record<string, number | undefined> = {};
      const visit = (tokens: readonly Token[]) => {
        for (const t of tokens) {
          if (t.type === 'summit_span' || t.type === 'summit_span_open') { const meta = t.meta as unknown as SpanMeta; out[meta.text] = meta.line; }
          if (t.children) visit(t.children);
        }
      };
      visit(md.parse(text, {}));
      return out;
    };
    assert.deepEqual(lines(createNotesMarkdown()), { A: 2, B: 5, C: 9 });
    assert.deepEqual(lines(createNotesMarkdown({ blockLines: 'relative' })), { A: 2, B: 1, C: 2 });
  });

  it('reads attribute blocks alike through the whole text and through a paragraph alone', () => {
    // parseInline registers its one inline token (read through the scanner of the whole text);
    // markdown-it's bare inline parser skips our core rule (each paragraph gets a scanner of its own).
    const md = new MarkdownIt().use(summitNotesPlugin);
    const pieces = ['[a]{.actor}', '[b [c]{.figure metric="x y"}]{.initiative #i area=f}', ' ', '\n', '{', '}', ']', '[', '"', "'", '\\',
      'note="a}b"', '[x]{.actor note="q\\"r" k=v}', '[y]{#id .c1 .c2 key=\'v w\'}', '`', 'text', '[z]{.actor', '[w]{bad token}'];
    const random = seededRandom(23);
    // Text runs joined, as markdown-it's core rule `text_join` does after parseInline only.
    const shape = (tokens: readonly Token[]): unknown[] => {
      const out: { type: string; content: string; meta: unknown; children: unknown }[] = [];
      for (const t of tokens) {
        const type = t.type === 'text_special' ? 'text' : t.type;
        const last = out[out.length - 1];
        if (type === 'text' && last?.type === 'text') last.content += t.content;
        else out.push({ type, content: t.content, meta: t.meta && { ...(t.meta as unknown as SpanMeta), line: undefined }, children: t.children && shape(t.children) });
      }
      return out;
    };
    for (let n = 0; n < 300; n++) {
      let src = '';
      for (let i = 0, length = 1 + Math.floor(random() * 30); i < length; i++) src += pieces[Math.floor(random() * pieces.length)];
      const alone: Token[] = [];
      md.inline.parse(src, md, {}, alone);
      assert.deepEqual(shape(md.parseInline(src, {})[0].children ?? []), shape(alone), JSON.stringify(src));
    }
  });

  it('titles a figure with its metric, year, normalised value and note', () => {
    const title = spanTitle({
      kind: 'figure', id: 'trade', classes: ['figure'], text: 'x',
      attributes: [['metric', 'trade'], ['year', '2024'], ['value', '650000000000'], ['unit', 'USD'], ['note', 'check']],
    }, {});
    assert.equal(title, 'Figure #trade · trade (2024) · = 650,000,000,000 USD · note: check');
  });

  it('labels an area with the vocabulary label from the context', () => {
    const md = createNotesMarkdown();
    const html = md.render('[x]{.initiative area=fin}', { summitNotes: { areas: new Map([['fin', 'Finance & <money>']]) } });
    assert.match(html, /title="Initiative · area: Finance &amp; &lt;money&gt;"/);
  });

  describe('pathological inputs finish in time', () => {
    const cases: [string, string][] = [
      ['100k [', '['.repeat(100_000)],
      ['100k {', '{'.repeat(100_000)],
      ['100k ]{', ']{'.repeat(100_000)],
      ['100k unclosed spans', '[a]{.actor '.repeat(20_000)],
      ['100k unclosed quotes', '[a]{note="'.repeat(20_000)],
      ['deep nesting', '['.repeat(5_000) + 'x' + ']{.actor}'.repeat(5_000)],
      ['a 1 MB line of spans', '[Kazakhstan]{.actor} '.repeat(50_000)],
    ];
    for (const [name, input] of cases) {
      it(name, async function () {
        this.timeout(20_000);
        await renderInWorker(input, 10_000);
      });
    }
  });
});

/** Renders in a worker thread and fails (terminating it) when it takes longer than `ms`. */
function renderInWorker(input: string, ms: number): Promise<void> {
  const modulePath = join(__dirname, '..', '..', 'src', 'core', 'brief', 'html.js');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const { createNotesMarkdown } = require(workerData.modulePath);
     createNotesMarkdown({ blockLines: true }).render(workerData.input);
     parentPort.postMessage('done');`,
    { eval: true, workerData: { input, modulePath } },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void worker.terminate(); reject(new Error(`still rendering after ${ms} ms`)); }, ms);
    worker.once('message', () => { clearTimeout(timer); void worker.terminate(); resolve(); });
    worker.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}
