/**
 * What the live brief preview sends: the brief in pieces (sections, initiative areas, key-figure
 * rows, the text's top-level blocks), source lines apart from the HTML, and patches that carry only
 * what changed. Pure: the core renderers and the diff shared with the webview.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { parseNotes } from '../../src/core';
import { buildBrief } from '../../src/core/brief/build';
import {
  createNotesMarkdown, joinChunks, joinGroups, renderAnnotatedBlocks, renderAnnotatedText, renderBriefFragment, renderBriefParts, renderBriefPreview,
} from '../../src/core/brief/html';
import { summitNotesPlugin, type SpanMeta } from '../../src/core/brief/markdownItPlugin';
import { applyBriefPatch, applySplice, diffBrief, diffChunks, type BriefContent } from '../../src/shared/previewMessages';
import { seededRandom } from '../support/random';
import { fixturePath, readFixtureBlocks } from './briefFixtures';

const sample = readFileSync(fixturePath('sample.summit.md'), 'utf8');
const attacks = readFileSync(fixturePath('attacks.summit.md'), 'utf8');

/** The sample's body repeated (ids made unique) under its front matter: a file with many blocks. */
function longNotes(copies: number): string {
  const end = sample.indexOf('\n---\n', 4) + 5;
  let text = sample.slice(0, end);
  for (let i = 0; i < copies; i++) text += sample.slice(end).replace(/#(office|fund|rail|card|opening)\b/g, `#$1-${i}`).replace(/\(#office\)/g, `(#office-${i})`);
  return text;
}

const relative = createNotesMarkdown({ blockLines: 'relative' });
const absolute = createNotesMarkdown({ blockLines: true });

function content(text: string): BriefContent {
  return renderBriefPreview(parseNotes(text), relative);
}

/** The `data-line` values in order. */
function dataLines(html: string): number[] {
  return [...html.matchAll(/ data-line="(\d+)"/g)].map((m) => Number(m[1]));
}

describe('brief preview content', function () {
  this.timeout(10_000);
  it('text blocks join up to the whole annotated text', () => {
    for (const text of [sample, attacks, longNotes(5), '', '---\ntitle: only\n---\n']) {
      const model = parseNotes(text);
      for (const md of [createNotesMarkdown(), absolute]) {
        assert.equal(renderAnnotatedBlocks(model, md).html.join(''), renderAnnotatedText(model, md));
      }
    }
  });

  it('a block line plus the lines inside the block give the lines of the whole render', () => {
    const model = parseNotes(longNotes(10));
    const whole = dataLines(renderAnnotatedText(model, absolute));
    const blocks = renderAnnotatedBlocks(model, relative);
    const rebuilt = blocks.html.flatMap((html, i) => dataLines(html).map((line) => line + blocks.lines[i]));
    assert.deepEqual(rebuilt, whole);
    assert.ok(whole.length > 40);
  });

  it('steps over the front matter without copying the text, keeping line numbers', () => {
    const model = parseNotes(sample);
    const html = renderAnnotatedText(model, absolute);
    assert.doesNotMatch(html, /summit-notes: 1|Example Wire/);
    assert.match(html, /<h1 id="opening" class="code-line" data-line="17">Opening<\/h1>/);
    assert.equal(renderAnnotatedBlocks(model, relative).lines[0], 17);
  });

  it('each chunk is one element, and the sections join up to the exported fragment', () => {
    const model = parseNotes(longNotes(4));
    const brief = buildBrief(model);
    const preview = renderBriefPreview(model, relative);
    for (const part of [...preview.initiatives.groups, preview.figures, preview.text]) {
      for (const chunk of part.chunks) assert.match(chunk, /^<([a-z0-9]+)[\s>][\s\S]*<\/\1>\n?$/, chunk.slice(0, 80));
    }
    const parts = renderBriefParts(brief);
    const text = renderAnnotatedText(model, createNotesMarkdown());
    assert.equal(parts.header + joinGroups(parts.initiatives) + joinChunks(parts.figures) + parts.actors + `<section class="brief-text"><h2>Annotated text</h2><div class="brief-markdown">${text}</div></section>`,
      renderBriefFragment(brief, text));
    assert.doesNotMatch(renderBriefFragment(brief, text), /data-entry|data-chunks/, 'the export carries no preview markers');
  });

  it('brief entries point at their source lines through data-entry', () => {
    const model = parseNotes(sample);
    const preview = renderBriefPreview(model, relative);
    const html = preview.initiatives.groups.map((g) => g.chunks.join('')).join('') + preview.figures.chunks.join('') + preview.actors;
    const entries = [...html.matchAll(/ data-entry="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(entries, preview.entryLines.map((_, i) => i), 'indexes 0, 1, 2… in document order');
    const office = /<li class="brief-initiative" data-entry="(\d+)" data-id="office">/.exec(html);
    assert.ok(office);
    assert.equal(preview.entryLines[Number(office[1])], 20);
    const trade = /<tr data-entry="(\d+)"><td>member trade<\/td>/.exec(html);
    assert.ok(trade);
    assert.equal(preview.entryLines[Number(trade[1])], model.positionAt(sample.indexOf('[about 650')).line);
  });
});

describe('brief preview patches', function () {
  this.timeout(10_000);
  it('diffChunks keeps the common head and tail', () => {
    assert.equal(diffChunks(['a', 'b'], ['a', 'b']), undefined);
    assert.deepEqual(diffChunks(['a', 'b', 'c'], ['a', 'x', 'c']), { start: 1, deleteCount: 1, insert: ['x'] });
    assert.deepEqual(diffChunks(['a', 'c'], ['a', 'b', 'c']), { start: 1, deleteCount: 0, insert: ['b'] });
    assert.deepEqual(diffChunks(['a', 'b', 'c'], ['a', 'c']), { start: 1, deleteCount: 1, insert: [] });
    assert.deepEqual(diffChunks(['a', 'a'], ['a', 'a', 'a']), { start: 2, deleteCount: 0, insert: ['a'] });
    assert.deepEqual(diffChunks([], ['a']), { start: 0, deleteCount: 0, insert: ['a'] });
    assert.deepEqual(applySplice(['a', 'b', 'c'], { start: 1, deleteCount: 1, insert: ['x', 'y'] }), ['a', 'x', 'y', 'c']);
  });

  it('typing a letter in prose sends that one block and nothing else', () => {
    const text = longNotes(6);
    const at = text.lastIndexOf('Trade between members');
    const patch = diffBrief(content(text), content(`${text.slice(0, at)}x${text.slice(at)}`));
    assert.deepEqual(Object.keys(patch), ['text']);
    assert.equal(patch.text?.splice?.deleteCount, 1);
    assert.equal(patch.text?.splice?.insert.length, 1);
    assert.match(patch.text?.splice?.insert[0] ?? '', /xTrade between members/);
  });

  it('a line added above moves numbers, not HTML', () => {
    const text = longNotes(6);
    const at = text.indexOf('\n## Trade') + 1;
    const patch = diffBrief(content(text), content(`${text.slice(0, at)}\n${text.slice(at)}`));
    assert.deepEqual(Object.keys(patch).sort(), ['entryLines', 'textLines']);
  });

  it('typing inside an initiative resends that initiative and its block', () => {
    const text = longNotes(6);
    const at = text.lastIndexOf('A new rail corridor') + 2;
    const patch = diffBrief(content(text), content(`${text.slice(0, at)}big ${text.slice(at)}`));
    assert.deepEqual(Object.keys(patch).sort(), ['initiatives', 'text']);
    const changed = patch.initiatives?.groups?.filter((g) => g !== null) ?? [];
    assert.equal(changed.length, 1, 'one area');
    assert.equal(changed[0]?.splice?.insert.length, 1, 'one initiative');
    assert.match(changed[0]?.splice?.insert[0] ?? '', /A big new rail corridor/);
  });

  it('applying the patch to what was shown gives what is rendered now, edit after edit', function () {
    this.timeout(30_000);
    const random = seededRandom(6);
    const pieces = ['x', ' ', '\n', '\n\n', '[new]{.actor}', '[$3 bn]{.figure metric=aid}', '[plan]{.initiative area=finance status=agreed}', '# Head\n', '- item\n', '`', ']', '{', '---\n'];
    let text = longNotes(3);
    let shown = content(text);
    for (let step = 0; step < 60; step++) {
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.3 && text.length > 0) {
        const end = Math.min(text.length, at + 1 + Math.floor(random() * 40));
        text = text.slice(0, at) + text.slice(end);
      } else {
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
      }
      const next = content(text);
      assert.deepEqual(applyBriefPatch(shown, diffBrief(shown, next)), next, `step ${step}`);
      shown = next;
    }
  });
});

describe('the brief\'s markdown-it and VS Code\'s preview make the same tokens', () => {
  /** Tokens as plain data, a `summit_span` leaf written out as open, text, close. */
  function shape(tokens: readonly MarkdownIt.Token[]): unknown[] {
    const out: unknown[] = [];
    const node = (type: string, tag: string, meta: unknown, content: string | undefined, t?: MarkdownIt.Token) =>
      ({ type, tag, meta, content, attrs: t?.attrs ?? null, map: t?.map ?? null, children: t?.children ? shape(t.children) : null });
    for (const t of tokens) {
      const meta = t.meta as SpanMeta | null;
      const spanMeta = meta && 'classes' in meta ? { kind: meta.kind, id: meta.id, classes: meta.classes, attributes: meta.attributes, text: meta.text, line: meta.line } : meta;
      if (t.type === 'summit_span') {
        out.push(node('summit_span_open', 'span', spanMeta, undefined));
        if (t.content) out.push(node('text', '', null, t.content));
        out.push(node('summit_span_close', 'span', spanMeta, undefined));
      } else {
        out.push(node(t.type, t.tag, spanMeta, t.type === 'text' || t.type === 'code_inline' || t.type === 'inline' ? t.content : undefined, t));
      }
    }
    return out;
  }

  const inputs: string[] = [];
  for (const block of readFixtureBlocks(fixturePath('markdownIt.txt'))) inputs.push(block.parts[0]);
  for (const block of readFixtureBlocks(fixturePath('xss.txt'))) inputs.push(block.parts[0]);
  inputs.push(longNotes(2));
  const random = seededRandom(17);
  const pieces = ['[', ']', '{', '}', '.actor', '.figure', '#x', ' ', '\n', '\n\n', '`', '\\', '"', 'note="a]b"', '(#x)', '](', '- ', '> ', '  ', '*', '_', '~~', '&amp;', '<b>',
    '$', '%', ':', '=', '+', '!', '[a]{.actor}', '[b [c]{.figure}]{.initiative #i}', '| a | b |\n|---|---|\n| [x]{.actor} | y |\n', '# h {#id}\n', '1. ', '\t', '![i](x.png)', '[r]: #x\n', '[$5 %]{.figure}',
    // Labels whose end only markdown-it's own label reading finds (brackets in quotes, escapes, code, links, images).
    '[a [b]{note="x]"} c]{.initiative}', '[a *b* [c]{.actor}\nd]{.initiative}', '[a ![i](x) b]{.actor}', '[a \\] b]{.actor}', '[a &#93; b]{.actor}',
    '[[[[x]{.a}]{.b}]{.c}]{.d}', '[a [b] c]{.x}', '[a [b](c]d) e]{.x}', '[a `]` b]{.x}', '[a <http://x]y> b]{.x}'];
  for (let n = 0; n < 600; n++) {
    let s = '';
    const length = 1 + Math.floor(random() * 40);
    for (let i = 0; i < length; i++) s += pieces[Math.floor(random() * pieces.length)];
    inputs.push(s);
  }
  // VS Code's preview: the plugin alone on a markdown-it of its own (three tokens per span).
  const builtIn = new MarkdownIt({ html: false }).use(summitNotesPlugin, { blockLines: true });

  it('for the fixtures, the attacks and random text', function () {
    this.timeout(30_000);
    for (const input of inputs) {
      assert.deepEqual(shape(absolute.parse(input, {})), shape(builtIn.parse(input, {})), JSON.stringify(input));
      assert.equal(absolute.render(input), builtIn.render(input), JSON.stringify(input));
    }
  });
});
