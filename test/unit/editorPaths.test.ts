/**
 * The editor's fast paths over the model must give what the model itself gives: the position
 * cursor against `positionAt`, the flat outline and its swept positions against `buildOutline`
 * and each range's own positions, the highlighting of a stretch against a filter over every
 * annotation, the overview-ruler runs against every annotation's lines, and the workspace symbol
 * entries. On the parse fixtures, on generated notes, and on texts with CRLF and lone CR breaks.
 */
import * as assert from 'assert';
import { buildOutline, parseNotes, type NotesModel, type OutlineNode } from '../../src/core';
import { allHighlights, highlightsIn, highlightStyle, rulerMarks, type HighlightRanges } from '../../src/core/editor/highlights';
import { lineStarts, PositionCursor } from '../../src/core/editor/linePositions';
import { limitOutline, outlineEntries, outlinePositions, POSITION_STRIDE } from '../../src/core/editor/outline';
import { matchesQuery, workspaceSymbolEntries } from '../../src/core/editor/symbolEntries';
import { actorMentions, figuresOfMetric, proposalsBy } from '../../src/core/editor/lookups';
import { generateNotes } from '../../bench/generate';
import { seededRandom as random } from '../support/random';
import { fixtureNames, readFixture } from './parseSupport';

const NOTES = [
  '---', 'title: T', 'areas:', '  ports: Ports', '---', '',
  '[early]{.actor}', '',
  '# Trade {#trade}', '',
  '[A ferry line with [120 million euros]{.figure metric="budget" year=2027} and [Nordland]{.actor}]{.initiative #ferry area=ports status=agreed by=Nordland}',
  'spoke [on two',
  'lines]{.initiative #long status=rejected} and [loose]{.figure metric="budget"} and [plain]{.note}.',
  '', '## Detail', '', '[Nordland]{.actor} proposed [a fund]{.initiative #fund by=nordland}. See [the ferry](#ferry).', '',
].join('\n');

function texts(): { name: string; text: string }[] {
  const out = [
    { name: 'inline', text: NOTES },
    { name: 'crlf', text: NOTES.replace(/\n/g, '\r\n') },
    { name: 'lone cr', text: NOTES.replace(/\n/g, '\r') },
    { name: 'generated en', text: generateNotes({ bytes: 60_000, language: 'en', seed: 3 }) },
    { name: 'generated ru', text: generateNotes({ bytes: 60_000, language: 'ru', seed: 4 }) },
  ];
  for (const name of fixtureNames()) out.push({ name, text: readFixture(name) });
  return out;
}

describe('position cursor', () => {
  it('gives what positionAt gives, in order, backwards and at random', () => {
    for (const { name, text } of texts()) {
      const model = parseNotes(text);
      const offsets = Array.from({ length: text.length + 2 }, (_, i) => i - 1);
      const next = random(7);
      const shuffled = offsets.map((o) => [next(), o]).sort((a, b) => a[0] - b[0]).map(([, o]) => o);
      for (const order of [offsets, [...offsets].reverse(), shuffled]) {
        const cursor = PositionCursor.of(model);
        for (const offset of order) assert.deepStrictEqual(cursor.positionAt(offset), model.positionAt(offset), `${name} @${offset}`);
      }
      assert.strictEqual(lineStarts(model).length, model.positionAt(text.length).line + 1, name);
    }
  });
});

function flatten(nodes: readonly OutlineNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${depth}:${n.kind}:${n.label}`);
    flatten(n.children, depth + 1, out);
  }
  return out;
}

describe('flat outline', () => {
  it('lists the nodes of buildOutline in pre-order, with parents, and swept positions equal to each range\'s own', () => {
    for (const { name, text } of texts()) {
      const model = parseNotes(text);
      const entries = outlineEntries(model);
      const depths: number[] = [];
      const labels: string[] = [];
      for (let i = 0; i < entries.length; i++) {
        const parent = entries.parents[i];
        assert.ok(parent < i, `${name}: a parent comes first`);
        depths.push(parent < 0 ? 0 : depths[parent] + 1);
        const item = entries.items[i];
        const label = item >= 0 ? `${model.annotations[item].kind}:${model.annotations[item].plainText.trim()}` : `section:${model.allSections[-1 - item].title || '(untitled)'}`;
        labels.push(`${depths[i]}:${label}`);
      }
      assert.deepStrictEqual(labels, flatten(buildOutline(model)), name);
      const p = outlinePositions(model, entries);
      for (let i = 0; i < entries.length; i++) {
        const item = entries.items[i];
        const range = item >= 0 ? model.annotations[item].range : model.allSections[-1 - item].range;
        const selection = item >= 0 ? model.annotations[item].contentRange : model.allSections[-1 - item].headingRange;
        const k = i * POSITION_STRIDE;
        const at = (j: number): { line: number; character: number } => ({ line: p[k + j], character: p[k + j + 1] });
        assert.deepStrictEqual([at(0), at(2)], [range.startPosition, range.endPosition], `${name} entry ${i}`);
        const inside = selection.start >= range.start && selection.end <= range.end;
        assert.deepStrictEqual([at(4), at(6)], inside ? [selection.startPosition, selection.endPosition] : [range.startPosition, range.endPosition], `${name} entry ${i}`);
      }
    }
  });

  it('within a limit keeps everything, then sections and initiatives, then sections', () => {
    const model = parseNotes(NOTES);
    const entries = outlineEntries(model);
    assert.strictEqual(limitOutline(model, entries, 0).depth, 'all');
    assert.strictEqual(limitOutline(model, entries, entries.length).depth, 'all');
    const kindsOf = (e: { length: number; items: Int32Array; parents: Int32Array }): string[] =>
      Array.from(e.items, (item, i) => `${e.parents[i]}:${item >= 0 ? model.annotations[item].kind : model.allSections[-1 - item].title}`);
    const initiatives = limitOutline(model, entries, 5);
    assert.strictEqual(initiatives.depth, 'initiatives');
    assert.deepStrictEqual(kindsOf(initiatives.entries), ['-1:Trade', '0:initiative', '0:initiative', '0:Detail', '3:initiative']);
    const sections = limitOutline(model, entries, 3);
    assert.strictEqual(sections.depth, 'sections');
    assert.deepStrictEqual(kindsOf(sections.entries), ['-1:Trade', '0:Detail']);
  });
});

function pairs(ranges: HighlightRanges): string[] {
  return Object.entries(ranges).flatMap(([style, flat]) => {
    const out: string[] = [];
    for (let i = 0; i < flat.length; i += 2) out.push(`${style}:${flat[i]}-${flat[i + 1]}`);
    return out;
  }).sort();
}

/** What a stretch must show: every kind of annotation's text and block that reaches into it. */
function expected(model: NotesModel, from: number, to: number): string[] {
  const out: string[] = [];
  for (const a of model.annotations) {
    const style = highlightStyle(a);
    if (!style) continue;
    if (a.contentRange.start < to && a.contentRange.end > from) out.push(`${style}:${a.contentRange.start}-${a.contentRange.end}`);
    const b = a.attributeRange;
    if (b.end > b.start && b.start < to && b.end > from) out.push(`attributes:${b.start}-${b.end}`);
  }
  return out.sort();
}

describe('highlighting', () => {
  it('styles initiatives by status, and figures and actors by kind', () => {
    const model = parseNotes(NOTES);
    const byId = (id: string) => model.annotations.find((a) => a.id === id);
    assert.strictEqual(highlightStyle(byId('ferry') ?? model.annotations[0]), 'initiativeSettled');
    assert.strictEqual(highlightStyle(byId('long') ?? model.annotations[0]), 'initiativeRejected');
    assert.strictEqual(highlightStyle(byId('fund') ?? model.annotations[0]), 'initiativeOpen');
    assert.strictEqual(highlightStyle(model.annotations.find((a) => a.plainText === 'plain') ?? model.annotations[0]), undefined);
  });

  it('finds in a stretch exactly the annotations reaching into it, nested and multi-line ones too', () => {
    for (const { name, text } of texts()) {
      const model = parseNotes(text);
      assert.deepStrictEqual(pairs(allHighlights(model)), expected(model, 0, text.length + 1), name);
      const next = random(11);
      for (let k = 0; k < 40; k++) {
        const from = Math.floor(next() * text.length);
        const to = from + Math.floor(next() * 600);
        assert.deepStrictEqual(pairs(highlightsIn(model, from, to)), expected(model, from, to), `${name} [${from}, ${to})`);
      }
    }
  });

  it('marks the overview ruler with runs covering every annotation line, merged across small gaps', () => {
    for (const { name, text } of texts()) {
      const model = parseNotes(text);
      for (const gap of [0, 3]) {
        const marks = rulerMarks(model, gap);
        for (const a of model.annotations) {
          if (!a.kind) continue;
          const runs = marks[a.kind];
          const line = a.range.startPosition.line;
          let covered = false;
          for (let i = 0; i < runs.length; i += 2) if (runs[i] <= line && line <= runs[i + 1]) covered = true;
          assert.ok(covered, `${name}: line ${line} of ${a.kind} (gap ${gap})`);
        }
        for (const runs of Object.values(marks)) {
          for (let i = 2; i < runs.length; i += 2) assert.ok(runs[i] > runs[i - 1] + gap + 1, `${name}: runs apart by more than the gap`);
        }
      }
    }
  });
});

describe('workspace symbol entries', () => {
  it('lists ids of annotations and headings with the text the picker matches', () => {
    const model = parseNotes(NOTES);
    const entries = workspaceSymbolEntries(model);
    assert.deepStrictEqual(entries.map((e) => [e.label, e.kind, e.container]), [
      ['#ferry A ferry line with 120 million euros and Nordland', 'initiative', 'Trade'],
      ['#long on two lines', 'initiative', 'Trade'],
      ['#fund a fund', 'initiative', 'Detail'],
      ['#trade Trade', 'section', ''],
    ]);
    const ferry = entries[0];
    assert.strictEqual(NOTES.slice(ferry.start, ferry.end).startsWith('[A ferry line'), true);
    assert.ok(matchesQuery('fry', ferry.lowerLabel));
    assert.ok(!matchesQuery('yrf', ferry.lowerLabel));
  });
});

describe('per-model lookups for hovers', () => {
  it('find figures of a metric, actor mentions and proposals, each built on first use', () => {
    const model = parseNotes(NOTES);
    assert.deepStrictEqual(figuresOfMetric(model, ' Budget ').map((f) => f.annotation.plainText), ['120 million euros', 'loose']);
    assert.strictEqual(actorMentions(model, 'nordland').length, 2);
    assert.deepStrictEqual(proposalsBy(model, 'NORDLAND').map((a) => a.id), ['ferry', 'fund']);
    assert.deepStrictEqual(figuresOfMetric(model, 'nothing'), []);
  });
});
