import * as assert from 'assert';
import { slugify, uniqueSlug } from '../../src/core/text/slug';

describe('slug: ids proposed from an annotation\'s text', () => {
  const cases: [string, string, boolean?][] = [
    ['open an SCO investment-projects office at the AIFC', 'open-sco-investment-projects-office-aifc'],
    ['Eastern Port Authority', 'eastern-port-authority'],
    ['Морской коридор Север–Юг', 'morskoy-koridor-sever-yug'],
    ['Шанхайская организация сотрудничества', 'shankhayskaya-organizatsiya-sotrudnichestva'],
    ['создать банк развития ШОС', 'sozdat-bank-razvitiya-shos'],
    ['Морской коридор', 'морской-коридор', false],
    ['Қазақстан және Өзбекстан', 'qazaqstan-zhane-ozbekstan'],
    ['  $650 bn!!  ', '650-bn'],
    ['the of and', 'the-of-and'],
    ['one two three four five six seven eight', 'one-two-three-four-five-six'],
    ['🚀 ✨', ''],
  ];
  for (const [text, expected, transliterate] of cases) {
    it(`${JSON.stringify(text)}${transliterate === false ? ' (kept Cyrillic)' : ''} → ${JSON.stringify(expected)}`, () => {
      assert.strictEqual(slugify(text, { transliterate }), expected);
    });
  }

  it('adds -2, -3… until the id is free, and falls back for empty text', () => {
    const taken = new Set(['office', 'office-2']);
    assert.strictEqual(uniqueSlug('office', (id) => taken.has(id)), 'office-3');
    assert.strictEqual(uniqueSlug('', () => false, 'initiative'), 'initiative');
  });
});
