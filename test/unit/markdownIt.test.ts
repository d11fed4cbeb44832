/**
 * The markdown-it plugin: fixture-driven rendering (test/fixtures/brief/markdownIt.txt), the xss
 * attack list (test/fixtures/brief/xss.txt) and pathological inputs run in a worker under a
 * timeout, so a slow path fails instead of hanging the suite.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createNotesMarkdown } from '../../src/core/briefHtml';
import { spanTitle } from '../../src/core/markdownIt';
import { assertHarmless, readFixtureBlocks, fixturePath } from './briefFixtures';

describe('markdown-it plugin', () => {
  describe('renders the fixtures', () => {
    for (const block of readFixtureBlocks(fixturePath('markdownIt.txt'))) {
      it(block.title, () => {
        const md = createNotesMarkdown({ blockLines: block.title.startsWith('lines:') });
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
  const modulePath = join(__dirname, '..', '..', 'src', 'core', 'briefHtml.js');
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
