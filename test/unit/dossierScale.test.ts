/**
 * The dossier at workspace scale: suggested links when one wording is repeated in many files (the
 * best fifty are picked without listing every pair, and must be the ones a full sort would give),
 * and the dossier written in pieces (every format the same text as the whole render, no piece
 * much larger than OUTPUT_PIECE).
 */
import * as assert from 'node:assert/strict';
import {
  buildDossier, buildWorkspace, compareNames, DOSSIER_FORMATS, MAX_SUGGESTIONS, OUTPUT_PIECE, renderDossier, renderDossierChunks,
  renderDossierJson, suggestionsFor, type InitiativeMention, type LinkSuggestion, type NotesSource, type Workspace,
} from '../../src/core';
import { fixtureWorkspace, notes } from './dossierSupport';

/** Wordings that pass the bar against "SCO Development Bank": scores 1, 0.75, 0.6 and 0.75. */
const WORDINGS = [
  '[the SCO Development Bank]{.initiative}',
  '[a new SCO Development Bank]{.initiative}',
  '[SCO Development Bank capital fund]{.initiative}',
  '[SCO Development Bank loans]{.initiative}',
];

/** A deterministic shuffle, so files reach the workspace out of path order. */
function shuffled<T>(items: T[]): T[] {
  let seed = 7;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function crowdedWorkspace(): Workspace {
  const sources: NotesSource[] = [{ path: 'a-tracked.summit.md', text: notes({ date: '2024-01-01' }, '[SCO Development Bank]{.initiative track=sco-bank}') }];
  for (let i = 0; i < 160; i++) {
    // One to three wordings a file, some twice: the best score is rare (23 mentions, all taken), and
    // the fifty are filled from the two wordings of the next score, which meet in files and across them.
    const lines = [WORDINGS[1 + (i % 3)], i % 7 === 0 ? WORDINGS[0] : '', i % 5 === 0 ? WORDINGS[1 + (i % 3)] : ''].filter(Boolean);
    sources.push({ path: `n${String(i * 37 % 160).padStart(3, '0')}.summit.md`, text: notes({ date: '2024-02-01' }, ...lines) });
  }
  return buildWorkspace(shuffled(sources));
}

/** What the suggestions must be: every pair scored, sorted by score, path and offset, cut. */
function expected(ws: Workspace, asking: InitiativeMention, shown: (m: InitiativeMention) => boolean): [string, number, number][] {
  const pairs: [string, number, number][] = [];
  for (const file of ws.files.values()) {
    for (const m of file.initiatives) {
      const verdict = shown(m) ? compareNames(asking, m) : undefined;
      if (verdict) pairs.push([m.path, m.start, verdict.score]);
    }
  }
  pairs.sort((x, y) => y[2] - x[2] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
  return pairs.slice(0, MAX_SUGGESTIONS);
}

const placeAndScore = (s: LinkSuggestion): [string, number, number] => [s.path, s.start, s.score];

describe('dossier at workspace scale', () => {
  it('suggests the best fifty of hundreds of repeated wordings, by score then place (the dossier\'s untracked suggestions)', () => {
    const ws = crowdedWorkspace();
    const tracked = ws.files.get('a-tracked.summit.md')?.initiatives[0];
    assert.ok(tracked);
    const initiative = buildDossier(ws).initiatives.find((i) => i.key === 'sco-bank');
    assert.ok(initiative);
    const want = expected(ws, tracked, (m) => m.path !== tracked.path && m.track === undefined);
    assert.equal(want.length, MAX_SUGGESTIONS);
    assert.ok(new Set(want.map((w) => w[2])).size > 1, 'more than one score among the fifty');
    assert.deepEqual(initiative.suggested.map(placeAndScore), want);
  });

  it('suggests the best fifty for one mention too (the editor\'s hover), leaving out its own file', () => {
    const ws = crowdedWorkspace();
    const asking = ws.files.get('n000.summit.md')?.initiatives[0];
    assert.ok(asking);
    const want = expected(ws, asking, (m) => m.path !== asking.path && (m.track === undefined || asking.track === undefined));
    assert.equal(want.length, MAX_SUGGESTIONS);
    assert.deepEqual(suggestionsFor(ws, asking).map(placeAndScore), want);
  });

  it('renders every format in pieces that join to the whole render', () => {
    const dossier = buildDossier(buildWorkspace(fixtureWorkspace()));
    for (const format of DOSSIER_FORMATS) {
      assert.equal([...renderDossierChunks(dossier, format)].join(''), renderDossier(dossier, format), format);
    }
    assert.equal(renderDossier(dossier, 'json'), renderDossierJson(dossier));
  });

  it('never makes a piece much larger than OUTPUT_PIECE, however large the dossier', function () {
    this.timeout(60000);
    const sources: NotesSource[] = [];
    for (let i = 0; i < 400; i++) {
      const body = Array.from({ length: 10 }, (_, k) => `[Item ${k} of the fund, mention ${i}]{.initiative track=key-${k}} and [${i + k}%]{.figure metric=share-${k}}`);
      sources.push({ path: `f${i}.summit.md`, text: notes({ date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` }, ...body) });
    }
    const dossier = buildDossier(buildWorkspace(sources));
    for (const format of DOSSIER_FORMATS) {
      const pieces = [...renderDossierChunks(dossier, format)];
      const total = pieces.reduce((n, p) => n + p.length, 0);
      assert.ok(total > 20 * OUTPUT_PIECE, `${format}: a large dossier (${total} characters)`);
      const largest = Math.max(...pieces.map((p) => p.length));
      assert.ok(largest < 2 * OUTPUT_PIECE, `${format}: largest piece ${largest} characters`);
    }
  });
});
