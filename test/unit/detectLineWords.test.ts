/**
 * The fourth throughput pass on initiative detection reads a line once into arrays and finds words
 * without slicing them; these tests hold each shortcut to what it replaced: a word's facts found by
 * the hash of its characters are those of its spelling (hash collisions too), the marks and
 * sentence numbers the word reader makes on the way are those `LineMarks.read` and a scan of each
 * gap find, the per-line counts (`LineSpans`) are
 * those a walk over the span's words gives, and the character scans in `hasObject` answer as the
 * expressions they replaced. Texts are written for these tests.
 */
import * as assert from 'node:assert/strict';
import { sampleStrings } from '../support/random';
import { WordReader, type LineWords } from '../../src/core/detect/initiativeCandidates';
import { cueIndex, headIndex } from '../../src/core/detect/initiativeFeatures';
import { LineSpans } from '../../src/core/detect/lineSpans';
import { firstObjectWord, leadEnd, letterRunEnd, LineMarks } from '../../src/core/detect/scan';
import { FACT_CAPITALS, FACT_CYRILLIC, FACT_EN_ED, FACT_EN_PLURAL, FACT_REPORT, FACT_RU_INFINITIVE, FACT_RU_PAST, FACT_TO, isEnglishPlural, WORD_CAP, wordFacts, wordFactsAt,
  wordHash, type WordFacts } from '../../src/core/detect/wordFacts';
import { isUpper } from '../../src/core/text';

/** A deterministic stream of short strings over `alphabet`. */
function samples(count: number, maxLength: number, alphabet: readonly string[]): string[] {
  return sampleStrings(count, maxLength, alphabet, 11);
}

const LINES = [
  'Kazakhstan proposed to set up an SCO investment projects office. The parties said “a green fund” would open in 2027.',
  'Токаев предложил создать Банк развития ШОС; стороны заявили, что «Зелёный пояс» заработает до 2030 года. Фонд — 5 млрд.',
  '"Belt and Road Initiative" 1999 20255 ‘quoted’ x2019 FUND fund Fund FUNDS ШОС шос Aa BB',
  '   - 1) a list item with 12,5 and 7 digits «quote» “other” "plain"',
];

/** A line's words (`LineWords`, parallel arrays) as one object each, for the tests' walks over them. */
function wordList(words: LineWords): { start: number; end: number; sent: number; cap: boolean; facts: WordFacts; lower: string; head: WordFacts['head']; cue: WordFacts['cue'] }[] {
  const out = [];
  for (let k = 0; k < words.count; k++) {
    const facts = words.facts[k];
    out.push({ start: words.start[k], end: words.end[k], sent: words.sent[k], cap: (words.flags[k] & WORD_CAP) !== 0, facts, lower: facts.lower, head: facts.head, cue: facts.cue });
  }
  return out;
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdfff) return true;
  return false;
}

function chars(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

describe('detection reads a line once and keeps every answer', () => {
  it('finds the same facts by a word\'s characters as by its spelling, colliding hashes too', () => {
    // "Aa" and "BB" have the same hash (31 × 65 + 97 = 31 × 66 + 66).
    assert.equal(wordHash(chars('Aa'), 2), wordHash(chars('BB'), 2));
    for (const word of ['Aa', 'BB', 'Aa', 'Фонда', 'фонда', 'ФОНДА', 'proposed', 'BB', 'Aa']) {
      const text = `xx ${word} yy`;
      const facts = wordFactsAt(text, 3, chars(word), word.length, wordHash(chars(word), word.length));
      assert.equal(facts, wordFacts(word), word);
      assert.equal(facts.spelling, word);
    }
  });

  it('finds the same facts as its table grows and starts again', () => {
    const words: string[] = [];
    for (let i = 0; i < 40_000; i++) words.push(`w${i.toString(36)}x`);
    for (let round = 0; round < 2; round++) {
      for (const word of words) {
        const c = chars(word);
        assert.equal(wordFactsAt(word, 0, c, word.length, wordHash(c, word.length)).spelling, word);
      }
    }
    const c = chars('Фонда');
    assert.equal(wordFactsAt('Фонда', 0, c, 5, wordHash(c, 5)).head, 'body');
  });

  it('marks digits, years and quotes while splitting words as LineMarks.read does', () => {
    const alphabet = ['1', '9', '2', '0', '5', ' ', 'a', 'Z', 'ж', '-', '\'', '’', '«', '“', '"', '‘', '.', '\u0483'];
    const reader = new WordReader();
    const marks = new LineMarks();
    for (const s of [...LINES, ...samples(1500, 16, alphabet)]) {
      const from = Math.min(1, s.length);
      const to = Math.max(from, s.length - 1);
      reader.read(s, from, to);
      marks.read(s, from, to);
      for (let start = 0; start <= s.length; start++) {
        if (start >= from && start <= to) assert.equal(reader.marks.quoteFrom(start), marks.quoteFrom(start), `${JSON.stringify(s)} from ${start}`);
        for (let end = start; end <= s.length; end++) {
          const at = `${JSON.stringify(s)} ${start}–${end}`;
          assert.equal(reader.marks.digit(s, start, end), marks.digit(s, start, end), at);
          assert.equal(reader.marks.quoteIn(s, start, end), marks.quoteIn(s, start, end), at);
          assert.equal(reader.marks.year(s, start, end), marks.year(s, start, end), at);
        }
      }
    }
  });

  it('numbers sentences as a scan of the gap between two words for a stop does', () => {
    const alphabet = ['a', 'B', 'Ж', 'ж', ' ', '.', '!', '?', '5', '"', '«', '»', '-', 'Abc', 'Ёлка', ';'];
    const reader = new WordReader();
    for (const s of [...LINES, ...samples(3000, 14, alphabet)]) {
      const words = wordList(reader.read(s, 0, s.length));
      let sent = 0;
      for (let k = 0; k < words.length; k++) {
        // A stop (`.`, `!`, `?`) in the gap, not right before the word, and the word capitalised.
        if (k > 0 && words[k].cap && /[.!?]/u.test(s.slice(words[k - 1].end, words[k].start - 1))) sent++;
        assert.equal(words[k].sent, sent, `${JSON.stringify(s)} word ${k}`);
      }
    }
  });

  it('counts a span\'s capitals, heads and acronyms as a walk over its words does', () => {
    const reader = new WordReader();
    const spans = new LineSpans();
    for (const line of [...LINES, LINES.join(' ').repeat(3)]) {
      const lineWords = reader.read(line, 0, line.length);
      spans.read(lineWords);
      const words = wordList(lineWords);
      for (let j = 0; j < words.length; j++) {
        assert.equal(spans.cue[j], words[j].cue === undefined ? -1 : cueIndex(words[j].cue!), `${line} cue ${j}`);
        assert.equal(spans.head[j], headIndex(words[j].head), `${line} head ${j}`);
        let next = j;
        while (next < words.length && words[next].head === undefined) next++;
        assert.equal(spans.nextHead[j], next, `${line} next head ${j}`);
      }
      for (let first = 0; first < words.length; first++) {
        for (let last = first; last < words.length; last++) {
          let capitals = 0;
          let heads = 0;
          let acronym = false;
          for (let j = first; j <= last; j++) {
            const w = words[j];
            if (w.head) heads++;
            if (w.cap && !(j > 0 && words[j - 1].sent !== w.sent) && j !== 0) capitals++;
            if (w.cap && w.facts.capitals) acronym = true;
          }
          assert.equal(spans.capitals[last + 1] - spans.capitals[first], capitals, `${line} capitals ${first}–${last}`);
          assert.equal(spans.heads[last + 1] - spans.heads[first], heads, `${line} heads ${first}–${last}`);
          assert.equal(spans.acronyms[last + 1] > spans.acronyms[first], acronym, `${line} acronym ${first}–${last}`);
        }
      }
      const said = new Set(words.filter((w) => w.cue === 'report').map((w) => w.sent));
      for (const w of words) assert.equal(spans.said[w.sent] === 1, said.has(w.sent), `${line} said in ${w.sent}`);
    }
  });

  it('keeps each word\'s place, capital and facts in the line\'s arrays, their bits as the facts say', () => {
    const alphabet = ['a', 'B', 'Ж', 'ж', ' ', '.', '5', '"', '-', 'Abc', 'Ёлка', 'to', 'TO', 'said', 'proposed', 'funds', 'gas', 'создать', 'подписали',
      'ШОС', 'SCO', 'É', 'Ǆ', 'ǅ'];
    const reader = new WordReader();
    for (const s of [...LINES, ...samples(2000, 12, alphabet), LINES.join(' ').repeat(4)]) {
      const words = reader.read(s, 0, s.length);
      const expected = [...s.matchAll(/\p{L}+(?:[-'’]\p{L}+)*/gu)];
      // Words are cut at 40 characters (`wordEnd`): lines with longer runs are left to the tests of that.
      if (expected.some((m) => m[0].length > 40)) continue;
      assert.equal(words.count, expected.length, JSON.stringify(s));
      for (let k = 0; k < words.count; k++) {
        const m = expected[k];
        const at = `${JSON.stringify(s)} word ${k}`;
        assert.equal(words.start[k], m.index, at);
        assert.equal(words.end[k], m.index + m[0].length, at);
        const facts = words.facts[k];
        assert.equal(facts, wordFacts(m[0]), at);
        const first = s.charCodeAt(m.index);
        const cap = (first >= 0x410 && first <= 0x42f) || first === 0x401 || (first < 0x400 && isUpper(s[m.index]));
        assert.equal((words.flags[k] & WORD_CAP) !== 0, cap, at);
        const lower = facts.lower;
        assert.equal((facts.bits & FACT_CYRILLIC) !== 0, lower.charCodeAt(0) >= 0x400, at);
        assert.equal((facts.bits & FACT_RU_INFINITIVE) !== 0, facts.ruInfinitive, at);
        assert.equal((facts.bits & FACT_RU_PAST) !== 0, facts.ruPast && !facts.ruInfinitive, at);
        assert.equal((facts.bits & FACT_EN_ED) !== 0, facts.enEd, at);
        assert.equal((facts.bits & FACT_TO) !== 0, lower === 'to', at);
        assert.equal((facts.bits & FACT_CAPITALS) !== 0, facts.capitals, at);
        assert.equal((facts.bits & FACT_REPORT) !== 0, facts.cue === 'report', at);
        assert.equal((facts.bits & FACT_EN_PLURAL) !== 0, isEnglishPlural(lower), at);
        assert.equal(words.flags[k] & ~WORD_CAP, facts.bits, at);
      }
    }
  });

  it('reads letters, a verb\'s lead words and its first word as the expressions they replaced', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const s = String.fromCharCode(code);
      assert.equal(letterRunEnd(s, 0, 1), /^\p{L}/u.test(s) ? 1 : 0, `U+${code.toString(16)}`);
    }
    const alphabet = ['t', 'o', 'a', ' ', ' ', '\u00a0', ',', 'n', 'e', 'h', 'f', 'u', 'r', 'ещё'[2], 'е', 'щ', 'в', 'с', 'г', 'о', 'б', 'л', '.', '5',
      'the ', 'a further ', 'a total of ', 'an ', 'ещё ', 'всего ', 'более ', 'to ', '\ud83d\ude00', '\ud835\udc00', 'É'];
    const box = { start: 0, end: 0 };
    for (const s of samples(6000, 7, alphabet)) {
      for (let from = 0; from <= s.length; from++) {
        for (let to = from; to <= s.length; to++) {
          const slice = s.slice(from, to);
          const at = `${JSON.stringify(s)} ${from}–${to}`;
          const lead = /^[\s,]*(?:(?:a further|a total of|an|a|the|ещё|еще|всего|более)\s+)?/u.exec(slice);
          assert.equal(leadEnd(s, from, to), from + (lead ? lead[0].length : 0), at);
          const run = letterRunEnd(s, from, to);
          const letters = /^\p{L}+/u.exec(slice);
          if (run >= 0) assert.equal(run, from + (letters ? letters[0].length : 0), at);
          else assert.ok(hasSurrogate(slice), at);
          const first = /^\s*(?:to\s+(?=\p{L}))?(\p{L}+)/u.exec(slice);
          const found = firstObjectWord(s, from, to, box);
          if (found === undefined) assert.ok(hasSurrogate(slice), at);
          else assert.equal(found ? s.slice(box.start, box.end) : undefined, first?.[1], at);
        }
      }
    }
  });
});
