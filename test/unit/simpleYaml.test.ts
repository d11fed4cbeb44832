/**
 * The front matter's fast path (model/simpleYaml.ts) reads what the YAML package reads — the same
 * values and the same node offsets — for every block it takes, and leaves every other block to
 * the package.
 */
import * as assert from 'node:assert/strict';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { parseNotes } from '../../src/core';
import { readSimpleYaml } from '../../src/core/model/simpleYaml';
import { seededRandom } from '../support/random';

/** What the YAML package makes of `source`: its data and each top-level (and nested) value's offsets. */
function viaPackage(source: string): { data: unknown; ranges: [string, number, number][]; problems: number } {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const ranges: [string, number, number][] = [];
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value: unknown }).value);
      const r = (pair.value as Node | null)?.range;
      if (r) ranges.push([key, r[0], r[1]]);
      if (isMap(pair.value)) {
        for (const inner of pair.value.items) {
          const ir = (inner.value as Node | null)?.range;
          if (isScalar(inner.key) && ir) ranges.push([`${key}.${String(inner.key.value)}`, ir[0], ir[1]]);
        }
      }
    }
  }
  return { data: doc.toJS(), ranges, problems: doc.errors.length + doc.warnings.length };
}

function viaFastPath(source: string): { data: unknown; ranges: [string, number, number][] } | undefined {
  const simple = readSimpleYaml(source);
  if (!simple) return undefined;
  const ranges: [string, number, number][] = [];
  for (const e of simple.entries) {
    ranges.push([e.key, e.start, e.end]);
    for (const n of e.nested ?? []) ranges.push([`${e.key}.${n.key}`, n.start, n.end]);
  }
  return { data: simple.data, ranges };
}

const VALUES = [
  'Generated article 7', 'Саммит ШОС 2025', '2025-09-01', '2025-9-1', '12', '0', '007', '1.5', '-3', '+3', '1e3', '0x1F', '.5', '.inf',
  'true', 'True', 'no', 'yes', 'on', 'null', '~', 'Null', 'https://outlet.example.org/a/1?x=1', "Don't stop", 'a: b', 'a:b', 'ends:',
  'a #b', 'a#b', '#c', 'a, b', '[a, b]', '{a: 1}', '"quoted"', "'single'", '&anchor x', '*alias', '!tag x', '|', '>', '%x', '@x',
  '`x`', '- item', '? x', 'x  y', 'x\ty', 'Tianjin, China', 'en', 'RU', 'a - b', 'x=y', 'back\\slash', '99999999999999999999',
];
/** Values the fast path takes: most blocks are made of these, so both paths see many blocks. */
const PLAIN = ['Generated article 7', 'Саммит ШОС 2025', '2025-09-01', '12', '0', 'https://outlet.example.org/a/1?x=1', "Don't stop", 'a:b', 'x  y', 'Tianjin, China', 'en', 'yes', 'a - b', 'back\\slash'];
const KEYS = ['title', 'summit', 'date', 'place', 'language', 'summit-notes', 'x_y', 'true', 'null', '1a', 'Title'];
const NESTED = ['name', 'url', 'published', 'x-y'];

/** True when the fast path takes `source`, after checking it reads what the package reads (values and offsets); false when it leaves it to the package. */
function agreesWhenTaken(source: string): boolean {
  const fast = viaFastPath(source);
  if (!fast) return false;
  const full = viaPackage(source);
  assert.equal(full.problems, 0, `the package found a problem in a block the fast path took:\n${source}`);
  assert.deepEqual(fast, { data: full.data, ranges: full.ranges }, source);
  return true;
}

type Pick = <T>(list: readonly T[]) => T;

/**
 * `blocks` random front matters (seeded), each of one to six entries that `entry` writes for a key
 * drawn mostly from the first seven of KEYS: how many the fast path took (each checked by
 * `agreesWhenTaken`) and how many it left to the package.
 */
function tryRandomBlocks(seed: number, blocks: number, entry: (key: string, lines: string[], random: () => number, pick: Pick) => void): { taken: number; left: number } {
  const random = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)];
  let taken = 0;
  let left = 0;
  for (let n = 0; n < blocks; n++) {
    const lines: string[] = [];
    const count = 1 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) entry(random() < 0.9 ? pick(KEYS.slice(0, 7)) : pick(KEYS), lines, random, pick);
    if (agreesWhenTaken(`${lines.join('\n')}\n`)) taken++;
    else left++;
  }
  return { taken, left };
}

describe('front matter fast path', () => {
  it('reads what the YAML package reads, values and offsets, whenever it takes a block', () => {
    const { taken, left } = tryRandomBlocks(42, 3000, (key, lines, random, pick) => {
      const value = (): string => (random() < 0.85 ? pick(PLAIN) : pick(VALUES));
      const r = random();
      if (r < 0.2) {
        lines.push(`${key}:${random() < 0.2 ? '  ' : ''}`);
        const inner = Math.floor(random() * 3);
        for (let k = 0; k < inner; k++) lines.push(`${random() < 0.95 ? '  ' : '   '}${pick(NESTED)}: ${value()}${random() < 0.2 ? '  ' : ''}`);
      } else if (r < 0.22) lines.push(random() < 0.5 ? '' : `# ${value()}`);
      else lines.push(`${key}:${random() < 0.1 ? '' : ' '.repeat(1 + Math.floor(random() * 2))}${value()}${random() < 0.2 ? ' ' : ''}`);
    });
    assert.ok(taken > 300 && left > 300, `both paths exercised (${taken} taken, ${left} left to the package)`);
  });

  it('reads lists and nested keys as the YAML package does, values and offsets, whenever it takes a block', () => {
    /** Items and keys close to what the fast path takes, and many just beyond it. */
    const ITEMS = [...PLAIN, 'Kassym-Jomart Tokayev', '25th SCO summit', '2025 summit', '12 tonnes', 'a:b', 'a, b', 'x ', '', ' ', '-', '- x', '[x]', '3.5', 'null'];
    const INNER_KEYS = [...NESTED, 'three evils', 'МФЦА', 'Shanghai spirit', 'a b', '1x', '12', 'x:y', '[k]', 'k ', '~', 'null', '<<', '=', 'é', "it's", 'a,b', '"q"'];
    const SEPARATORS = [', ', ',', ' , ', ',  ', ',\t', ', ,'];
    const { taken, left } = tryRandomBlocks(7, 4000, (key, lines, random, pick) => {
      const value = (): string => (random() < 0.8 ? pick(PLAIN) : pick(VALUES));
      const item = (): string => (random() < 0.8 ? pick(PLAIN) : pick(ITEMS));
      const r = random();
      if (r < 0.3) {
        // A flow list on the key's line.
        const items = Array.from({ length: Math.floor(random() * 4) }, item);
        const open = random() < 0.9 ? '[' : '[ ';
        const close = random() < 0.9 ? ']' : random() < 0.5 ? ' ]' : '],';
        lines.push(`${key}: ${open}${items.map((x, k) => (k === 0 ? x : `${random() < 0.85 ? ', ' : pick(SEPARATORS)}${x}`)).join('')}${close}${random() < 0.2 ? '  ' : ''}`);
      } else if (r < 0.55) {
        // A block list under the key.
        lines.push(`${key}:`);
        const indent = random() < 0.7 ? '  ' : '';
        const items = Math.floor(random() * 4);
        for (let k = 0; k < items; k++) {
          const own = random() < 0.93 ? indent : pick(['', '  ', '    ', ' ']);
          lines.push(`${own}-${random() < 0.9 ? ' ' : pick(['', '  '])}${item()}${random() < 0.2 ? ' ' : ''}`);
          if (random() < 0.03) lines.push(pick(['', '  # note', `  ${pick(NESTED)}: x`]));
        }
      } else if (r < 0.8) {
        // A nested mapping with keys beyond the plain ASCII ones.
        lines.push(`${key}:`);
        const inner = Math.floor(random() * 4);
        for (let k = 0; k < inner; k++) lines.push(`  ${random() < 0.7 ? pick(NESTED) : pick(INNER_KEYS)}: ${random() < 0.9 ? value() : `[${item()}]`}`);
      } else lines.push(`${key}: ${value()}`);
    });
    assert.ok(taken > 500 && left > 500, `both paths exercised (${taken} taken, ${left} left to the package)`);
  });

  it('takes front matter written as the samples and the format\'s example write it', () => {
    for (const block of [
      'summit-notes: 1\ntitle: Notes\nsummit: 25th summit\nspeakers:\n  - First Speaker\n  - Second Speaker\nsource:\n  name: Outlet, citing an agency\n  published: 2025-09-01\n' +
        'areas:\n  finance: Finance\nstatuses: [proposed, agreed, done]\nglossary:\n  SCO: Shanghai Cooperation Organisation\n  three evils: terrorism, separatism and extremism\n  МФЦА: финансовый центр\ntags: [SCO, AI, water]\n',
      'speakers: [Касым-Жомарт Токаев]\ntags: []\n',
    ]) {
      const fast = viaFastPath(block);
      assert.ok(fast, block);
      const full = viaPackage(block);
      assert.deepEqual(fast, { data: full.data, ranges: full.ranges });
    }
  });

  it('gives the notes model the same front matter, offsets and diagnostics as the YAML package does', () => {
    const block = ['summit-notes: 1', 'title: Astana notes', 'summit: SCO 2024', 'date: 2024-07-04', 'source:', '  name: Outlet', '  url: https://outlet.example.org/a', 'language: ru', 'areas: finance'];
    const body = '\n# Notes\n\n[Bank]{.initiative area=finance}\n';
    const fast = parseNotes(`---\n${block.join('\n')}\n---\n${body}`);
    // A comment line first: the same YAML, read by the package (the fast path takes no comments), 4 characters later.
    const slow = parseNotes(`---\n# c\n${block.join('\n')}\n---\n${body}`);
    assert.ok(fast.frontMatter && slow.frontMatter);
    const { keyRanges: fastRanges, ...fastRest } = fast.frontMatter;
    const { keyRanges: slowRanges, ...slowRest } = slow.frontMatter;
    assert.deepEqual(fastRest, slowRest);
    const offsets = (m: ReadonlyMap<string, { start: number; end: number }>, shift: number) => [...m].map(([k, r]) => [k, r.start + shift, r.end + shift]);
    assert.deepEqual(offsets(fastRanges, 4), offsets(slowRanges, 0));
    assert.deepEqual(fast.diagnostics.map((d) => [d.code, d.message]), slow.diagnostics.map((d) => [d.code, d.message]));
  });
});
