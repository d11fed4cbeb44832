/**
 * The figure readers' first-letter pre-checks (figures/firstLetters.ts) and the phrase table by last
 * letter (figures/phrases.ts): a "no" must never hide a word or phrase the full reader would find.
 */
import * as assert from 'node:assert/strict';
import { FirstLetters, simpleLower } from '../../src/core/figures/firstLetters';
import { AGE_WORDS, LABEL_WORDS, PERCENT_WORD_PREFIXES, POINT_WORDS, QUALIFIER_PHRASES, QUALIFYING_VERB_PREFIXES, UNIT_PHRASES, UNIT_WORDS } from '../../src/core/figures/lexicon';
import { phraseEndingAt } from '../../src/core/figures/phrases';
import { seededRandom } from '../support/random';

/** Every UTF-16 code up to the end of the Cyrillic block, and a few others whose lower case is special. */
function codes(): number[] {
  const out: number[] = [];
  for (let c = 0; c < 0x500; c++) out.push(c);
  out.push(0x130, 0x212a, 0x1e9e, 0x2126, 0xff30, 0xd835);
  return out;
}

describe('figure readers: first-letter pre-checks', () => {
  it('simpleLower is the lower case of every code it answers for', () => {
    for (const c of codes()) {
      const lower = simpleLower(c);
      if (lower >= 0) assert.equal(String.fromCharCode(lower), String.fromCharCode(c).toLowerCase(), `code ${c.toString(16)}`);
    }
  });

  const lists: [string, string[]][] = [
    ['label words', [...LABEL_WORDS]],
    ['age words', [...AGE_WORDS, 'of']],
    ['percent and point words', [...POINT_WORDS, ...PERCENT_WORD_PREFIXES.map(([p]) => p)]],
    ['units', [...UNIT_PHRASES.map(([p]) => p), ...UNIT_WORDS.keys()]],
    ['qualifying verbs', QUALIFYING_VERB_PREFIXES.map(([p]) => p)],
  ];
  for (const [name, words] of lists) {
    it(`says "maybe" for every first character that lowercases to the start of one of the ${name}`, () => {
      const first = new FirstLetters(words);
      for (const c of codes()) {
        const lower = String.fromCharCode(c).toLowerCase();
        const some = words.some((w) => w.startsWith(lower) || lower.startsWith(w[0]));
        if (some) assert.ok(first.mayStart(c), `${name}: code ${c.toString(16)}`);
      }
      // And it does rule out most letters (the point of the check).
      assert.ok(!first.mayStart('q'.charCodeAt(0)) || !first.mayStart('z'.charCodeAt(0)));
    });
  }

  it('says "maybe" at every position where the text, lowercased, starts with one of the words', () => {
    const random = seededRandom(41);
    for (const [name, words] of lists) {
      const first = new FirstLetters(words);
      const pieces = [...words, ...words.map((w) => w.toUpperCase()), ...words.map((w) => w[0].toUpperCase() + w.slice(1)),
        'a', 'P', 'п', 'П', 'x', ' ', '\u00a0', '.', 'İ', 'K', 'Σ', '1', 'ё', 'Ё', 'prevent', 'тонкий', 'expect'];
      for (let n = 0; n < 3000; n++) {
        let text = '';
        const k = 1 + Math.floor(random() * 3);
        for (let j = 0; j < k; j++) {
          const piece = pieces[Math.floor(random() * pieces.length)];
          // Sometimes only part of a word: its first one or two characters.
          text += random() < 0.2 ? piece.slice(0, 1 + Math.floor(random() * 2)) : piece;
        }
        for (let p = 0; p < text.length; p++) {
          const rest = text.slice(p).toLowerCase();
          if (words.some((w) => rest.startsWith(w))) assert.ok(first.mayStartAt(text, p), `${name}: ${JSON.stringify(text)} at ${p}`);
        }
      }
    }
  });

  it('phraseEndingAt (by last letter) finds what a scan of every phrase in lexicon order finds', () => {
    const random = seededRandom(14);
    const pieces = [...QUALIFIER_PHRASES.map(([p]) => p), 'БОЛЕЕ', 'More Than', 'ОКОЛО', 'Up To', 'x', 'ago', 'до', 'over\u00a0', 'не\u00a0менее', ' ', ' ', 'а', 'the'];
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const k = 1 + Math.floor(random() * 3);
      for (let j = 0; j < k; j++) text += (j > 0 && random() < 0.7 ? ' ' : '') + pieces[Math.floor(random() * pieces.length)];
      const lo = Math.floor(random() * 3);
      const e = text.length - (random() < 0.2 ? 1 : 0);
      const got = phraseEndingAt(text, lo, e);
      const window = text.slice(lo, e).toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
      let want: readonly [string, number, string] | null = null;
      for (const [phrase, q] of QUALIFIER_PHRASES) {
        if (e - phrase.length >= lo && window.endsWith(phrase)) { want = [q, e - phrase.length, phrase]; break; }
      }
      if (got !== undefined) assert.deepEqual(got, want, JSON.stringify(text));
    }
  });
});
