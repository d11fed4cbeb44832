/**
 * The brief model and its renderers, over test/fixtures/brief/sample.summit.md (a small, fully
 * annotated notes file) and attacks.summit.md (markup in every place the analyst can type).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { parseNotes } from '../../src/core';
import { buildBrief, NO_AREA_LABEL, type Brief } from '../../src/core/brief/build';
import { renderBriefCsv, csvCell } from '../../src/core/brief/csv';
import { renderBrief } from '../../src/core/brief/export';
import { describeFigureValue, formatNumber } from '../../src/core/figures/format';
import { safeHttpUrl } from '../../src/core/brief/links';
import { escapeHtml, renderBriefDocument } from '../../src/core/brief/html';
import { renderBriefJson } from '../../src/core/brief/json';
import { escapeMarkdown, renderBriefMarkdown } from '../../src/core/brief/markdown';
import { assertHarmless, fixturePath } from './briefFixtures';

const sampleText = readFileSync(fixturePath('sample.summit.md'), 'utf8');
const attackText = readFileSync(fixturePath('attacks.summit.md'), 'utf8');

describe('brief model', () => {
  const brief = buildBrief(parseNotes(sampleText));

  it('takes the header from the front matter', () => {
    assert.equal(brief.header.title, 'Regional forum — notes for the brief');
    assert.equal(brief.header.summit, 'Example Regional Forum');
    assert.equal(brief.header.place, 'Riverton');
    assert.deepEqual(brief.header.speakers, ['First Speaker', 'Second Speaker']);
    assert.equal(brief.header.source?.url, 'https://example.org/forum-coverage');
    assert.equal(brief.header.source?.name, 'Example Wire');
  });

  it('counts initiatives, figures, actors (merged by name), references', () => {
    assert.equal(brief.counts.initiatives, 3);
    assert.equal(brief.counts.figures, 2);
    assert.equal(brief.counts.actors, 2, 'Country A and country a are one actor');
    assert.equal(brief.counts.references, 1);
    assert.equal(brief.actors[0].mentions, 2);
  });

  it('groups initiatives by area in vocabulary order with labels, then those without an area', () => {
    assert.deepEqual(brief.areas.map((a) => [a.id, a.label, a.initiatives.map((i) => i.id)]), [
      ['finance', 'Finance and investment', ['office']],
      ['transport', 'Transport links', ['rail']],
      [undefined, NO_AREA_LABEL, ['card']],
    ]);
  });

  it('gives each initiative its status, proposer, note, section and nested figures', () => {
    const office = brief.areas[0].initiatives[0];
    assert.equal(office.status, 'proposed');
    assert.equal(office.proposer, 'Country A');
    assert.equal(office.note, 'Check who hosts it');
    assert.equal(office.section?.title, 'Opening');
    assert.equal(office.line, 20);
    assert.deepEqual(office.figures.map((f) => f.id), ['fund']);
    assert.equal(office.figures[0].initiativeId, 'office');
  });

  it('lists key figures with metric, value as written, year and where', () => {
    const trade = brief.figures[1];
    assert.equal(trade.metric, 'member trade');
    assert.equal(trade.asWritten, 'about 650 billion dollars');
    assert.equal(trade.year, 2024);
    assert.equal(trade.section?.title, 'Trade');
  });

  it('is plain data: JSON round-trips it', () => {
    const json = JSON.parse(renderBriefJson(brief)) as Brief;
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.areas[0].initiatives[0].id, 'office');
    assert.ok('note' in json.figures[1], 'absent fields are written as null');
  });

  it('never throws on an empty or front-matter-only file', () => {
    for (const text of ['', '---\n---\n', '---\ntitle: [unclosed\n---\n', '[x]{.initiative']) {
      const b = buildBrief(parseNotes(text));
      for (const format of ['html', 'md', 'json', 'csv'] as const) assert.ok(renderBrief(parseNotes(text), format).length > 0);
      assert.equal(b.schemaVersion, 1);
    }
  });
});

describe('brief renderers', () => {
  const model = parseNotes(sampleText);
  const brief = buildBrief(model);

  it('HTML export is one self-contained page: inline style, no script, a CSP, no remote content', () => {
    const html = renderBriefDocument(brief, model);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script|<link|src="http/i);
    assert.match(html, /<a href="https:\/\/example.org\/forum-coverage"/);
    assert.match(html, /<span class="brief-badge" data-status="agreed">agreed<\/span>/);
    assert.match(html, /@media print/);
    assert.match(html, /<span class="summit-initiative" id="office"/);
  });

  it('Markdown export reads as a brief', () => {
    const md = renderBriefMarkdown(brief);
    assert.match(md, /^# Regional forum — notes for the brief\n/);
    assert.match(md, /### Finance and investment\n\n- \*\*set up a joint investment office worth \$2 bn\*\* `proposed`/);
    assert.match(md, /\| member trade \| about 650 billion dollars \|/);
    assert.match(md, /- \*\*Source:\*\* \[Example Wire\]\(<https:\/\/example.org\/forum-coverage>\)/);
  });

  it('CSV export has one row per initiative and figure, RFC 4180 quoted', () => {
    const rows = renderBriefCsv(brief).trimEnd().split('\r\n');
    assert.equal(rows.length, 1 + 3 + 2);
    assert.match(rows[0], /^kind,id,text,area,area_label,status/);
    assert.match(rows[1], /^initiative,office,set up a joint investment office worth \$2 bn,finance,Finance and investment,proposed,Country A,/);
    assert.match(rows[5], /^figure,,about 650 billion dollars,/);
  });

  it('CSV cells that a spreadsheet would run as formulas are defused', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('-5', false), '-5');
    assert.equal(csvCell('a,b'), '"a,b"');
  });
});

describe('brief with markup everywhere', () => {
  const model = parseNotes(attackText);
  const brief = buildBrief(model);

  it('links only http(s) sources', () => {
    assert.equal(brief.header.source?.url, undefined);
    assert.equal(brief.header.source?.rawUrl, 'javascript:window.__summitPwned=1');
    assert.equal(safeHttpUrl('https://example.org/x'), 'https://example.org/x');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' data:text/html,x', '//example.org', 'https://exa mple.org', 'file:///etc/passwd', 'http:/x']) {
      assert.equal(safeHttpUrl(bad), undefined, bad);
    }
  });

  it('the HTML export shows the text but no markup from the file', () => {
    const html = renderBriefDocument(brief, model);
    assertHarmless(html);
    assert.match(html, /&lt;script&gt;window.__summitPwned=1&lt;\/script&gt; Attack title/);
    assert.match(html, /Canary text that must still show\./);
  });

  it('the Markdown export escapes markup: even a renderer that allows raw HTML makes none of it', () => {
    const md = renderBriefMarkdown(brief);
    const permissive = new MarkdownIt({ html: true });
    assertHarmless(permissive.render(md));
    assert.match(permissive.render(md), /&lt;script&gt;window.__summitPwned=1&lt;\/script&gt; Attack title/);
    assert.equal(escapeMarkdown('<b>*x*</b>'), '\\<b\\>\\*x\\*\\</b\\>');
    assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
    assert.equal(escapeMarkdown('2024. not a list'), '2024\\. not a list');
  });
});

describe('brief formatting helpers', () => {
  it('formats numbers and normalised figures without locale surprises', () => {
    assert.equal(formatNumber(650000000000), '650,000,000,000');
    assert.equal(formatNumber(1.5), '1.5');
    assert.equal(formatNumber(-1234.25), '-1,234.25');
    assert.equal(describeFigureValue(650e9, 'USD', 'more_than'), 'more than 650,000,000,000 USD');
    assert.equal(describeFigureValue(undefined, 'USD', null), '');
  });

  it('escapes HTML for text and both quote styles', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
