/**
 * Annotating a detected figure keeps its meaning: what detection read from outside the span
 * becomes attributes, and the parser reads `qualifier=` back (hover, brief and exports read the
 * model's figure).
 */
import * as assert from 'assert';
import { parseNotes, reparseNotes } from '../../src/core';
import { detectFigures } from '../../src/core/detect';
import { detectedFigureAttributes, detectedFigureMarkup } from '../../src/core/editor/figureMarkup';

/** Replaces every detected figure of `body` by its markup, as "Annotate All Detected Figures" does. */
function annotateAll(body: string, language: string): string {
  let out = '';
  let last = 0;
  for (const f of detectFigures(body, language)) {
    out += body.slice(last, f.start) + detectedFigureMarkup(f, f.text, language);
    last = f.end;
  }
  return out + body.slice(last);
}

describe('annotating detected figures', () => {
  it('records a qualifier that comes from a verb outside the span', () => {
    const [f] = detectFigures('Товарооборот превысил $650 млрд.', 'ru');
    assert.deepStrictEqual(detectedFigureAttributes(f, 'ru'), ['qualifier=more_than']);
    assert.strictEqual(detectedFigureMarkup(f, f.text, 'ru'), '[$650 млрд]{.figure qualifier=more_than}');
  });

  it('adds nothing when the span says it all', () => {
    const [f] = detectFigures('Инвестиции составили более $12,5 млрд.', 'ru');
    assert.strictEqual(detectedFigureMarkup(f, f.text, 'ru'), '[более $12,5 млрд]{.figure}');
  });

  it('records a unit taken from the sentence', () => {
    const found = detectFigures('В форуме участвовали 1300 компаний, из которых 880 подписали соглашения.', 'ru');
    const last = found[found.length - 1];
    assert.strictEqual(last.text, '880');
    assert.strictEqual(detectedFigureMarkup(last, last.text, 'ru'), '[880]{.figure unit=companies}');
  });

  for (const [language, body] of [
    ['ru', '---\nlanguage: ru\n---\nТоварооборот превысил $650 млрд, а инвестиции приблизились к $70 млрд; фонд получит от $3 до 5 млрд.\n'],
    ['en', '---\nlanguage: en\n---\nTrade exceeded $5 billion, a 300-member delegation came, and 10–15 million tonnes were shipped.\n'],
  ] as const) {
    it(`gives the model the detected values, units and qualifiers (${language})`, () => {
      const text = annotateAll(body, language);
      const detected = detectFigures(body, language);
      const model = parseNotes(text);
      assert.deepStrictEqual(
        model.figures.map((f) => [f.value, f.unit, f.qualifier]),
        detected.map((d) => [d.value, d.unit, d.qualifier]),
      );
      // The reparse path keeps the attribute's reading too.
      const again = reparseNotes(model, `${text}\n`);
      assert.deepStrictEqual(again.figures.map((f) => f.qualifier), detected.map((d) => d.qualifier));
    });
  }

  it('reads qualifier= over the text, and ignores an unknown value', () => {
    const model = parseNotes('---\nlanguage: en\n---\nTrade [$5 bn]{.figure qualifier=more_than}, [about $2 bn]{.figure qualifier=lots}.\n');
    assert.deepStrictEqual(model.figures.map((f) => f.qualifier), ['more_than', 'about']);
  });
});
