/**
 * What the throughput work on initiative detection must not change: the character tests that replaced
 * regular expressions answer exactly as those expressions do (and the line marks as a scan of the
 * stretch), suggestions merged while scoring are those merged afterwards, the per-spelling word facts are the
 * same however often they are asked for, and suggestions are the same whether the caller hands over
 * the figures it detected or not. Texts are written for these tests.
 */
import * as assert from 'node:assert/strict';
import { sampleStrings } from '../support/random';
import { detectFigures, detectInNotes, suggestInitiatives } from '../../src/core/detect';
import { digitThenSpacesBefore, firstNonSpace, hasDigit, hasMoney, hasYear, isFinalStop, lastNonSpace, lineStartBefore, LineMarks, nameGap, plainGap, punctuationIn, isLeftQuote, isRightQuoteOrDash, isRegexSpace } from '../../src/core/detect/scan';
import { wordFacts } from '../../src/core/detect/wordFacts';
import { contentWordIn, ruleCandidates } from '../../src/core/detect/initiatives';
import { scoreCandidates, type InitiativeWeights } from '../../src/core/detect/initiativeScorer';
import { selectSuggestions } from '../../src/core/detect/initiativeSelection';
import WEIGHTS from '../../src/core/detect/initiativeWeights.json';

/** Characters the tests and the regular expressions care about, and a few they do not. */
const ALPHABET = [' ', '\u00a0', '\t', '\n', '\r', '\u2009', '\u3000', '\ufeff', '-', '–', '—', '•', '*', '.', ',', ';', ':', '!', '?', '(', ')',
  '«', '»', '“', '”', '"', '‘', '’', "'", '0', '5', '9', 'a', 'Z', 'ж', 'Ё', '$', '\ud83d', '\ude00'];

/** Characters of years, sums and their words. */
const FIGURE_ALPHABET = ['1', '9', '2', '0', '5', ' ', '_', 'a', 'b', 'n', 'B', 'м', 'л', 'н', 'р', 'д', '$', '€', '₽', '¥', '«', '“', '"', '‘', '.'];

/** A deterministic stream of short strings over `alphabet` (ALPHABET unless given). */
function samples(count: number, maxLength: number, alphabet: readonly string[] = ALPHABET): string[] {
  return sampleStrings(count, maxLength, alphabet, 7);
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
      assert.equal(punctuationIn(s, 0, n), /[,.;:!?()]/u.test(s), JSON.stringify(s));
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

  it('finds years and sums as the expressions they replaced', () => {
    const fixed = ['in 2019', 'x2019', '2019x', '20199', '_2020', '1999.', '$5', '€3', '5 млрд', '5 млн', 'million', 'billion', '3 bn', '3 bnx', 'bn_', 'abn'];
    for (const s of [...fixed, ...samples(4000, 12, FIGURE_ALPHABET)]) {
      for (let from = 0; from <= s.length; from++) {
        for (let to = from; to <= s.length; to++) {
          const slice = s.slice(from, to);
          assert.equal(hasYear(s, from, to), /\b(?:19|20)\d\d\b/u.test(slice), `${JSON.stringify(s)} ${from}–${to}`);
          assert.equal(hasMoney(s, from, to), /[$€₽¥]|млрд|млн|billion|million|bn\b/u.test(slice), `${JSON.stringify(s)} ${from}–${to}`);
        }
      }
    }
  });

  it('answers the line marks (digits, opening quotes, years) as a scan of the stretch does', () => {
    const marks = new LineMarks();
    for (const s of [...samples(1500, 14, FIGURE_ALPHABET), ...samples(1500, 14)]) {
      // The line is the string without its first and last characters; stretches reach past it too.
      const from = Math.min(1, s.length);
      const to = Math.max(from, s.length - 1);
      marks.read(s, from, to);
      for (let start = 0; start <= s.length; start++) {
        const quote = s.slice(start, to).search(/[«“"‘]/u);
        if (start >= from && start <= to) assert.equal(marks.quoteFrom(start), quote < 0 ? to : start + quote, `${JSON.stringify(s)} from ${start}`);
        for (let end = start; end <= s.length; end++) {
          const slice = s.slice(start, end);
          const at = `${JSON.stringify(s)} ${start}–${end}`;
          assert.equal(marks.digit(s, start, end), /\d/u.test(slice), at);
          assert.equal(marks.quoteIn(s, start, end), /[«“"‘]/u.test(slice), at);
          assert.equal(marks.year(s, start, end), /\b(?:19|20)\d\d\b/u.test(slice), at);
        }
      }
    }
  });

  it('tests a verb\'s object for a content word as lowercasing and matching it did', () => {
    const fixed = ['the fund', 'in June', 'в июне года', 'ПРОЕКТ', 'of the year', 'Ünal fund', 'ªbc', 'a, b', '«Фонд»', 'on 5 May'];
    const filler = /^(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|january|february|march|april|may|june|july|august|september|october|november|december|года|году|year|the|and|также)$/u;
    const letters = ['a', 'n', 'd', 't', 'h', 'e', 'y', 'r', 'м', 'а', 'я', 'Ё', 'ü', 'İ', 'ª', ' ', '\u00a0', '–', '«', '.', '5'];
    for (const s of [...fixed, ...samples(4000, 10, letters)]) {
      const quick = contentWordIn(s, 0, s.length);
      const slow = (s.toLowerCase().match(/\p{L}{3,}/gu) ?? []).some((w) => !filler.test(w));
      if (quick !== undefined) assert.equal(quick, slow, JSON.stringify(s));
      else assert.ok([...s].some((ch) => ch.charCodeAt(0) > 0x7f && (ch.charCodeAt(0) < 0x400 || ch.charCodeAt(0) > 0x45f)), JSON.stringify(s));
    }
  });

  it('merges suggestions while scoring exactly as merging the scored candidates afterwards', () => {
    const texts: [string, string][] = [
      ['en', 'Kazakhstan proposed to set up an SCO investment projects office and a green energy fund.\nThe parties agreed on a roadmap for the North–South corridor; China backed the “Digital Silk Road” forum.'],
      ['ru', 'Токаев предложил создать Банк развития ШОС и открыть центр по изучению водных проблем.\nСтороны договорились о дорожной карте «Зелёный пояс» до 2030 года.'],
    ];
    const weights = WEIGHTS as InitiativeWeights;
    for (const [language, text] of texts) {
      const scored = scoreCandidates(text, language, ruleCandidates(text, language), weights);
      for (const minScore of [0, 0.2, 0.5, 0.8]) {
        assert.deepEqual(suggestInitiatives(text, language, undefined, { minScore }), selectSuggestions(text, scored, minScore), `${text} at ${minScore}`);
        const skip = [{ start: 20, end: 30 }];
        assert.deepEqual(suggestInitiatives(text, language, skip, { minScore }), selectSuggestions(text, scored, minScore, skip), `${text} at ${minScore}, skipping`);
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
