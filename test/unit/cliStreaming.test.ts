/**
 * The CLI's memory and start-up work: the brief and the JSON outputs are written in pieces that
 * join to exactly what the whole render gives, and a command loads only what it needs (`lint`
 * never loads markdown-it, the brief's renderers or detection).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseNotes } from '../../src/core';
import { renderBrief, type BriefFormat } from '../../src/core/brief/export';
import { renderBriefChunks } from '../../src/core/brief/stream';
import { jsonChunks } from '../../src/core/text/jsonChunks';
import { COMMANDS } from '../../src/cli/main';
import { CliError, isCliError } from '../../src/cli/io';
import { generateNotes } from '../../bench/generate';
import { fixturePath } from './briefFixtures';

const root = join(__dirname, '..', '..', '..');
const FORMATS: readonly BriefFormat[] = ['html', 'md', 'json', 'csv'];

describe('cli streaming and start-up', () => {
  describe('the brief in pieces', () => {
    const texts: [string, string][] = [
      ['sample', readFileSync(fixturePath('sample.summit.md'), 'utf8')],
      ['attacks', readFileSync(fixturePath('attacks.summit.md'), 'utf8')],
      ['cli problems', readFileSync(join(root, 'test', 'fixtures', 'cli', 'problems.summit.md'), 'utf8')],
      ['generated en', generateNotes({ bytes: 300_000, language: 'en', seed: 3 })],
      ['generated ru', generateNotes({ bytes: 300_000, language: 'ru', seed: 4 })],
      ['empty', ''],
      ['front matter only', '---\ntitle: Only a head\n---\n'],
    ];
    for (const [name, text] of texts) {
      for (const format of FORMATS) {
        for (const lang of [undefined, 'en', 'ru'] as const) {
          it(`joins to exactly renderBrief: ${name}, ${format}, ${lang ?? 'file language'}`, () => {
            const whole = renderBrief(parseNotes(text), format, lang);
            const pieces = [...renderBriefChunks(parseNotes(text), format, lang)];
            assert.equal(pieces.join(''), whole);
          });
        }
      }
    }

    it('hands a large HTML brief on in many pieces, none of them large', () => {
      const text = generateNotes({ bytes: 1_000_000, language: 'en', seed: 5 });
      const pieces = [...renderBriefChunks(parseNotes(text), 'html')];
      assert.ok(pieces.length > 10, `${pieces.length} pieces`);
      const largest = Math.max(...pieces.map((p) => p.length));
      assert.ok(largest < 1 << 18, `largest piece ${largest} characters`);
    });

    it('hands a large JSON brief on in many pieces', () => {
      const text = generateNotes({ bytes: 1_000_000, language: 'en', seed: 6 });
      assert.ok([...renderBriefChunks(parseNotes(text), 'json')].length > 10);
    });
  });

  describe('jsonChunks', () => {
    class WithToJson {
      toJSON(): unknown { return { as: 'json', n: [1, 2] }; }
    }
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: [true] });
    const values: [string, unknown][] = [
      ['nested', { a: [1, { b: [2, [3, [4, { c: 'x\ny' }]]] }], d: {}, e: [], f: null, g: 'text "quoted"' }],
      ['undefined members', { a: undefined, b: [undefined, () => 1], c: 1 }],
      ['all members skipped', { a: undefined, b: () => 1 }],
      ['toJSON', { w: new WithToJson(), d: new Date(0), list: [new WithToJson()] }],
      ['null prototype', { o: nullProto }],
      ['a bare array', [1, 'two', { three: 3 }, [], {}]],
      ['a leaf', 'just a string'],
      ['numbers', { n: [0, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21] }],
    ];
    for (const [name, value] of values) {
      it(`writes JSON.stringify(…, null, 2): ${name}`, () => {
        assert.equal([...jsonChunks(value)].join(''), `${JSON.stringify(value, null, 2)}\n`);
      });
      it(`writes JSON.stringify(…, replacer, 2): ${name}`, () => {
        const replacer = (_key: string, v: unknown): unknown => (v === undefined ? null : v);
        assert.equal([...jsonChunks(value, replacer)].join(''), `${JSON.stringify(value, replacer, 2)}\n`);
      });
    }

    it('writes a long array in pieces', () => {
      const value = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i, label: `row ${i}` })) };
      const pieces = [...jsonChunks(value)];
      assert.ok(pieces.length > 5, `${pieces.length} pieces`);
      assert.equal(pieces.join(''), `${JSON.stringify(value, null, 2)}\n`);
    });
  });

  describe('commands loaded on demand', () => {
    it('lists each command with the summary its own module gives', async () => {
      for (const entry of COMMANDS) {
        const cmd = await entry.load();
        assert.equal(cmd.name, entry.name);
        assert.equal(cmd.summary, entry.summary, entry.name);
      }
    });

    it('recognises a CliError thrown by another bundle\'s copy of the class', () => {
      class CliError2 extends Error {
        constructor(message: string, readonly exitCode = 2) { super(message); this.name = 'CliError'; }
      }
      assert.ok(isCliError(new CliError('x')));
      assert.ok(isCliError(new CliError2('x')));
      assert.ok(!isCliError(new Error('x')));
      assert.ok(!isCliError(Object.assign(new Error('x'), { name: 'CliError' })));
    });

    /** The modules a real process loaded for `ARGS`: its require.cache, printed on exit. */
    function loadedModules(args: readonly string[]): string[] {
      const dir = mkdtempSync(join(tmpdir(), 'summit-cli-modules-'));
      try {
        const hook = join(dir, 'hook.cjs');
        writeFileSync(hook, "process.on('exit', () => { process.stderr.write('\\nMODULES ' + JSON.stringify(Object.keys(require.cache)) + '\\n'); });\n");
        const cli = join(root, 'out', 'src', 'cli', 'main.js');
        const r = spawnSync(process.execPath, ['-r', hook, cli, ...args], { encoding: 'utf8' });
        const line = /MODULES (.*)/.exec(r.stderr);
        assert.ok(line, r.stderr);
        return (JSON.parse(line[1]) as string[]).map((m) => m.replace(/\\/g, '/'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const problems = join(root, 'test', 'fixtures', 'cli', 'problems.summit.md');

    it('lint loads neither markdown-it nor the brief, detection, the editor views or the article reader', () => {
      const modules = loadedModules(['lint', problems]);
      assert.ok(modules.some((m) => m.endsWith('/cli/commands/lint.js')), 'the lint command itself');
      for (const part of ['/node_modules/markdown-it/', '/core/brief/', '/core/detect/', '/core/editor/', '/core/article/', '/shared/articleHtml', '/cli/commands/brief.js']) {
        assert.ok(!modules.some((m) => m.includes(part)), `lint loaded ${part}`);
      }
    });

    it('brief loads markdown-it (the check above can see it)', () => {
      const modules = loadedModules(['brief', '--format', 'html', problems]);
      assert.ok(modules.some((m) => m.includes('/node_modules/markdown-it/')));
    });

    it('--help loads no command', () => {
      const modules = loadedModules(['--help']);
      assert.ok(!modules.some((m) => m.includes('/cli/commands/')), modules.filter((m) => m.includes('/cli/')).join(', '));
    });
  });
});
