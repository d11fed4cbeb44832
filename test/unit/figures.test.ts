/**
 * `parseFigure` over test/fixtures/figures/forms.json: Russian and English forms of numbers,
 * magnitudes, currencies, percentages, units, counted nouns and qualifiers.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFigure } from '../../src/core/figures/parseFigure';

type Form = [text: string, language: string, value: number | null, unit: string | null, qualifier: string | null];

const fixture = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'figures', 'forms.json'), 'utf8')) as { forms: Form[] };

describe('parseFigure', () => {
  it('has at least 60 forms in the fixture, Russian and English', () => {
    assert.ok(fixture.forms.length >= 60);
    assert.ok(fixture.forms.filter((f) => f[1] === 'ru').length >= 30);
    assert.ok(fixture.forms.filter((f) => f[1] === 'en').length >= 30);
  });

  for (const [text, language, value, unit, qualifier] of fixture.forms) {
    it(`reads ${JSON.stringify(text)} (${language}) as ${value ?? 'no value'} ${unit ?? ''} ${qualifier ?? ''}`, () => {
      const figure = parseFigure(text, language);
      assert.deepStrictEqual(
        { value: figure.value ?? null, unit: figure.unit ?? null, qualifier: figure.qualifier },
        { value, unit, qualifier },
      );
    });
  }

  it('gives the offsets of the number as written', () => {
    const figure = parseFigure('более $1 000,5 млрд', 'ru');
    assert.strictEqual(figure.numberStart, 7);
    assert.strictEqual(figure.numberEnd, 14);
    assert.strictEqual(figure.magnitude, 1e9);
  });

  it('lets the language decide an ambiguous comma', () => {
    assert.strictEqual(parseFigure('2,500 projects', 'en').value, 2500);
    assert.strictEqual(parseFigure('2,500 проектов', 'ru').value, 2.5);
  });

  it('keeps decimal magnitudes exact', () => {
    assert.strictEqual(parseFigure('1,024 трлн', 'ru').value, 1024000000000);
    assert.strictEqual(parseFigure('0.3 billion', 'en').value, 300000000);
  });

  it('skips a number glued to a name and reads the next one', () => {
    const figure = parseFigure('G20 economies: 85%', 'en');
    assert.strictEqual(figure.value, 85);
    assert.strictEqual(figure.unit, '%');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '%', '$', 'более', '1.2.3', '1,,5', '--5', '\u0000', '9'.repeat(400), '١٢٣']) {
      assert.doesNotThrow(() => parseFigure(text, 'ru'));
      assert.doesNotThrow(() => parseFigure(text, 'en'));
    }
  });
});
