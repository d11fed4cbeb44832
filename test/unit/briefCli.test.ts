/** `summit-notes brief`: formats, output file handling (refuse existing unless --force, never the notes file). */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { command as brief, type BriefIo } from '../../src/cli/commands/brief';
import { main } from '../../src/cli/main';
import { fixturePath } from './briefFixtures';

/** An in-memory CliIo: files in a map, stdout and stderr collected. */
function fakeIo(files: Record<string, string>): BriefIo & { stdout: string; stderr: string; files: Map<string, string> } {
  const store = new Map(Object.entries(files));
  const io = {
    stdout: '',
    stderr: '',
    files: store,
    out(text: string) { io.stdout += text; },
    err(text: string) { io.stderr += text; },
    async readFile(path: string) {
      const text = store.get(path);
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    async readStdin() { return new Uint8Array(); },
    async writeFile(path: string, data: string, exclusive: boolean) {
      if (exclusive && store.has(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      store.set(path, data);
    },
  };
  return io;
}

const sample = readFileSync(fixturePath('sample.summit.md'), 'utf8');

describe('summit-notes brief', () => {
  it('is listed by the CLI', async () => {
    const io = fakeIo({});
    await main(['--help'], io);
    assert.match(io.stdout, /brief\s+Render the brief/);
  });

  for (const [format, expected] of [['html', /^<!DOCTYPE html>/], ['md', /^# Regional forum/], ['json', /"schemaVersion": 1/], ['csv', /^kind,id,text/]] as const) {
    it(`prints the ${format} brief on standard output`, async () => {
      const io = fakeIo({ 'n.summit.md': sample });
      assert.equal(await brief.run(['n.summit.md', '--format', format], io), 0);
      assert.match(io.stdout, expected);
    });
  }

  it('writes -o OUT, then refuses it unless --force', async () => {
    const io = fakeIo({ 'n.summit.md': sample });
    assert.equal(await main(['brief', 'n.summit.md', '--format=md', '-o', 'b.md'], io), 0);
    assert.match(io.files.get('b.md') ?? '', /^# Regional forum/);
    io.files.set('b.md', 'keep me');
    assert.equal(await main(['brief', 'n.summit.md', '--format=md', '-o', 'b.md'], io), 2);
    assert.equal(io.files.get('b.md'), 'keep me');
    assert.match(io.stderr, /already exists \(use --force to overwrite\)/);
    assert.equal(await main(['brief', 'n.summit.md', '--format=md', '-o', 'b.md', '--force'], io), 0);
    assert.match(io.files.get('b.md') ?? '', /^# Regional forum/);
  });

  it('never writes over the notes file, even with --force', async () => {
    const io = fakeIo({ 'n.summit.md': sample });
    assert.equal(await main(['brief', 'n.summit.md', '--format', 'json', '-o', 'n.summit.md', '--force'], io), 2);
    assert.equal(io.files.get('n.summit.md'), sample);
  });

  it('reports a missing or unknown format as a usage error', async () => {
    const io = fakeIo({ 'n.summit.md': sample });
    assert.equal(await main(['brief', 'n.summit.md'], io), 2);
    assert.equal(await main(['brief', 'n.summit.md', '--format', 'pdf'], io), 2);
    assert.match(io.stderr, /--format must be one of html, md, json, csv/);
  });
});
