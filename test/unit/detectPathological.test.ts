/**
 * Detection on inputs built to find a slow path, and a fuzz test over the detection fixtures.
 * Each pathological input runs in a Worker terminated after a time limit, so a quadratic path
 * fails the test instead of hanging the run (limits are generous for a loaded machine).
 */
import * as assert from 'assert';
import * as path from 'path';
import { detectFigures, detectInNotes, suggestInitiatives } from '../../src/core/detect';
import { parseFigure } from '../../src/core/figures/parseFigure';
import { fixtureNames, readMarkedFixture } from './detectFixtures';
import { seededRandom as random } from '../support/random';
import { runWithTimeLimit } from '../support/timeLimit';

const LIMIT_MS = 20000;
const detectModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'detect', 'index.js');

const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { detectInNotes } = require(workerData.detectModule);
const text = new Function('return (' + workerData.recipe + ')')();
const r = detectInNotes(text, { language: workerData.language });
parentPort.postMessage({ length: text.length, figures: r.figures.length, initiatives: r.initiatives.length });
`;

interface Summary { length: number; figures: number; initiatives: number }

function runWithLimit(recipe: string, language: string): Promise<Summary> {
  return runWithTimeLimit<Summary>(WORKER, { detectModule, recipe, language }, LIMIT_MS, `detection on ${recipe}`);
}

const N = 100000;
const cases: [string, string, string, (s: Summary) => void][] = [
  ['a 1 MB run of digits', `'1'.repeat(1 << 20)`, 'en', (s) => assert.ok(s.figures <= 1)],
  ['100k `1,` (a comma list of digits)', `'1,'.repeat(${N})`, 'en', (s) => assert.ok(s.figures >= 0)],
  ['100k `1 000 ` on one line', `'1 000 '.repeat(${N})`, 'ru', (s) => assert.ok(s.figures > 0)],
  ['100k `1.` (dotted digits)', `'1.'.repeat(${N})`, 'ru', (s) => assert.ok(s.figures >= 0)],
  ['100k bare numbers in one sentence', `'7 '.repeat(${N})`, 'ru', (s) => assert.strictEqual(s.figures, N)],
  ['100k money figures', `'более $5 млрд и '.repeat(${N})`, 'ru', (s) => assert.strictEqual(s.figures, N)],
  ['100k `+7 ` phone starts', `'+7 '.repeat(${N})`, 'ru', (s) => assert.ok(s.figures >= 0)],
  ['100k `12:` times', `'12:'.repeat(${N})`, 'en', (s) => assert.strictEqual(s.figures, 0)],
  ['100k trigger verbs on one line', `'предложил '.repeat(${N})`, 'ru', (s) => assert.ok(s.initiatives >= 0)],
  ['100k trigger nouns on one line', `'the new agreement '.repeat(${N})`, 'en', (s) => assert.ok(s.initiatives >= 1)],
  ['100k list items under an initiatives header', `'Инициативы:\\n' + '- создать фонд;\\n'.repeat(${N})`, 'ru', (s) => assert.ok(s.initiatives >= 1)],
  ['100k backticks', `'\`'.repeat(${N})`, 'en', (s) => assert.strictEqual(s.figures, 0)],
  ['100k lone backticks between numbers', `'\` 5 '.repeat(${N})`, 'en', (s) => assert.ok(s.figures >= 0)],
  ['100k annotated figures (all skipped)', `'[5%]{.figure} '.repeat(${N})`, 'en', (s) => assert.strictEqual(s.figures, 0)],
  ['100k `<!--` never closed', `'<!-- 5% '.repeat(${N})`, 'en', (s) => assert.strictEqual(s.figures, 0)],
  ['a 1 MB word', `'a'.repeat(1 << 20)`, 'en', (s) => assert.strictEqual(s.figures, 0)],
  ['100k qualifier words without numbers', `'более около '.repeat(${N})`, 'ru', (s) => assert.strictEqual(s.figures, 0)],
];

describe('detection on pathological inputs runs in linear time', function () {
  this.timeout(LIMIT_MS + 10000);
  for (const [name, recipe, language, check] of cases) {
    it(name, async () => check(await runWithLimit(recipe, language)));
  }
});


const PIECES = ['1', '0', ',', '.', ' ', '\u00a0', '%', '$', '€', 'млрд', 'bn', '-', '–', '[', ']', '{', '}', '`', '\n', 'более ', 'до ', '🚀', 'предложил ', 'deal ', ':', '(', ')', '+'];

function mutate(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const op = rnd();
    if (op < 0.4) out = out.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + out.slice(at);
    else if (op < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 5));
    else {
      const from = Math.floor(rnd() * out.length);
      out = out.slice(0, at) + out.slice(from, from + 20) + out.slice(at);
    }
  }
  return out;
}

function assertWellFormed(text: string, spans: readonly { start: number; end: number; text: string }[]): void {
  let last = -1;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), 'integer offsets');
    assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, `range ${s.start}-${s.end} in ${text.length}`);
    assert.ok(s.start >= last, 'sorted, not overlapping');
    assert.strictEqual(text.slice(s.start, s.end), s.text);
    last = s.end;
  }
}

describe('detection fuzz: random mutations of the fixtures', function () {
  this.timeout(60000);
  const sources = fixtureNames('').map((name) => readMarkedFixture(name));
  it('never throws and returns well-formed, sorted ranges (600 mutations)', () => {
    const rnd = random(20250901);
    for (let round = 0; round < 600; round++) {
      const source = sources[round % sources.length];
      const text = mutate(source.text, rnd);
      const figures = detectFigures(text, source.language);
      assertWellFormed(text, figures);
      for (const f of figures) {
        assert.ok(Number.isFinite(f.value), `finite value for ${JSON.stringify(f.text)}`);
        assert.doesNotThrow(() => parseFigure(f.text, source.language));
      }
      assertWellFormed(text, suggestInitiatives(text, source.language));
      const notes = detectInNotes(text);
      assertWellFormed(text, notes.figures);
      assertWellFormed(text, notes.initiatives);
    }
  });
});
