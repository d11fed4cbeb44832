/**
 * Detection on the shipped samples (samples/*.summit.md, samples/dossier/*.summit.md), as the editor
 * runs it at the default minScore: none of the noise hints they used to show (a verb with only a
 * preposition after it, a lone lowercase head word, a general aim under a "build" trigger, a clause
 * cut by a wrapped line), and the candidate rules behind that on short texts of our own.
 */
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { detectInNotes, suggestInitiatives } from '../../src/core/detect';
import { ruleCandidates } from '../../src/core/detect/initiatives';

const root = join(__dirname, '..', '..', '..');

function samples(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const dir of ['samples', join('samples', 'dossier')]) {
    for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.summit.md')).sort()) {
      out.push({ name: `${dir}/${name}`, text: readFileSync(join(root, dir, name), 'utf8') });
    }
  }
  return out;
}

/** "обсудить на", "открыть в Казахстане", "work on it": a verb, a preposition, at most one word. */
const VERB_AND_PREPOSITION = /^(?:to\s+)?\p{L}+\s+(?:в|во|на|за|при|с|со|до|после|at|in|on|during|by|from|since|with|for|to)(?:\s+\p{L}+)?$/u;
/** "project", "проект": one lowercase word. */
const LONE_WORD = /^\p{Ll}+$/u;

describe('detection on the shipped samples', () => {
  const all = samples();

  it('reads every sample (both Tianjin notes and the dossier)', () => {
    assert.ok(all.length >= 10, String(all.length));
  });

  for (const { name, text } of all) {
    it(`shows no noise hint in ${name}`, () => {
      for (const s of detectInNotes(text).initiatives) {
        const shown = `${JSON.stringify(s.text)} (${s.reason}, ${s.score})`;
        assert.ok(!VERB_AND_PREPOSITION.test(s.text), `verb and preposition: ${shown}`);
        assert.ok(!LONE_WORD.test(s.text), `lone word: ${shown}`);
        assert.ok(!/“build”/u.test(s.reason), `general aim: ${shown}`);
        // "put forward proposals in four fields: security, the economy, high⏎technology …": a clause cut by a wrapped line.
        const cut = /^[ \t]*\r?\n[ \t]*[[«"“(]?\p{Ll}/u.test(text.slice(s.end)) && !/[.!?;:,"”»]$/u.test(s.text);
        assert.ok(!cut, `clause cut by a wrapped line: ${shown}`);
      }
    });
  }

  // Every initiative and figure of the samples is annotated, so the editor shows no hint in them at all.
  for (const { name, text } of all) {
    it(`shows no hint at all in ${name} at the default threshold`, () => {
      const found = detectInNotes(text);
      assert.deepEqual(found.initiatives.map((s) => `${s.text} (${s.score})`), []);
      assert.deepEqual(found.figures.map((f) => f.text), []);
    });
  }
});

describe('initiative candidates that name no object', () => {
  it('a verb and where, cut by a wrapped line, is no suggestion; the object on the same line is', () => {
    const wrapped = 'Токаев предложил открыть в Казахстане\nновый центр по изучению водных проблем.';
    for (const s of suggestInitiatives(wrapped, 'ru', undefined, { minScore: 0 })) {
      assert.ok(!/^открыть в Казахстане$/u.test(s.text), `${JSON.stringify(s.text)} (${s.reason})`);
    }
    const whole = 'Токаев предложил открыть в Казахстане новый центр по изучению водных проблем.';
    assert.ok(suggestInitiatives(whole, 'ru', undefined, { minScore: 0 }).some((s) => s.text.includes('центр')));
  });

  it('a clause cut by a wrapped line gives no rule candidate; on one line, or before a capitalised line, it does', () => {
    const head = 'Tokayev spoke at the summit and put forward proposals in four fields: security, the economy, high';
    const spans = (text: string): string[] => ruleCandidates(text, 'en').map((c) => text.slice(c.start, c.end));
    assert.ok(!spans(`${head}\ntechnology and humanitarian ties.`).some((s) => s.endsWith('high')));
    assert.ok(spans(`${head} technology and humanitarian ties.`).some((s) => s.endsWith('humanitarian ties')));
    const title = 'READ MORE: Russia and Greece sign a new gas pipeline deal\nThe deal was signed in June.';
    assert.ok(spans(title).some((s) => s.endsWith('gas pipeline deal')), spans(title).join(' | '));
  });

  it('"обсудить на" at the end of a line is no candidate', () => {
    const text = 'Стратегию предложено обсудить на\nфоруме в Актау.';
    for (const s of suggestInitiatives(text, 'ru', undefined, { minScore: 0 })) assert.notStrictEqual(s.text, 'обсудить на');
  });
});
