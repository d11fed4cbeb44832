/**
 * `reparseNotes` (what the editor's model cache calls on every change) must give exactly the model
 * `parseNotes` gives: thousands of random single edits, of the kind VS Code reports (insert, delete
 * or replace a few characters, markup characters included), chained as in an editing session, on
 * every parse fixture and on a generated notes file. Compared through toJSON, so every range,
 * diagnostic and figure counts.
 */
import * as assert from 'assert';
import { parseNotes, reparseNotes, type NotesModel } from '../../src/core';
import { generateNotes } from '../../bench/generate';
import { fixtureNames, readFixture } from './parseSupport';
import { seededRandom as random } from '../support/random';

/** Characters an edit may insert: markup, digits, letters of both languages, line breaks. */
const ALPHABET = ['[', ']', '{', '}', '.', '#', '=', '"', ' ', '\n', '\\', '`', '-', '%', '$', '5', ',', 'a', 'я', 'figure', '.figure', 'около ', 'more than ', '---\n'];


interface Edit { readonly offset: number; readonly deleted: number; readonly inserted: string }

function randomEdit(text: string, next: () => number): Edit {
  const offset = Math.floor(next() * (text.length + 1));
  const deleted = next() < 0.5 ? 0 : Math.min(text.length - offset, 1 + Math.floor(next() * 3));
  const inserted = deleted > 0 && next() < 0.5 ? '' : ALPHABET[Math.floor(next() * ALPHABET.length)];
  return { offset, deleted, inserted };
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.offset) + e.inserted + text.slice(e.offset + e.deleted);
}

function plain(model: NotesModel): unknown {
  return JSON.parse(JSON.stringify(model));
}

/** Applies `count` chained edits; after each, the reparsed model must equal a fresh parse. */
function session(start: string, count: number, seed: number): void {
  const next = random(seed);
  let text = start;
  let model = parseNotes(text);
  for (let k = 0; k < count; k++) {
    const edit = randomEdit(text, next);
    text = apply(text, edit);
    model = reparseNotes(model, text);
    assert.deepStrictEqual(plain(model), plain(parseNotes(text)), `edit ${k} ${JSON.stringify(edit)} (seed ${seed})`);
  }
}

describe('reparseNotes after random single edits', function () {
  // Thousands of parses of small texts: generous on a loaded machine, still a bound.
  this.timeout(120_000);

  it('equals parseNotes on every parse fixture', () => {
    const names = fixtureNames();
    assert.ok(names.length >= 10);
    names.forEach((name, i) => session(readFixture(name), 80, 100 + i));
  });

  for (const language of ['ru', 'en'] as const) {
    it(`equals parseNotes on generated ${language} notes`, () => {
      session(generateNotes({ bytes: 6000, language, seed: 3 }), 400, language === 'ru' ? 7 : 8);
    });
  }
});
