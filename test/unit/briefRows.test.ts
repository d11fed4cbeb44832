/**
 * The brief read from the model's rows (brief/view.ts, what the CLI writes) equals the brief built
 * from the model's objects (brief/build.ts `buildBrief`, what the preview and `renderBrief` use),
 * in every format, on random files of nested initiatives, figures and actors (names, notes, ids,
 * areas in and out of the vocabulary, figures inside actors, inner initiatives, sections); and the
 * annotated text's figure values, looked up through a table of hashes, equal the map of every
 * figure the preview builds (the last figure of a key giving its value).
 */
import * as assert from 'node:assert/strict';
import { parseNotes } from '../../src/core/model';
import { buildBrief } from '../../src/core/brief/build';
import { renderBrief } from '../../src/core/brief/export';
import { renderBriefChunks } from '../../src/core/brief/stream';
import { briefView } from '../../src/core/brief/view';
import { seededRandom } from '../support/random';
import { FigureValueIndex } from '../../src/core/brief/figureValues';
import { markdownEnv } from '../../src/core/brief/html';
import { SUMMIT_ENV_KEY, type SummitMarkdownContext } from '../../src/core/brief/spanMeta';
import { outputLanguage } from '../../src/core/text';

function randomNotes(seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const attrs = (): string => [
    random() < 0.5 ? ` #i${Math.floor(random() * 30)}` : '',
    random() < 0.6 ? ` area=${pick(['trade', 'energy', 'space', ''])}` : '',
    random() < 0.4 ? ` status=${pick(['proposed', 'agreed', 'odd'])}` : '',
    random() < 0.3 ? ` by=${pick(['China', '"New  Delhi"'])}` : '',
    random() < 0.3 ? ` note="${pick(['first', 'second', ''])}"` : '',
  ].join('');
  const span = (depth: number): string => {
    const r = random();
    if (depth > 3 || r < 0.3) return pick(['plain words', 'more\\*text', 'line\nbreak']);
    if (r < 0.5) return `[${pick(['5%', 'about $3 bn', 'no number', '1,5 трлн'])}${random() < 0.3 ? ` ${span(depth + 1)}` : ''}]{.figure${attrs()}${random() < 0.3 ? ' metric="trade volume" year=2024' : ''}${random() < 0.2 ? ' qualifier=about' : ''}}`;
    if (r < 0.7) return `[${pick(['China', 'Prime  Minister', 'India'])}${random() < 0.2 ? ` ${span(depth + 1)}` : ''}]{.actor${random() < 0.4 ? ` name="${pick(['Xi', 'Modi', 'Xi'])}"` : ''}${random() < 0.3 ? ` #a${Math.floor(random() * 5)}` : ''}${random() < 0.3 ? ` note=${pick(['host', 'guest'])}` : ''}}`;
    return `[${span(depth + 1)} and ${span(depth + 1)}]{.initiative${attrs()}}`;
  };
  const parts = [`---\nlanguage: ${seed % 2 ? 'ru' : 'en'}\n${seed % 3 ? 'areas:\n  trade: Trade\n  energy: Energy\n' : ''}---\n`];
  for (let i = 0; i < 40; i++) {
    if (random() < 0.15) parts.push(`\n${'#'.repeat(1 + Math.floor(random() * 3))} Part ${i}${random() < 0.5 ? ` {#p${i}}` : ''}\n\n`);
    parts.push(`${span(0)} ${random() < 0.2 ? `[see](#i${i})` : ''}\n`);
  }
  return parts.join('');
}

describe('the brief read from rows', () => {
  it('equals the brief built from the model’s objects, field by field, on random nested files', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const text = randomNotes(seed);
      const fromObjects = JSON.parse(JSON.stringify(buildBrief(parseNotes(text))));
      const fromRows = JSON.parse(JSON.stringify(briefView(parseNotes(text))));
      assert.deepEqual(fromRows, fromObjects, `seed ${seed}`);
    }
  });

  it('renders every format exactly as renderBrief does', () => {
    for (let seed = 200; seed <= 230; seed++) {
      const text = randomNotes(seed);
      for (const format of ['html', 'md', 'json', 'csv'] as const) {
        assert.equal([...renderBriefChunks(parseNotes(text), format)].join(''), renderBrief(parseNotes(text), format), `seed ${seed}, ${format}`);
      }
    }
  });

  it('reads nested spans: the random files hold initiatives inside initiatives, figures inside actors, and actors by name', () => {
    let inner = 0;
    let named = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const brief = buildBrief(parseNotes(randomNotes(seed)));
      for (const area of brief.areas) for (const i of area.initiatives) if (i.figures.length || i.actors.length) inner++;
      named += brief.actors.filter((a) => a.name === 'Xi' || a.name === 'Modi').length;
    }
    assert.ok(inner > 50 && named > 10, `${inner} initiatives holding spans, ${named} actors by name=`);
  });

  it('looks figure values up as the map of every figure answers, keys shared by figures included', () => {
    let shared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const model = parseNotes(randomNotes(seed));
      const map = (markdownEnv(model, {})[SUMMIT_ENV_KEY] as SummitMarkdownContext).figureValues as ReadonlyMap<string, string>;
      const index = new FigureValueIndex(parseNotes(model.text), outputLanguage(model.language));
      assert.deepEqual([...index.entries()], [...map.entries()], `seed ${seed}`);
      assert.equal(index.size, map.size);
      for (const key of map.keys()) assert.equal(index.get(key), map.get(key));
      assert.equal(index.get('not a figure'), undefined);
      assert.equal(index.has('not a figure'), false);
      shared += model.figures.length - map.size;
    }
    assert.ok(shared > 100, `${shared} figures share a key with another`);
  });
});
