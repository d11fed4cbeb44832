/**
 * Detection over the marked fixtures of test/fixtures/detect: exact figure spans with values,
 * units and qualifiers; initiative suggestions overlapping every marked initiative and nothing else;
 * language detection; skip ranges.
 */
import * as assert from 'assert';
import { detectFigures, detectLanguage, suggestInitiatives } from '../../src/core/detect';
import { parseFigure } from '../../src/core/figures/parseFigure';
import { fixtureNames, readMarkedFixture } from './detectFixtures';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

describe('detectFigures on the fixtures', () => {
  for (const name of fixtureNames('figures-')) {
    it(`finds exactly the marked figures in ${name}`, () => {
      const f = readMarkedFixture(name);
      const found = detectFigures(f.text, f.language);
      assert.deepStrictEqual(found.map((x) => x.text), f.figures.map((x) => x.text));
      for (const [i, expected] of f.figures.entries()) {
        const got = found[i];
        assert.deepStrictEqual(
          { start: got.start, end: got.end, value: got.value, unit: got.unit ?? null, qualifier: got.qualifier },
          { start: expected.start, end: expected.end, value: expected.value, unit: expected.unit, qualifier: expected.qualifier },
          `figure ${JSON.stringify(expected.text)}`,
        );
      }
    });
  }
});

describe('detectFigures rules', () => {
  it('reads a span the same way parseFigure reads it', () => {
    const text = 'Инвестиции составили более $12,5 млрд, а экспорт — 3 млн тонн.';
    for (const d of detectFigures(text, 'ru')) {
      const parsed = parseFigure(d.text, 'ru');
      assert.strictEqual(parsed.value, d.value);
      assert.strictEqual(parsed.unit, d.unit);
    }
  });

  it('takes the qualifier from a verb before the span without including the verb', () => {
    const [fig] = detectFigures('Exports exceeded $5 billion.', 'en');
    assert.strictEqual(fig.text, '$5 billion');
    assert.strictEqual(fig.qualifier, 'more_than');
  });

  it('reads "до" after a verb of change as "to", not "up to"', () => {
    const [fig] = detectFigures('Доля выросла до 40%.', 'ru');
    assert.strictEqual(fig.text, '40%');
    assert.strictEqual(fig.qualifier, null);
  });

  it('decides an ambiguous comma by language', () => {
    assert.strictEqual(detectFigures('1,500 delegates', 'en')[0].value, 1500);
    assert.strictEqual(detectFigures('1,500 делегатов', 'ru')[0].value, 1.5);
  });

  it('reports UTF-16 offsets after emoji and Cyrillic', () => {
    const text = '🚀 Ракета: 😀 30% рынка';
    const [fig] = detectFigures(text, 'ru');
    assert.strictEqual(text.slice(fig.start, fig.end), '30%');
    assert.strictEqual(fig.start, text.indexOf('30%'));
  });

  it('never enters a skipped range and no span crosses one', () => {
    const text = 'Было 30% и [$5 млрд]{.figure} и 12 стран.';
    const skipStart = text.indexOf('[');
    const skipEnd = text.indexOf('}') + 1;
    const found = detectFigures(text, 'ru', [{ start: skipStart, end: skipEnd }]);
    assert.deepStrictEqual(found.map((f) => f.text), ['30%', '12 стран']);
  });

  it('handles numbers at the very start and end of the text', () => {
    assert.deepStrictEqual(detectFigures('42', 'en').map((f) => f.value), [42]);
    assert.deepStrictEqual(detectFigures('total: 7%', 'en').map((f) => f.text), ['7%']);
  });
});

describe('suggestInitiatives on the fixtures', () => {
  for (const name of fixtureNames('initiatives')) {
    it(`suggests every marked initiative and nothing else in ${name}`, () => {
      const f = readMarkedFixture(name);
      const suggestions = suggestInitiatives(f.text, f.language);
      for (const expected of f.initiatives) {
        assert.ok(suggestions.some((s) => overlaps(s, expected)), `missed ${JSON.stringify(expected.text)}`);
      }
      for (const s of suggestions) {
        assert.ok(f.initiatives.some((e) => overlaps(s, e)), `unexpected ${JSON.stringify(s.text)} (${s.reason})`);
        assert.strictEqual(f.text.slice(s.start, s.end), s.text);
        assert.ok(s.reason.length > 0 && s.reason.length < 120);
      }
    });
  }

  it('leaves a skipped (already annotated) initiative alone', () => {
    const text = 'Президент предложил [создать фонд]{.initiative #fund}.';
    const skip = [{ start: text.indexOf('['), end: text.indexOf('}') + 1 }];
    for (const s of suggestInitiatives(text, 'ru', skip)) assert.ok(!overlaps(s, skip[0]));
  });
});

describe('detectLanguage', () => {
  it('tells Russian from English', () => {
    assert.strictEqual(detectLanguage('Президент ШОС предложил создать офис в Астане (SCO, AIFC).'), 'ru');
    assert.strictEqual(detectLanguage('The president of Kazakhstan proposed an office at the AIFC (МФЦА).'), 'en');
    assert.strictEqual(detectLanguage(''), 'en');
  });
});
