/**
 * Class names and keys of attribute blocks as the scanner reads them. The scanner first tries the
 * name it last met with the same first letter, compared in place (model/attributes.ts `guessAt`),
 * and reads the name character by character otherwise; both must give the name as written. Blocks
 * here are made of names that share first letters and prefixes (`fig`, `figure`, `figures`,
 * `y`, `year`, `years`, Cyrillic ones), so the first try is often wrong by a little.
 */
import * as assert from 'node:assert/strict';
import { parseNotes } from '../../src/core';
import { seededRandom } from '../support/random';

const CLASSES = ['figure', 'fig', 'figures', 'f', 'initiative', 'init', 'actor', 'act', 'фигура', 'фиг', 'note', 'n-1', 'figure.x'];
const KEYS = ['metric', 'metrics', 'm', 'met', 'year', 'years', 'y', 'area', 'areas', 'a', 'status', 'st', 'ключ', 'ключи', 'by', 'b'];

describe('attribute names read by the scanner', () => {
  it('are the names as written, however the names before them began', () => {
    const random = seededRandom(1747);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    for (let file = 0; file < 30; file++) {
      const expected: { classes: string[]; attributes: [string, string][] }[] = [];
      const spans: string[] = [];
      for (let s = 0; s < 40; s++) {
        const classes: string[] = [];
        const attributes: [string, string][] = [];
        const tokens: string[] = [];
        for (let t = 1 + Math.floor(random() * 6); t > 0; t--) {
          if (random() < 0.4) {
            const name = pick(CLASSES);
            classes.push(name);
            tokens.push(`.${name}`);
          } else {
            const key = pick(KEYS);
            const value = `v${Math.floor(random() * 9)}`;
            attributes.push([key, value]);
            tokens.push(random() < 0.5 ? `${key}=${value}` : `${key}="${value}"`);
          }
        }
        expected.push({ classes, attributes });
        // Sometimes the block ends right after a name (no space before `}`).
        spans.push(`[span ${s}]{${tokens.join(random() < 0.8 ? ' ' : '  ')}}`);
      }
      const model = parseNotes(`---\nsummit-notes: 1\n---\n\n${spans.join(random() < 0.5 ? '\n\n' : ' ')}\n`);
      assert.equal(model.annotations.length, expected.length, `file ${file}`);
      model.annotations.forEach((a, i) => {
        assert.deepEqual([...a.classes], expected[i].classes, `file ${file}, span ${i}`);
        assert.deepEqual(a.attributes.map(([k, v]) => [k, v]), expected[i].attributes, `file ${file}, span ${i}`);
      });
    }
  });

  it('are whole names: a known name followed by more name characters is another name', () => {
    const model = parseNotes('---\nsummit-notes: 1\n---\n\n[a]{.figure year=1} [b]{.figures years=2} [c]{.figure.x year:x=3} [d]{.figureя yearя=4}\n');
    assert.deepEqual(model.annotations.map((a) => [[...a.classes], a.attributes.map(([k]) => k)]), [
      [['figure'], ['year']], [['figures'], ['years']], [['figure.x'], ['year:x']], [['figureя'], ['yearя']],
    ]);
  });
});
