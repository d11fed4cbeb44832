/**
 * The exported brief's annotated text read window by window (src/core/brief/textStream.ts) is
 * exactly the whole render, whatever the window cuts through: fences, lists, tables, quotes,
 * setext headings, reference definitions further down, the front matter, CR line ends.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotes } from '../../src/core';
import { createNotesMarkdown, renderAnnotatedText } from '../../src/core/brief/html';
import { annotatedTextPieces } from '../../src/core/brief/textStream';
import { generateNotes } from '../../bench/generate';
import { fixturePath } from './briefFixtures';

const root = join(__dirname, '..', '..', '..');

/** Markdown that a cut in the wrong place would change. */
const TRICKY = [
  '---\ntitle: Cuts\nlanguage: en\nareas:\n  trade: Trade\n---\n',
  '# Opening {#top}\n\nA paragraph [with a figure of 5%]{.figure #f1} that runs\nover two lines and a lazy\ncontinuation.\n',
  'Setext heading made by the next line\n===\n\nAnother one\n---\n',
  '```js\nconst fence = 1;\n\n\nstill the fence\n```\n\n~~~\nunclosed tilde fence\n\nkeeps going\n~~~~\n',
  '- one [item]{.initiative #i1 area=trade status=agreed}\n- two\n\n  still item two, loose\n\n- three\n\n1. first\n2) other list\n',
  '> quote [Actor]{.actor}\nlazy quote line\n\n> another quote\n',
  '| a | b |\n| --- | --- |\n| [1 bn USD]{.figure} | cell |\n| x | y |\n\n',
  '    indented code\n\n    more code\n\nText after code. See [the link][later] and [the other].\n',
  '***\n\n<div>html off</div>\n\nEnd [of](#top) text with a [ref](#i1).\n',
  '[later]: https://example.com/later "A title\nover two lines"\n\n[the other]:\n  https://example.com/other\n',
];

function pieces(text: string, window: number): string {
  return [...annotatedTextPieces(parseNotes(text), createNotesMarkdown(), window)].join('');
}

function whole(text: string): string {
  return renderAnnotatedText(parseNotes(text), createNotesMarkdown());
}

describe('brief text rendered window by window', function () {
  this.timeout(60000);
  const tricky = TRICKY.join('\n');
  const texts: [string, string][] = [
    ['tricky', tricky],
    ['tricky, CR LF', tricky.replace(/\n/g, '\r\n')],
    ['tricky, lone CR and NUL', tricky.replace(/\n\n/g, '\r\r').replace('cell', 'ce\0ll')],
    ['tricky, no front matter', TRICKY.slice(1).join('\n')],
    ['tricky, no definitions', TRICKY.slice(0, -1).join('\n').replace(/\]\[later\]|\]:/g, ']')],
    ['sample', readFileSync(fixturePath('sample.summit.md'), 'utf8')],
    ['attacks', readFileSync(fixturePath('attacks.summit.md'), 'utf8')],
    ['cli problems', readFileSync(join(root, 'test', 'fixtures', 'cli', 'problems.summit.md'), 'utf8')],
    ['generated ru', generateNotes({ bytes: 60_000, language: 'ru', seed: 11 })],
    ['front matter only', '---\ntitle: Only a head\n---\n'],
    ['empty', ''],
    ['one long paragraph', `${'word [5%]{.figure} '.repeat(400)}\n`],
  ];
  for (const [name, text] of texts) {
    it(`joins to the whole render at every window size: ${name}`, () => {
      const expected = whole(text);
      for (const window of [1, 7, 40, 120, 1000, 1 << 18]) assert.equal(pieces(text, window), expected, `window ${window}`);
    });
  }

  it('a reference definition below its link still resolves', () => {
    const html = pieces('See [the site][s].\n\n' + 'Filler paragraph.\n\n'.repeat(50) + '[s]: https://example.com/s\n', 16);
    assert.match(html, /<a href="https:\/\/example\.com\/s">the site<\/a>/);
  });

  it('never holds the whole text as one piece', () => {
    const text = generateNotes({ bytes: 600_000, language: 'en', seed: 12 });
    const all = [...annotatedTextPieces(parseNotes(text), createNotesMarkdown())];
    assert.ok(all.length > 5, `${all.length} pieces`);
    assert.ok(Math.max(...all.map((p) => p.length)) < 1 << 18);
  });
});
