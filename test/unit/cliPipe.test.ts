/**
 * Standard output through a pipe, as the real process writes it (writeStdout): a reader that
 * takes its time gets the whole output, exactly, while the process waits for it rather than
 * queueing the output in memory; a reader that leaves early (`| head`) ends the process with success.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNotes } from '../../bench/generate';
import { parseNotes } from '../../src/core/model';
import { renderBrief } from '../../src/core/brief/export';

const cli = join(__dirname, '..', '..', 'src', 'cli', 'main.js');

/** Runs the CLI with stdout a pipe; `reader` decides how the pipe is read. Resolves to the exit code and what was read. */
function runThroughPipe(args: string[], reader: (stdout: NodeJS.ReadableStream, stop: () => void) => void): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: Buffer.concat(chunks).toString('utf8') }));
    reader(child.stdout, () => child.stdout.destroy());
  });
}

describe('standard output through a pipe', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  let text: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'summit-pipe-'));
    file = join(dir, 'notes.summit.md');
    text = generateNotes({ bytes: 1_500_000, language: 'ru', seed: 5 });
    writeFileSync(file, text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reaches a slow reader whole and exact (the output is many times a pipe’s buffer)', async () => {
    const r = await runThroughPipe(['brief', '--format', 'json', file], (stdout) => {
      // Nothing is read for a while: the pipe fills and the process must wait.
      stdout.pause();
      setTimeout(() => stdout.resume(), 300);
    });
    const expected = renderBrief(parseNotes(text), 'json');
    assert.ok(expected.length > 1_000_000);
    assert.equal(r.code, 0);
    assert.equal(r.out, expected);
  });

  it('ends with success when the reader leaves early', async () => {
    const r = await runThroughPipe(['figures', file], (stdout, stop) => {
      stdout.once('data', () => stop());
    });
    assert.equal(r.code, 0);
    assert.ok(r.out.length > 0);
  });
});
