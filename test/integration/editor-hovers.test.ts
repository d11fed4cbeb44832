// Hovers through the registry (vscode.executeHoverProvider) on the editor fixture.
import * as assert from 'assert';
import { activeExtension, openFixture } from './helpers';
import { ourHover, positionOf, revertAndCloseAll } from './editorHelpers';

describe('editor: hovers', () => {
  before(activeExtension);
  afterEach(revertAndCloseAll);

  it('on an initiative: text, id, area label, status, proposer, section, figures, references, note and command links', async () => {
    const { document } = await openFixture('editor.summit.md');
    const text = await ourHover(document.uri, positionOf(document, 'joint ferry line', 3));
    assert.match(text, /\*\*Initiative\*\* · `#ferry-line`/);
    assert.match(text, /joint ferry line between the two northern harbours/);
    assert.match(text, /Area: Ports and shipping \(`ports`\)/);
    assert.match(text, /Status: \*\*proposed\*\*/);
    assert.match(text, /Proposed by: Nordland/);
    assert.match(text, /Section: Trade/);
    assert.match(text, /Referenced: 2 times/);
    assert.match(text, /Figures:\n- 120 million euros/);
    assert.match(text, /\*Note:\* check the tender dates/);
    assert.match(text, /command:summitNotes\.revealInTree\?/);
    const brief = /command:summitNotes\.showInBrief\?([^ )]+)/.exec(text);
    assert.ok(brief, 'a "show in brief" link');
    const [args] = JSON.parse(decodeURIComponent(brief[1])) as [{ uri: string; id?: string; offset?: number }];
    assert.strictEqual(args.uri, document.uri.toString());
    assert.strictEqual(args.id, 'ferry-line');
  });

  it('on a figure: the value as written and normalised, metric, year, qualifier and the same metric elsewhere', async () => {
    const { document } = await openFixture('editor.summit.md');
    const text = await ourHover(document.uri, positionOf(document, 'about $3.2 billion', 2));
    assert.match(text, /\*\*Figure\*\*/);
    assert.match(text, /`about \$3\.2 billion`/);
    assert.match(text, /Metric: port turnover/);
    assert.match(text, /Year: 2025/);
    assert.match(text, /Same metric in this file \(1\):\n- 2024: /);
  });

  it('on a reference: the summary of its target', async () => {
    const { document } = await openFixture('editor.summit.md');
    const text = await ourHover(document.uri, positionOf(document, '[the ferry line](#ferry-line)', 3));
    assert.match(text, /\*\*Reference\*\* to `#ferry-line`/);
    assert.match(text, /\*\*Initiative\*\* · `#ferry-line`/);
  });

  it('on a heading: what the section contains', async () => {
    const { document } = await openFixture('editor.summit.md');
    const text = await ourHover(document.uri, positionOf(document, '# Finance', 3));
    assert.match(text, /\*\*Section\*\* Finance/);
    assert.match(text, /1 initiative, 1 figure, 2 actors/);
    assert.match(text, /Statuses: 1 launched/);
  });

  it('on a glossary term: its definition', async () => {
    const { document } = await openFixture('editor.summit.md');
    const text = await ourHover(document.uri, positionOf(document, 'the CCF plan', 5));
    assert.match(text, /\*\*Glossary\*\*/);
    assert.match(text, /Coastal Cooperation Forum, a yearly meeting of six harbour states/);
  });
});
