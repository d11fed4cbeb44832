/**
 * parseFigure's fast path (figures/parseFigure.ts: numbers read without strings by scanNumberDigits, the words
 * around them remembered by their text) against the general reader (`parseFigureGeneral`): the whole
 * ParsedFigure must be equal — value, unit, qualifier, magnitude and the number's offsets — for
 * every form of the figure fixture, every figure of the parse fixtures and samples, and a few
 * thousand generated and mutated figure texts, in Russian and English.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { parseNotes } from '../../src/core';
import { parseFigure, parseFigureFastOnly, parseFigureGeneral } from '../../src/core/figures/parseFigure';
import {
  CURRENCY_SYMBOLS, CURRENCY_WORD_PREFIXES, ISO_CODES, MAGNITUDE_WORDS, PERCENT_WORD_PREFIXES, POINT_WORDS, QUALIFIER_PHRASES, RU_COUNT_STEMS,
  EN_COUNT_NOUNS, UNIT_PHRASES, UNIT_WORDS,
} from '../../src/core/figures/lexicon';
import { numberValue, scanNumber, scanNumberDigits, scaledValue, type NumberDigits } from '../../src/core/figures/numbers';
import { seededRandom } from '../support/random';

const root = join(__dirname, '..', '..', '..');
const LANGUAGES = ['ru', 'en', 'de'];

type Form = [text: string, language: string, value: number | null, unit: string | null, qualifier: string | null];
const forms = (JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'figures', 'forms.json'), 'utf8')) as { forms: Form[] }).forms;

/** The figure texts of every parse fixture and sample notes file. */
function notesFigureTexts(): string[] {
  const out: string[] = [];
  const files = [
    ...readdirSync(join(root, 'test', 'fixtures', 'parse')).filter((f) => f.endsWith('.summit.md')).map((f) => join(root, 'test', 'fixtures', 'parse', f)),
    ...readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.summit.md')).map((f) => join(root, 'samples', f)),
  ];
  for (const file of files) {
    const model = parseNotes(readFileSync(file, 'utf8'));
    for (const f of model.figures) out.push(f.annotation.plainText);
  }
  return out;
}

const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)];
}

/** A number as analysts write it: plain, decimal (either mark), grouped by spaces, commas or points, or odd. */
function number(next: () => number): string {
  const digits = (n: number): string => {
    let s = '';
    for (let k = 0; k < n; k++) s += String(Math.floor(next() * 10));
    return s;
  };
  const r = next();
  if (r < 0.3) return digits(1 + Math.floor(next() * 4));
  if (r < 0.5) return `${digits(1 + Math.floor(next() * 3))}${pick([',', '.'], next)}${digits(1 + Math.floor(next() * 4))}`;
  if (r < 0.7) {
    const sep = next() < 0.6 ? pick(SPACES, next) : pick([',', '.'], next);
    let s = digits(1 + Math.floor(next() * 3));
    for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) s += sep + digits(next() < 0.85 ? 3 : 1 + Math.floor(next() * 4));
    if (next() < 0.3) s += pick([',', '.'], next) + digits(1 + Math.floor(next() * 3));
    return s;
  }
  if (r < 0.8) return digits(12 + Math.floor(next() * 8));
  if (r < 0.9) return `${digits(2)}.${digits(2)}.${digits(4)}`;
  return `${digits(1 + Math.floor(next() * 2))}${pick(['–', '-', ' — ', ' - '], next)}${digits(1 + Math.floor(next() * 3))}`;
}

const qualifiers = QUALIFIER_PHRASES.map(([p]) => p);
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const symbols = CURRENCY_SYMBOLS.map(([s]) => s);
const isoCodes = [...ISO_CODES.values(), 'usd', 'Rmb'];
const magnitudes = [...MAGNITUDE_WORDS.keys(), 'тыс.', 'млрд.', 'm', 'b', 'м', 'Bn', 'MLN'];
const afterWords = [
  ...CURRENCY_WORD_PREFIXES.map(([p]) => p), 'долларов', 'долларов США', 'рублей', 'юаней', 'евро', 'dollars', 'US dollars', 'euros', 'руб.', 'р',
  ...PERCENT_WORD_PREFIXES.map(([p]) => p), 'процентов', 'процентных пункта', 'процентное', 'per cent', 'percentage points', ...POINT_WORDS,
  ...UNIT_PHRASES.map(([p]) => p), ...UNIT_WORDS.keys(), ...RU_COUNT_STEMS.map(([s]) => `${s}ов`), ...RU_COUNT_STEMS.map(([s]) => s), ...EN_COUNT_NOUNS.keys(),
  'крупных проектов', 'major multilateral agreements', 'new platforms', 'ideas', 'главный', 'Projects', '%', '٪', 'x', 'х', 'раза', 'году', 'of GDP',
  ...isoCodes,
];
const tails = ['', '', '', '', '.', ',', ' к 2030 году', ' by 2030', '+', ' (оценка)', ' in 2024', ' Итого', ' т.', '.'];

/** A figure text built from the lexicon: qualifier? currency? number magnitude? unit? tail. */
function generated(next: () => number): string {
  let s = '';
  if (next() < 0.5) {
    const q = pick(qualifiers, next);
    s += (next() < 0.2 ? capitalised(q) : next() < 0.05 ? q.toUpperCase() : q) + pick([' ', ' ', '\u00a0', '  '], next);
  } else if (next() < 0.1) s += pick(['объём торговли ', 'G20: ', 'в 2 раза ', 'с 10 до ', 'вырос до ', 'from 5 to ', 'Ж ', '~', '≈', '> ', '(', '«'], next);
  const r = next();
  if (r < 0.35) s += pick(symbols, next) + (next() < 0.1 ? ' ' : '');
  else if (r < 0.45) s += `${pick(isoCodes, next)} `;
  s += number(next);
  if (next() < 0.1) s += '+';
  if (next() < 0.55) s += (next() < 0.15 ? '' : pick([' ', '\u00a0', ' '], next)) + pick(magnitudes, next);
  if (next() < 0.7) s += (next() < 0.1 ? '' : pick([' ', ' ', '\u00a0'], next)) + pick(afterWords, next);
  s += pick(tails, next);
  return s;
}

const PIECES = ['$', '€', '%', '+', '-', '–', ' ', '\u00a0', ',', '.', '1', '0', '5', 'млрд', 'bn', 'm', 'A', 'й', 'до ', 'over ', '😀', '\ud83d', 'İ', 'K', 'ß', '١'];

function mutated(text: string, next: () => number): string {
  let s = text;
  for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) {
    const at = Math.floor(next() * (s.length + 1));
    const op = next();
    if (op < 0.5) s = s.slice(0, at) + pick(PIECES, next) + s.slice(at);
    else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 3));
    else s = s.slice(0, at) + s.slice(at).toUpperCase();
  }
  return s;
}

function assertSame(text: string, language: string): void {
  const general = parseFigureGeneral(text, language);
  // Twice: the first call may fill the remembered readings, the second reads them back.
  for (let k = 0; k < 2; k++) {
    assert.deepStrictEqual(parseFigure(text, language), general, `${JSON.stringify(text)} (${language})`);
  }
}

describe('parseFigure fast path', () => {
  it('reads every form of the figure fixture exactly as the general reader, in every language', () => {
    assert.ok(forms.length >= 60);
    for (const [text] of forms) for (const language of LANGUAGES) assertSame(text, language);
  });

  it('reads every figure of the parse fixtures and samples exactly as the general reader', () => {
    const texts = notesFigureTexts();
    assert.ok(texts.length >= 15, `only ${texts.length} figures found`);
    for (const text of texts) for (const language of LANGUAGES) assertSame(text, language);
    assert.ok(texts.filter((t) => parseFigureFastOnly(t, 'ru') !== undefined).length > texts.length / 2);
  });

  it('reads thousands of generated figures exactly as the general reader', () => {
    const next = seededRandom(0xf16);
    const texts: string[] = [];
    for (let k = 0; k < 4000; k++) texts.push(generated(next));
    // The fast path must have been taken for most of them, or this compares the general reader with itself.
    let fast = 0;
    for (const text of texts) {
      for (const language of ['ru', 'en']) assertSame(text, language);
      if (parseFigureFastOnly(text, 'ru') !== undefined) fast++;
    }
    assert.ok(fast > texts.length * 0.8, `fast path taken for ${fast} of ${texts.length}`);
  });

  it('reads mutated figures (fixture forms and generated ones) exactly as the general reader', () => {
    const next = seededRandom(0x5eed5);
    const seeds = [...forms.map((f) => f[0]), ...notesFigureTexts()];
    for (let k = 0; k < 4000; k++) {
      const text = mutated(k % 2 === 0 ? pick(seeds, next) : generated(next), next);
      assertSame(text, next() < 0.5 ? 'ru' : 'en');
    }
  });

  it('reads each number\'s digits without strings exactly as scanNumber reads them, long ones too', () => {
    const next = seededRandom(0xd1617);
    const out: NumberDigits = { end: 0, digits: 0, fractionLength: 0 };
    const texts = ['1 000 000 000 000 000 000,5', '12345678901234567890', '1,234,567,890,123,456.75', '1.5', '1,500'];
    for (let k = 0; k < 4000; k++) texts.push(number(next) + pick(['', ' ', ',', '.', ' млрд', '5'], next));
    for (const text of texts) {
      for (const language of ['ru', 'en']) {
        const scanned = scanNumber(text, 0, text.length, language);
        const found = scanNumberDigits(text, 0, text.length, language, out);
        const where = `${JSON.stringify(text)} (${language})`;
        assert.strictEqual(found, scanned !== undefined, where);
        if (!scanned) continue;
        assert.deepStrictEqual(out, { end: scanned.end, digits: Number(scanned.integer + scanned.fraction), fractionLength: scanned.fraction.length }, where);
        for (const magnitude of [1, 1e3, 1e9]) assert.strictEqual(scaledValue(out.digits, out.fractionLength, magnitude), numberValue(scanned, magnitude), where);
      }
    }
  });

  it('keeps the number offsets and magnitude of the usual shapes', () => {
    assert.deepStrictEqual(parseFigure('около 62\u00a0865 тыс. тонн', 'ru'), {
      value: 62865000, unit: 'tonnes', qualifier: 'about', magnitude: 1000, numberStart: 6, numberEnd: 12,
    });
    assert.deepStrictEqual(parseFigure('$52.7 trillion', 'en'), {
      value: 52.7e12, unit: 'USD', qualifier: null, magnitude: 1e12, numberStart: 1, numberEnd: 5,
    });
    assert.deepStrictEqual(parseFigure('650+ projects', 'en'), {
      value: 650, unit: 'projects', qualifier: 'more_than', magnitude: 1, numberStart: 0, numberEnd: 3,
    });
  });
});
