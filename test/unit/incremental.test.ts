/**
 * `editNotes` (the editor's path after each keystroke) must give exactly the model `parseNotes`
 * gives, whatever the edit: thousands of random edits, chained as in an editing session, on every
 * parse fixture and on generated notes. The edits are of every kind — letters typed into prose,
 * into a span's text, into an attribute block, at `[` and `]`, on a heading, in the front matter,
 * in and around code fences and comments; markup characters and line breaks; deletions and pastes
 * of a few dozen characters. Compared through toJSON (every range with positions, attribute,
 * figure, section, reference target and diagnostic) plus the id map. The previous model must not
 * change, and most edits must reuse its rows rather than parse the file again.
 */
import * as assert from 'assert';
import { editNotes, parseNotes, type NotesModel, type TextChange } from '../../src/core';
import { NotesDocument } from '../../src/core/model/document';
import { generateNotes } from '../../bench/generate';
import { fixtureNames, readFixture } from './parseSupport';
import { seededRandom as random } from '../support/random';

const PROSE = ['a', 'x', 'я', 'Б', '5', '0', ' ', 'ab', 'млрд', ' 7', 'bn', ',', '.'];
const MARKUP = ['[', ']', '{', '}', '(', ')', '.', '#', '=', '"', "'", '-', '\n', '\\', '`', '<', '>', '~', '%', '$', ':', '* ', '1. ', '\r\n', '\t'];
const PIECES = [
  '.figure', '.initiative', '.actor', '#id', '#dup', ' area=finance', ' status=agred', ' value=5', '](#', '](#id)', '{#', '{.figure}',
  '```\n', '~~~\n', '```js\n', '<!--', '-->', '\n\n', '---\n', '# ', '## ', '===\n', '---', '- ', '    ', '[x]{.actor}', '[see](#i)',
  '[5 bn]{.figure #f year=2024}', 'language: ru\n', 'areas: [x]\n', 'statuses: [a]\n', '{.actor', ']{',
];

interface Session {
  readonly next: () => number;
  text: string;
  model: NotesModel;
}

/** An offset near something that matters: a span's brackets or attribute block, a heading, the front matter, a fence. */
function targetedOffset(s: Session): number {
  const { next, model, text } = s;
  const r = next();
  const annotations = model.annotations;
  if (r < 0.45 && annotations.length > 0) {
    const a = annotations[Math.floor(next() * annotations.length)];
    const where = next();
    if (where < 0.4) return a.attributeRange.start + Math.floor(next() * (a.attributeRange.end - a.attributeRange.start + 1));
    if (where < 0.6) return a.range.start + (next() < 0.5 ? 0 : 1);
    if (where < 0.8) return a.contentRange.end + (next() < 0.5 ? 0 : 1);
    return a.contentRange.start + Math.floor(next() * (a.contentRange.end - a.contentRange.start + 1));
  }
  if (r < 0.6 && model.allSections.length > 0) {
    const h = model.allSections[Math.floor(next() * model.allSections.length)].headingRange;
    return h.start + Math.floor(next() * (h.end - h.start + 1));
  }
  if (r < 0.7 && model.frontMatterRange) return Math.floor(next() * (model.frontMatterRange.end + 1));
  if (r < 0.78) {
    const fence = text.indexOf('```', Math.floor(next() * text.length));
    if (fence >= 0) return fence + Math.floor(next() * 4);
  }
  return Math.floor(next() * (text.length + 1));
}

function randomEdit(s: Session): TextChange {
  const { next, text } = s;
  const offset = Math.min(text.length, next() < 0.6 ? targetedOffset(s) : Math.floor(next() * (text.length + 1)));
  const kind = next();
  let deleted: number;
  let inserted = '';
  if (kind < 0.35) {
    // Typing or deleting one character or two.
    deleted = next() < 0.6 ? 0 : Math.min(text.length - offset, 1 + Math.floor(next() * 2));
    const pool = next() < 0.5 ? PROSE : MARKUP;
    if (deleted === 0 || next() < 0.5) inserted = pool[Math.floor(next() * pool.length)];
  } else if (kind < 0.7) {
    deleted = next() < 0.7 ? 0 : Math.min(text.length - offset, 1 + Math.floor(next() * 4));
    inserted = PIECES[Math.floor(next() * PIECES.length)];
  } else if (kind < 0.85) {
    // A deletion of up to a few lines.
    deleted = Math.min(text.length - offset, 1 + Math.floor(next() * 120));
  } else {
    // A paste: a stretch of the text itself, over a few characters or none.
    const from = Math.floor(next() * text.length);
    inserted = text.slice(from, from + 1 + Math.floor(next() * 150));
    deleted = next() < 0.5 ? 0 : Math.min(text.length - offset, Math.floor(next() * 40));
  }
  return { offset, deleted, inserted };
}

/**
 * What a comparison sees: the whole model as JSON, the id map, who refers to each id, and what
 * the model keeps for the next edit (where code and comment blocks are), which must be right too.
 */
function plain(model: NotesModel): unknown {
  const ids = [...model.ids].map(([id, carrier]) => [id, 'headingRange' in carrier ? `section ${model.allSections.indexOf(carrier)}` : `annotation ${carrier.index}`]);
  const referencesTo = [...model.ids.keys()].map((id) => [id, model.referencesTo(id).map((r) => r.range.start)]);
  const kept = model instanceof NotesDocument ? { blocks: model.blocks, bodyStart: model.bodyStart } : undefined;
  return { model: JSON.parse(JSON.stringify(model)) as unknown, ids, referencesTo, size: model.ids.size, kept };
}

/** Whether `model` holds rows scanned for `previous` (it was made by moving rows, not by a parse). */
function sharesRows(model: NotesModel, previous: NotesModel): boolean {
  if (!(model instanceof NotesDocument) || !(previous instanceof NotesDocument)) return false;
  const bases = new Set([...previous.annotationPieces, ...previous.referencePieces].map((p) => p.base));
  return [...model.annotationPieces, ...model.referencePieces].some((p) => bases.has(p.base));
}

/** Applies `count` chained edits; returns how many reused the previous model's rows. */
function session(start: string, count: number, seed: number): { reused: number; comparable: number } {
  const s: Session = { next: random(seed), text: start, model: parseNotes(start) };
  let reused = 0;
  let comparable = 0;
  for (let k = 0; k < count; k++) {
    const edit = randomEdit(s);
    const previous = s.model;
    const text = s.text.slice(0, edit.offset) + edit.inserted + s.text.slice(edit.offset + edit.deleted);
    const before = k % 10 === 0 ? plain(previous) : undefined;
    const model = editNotes(previous, edit, text);
    const where = `edit ${k} ${JSON.stringify(edit)} (seed ${seed})`;
    assert.deepStrictEqual(plain(model), plain(parseNotes(text)), where);
    if (before !== undefined) assert.deepStrictEqual(plain(previous), before, `the previous model changed: ${where}`);
    if (previous.annotations.length + previous.references.length > 0) {
      comparable++;
      if (sharesRows(model, previous)) reused++;
    }
    s.text = text;
    s.model = model;
  }
  return { reused, comparable };
}

describe('editNotes after random edits of every kind', function () {
  // Thousands of parses and comparisons: generous on a loaded machine, still a bound.
  this.timeout(300_000);

  it('equals parseNotes on every parse fixture', () => {
    const names = fixtureNames();
    assert.ok(names.length >= 10);
    let reused = 0;
    let comparable = 0;
    names.forEach((name, i) => {
      const r = session(readFixture(name), 150, 300 + i);
      reused += r.reused;
      comparable += r.comparable;
    });
    assert.ok(reused > comparable / 2, `only ${reused} of ${comparable} edits reused the previous model's rows`);
  });

  for (const language of ['ru', 'en'] as const) {
    it(`equals parseNotes on generated ${language} notes`, () => {
      const r = session(generateNotes({ bytes: 20000, language, seed: 5 }), 800, language === 'ru' ? 27 : 28);
      assert.ok(r.reused > r.comparable * 0.8, `only ${r.reused} of ${r.comparable} edits reused the previous model's rows`);
    });
  }

  it('equals parseNotes when edits open and close fences, comments and the front matter', () => {
    const text = [
      '---', 'title: T', 'language: en', 'areas: [finance, trade]', '---', '',
      '# One {#one}', '', '[a plan [5 bn]{.figure #f}]{.initiative #p area=finance}', '',
      '```', '[not]{.actor}', '```', '', '<!-- [hidden]{.actor} -->', '', 'Text [see](#p) and [x]{.actor}.', '',
      '~~~~', 'code', '', '~~~~', '', '## Two', '', '[b]{.figure value=3}', '',
    ].join('\n').repeat(6);
    const r = session(text, 600, 41);
    assert.ok(r.reused > r.comparable / 2, `only ${r.reused} of ${r.comparable} edits reused the previous model's rows`);
  });

  it('keeps ids, duplicates and unresolved references right in a file with thousands of ids', () => {
    // Past 5000 ids no "did you mean" is offered, so an edit updates the id map instead of redoing it.
    const parts: string[] = ['# Ids {#top}', ''];
    for (let i = 0; i < 5300; i++) {
      parts.push(`[item ${i}]{.actor #a${i % 5200}} [see](#a${(i * 7) % 5400})${i % 40 === 39 ? '\n' : ''}`);
    }
    const next = random(77);
    let text = parts.join('\n');
    let model = parseNotes(text);
    void model.diagnostics;
    const view = (m: NotesModel): unknown => ({
      diagnostics: m.diagnostics.map((d) => [d.code, d.range.start, d.range.end, d.message, d.data]),
      size: m.ids.size,
      first: ['a1', 'a17', 'a5199', 'a5300', 'top', 'b1'].map((id) => m.ids.get(id)?.range.start),
    });
    const edits = ['x', '1', '#', ']', '[', '\n', '\n\n', '](#a1)', '{#a3}', ' #b1', ''];
    let reused = 0;
    for (let k = 0; k < 300; k++) {
      const id = text.indexOf('#a', Math.floor(next() * text.length));
      const offset = id < 0 ? Math.floor(next() * text.length) : id + 1 + Math.floor(next() * 4);
      const inserted = edits[Math.floor(next() * edits.length)];
      const edit: TextChange = { offset, deleted: inserted === '' || next() < 0.3 ? 1 : 0, inserted };
      text = text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.deleted);
      const previous = model;
      model = editNotes(previous, edit, text);
      if (sharesRows(model, previous)) reused++;
      assert.deepStrictEqual(view(model), view(parseNotes(text)), `edit ${k} ${JSON.stringify(edit)}`);
    }
    assert.ok(reused > 250, `only ${reused} of 300 edits reused the previous model's rows`);
  });

  it('falls back to a parse without a previous model or with an edit that does not fit', () => {
    const text = '[около 5 млрд]{.figure}\n';
    assert.deepStrictEqual(plain(editNotes(undefined, undefined, text)), plain(parseNotes(text)));
    assert.deepStrictEqual(plain(editNotes(parseNotes('x'), { offset: 0, deleted: 1, inserted: 'y' }, text)), plain(parseNotes(text)));
  });

  it('leaves the previous model as it was, with its own ids and diagnostics', () => {
    const before = parseNotes('# A {#a}\n\n[x]{.actor #b} [y](#a)\n');
    const json = JSON.stringify(before);
    const text = '# A {#a}\n\n[x]{.actor #b} [y](#c)\n';
    const after = editNotes(before, { offset: text.indexOf('(#c') + 2, deleted: 1, inserted: 'c' }, text);
    assert.strictEqual(JSON.stringify(before), json);
    assert.strictEqual(before.diagnostics.length, 0);
    assert.deepStrictEqual(after.diagnostics.map((d) => d.code), ['unresolved-reference']);
    assert.notStrictEqual(after.annotations[0], before.annotations[0]);
  });
});
