/**
 * The id findings a model read whole finds by hashing its ids where they are written
 * (model/diagnosticsIds.ts) equal those of its id state (model/ids.ts), on the fixtures, generated
 * files and random files full of repeated ids, heading ids and references to missing ids; and a
 * model's diagnostics are the same whichever of the two made them. And the check that spares
 * lint reading most figures (rowFacts.ts `surelyHasValue`) never says "surely" of a figure whose
 * reading has no value or an unreadable `value=`.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editNotes, parseNotes, type NotesModel } from '../../src/core/model';
import { wholeFileIdFindings } from '../../src/core/model/diagnosticsIds';
import { buildIdState } from '../../src/core/model/ids';
import { compareFindings, type Finding } from '../../src/core/model/diagnostics';
import type { NotesDocument } from '../../src/core/model/document';
import { surelyHasValue } from '../../src/core/model/rowFacts';
import { generateNotes } from '../../bench/generate';
import { seededRandom } from '../support/random';
import { fixtureNames, readFixture } from './parseSupport';

const root = join(__dirname, '..', '..', '..');

/** A file of spans, headings and links drawn from a few ids, so ids repeat and links miss. */
function randomNotes(seed: number, ids: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const id = (): string => pick(['a', 'b', 'c', 'id-1', 'идея', 'x.y', 'a:b', 'Z_9']) + (ids > 8 ? String(Math.floor(random() * ids)) : '');
  const parts: string[] = [];
  for (let i = 0; i < 60 + Math.floor(random() * 60); i++) {
    switch (Math.floor(random() * 7)) {
      case 0: parts.push(`\n## Part {#${id()}}\n\n`); break;
      case 1: parts.push(`[deal ${i}]{.initiative #${id()} area=trade}. `); break;
      case 2: parts.push(`[${i}%]{.figure #${id()}}, `); break;
      case 3: parts.push(`see [this](#${random() < 0.3 ? 'missing' + i : id()}) `); break;
      case 4: parts.push(`[outer [inner]{.actor #${id()}}]{.initiative #${id()}} `); break;
      case 5: parts.push(`[empty](#) [odd](#${id()}x) `); break;
      default: parts.push(`words ${i}\n`);
    }
  }
  return parts.join('');
}

const sorted = (list: readonly Finding[]): Finding[] => [...list].sort(compareFindings);

/** Asserts the two agree on `text`; returns how many findings (and suggestions) there were. */
function assertSameFindings(text: string, what: string): { findings: number; suggestions: number } {
  const doc = parseNotes(text) as NotesDocument;
  const fast = wholeFileIdFindings(doc);
  if (!fast) {
    // Only a file without spans and headings has no base to read.
    assert.equal(doc.annotationPieces.length + doc.headingPieces.length, 0, `${what}: a parsed model is one base`);
    return { findings: 0, suggestions: 0 };
  }
  const state = buildIdState(doc);
  assert.deepEqual(sorted(fast.duplicates), sorted(state.duplicates), `${what}: duplicate ids`);
  assert.deepEqual(sorted(fast.unresolved), sorted(state.unresolved), `${what}: unresolved references`);
  return { findings: fast.duplicates.length + fast.unresolved.length, suggestions: fast.unresolved.filter((f) => f.data?.suggestion).length };
}

function texts(): [string, string][] {
  const list: [string, string][] = fixtureNames().map((n) => [n, readFixture(n)]);
  for (const f of ['problems', 'figures']) list.push([`cli ${f}`, readFileSync(join(root, 'test', 'fixtures', 'cli', `${f}.summit.md`), 'utf8')]);
  list.push(['generated ru', generateNotes({ bytes: 150_000, language: 'ru', seed: 3 })]);
  list.push(['generated en', generateNotes({ bytes: 150_000, language: 'en', seed: 4 })]);
  list.push(['empty', ''], ['no ids', 'Plain [text]{.actor} and [a link](#nowhere).\n']);
  return list;
}

describe('id findings of a model read whole', () => {
  it('equal the id state’s on every fixture and generated file', () => {
    for (const [name, text] of texts()) assertSameFindings(text, name);
  });

  it('equal the id state’s on random files with repeated ids and missing targets (with and without suggestions)', () => {
    let findings = 0;
    let suggestions = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const found = assertSameFindings(randomNotes(seed, seed % 3 === 0 ? 6000 : 8), `seed ${seed}`);
      findings += found.findings;
      suggestions += found.suggestions;
    }
    // The random files do exercise both findings and the suggestions.
    assert.ok(findings > 1000 && suggestions > 100, `${findings} findings, ${suggestions} suggestions`);
  });

  it('give a model the same diagnostics as its id state does', () => {
    for (let seed = 200; seed < 230; seed++) {
      const text = randomNotes(seed, 8);
      const plain = parseNotes(text);
      const withMap = parseNotes(text);
      assert.ok(withMap.ids.size >= 0);
      assert.deepEqual(JSON.parse(JSON.stringify(plain.diagnostics)), JSON.parse(JSON.stringify(withMap.diagnostics)), `seed ${seed}`);
    }
  });

  it('leave edits exact: a model edited after its diagnostics were read equals a fresh parse', () => {
    const diagnostics = (m: NotesModel): unknown => JSON.parse(JSON.stringify(m.diagnostics));
    for (let seed = 300; seed < 320; seed++) {
      const text = randomNotes(seed, 8);
      const model = parseNotes(text);
      assert.ok(model.diagnostics.length >= 0);
      const at = Math.floor(text.length / 2);
      const inserted = ' [new]{.initiative #a} see [it](#b) ';
      const expected = text.slice(0, at) + inserted + text.slice(at);
      const edited = editNotes(model, { offset: at, deleted: 0, inserted }, expected);
      assert.deepEqual(diagnostics(edited), diagnostics(parseNotes(expected)), `seed ${seed}`);
    }
  });

  it('are not offered for a model an edit made of several pieces', () => {
    const text = randomNotes(9, 8);
    const model = parseNotes(text);
    const edited = editNotes(model, { offset: 10, deleted: 0, inserted: 'x' }, `${text.slice(0, 10)}x${text.slice(10)}`) as NotesDocument;
    if (edited.annotationPieces.length > 1) assert.equal(wholeFileIdFindings(edited), undefined);
  });
});

/** Figures of every shape parseFigure meets, and some it cannot read, with and without `value=`. */
function randomFigures(seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const texts = ['650 млрд', '$1.5 trillion', 'более 16 329 участников', 'G20', 'ПМЭФ2016 и 5%', 'около 62 865 тыс. тонн', '10–15%', 'от $3 до 5 млрд',
    'between 20 and 30 countries', 'no number', '1e5', '0x10', '.5', '1,5 трлн', '€40', 'x5 and 7', '5\\%', 'двадцать', '1 000 000+', '2024 год', '- 3', '+7 %', '١٢٣'];
  const values = [undefined, '12', ' 5 ', '1e400', '0x10', 'abc', '"1,5 трлн"', '1e5x', '', '-2.5', '"около 7"', 'Infinity'];
  const parts: string[] = [];
  for (let i = 0; i < 80; i++) {
    const value = pick(values);
    const text = random() < 0.8 ? pick(texts) : `${pick(texts)} ${pick(texts)}`;
    parts.push(`Line ${i}: [${text}]{.figure${value === undefined ? '' : ` value=${value}`}}.\n`);
  }
  return `---\nlanguage: ${seed % 2 ? 'ru' : 'en'}\n---\n${parts.join('')}`;
}

describe('figures surely with a value (lint reads only the others)', () => {
  it('never says so of a figure whose reading has no value or an unreadable value=', () => {
    let sure = 0;
    let figures = 0;
    const check = (text: string, what: string): void => {
      const doc = parseNotes(text) as NotesDocument;
      for (let row = 0; row < doc.annotationCount; row++) {
        if (doc.kindOf(row) !== 2) continue;
        figures++;
        if (!surelyHasValue(doc, row)) continue;
        sure++;
        const reading = doc.figureReading(row);
        assert.ok(reading.value !== undefined && !reading.unreadableValue, `${what}: row ${row} ${doc.text.slice(doc.start(row), doc.end(row))}`);
      }
    };
    for (let seed = 1; seed <= 60; seed++) check(randomFigures(seed), `seed ${seed}`);
    for (const [name, text] of texts()) check(text, name);
    // Most figures are spared, and not all.
    assert.ok(sure > figures / 3 && sure < figures, `${sure} of ${figures}`);
  });
});
