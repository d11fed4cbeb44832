/**
 * The dossier's editor view (core/dossier/view.ts): the page in pieces in both languages, escaping
 * and provenance, reuse of unchanged entries after one file changed, filters, the filter bar's
 * choices; and the guard on messages from the page (shared/dossierMessages.ts).
 */
import * as assert from 'node:assert/strict';
import { DossierViewRenderer, buildDossier, buildWorkspace, dossierFilterChoices, parseNotes, updateFile } from '../../src/core';
import { cleanDossierFilter, isFromDossierWebview } from '../../src/shared/dossierMessages';
import { fixtureWorkspace, notes } from './dossierSupport';

function entry(list: readonly { key: string; html: string }[], key: string): string {
  const found = list.find((e) => e.key === key);
  assert.ok(found, `no entry ${key} in ${list.map((e) => e.key).join(', ')}`);
  return found.html;
}

describe('dossier view', () => {
  const sources = fixtureWorkspace();
  const workspace = buildWorkspace(sources);
  const dossier = buildDossier(workspace, { suggestions: false });

  it('renders one piece per tracked initiative and metric, with the status path and the disagreement flag', () => {
    const view = new DossierViewRenderer({ language: 'en' }).render(dossier);
    assert.deepEqual(view.initiatives.map((e) => e.key), dossier.initiatives.map((i) => i.key));
    assert.equal(view.metrics.length, dossier.metrics.length);
    const bank = entry(view.initiatives, 'sco-dev-bank');
    // proposed → agreed → launched, each with its date.
    assert.match(bank, /data-status="proposed">proposed<\/span> 2023-07-04.*→.*data-status="agreed">agreed<\/span> 2024-07-04.*→.*data-status="launched">launched<\/span> 2025-09-01/s);
    assert.match(bank, /<th>Date<\/th><th>Summit<\/th><th>Source<\/th><th>Status<\/th><th>Text<\/th><th>Where<\/th>/);
    assert.match(bank, /<a class="dossier-source" href="https:\/\/steppe-ledger\.example\.org\/[^"]*"/);
    const trade = view.metrics.find((m) => m.key === 'intra-sco trade|2023');
    assert.ok(trade, 'the trade metric');
    assert.match(trade.html, /sources disagree/);
    assert.match(trade.html, /class="dossier-disagrees"/);
    assert.match(view.header, /Disagreements: <b>1<\/b>/);
    assert.equal(view.empty, false);
  });

  it('gives every mention and value its provenance: the span in its file, by item number, with no offset in the HTML', () => {
    const view = new DossierViewRenderer({ language: 'en', displayPath: (p) => `notes/${p}` }).render(dossier);
    const bank = view.initiatives.find((e) => e.key === 'sco-dev-bank');
    assert.ok(bank);
    assert.equal(bank.places.length, dossier.initiatives.find((i) => i.key === 'sco-dev-bank')?.timeline.length);
    for (const place of bank.places) {
      const text = sources.find((s) => s.path === place.path)?.text ?? '';
      assert.match(text.slice(place.start, place.end), /^\[.*\{\.initiative[^}]*track=/is, `${place.path} ${place.start}-${place.end}`);
      assert.equal(text.slice(0, place.start).split('\n').length - 1, place.line);
    }
    // Each mention's text and its file:line both lead to item N; lines are written by the page.
    const items = [...bank.html.matchAll(/data-item="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(items)], bank.places.map((_, i) => i));
    assert.match(bank.html, /notes\/2023-07-04-delhi\.en\.summit\.md:<span class="dossier-line"><\/span>/);
    assert.doesNotMatch(bank.html, /data-start|data-end|data-path/);
    const trade = view.metrics.find((m) => m.key === 'intra-sco trade|2023');
    assert.ok(trade && trade.places.length >= 3);
    for (const place of trade.places) {
      const text = sources.find((s) => s.path === place.path)?.text ?? '';
      assert.match(text.slice(place.start, place.end), /\{\.figure[^}]*metric=/);
    }
  });

  it('lists an initiative\'s suggested links after its timeline: each mention opens its span, and its Link button names the same item', () => {
    const withLinks = buildDossier(workspace);
    const asked = withLinks.initiatives.find((i) => i.suggested.length > 0);
    assert.ok(asked, 'the fixture holds a suggested-but-unlinked pair');
    const view = new DossierViewRenderer({ language: 'en' }).render(withLinks);
    const shown = view.initiatives.find((e) => e.key === asked.key);
    assert.ok(shown);
    assert.equal(shown.places.length, asked.timeline.length + asked.suggested.length);
    asked.suggested.forEach((s, k) => {
      const item = asked.timeline.length + k;
      assert.deepEqual(shown.places[item], { path: s.path, start: s.start, end: s.end, line: s.line });
      const text = sources.find((f) => f.path === s.path)?.text ?? '';
      assert.match(text.slice(s.start, s.end), /\{\.initiative/);
      assert.doesNotMatch(text.slice(s.start, s.end), /track=/, 'an untracked mention');
      assert.match(shown.html, new RegExp(`<button type="button" class="dossier-link" data-item="${item}"[^>]*>Link as track=${asked.key}</button>`));
    });
    assert.match(shown.html, /Maybe the same initiative, not linked yet:/);
    const ru = new DossierViewRenderer({ language: 'ru' }).render(withLinks).initiatives.find((e) => e.key === asked.key);
    assert.match(ru?.html ?? '', /Возможно, та же инициатива.*Связать как track=/s);
    // Without suggestions the same initiative has no such part, and its HTML is made anew when they come.
    const renderer = new DossierViewRenderer({ language: 'en' });
    const before = renderer.render(dossier).initiatives.find((e) => e.key === asked.key)?.html ?? '';
    assert.doesNotMatch(before, /dossier-link/);
    assert.match(renderer.render(withLinks).initiatives.find((e) => e.key === asked.key)?.html ?? '', /dossier-link/);
  });

  it('keeps the HTML of an entry whose spans only moved (a letter typed above them)', () => {
    const renderer = new DossierViewRenderer({ language: 'en' });
    const before = renderer.render(dossier);
    const path = '2024-07-04-astana.en.summit.md';
    const text = sources.find((s) => s.path === path)?.text ?? '';
    const at = text.indexOf('# Finance');
    const moved = updateFile(workspace, path, parseNotes(`${text.slice(0, at)}Typed. ${text.slice(at)}`));
    const after = renderer.render(buildDossier(moved, { suggestions: false }));
    const bankBefore = before.initiatives.find((e) => e.key === 'sco-dev-bank');
    const bankAfter = after.initiatives.find((e) => e.key === 'sco-dev-bank');
    assert.ok(bankBefore && bankAfter);
    assert.equal(bankAfter.html, bankBefore.html, 'same HTML');
    assert.notDeepEqual(bankAfter.places, bankBefore.places, 'new offsets');
    assert.ok(renderer.lastStats.rendered < after.initiatives.length + after.metrics.length, JSON.stringify(renderer.lastStats));
    // What is kept is what a fresh render makes.
    const fresh = new DossierViewRenderer({ language: 'en' }).render(buildDossier(moved, { suggestions: false }));
    assert.deepEqual(after, fresh);
  });

  it('speaks Russian when asked, whatever the files speak', () => {
    const view = new DossierViewRenderer({ language: 'ru' }).render(dossier);
    assert.match(view.header, /<h1>Досье<\/h1>/);
    assert.match(view.header, /Расхождения: <b>1<\/b>/);
    assert.match(entry(view.initiatives, 'sco-dev-bank'), /<th>Дата<\/th><th>Саммит<\/th><th>Источник<\/th>/);
    assert.match(view.filters, /Сбросить фильтры/);
    assert.match(new DossierViewRenderer({ language: 'ru' }).frame().noInitiatives, /track=KEY/);
  });

  it('escapes everything that comes from the notes and links only http(s) sources', () => {
    const hostile = [
      { path: 'a<b>.summit.md', text: notes({ date: '2024-01-01', summit: '<img src=x onerror=alert(1)>', source: '<b>Outlet</b>', url: 'javascript:alert(1)' },
        '[<script>alert(1)</script> bank]{.initiative track=k status=proposed}', '[$5 billion]{.figure metric="<i>m</i>" year=2024}') },
      { path: 'b.summit.md', text: notes({ date: '2025-01-01', url: 'https://example.org/"onmouseover="x' }, '[bank]{.initiative track=k status=agreed}') },
    ];
    const view = new DossierViewRenderer({ language: 'en' }).render(buildDossier(buildWorkspace(hostile), { suggestions: false }));
    const all = [view.header, view.filters, view.footer, ...view.initiatives.map((e) => e.html), ...view.metrics.map((e) => e.html)].join('\n');
    assert.doesNotMatch(all, /<script|<img|<i>m|<b>Outlet/);
    assert.doesNotMatch(all, /href="javascript:/i);
    assert.doesNotMatch(all, /"onmouseover=/);
    assert.match(all, /&lt;script&gt;alert\(1\)&lt;\/script&gt; bank/);
    assert.match(all, /a&lt;b&gt;\.summit\.md:/);
  });

  it('reuses the HTML of every entry one changed file does not touch', () => {
    const renderer = new DossierViewRenderer({ language: 'en' });
    const before = renderer.render(dossier);
    assert.equal(renderer.lastStats.reused, 0);
    // A status changes in one file that mentions one key only.
    const path = '2023-07-04-delhi.en.summit.md';
    const text = sources.find((s) => s.path === path)?.text ?? '';
    const changedText = text.replace('status=proposed', 'status=supported');
    assert.notEqual(changedText, text);
    const next = updateFile(workspace, path, parseNotes(changedText));
    const after = renderer.render(buildDossier(next, { suggestions: false }));
    const changedKeys = after.initiatives.filter((e) => e.html !== entry(before.initiatives, e.key)).map((e) => e.key);
    assert.ok(changedKeys.length >= 1, 'the changed initiative is rendered again');
    assert.ok(renderer.lastStats.reused > 0, `unchanged entries are reused (${JSON.stringify(renderer.lastStats)})`);
    for (const e of after.initiatives) {
      if (!changedKeys.includes(e.key)) assert.equal(e.html, entry(before.initiatives, e.key));
    }
    assert.equal(renderer.lastStats.rendered + renderer.lastStats.reused, after.initiatives.length + after.metrics.length);
    // Nothing changed: everything is reused.
    renderer.render(buildDossier(next, { suggestions: false }));
    assert.equal(renderer.lastStats.rendered, 0);
  });

  it('narrows through filterDossier and renders again only when the filter changes', () => {
    const renderer = new DossierViewRenderer({ language: 'en' });
    const ru = renderer.render(dossier, { language: 'ru' });
    for (const e of [...ru.initiatives, ...ru.metrics]) assert.doesNotMatch(e.html, /lang="en"/, e.key);
    assert.ok(ru.initiatives.length > 0);
    assert.ok(renderer.lastStats.rendered > 0);
    renderer.render(dossier, { language: 'ru' });
    assert.equal(renderer.lastStats.rendered, 0, 'same filter, same pieces');
    const none = renderer.render(dossier, { summit: 'no such summit' });
    assert.equal(none.initiatives.length + none.metrics.length, 0);
    assert.equal(none.empty, true);
    const dated = renderer.render(dossier, { from: '2025-01-01' });
    assert.doesNotMatch(entry(dated.initiatives, 'sco-dev-bank'), /2023-07-04/);
  });

  it('offers as filter choices the summits, areas, statuses, actors and languages of the workspace', () => {
    const choices = dossierFilterChoices(dossier);
    assert.deepEqual(choices.languages, ['en', 'ru']);
    assert.ok(choices.statuses.includes('proposed') && choices.statuses.includes('launched'), choices.statuses.join());
    assert.ok(choices.summits.length >= 3, choices.summits.join());
    assert.ok(choices.areas.includes('finance'), choices.areas.join());
    assert.ok(choices.actors.length > 0);
  });
});

describe('dossier webview messages', () => {
  it('accepts well-formed messages only', () => {
    assert.ok(isFromDossierWebview({ type: 'open', section: 'initiatives', key: 'sco-dev-bank', item: 2 }));
    assert.ok(isFromDossierWebview({ type: 'open', section: 'footer', key: '', item: 0 }));
    assert.ok(!isFromDossierWebview({ type: 'open', section: 'initiatives', key: 'k', item: '1' }));
    assert.ok(!isFromDossierWebview({ type: 'open', section: 'elsewhere', key: 'k', item: 1 }));
    assert.ok(!isFromDossierWebview({ type: 'openExternal' }));
    assert.ok(!isFromDossierWebview({ type: 'run', code: 'x' }));
    assert.ok(isFromDossierWebview({ type: 'suggest', on: true }));
    assert.ok(!isFromDossierWebview({ type: 'suggest', on: 'yes' }));
    assert.ok(isFromDossierWebview({ type: 'link', key: 'sco-dev-bank', item: 4 }));
    assert.ok(!isFromDossierWebview({ type: 'link', key: 'sco-dev-bank', item: 1.5 }));
    assert.ok(!isFromDossierWebview({ type: 'link', item: 1 }));
    assert.ok(!isFromDossierWebview(null));
  });

  it('keeps only known, non-empty filter fields', () => {
    assert.deepEqual(cleanDossierFilter({ summit: ' Astana ', area: '', status: 3, evil: 'x', to: '2025-01-01' }), { summit: 'Astana', to: '2025-01-01' });
    assert.deepEqual(cleanDossierFilter('nope'), {});
  });
});
