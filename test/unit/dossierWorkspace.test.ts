/**
 * The workspace model kept up to date file by file (`updateFile`, `removeFile`, `renameFile`)
 * equals the workspace built afresh from the same files, whatever the order of the changes:
 * files, both merged indexes and both orders, compared as data. And the sweep that finds a large
 * group's disagreeing figures gives what comparing every pair gives.
 */
import * as assert from 'node:assert/strict';
import {
  buildWorkspace, compareMentions, disagreeingValues, fromFiles, parseNotes, removeFile, renameFile, summariseFile, updateFile,
  type ComparableValue, type Workspace, type WorkspaceFile,
} from '../../src/core';
import { disagreeingValuesByPairs } from '../../src/core/dossier/precision';
import { seededRandom } from '../support/random';
import { notes } from './dossierSupport';

/** The workspace as plain data: maps as sorted entry lists, so a difference reads in the message. */
function plain(ws: Workspace): unknown {
  const entries = <T>(m: ReadonlyMap<string, T>): [string, T][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: entries(ws.files), tracks: entries(ws.tracks), metrics: entries(ws.metrics), metricOrder: ws.metricOrder, fileOrder: ws.fileOrder };
}

describe('dossier workspace', () => {
  it('kept up to date over random edits, creations, removals and renames, equals a fresh buildWorkspace', () => {
    const random = seededRandom(1717);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const statuses = ['proposed', 'agreed', 'launched', 'done'];
    const keys = ['sco-bank', 'SCO-Bank', 'water-centre', 'ai-forum', '9bad', 'transit'];
    const metrics = ['trade volume', 'Trade  Volume', 'investment', 'members'];
    const actors = ['Kazakhstan', 'China', 'Казахстан', 'India'];
    const paragraph = (): string => {
      const parts: string[] = [];
      const n = Math.floor(random() * 4);
      for (let k = 0; k < n; k++) {
        const track = random() < 0.6 ? ` track=${pick(keys)}` : '';
        const actor = random() < 0.5 ? ` with [${pick(actors)}]{.actor}` : '';
        const figure = random() < 0.7 ? ` worth [${1 + Math.floor(random() * 900)} billion dollars]{.figure metric="${pick(metrics)}" year=${2023 + Math.floor(random() * 3)}}` : '';
        parts.push(`[bank ${k}${actor}${figure}]{.initiative${track} status=${pick(statuses)} area=finance by="${pick(actors)}"}`);
      }
      if (random() < 0.3) parts.push(`[${pick(['банк ШОС', 'water centre'])}]{.initiative}`);
      if (random() < 0.3) parts.push(`[about ${Math.floor(random() * 50)}%]{.figure metric="${pick(metrics)}"}`);
      if (random() < 0.1) parts.push(`[stray]{.actor track=${pick(keys)}}`);
      return parts.join(' ');
    };
    const make = (): string => {
      const year = 2023 + Math.floor(random() * 3);
      const date = random() < 0.1 ? undefined : `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
      const body = Array.from({ length: 1 + Math.floor(random() * 3) }, paragraph);
      return notes({ date, summit: `Summit ${year}`, language: random() < 0.5 ? 'ru' : 'en', source: 'Outlet', url: 'https://example.org/a' }, ...body);
    };
    /** A small edit inside a file's text: a status, a key, a figure's metric or value, a paragraph added or dropped. */
    const edit = (text: string): string => {
      switch (Math.floor(random() * 5)) {
        case 0: return text.replace(/status=\w+/, `status=${pick(statuses)}`);
        case 1: return text.replace(/track=[^\s}]+/, `track=${pick(keys)}`);
        case 2: return text.replace(/metric="[^"]*"/, `metric="${pick(metrics)}"`);
        case 3: return text.replace(/\d+ billion/, `${Math.floor(random() * 900)} billion`);
        default: return random() < 0.5 ? `${text}\n${paragraph()}\n` : text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);
      }
    };

    const current = new Map<string, string>();
    for (let i = 0; i < 10; i++) current.set(`f${i}.summit.md`, make());
    let ws = buildWorkspace([...current].map(([path, text]) => ({ path, text })));
    for (let step = 0; step < 60; step++) {
      const path = `f${Math.floor(random() * 13)}.summit.md`;
      const r = random();
      if (r < 0.15) {
        current.delete(path);
        ws = removeFile(ws, path);
      } else if (r < 0.3 && current.has(path)) {
        const to = `g${step}.summit.md`;
        current.set(to, current.get(path) as string);
        current.delete(path);
        ws = renameFile(ws, path, to);
      } else {
        const old = current.get(path);
        const text = old === undefined || random() < 0.2 ? make() : edit(old);
        current.set(path, text);
        ws = updateFile(ws, path, parseNotes(text));
      }
      const fresh = buildWorkspace([...current].map(([p, text]) => ({ path: p, text })));
      assert.deepEqual(plain(ws), plain(fresh), `step ${step}`);
    }
    assert.ok(ws.tracks.size > 0 && ws.metrics.size > 0, 'the edits kept some keys and metrics to compare');
  });

  it('merges files given in any order, and summaries whose mentions are out of order, into lists in mention order', () => {
    const body = '[SCO bank]{.initiative track=bank} [5 bn dollars]{.figure metric=m year=2024} [7 bn dollars]{.figure metric=m year=2024}';
    const summaries = ['2025-01-01', undefined, '2023-05-05', '2024-02-02', '2023-05-05'].map((date, i) => summariseFile(`f${i}.summit.md`, parseNotes(notes({ date }, body, body))));
    // A summary made elsewhere may list its mentions in another order: the merge must not rely on it.
    const shuffled: WorkspaceFile = { ...summaries[3], initiatives: [...summaries[3].initiatives].reverse(), figures: [...summaries[3].figures].reverse() };
    const ws = fromFiles(new Map([...summaries.slice(0, 3), shuffled, summaries[4]].reverse().map((f) => [f.path, f])));
    for (const list of [...ws.tracks.values(), ...ws.metrics.values()]) {
      assert.ok(list.length > 1);
      for (let i = 1; i < list.length; i++) assert.ok(compareMentions(list[i - 1], list[i]) < 0, `${list[i - 1].path}@${list[i - 1].start} before ${list[i].path}@${list[i].start}`);
    }
    assert.deepEqual(ws.fileOrder, ['f2.summit.md', 'f4.summit.md', 'f3.summit.md', 'f0.summit.md', 'f1.summit.md']);
  });

  it('finds the same disagreeing figures as comparing every pair, in groups of every size', () => {
    const random = seededRandom(99);
    const qualifiers: ComparableValue['qualifier'][] = [null, null, null, 'about', 'more_than', 'less_than', 'up_to', 'at_least'];
    for (let round = 0; round < 400; round++) {
      const n = round < 300 ? Math.floor(random() * 12) : 50 + Math.floor(random() * 150);
      const values: ComparableValue[] = [];
      for (let i = 0; i < n; i++) {
        // Values near one another (so that many pairs agree), some far, some negative or zero.
        const base = random() < 0.1 ? 0 : (random() < 0.1 ? -1 : 1) * Math.round(100 + random() * (random() < 0.5 ? 5 : 900)) * 1e9;
        const step = random() < 0.3 ? 0 : 10 ** Math.floor(6 + random() * 5);
        const value: ComparableValue = { value: base, unit: random() < 0.8 ? 'USD' : 'RUB', step, qualifier: qualifiers[Math.floor(random() * qualifiers.length)] };
        values.push(random() < 0.1 ? { ...value, min: base - Math.round(random() * 50) * 1e9 } : value);
      }
      assert.deepEqual(disagreeingValues(values), disagreeingValuesByPairs(values), `round ${round}`);
    }
  });
});
