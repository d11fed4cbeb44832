/**
 * The learned initiative scorer: training is deterministic, the scorer reads the shipped weights,
 * scores stay in [0, 1], cross-validation folds leave the held-out article out, suggestions keep
 * valid ranges, and `detect --json` carries every suggestion's score. Texts are written for these tests.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestInitiatives } from '../../src/core/detect';
import { ruleCandidates } from '../../src/core/detect/initiatives';
import { DEFAULT_MIN_SCORE, scoreCandidates, scoreOf, type InitiativeWeights } from '../../src/core/detect/initiativeScorer';
import { candidatesOf, examplesOf, leaveOneOut, suggestWith, trainLogistic, trainOn, type LabelledText } from '../../src/core/detect/initiativeTraining';
import SHIPPED from '../../src/core/detect/initiativeWeights.json';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

const root = join(__dirname, '..', '..', '..');

const EN = [
  'The ministers agreed to set up a regional energy fund at the development bank.',
  'Later the president proposed to hold a youth forum on digital trade in 2027.',
  'The weather was warm, and the delegates walked along the river after lunch.',
  'Both sides signed a memorandum on a new transport corridor to the coast.',
].join('\n');
const RU = [
  'Министры договорились создать региональный энергетический фонд при банке развития.',
  'Президент предложил провести молодёжный форум по цифровой торговле в 2027 году.',
  'Погода была тёплой, и делегаты гуляли по набережной после обеда.',
].join('\n');

function spanOf(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length };
}

const TEXTS: LabelledText[] = [
  { name: 'a.en', text: EN, language: 'en', gold: [spanOf(EN, 'regional energy fund'), spanOf(EN, 'youth forum on digital trade'), spanOf(EN, 'new transport corridor')] },
  { name: 'b.ru', text: RU, language: 'ru', gold: [spanOf(RU, 'региональный энергетический фонд'), spanOf(RU, 'молодёжный форум')] },
];

describe('initiative scorer', () => {
  it('trains deterministically: the same texts give the same weights, byte for byte', () => {
    const a = JSON.stringify(trainOn(TEXTS));
    const b = JSON.stringify(trainOn(TEXTS));
    assert.equal(a, b);
    const w = JSON.parse(a) as InitiativeWeights;
    assert.ok(Object.keys(w.weights).length > 10, 'some features got weights');
    assert.ok(Object.values(w.weights).every((v) => Number.isFinite(v)));
  });

  it('learns from its examples: positives score above negatives on the training texts', () => {
    const weights = trainOn(TEXTS);
    const cands = candidatesOf(EN, 'en');
    const ex = examplesOf(cands, TEXTS[0].gold);
    const pos = ex.filter((e) => e.label === 1).map((e) => scoreOf(e.features, weights));
    const neg = ex.filter((e) => e.label === 0).map((e) => scoreOf(e.features, weights));
    assert.ok(pos.length > 0 && neg.length > 0);
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(mean(pos) > mean(neg), `${mean(pos)} > ${mean(neg)}`);
  });

  it('reads the shipped weights: the scorer uses them and they are what scoreOf uses', () => {
    const shipped = SHIPPED as InitiativeWeights;
    assert.equal(typeof shipped.bias, 'number');
    assert.ok(Object.keys(shipped.weights).length > 50);
    // Scoring through the fast path (no feature names) equals scoring the names.
    const named = scoreCandidates(EN, 'en', ruleCandidates(EN, 'en'), shipped, true);
    const fast = scoreCandidates(EN, 'en', ruleCandidates(EN, 'en'), shipped);
    assert.equal(named.length, fast.length);
    named.forEach((c, i) => assert.ok(Math.abs(c.score - fast[i].score) < 1e-9, `${c.score} vs ${fast[i].score}`));
    // Zero weights score every candidate 0.5, and the shipped ones do not.
    const none = scoreCandidates(EN, 'en', ruleCandidates(EN, 'en'), { bias: 0, weights: {} });
    assert.ok(none.every((c) => c.score === 0.5));
    assert.ok(fast.some((c) => c.score !== 0.5));
  });

  it('scores in [0, 1], even with absurd weights', () => {
    for (const weights of [SHIPPED as InitiativeWeights, { bias: 1e6, weights: {} }, { bias: -1e6, weights: { 'lang:en': Number.NaN } }]) {
      for (const text of [EN, RU, '', '«»""“”', 'предложил '.repeat(50)]) {
        for (const s of suggestInitiatives(text, /[а-я]/u.test(text) ? 'ru' : 'en', undefined, { weights, minScore: 0 })) {
          assert.ok(s.score >= 0 && s.score <= 1, String(s.score));
        }
      }
    }
  });

  it('keeps only suggestions at or above minScore, and more with a lower one', () => {
    const all = suggestInitiatives(EN, 'en', undefined, { minScore: 0 });
    const dflt = suggestInitiatives(EN, 'en');
    const strict = suggestInitiatives(EN, 'en', undefined, { minScore: 0.99 });
    assert.ok(dflt.every((s) => s.score >= DEFAULT_MIN_SCORE));
    assert.ok(strict.every((s) => s.score >= 0.99));
    assert.ok(all.length >= dflt.length && dflt.length >= strict.length);
    // The suggestions at the default are the ones an analyst would annotate.
    for (const part of ['regional energy fund', 'youth forum', 'transport corridor']) {
      const g = spanOf(EN, part);
      assert.ok(dflt.some((s) => s.start < g.end && g.start < s.end), part);
    }
    assert.ok(!dflt.some((s) => s.text.includes('weather')), 'no suggestion in the weather sentence');
  });

  it('leave-one-out folds hold each article out of its own training set', () => {
    const items = ['a', 'b', 'c', 'd'];
    const folds = leaveOneOut(items);
    assert.equal(folds.length, items.length);
    folds.forEach((f, i) => {
      assert.equal(f.heldOut, items[i]);
      assert.ok(!f.train.includes(f.heldOut));
      assert.equal(f.train.length, items.length - 1);
    });
    // Training on the fold's articles only: the held-out text's candidates are no example.
    const [fold] = leaveOneOut(TEXTS);
    const examples = fold.train.flatMap((t) => examplesOf(candidatesOf(t.text, t.language), t.gold));
    const heldOutCount = examplesOf(candidatesOf(fold.heldOut.text, fold.heldOut.language), fold.heldOut.gold).length;
    const allCount = TEXTS.flatMap((t) => examplesOf(candidatesOf(t.text, t.language), t.gold)).length;
    assert.equal(examples.length, allCount - heldOutCount);
    const w = trainLogistic(examples);
    for (const s of suggestWith(fold.heldOut.text, candidatesOf(fold.heldOut.text, fold.heldOut.language), w, 0)) {
      assert.ok(s.start >= 0 && s.end <= fold.heldOut.text.length);
    }
  });

  it('gives suggestions with valid, ordered, non-overlapping ranges whose text is the slice', () => {
    for (const [text, lang] of [[EN, 'en'], [RU, 'ru'], [`${EN}\n\n${RU}`, 'ru']] as const) {
      const out = suggestInitiatives(text, lang, undefined, { minScore: 0 });
      let last = 0;
      for (const s of out) {
        assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, `${s.start}-${s.end}`);
        assert.equal(s.text, text.slice(s.start, s.end));
        assert.equal(s.kind, 'initiative');
        last = s.end;
      }
    }
  });

  it('never suggests inside a skipped range', () => {
    const skip = [spanOf(EN, 'a regional energy fund at the development bank')];
    for (const s of suggestInitiatives(EN, 'en', skip, { minScore: 0 })) {
      assert.ok(s.end <= skip[0].start || s.start >= skip[0].end, s.text);
    }
  });

  it('the default minScore matches the setting’s default in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.equal(pkg.contributes.configuration.properties['summitNotes.detection.minScore'].default, DEFAULT_MIN_SCORE);
  });

  it('detect --json gives every suggestion a score', async () => {
    let out = '';
    const io: CliIo = {
      out: (t) => { out += t; },
      err: () => undefined,
      readFile: async () => new TextEncoder().encode(`${EN}\nThe plan runs to 40 pages and costs $3 billion.\n`),
      readStdin: async () => new Uint8Array(),
    };
    assert.equal(await main(['detect', 'notes.summit.md', '--json', '--lang=en'], io), 0);
    const rows = JSON.parse(out) as { kind: string; score: number }[];
    assert.ok(rows.some((r) => r.kind === 'initiative'));
    assert.ok(rows.some((r) => r.kind === 'figure'));
    for (const r of rows) {
      assert.equal(typeof r.score, 'number');
      assert.ok(r.score >= 0 && r.score <= 1);
      if (r.kind === 'figure') assert.equal(r.score, 1);
      else assert.ok(r.score >= DEFAULT_MIN_SCORE);
    }
  });
});
