/**
 * `updateDetection` (the editor's hints after each keystroke) must find exactly what
 * `detectInNotes` finds on the whole text: chained random edits on generated notes in both
 * languages and on the samples, most of them typing prose (so the partial path runs, and the test
 * checks that it does), the rest markup, line breaks, fences, comments and front matter.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseNotes } from '../../src/core';
import { detectInNotes } from '../../src/core/detect';
import { updateDetection, type DetectionEdit } from '../../src/core/detect/update';
import { generateNotes } from '../../bench/generate';
import { seededRandom as random } from '../support/random';

const PROSE = ['a', 'x', 'я', 'Б', '5', '0', ' ', '12', 'млрд', ' 7', ' $40 bn', ' 30%', ' proposed to create a fund', ' предложил создать фонд', '. The', ', 2 000 тонн'];
const MARKUP = ['[', ']', '{', '}', '#', '\n', '\n\n', '`', '```\n', '~~~\n', '<!--', '-->', '---\n', '* ', '1. ', ':\n', '    ', '\r\n', '[x]{.figure}'];

function randomEdit(text: string, next: () => number, proseShare: number): DetectionEdit {
  const offset = Math.floor(next() * (text.length + 1));
  const deleted = next() < 0.6 ? 0 : Math.min(text.length - offset, 1 + Math.floor(next() * 6));
  const pool = next() < proseShare ? PROSE : MARKUP;
  const inserted = deleted > 0 && next() < 0.5 ? '' : pool[Math.floor(next() * pool.length)];
  return { offset, deleted, inserted };
}

function apply(text: string, e: DetectionEdit): string {
  return text.slice(0, e.offset) + e.inserted + text.slice(e.offset + e.deleted);
}

/** Chained batches of 1–3 edits; returns how many updates read only a stretch again. */
function session(start: string, steps: number, seed: number, proseShare: number): number {
  const next = random(seed);
  let text = start;
  let detection = detectInNotes(text, { model: parseNotes(text) });
  let partial = 0;
  for (let k = 0; k < steps; k++) {
    const before = text;
    const edits: DetectionEdit[] = [];
    const count = next() < 0.8 ? 1 : 2 + Math.floor(next() * 2);
    for (let i = 0; i < count; i++) {
      const e = randomEdit(text, next, proseShare);
      edits.push(e);
      text = apply(text, e);
    }
    const model = parseNotes(text);
    const update = updateDetection(detection, before, edits, model);
    const expected = detectInNotes(text, { model });
    const where = `step ${k} ${JSON.stringify(edits)} (seed ${seed})`;
    assert.strictEqual(update.detection.language, expected.language, where);
    assert.deepStrictEqual(update.detection.figures, expected.figures, where);
    assert.deepStrictEqual(update.detection.initiatives, expected.initiatives, where);
    if (update.reread) partial++;
    detection = update.detection;
  }
  return partial;
}

describe('updateDetection after random edits', function () {
  // Hundreds of whole-text detections to compare with: generous on a loaded machine, still a bound.
  this.timeout(180_000);

  it('equals detectInNotes on generated notes in English and Russian', () => {
    for (const [i, language] of (['en', 'ru'] as const).entries()) {
      const text = generateNotes({ bytes: 40_000, language, seed: 11 + i });
      const partial = session(text, 250, 300 + i, 0.8);
      assert.ok(partial > 100, `${language}: only ${partial} of 250 updates read a stretch`);
    }
  });

  it('equals detectInNotes on the samples, also with markup edits', () => {
    for (const [i, name] of ['sco-tianjin-2025.en.summit.md', 'sco-tianjin-2025.ru.summit.md'].entries()) {
      const text = readFileSync(join(__dirname, '..', '..', '..', 'samples', name), 'utf8');
      session(text, 150, 400 + i, 0.5);
    }
  });

  it('reads only the paragraph around a keystroke in a long file', () => {
    const text = generateNotes({ bytes: 200_000, language: 'en', seed: 5 });
    const model = parseNotes(text);
    const detection = detectInNotes(text, { model });
    const at = text.indexOf('\n\n', 100_000) - 1;
    const edit = { offset: at, deleted: 0, inserted: ' and 45 countries' };
    const after = apply(text, edit);
    const update = updateDetection(detection, text, [edit], parseNotes(after));
    assert.ok(update.reread && update.reread.end - update.reread.start < 5_000, JSON.stringify(update.reread));
    assert.ok(update.detection.figures.some((f) => f.text.includes('45 countries')));
  });
});
