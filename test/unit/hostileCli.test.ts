/**
 * The CLI against hostile input and a hostile file system: HTML import linear in sibling nodes
 * and refused above its size limit, output files that never go through links nor over the input
 * and are replaced whole, one formula guard for every CSV cell, and no terminal control
 * characters from the notes file reaching the terminal.
 */
import * as assert from 'node:assert/strict';
import { existsSync, lstatSync, linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, nodeIo } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { writeOutputFile } from '../../src/cli/outputFile';
import { csvCell } from '../../src/core/brief/csv';
import { MAX_HTML_CHARS } from '../../src/core/article/importArticle';
import { runWithTimeLimit } from '../support/timeLimit';
import { runCliOn } from '../support/cli';
import * as path from 'node:path';

const NOTES = '---\ntitle: Forum notes\n---\n\n# Trade {#trade}\n\nThe sides agreed to [open a trade house]{.initiative #house} with [5 млрд]{.figure}.\n';

/** Whether `text` holds a control character other than line feed (C0, DEL, C1). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 10) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** Runs the CLI on the real file system, with stdout and stderr collected. */
async function runReal(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo, out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(args, io);
  return { code, out, err };
}

const runOn = runCliOn;

describe('hostile input and file system', function () {
  this.timeout(60000);
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'summit-hostile-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });
  const at = (name: string): string => join(dir, name);

  describe('output files', () => {
    for (const command of ['brief', 'import'] as const) {
      const args = (input: string, out: string, force: boolean): string[] =>
        command === 'brief' ? ['brief', input, '--format', 'html', '-o', out, ...(force ? ['--force'] : [])] : ['import', input, '-o', out, ...(force ? ['--force'] : [])];
      const inputName = command === 'brief' ? 'n.summit.md' : 'article.txt';

      it(`${command}: a symlink to the input at the output path is refused, even with --force`, async () => {
        writeFileSync(at(inputName), NOTES);
        symlinkSync(at(inputName), at('out.html'));
        const r = await runReal(args(at(inputName), at('out.html'), true));
        assert.equal(r.code, 2);
        assert.match(r.err, /refusing to write over the input file itself/);
        assert.equal(readFileSync(at(inputName), 'utf8'), NOTES);
      });

      it(`${command}: a hard link to the input at the output path is refused, even with --force`, async () => {
        writeFileSync(at(inputName), NOTES);
        linkSync(at(inputName), at('out.html'));
        const r = await runReal(args(at(inputName), at('out.html'), true));
        assert.equal(r.code, 2);
        assert.equal(readFileSync(at(inputName), 'utf8'), NOTES);
      });

      it(`${command}: a symlink elsewhere is replaced with --force, not written through`, async () => {
        writeFileSync(at(inputName), NOTES);
        writeFileSync(at('other.txt'), 'keep me');
        symlinkSync(at('other.txt'), at('out.html'));
        const r = await runReal(args(at(inputName), at('out.html'), true));
        assert.equal(r.code, 0, r.err);
        assert.equal(readFileSync(at('other.txt'), 'utf8'), 'keep me');
        assert.ok(!lstatSync(at('out.html')).isSymbolicLink());
        assert.ok(readFileSync(at('out.html'), 'utf8').length > 0);
      });

      it(`${command}: a dangling symlink is an existing output without --force, and nothing is made where it points`, async () => {
        writeFileSync(at(inputName), NOTES);
        symlinkSync(at('elsewhere.txt'), at('out.html'));
        const r = await runReal(args(at(inputName), at('out.html'), false));
        assert.equal(r.code, 2);
        assert.match(r.err, /exists/);
        assert.ok(!existsSync(at('elsewhere.txt')));
      });

      it(`${command}: writes a new file whole and leaves no temporary file beside it`, async () => {
        writeFileSync(at(inputName), NOTES);
        const r = await runReal(args(at(inputName), at('out.html'), false));
        assert.equal(r.code, 0, r.err);
        assert.deepEqual(readdirSync(dir).sort(), [inputName, 'out.html'].sort());
      });

      it(`${command}: -o - writes to standard output`, async () => {
        writeFileSync(at(inputName), NOTES);
        const r = await runReal(command === 'brief' ? ['brief', at(inputName), '--format', 'md', '-o', '-'] : ['import', at(inputName), '-o', '-']);
        assert.equal(r.code, 0, r.err);
        assert.ok(r.out.length > 0);
        assert.deepEqual(readdirSync(dir), [inputName]);
      });
    }

    it('an interrupted write leaves the old file whole and no temporary file', async () => {
      writeFileSync(at('out.json'), 'the old export');
      function* failing(): Generator<string> {
        yield '{"half": ';
        throw new Error('interrupted');
      }
      await assert.rejects(writeOutputFile(at('out.json'), failing(), { force: true }), /interrupted/);
      assert.equal(readFileSync(at('out.json'), 'utf8'), 'the old export');
      assert.deepEqual(readdirSync(dir), ['out.json']);
    });
  });

  describe('CSV cells', () => {
    it('one guard: = + - @ after spaces, or a leading tab or CR, get a quote mark', () => {
      assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
      assert.equal(csvCell(' =1+1'), `' =1+1`);
      assert.equal(csvCell('  @SUM(A1)'), `'  @SUM(A1)`);
      assert.equal(csvCell('\t=1'), `'\t=1`);
      assert.equal(csvCell('\r=1'), `"'\r=1"`);
      assert.equal(csvCell('-5'), `'-5`);
      assert.equal(csvCell(-5, false), '-5');
      assert.equal(csvCell('a = b'), 'a = b');
    });

    const hostile = '# H\n\n[=HYPERLINK("http://x","y")]{.figure value=5} and [ =cmd|x]{.figure value=2 note="@SUM(1)"} and [\t+1]{.initiative #i}\n';

    it('figures --csv guards every text cell', async () => {
      const r = await runOn(['figures', '--csv', 'h.summit.md'], hostile);
      assert.equal(r.code, 0, r.err);
      assert.ok(!/(^|,)"? *[=+@]/m.test(r.out), r.out);
      assert.match(r.out, /'=HYPERLINK/);
      assert.match(r.out, /'@SUM/);
    });

    it('brief --format csv guards a formula after a space or a tab', async () => {
      const r = await runOn(['brief', 'h.summit.md', '--format', 'csv'], hostile);
      assert.equal(r.code, 0, r.err);
      assert.ok(!/(^|,)"? *[=+@\t]/m.test(r.out), r.out);
    });
  });

  describe('terminal output', () => {
    const ESC = '\u001b';
    const hostile = `---\ntitle: "Title ${ESC}]52;c;aGk=\\u0007 here"\n---\n\n# Heading ${ESC}[2J {#h}\n\n[Span \u009b31m red]{.initiative #i}\n\n[dup]{.actor #i}\n`;

    it('outline escapes control characters in titles, headings and labels', async () => {
      const r = await runOn(['outline', 'h.summit.md'], hostile);
      assert.equal(r.code, 0, r.err);
      assert.ok(!hasControl(r.out), JSON.stringify(r.out));
      assert.match(r.out, /\\x1B\[2J/);
      assert.match(r.out, /\\x9B31m/);
    });

    it('lint escapes control characters in messages and file names', async () => {
      const r = await runOn(['lint', `h${ESC}[2J.summit.md`], `# H\n\n[x]{.ini${ESC}[2Jtiative} [y]{.actor #a} [z]{.actor #a}\n`);
      assert.ok(!hasControl(r.out), JSON.stringify(r.out));
      assert.match(r.out, /^h\\x1B\[2J\.summit\.md:/m);
      assert.match(r.out, /ini\\x1B\[2Jtiative/);
    });
  });

  describe('HTML import', () => {
    const readerModule = path.resolve(__dirname, '..', '..', 'src', 'shared', 'articleHtml.js');
    const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { articleFromHtml } = require(workerData.readerModule);
const paragraphs = (n) => '<html><body><article>' + Array.from({ length: n }, (_, i) => '<p>Paragraph ' + i + ' of the report on trade.</p>').join('') + '</article></body></html>';
function time(n) {
  const html = paragraphs(n);
  const t0 = process.hrtime.bigint();
  const lines = articleFromHtml(html).text.split('\\n').length;
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, lines };
}
time(500);
parentPort.postMessage([time(${2000}), time(${8000})]);
`;

    it('is linear in sibling paragraphs: 2,000 and 8,000 <p>, ×4 → time ≤ ×6', async () => {
      const [small, large] = await runWithTimeLimit<{ ms: number; lines: number }[]>(WORKER, { readerModule }, 120000, 'importing many paragraphs');
      assert.equal(small.lines, 2000);
      assert.equal(large.lines, 8000);
      const ratio = large.ms / Math.max(small.ms, 20);
      assert.ok(ratio <= 6, `${small.ms.toFixed(0)} ms → ${large.ms.toFixed(0)} ms (×${ratio.toFixed(1)})`);
    });

    it('refuses a page above the size limit with a clear message', async () => {
      writeFileSync(at('big.html'), `<html><body><p>${'x'.repeat(MAX_HTML_CHARS)}</p></body></html>`);
      const r = await runReal(['import', at('big.html')]);
      assert.equal(r.code, 2);
      assert.match(r.err, /too large to import as HTML .*the limit is 10\.0 MB.*\.txt or \.md/);
      assert.equal(r.out, '');
    });
  });
});
