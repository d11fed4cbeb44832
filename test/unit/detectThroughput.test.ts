/**
 * What the throughput work on initiative detection must not change: the character tests that replaced
 * regular expressions answer exactly as those expressions do, the per-spelling word facts are the
 * same however often they are asked for, and suggestions are the same whether the caller hands over
 * the figures it detected or not. Texts are written for these tests.
 */
import * as assert from 'node:assert/strict';
import { detectFigures, detectInNotes, suggestInitiatives } from '../../src/core/detect';
import { digitThenSpacesBefore, firstNonSpace, hasDigit, isFinalStop, lastNonSpace, lineStartBefore, nameGap, plainGap, isLeftQuote, isRightQuoteOrDash, isRegexSpace } from '../../src/core/detect/scan';
import { wordFacts } from '../../src/core/detect/wordFacts';

/** Characters the tests and the regular expressions care about, and a few they do not. */
const ALPHABET = [' ', '\u00a0', '\t', '\n', '\r', '\u2009', '\u3000', '\ufeff', '-', '–', '—', '•', '*', '.', ',', ';', ':', '!', '?', '(', ')',
  '«', '»', '“', '”', '"', '‘', '’', "'", '0', '5', '9', 'a', 'Z', 'ж', 'Ё', '$', '\ud83d', '\ude00'];

/** A deterministic stream of short strings over ALPHABET (a linear congruential generator). */
function samples(count: number, maxLength: number): string[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out: string[] = [''];
  for (let i = 0; i < count; i++) {
    const length = next(maxLength + 1);
    let s = '';
    for (let k = 0; k < length; k++) s += ALPHABET[next(ALPHABET.length)];
    out.push(s);
  }
  return out;
}

const noPunctuation = (between: string): boolean => !/[,.;:!?()]/u.test(between) && between.length <= 4;

describe('detection throughput keeps every answer', () => {
  const strings = samples(4000, 9);

  it('reads white space as \\s does', () => {
    for (let code = 0; code < 0x10000; code++) assert.equal(isRegexSpace(code), /\s/u.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });

  it('answers each gap and span test as the regular expression it replaced', () => {
    for (const s of strings) {
      const n = s.length;
      assert.equal(plainGap(s, 0, n), noPunctuation(s), JSON.stringify(s));
      assert.equal(plainGap(s, 0, n, isLeftQuote), noPunctuation(s.replace(/[«“"‘']/gu, '')), JSON.stringify(s));
      assert.equal(plainGap(s, 0, n, isRightQuoteOrDash), noPunctuation(s.replace(/[«»“”"‘’'\-–—]/gu, '')), JSON.stringify(s));
      assert.equal(hasDigit(s, 0, n), /\d/u.test(s), JSON.stringify(s));
      assert.equal(nameGap(s, 0, n), /^[\s\-–]{0,3}$/u.test(s), JSON.stringify(s));
      const trimmed = s.trim();
      const last = lastNonSpace(s, 0, n);
      assert.equal(last < 0 ? '' : s[last], trimmed === '' ? '' : trimmed[trimmed.length - 1], JSON.stringify(s));
      const first = firstNonSpace(s, 0, n);
      assert.equal(first === n ? '' : s.slice(first, last + 1), trimmed, JSON.stringify(s));
      assert.equal(last >= 0 && isFinalStop(s.charCodeAt(last)), /[.!?;:,"”»]$/u.test(trimmed), JSON.stringify(s));
      for (let at = 0; at <= n; at++) {
        const from = Math.max(0, at - 4);
        assert.equal(digitThenSpacesBefore(s, from, at), /\d[\s\u00a0]*$/u.test(s.slice(from, at)), `${JSON.stringify(s)} at ${at}`);
        assert.equal(lineStartBefore(s, at), /(?:^|\n)[\s\-•*–—\d.)]*$/u.test(s.slice(Math.max(0, at - 6), at)), `${JSON.stringify(s)} at ${at}`);
      }
    }
  });

  it('gives the same word facts for a spelling every time, whatever its case', () => {
    const first = wordFacts('Фонда');
    assert.equal(first.lower, 'фонда');
    assert.equal(first.head, 'body');
    assert.equal(wordFacts('Фонда'), first);
    assert.equal(wordFacts('ФОНДА').head, 'body');
    assert.equal(wordFacts('proposed').cue, 'propose');
    assert.equal(wordFacts('предложить').ruInfinitive, true);
    assert.equal(wordFacts('предложил').ruPast, true);
    assert.equal(wordFacts('новой').ruAdjective, true);
    // Past the cache's limit it starts again and still answers the same.
    for (let i = 0; i < 60_000; i++) wordFacts(`w${i}`);
    const again = wordFacts('Фонда');
    assert.notEqual(again, first);
    for (const key of ['lower', 'head', 'cue', 'ruAdjective', 'ruInfinitive', 'ruPast'] as const) assert.equal(again[key], first[key], key);
  });

  it('suggests the same initiatives whether the caller hands over its figures or not', () => {
    const texts: [string, string][] = [
      ['en', 'The ministers signed 54 agreements worth $3.7 bn and agreed to set up a regional energy fund.\nThey proposed a youth forum in 2027.'],
      ['ru', 'Стороны подписали 16 соглашений на 2 млрд рублей.\nПрезидент предложил создать фонд развития объёмом $500 млн.'],
      ['en', '- Initiatives of the host:\n- a grain exchange for the region\n- a shared satellite programme'],
    ];
    for (const [language, text] of texts) {
      const figures = detectFigures(text, language);
      assert.ok(figures.length > 0 || text.includes('Initiatives'));
      assert.deepEqual(suggestInitiatives(text, language, undefined, { figures }), suggestInitiatives(text, language), text);
      assert.deepEqual(suggestInitiatives(text, language, undefined, { figures, minScore: 0 }), suggestInitiatives(text, language, undefined, { minScore: 0 }), text);
      const notes = detectInNotes(text, { language });
      assert.deepEqual(notes.figures, figures);
      assert.deepEqual(notes.initiatives, suggestInitiatives(text, language));
    }
  });
});
