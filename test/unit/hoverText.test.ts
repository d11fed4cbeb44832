import * as assert from 'assert';
import { parseNotes } from '../../src/core';
import { formatScientific, formatShort } from '../../src/core/figures/wording';
import { escapeMarkdown, glossaryTermAt, hoverAt, normalisedFigure, sectionSummary } from '../../src/core/editor/hoverText';

const NOTES = `---
areas:
  ports: Ports and shipping
glossary:
  CCF: Coastal Cooperation Forum
---

# Trade {#trade}

[A ferry line with [120 million euros]{.figure metric="ferry budget" year=2027}]{.initiative #ferry area=ports status=proposed by=Nordland note="check *dates*"}.
[Nordland]{.actor} met [Nordland]{.actor} at the CCF. See [the ferry](#ferry) and [gone](#nowhere).
[$2.9 billion]{.figure metric="port turnover" year=2024} and [$3.2 billion]{.figure metric="port turnover" year=2025}.
`;
const model = parseNotes(NOTES);
const at = (needle: string, delta = 1): number => NOTES.indexOf(needle) + delta;

describe('hover text', () => {
  it('an initiative: id, text, area label, status, proposer, section, references, figures, note', () => {
    const hover = hoverAt(model, at('A ferry line'));
    assert.ok(hover);
    assert.strictEqual(hover.subject.kind, 'annotation');
    const md = hover.markdown;
    assert.match(md, /^\*\*Initiative\*\* · `#ferry`/);
    assert.match(md, /> A ferry line with 120 million euros/);
    assert.match(md, /Area: Ports and shipping \(`ports`\)/);
    assert.match(md, /Status: \*\*proposed\*\*/);
    assert.match(md, /Proposed by: Nordland/);
    assert.match(md, /Section: Trade/);
    assert.match(md, /Referenced: 1 time\b/);
    assert.match(md, /Figures:\n- 120 million euros/);
    assert.match(md, /\*Note:\* check \\\*dates\\\*/, 'the note is escaped');
    assert.strictEqual(hover.range.start, NOTES.indexOf('[A ferry'));
  });

  it('a figure: metric, year and the other figures of the same metric', () => {
    const md = hoverAt(model, at('$3.2'))?.markdown ?? '';
    assert.match(md, /\*\*Figure\*\*/);
    assert.match(md, /Metric: port turnover/);
    assert.match(md, /Year: 2025/);
    assert.match(md, /Same metric in this file \(1\):\n- 2024: /);
  });

  it('an actor: mentions and initiatives it proposed', () => {
    const md = hoverAt(model, at('[Nordland]{.actor}', 2))?.markdown ?? '';
    assert.match(md, /mentioned 2 times/);
    assert.match(md, /Proposed 1 initiative:\n- A ferry line/);
  });

  it('a reference: the target, or a note that nothing carries the id', () => {
    assert.match(hoverAt(model, at('(#ferry)', 2))?.markdown ?? '', /\*\*Reference\*\* to `#ferry`[\s\S]*\*\*Initiative\*\*/);
    assert.match(hoverAt(model, at('(#nowhere)', 2))?.markdown ?? '', /Nothing in this file carries this id/);
  });

  it('a heading: what the section contains', () => {
    const hover = hoverAt(model, at('# Trade', 3));
    assert.strictEqual(hover?.subject.kind, 'section');
    assert.match(hover.markdown, /\*\*Section\*\* Trade · `#trade`/);
    assert.strictEqual(sectionSummary(model.allSections[0]), '1 initiative, 3 figures, 2 actors');
  });

  it('a glossary term: whole words only, case-insensitive', () => {
    assert.deepStrictEqual(glossaryTermAt(model, at('the CCF', 5)), { term: 'CCF', definition: 'Coastal Cooperation Forum', start: NOTES.indexOf('CCF.'), end: NOTES.indexOf('CCF.') + 3 });
    assert.match(hoverAt(model, at('the CCF', 5))?.markdown ?? '', /\*\*Glossary\*\*\n\n\*CCF:\* Coastal Cooperation Forum/);
    assert.strictEqual(hoverAt(model, at('met ', 0)), undefined, 'plain text has no hover');
  });

  it('normalised figures read the way the issue shows them', () => {
    assert.strictEqual(`${formatScientific(650e9, 'USD')} — ${formatShort(650e9, 'USD')}`, '6.5 × 10¹¹ USD — $650 bn');
    assert.strictEqual(formatScientific(1.5e12, 'EUR'), '1.5 × 10¹² EUR');
    assert.strictEqual(formatShort(1.5e12, 'RUB'), '₽1.5 tn');
    assert.strictEqual(formatShort(30, '%'), '30%');
    assert.strictEqual(formatShort(2_500_000, 'tonnes'), '2.5 m tonnes');
    assert.strictEqual(formatScientific(1500, 't'), '1,500 t');
  });

  it('a figure\'s normalised value: scientific and short for big values, short alone for small ones', () => {
    const cases: [string, string][] = [
      ['более $650 млрд', 'more than 6.5 × 10¹¹ USD — $650 bn'],
      ['1,5 трлн рублей', '1.5 × 10¹² RUB — ₽1.5 tn'],
      ['30%', '30%'],
    ];
    for (const [written, expected] of cases) {
      const figure = parseNotes(`[${written}]{.figure}\n`).figures[0];
      assert.ok(figure, written);
      assert.strictEqual(normalisedFigure(figure), expected, written);
    }
  });

  it('escapes Markdown in the analyst\'s text', () => {
    assert.strictEqual(escapeMarkdown('a*b_[c](d) #e'), 'a\\*b\\_\\[c\\]\\(d\\) \\#e');
  });
});
