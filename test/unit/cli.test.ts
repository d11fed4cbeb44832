/**
 * The `summit-notes` CLI, run through `main` with a fake io (files from a map or the real disk,
 * output captured), plus one real process to check the exit code reaches the shell.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main, COMMANDS } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { LintJson } from '../../src/cli/commands/lint';
import type { OutlineJson, OutlineNodeJson } from '../../src/cli/commands/outline';
import type { FiguresJson } from '../../src/cli/commands/figures';

const root = join(__dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'cli');

/** What a run printed and returned. */
interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI; paths found in `files` are served from memory, the others from disk (relative to the repo). */
async function run(args: string[], files: Record<string, string | Uint8Array> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    readFile: async (path) => {
      const f = files[path];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return readFileSync(join(root, path));
    },
    readStdin: async () => new TextEncoder().encode(typeof files['-'] === 'string' ? files['-'] : ''),
  };
  const code = await main(args, io);
  return { code, out, err };
}

const LINT_LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) ([a-z-]+) (.+)$/;

describe('cli', () => {
  describe('help and usage', () => {
    it('lists every command under --help and exits 0', async () => {
      const r = await run(['--help']);
      assert.equal(r.code, 0);
      for (const c of COMMANDS) assert.match(r.out, new RegExp(`^  ${c.name} `, 'm'));
    });

    it('shows one command\'s usage with COMMAND --help', async () => {
      const r = await run(['figures', '--help']);
      assert.equal(r.code, 0);
      assert.match(r.out, /summit-notes figures FILE \[--json\|--csv\]/);
    });

    it('prints the package version', async () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      assert.equal((await run(['--version'])).out.trim(), pkg.version);
    });

    for (const [name, args, message] of [
      ['no arguments', [], /usage: summit-notes COMMAND/],
      ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
      ['an unknown option', ['lint', '--fix', 'a.summit.md'], /unknown option --fix/],
      ['a missing FILE', ['outline'], /expected exactly one FILE/],
      ['two FILEs for figures', ['figures', 'a', 'b'], /expected exactly one FILE/],
      ['--json with --csv', ['figures', '--json', '--csv', 'a'], /--json and --csv cannot be combined/],
    ] as const) {
      it(`exits 2 on ${name}`, async () => {
        const r = await run([...args]);
        assert.equal(r.code, 2);
        assert.match(r.out + r.err, message);
      });
    }
  });

  describe('reading files', () => {
    it('exits 2 with a clear message for a missing file', async () => {
      const r = await run(['outline', 'no/such/file.summit.md']);
      assert.equal(r.code, 2);
      assert.match(r.err, /no\/such\/file\.summit\.md: cannot read: no such file/);
    });

    it('refuses a binary file', async () => {
      const r = await run(['lint', 'x.pdf'], { 'x.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]) });
      assert.equal(r.code, 2);
      assert.match(r.err, /x\.pdf: looks like a binary file/);
    });

    it('refuses text that is not UTF-8', async () => {
      const r = await run(['lint', 'latin1.summit.md'], { 'latin1.summit.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]) });
      assert.equal(r.code, 2);
      assert.match(r.err, /not valid UTF-8/);
    });

    it('strips a BOM, so positions match the same file without one', async () => {
      const text = readFileSync(join(fixtures, 'problems.summit.md'), 'utf8');
      const plain = await run(['lint', 'f.summit.md'], { 'f.summit.md': text });
      const bom = await run(['lint', 'f.summit.md'], { 'f.summit.md': '\ufeff' + text });
      assert.equal(bom.out, plain.out);
      assert.ok(!bom.out.includes('yaml-error'));
    });

    it('reads standard input for -', async () => {
      const r = await run(['figures', '-'], { '-': '[$5 bn]{.figure}\n' });
      assert.equal(r.code, 0);
      assert.match(r.out, /\$5 bn/);
    });
  });

  describe('lint', () => {
    it('is clean on every sample', async () => {
      const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.summit.md'));
      assert.ok(samples.length >= 2);
      const r = await run(['lint', ...samples.map((f) => `samples/${f}`)]);
      assert.equal(r.out, '');
      assert.equal(r.code, 0);
    });

    it('prints file:line:col severity code message, 1-based, and exits 1 on errors', async () => {
      const r = await run(['lint', 'test/fixtures/cli/problems.summit.md']);
      assert.equal(r.code, 1);
      const lines = r.out.trimEnd().split('\n');
      for (const line of lines) assert.match(line, LINT_LINE);
      const duplicate = lines.map((l) => LINT_LINE.exec(l)).find((m) => m?.[5] === 'duplicate-id');
      assert.ok(duplicate, r.out);
      assert.deepEqual([duplicate[1], duplicate[2], duplicate[4]], ['test/fixtures/cli/problems.summit.md', '11', 'error']);
      assert.ok(lines.some((l) => / warning unresolved-reference /.test(l)));
    });

    it('exits 0 when there are only warnings', async () => {
      const r = await run(['lint', 'w.summit.md'], { 'w.summit.md': 'See [x](#nowhere).\n' });
      assert.match(r.out, /^w\.summit\.md:1:\d+ warning unresolved-reference /);
      assert.equal(r.code, 0);
    });

    it('still lints the readable files when one is missing, then exits 2', async () => {
      const r = await run(['lint', 'missing.summit.md', 'test/fixtures/cli/problems.summit.md']);
      assert.equal(r.code, 2);
      assert.match(r.err, /missing\.summit\.md: cannot read/);
      assert.match(r.out, /duplicate-id/);
    });

    it('--json lists problems with ranges and a summary', async () => {
      const r = await run(['lint', '--json', 'test/fixtures/cli/problems.summit.md']);
      assert.equal(r.code, 1);
      const doc = JSON.parse(r.out) as LintJson;
      assert.equal(doc.summary.files, 1);
      assert.equal(doc.summary.errors, doc.problems.filter((p) => p.severity === 'error').length);
      const dup = doc.problems.find((p) => p.code === 'duplicate-id');
      assert.ok(dup);
      assert.equal(dup.range.startLine, 11);
      assert.ok(dup.range.startColumn >= 1 && dup.range.endOffset > dup.range.startOffset);
      assert.deepEqual(doc.unreadable, []);
    });
  });

  describe('outline', () => {
    it('prints sections, initiatives and their figures as an indented tree', async () => {
      const r = await run(['outline', 'samples/sco-tianjin-2025.en.summit.md']);
      assert.equal(r.code, 0);
      assert.match(r.out, /^ {2}## Transport and logistics {2}\{#transport\} {2}\d+:1$/m);
      assert.match(r.out, /^ {4}initiative .*\{#belt-and-road\}/m);
      assert.match(r.out, /^ {6}figure more than 150 states {2}\{#bri-states\}/m);
    });

    it('--json nests figures under their initiative', async () => {
      const r = await run(['outline', '--json', 'samples/sco-tianjin-2025.ru.summit.md']);
      const doc = JSON.parse(r.out) as OutlineJson;
      assert.equal(doc.language, 'ru');
      const all: OutlineNodeJson[] = [];
      const walk = (nodes: readonly OutlineNodeJson[]): void => { for (const n of nodes) { all.push(n); walk(n.children); } };
      walk(doc.outline);
      const bri = all.find((n) => n.id === 'belt-and-road');
      assert.ok(bri);
      assert.deepEqual(bri.children.map((c) => c.id), ['bri-states', 'bri-annual-gain']);
      assert.ok(all.filter((n) => n.kind === 'initiative').length >= 17);
    });
  });

  describe('figures', () => {
    it('--json gives value, unit, qualifier, year and the enclosing initiative', async () => {
      const r = await run(['figures', '--json', 'test/fixtures/cli/figures.summit.md']);
      assert.equal(r.code, 0);
      const doc = JSON.parse(r.out) as FiguresJson;
      assert.equal(doc.figures.length, 2);
      const [fund, trade] = doc.figures;
      assert.equal(fund.initiative, 'fund');
      assert.equal(fund.year, 2025);
      assert.equal(fund.metric, 'fund size, "initial"');
      assert.equal(trade.value, 650000000000);
      assert.equal(trade.unit, 'USD');
      assert.equal(trade.source, 'attribute');
    });

    it('--csv quotes commas and quotes (RFC 4180)', async () => {
      const r = await run(['figures', '--csv', 'test/fixtures/cli/figures.summit.md']);
      const rows = r.out.split('\r\n');
      assert.equal(rows[0], 'line,column,text,value,unit,qualifier,year,metric,id,initiative,section,note');
      assert.ok(rows[1].includes(',"fund size, ""initial""",fund-size,fund,Trade,"says ""about"", roughly"'), rows[1]);
      assert.equal(rows.at(-1), '', 'ends with CRLF');
    });

    it('prints one line per figure by default', async () => {
      const r = await run(['figures', 'samples/sco-tianjin-2025.en.summit.md']);
      assert.equal(r.out.trimEnd().split('\n').length, 7);
    });
  });

  describe('samples', () => {
    // The facts of the Tianjin SCO summit article every sample must carry (value, unit, qualifier).
    const expected = [
      '30 % null', '650000000000 USD more_than', '70000000000 USD about', '150 countries more_than',
      '1500000000000 USD up_to', '5000000000000 USD null', '30 % null',
    ];
    for (const name of ['sco-tianjin-2025.en.summit.md', 'sco-tianjin-2025.ru.summit.md']) {
      it(`${name} carries every figure and initiative of the article`, async () => {
        const figures = JSON.parse((await run(['figures', '--json', `samples/${name}`])).out) as FiguresJson;
        assert.deepEqual(figures.figures.map((f) => `${f.value} ${f.unit} ${f.qualifier}`), expected);
        const outline = JSON.parse((await run(['outline', '--json', `samples/${name}`])).out) as OutlineJson;
        const ids: string[] = [];
        const walk = (nodes: readonly OutlineNodeJson[]): void => {
          for (const n of nodes) { if (n.kind === 'initiative' && n.id) ids.push(n.id); walk(n.children); }
        };
        walk(outline.outline);
        for (const id of ['xi-global-initiatives', 'sco-strategy-10y', 'sco-security-centres', 'afghan-projects', 'un-sdg-centre',
          'un-sdg-centre-coordination', 'sco-invest-office', 'sco-development-bank', 'belt-and-road', 'transport-corridors',
          'trans-altai-dialogue', 'aktau-forum', 'global-ai-org', 'sco-ai-forum', 'ai-conference-2027', 'sco-media-dialogue',
          'sco-water-centre']) {
          assert.ok(ids.includes(id), `initiative #${id}`);
        }
      });
    }
  });

  it('exits with the code main returns when run as a process', function () {
    const cli = join(root, 'out', 'src', 'cli', 'main.js');
    const r = spawnSync(process.execPath, [cli, 'lint', join(fixtures, 'problems.summit.md')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /duplicate-id/);
  });
});
