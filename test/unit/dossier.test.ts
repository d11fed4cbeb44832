/**
 * The dossier core: timelines and status changes, the rounding rule for figures, suggested links
 * (transliteration, bodies, acronyms), filters, track findings, and one-file re-merge equal to a
 * full build.
 */
import * as assert from 'node:assert/strict';
import {
  buildDossier, buildWorkspace, disagreeingValues, filterDossier, fromFiles, linkSuggestions, parseNotes, removeFile, renameFile,
  trackFindings, trackFindingsForFile, updateFile, valuesAgree, writtenStep, writtenValue, type ComparableValue, type Dossier, type NotesSource, type Workspace,
} from '../../src/core';
import { seededRandom } from '../support/random';
import { fixtureWorkspace, notes } from './dossierSupport';

function dossierOf(sources: readonly NotesSource[]): Dossier {
  return buildDossier(buildWorkspace(sources));
}

function initiative(d: Dossier, key: string) {
  const found = d.initiatives.find((i) => i.key === key);
  assert.ok(found, `no initiative ${key}`);
  return found;
}

function figureOf(text: string, language = 'en') {
  const f = parseNotes(notes({ language }, text)).figures[0];
  assert.ok(f, `no figure in ${text}`);
  return f;
}

function v(value: number, step = 0, qualifier: ComparableValue['qualifier'] = null, unit = 'USD'): ComparableValue {
  return { value, unit, step, qualifier };
}

describe('dossier', () => {
  describe('timeline', () => {
    const d = dossierOf(fixtureWorkspace());

    it('lists every mention of a key by article date, across languages, with keys compared ignoring case', () => {
      const bank = initiative(d, 'sco-dev-bank');
      assert.deepEqual(bank.timeline.map((e) => e.article.date), ['2023-07-04', '2023-07-05', '2024-07-04', '2024-07-05', '2024-07-06', '2025-09-01']);
      assert.deepEqual(bank.languages, ['en', 'ru']);
      assert.ok(bank.timeline.some((e) => e.article.path === '2024-07-06-astana-review.en.summit.md'), 'track=SCO-Dev-Bank joins sco-dev-bank');
      assert.equal(bank.firstDate, '2023-07-04');
      assert.equal(bank.lastDate, '2025-09-01');
    });

    it('shows the status path and marks the entries where the status changed', () => {
      const bank = initiative(d, 'sco-dev-bank');
      assert.deepEqual(bank.statusPath.map((s) => `${s.status} ${s.date}`), ['proposed 2023-07-04', 'agreed 2024-07-04', 'launched 2025-09-01']);
      assert.deepEqual(bank.timeline.map((e) => e.statusChanged), [false, false, true, false, false, true]);
      assert.equal(bank.timeline[2].previousStatus, 'proposed');
      assert.equal(bank.status, 'launched');
    });

    it('keeps provenance: source name and URL, offsets that point at the span', () => {
      const sources = fixtureWorkspace();
      const first = initiative(d, 'sco-dev-bank').timeline[0];
      assert.equal(first.article.sourceName, 'Steppe Ledger');
      assert.match(first.article.sourceUrl ?? '', /^https:\/\//);
      const text = sources.find((s) => s.path === first.article.path)?.text ?? '';
      assert.match(text.slice(first.start, first.end), /^\[found an SCO Development Bank.*\}$/s);
    });

    it('orders undated articles last and never drops them', () => {
      const dd = dossierOf([
        { path: 'b.summit.md', text: notes({}, '[x]{.initiative track=k status=agreed}') },
        { path: 'a.summit.md', text: notes({ date: '2024-01-01' }, '[x]{.initiative track=k status=proposed}') },
      ]);
      assert.deepEqual(initiative(dd, 'k').timeline.map((e) => e.article.path), ['a.summit.md', 'b.summit.md']);
    });
  });

  describe('figures and the rounding rule', () => {
    it('reads the step of the last written digit', () => {
      assert.equal(writtenStep(figureOf('[$650 billion]{.figure}'), 'en'), 1e9);
      assert.equal(writtenStep(figureOf('[1,5 трлн рублей]{.figure}', 'ru'), 'ru'), 1e11);
      assert.equal(writtenStep(figureOf('[30%]{.figure}'), 'en'), 1);
      assert.equal(writtenStep(figureOf('[a lot]{.figure value=5e9 unit=USD}'), 'en'), 0);
      assert.equal(writtenStep(figureOf('[$1.25 trillion]{.figure}'), 'en'), 1e10);
    });

    it('reads a range as standing for everything between its ends', () => {
      const range = writtenValue(figureOf('[$3–5 billion]{.figure}'), 'en');
      assert.equal(range.min, 3e9);
      assert.equal(range.step, 1e9);
      assert.ok(valuesAgree({ value: 5e9, unit: 'USD', step: 1e9, qualifier: null, min: 3e9 }, v(4e9, 1e9)));
      assert.ok(!valuesAgree({ value: 5e9, unit: 'USD', step: 1e9, qualifier: null, min: 3e9 }, v(7e9, 1e9)));
    });

    it('agrees within 1% and within the written precision, not beyond', () => {
      assert.ok(valuesAgree(v(100, 0), v(100.9, 0)), '0.9% apart');
      assert.ok(!valuesAgree(v(100, 0), v(101.5, 0)), '1.5% apart, exact values');
      assert.ok(valuesAgree(v(10e9, 1e9), v(10.2e9, 1e8)), '$10 bn covers 10.2 bn');
      assert.ok(!valuesAgree(v(10e9, 1e8), v(10.2e9, 1e8)), '$10.0 bn does not');
    });

    it('reads qualifiers as open ranges and "about" as ±5%', () => {
      assert.ok(valuesAgree(v(650e9, 1e9, 'more_than'), v(700e9, 1e9)));
      assert.ok(!valuesAgree(v(650e9, 1e9, 'more_than'), v(600e9, 1e9)));
      assert.ok(valuesAgree(v(100, 1, 'up_to'), v(80, 1)));
      assert.ok(valuesAgree(v(800e9, 1e9, 'about'), v(830e9, 1e9)));
      assert.ok(!valuesAgree(v(750e9, 1e9, 'about'), v(890e9, 1e9)));
    });

    it('flags the value that disagrees with the reference, both when only two disagree, never across units', () => {
      assert.deepEqual(disagreeingValues([v(890e9, 1e9), v(750e9, 1e9, 'about'), v(893e9, 1e9)]), [1]);
      assert.deepEqual(disagreeingValues([v(1, 0), v(2, 0)]), [0, 1]);
      assert.deepEqual(disagreeingValues([v(1, 0, null, 'USD'), v(2, 0, null, 'RUB')]), []);
      assert.deepEqual(disagreeingValues([v(5, 1)]), []);
    });

    it('groups by metric (any case, spaces collapsed) and year, with the disagreement flagged', () => {
      const d = dossierOf(fixtureWorkspace());
      const trade2023 = d.metrics.find((m) => m.metric === 'intra-SCO trade' && m.year === 2023);
      assert.ok(trade2023);
      assert.equal(trade2023.disagreement, true);
      assert.deepEqual(trade2023.values.map((x) => [x.asWritten, x.disagrees]), [['$890 billion', false], ['около 750 млрд долларов', true], ['$893 billion', false]]);
      const capital = d.metrics.find((m) => m.metric === 'SCO bank capital');
      assert.equal(capital?.disagreement, false, '$10 billion and 10,2 млрд agree by rounding');
      assert.equal(d.metrics.find((m) => m.year === 2022)?.disagreement, false, '$810 billion and около 800 млрд agree ("about")');
      const loose = dossierOf([
        { path: 'a.summit.md', text: notes({}, '[5%]{.figure metric="GDP  Growth" year=2024}') },
        { path: 'b.summit.md', text: notes({}, '[7%]{.figure metric="gdp growth" year=2024} [9%]{.figure metric="gdp growth"}') },
      ]);
      assert.deepEqual(loose.metrics.map((m) => [m.year, m.values.length, m.disagreement]), [[undefined, 1, false], [2024, 2, true]]);
    });
  });

  describe('suggested links', () => {
    function pair(a: string, b: string, aLang = 'en', bLang = 'ru'): Workspace {
      return buildWorkspace([
        { path: 'a.summit.md', text: notes({ language: aLang }, a) },
        { path: 'b.summit.md', text: notes({ language: bLang }, b) },
      ]);
    }
    function suggestionsOfFirst(ws: Workspace) {
      return linkSuggestions(ws, 'a.summit.md', 0);
    }

    it('suggests the untracked Russian mention for the tracked English initiative, with the key to add', () => {
      const d = dossierOf(fixtureWorkspace());
      const bank = initiative(d, 'sco-dev-bank');
      const s = bank.suggested.find((x) => x.path === '2025-09-01-tianjin.ru.summit.md');
      assert.ok(s, 'the Tianjin ru mention is suggested');
      assert.equal(s.track, undefined);
      assert.equal(s.proposedKey, 'sco-dev-bank');
      assert.ok(s.score >= 0.9);
      assert.ok(s.reasons.includes('same body (sco)'));
      assert.equal(d.counts.suggestions, bank.suggested.length + initiative(d, 'sco-dev-bnak').suggested.length);
    });

    it('meets across scripts by transliteration and the glossary', () => {
      const s = suggestionsOfFirst(pair('[Khorgos dry port]{.initiative track=khorgos}', '[расширить сухой порт Хоргос]{.initiative}'));
      assert.equal(s.length, 1);
      assert.equal(s[0].proposedKey, 'khorgos');
      assert.equal(s[0].score, 1);
      assert.equal(suggestionsOfFirst(pair('[Astana Hub for startups]{.initiative}', '[Астана Хаб для стартапов]{.initiative}')).length, 1);
    });

    it('reads body names in either language and acronyms against initials', () => {
      assert.deepEqual(suggestionsOfFirst(pair('[capital for the NDB]{.initiative}', '[капитал Нового банка развития]{.initiative}'))[0]?.reasons, ['same words', 'same body (ndb)']);
      assert.equal(suggestionsOfFirst(pair('[NDB]{.initiative}', '[New Development Bank]{.initiative}', 'en', 'en')).length, 1);
      const itc = suggestionsOfFirst(pair('[the ITC]{.initiative}', '[an International Transport Corridor]{.initiative}', 'en', 'en'));
      assert.deepEqual(itc.map((x) => x.reasons), [['acronym ITC']]);
      assert.equal(suggestionsOfFirst(pair('[МТК]{.initiative}', '[Международный транспортный коридор]{.initiative}', 'ru', 'ru')).length, 1);
      assert.equal(suggestionsOfFirst(pair('[SCO energy club]{.initiative}', '[Энергетический клуб ШОС]{.initiative}')).length, 1);
    });

    it('does not suggest one shared common word, two different keys, or the same file', () => {
      assert.equal(suggestionsOfFirst(pair('[a new bank]{.initiative}', '[банк]{.initiative}')).length, 0);
      assert.equal(suggestionsOfFirst(pair('[SCO bank]{.initiative track=a}', '[банк ШОС]{.initiative track=b}')).length, 0);
      const same = buildWorkspace([{ path: 'a.summit.md', text: notes({}, '[SCO bank]{.initiative} [the SCO bank]{.initiative}') }]);
      assert.equal(linkSuggestions(same, 'a.summit.md', 0).length, 0);
      assert.equal(linkSuggestions(same, 'nowhere.summit.md', 0).length, 0);
    });

    it('proposes a key for two untracked mentions from a Latin id, else from the text', () => {
      assert.equal(suggestionsOfFirst(pair('[SCO bank]{.initiative #sco-bank}', '[банк ШОС]{.initiative #bank-shos}'))[0]?.proposedKey, 'sco-bank');
      assert.equal(suggestionsOfFirst(pair('[SCO water centre]{.initiative}', '[водный центр ШОС]{.initiative}'))[0]?.proposedKey, 'sco-water-centre');
    });
  });

  describe('filters', () => {
    const d = dossierOf(fixtureWorkspace());

    it('narrows by language and works out status changes again', () => {
      const ru = filterDossier(d, { language: 'ru' });
      const bank = initiative(ru, 'sco-dev-bank');
      assert.ok(bank.timeline.every((e) => e.article.language === 'ru'));
      assert.deepEqual(bank.statusPath.map((s) => s.status), ['proposed', 'agreed']);
      assert.equal(ru.counts.articles, 4);
      assert.equal(ru.metrics.some((m) => m.disagreement), false, 'one value per group left');
    });

    it('narrows by summit, date range, status, area and actor', () => {
      assert.deepEqual(filterDossier(d, { summit: 'council 2024' }).articles.map((a) => a.date), ['2024-07-04', '2024-07-05', '2024-07-06']);
      const range = filterDossier(d, { from: '2024-01-01', to: '2024-12-31' });
      assert.ok(range.initiatives.every((i) => i.timeline.every((e) => (e.article.date ?? '') >= '2024-01-01' && (e.article.date ?? '') <= '2024-12-31')));
      assert.deepEqual(filterDossier(d, { status: 'launched' }).initiatives.map((i) => i.key), ['sco-dev-bank', 'sco-dev-bnak']);
      assert.deepEqual(filterDossier(d, { area: 'energy' }).initiatives.map((i) => i.key), ['sco-energy-club']);
      assert.deepEqual(filterDossier(d, { actor: 'kazakh' }).initiatives.map((i) => i.timeline.length), [1]);
      assert.equal(filterDossier(d, {}), d);
      assert.equal(filterDossier(d, { from: '2030-01-01' }).counts.mentions, 0);
    });
  });

  describe('track findings', () => {
    it('reports a key used once with a near key, and says which', () => {
      const ws = buildWorkspace(fixtureWorkspace());
      const findings = trackFindings(ws);
      assert.deepEqual(findings.map((f) => [f.path, f.code, f.data.suggestion]), [['2025-09-02-tianjin-review.ru.summit.md', 'unknown-track', 'sco-dev-bank']]);
      const text = fixtureWorkspace().find((s) => s.path === findings[0].path)?.text ?? '';
      assert.equal(text.slice(findings[0].start, findings[0].end), 'sco-dev-bnak');
      assert.deepEqual(trackFindingsForFile(ws, '2023-07-04-delhi.en.summit.md'), []);
    });

    it('leaves a lone key alone when nothing is near; reports invalid keys and track= off initiatives', () => {
      const ws = buildWorkspace([
        { path: 'a.summit.md', text: notes({}, '[x]{.initiative track=water-centre} [y]{.initiative track=sco-dev-bank} [z]{.initiative track=sco-dev-bank}') },
        { path: 'b.summit.md', text: notes({}, '[x]{.initiative track="two words"} [5%]{.figure track=k} [w]{.initiative track=1abc}') },
      ]);
      assert.deepEqual(trackFindings(ws).map((f) => [f.path, f.code, f.data.track]), [
        ['b.summit.md', 'invalid-track', 'two words'], ['b.summit.md', 'track-not-initiative', 'k'], ['b.summit.md', 'invalid-track', '1abc'],
      ]);
    });

    it('points both ways when two keys used once are near each other', () => {
      const ws = buildWorkspace([
        { path: 'a.summit.md', text: notes({}, '[x]{.initiative track=energy-club}') },
        { path: 'b.summit.md', text: notes({}, '[x]{.initiative track=energy-clubs}') },
      ]);
      assert.deepEqual(trackFindings(ws).map((f) => f.data.suggestion), ['energy-clubs', 'energy-club']);
    });
  });

  describe('one-file re-merge', () => {
    const sources = fixtureWorkspace();

    function fullBuild(list: readonly NotesSource[]): Dossier {
      return dossierOf(list);
    }

    it('equals a full build after an edit, a new file, a removal and a rename', () => {
      let ws = buildWorkspace(sources);
      buildDossier(ws); // warm the caches, so stale entries would show
      const edited = sources.map((s) => (s.path === '2024-07-05-astana.ru.summit.md'
        ? { ...s, text: s.text.replace('status=agreed', 'status=supported').replace('около 750', 'около 880') }
        : s));
      ws = updateFile(ws, '2024-07-05-astana.ru.summit.md', parseNotes(edited[3].text));
      assert.deepEqual(buildDossier(ws), fullBuild(edited));

      const extra = { path: 'z/new.summit.md', text: notes({ date: '2026-01-01' }, '[SCO Development Bank]{.initiative track=sco-dev-bank status=done}') };
      ws = updateFile(ws, extra.path, parseNotes(extra.text));
      assert.deepEqual(buildDossier(ws), fullBuild([...edited, extra]));

      ws = removeFile(ws, '2023-07-04-delhi.en.summit.md');
      const without = [...edited, extra].filter((s) => s.path !== '2023-07-04-delhi.en.summit.md');
      assert.deepEqual(buildDossier(ws), fullBuild(without));

      ws = renameFile(ws, extra.path, 'z/renamed.summit.md');
      assert.deepEqual(buildDossier(ws), fullBuild(without.map((s) => (s === extra ? { ...s, path: 'z/renamed.summit.md' } : s))));
      assert.equal(removeFile(ws, 'nothing.summit.md'), ws);
    });

    it('shares the lists of keys the edit did not touch', () => {
      const ws = buildWorkspace(sources);
      const edited = sources[0].text.replace('Nobody set a date.', 'Nobody set a date yet.');
      const next = updateFile(ws, sources[0].path, parseNotes(edited));
      assert.equal(next.tracks.get('sco-energy-club'), ws.tracks.get('sco-energy-club'));
      assert.notEqual(next.tracks.get('sco-dev-bank'), ws.tracks.get('sco-dev-bank'));
    });

    it('stays equal to a full build over random edits', () => {
      const random = seededRandom(17);
      const statuses = ['proposed', 'agreed', 'launched'];
      const keys = ['k1', 'k2', 'k3', 'kk1'];
      const make = (i: number): string => {
        const parts: string[] = [];
        const n = Math.floor(random() * 4);
        for (let k = 0; k < n; k++) {
          const key = keys[Math.floor(random() * keys.length)];
          parts.push(`[SCO bank ${k}]{.initiative track=${key} status=${statuses[Math.floor(random() * 3)]}} [${Math.floor(random() * 100)} billion dollars]{.figure metric=m year=${2023 + Math.floor(random() * 2)}}`);
        }
        if (random() < 0.3) parts.push('[банк ШОС]{.initiative}');
        return notes({ date: `202${3 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`, language: i % 2 ? 'ru' : 'en' }, parts.join(' '));
      };
      const current = new Map<string, string>();
      for (let i = 0; i < 12; i++) current.set(`f${i}.summit.md`, make(i));
      let ws = buildWorkspace([...current].map(([path, text]) => ({ path, text })));
      for (let step = 0; step < 40; step++) {
        const path = `f${Math.floor(random() * 14)}.summit.md`;
        if (random() < 0.2) {
          current.delete(path);
          ws = removeFile(ws, path);
        } else {
          const text = make(step);
          current.set(path, text);
          ws = updateFile(ws, path, parseNotes(text));
        }
        assert.deepEqual(buildDossier(ws), fullBuild([...current].map(([p, text]) => ({ path: p, text }))), `step ${step}`);
        const rebuilt = fromFiles(ws.files);
        assert.deepEqual([ws.metricOrder, ws.fileOrder], [rebuilt.metricOrder, rebuilt.fileOrder], `orders at step ${step}`);
      }
    });

    it('stays equal to a full build when edits leave the figures as they were (a metric verdict carried over) or change one', () => {
      const random = seededRandom(1723);
      const values = ['650 billion dollars', 'about 700 billion dollars', '0.65 trillion dollars', 'more than 900 billion dollars', '12%'];
      // Each file keeps its figures; an edit changes statuses and words, and now and then one figure.
      const figuresOf = new Map<string, string[]>();
      const make = (path: string, changeFigure: boolean): string => {
        let figures = figuresOf.get(path) ?? Array.from({ length: 1 + Math.floor(random() * 3) }, () => values[Math.floor(random() * values.length)]);
        if (changeFigure) figures = figures.map((f, k) => (k === 0 ? values[Math.floor(random() * values.length)] : f));
        figuresOf.set(path, figures);
        const parts = figures.map((f, k) => `[plan ${Math.floor(random() * 9)} worth [${f}]{.figure metric="trade" year=2024}]{.initiative track=k${k} status=${random() < 0.5 ? 'agreed' : 'proposed'}}`);
        return notes({ date: `2024-0${1 + Math.floor(random() * 9)}-10` }, parts.join(' '));
      };
      const current = new Map<string, string>();
      for (let i = 0; i < 10; i++) current.set(`f${i}.summit.md`, make(`f${i}.summit.md`, false));
      let ws = buildWorkspace([...current].map(([path, text]) => ({ path, text })));
      buildDossier(ws, { suggestions: false });
      for (let step = 0; step < 60; step++) {
        const path = `f${Math.floor(random() * 10)}.summit.md`;
        const text = make(path, random() < 0.25);
        current.set(path, text);
        ws = updateFile(ws, path, parseNotes(text));
        // Built after most edits, not all: a group may then have changed twice since it was last built.
        if (random() < 0.7) {
          const fresh = buildDossier(buildWorkspace([...current].map(([p, t]) => ({ path: p, text: t }))), { suggestions: false });
          assert.deepEqual(buildDossier(ws, { suggestions: false }), fresh, `step ${step}`);
        }
      }
    });
  });
});
