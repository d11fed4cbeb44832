import * as assert from 'assert';
import * as path from 'path';
import { runWithTimeLimit } from '../support/timeLimit';

// Inputs built to find a slow path (the markdown-it idea: test/markdown-it/pathological.test.mjs).
// Each runs in a Worker that is terminated after a time limit, so a quadratic path FAILS the test
// instead of hanging the run. Limits are generous (a shared, loaded CI machine); a quadratic path
// on these sizes takes minutes, not seconds.
const LIMIT_MS = 20000;
const parseModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'model', 'parse.js');

/** Source run inside the worker: builds the input from `recipe`, parses it, reports a summary. */
const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { parseNotes } = require(workerData.parseModule);
const text = new Function('return (' + workerData.recipe + ')')();
const m = parseNotes(text);
let positions = 0;
for (const d of m.diagnostics.slice(0, 100)) positions += d.range.startPosition.line;
parentPort.postMessage({ length: text.length, annotations: m.annotations.length, diagnostics: m.diagnostics.length, sections: m.allSections.length, positions });
`;

interface Summary {
  length: number;
  annotations: number;
  diagnostics: number;
  sections: number;
}

function runWithLimit(recipe: string): Promise<Summary> {
  return runWithTimeLimit<Summary>(WORKER, { parseModule, recipe }, LIMIT_MS, `parseNotes on ${recipe}`);
}

const N = 100000;
const cases: [string, string, (s: Summary) => void][] = [
  ['100k `[`', `'['.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k `]`', `']'.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k `{`', `'{'.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k `[x]{` never closed', `'[x]{'.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k `[x]{.a ` with one `}` at the end', `'[x]{.a '.repeat(${N}) + '}'`, (s) => assert.ok(s.annotations <= 1)],
  ['100k `[x]{.a b` on lines of one paragraph', `'[x]{.a b\\n'.repeat(${N}) + '}'`, (s) => assert.ok(s.annotations <= 1)],
  ['100k `]{.a ` after one `[`', `'[' + ']{.a '.repeat(${N})`, (s) => assert.ok(s.annotations <= 1)],
  ['100k `{.actor ` dangling', `'[' + '{.actor '.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k `k="` quotes', `'[x]{k="'.repeat(${N})`, (s) => assert.ok(s.annotations >= 0)],
  ['100k backticks', `'\`'.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k backtick runs of growing length', `Array.from({ length: 400 }, (_, i) => '\`'.repeat(i + 1) + ' [a]{.actor} ').join('')`, (s) => assert.ok(s.annotations >= 0)],
  ['100k `<!--`', `'<!-- [a]{.actor} '.repeat(${N})`, (s) => assert.ok(s.annotations >= 0)],
  ['100k `\\\\[`', `'\\\\['.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['a 1 MB line of prose and spans', `'word [Astana]{.actor} and more words '.repeat(30000)`, (s) => assert.strictEqual(s.annotations, 30000)],
  ['a 1 MB line without any line break or special character', `'a'.repeat(1 << 20)`, (s) => assert.strictEqual(s.length, 1 << 20)],
  ['10k-deep nesting', `'['.repeat(10000) + 'x' + ']{.actor}'.repeat(10000)`, (s) => assert.strictEqual(s.annotations, 10000)],
  ['10k-deep nesting never closed', `'[a'.repeat(10000) + ']'.repeat(5000)`, (s) => assert.strictEqual(s.annotations, 0)],
  ['100k headings ending in `}`', `'# }\\n'.repeat(${N})`, (s) => assert.strictEqual(s.sections, N)],
  ['100k heading ids, all the same', `'# h {#same}\\n'.repeat(${N})`, (s) => assert.strictEqual(s.diagnostics, N - 1)],
  ['100k unresolved references', `'[x](#nowhere) '.repeat(${N})`, (s) => assert.strictEqual(s.diagnostics, N)],
  ['100k fences never closed', `'\`\`\`\\n'.repeat(${N})`, (s) => assert.strictEqual(s.annotations, 0)],
  ['unclosed everything', `'---\\ntitle: [x\\n' + '[a]{.actor k="'.repeat(20000) + '<!-- ' + '\`'.repeat(20000) + '[' .repeat(20000)`, (s) => assert.ok(s.length > 0)],
  ['front matter of 20k keys', `'---\\n' + Array.from({ length: 20000 }, (_, i) => 'k' + i + ': v').join('\\n') + '\\n---\\n[a]{.actor}'`, (s) => assert.strictEqual(s.annotations, 1)],
];

describe('pathological inputs run in linear time', function () {
  this.timeout(LIMIT_MS + 10000);
  for (const [name, recipe, check] of cases) {
    it(name, async () => check(await runWithLimit(recipe)));
  }
});
