import * as assert from 'assert';
import { buildOutline, parseNotes } from '../../src/core';
import { failedModel } from '../../src/core/model/parse';
import type { NotesModel, Range } from '../../src/core';
import { fixtureNames, readFixture } from './parseSupport';
import { seededRandom as random } from '../support/random';

// Deterministic fuzzing: seeded random mutations of every parse fixture. Each mutant must parse
// without throwing into a well-formed model. A failure prints the seed and the mutant's text.
const ROUNDS = 3000;
const SEED = 0x5eed;


// Pieces that matter to the parser, plus text it must carry through: Cyrillic, emoji, lone surrogates.
const PIECES = ['[', ']', '{', '}', '(', ')', '#', '.', '=', '"', "'", '\\', '`', '```', '~~~', '<!--', '-->', '\n', '\r\n', '\r', '\n\n',
  '---\n', '# ', '===', '    ', '\t', ' ', '.initiative', '.figure', '.actor', '#id', 'area=x', 'status=done', 'note="', '](#', '\ufeff',
  'ж', '😀', '\ud83d', '\ude00', '650 млрд', '$1.5 bn', '%'];

function mutate(text: string, next: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(next() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * (s.length + 1));
    const op = next();
    if (op < 0.45) s = s.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + s.slice(at);
    else if (op < 0.75) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 20));
    else if (op < 0.9) {
      const from = Math.floor(next() * s.length);
      s = s.slice(0, at) + s.slice(from, from + Math.floor(next() * 40)) + s.slice(at);
    } else s = s.slice(at) + s.slice(0, at);
  }
  return s;
}

function checkRange(r: Range, length: number, what: string): void {
  assert.ok(0 <= r.start && r.start <= r.end && r.end <= length, `${what} ${r.start}-${r.end} outside 0-${length}`);
}

/** The model `parseNotes` falls back to when reading threw (parse.ts `failedModel`): a bug, never an answer. */
function checkNotCrashed(m: NotesModel): void {
  const crash = m.diagnostics.find((d) => d.message.startsWith('Summit Notes could not read this file'));
  assert.ok(crash === undefined, `the parser threw and fell back to an empty model: ${crash?.message}`);
}

function checkModel(m: NotesModel): void {
  checkNotCrashed(m);
  const n = m.text.length;
  let previous = -1;
  for (const a of m.annotations) {
    assert.ok(a.range.start > previous, 'annotations sorted by start');
    previous = a.range.start;
    checkRange(a.range, n, 'annotation');
    assert.ok(a.range.start < a.contentRange.start && a.contentRange.end < a.attributeRange.start + 1, 'content inside the span');
    assert.ok(a.attributeRange.end === a.range.end, 'attribute block ends the span');
    if (a.parent) assert.ok(a.parent.contentRange.start <= a.range.start && a.range.end <= a.parent.contentRange.end, 'child inside parent content');
    for (const c of a.children) assert.strictEqual(c.parent, a);
    assert.strictEqual(typeof a.plainText, 'string');
  }
  previous = -1;
  for (const s of m.allSections) {
    assert.ok(s.headingRange.start > previous, 'sections sorted');
    previous = s.headingRange.start;
    checkRange(s.range, n, 'section');
    checkRange(s.headingRange, n, 'heading');
    if (s.parent) assert.ok(s.parent.range.start <= s.range.start && s.range.end <= s.parent.range.end, 'subsection inside its section');
  }
  for (const r of m.references) {
    checkRange(r.range, n, 'reference');
    assert.ok(r.range.start <= r.targetRange.start && r.targetRange.end <= r.range.end, 'target inside reference');
  }
  for (const d of m.diagnostics) checkRange(d.range, n, `diagnostic ${d.code}`);
  if (m.frontMatterRange) checkRange(m.frontMatterRange, n, 'front matter');
  for (const offset of [0, n >> 1, n]) assert.strictEqual(m.offsetAt(m.positionAt(offset)) <= n, true);
  buildOutline(m);
}

describe('fuzzing parseNotes with mutated fixtures', function () {
  this.timeout(120000);
  it('counts a model that came back as "could not read this file" as a failure', () => {
    assert.throws(() => checkModel(failedModel('[x]{.actor}', undefined, new Error('a bug'))), /fell back to an empty model: .*a bug/);
    assert.doesNotThrow(() => checkModel(parseNotes('[x]{.actor}')));
  });

  it(`stays well formed over ${ROUNDS} seeded mutants`, () => {
    const next = random(SEED);
    const sources = fixtureNames().map(readFixture);
    for (let round = 0; round < ROUNDS; round++) {
      const mutant = mutate(sources[round % sources.length], next);
      try {
        checkModel(parseNotes(mutant));
      } catch (error) {
        assert.fail(`round ${round} (seed ${SEED}): ${error instanceof Error ? error.message : String(error)}\n--- mutant ---\n${mutant}`);
      }
    }
  });
});
