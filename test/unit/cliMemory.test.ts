/**
 * The CLI's outputs made entry by entry (outline, figures, the brief's Markdown, CSV and JSON) and the file read in one step
 * print exactly what the whole-object renderings print: the outline against the core's tree
 * (`buildOutline`) written by `JSON.stringify` and by a plain walk, the figures against
 * `JSON.stringify` of their list, lint against the model's sorted diagnostics.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotes } from '../../src/core';
import { enclosingInitiatives, initiativeFinder } from '../../src/core/model';
import { buildOutline, type OutlineNode } from '../../src/core/editor';
import { decodeNotesText, terminalText } from '../../src/cli/io';
import { rangeJson, lineCol } from '../../src/cli/shapes';
import { generateNotes } from '../../bench/generate';
import { renderBrief } from '../../src/core/brief/export';
import { renderBriefChunks } from '../../src/core/brief/stream';
import { fixturePath } from './briefFixtures';
import { runCliOn } from '../support/cli';

const root = join(__dirname, '..', '..', '..');

const texts: [string, string][] = [
  ['sample', readFileSync(fixturePath('sample.summit.md'), 'utf8')],
  ['attacks', readFileSync(fixturePath('attacks.summit.md'), 'utf8')],
  ['cli problems', readFileSync(join(root, 'test', 'fixtures', 'cli', 'problems.summit.md'), 'utf8')],
  ['cli figures', readFileSync(join(root, 'test', 'fixtures', 'cli', 'figures.summit.md'), 'utf8')],
  ['generated en', generateNotes({ bytes: 200_000, language: 'en', seed: 7 })],
  ['generated ru', generateNotes({ bytes: 200_000, language: 'ru', seed: 8 })],
  ['no headings', 'Text [one]{.initiative #a} and [2%]{.figure}.\n\n[[inner]{.actor}]{.initiative}\n'],
  ['empty', ''],
];

interface TreeJson {
  kind: string;
  label: string;
  id: string | null;
  range: unknown;
  children: TreeJson[];
}

function treeJson(node: OutlineNode): TreeJson {
  const id = node.kind === 'section' ? node.section?.id : node.annotation?.id;
  return { kind: node.kind, label: node.label, id: id ?? null, range: rangeJson(node.range), children: node.children.map(treeJson) };
}

function treeText(nodes: readonly OutlineNode[], depth: number): string {
  let out = '';
  for (const node of nodes) {
    const id = node.kind === 'section' ? node.section?.id : node.annotation?.id;
    const marker = node.kind === 'section' ? '#'.repeat(node.section?.level ?? 1) : node.kind;
    out += `${'  '.repeat(depth)}${marker} ${terminalText(node.label.replace(/\s+/g, ' '))}${id ? `  {#${terminalText(id)}}` : ''}  ${lineCol(node.selectionRange)}\n`;
    out += treeText(node.children, depth + 1);
  }
  return out;
}

describe('cli outputs made entry by entry', function () {
  this.timeout(30000);
  for (const [name, text] of texts) {
    it(`outline --json is JSON.stringify of the core's outline tree: ${name}`, async () => {
      const model = parseNotes(text);
      const expected = `${JSON.stringify({ file: 'n.summit.md', title: model.frontMatter?.title ?? null, language: model.language, outline: buildOutline(model).map(treeJson) }, null, 2)}\n`;
      const r = await runCliOn(['outline', '--json', 'n.summit.md'], text);
      assert.equal(r.code, 0);
      assert.equal(r.out, expected);
    });

    it(`outline prints the core's outline tree: ${name}`, async () => {
      const model = parseNotes(text);
      const expected = `${model.frontMatter?.title ? `${terminalText(model.frontMatter.title)}\n` : ''}${treeText(buildOutline(model), 0)}`;
      const r = await runCliOn(['outline', 'n.summit.md'], text);
      assert.equal(r.code, 0);
      assert.equal(r.out, expected);
    });
  }

  for (const [name, text] of texts) {
    it(`figures --json is JSON.stringify of its figures, one per figure of the model: ${name}`, async () => {
      const model = parseNotes(text);
      const r = await runCliOn(['figures', '--json', 'n.summit.md'], text);
      assert.equal(r.code, 0);
      const doc = JSON.parse(r.out) as { file: string; language: string; figures: { text: string; value: number | null; range: { startOffset: number } }[] };
      assert.equal(r.out, `${JSON.stringify(doc, null, 2)}\n`);
      assert.deepEqual(Object.keys(doc), ['file', 'language', 'figures']);
      assert.deepEqual(doc.figures.map((f) => [f.text, f.value, f.range.startOffset]),
        model.figures.map((f) => [f.annotation.plainText, f.value ?? null, f.annotation.range.start]));
    });

    it(`figures --csv and the text list have one line per figure: ${name}`, async () => {
      const model = parseNotes(text);
      const csv = await runCliOn(['figures', '--csv', 'n.summit.md'], text);
      assert.ok(csv.out.startsWith('line,column,text,value,unit,qualifier,year,metric,id,initiative,section,note\r\n'));
      const plain = await runCliOn(['figures', 'n.summit.md'], text);
      assert.equal(plain.out === '' ? 0 : plain.out.trimEnd().split('\n').length, model.figures.length);
    });
  }

  for (const format of ['md', 'csv', 'json'] as const) {
    it(`hands a large ${format} brief on in many pieces, none of them large`, () => {
      const text = generateNotes({ bytes: 500_000, language: 'ru', seed: 9 });
      const pieces = [...renderBriefChunks(parseNotes(text), format)];
      assert.ok(pieces.length > 3, `${pieces.length} pieces`);
      assert.ok(Math.max(...pieces.map((p) => p.length)) < 1 << 18);
      assert.equal(pieces.join(''), renderBrief(parseNotes(text), format));
    });
  }

  it('initiativeFinder answers as enclosingInitiatives, in any order of asking', () => {
    const deep = `# D\n\n${'['.repeat(50)}x${Array.from({ length: 50 }, (_, i) => `]{.${['figure', 'initiative', 'actor'][i % 3]} #n${i}}`).join('')}\n`;
    for (const text of [...texts.map(([, t]) => t), deep]) {
      const model = parseNotes(text);
      const expected = enclosingInitiatives(model);
      const find = initiativeFinder();
      // Deepest first, then the rest: answers kept from one walk must serve the next.
      const order = model.annotations.map((_, i) => i).reverse();
      for (const i of order) assert.equal(find(model.annotations[i]), expected[i], `annotation ${i}`);
    }
  });

  it('reads a file in one step as the strict decoder did: BOM dropped, invalid UTF-8 and binary refused', () => {
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    assert.equal(decodeNotesText(encode('\ufeffТекст [1%]{.figure}'), 'f'), 'Текст [1%]{.figure}');
    assert.equal(decodeNotesText(encode('\ufeff\ufeffx'), 'f'), 'x');
    assert.equal(decodeNotesText(encode(''), 'f'), '');
    const bytes = encode('abc');
    assert.equal(decodeNotesText(bytes.subarray(1), 'f'), 'bc');
    assert.throws(() => decodeNotesText(Uint8Array.from([0x61, 0xc3, 0x28]), 'f'), /not valid UTF-8/);
    assert.throws(() => decodeNotesText(Uint8Array.from([0xed, 0xa0, 0x80]), 'f'), /not valid UTF-8/);
    assert.throws(() => decodeNotesText(Uint8Array.from([0x61, 0, 0x62]), 'f'), /binary/);
  });
});
