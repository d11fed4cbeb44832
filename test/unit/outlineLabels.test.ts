/**
 * The outline's labels (core/model/outlineTable.ts), read from the parser's row tables with a cursor
 * over the references, must be what the model's interface says of each entry: the plain text
 * trimmed (or `(untitled)`), and `#id · status · area` plus a figure's metric. Checked on every
 * parse fixture, the samples, generated notes, edited models (rows shifted by editNotes), and
 * entries read out of order.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { editNotes, parseNotes, type NotesModel } from '../../src/core';
import { outlineEntries } from '../../src/core/editor/outline';
import { OutlineLabels, outlineLabels } from '../../src/core/model/outlineTable';
import { generateNotes } from '../../bench/generate';
import { fixtureNames, readFixture } from './parseSupport';
import { seededRandom } from '../support/random';

const root = join(__dirname, '..', '..', '..');

/** The labels as the model's interface gives them, written out independently. */
function expected(model: NotesModel, item: number): { name: string; detail: string; kind: string } {
  if (item < 0) return { name: model.allSections[-1 - item].title || '(untitled)', detail: '', kind: 'section' };
  const a = model.annotations[item];
  const kind = a.kind ?? 'initiative';
  const parts = [a.id ? `#${a.id}` : '', a.attribute('status'), a.attribute('area'), kind === 'figure' ? a.attribute('metric') : ''];
  return { name: a.plainText.trim() || '(untitled)', detail: parts.filter((p) => p).join(' · '), kind };
}

function assertLabels(model: NotesModel, where: string): number {
  const { items } = outlineEntries(model);
  const got = outlineLabels(model, items);
  for (let i = 0; i < items.length; i++) {
    assert.deepStrictEqual({ name: got.names[i], detail: got.details[i], kind: got.kinds[i] }, expected(model, items[i]), `${where}, entry ${i}`);
  }
  return items.length;
}

const texts = (): [string, string][] => [
  ...fixtureNames().map((name): [string, string] => [name, readFixture(name)]),
  ...readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.summit.md')).map((f): [string, string] => [f, readFileSync(join(root, 'samples', f), 'utf8')]),
];

describe('outline labels', () => {
  it('read from the rows, equal the model interface on every fixture and sample', () => {
    let entries = 0;
    for (const [name, text] of texts()) entries += assertLabels(parseNotes(text), name);
    assert.ok(entries > 100, `only ${entries} entries`);
  });

  it('cover nesting, references inside spans, escapes, empty spans and a figure\'s metric', () => {
    const text = [
      '# Goals {#goals}', '',
      '[Open [an office]{.initiative #office-inner} in [Astana](#goals)]{.initiative #office status=proposed area="fin\\"ance"}',
      '[more than $650 bn]{.figure #trade metric="intra-SCO trade" year=2024} and [ ]{.actor} and [\\[x\\]]{.actor status=""}',
      '',
      'Heading two', '-----------', '[line', 'broken]{.figure metric=tonnes}',
    ].join('\n');
    const model = parseNotes(text);
    assertLabels(model, 'handmade');
    const labels = new OutlineLabels(model);
    const office = model.annotations.findIndex((a) => a.id === 'office');
    labels.read(office);
    assert.strictEqual(labels.name, 'Open an office in Astana');
    assert.strictEqual(labels.detail, '#office · proposed · fin"ance');
    labels.read(model.annotations.findIndex((a) => a.id === 'trade'));
    assert.deepStrictEqual([labels.name, labels.detail, labels.kind], ['more than $650 bn', '#trade · intra-SCO trade', 'figure']);
  });

  it('are the same on generated notes, after edits, and read in any order', () => {
    const text = generateNotes({ bytes: 200_000, language: 'ru', seed: 7 });
    const model = parseNotes(text);
    assertLabels(model, 'generated');
    // Rows shifted by an edit near the start, and a span retyped further on.
    const edited = editNotes(model, { offset: 40, deleted: 0, inserted: 'Ж' }, `${text.slice(0, 40)}Ж${text.slice(40)}`);
    assertLabels(edited, 'after an insertion');
    const at = edited.text.indexOf(']{.initiative') - 2;
    const again = editNotes(edited, { offset: at + 1, deleted: 0, inserted: 'x' }, `${edited.text.slice(0, at + 1)}x${edited.text.slice(at + 1)}`);
    assertLabels(again, 'after an edit inside a span');
    // Out of order: the reference cursor must go back when asked for an earlier span.
    const { items } = outlineEntries(again);
    const labels = new OutlineLabels(again);
    const next = seededRandom(11);
    for (let k = 0; k < 2000; k++) {
      const item = items[Math.floor(next() * items.length)];
      labels.read(item);
      assert.deepStrictEqual({ name: labels.name, detail: labels.detail, kind: labels.kind }, expected(again, item), `item ${item}`);
    }
  });

  it('read through the interface for a model that is not the parser\'s own', () => {
    const model = parseNotes(readFixture(fixtureNames()[0]));
    const wrapped: NotesModel = { ...model, annotations: model.annotations, allSections: model.allSections } as NotesModel;
    const { items } = outlineEntries(model);
    const got = outlineLabels(wrapped, items);
    const direct = outlineLabels(model, items);
    assert.deepStrictEqual(got, direct);
  });
});
