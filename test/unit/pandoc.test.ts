import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { parseNotes } from '../../src/core';
import { fixtureNames, PARSE_FIXTURES, readFixture } from './parseSupport';
import * as path from 'path';

// Pandoc as a peer: the spans Pandoc finds in each fixture (id, classes, attributes, text) are the
// annotations we find. Where we deliberately differ, the fixture is listed here with the reason.
const EXCLUDED: Readonly<Record<string, string>> = {
  'diagnostics-attributes': 'we keep spans with malformed attributes (and report them); Pandoc reads them as plain text',
  'front-matter-broken': 'Pandoc refuses the whole file when its YAML front matter is broken',
  'front-matter-unclosed': 'Pandoc reads an unclosed `---` block as YAML and fails; we read it as body text and report it',
};

interface PeerSpan {
  id: string;
  classes: string[];
  attributes: [string, string][];
  text: string;
}

type PandocNode = { t: string; c?: unknown };

/** Pandoc inlines as plain text (its `stringify`), enough for what fixtures hold. */
function stringify(node: unknown): string {
  if (Array.isArray(node)) return node.map(stringify).join('');
  const n = node as PandocNode;
  switch (n.t) {
    case 'Str': return n.c as string;
    case 'Space': case 'SoftBreak': case 'LineBreak': return ' ';
    case 'Code': return (n.c as [unknown, string])[1];
    case 'Span': case 'Link': case 'Image': return stringify((n.c as unknown[])[1]);
    case 'Quoted': {
      const q = (n.c as [PandocNode, unknown])[0].t === 'SingleQuote' ? "'" : '"';
      return q + stringify((n.c as unknown[])[1]) + q;
    }
    case 'RawInline': case 'Note': return '';
    case 'Emph': case 'Strong': case 'Strikeout': case 'Superscript': case 'Subscript': case 'SmallCaps': case 'Underline':
      return stringify(n.c);
    default: return '';
  }
}

/** Every Span in document order (pre-order), from Pandoc's JSON AST. */
function collectSpans(node: unknown, out: PeerSpan[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectSpans(child, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as PandocNode & Record<string, unknown>;
  // Pandoc turns a span whose only attribute is `.underline` / `.smallcaps` into its own node.
  if (n.t === 'Underline' || n.t === 'SmallCaps') out.push({ id: '', classes: [n.t.toLowerCase()], attributes: [], text: normalise(stringify(n.c)) });
  if (n.t === 'Span') {
    const [[id, classes, attributes], inlines] = n.c as [[string, string[], [string, string][]], unknown[]];
    out.push({ id, classes, attributes, text: normalise(stringify(inlines)) });
  }
  for (const value of Object.values(n)) if (typeof value === 'object') collectSpans(value, out);
}

/** Whitespace folded, and the typography Pandoc's `smart` extension adds undone. */
function normalise(s: string): string {
  return s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u2013/g, '--').replace(/\u2014/g, '---').replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ').trim();
}

function pandocAvailable(): boolean {
  const r = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

describe('Pandoc agrees on spans', function () {
  this.timeout(60000);
  it('has pandoc installed (CI installs it: apt-get install pandoc)', () => {
    assert.ok(pandocAvailable(), 'pandoc is not installed: run `apt-get install pandoc` (CI installs it in .ci/run)');
  });
  for (const name of fixtureNames()) {
    const reason = EXCLUDED[name];
    if (reason) {
      it(`leaves out ${name}: ${reason}`, () => assert.ok(reason.length > 0));
      continue;
    }
    it(`finds the same spans as Pandoc in ${name}`, () => {
      assert.ok(pandocAvailable(), 'pandoc is not installed: run `apt-get install pandoc`');
      const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json', path.join(PARSE_FIXTURES, `${name}.summit.md`)], { encoding: 'utf8' });
      assert.strictEqual(r.status, 0, `pandoc failed on ${name}: ${r.stderr}`);
      const peer: PeerSpan[] = [];
      collectSpans((JSON.parse(r.stdout) as { blocks: unknown }).blocks, peer);
      const ours: PeerSpan[] = parseNotes(readFixture(name)).annotations.map((a) => ({
        id: a.id ?? '',
        classes: [...a.classes],
        attributes: a.attributes.map(([k, v]) => [k, v] as [string, string]),
        text: normalise(a.plainText),
      }));
      assert.deepStrictEqual(ours, peer);
    });
  }
});
