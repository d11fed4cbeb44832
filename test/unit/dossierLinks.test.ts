/**
 * What the editor shows and does with track keys and suggested links (core dossier/links.ts): the
 * key under the cursor, the mention under the cursor on a lagging workspace, the key a link
 * writes, the "Also in N articles?" hover in both languages, and the findings' words.
 */
import * as assert from 'node:assert/strict';
import {
  alsoInHover, buildWorkspace, fileLabel, linkableSuggestions, removeFile, sameOtherFiles, updateFile, initiativeMentionAt, linkKey, nearTrackKeys, parseNotes, reasonText, suggestionsFor,
  trackFindingMessage, trackFindingsForFile, trackKeyAt, type LinkSuggestion, type Workspace,
} from '../../src/core';
import { fixtureWorkspace, notes } from './dossierSupport';

const BANK_RU = '[учредить Банк развития ШОС]{.initiative #bank-shos area=finance status=launched}';

function offsetOf(text: string, needle: string, delta = 0): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in the text`);
  return at + delta;
}

function hover(ws: Workspace, path: string, needle: string, language: 'en' | 'ru'): string {
  const text = fixtureWorkspace().find((s) => s.path === path)?.text ?? '';
  const model = parseNotes(text);
  const mention = initiativeMentionAt(ws, path, model, offsetOf(text, needle, 1));
  assert.ok(mention, 'an initiative at the place');
  return alsoInHover({
    suggestions: suggestionsFor(ws, mention),
    language,
    articleOf: (p) => ws.files.get(p)?.article,
    keyOf: (s) => linkKey(ws, mention, s),
    linkTo: (s, label) => `[${label}](link:${s.path})`,
  });
}

describe('dossier links (what the editor shows of keys and links)', () => {
  describe('trackKeyAt', () => {
    const text = notes({}, '[SCO bank [its capital]{.initiative}]{.initiative #b track="SCO-Dev-Bank"} and [plain]{.initiative}');
    const model = parseNotes(text);

    it('answers on the value (normalised) with the value\'s offsets', () => {
      const at = trackKeyAt(model, offsetOf(text, 'SCO-Dev', 2));
      assert.deepEqual(at && { ...at, written: text.slice(at.start, at.end) }, {
        key: 'sco-dev-bank', onValue: true, start: offsetOf(text, 'SCO-Dev'), end: offsetOf(text, 'SCO-Dev') + 12, written: 'SCO-Dev-Bank',
      });
    });

    it('answers anywhere in a tracked initiative, also from an untracked one nested in it, with the span', () => {
      const inText = trackKeyAt(model, offsetOf(text, 'SCO bank'));
      assert.equal(inText?.key, 'sco-dev-bank');
      assert.equal(inText?.onValue, false);
      assert.equal(text.slice(inText?.start, inText?.end).startsWith('[SCO bank [its'), true);
      assert.equal(trackKeyAt(model, offsetOf(text, 'its capital'))?.key, 'sco-dev-bank');
    });

    it('says nothing on untracked initiatives, plain text and invalid keys', () => {
      assert.equal(trackKeyAt(model, offsetOf(text, 'plain')), undefined);
      assert.equal(trackKeyAt(model, offsetOf(text, ' and ', 2)), undefined);
      const bad = notes({}, '[x]{.initiative track="two words"}');
      assert.equal(trackKeyAt(parseNotes(bad), offsetOf(bad, 'x')), undefined);
    });
  });

  describe('initiativeMentionAt', () => {
    it('reuses the workspace\'s mention while the file is unchanged, and reads the model when the workspace lags', () => {
      const ws = buildWorkspace(fixtureWorkspace());
      const path = '2025-09-01-tianjin.ru.summit.md';
      const text = fixtureWorkspace().find((s) => s.path === path)?.text ?? '';
      const same = initiativeMentionAt(ws, path, parseNotes(text), offsetOf(text, BANK_RU, 3));
      assert.equal(same, ws.files.get(path)?.initiatives[0]);
      const edited = text.replace('На саммите', 'На большом саммите');
      const fresh = initiativeMentionAt(ws, path, parseNotes(edited), offsetOf(edited, BANK_RU, 3));
      assert.notEqual(fresh, same);
      assert.equal(fresh?.start, offsetOf(edited, BANK_RU));
      assert.equal(fresh?.text, 'учредить Банк развития ШОС');
      assert.equal(initiativeMentionAt(ws, path, parseNotes(edited), 0), undefined);
      // A key typed over another of the same length moves nothing: the key still tells.
      const tracked = text.replace('#bank-shos area', '#bank-shos track=k area').replace('status=launched', 'status=launch');
      const retyped = tracked.replace('track=k', 'track=q');
      const before = buildWorkspace([{ path, text: tracked }]);
      assert.equal(initiativeMentionAt(before, path, parseNotes(retyped), offsetOf(retyped, 'учредить', 1))?.track, 'q');
    });
  });

  describe('sameOtherFiles', () => {
    it('keeps an earlier workspace while only the asking file changed, not once another file changed, came or went', () => {
      const ws = buildWorkspace(fixtureWorkspace());
      const path = '2025-09-01-tianjin.ru.summit.md';
      const text = fixtureWorkspace().find((s) => s.path === path)?.text ?? '';
      const typed = updateFile(ws, path, parseNotes(text.replace('На саммите', 'На большом саммите')));
      assert.equal(sameOtherFiles(ws, ws, path), true);
      assert.equal(sameOtherFiles(ws, typed, path), true);
      assert.equal(sameOtherFiles(ws, removeFile(ws, path), path), true);
      assert.equal(sameOtherFiles(ws, typed, '2023-07-04-delhi.en.summit.md'), false);
      const other = updateFile(typed, '2023-07-04-delhi.en.summit.md', parseNotes(notes({}, '[x]{.initiative}')));
      assert.equal(sameOtherFiles(ws, other, path), false);
      assert.equal(sameOtherFiles(ws, updateFile(ws, 'new.summit.md', parseNotes(notes({}, 'text'))), path), false);
      assert.equal(sameOtherFiles(ws, removeFile(ws, '2023-07-04-delhi.en.summit.md'), path), false);
    });
  });

  describe('linkKey', () => {
    it('takes the other side\'s key when it has one', () => {
      const ws = buildWorkspace(fixtureWorkspace());
      const path = '2025-09-01-tianjin.ru.summit.md';
      const mention = ws.files.get(path)?.initiatives[0];
      assert.ok(mention);
      const s = suggestionsFor(ws, mention);
      assert.ok(s.length > 0);
      assert.ok(s.every((x) => linkKey(ws, mention, x) === (x.track ?? 'sco-dev-bank')), JSON.stringify(s.map((x) => x.track)));
    });

    it('makes a key from the names when neither side has one, numbered when an unrelated initiative has it', () => {
      const files = [
        { path: 'a.summit.md', text: notes({}, '[SCO water centre]{.initiative}') },
        { path: 'b.summit.md', text: notes({ language: 'ru' }, '[водный центр ШОС]{.initiative}') },
      ];
      const ws = buildWorkspace(files);
      const mention = ws.files.get('a.summit.md')?.initiatives[0];
      assert.ok(mention);
      const [s] = suggestionsFor(ws, mention);
      assert.equal(linkKey(ws, mention, s), 'sco-water-centre');
      const taken = buildWorkspace([...files, { path: 'c.summit.md', text: notes({}, '[a different centre]{.initiative track=sco-water-centre}') }]);
      const again = taken.files.get('a.summit.md')?.initiatives[0];
      assert.ok(again);
      const other = suggestionsFor(taken, again).find((x) => x.path === 'b.summit.md');
      assert.ok(other);
      assert.equal(linkKey(taken, again, other), 'sco-water-centre-2');
    });
  });

  describe('linkableSuggestions', () => {
    it('leaves out a mention whose key is flagged as a misspelling, keeps the rest', () => {
      const ws = buildWorkspace(fixtureWorkspace());
      const mention = ws.files.get('2025-09-01-tianjin.ru.summit.md')?.initiatives[0];
      assert.ok(mention);
      const all = suggestionsFor(ws, mention);
      assert.ok(all.some((s) => s.track === 'sco-dev-bnak'), 'the misspelt key is among the raw suggestions');
      const kept = linkableSuggestions(ws, all);
      assert.deepEqual(kept, all.filter((s) => s.track !== 'sco-dev-bnak'));
      assert.ok(kept.length > 0 && kept.every((s) => s.track === 'sco-dev-bank'));
    });
  });

  describe('the "Also in" hover', () => {
    const ws = buildWorkspace(fixtureWorkspace());

    it('lists the other articles with title, date, summit, the matched text, why, and a link with the key (Russian notes)', () => {
      const text = hover(ws, '2025-09-01-tianjin.ru.summit.md', BANK_RU, 'ru');
      const lines = text.split('\n');
      assert.match(lines[0], /^\*\*Также в \d+ статьях\?\*\*$/);
      assert.ok(lines.some((l) => l.includes('2024') && l.includes('тот же орган \\(sco\\)') && l.includes('Связать: track=sco\\-dev\\-bank')), text);
      assert.ok(lines.every((l) => !l.startsWith('- ') || /\(link:[^)]+\.summit\.md\)$/.test(l)), text);
    });

    it('speaks English for English notes, counts articles not mentions, and says how many more it left out', () => {
      const suggestion = (path: string, i: number): LinkSuggestion => ({
        path, index: i, start: i, end: i + 1, line: 0, date: '2024-01-02', text: `bank ${i}`, id: undefined, track: undefined,
        score: 0.9, reasons: ['same words', 'acronym NDB'], proposedKey: 'ndb',
      });
      const many = Array.from({ length: 10 }, (_, i) => suggestion(i < 5 ? 'file:///w/a.summit.md' : 'file:///w/b%20c.summit.md', i));
      const text = alsoInHover({
        suggestions: many, language: 'en', articleOf: () => undefined, keyOf: (s) => s.proposedKey, linkTo: (_s, label) => `[${label}](x)`,
      });
      const lines = text.split('\n');
      assert.equal(lines[0], '**Also in 2 articles?**');
      assert.equal(lines[2], '- *a\\.summit\\.md* (2024\\-01\\-02): “bank 0” — same words, acronym NDB · [Link as track=ndb](x)');
      assert.ok(lines.includes('- *b c\\.summit\\.md* (2024\\-01\\-02): “bank 7” — same words, acronym NDB · [Link as track=ndb](x)'), text);
      assert.equal(lines.filter((l) => l.startsWith('- ')).length, 8);
      assert.equal(lines[lines.length - 1], '… and 2 more');
      assert.equal(alsoInHover({ suggestions: [], language: 'en', articleOf: () => undefined, keyOf: () => '', linkTo: () => '' }), '');
      assert.equal(alsoInHover({ suggestions: [many[0]], language: 'ru', articleOf: () => undefined, keyOf: () => 'k', linkTo: () => '' }).split('\n')[0], '**Также в 1 статье?**');
    });

    it('words every reason in Russian and names a file by its decoded name', () => {
      assert.deepEqual(['same words', 'acronym NDB', 'same body (sco)', 'same id'].map((r) => reasonText(r, 'ru')),
        ['те же слова', 'аббревиатура NDB', 'тот же орган (sco)', 'тот же id']);
      assert.equal(reasonText('same body (sco)', 'en'), 'same body (sco)');
      assert.equal(fileLabel('file:///w/%D0%B1%D0%B0%D0%BD%D0%BA.summit.md'), 'банк.summit.md');
    });
  });

  describe('track findings in the editor', () => {
    it('gives the near keys, the finding\'s own first, and words the findings in Russian', () => {
      const ws = buildWorkspace([
        { path: 'a.summit.md', text: notes({}, '[x]{.initiative track=energy-club} [y]{.initiative track=energy-club}') },
        { path: 'b.summit.md', text: notes({}, '[x]{.initiative track=energy-clubs} [z]{.initiative track=energy-clubz}') },
        { path: 'c.summit.md', text: notes({ language: 'ru' }, '[x]{.initiative track=energy-clb} [5%]{.figure track=k} [w]{.initiative track=1abc}') },
      ]);
      const [f] = trackFindingsForFile(ws, 'c.summit.md');
      assert.equal(f.code, 'unknown-track');
      assert.deepEqual(nearTrackKeys(ws, f), ['energy-club', 'energy-clubs', 'energy-clubz']);
      assert.deepEqual(nearTrackKeys(ws, f, 1), ['energy-club']);
      assert.deepEqual(trackFindingsForFile(ws, 'c.summit.md').map((x) => trackFindingMessage(x, 'ru')), [
        'ключ track «energy-clb» больше нигде в рабочей области не встречается; может быть, «energy-club»?',
        'track= связывает инициативы разных файлов; у цифры или участника он не учитывается (цифра внутри отслеживаемой инициативы относится к ней)',
        '«1abc» — не ключ track: ключ начинается с буквы и состоит только из букв, цифр, «-», «_», «:» и «.»',
      ]);
      assert.equal(trackFindingMessage(f, 'en'), f.message);
      assert.equal(trackFindingMessage(f, 'en', nearTrackKeys(ws, f)), `${f.message} Also near: 'energy-clubs', 'energy-clubz'.`);
      assert.match(trackFindingMessage(f, 'ru', nearTrackKeys(ws, f)), /может быть, «energy-club»\? Также близки: «energy-clubs», «energy-clubz»\.$/);
    });
  });
});
