/** `summit-notes dossier`: every format, filters, output file handling, unreadable files, escaping. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as dossier, type DossierIo } from '../../src/cli/commands/dossier';
import { main, nodeIo } from '../../src/cli/main';
import { DOSSIER_CSV_COLUMNS, type Dossier } from '../../src/core';
import { DOSSIER_FIXTURES, notes } from './dossierSupport';

/** A fake io over the disk (reads) with writes kept in memory, or over in-memory files only. */
function fakeIo(memory?: Record<string, string | Uint8Array>): DossierIo & { stdout: string; stderr: string; written: Map<string, string> } {
  const names = memory ? Object.keys(memory) : [];
  const written = new Map<string, string>();
  const io = {
    stdout: '',
    stderr: '',
    written,
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    async readFile(path: string) {
      if (!memory) return readFileSync(path);
      const f = memory[path];
      if (f === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    async readStdin() { return new Uint8Array(); },
    async writeFile(path: string, data: string, exclusive: boolean) {
      if (exclusive && written.has(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      written.set(path, data);
    },
    ...(memory ? { async listNotesFiles(dir: string) { return names.map((p) => join(dir, p)); } } : {}),
  };
  if (memory) {
    // Paths the command asks for are DIR-joined; serve them by their joined name too.
    for (const key of names) memory[join('ws', key)] = memory[key];
  }
  return io;
}

describe('summit-notes dossier', () => {
  it('is listed by the CLI with its usage', async () => {
    const io = fakeIo();
    await main(['--help'], io);
    assert.match(io.stdout, /dossier\s+Follow initiatives/);
    const help = fakeIo();
    assert.equal(await main(['dossier', '--help'], help), 0);
    assert.match(help.stdout, /--from D, --to D/);
  });

  it('prints a self-contained HTML page by default', async () => {
    const io = fakeIo();
    assert.equal(await dossier.run([DOSSIER_FIXTURES], io), 0);
    assert.match(io.stdout, /^<!DOCTYPE html>/);
    assert.match(io.stdout, /default-src 'none'/);
    assert.doesNotMatch(io.stdout, /<script/i);
    assert.match(io.stdout, /sco-dev-bank/);
    assert.match(io.stdout, /sources disagree/);
    assert.match(io.stdout, /href="https:\/\/steppe-ledger\.example\.org\/2023\/sco-virtual-summit"/);
  });

  it('prints Markdown with the timeline, the disagreement, the suggestion and the finding', async () => {
    const io = fakeIo();
    assert.equal(await dossier.run([DOSSIER_FIXTURES, '--format', 'md'], io), 0);
    assert.match(io.stdout, /^# Dossier/);
    assert.match(io.stdout, /\*\*proposed\*\* 2023-07-04 → \*\*agreed\*\* 2024-07-04 → \*\*launched\*\* 2025-09-01/);
    assert.match(io.stdout, /intra-SCO trade, 2023 — sources disagree/);
    assert.match(io.stdout, /учредить Банк развития ШОС — 2025-09-01-tianjin\.ru\.summit\.md:18/);
    assert.match(io.stdout, /did you mean 'sco-dev-bank'\?/);
  });

  it('prints CSV with one row per timeline entry and per figure', async () => {
    const io = fakeIo();
    assert.equal(await dossier.run([DOSSIER_FIXTURES, '--format=csv'], io), 0);
    const rows = io.stdout.trimEnd().split('\r\n');
    assert.equal(rows[0], DOSSIER_CSV_COLUMNS.join(','));
    assert.equal(rows.filter((r) => r.startsWith('mention,')).length, 10);
    assert.equal(rows.filter((r) => r.startsWith('figure,')).length, 7);
    assert.ok(rows.some((r) => r.startsWith('figure,') && r.includes('около 750 млрд долларов') && r.includes(',yes,')));
  });

  it('prints the dossier model as JSON, with filters applied', async () => {
    const io = fakeIo();
    assert.equal(await dossier.run([DOSSIER_FIXTURES, '-f', 'json', '--language', 'en', '--from', '2024-01-01'], io), 0);
    const d = JSON.parse(io.stdout) as Dossier;
    assert.equal(d.schemaVersion, 1);
    assert.equal(d.filter.language, 'en');
    assert.ok(d.articles.every((a) => a.language === 'en' && (a.date ?? '') >= '2024-01-01'));
    assert.deepEqual(d.initiatives.map((i) => i.key), ['sco-dev-bank', 'sco-energy-club']);
  });

  it('takes every filter', async () => {
    const io = fakeIo();
    const args = [DOSSIER_FIXTURES, '--format', 'json', '--summit', '2025', '--area', 'finance', '--status', 'launched', '--actor', 'china', '--to', '2025-12-31'];
    assert.equal(await dossier.run(args, io), 0);
    const d = JSON.parse(io.stdout) as Dossier;
    assert.deepEqual(d.initiatives.map((i) => [i.key, i.timeline.length]), [['sco-dev-bank', 1]]);
  });

  it('writes -o OUT, then refuses it unless --force, and never writes over a notes file', async () => {
    const io = fakeIo();
    assert.equal(await main(['dossier', DOSSIER_FIXTURES, '--format', 'md', '-o', 'd.md'], io), 0);
    assert.match(io.written.get('d.md') ?? '', /^# Dossier/);
    io.written.set('d.md', 'keep me');
    assert.equal(await main(['dossier', DOSSIER_FIXTURES, '--format', 'md', '-o', 'd.md'], io), 2);
    assert.equal(io.written.get('d.md'), 'keep me');
    assert.match(io.stderr, /already exists \(use --force to overwrite\)/);
    assert.equal(await main(['dossier', DOSSIER_FIXTURES, '--format', 'md', '-o', 'd.md', '--force'], io), 0);
    assert.match(io.written.get('d.md') ?? '', /^# Dossier/);
    assert.equal(await main(['dossier', DOSSIER_FIXTURES, '-o', join(DOSSIER_FIXTURES, '2023-07-04-delhi.en.summit.md'), '--force'], io), 2);
    assert.equal(await main(['dossier', DOSSIER_FIXTURES, '-o', 'out.summit.md'], io), 2);
    assert.match(io.stderr, /refusing to write over a notes file/);
  });

  for (const [name, args, message] of [
    ['no DIR', [], /expected exactly one DIR/],
    ['two DIRs', ['a', 'b'], /expected exactly one DIR/],
    ['an unknown format', [DOSSIER_FIXTURES, '--format', 'pdf'], /--format must be one of html, md, csv, json/],
    ['a date that is not ISO', [DOSSIER_FIXTURES, '--from', '01.02.2024'], /--from must be a date YYYY-MM-DD/],
    ['a filter without its value', [DOSSIER_FIXTURES, '--language'], /--language needs a value/],
    ['an unknown option', [DOSSIER_FIXTURES, '--colour'], /unknown option --colour/],
    ['a missing folder', ['no-such-folder-here'], /no-such-folder-here: cannot list: no such directory/],
    ['a file given for DIR', [join(DOSSIER_FIXTURES, 'README.md')], /cannot list: not a directory/],
  ] as const) {
    it(`exits 2 on ${name}`, async () => {
      const io = fakeIo();
      assert.equal(await main(['dossier', ...args], io), 2);
      assert.match(io.stderr, message);
    });
  }

  it('leaves out an unreadable file, still renders the others, and exits 2', async () => {
    const io = fakeIo({
      'a.summit.md': notes({ date: '2024-01-01' }, '[SCO bank]{.initiative track=bank status=agreed}'),
      'b.summit.md': new Uint8Array([0x50, 0x00, 0x01]),
    });
    assert.equal(await dossier.run(['ws', '--format', 'json'], io), 2);
    assert.match(io.stderr, /b\.summit\.md: looks like a binary file.*\(left out\)/);
    assert.doesNotMatch(io.stderr, /a\.summit\.md/);
    const d = JSON.parse(io.stdout) as Dossier;
    assert.deepEqual(d.articles.map((a) => a.path), ['a.summit.md']);
  });

  it('reads a real folder file by file through the process\'s reader: a byte order mark dropped, a binary file and one not in UTF-8 left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-dossier-read-'));
    try {
      writeFileSync(join(dir, 'a.summit.md'), `\ufeff${notes({ date: '2024-01-01', summit: 'Astana' }, '[SCO bank]{.initiative track=bank status=agreed}')}`);
      writeFileSync(join(dir, 'b.summit.md'), new Uint8Array([0x50, 0x00, 0x01]));
      writeFileSync(join(dir, 'c.summit.md'), new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]));
      let stdout = '';
      let stderr = '';
      const io: DossierIo = { ...nodeIo, out: (t) => { stdout += t; }, err: (t) => { stderr += t; } };
      assert.equal(await dossier.run([dir, '--format', 'json'], io), 2);
      assert.match(stderr, /b\.summit\.md: looks like a binary file.*\(left out\)/);
      assert.match(stderr, /c\.summit\.md: not valid UTF-8 text.*\(left out\)/);
      const d = JSON.parse(stdout) as Dossier;
      assert.deepEqual(d.articles.map((a) => [a.path, a.summit]), [['a.summit.md', 'Astana']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out a file the process\'s reader refuses with another bundle\'s CliError (the real CLI: the reader is the entry bundle\'s)', async () => {
    // Each subcommand is its own bundle with its own copy of io.ts: the entry's reader throws a
    // CliError that is not an instance of the command's class.
    class ForeignCliError extends Error {
      constructor(message: string, readonly exitCode = 2) { super(message); this.name = 'CliError'; }
    }
    const io = fakeIo({ 'a.summit.md': notes({ date: '2024-01-01' }, '[SCO bank]{.initiative track=bank}'), 'b.summit.md': 'x' });
    io.readNotesText = async (path, displayName) => {
      if (path.endsWith('b.summit.md')) throw new ForeignCliError(`${displayName}: looks like a binary file, not a notes file`);
      return new TextDecoder().decode(await io.readFile(path));
    };
    assert.equal(await dossier.run(['ws', '--format', 'json'], io), 2);
    assert.match(io.stderr, /b\.summit\.md: looks like a binary file.*\(left out\)/);
    assert.deepEqual((JSON.parse(io.stdout) as Dossier).articles.map((a) => a.path), ['a.summit.md']);
  });

  it('escapes notes text in HTML, links only http(s) sources, and defuses formulas in CSV', async () => {
    const files = {
      'x.summit.md': notes({ date: '2024-01-01', source: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' },
        '[=HYPERLINK("http://evil.example")<script>alert(1)</script>]{.initiative track=evil status=proposed}'),
    };
    const html = fakeIo({ ...files });
    assert.equal(await dossier.run(['ws'], html), 0);
    assert.doesNotMatch(html.stdout, /<script>|<img|href="javascript/i);
    assert.match(html.stdout, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const csv = fakeIo({ ...files });
    assert.equal(await dossier.run(['ws', '--format', 'csv'], csv), 0);
    assert.match(csv.stdout, /,"'=HYPERLINK\(""http:\/\/evil\.example""\)<script>/);
    const md = fakeIo({ ...files });
    assert.equal(await dossier.run(['ws', '--format', 'md'], md), 0);
    assert.doesNotMatch(md.stdout, /<script>/);
  });

  it('reads sub-folders from the real disk and shows paths relative to DIR', async () => {
    const io = fakeIo();
    assert.equal(await dossier.run([join(DOSSIER_FIXTURES, '..'), '--format', 'json', '--language', 'ru'], io), 0);
    const d = JSON.parse(io.stdout) as Dossier;
    assert.ok(d.articles.some((a) => a.path === 'dossier/2023-07-05-delhi.ru.summit.md'));
  });
});
