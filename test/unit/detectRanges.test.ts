/**
 * Ranges, new currencies and compounds: the lower end of a range (`min`), and every detected
 * figure read back the same by parseFigure from its span, so annotating it keeps its meaning.
 */
import * as assert from 'assert';
import { detectFigures } from '../../src/core/detect';
import { parseFigure } from '../../src/core/figures';

function only(text: string, language: string): { text: string; value: number; min: number | undefined; unit: string | undefined } {
  const found = detectFigures(text, language);
  assert.strictEqual(found.length, 1, `one figure in ${JSON.stringify(text)}: ${JSON.stringify(found.map((f) => f.text))}`);
  const f = found[0];
  return { text: f.text, value: f.value, min: f.min, unit: f.unit };
}

describe('detectFigures: ranges', () => {
  const cases: readonly (readonly [string, string, string, number, number, string | undefined])[] = [
    ['ru', 'Фонд получит от $3 до 5 млрд в год.', 'от $3 до 5 млрд', 5e9, 3e9, 'USD'],
    ['en', 'They expect $3–5 bn in loans.', '$3–5 bn', 5e9, 3e9, 'USD'],
    ['ru', 'Рост составит от 2 до 4% в год.', 'от 2 до 4%', 4, 2, '%'],
    ['en', 'Harvests of 10–15 million tonnes are likely.', '10–15 million tonnes', 15e6, 10e6, 'tonnes'],
    ['ru', 'Объём составит 1,5-2 трлн рублей.', '1,5-2 трлн рублей', 2e12, 1.5e12, 'RUB'],
    ['en', 'Tariffs fall for between 20 and 30 countries.', 'between 20 and 30 countries', 30, 20, 'countries'],
    ['en', 'They expect from €1 billion to €2 billion.', 'from €1 billion to €2 billion', 2e9, 1e9, 'EUR'],
    ['en', 'Growth of 3 to 4 percent is forecast.', '3 to 4 percent', 4, 3, '%'],
    ['ru', 'Поставки составят от 3 млрд до 5 кубометров.', 'от 3 млрд до 5 кубометров', 5e9, 3e9, 'cubic meters'],
    ['en', 'A fund of €10bn-€15bn was agreed.', '€10bn-€15bn', 15e9, 10e9, 'EUR'],
  ];
  for (const [language, sentence, span, value, min, unit] of cases) {
    it(`reads ${JSON.stringify(span)} as ${min}…${value} ${unit ?? ''}`, () => {
      assert.deepStrictEqual(only(sentence, language), { text: span, value, min, unit });
    });
  }

  it('reads a change as two figures, not a range', () => {
    assert.deepStrictEqual(detectFigures('Exports rose from 5% to 7% this year.', 'en').map((f) => [f.value, f.min]), [[5, undefined], [7, undefined]]);
    assert.deepStrictEqual(detectFigures('Доля выросла с 10 до 15%.', 'ru').map((f) => f.min), [undefined, undefined]);
  });

  it('leaves day ranges before a month alone', () => {
    assert.deepStrictEqual(detectFigures('The forum runs from 10 to 12 June and between 5 and 6 pm.', 'en'), []);
    assert.deepStrictEqual(detectFigures('Форум пройдёт с 14 по 16 октября.', 'ru'), []);
  });

  it('gives a range no qualifier', () => {
    assert.strictEqual(detectFigures('около 5–7 млрд долларов', 'ru')[0].qualifier, null);
  });
});

describe('detectFigures: durations, ages, anniversaries', () => {
  const none: readonly (readonly [string, string])[] = [
    ['ru', 'Страны сотрудничают уже 20 лет.'],
    ['en', 'They have worked together for 10 years.'],
    ['en', 'A 25-year-old envoy arrived.'],
    ['en', 'They marked the 30th anniversary of relations.'],
    ['ru', 'Работы займут в течение 6 месяцев.'],
    ['en', 'The organisation turns 25 in 2026.'],
    ['en', 'The chairman, 71, welcomed the guests.'],
    ['ru', 'В следующем году союзу исполнится 25 лет.'],
    ['en', 'The communiqué runs to 40 pages.'],
    ['en', 'They agreed a 10-point plan and a 20-year partnership.'],
  ];
  for (const [language, sentence] of none) {
    it(`finds no figure in ${JSON.stringify(sentence)}`, () => {
      assert.deepStrictEqual(detectFigures(sentence, language).map((f) => f.text), []);
    });
  }
});

describe('detectFigures: a span reads back the same', () => {
  const texts: readonly (readonly [string, string])[] = [
    ['en', 'Pretoria pledged R2.5 billion, Manila ₱12 billion, and New Delhi Rs 900 crore.'],
    ['en', 'Riyadh offered 6 billion Saudi riyals, Doha QAR 3 billion and Kyiv ₴5 billion.'],
    ['ru', 'Инвесторы вложат 4 млрд саудовских риялов и от $3 до 5 млрд.'],
    ['en', 'Tariffs fall for between 20 and 30 countries; harvests reach 10–15 million tonnes.'],
  ];
  for (const [language, text] of texts) {
    it(`in ${JSON.stringify(text.slice(0, 40))}…`, () => {
      const found = detectFigures(text, language);
      assert.ok(found.length >= 2);
      for (const d of found) {
        const parsed = parseFigure(d.text, language);
        assert.deepStrictEqual([parsed.value, parsed.min, parsed.unit], [d.value, d.min, d.unit], d.text);
      }
    });
  }

  it('reads R as rand only before a magnitude when detecting', () => {
    assert.deepStrictEqual(detectFigures('Route R2 and R500 were closed.', 'en'), []);
  });
});
