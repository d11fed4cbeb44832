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
import { enclosingInitiatives, initiativeFinder, type Annotation, type NotesModel, type Section } from '../../src/core/model';
import { buildOutline, outlineEntries, type OutlineNode } from '../../src/core/editor';
import { CliError, decodeNotesText, NotesBytesCheck, readNotesFile, terminalText, withoutBom } from '../../src/cli/io';
import { sampleStrings } from '../support/random';
import { nodeIo } from '../../src/cli/main';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rangeJson, lineCol } from '../../src/cli/shapes';
import { generateNotes } from '../../bench/generate';
import { renderBrief } from '../../src/core/brief/export';
import { renderBriefChunks } from '../../src/core/brief/stream';
import { fixturePath } from './briefFixtures';
import { runCliOn } from '../support/cli';
import { IntTable } from '../../src/core/model/tables';

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

/** The outline's flat table as it was made from the annotation views (parent, kind, `annotation.section`). */
function entriesFromViews(model: NotesModel): { items: number[]; parents: number[] } {
  const sections = model.allSections;
  const annotations = model.annotations;
  const items: number[] = [];
  const parents: number[] = [];
  const sectionEntry = new Map<Section, number>();
  const ownEntry: number[] = [];
  const initiativeEntry: number[] = [];
  let s = 0;
  for (let a = 0; a <= annotations.length; a++) {
    const annotation = annotations[a] as Annotation | undefined;
    const before = annotation ? annotation.range.start : Number.POSITIVE_INFINITY;
    for (; s < sections.length && sections[s].headingRange.start <= before; s++) {
      const parent = sections[s].parent;
      sectionEntry.set(sections[s], items.length);
      items.push(-1 - s);
      parents.push(parent ? sectionEntry.get(parent) ?? -1 : -1);
    }
    if (!annotation) break;
    const p = annotation.parent ? annotation.parent.index : -1;
    const holder = p < 0 ? -1 : annotations[p].kind === 'initiative' ? ownEntry[p] : initiativeEntry[p];
    initiativeEntry[a] = holder;
    if (annotation.kind === undefined) {
      ownEntry[a] = -1;
      continue;
    }
    ownEntry[a] = items.length;
    items.push(a);
    parents.push(holder >= 0 ? holder : annotation.section ? sectionEntry.get(annotation.section) ?? -1 : -1);
  }
  return { items, parents };
}

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

  const nested = `# A\n\nlead [x]{.unknown} [[in [5%]{.figure}]{.actor} text]{.initiative #i}\n\n## B {#b}\n\n[[[deep]{.figure}]{.span}]{.initiative}\n\n# C\n\n[after]{.actor}\n`;
  for (const [name, text] of [...texts, ['nested kinds and sections', nested] as [string, string]]) {
    it(`outlineEntries read from the rows is the table the views give: ${name}`, () => {
      const model = parseNotes(text);
      const entries = outlineEntries(model);
      const expected = entriesFromViews(model);
      assert.deepEqual([...entries.items], expected.items);
      assert.deepEqual([...entries.parents], expected.parents);
      // A model that is not the parser's own is read through its views, to the same table.
      const wrapped = { ...model, annotations: model.annotations, allSections: model.allSections, range: model.range.bind(model) } as NotesModel;
      assert.deepEqual([...outlineEntries(wrapped).items], expected.items);
      assert.deepEqual([...outlineEntries(wrapped).parents], expected.parents);
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

    it(`figures --json gives each figure's record as its views tell it: ${name}`, async () => {
      const model = parseNotes(text);
      const finder = initiativeFinder();
      const expected = model.figures.map((figure) => {
        const a = figure.annotation;
        return {
          text: a.plainText, id: a.id ?? null, value: figure.value ?? null, unit: figure.unit ?? null, qualifier: figure.qualifier,
          year: figure.year ?? null, metric: figure.metric ?? null, source: figure.source, initiative: finder(a)?.id ?? null,
          section: a.section?.title ?? null, note: a.attribute('note') ?? null, range: rangeJson(a.range),
        };
      });
      const r = await runCliOn(['figures', '--json', 'n.summit.md'], text);
      assert.deepEqual((JSON.parse(r.out) as { figures: unknown[] }).figures, expected);
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

  /** Whether `bytes`, fed to a NotesBytesCheck `size` bytes at a time (as the file reader does), pass. */
  function passesInPieces(bytes: Uint8Array, size: number): boolean {
    const check = new NotesBytesCheck('f');
    const piece = new Uint8Array(size + 4);
    let held = 0;
    try {
      for (let at = 0; at < bytes.length;) {
        const n = Math.min(size, bytes.length - at);
        piece.set(bytes.subarray(at, at + n), held);
        at += n;
        const length = held + n;
        const whole = check.add(piece, length);
        piece.copyWithin(0, whole, length);
        held = length - whole;
      }
      check.end(held);
      return true;
    } catch (e) {
      if (e instanceof CliError) return false;
      throw e;
    }
  }

  it('checks UTF-8 in pieces as in one step, whatever a piece cuts', () => {
    const encode = (t: string): Uint8Array => new TextEncoder().encode(t);
    const samples: Uint8Array[] = [
      encode('Саммит [€1 млрд]{.figure} 😀 and 中文 text'),
      Uint8Array.from([...encode('ok Я'), 0xd0]),
      Uint8Array.from([...encode('ok'), 0xf0, 0x9f, 0x98]),
      Uint8Array.from([0x61, 0x80, 0x80, 0x80, 0x80, 0x62]),
      Uint8Array.from([...encode('ab'), 0xed, 0xa0, 0x80, ...encode('cd')]),
      Uint8Array.from([0xc3, 0x28, 0x61, 0x62]),
      Uint8Array.from([...encode('x'), 0xf4, 0x90, 0x80, 0x80]),
    ];
    for (const bytes of samples) {
      for (const size of [1, 2, 3, 4, 5, 7, 64]) assert.equal(passesInPieces(bytes, size), isUtf8(bytes), `${Buffer.from(bytes).toString('hex')} in pieces of ${size}`);
    }
  });

  it('reads a file from disk as decodeNotesText reads its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-read-'));
    try {
      const big = 'Строка [5%]{.figure}\n'.repeat(60_000);
      const cases: [string, Uint8Array][] = [
        ['plain', new TextEncoder().encode('# Title\n\nText')],
        ['bom', Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61])],
        ['larger than a read piece', new TextEncoder().encode(big)],
        ['cut at the end', Uint8Array.from([...new TextEncoder().encode(big), 0xd0])],
        ['binary', Uint8Array.from([0x61, 0, 0x62])],
        ['empty', new Uint8Array(0)],
        // Pieces all ASCII, all not, and mixed, with four-byte characters cut by the pieces' ends.
        ['ascii', new TextEncoder().encode('plain [5%]{.figure}\n'.repeat(120_000))],
        ['mixed', new TextEncoder().encode(`${'a'.repeat(1_048_575)}😀${'b'.repeat(1_048_574)}Я${'x😀Я中'.repeat(300_000)}`)],
        // Above 16 MB the file is checked and decoded piece by piece.
        ['larger than the fast decoding', new TextEncoder().encode(`${'Строка [5%]{.figure} 😀\n'.repeat(620_000)}end`)],
      ];
      for (const [name, bytes] of cases) {
        const file = join(dir, `${name}.summit.md`);
        writeFileSync(file, bytes);
        let expected: string;
        try {
          expected = decodeNotesText(bytes, file);
        } catch (e) {
          expected = `refused: ${(e as Error).message}`;
        }
        const got = await readNotesFile(nodeIo, file).catch((e: Error) => `refused: ${e.message}`);
        assert.equal(got, expected, name);
      }
      await assert.rejects(readNotesFile(nodeIo, dir), /is a directory/);
      await assert.rejects(readNotesFile(nodeIo, join(dir, 'missing.md')), /no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a parse keeps a table at least half filled as a view of its filled part, a sparser one as a trimmed copy', () => {
    const table = new IntTable(1024);
    table.reserve(600).fill(7, 0, 600);
    table.length = 600;
    const kept = table.trimmed();
    assert.equal(kept.length, 600);
    // A view: the never-written rest costs no memory, and nothing is copied.
    assert.equal(kept.buffer, table.data.buffer);
    table.length = 100;
    const sparse = table.trimmed();
    assert.equal(sparse.length, 100);
    assert.notEqual(sparse.buffer, table.data.buffer);
    assert.deepEqual([...sparse], new Array<number>(100).fill(7));
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

  it('decodes the fast way (ICU transcoding, Latin-1 for ASCII) exactly as Node decodes UTF-8', () => {
    // ASCII, Latin-1, Cyrillic, CJK, a character outside the BMP, a BOM, line breaks.
    const alphabet = ['a', 'Z', ' ', '\n', '[', '{', 'é', 'ß', 'Я', 'ж', 'ё', '中', '😀', '\ufeff', '€', '₸'];
    const samples = sampleStrings(2000, 40, alphabet, 17);
    samples.push('x'.repeat(70_000), `${'Строка '.repeat(10_000)}😀`);
    for (const text of samples) {
      const bytes = Buffer.from(text, 'utf8');
      assert.equal(decodeNotesText(bytes, 'f'), withoutBom(bytes.toString('utf8')), JSON.stringify(text.slice(0, 40)));
    }
  });
});
