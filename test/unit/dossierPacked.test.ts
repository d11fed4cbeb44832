/**
 * A workspace file keeps its mentions packed (dossier/packed.ts) and makes their objects when they
 * are read; the workspace's figures by metric are made when a metric's list is first read. What a
 * reader sees is the same however and in whatever order it reads: the same objects each time,
 * the same lists in every workspace that shares them, the same data as a summary kept as objects.
 */
import * as assert from 'node:assert/strict';
import {
  buildDossier, buildWorkspace, fromFiles, parseNotes, plainTextFrom, readFigureFacts, renameFile, SpanRows, summariseFile, updateFile,
  type SpanFigureFacts, type SpanFigureText, type WorkspaceFile,
} from '../../src/core';
import { fixtureWorkspace, notes } from './dossierSupport';

/** The summary as data (JSON through its getters; undefined kept visible). */
function data(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '\u0000undefined' : v)));
}

const TEXT = notes(
  { date: '2024-05-01', summit: 'Astana 2024' },
  '[a development bank with [China]{.actor} worth [about 5 bn dollars]{.figure #f1 metric="capital" year=2024}]{.initiative #bank track=sco-bank status=agreed area=finance by=Kazakhstan}',
  '[a water centre]{.initiative #water status=proposed} and [12%]{.figure metric="trade growth" year=2023}, [3 to 4 trillion roubles]{.figure metric=capital year=2024}',
  '[an untracked forum]{.initiative} with [a figure of no metric: 7]{.figure}',
);

describe('dossier packed summaries', () => {
  it('reads a figure later from its facts (text and attributes as written) as the rows read it at once', () => {
    const values = ['650e9', '1e400', 'about 5', '" 7\\.5 "', 'x'];
    const units = ['"bn \\"USD\\""', 'тонн', '" "', 'percent'];
    const years = ['2024', '" 2026 "', '2\\027', '20x5', ''];
    const qualifiers = ['about', '" up_to "', 'odd'];
    const texts = ['about 5 bn dollars', 'более 650 млрд рублей', '3 to 4 trillion roubles', '12%', 'no number', 'до 2,5 тыс. тонн'];
    const lines: string[] = [];
    let n = 0;
    for (const text of texts) {
      for (const value of ['', ...values]) {
        const k = n++;
        const attrs = [`.figure metric=m`, value && `value=${value}`, k % 2 ? `unit=${units[k % units.length]}` : '', `year=${years[k % years.length]}`, k % 3 ? `qualifier=${qualifiers[k % qualifiers.length]}` : ''];
        lines.push(`[${text}]{${attrs.filter((a) => a).join(' ')}}`);
      }
    }
    const sources = [...fixtureWorkspace().map((f) => f.text), notes({ language: 'ru' }, ...lines), notes({ language: 'en' }, ...lines)];
    let figures = 0;
    for (const text of sources) {
      const model = parseNotes(text);
      const rows = new SpanRows(model);
      for (let row = 0; row < rows.count; row++) {
        const facts: SpanFigureFacts = { text: '', value: undefined, unit: undefined, year: undefined, qualifier: undefined };
        const now: SpanFigureText = { reading: { value: undefined, unit: undefined, qualifier: null, year: undefined, source: 'text' }, text: '', parsed: { value: undefined, unit: undefined, qualifier: null, magnitude: 1, numberStart: undefined, numberEnd: undefined } };
        if (rows.figureFacts(row, facts) === undefined) {
          assert.equal(rows.figureWithText(row, now), undefined);
          continue;
        }
        figures++;
        assert.ok(rows.figureWithText(row, now));
        const later = readFigureFacts(model.language, { ...facts });
        assert.equal(facts.text, now.text);
        assert.deepEqual(later.reading, now.reading, now.text);
        assert.deepEqual(later.parsed, now.parsed, now.text);
      }
    }
    assert.ok(figures > 2 * lines.length, `${figures} figures`);
  });

  it('reads a span\'s plain text later from a copy of its stretch and the markup it cuts, as the model reads it; a span holding many spans is read at once', () => {
    const deep = `${'[level '.repeat(90)}core [7 bn]{.figure metric=m}${' tail]{.initiative}'.repeat(90)}`;
    const sources = [
      ...fixtureWorkspace().map((f) => f.text),
      TEXT,
      notes({}, deep),
      notes({}, '[a fund [see the bank](#bank) and [Kazakhstan]{.actor name="Kazakhstan "} with \\[no span\\]]{.initiative #fund}', '[a link [that crosses](#fund]{.initiative} edge)', '[broken\nacross  \n  lines [5%]{.figure}\\!]{.initiative}'),
      notes({}, `[many ${Array.from({ length: 70 }, (_, i) => `[${i}]{.actor}`).join(' ')} inside]{.initiative #many}`),
    ];
    let read = 0;
    let declined = 0;
    for (const text of sources) {
      const rows = new SpanRows(parseNotes(text));
      for (let row = 0; row < rows.count; row++) {
        const pushed = rows.plainTextCuts(row);
        if (pushed < 0) {
          declined++;
          let inside = 0;
          for (let d = row + 1; d < rows.count && rows.start(d) < rows.close(row); d++) inside++;
          assert.ok(inside >= 60, `${inside} spans inside`);
          continue;
        }
        read++;
        const cuts = [...rows.cuts.subarray(0, pushed)];
        // A copy of the span's stretch alone, at another offset: the text read from it equals the model's.
        const start = rows.start(row);
        const shift = 5 - start;
        const copy = `(((((${text.slice(start, rows.end(row))}`;
        for (const c of cuts) assert.ok(c > start && c <= rows.close(row), 'inside the content');
        const shifted = Int32Array.from(cuts, (c) => c + shift);
        assert.equal(plainTextFrom(copy, start + 1 + shift, rows.close(row) + shift, shifted, 0, shifted.length), rows.plainText(row), text.slice(start, rows.end(row)));
      }
    }
    assert.ok(read > 100 && declined > 20, `${read} read later, ${declined} at once`);
    // The summary of the deep nest and of the span holding many: every text as the model reads it.
    for (const text of sources.slice(-3)) {
      const model = parseNotes(text);
      const rows = new SpanRows(model);
      const file = summariseFile('x.summit.md', model);
      const expected: string[] = [];
      for (let row = 0; row < rows.count; row++) if (rows.kind(row) === 'initiative' || rows.kind(row) === 'figure') expected.push(rows.plainText(row));
      assert.deepEqual([...file.initiatives.map((m) => m.text), ...file.figures.map((f) => f.asWritten)].sort(), expected.sort());
    }
  });

  it('reads as a summary kept as objects: spread, printed and passed between threads, in the same field order', () => {
    const file = summariseFile('a.summit.md', parseNotes(TEXT));
    assert.deepEqual(Object.keys(file), ['path', 'article', 'initiatives', 'figures', 'strayTracks', 'badTracks']);
    const spread = { ...file };
    assert.equal(spread.initiatives.length, 3);
    assert.equal(spread.figures.length, 4);
    assert.deepEqual(data(spread), data(file));
    // A structured clone (postMessage) reads the getters.
    assert.deepEqual(data(structuredClone(summariseFile('a.summit.md', parseNotes(TEXT)))), data(file));
  });

  it('makes each mention once: the file, the track index and the metric lists hold the same objects, read in any order', () => {
    for (const order of ['lists first', 'file first'] as const) {
      const file = summariseFile('a.summit.md', parseNotes(TEXT));
      const ws = fromFiles(new Map([[file.path, file]]));
      const tracked = ws.tracks.get('sco-bank') ?? [];
      let capital: readonly unknown[] = [];
      if (order === 'lists first') capital = ws.metrics.get([...ws.metrics.keys()].find((k) => k.startsWith('capital')) as string) ?? [];
      const figures = file.figures;
      const initiatives = file.initiatives;
      if (order === 'file first') capital = ws.metrics.get([...ws.metrics.keys()].find((k) => k.startsWith('capital')) as string) ?? [];
      assert.equal(tracked.length, 1, order);
      assert.equal(tracked[0], initiatives[0], order);
      assert.equal(capital.length, 2, order);
      assert.equal(capital[0], figures[0], order);
      assert.equal(capital[1], figures[2], order);
      assert.equal(file.figures, figures, order);
      assert.equal(file.initiatives[1], initiatives[1], order);
      assert.equal(figures[0].initiative, 0, order);
      assert.equal(figures[1].initiative, undefined, order);
      assert.equal(figures[0].asWritten, 'about 5 bn dollars', order);
      assert.equal(figures[3].metric, undefined, order);
      assert.equal(initiatives[0].text, 'a development bank with China worth about 5 bn dollars', order);
    }
  });

  it('shares a metric list between a workspace and those updateFile made from it, whichever reads it first', () => {
    const sources = fixtureWorkspace();
    const ws = buildWorkspace(sources);
    const other = sources[sources.length - 1];
    const next = updateFile(ws, other.path, parseNotes(other.text.replace(/status=proposed/, 'status=agreed')));
    const untouched = ws.metricOrder.filter((k) => next.metricOrder.includes(k));
    assert.ok(untouched.length > 0);
    let shared = 0;
    untouched.forEach((key, i) => {
      // Half read from the older workspace first, half from the newer one.
      const [a, b] = i % 2 ? [next.metrics.get(key), ws.metrics.get(key)] : [ws.metrics.get(key), next.metrics.get(key)];
      if (a === b) shared++;
    });
    // Only the metrics of the updated file get new lists.
    const changed = new Set(summariseFile(other.path, parseNotes(other.text)).figures.map((f) => f.metric?.toLowerCase()));
    assert.ok(shared >= untouched.filter((k) => !changed.has(k.split('\u0000')[0])).length, `${shared} of ${untouched.length} lists shared`);
    assert.deepEqual(data(buildDossier(next, { suggestions: false })), data(buildDossier(buildWorkspace(sources.map((s) => (s.path === other.path ? { path: s.path, text: s.text.replace(/status=proposed/, 'status=agreed') } : s))), { suggestions: false })));
  });

  it('renames a file whose mentions were all made, or none, to the same summary under the new path', () => {
    const fresh = (): WorkspaceFile => summariseFile('a.summit.md', parseNotes(TEXT));
    const read = fresh();
    void read.initiatives;
    void read.figures;
    for (const file of [fresh(), read]) {
      const ws = renameFile(fromFiles(new Map([[file.path, file]])), 'a.summit.md', 'b.summit.md');
      const moved = ws.files.get('b.summit.md') as WorkspaceFile;
      assert.equal(ws.files.has('a.summit.md'), false);
      assert.deepEqual(data(moved), data(summariseFile('b.summit.md', parseNotes(TEXT))));
      assert.ok([...moved.initiatives, ...moved.figures].every((m) => m.path === 'b.summit.md'));
      assert.equal(ws.tracks.get('sco-bank')?.[0], moved.initiatives[0]);
    }
  });
});
