/**
 * `editNotes` (the editor's path after each keystroke) must give exactly the model `parseNotes`
 * gives, whether it moved offsets in place or fell back to a parse: thousands of random single
 * edits, chained as in an editing session, on every parse fixture and on generated notes. Most edits
 * type or delete prose (so the in-place path runs, and the test checks that it does), the rest
 * markup and line breaks. Compared through toJSON: every range, diagnostic and figure counts.
 */
import * as assert from 'assert';
import { editNotes, parseNotes, type NotesModel, type TextEdit } from '../../src/core';
import { generateNotes } from '../../bench/generate';
import { fixtureNames, readFixture } from './parseSupport';
import { seededRandom as random } from '../support/random';

const PROSE = ['a', 'x', 'я', 'Б', '5', '0', ' ', 'ab', 'млрд', ' 7'];
const MARKUP = ['[', ']', '{', '}', '.', '#', '=', '-', '\n', '\\', '`', '%', '$', ',', '.figure', '---\n', '* ', '1. ', '\r\n'];


function randomEdit(text: string, next: () => number, proseShare: number): TextEdit {
  const offset = Math.floor(next() * (text.length + 1));
  let deleted = next() < 0.6 ? 0 : Math.min(text.length - offset, 1 + Math.floor(next() * 3));
  const pool = next() < proseShare ? PROSE : MARKUP;
  // A prose edit deletes prose only (markup edits delete anything), so sessions stay mostly well formed.
  if (pool === PROSE) while (deleted > 0 && !/^[\p{L}\d ]*$/u.test(text.slice(offset, offset + deleted))) deleted--;
  const inserted = deleted > 0 && next() < 0.5 ? '' : pool[Math.floor(next() * pool.length)];
  return { offset, deleted, inserted };
}

function plain(model: NotesModel): unknown {
  return JSON.parse(JSON.stringify(model));
}

/** Applies `count` chained edits (`proseShare` of them prose); returns how many took the in-place path. */
function session(start: string, count: number, seed: number, proseShare: number): number {
  const next = random(seed);
  let text = start;
  let model = parseNotes(text);
  let inPlace = 0;
  for (let k = 0; k < count; k++) {
    const edit = randomEdit(text, next, proseShare);
    text = text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.deleted);
    const previous = model;
    model = editNotes(previous, edit, text);
    if (model !== previous && model.annotations === previous.annotations) inPlace++;
    // Positions too: built lazily from the line index that the in-place path updates.
    assert.deepStrictEqual(plain(model), plain(parseNotes(text)), `edit ${k} ${JSON.stringify(edit)} (seed ${seed})`);
  }
  return inPlace;
}

describe('editNotes after random single edits', function () {
  // Thousands of parses of small texts: generous on a loaded machine, still a bound.
  this.timeout(180_000);

  it('equals parseNotes on every parse fixture', () => {
    const names = fixtureNames();
    assert.ok(names.length >= 10);
    let inPlace = 0;
    names.forEach((name, i) => { inPlace += session(readFixture(name), 100, 200 + i, 0.85); });
    assert.ok(inPlace > 100, `only ${inPlace} edits took the in-place path`);
  });

  for (const language of ['ru', 'en'] as const) {
    it(`equals parseNotes on generated ${language} notes`, () => {
      const inPlace = session(generateNotes({ bytes: 20000, language, seed: 5 }), 800, language === 'ru' ? 17 : 18, 0.97);
      // Dense markup: about a third of random positions sit in attribute blocks or at span edges.
      assert.ok(inPlace > 100, `only ${inPlace} of 800 edits took the in-place path`);
    });
  }

  it('falls back to a parse without a previous model or an edit', () => {
    const text = '[около 5 млрд]{.figure}\n';
    assert.deepStrictEqual(plain(editNotes(undefined, undefined, text)), plain(parseNotes(text)));
    assert.deepStrictEqual(plain(editNotes(parseNotes('x'), { offset: 0, deleted: 1, inserted: 'y' }, text)), plain(parseNotes(text)));
  });
});
