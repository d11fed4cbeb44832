/**
 * Deeply nested spans: nothing that walks the annotation tree may recurse on depth (the CLI's
 * outline in text and JSON), and what the features read (plain texts, figures, the outline, the
 * brief, diagnostics) grows linearly with the depth. The timing runs in a Worker under a time
 * limit, so a quadratic path fails instead of hanging the run; it compares depth d with 4d (time
 * may grow ×6, a quadratic path grows ×16) and takes the best of a few runs against noise.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MAX_TEXT_INDENT, type OutlineJson, type OutlineNodeJson } from '../../src/cli/commands/outline';
import { runWithTimeLimit } from '../support/timeLimit';
import { runCliOn } from '../support/cli';

/** `depth` spans of `kind` nested in each other around `core`, each with its own id. */
export function nested(depth: number, kind: string, core: string): string {
  let text = '# Deep\n\n';
  for (let i = 0; i < depth; i++) text += '[';
  text += core;
  for (let i = depth - 1; i >= 0; i--) text += `]{.${kind} #n${i}}`;
  return `${text}\n`;
}

const run = runCliOn;

describe('deep nesting: no walk recurses on depth', function () {
  this.timeout(60000);
  const DEPTH = 10000;
  const text = nested(DEPTH, 'initiative', 'x');

  it('outline prints 10,000 nested initiatives, indented', async () => {
    const r = await run(['outline', 'deep.summit.md'], text);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, DEPTH + 1);
    assert.equal(lines[0], '# Deep  1:1');
    // Indentation stops at MAX_TEXT_INDENT levels (the text would grow with the square of the depth); deeper lines show their depth.
    // Line k: the span k deep, id n(k-1), its text starting in column k + 1.
    assert.equal(lines[2], `    initiative x  {#n1}  3:3`);
    assert.equal(lines[MAX_TEXT_INDENT], `${'  '.repeat(MAX_TEXT_INDENT)}initiative x  {#n${MAX_TEXT_INDENT - 1}}  3:${MAX_TEXT_INDENT + 1}`);
    assert.equal(lines[DEPTH], `${'  '.repeat(MAX_TEXT_INDENT)}(${DEPTH}) initiative x  {#n${DEPTH - 1}}  3:${DEPTH + 1}`);
  });

  it('outline --json gives 10,000 nested initiatives', async () => {
    const r = await run(['outline', '--json', 'deep.summit.md'], text);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.out) as OutlineJson;
    let node: OutlineNodeJson = doc.outline[0];
    let depth = 0;
    while (node.children.length) {
      assert.equal(node.children.length, 1);
      node = node.children[0];
      depth++;
    }
    assert.equal(depth, DEPTH);
    assert.equal(node.label, 'x');
    assert.equal(node.id, `n${DEPTH - 1}`);
  });

  it('brief and figures read 10,000 nested figures', async () => {
    const figures = nested(DEPTH, 'figure', '5 млрд');
    const r = await run(['figures', '--json', 'deep.summit.md'], figures);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out) as { figures: { value: number | null; text: string }[] };
    assert.equal(doc.figures.length, DEPTH);
    assert.ok(doc.figures.every((f) => f.text === '5 млрд' && f.value === 5e9));
    const brief = await run(['brief', '--format', 'json', 'deep.summit.md'], figures);
    assert.equal(brief.code, 0, brief.err);
  });
});

const coreDir = path.resolve(__dirname, '..', '..', 'src', 'core');

/** Builds nested spans at depth d and 4d and times each feature's read of them (best of five). */
const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const core = require(workerData.coreDir + '/index.js');
const { buildBrief } = require(workerData.coreDir + '/brief/build.js');
function nested(depth, kind, core) {
  let text = '# Deep\\n\\n';
  for (let i = 0; i < depth; i++) text += '[';
  text += core;
  for (let i = depth - 1; i >= 0; i--) text += ']{.' + kind + ' #n' + i + '}';
  return text + '\\n';
}
const features = {
  plainText: (m) => { let n = 0; for (const a of m.annotations) n += a.plainText.length; return n; },
  figures: (m) => { let n = 0; for (const f of m.figures) n += f.value === undefined ? 0 : 1; return n; },
  outline: (m) => core.buildOutline(m).length,
  brief: (m) => buildBrief(m).figures.length,
  diagnostics: (m) => m.diagnostics.length,
};
function time(depth, feature) {
  const text = nested(depth, workerData.kind, workerData.core);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const m = core.parseNotes(text);
    m.annotations;
    const t0 = process.hrtime.bigint();
    features[feature](m);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}
const out = {};
for (const feature of Object.keys(features)) {
  time(workerData.depth, feature);
  out[feature] = [time(workerData.depth, feature), time(4 * workerData.depth, feature)];
}
parentPort.postMessage(out);
`;

describe('deep nesting: what the features read grows linearly with depth', function () {
  this.timeout(200000);
  for (const [kind, core] of [['figure', '5 млрд'], ['initiative', 'x'], ['actor', 'Astana']] as const) {
    it(`${kind} spans nested 4,000 and 16,000 deep: depth ×4 → time ≤ ×6`, async () => {
      const times = await runWithTimeLimit<Record<string, [number, number]>>(WORKER, { coreDir, kind, core, depth: 4000 }, 120000, `reading ${kind}s nested deep`);
      for (const [feature, [small, large]] of Object.entries(times)) {
        // Below 50 ms the clock, the collector and a busy shared machine decide; a quadratic path is seconds above.
        const ratio = large / Math.max(small, 50);
        assert.ok(ratio <= 6, `${feature}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms (×${ratio.toFixed(1)})`);
      }
    });
  }
});
