/**
 * The workspace summary of a file (`summariseFile`) reads the model's rows in bulk (model/spanRows.ts)
 * instead of its annotation and figure objects. This suite keeps the two ways equal: a summary
 * made here from the objects (the way the dossier read files before) must equal it, field by field, on
 * every fixture notes file and on random files full of nesting, escapes, quotes and stray keys.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  editNotes, isIsoDate, normaliseTrackKey, isValidTrackKey, parseNotes, safeHttpUrl, summariseFile, walkDepthFirst, writtenValue,
  type Annotation, type NotesModel, type WorkspaceFile,
} from '../../src/core';
import { trackSite } from '../../src/core/dossier/track';
import { seededRandom } from '../support/random';
import { DOSSIER_FIXTURES } from './dossierSupport';

/** The summary as the model's objects give it (the reference the bulk reader must equal). */
function summaryFromObjects(path: string, model: NotesModel): unknown {
  const fm = model.frontMatter;
  const date = fm?.date && isIsoDate(fm.date) ? fm.date : undefined;
  const initiatives: Record<string, unknown>[] = [];
  const figures: Record<string, unknown>[] = [];
  const strayTracks: Record<string, unknown>[] = [];
  const initiativeOf = new Map<number, number>();
  const line = (offset: number): number => model.positionAt(offset).line;
  for (const a of model.annotations) {
    const value = a.attribute('track');
    const site = value === undefined ? undefined : trackSite(model.text, a, value);
    if (a.kind !== 'initiative') {
      if (site) strayTracks.push({ start: site.start, end: site.end, written: site.written, line: line(site.start) });
      continue;
    }
    initiativeOf.set(a.index, initiatives.length);
    const area = a.attribute('area');
    initiatives.push({
      path, start: a.range.start, end: a.range.end, line: line(a.range.start), date, index: a.index, id: a.id,
      track: site && isValidTrackKey(site.written) ? normaliseTrackKey(site.written) : undefined,
      trackSite: site && { start: site.start, end: site.end, written: site.written },
      text: a.plainText,
      status: a.attribute('status') || undefined,
      areas: area ? area.split(/[\s,]+/).filter((s) => s.length > 0) : [],
      actors: actorsOf(a),
    });
  }
  for (const f of model.figures) {
    const a = f.annotation;
    let initiative: number | undefined;
    for (let p = a.parent; p; p = p.parent) {
      if (p.kind === 'initiative') {
        initiative = initiativeOf.get(p.index);
        break;
      }
    }
    const written = writtenValue(f, model.language);
    figures.push({
      path, start: a.range.start, end: a.range.end, line: line(a.range.start), date, id: a.id,
      metric: f.metric?.trim() || undefined, year: f.year, value: f.value, unit: f.unit, qualifier: f.qualifier,
      asWritten: a.plainText, step: written.step, min: written.min, initiative,
    });
  }
  return {
    path,
    article: {
      title: fm?.title, summit: fm?.summit, date, language: model.language, sourceName: fm?.source?.name, sourceUrl: safeHttpUrl(fm?.source?.url),
    },
    initiatives, figures, strayTracks,
    badTracks: strayTracks.length > 0 || initiatives.some((m) => m.trackSite !== undefined && m.track === undefined),
  };
}

function actorsOf(a: Annotation): string[] {
  const out: string[] = [];
  const by = a.attribute('by');
  if (by) out.push(by.trim());
  walkDepthFirst(a.children, (c) => {
    if (c.kind === 'initiative') return false;
    if (c.kind === 'actor') {
      const name = (c.attribute('name') ?? c.plainText).replace(/\s+/g, ' ').trim();
      if (name && !out.includes(name)) out.push(name);
    }
    return true;
  });
  return out;
}

/** The bulk summary as plain data (frozen shared lists become arrays). */
function plain(file: WorkspaceFile): unknown {
  return JSON.parse(JSON.stringify(file, (_k, v: unknown) => (v === undefined ? '\u0000undefined' : v)));
}

function same(path: string, text: string, model: NotesModel = parseNotes(text)): void {
  assert.deepEqual(plain(summariseFile(path, model)), plain(summaryFromObjects(path, model) as WorkspaceFile), path);
}

/** Every `.summit.md` under a fixture folder. */
function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureFiles(path));
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** Random notes files full of nesting, escapes, quotes, stray keys and references, as [path, text]. */
function randomNotesFiles(seed: number, count: number): [string, string][] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const words = ['bank', 'банк ШОС', 'water\\] centre', 'forum', 'corridor\nnorth', 'fund  green', '`code`', 'x\\*y'];
  const trackValues = ['sco-bank', '"SCO-Bank"', "'ai forum'", '9bad', 'a\\}b', '"q\\"x"', ''];
  const span = (depth: number): string => {
    const inner: string[] = [pick(words)];
    const n = depth > 4 ? 0 : Math.floor(random() * 3);
    for (let k = 0; k < n; k++) inner.push(span(depth + 1));
    if (random() < 0.2) inner.push('[see](#x-1)');
    const kind = pick(['initiative', 'initiative', 'figure', 'actor', 'actor', 'note']);
    const text = kind === 'figure' ? `${pick(['about', 'more than', 'до', ''])} ${Math.floor(random() * 900)}${pick(['.5', ',25', ''])} ${pick(['bn dollars', 'млрд рублей', '%', 'тонн'])}` : inner.join(' ');
    const attrs: string[] = [`.${kind}`];
    if (random() < 0.4) attrs.push(`#x-${Math.floor(random() * 5)}`);
    if (random() < 0.5) attrs.push(`track=${pick(trackValues)}`);
    if (random() < 0.3) attrs.push(`track=${pick(trackValues)}`);
    if (random() < 0.5) attrs.push(`status=${pick(['proposed', 'agreed', '"launched"', ''])}`);
    if (random() < 0.4) attrs.push(`area="${pick(['finance', 'security, economy', ' transport  ecology '])}"`);
    if (random() < 0.4) attrs.push(`by=${pick(['China', '"New Delhi"', 'Казахстан'])}`);
    if (random() < 0.3) attrs.push(`name="${pick(['Xi  Jinping', 'India', ''])}"`);
    if (kind === 'figure') {
      attrs.push(`metric="${pick(['trade volume', ' Trade  Volume ', 'members'])}"`);
      if (random() < 0.5) attrs.push(`year=${pick(['2024', '2025', '20x5', '" 2026 "', '2\\027'])}`);
      if (random() < 0.2) attrs.push(`value=${pick(['650e9', '1e400', 'about 5', '" 7\\.5 "'])}`);
      if (random() < 0.2) attrs.push(`unit=${pick(['"bn \\"USD\\""', 'тонн', '" "'])}`);
      if (random() < 0.2) attrs.push(`qualifier=${pick(['about', 'more_than', 'odd', '" up_to "'])}`);
    }
    return `[${text}]{${attrs.join(' ')}}`;
  };
  const out: [string, string][] = [];
  for (let file = 0; file < count; file++) {
    const language = pick(['ru', 'en']);
    const lines = ['---', 'summit-notes: 1', `date: ${pick(['2024-07-04', '2024-7-4', '2025-09-01'])}`, `language: ${language}`, 'summit: Astana', 'source:', '  name: Outlet', `  url: ${pick(['https://e.example/a', 'ftp://x'])}`, '---', '', '# Notes {#x-1}', ''];
    const paragraphs = 1 + Math.floor(random() * 6);
    for (let p = 0; p < paragraphs; p++) {
      const parts: string[] = [];
      for (let k = Math.floor(random() * 5); k > 0; k--) parts.push(`${pick(['Text', 'Текст', '-'])} ${span(0)}`);
      if (random() < 0.15) parts.push('[unclosed {.initiative');
      lines.push(parts.join(random() < 0.3 ? '\n' : ' '), '');
    }
    out.push([`/w/${file}.summit.md`, lines.join(random() < 0.2 ? '\r\n' : '\n')]);
  }
  return out;
}

describe('workspace summary read from the rows', () => {
  it('equals the summary made from the model objects on every fixture notes file', () => {
    const files = fixtureFiles(join(DOSSIER_FIXTURES, '..'));
    assert.ok(files.length > 20, `found ${files.length} fixture files`);
    for (const path of files) same(path, readFileSync(path, 'utf8'));
  });

  it('equals it on random files: nested initiatives, actors with and without name=, escapes, quoted and stray keys, references', () => {
    for (const [path, text] of randomNotesFiles(1719, 60)) same(path, text);
  });

  it('equals it when values repeat across files and many differ only inside (the summary remembers values it met)', () => {
    // Values from a two-letter alphabet: many of one length share their first, middle and last
    // characters, so the summary's memo of values met before is asked about look-alikes.
    const random = seededRandom(1741);
    const value = (): string => {
      let s = '';
      for (let n = 3 + Math.floor(random() * 6); n > 0; n--) s += random() < 0.5 ? 'a' : 'b';
      return s;
    };
    const escaped = (v: string): string => (random() < 0.1 ? `"${v.slice(0, 1)}\\"${v.slice(1)}"` : random() < 0.1 ? `"${v}\n${v}"` : v);
    for (let file = 0; file < 40; file++) {
      const spans: string[] = [];
      for (let k = 0; k < 30; k++) {
        spans.push(random() < 0.5
          ? `[plan ${k} [${value()}]{.actor}]{.initiative status=${escaped(value())} area="${value()} ${value()}" by=${escaped(value())} track=${escaped(value())}}`
          : `[${1 + k} bn dollars]{.figure metric="${value()} ${value()}" year=2024}`);
      }
      same(`/w/look-alike-${file}.summit.md`, `---\nsummit-notes: 1\ndate: 2024-0${1 + (file % 9)}-01\n---\n\n${spans.join('\n\n')}\n`);
    }
  });

  it('equals it on models edits made (rows kept in several pieces, offsets moved)', () => {
    const random = seededRandom(1731);
    const inserts = [' [x]{.actor}', ' word', '[new [India]{.actor}]{.initiative track=k status=agreed}', '\n\n', ' [5 bn dollars]{.figure metric=m}', ']', '{'];
    for (const [path, start] of randomNotesFiles(1733, 10)) {
      let text = start;
      let model = parseNotes(text);
      for (let step = 0; step < 10; step++) {
        const offset = Math.floor(random() * (text.length + 1));
        const deleted = Math.min(text.length - offset, Math.floor(random() * 6));
        const inserted = inserts[Math.floor(random() * inserts.length)];
        text = text.slice(0, offset) + inserted + text.slice(offset + deleted);
        model = editNotes(model, { offset, deleted, inserted }, text);
        same(`${path} after edit ${step}`, text, model);
      }
    }
  });

  it('keeps a source URL as safeHttpUrl gives it, the usual canonical ones read without the URL parser', () => {
    const urls = [
      'https://outlet-1.example.org/a/1', 'http://a.b/', 'https://a.b', 'https://A.b/x', 'HTTPS://a.b/x', 'https://a.b/./x', 'https://a.b/x/..',
      'https://a.b/x/.../y', 'https://a.b/.hidden', 'https://a.b/x/.', 'https://a.b/x/..y', 'https://a.b//x', 'https://xn--e1afmkfd.xn--p1ai/a',
      'https://1.2.3.4/x', 'https://a.0x1/x', 'https://a.b:80/x', 'https://a.b:443/x', 'https://a.b/x?y=1', 'https://a.b/x#y', 'https://a.b/%41',
      'https://a-.b-/x', 'https://-a.b/x', 'https://a..b/x', 'https://a.b./x', 'http://localhost/x', 'https://a.b/~x_y-z.1/', 'ftp://a.b/x',
      'javascript:alert(1)', 'https://user@a.b/x', 'https://a.b/x\\y', 'https://münchen.de/x', 'https://a.b/путь',
    ];
    for (const url of urls) {
      const model = parseNotes(`---\nsummit-notes: 1\nsource:\n  name: X\n  url: ${url}\n---\n\ntext\n`);
      assert.equal(summariseFile('/w/a.md', model).article.sourceUrl, safeHttpUrl(model.frontMatter?.source?.url), url);
    }
  });

  it('reads a model it did not parse (a wrapped model) the same as the model parseNotes made', () => {
    const text = readFileSync(join(DOSSIER_FIXTURES, '2024-07-04-astana.en.summit.md'), 'utf8');
    const model = parseNotes(text);
    // Only what a model says of itself, none of the rows: the summary reads the text again.
    const foreign = { text: model.text, language: model.language, frontMatter: model.frontMatter } as unknown as NotesModel;
    assert.deepEqual(plain(summariseFile('/w/a.md', foreign)), plain(summariseFile('/w/a.md', model)));
    assert.ok(summariseFile('/w/a.md', model).initiatives.length > 0);
  });
});
