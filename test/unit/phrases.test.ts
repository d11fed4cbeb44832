/**
 * The char-code qualifier lookups (`detect/phrases.ts`) against the string versions they replaced
 * (lower-case the text, clean it with a regex, search padded phrases), on random text built from
 * phrase words, capitals, no-break spaces, punctuation and the characters whose lower case is not
 * a plain shift (İ, the Kelvin sign, astral letters, Cyrillic combining marks). Where the fast
 * lookup answers it must agree; where it defers (`undefined`) the string version runs instead.
 */
import * as assert from 'assert';
import { QUALIFIER_PHRASES } from '../../src/core/figures/lexicon';
import { phraseAnywhere, phraseEndingAt } from '../../src/core/figures/phrases';
import { isLetter } from '../../src/core/text/characters';
import type { Qualifier } from '../../src/core/model/types';
import { seededRandom as random } from '../support/random';

function referenceAnywhere(prefix: string): Qualifier | null {
  const lower = ` ${prefix.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').replace(/\s+/g, ' ')} `;
  for (const [phrase, q] of QUALIFIER_PHRASES) if (lower.includes(` ${phrase} `)) return q;
  return null;
}

function referenceEndingAt(text: string, lo: number, e: number): readonly [Qualifier, number] | null {
  const window = text.slice(lo, e).toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
  for (const [phrase, q] of QUALIFIER_PHRASES) if (window.endsWith(phrase)) return [q, e - phrase.length];
  return null;
}

const PIECES = [
  'более', 'Более', 'БОЛЕЕ ЧЕМ', 'не менее', 'до', 'ДО', 'около', 'Ёлка', 'more than', 'More Than', 'up to', 'UP', 'to',
  'some', 'Some', 'over', 'about', 'nearly', 'an estimated', 'just under', 'по крайней мере', ' ', '  ', '\u00a0', '\u202f',
  '\t', '\n', ',', '.', '-', '$', '€', '«', '»', '1', '650', 'G20', 'İ', '\u212a', '𝐀', '\u0483', 'é', 'Σ', 'x', 'я',
];


function randomText(next: () => number): string {
  let s = '';
  const n = 1 + Math.floor(next() * 8);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe('qualifier phrases by char codes', () => {
  it('finds a phrase anywhere before the number exactly as the string version does', () => {
    const next = random(7);
    let answered = 0;
    for (let k = 0; k < 5000; k++) {
      const text = randomText(next);
      const fast = phraseAnywhere(text, text.length, isLetter);
      if (fast === undefined) continue;
      answered++;
      assert.strictEqual(fast, referenceAnywhere(text), JSON.stringify(text));
    }
    // Most inputs must take the fast path, or it buys nothing.
    assert.ok(answered > 2000, `fast path answered ${answered} of 5000`);
  });

  it('finds the phrase a window ends with exactly as the string version does', () => {
    const next = random(11);
    let answered = 0;
    for (let k = 0; k < 5000; k++) {
      const text = randomText(next);
      const lo = Math.floor(next() * Math.min(4, text.length));
      const fast = phraseEndingAt(text, lo, text.length);
      if (fast === undefined) continue;
      answered++;
      const expected = referenceEndingAt(text, lo, text.length);
      assert.deepStrictEqual(fast === null ? null : [fast[0], fast[1]], expected, JSON.stringify(text));
    }
    assert.ok(answered > 2000, `fast path answered ${answered} of 5000`);
  });

  it('reads the usual figure prefixes without deferring', () => {
    assert.strictEqual(phraseAnywhere('объём торговли более ', 21, isLetter), 'more_than');
    assert.strictEqual(phraseAnywhere('Some ', 5, isLetter), 'about');
    assert.deepStrictEqual(phraseEndingAt('не\u00a0менее ', 0, 8), ['at_least', 0, 'не менее']);
    assert.strictEqual(phraseEndingAt('G', 0, 1), null);
  });
});
