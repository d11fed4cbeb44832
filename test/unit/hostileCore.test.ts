/**
 * The core's own holes from issue 15: a model edited twice from the same earlier model equals a
 * parse (the per-span checks' cache key told "no areas" from an area named "" apart only by
 * chance), and a `value=` that is not a finite number gives a diagnostic and no value.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editNotes, parseNotes, type NotesModel, type TextChange } from '../../src/core';
import { seededRandom } from '../support/random';

const root = join(__dirname, '..', '..', '..');
const problems = readFileSync(join(root, 'test', 'fixtures', 'cli', 'problems.summit.md'), 'utf8');

function apply(text: string, edit: TextChange): string {
  return text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.deleted);
}

function diagnosticsOf(m: NotesModel): string[] {
  return m.diagnostics.map((d) => `${d.code} ${d.range.start}-${d.range.end} ${d.message}`);
}

describe('editNotes from an earlier model used twice', function () {
  this.timeout(60000);
  it('equals parseNotes for the two front matter edits of the report', () => {
    const first: TextChange = { offset: 51, deleted: 5, inserted: '- ' };
    const second: TextChange = { offset: 56, deleted: 2, inserted: ': ' };
    const earlier = parseNotes(problems);
    const one = editNotes(earlier, first, apply(problems, first));
    assert.deepEqual(diagnosticsOf(one), diagnosticsOf(parseNotes(apply(problems, first))));
    const text = apply(problems, second);
    const two = editNotes(earlier, second, text);
    assert.deepEqual(diagnosticsOf(two), diagnosticsOf(parseNotes(text)));
    assert.equal(two.diagnostics.filter((d) => d.code === 'unknown-area').length, 2);
  });

  it('equals parseNotes when many edits branch from the same model (200 models, three edits each)', () => {
    const rnd = seededRandom(815);
    const pieces = ['', ' ', ':', '- ', 'areas:\n', '  x: X\n', 'statuses: []\n', 'finance', '\n', '"', '[', '{'];
    for (let round = 0; round < 200; round++) {
      const earlier = parseNotes(problems);
      for (let k = 0; k < 3; k++) {
        const offset = Math.floor(rnd() * 90);
        const edit: TextChange = { offset, deleted: Math.floor(rnd() * 4), inserted: pieces[Math.floor(rnd() * pieces.length)] };
        const text = apply(problems, edit);
        const edited = editNotes(earlier, edit, text);
        assert.deepEqual(diagnosticsOf(edited), diagnosticsOf(parseNotes(text)), `round ${round}, edit ${JSON.stringify(edit)}`);
      }
    }
  });
});

describe('value= that is not a finite number', () => {
  for (const written of ['1e400', '1e999999', '0x10', '0b101', '1e5x', 'many']) {
    it(`value=${written}: a diagnostic and no value`, () => {
      const m = parseNotes(`# F\n\n[5 млрд]{.figure value=${written}}\n`);
      assert.equal(m.figures[0].value, undefined);
      const found = m.diagnostics.filter((d) => d.code === 'unreadable-value');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 'warning');
      assert.equal(found[0].data?.value, written);
      assert.equal(m.text.slice(found[0].range.start, found[0].range.end), written);
      assert.match(found[0].message, /is not a number that can be read/);
      assert.ok(!m.diagnostics.some((d) => d.code === 'figure-without-value'), 'one problem, one diagnostic');
    });
  }

  for (const [written, value] of [['1.5e12', 1.5e12], ['650', 650], ['"5 млрд"', 5e9], ['-3', -3]] as const) {
    it(`value=${written} still reads as ${value}`, () => {
      const m = parseNotes(`# F\n\n[a lot]{.figure value=${written}}\n`);
      assert.equal(m.figures[0].value, value);
      assert.deepEqual(m.diagnostics.map((d) => d.code), []);
    });
  }
});
