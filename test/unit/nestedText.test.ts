/**
 * The plain text of a span that holds spans is read from its children's (nestedText.ts), and
 * `tidy` copies runs whole; `plainText` over the whole stretch and the character-by-character
 * tidy below stay the definitions. Random nests of spans, links, escapes and line breaks give
 * the same text both ways.
 */
import * as assert from 'node:assert/strict';
import { parseNotes } from '../../src/core';
import { isAsciiPunctuation } from '../../src/core/text/escapes';
import { plainText, tidy } from '../../src/core/model/views';
import type { NotesDocument } from '../../src/core/model/document';
import { seededRandom } from '../support/random';

/** The earlier tidy, one character at a time: the reference the faster one must match. */
function tidyByCharacter(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < s.length && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      out += s[i + 1];
      i += 2;
    } else if (c === 10 || c === 13) {
      let j = out.length;
      while (j > 0 && (out.charCodeAt(j - 1) === 32 || out.charCodeAt(j - 1) === 9)) j--;
      out = out.slice(0, j) + ' ';
      i++;
      while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)) i++;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

const PIECES = ['[', ']{.figure}', ']{.actor #a}', ']{.initiative}', '](#a)', '[see', '\\*', '\\', ' ', '  ', '\n', ' \n ', '\t', 'word', '5%', '{', '}', '`', '\r\n', '](#', ')'];

function randomText(rnd: () => number, parts: number): string {
  let text = '# T {#a}\n\n';
  for (let i = 0; i < parts; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
  return text;
}

describe('plain texts of nested spans', () => {
  it('tidy gives what the character-by-character tidy gives (5,000 random strings)', () => {
    const rnd = seededRandom(15);
    for (let round = 0; round < 5000; round++) {
      const s = randomText(rnd, 1 + Math.floor(rnd() * 30));
      assert.equal(tidy(s), tidyByCharacter(s), JSON.stringify(s));
    }
  });

  it('a span holding spans reads as plainText over its whole stretch (3,000 random notes)', () => {
    const rnd = seededRandom(1515);
    let nested = 0;
    for (let round = 0; round < 3000; round++) {
      const text = randomText(rnd, 10 + Math.floor(rnd() * 60));
      const doc = parseNotes(text) as unknown as NotesDocument;
      for (const a of doc.annotations) {
        if (a.children.length) nested++;
        const expected = plainText(doc, a.start + 1, a.close, a.index + 1);
        assert.equal(a.plainText, expected, `${JSON.stringify(text)} span ${a.index}`);
      }
    }
    assert.ok(nested > 300, `only ${nested} spans held spans`);
  });

  it('reads a nest with links inside and around it', () => {
    const m = parseNotes('# T {#a}\n\n[[see [x](#a) and [\\*y\n  z]{.actor}]{.figure} [w](#a)]{.initiative}\n');
    assert.deepEqual(m.annotations.map((a) => a.plainText), ['see x and *y z w', 'see x and *y z', '*y z']);
  });
});
