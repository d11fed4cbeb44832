/**
 * One notes file reduced to what the workspace keeps (workspace.ts): the front matter's article
 * facts, and its initiatives and figures with their offsets, keys, metrics, statuses, areas and
 * actors. One pass over the model's rows (model/spanRows.ts, no annotation objects made); each
 * attribute block is read once. The mentions are packed (packed.ts: a few arrays per file, their
 * objects made when read); a figure keeps its text and `value=`, `unit=`, `qualifier=` as
 * written, and is read (parseFigure) when its mention is made: the index needs its metric and
 * year only. The small strings many files repeat (statuses, units, metrics, areas, actors,
 * summits, outlets, keys) and the area and actor lists are shared across files through a bounded
 * pool (pool.ts), so a workspace of thousands of files keeps each of them once; a value met
 * before is found in the text itself (`keptAt`), without a string made for it. `adoptSummary`
 * puts a summary made on another thread into the same pool.
 */
import { hasEscapeOrBreak, isIsoDate, keepBounded, own, unescape } from '../text';
import { SpanRows, type NotesModel, type SpanFigureFacts } from '../model';
import { safeHttpUrl } from '../brief';
import { TRACK_ATTRIBUTE, isValidTrackKey, normaliseTrackKey, trackSiteIn, type TrackSite } from './track';
import { PackWriter, packedFile } from './packed';
import { POOL_LIMIT, kept, keptOrUndefined } from './pool';
import type { ArticleInfo, FigureMention, InitiativeMention, WorkspaceFile } from './mentions';
export type { ArticleInfo, FigureMention, InitiativeMention, MentionPlace, WorkspaceFile } from './mentions';

/** The attributes the summary reads of every span, in one pass over each; the indexes below name them. */
const SUMMARY_KEYS = [TRACK_ATTRIBUTE, 'status', 'area', 'by', 'metric'];
const TRACK = 0;
const STATUS = 1;
const AREA = 2;
const BY = 3;
const METRIC = 4;

/** Reduces one parsed notes file to what the workspace keeps. Never throws on a valid model. */
export function summariseFile(path: string, model: NotesModel): WorkspaceFile {
  const fm = model.frontMatter;
  const date = fm?.date && isIsoDate(fm.date) ? kept(fm.date) : undefined;
  const article: ArticleInfo = {
    title: ownOrUndefined(fm?.title),
    summit: keptOrUndefined(fm?.summit),
    date,
    language: kept(model.language),
    sourceName: keptOrUndefined(fm?.source?.name),
    sourceUrl: ownOrUndefined(safeHttpUrl(fm?.source?.url)),
  };
  // Mentions are packed (packed.ts): a few arrays per file; their objects are made when read.
  const out = new PackWriter();
  const strayTracks: (TrackSite & { line: number })[] = [];
  let badTracks = false;
  // Straight from the model's rows (model/spanRows.ts): no annotation or figure object is made.
  const rows = new SpanRows(model, SUMMARY_KEYS);
  const values: (string | undefined)[] = [];
  const count = rows.count;
  /** Row → index among the initiatives (initiatives only). */
  const initiativeOf = new Int32Array(count);
  const text = model.text;
  const facts = factsScratch;
  for (let row = 0; row < count; row++) {
    const kind = rows.kind(row);
    const at = rows.valueRanges(row);
    for (let k = 0; k < SUMMARY_KEYS.length; k++) values[k] = at[2 * k] < 0 ? undefined : keptAt(text, at[2 * k], at[2 * k + 1]);
    const trackValue = values[TRACK];
    const site = trackValue === undefined ? undefined : trackSiteIn(text, rows.blockStart(row), rows.end(row), trackValue);
    if (kind === 'initiative') {
      const track = site && validTrackKey(site.written);
      if (site && track === undefined) badTracks = true;
      initiativeOf[row] = out.initiatives;
      const start = rows.start(row);
      out.initiative(
        start, rows.end(row), rows.lineAt(start), row, rows.plainText(row), rows.id(row),
        track, site && { start: site.start, end: site.end, written: kept(site.written) },
        values[STATUS] || undefined, splitAreas(values[AREA]), actorsOf(rows, row, values[BY]),
      );
      continue;
    }
    if (site) strayTracks.push({ start: site.start, end: site.end, written: own(site.written), line: rows.lineAt(site.start) });
    if (kind !== 'figure' || rows.figureFacts(row, facts) === undefined) continue;
    // The figure's value is read when the mention is made (packed.ts): the index needs its metric and year only.
    const enclosing = rows.enclosing(row, 'initiative');
    const start = rows.start(row);
    out.figure(
      start, rows.end(row), rows.lineAt(start), facts.text, rows.id(row), enclosing < 0 ? -1 : initiativeOf[enclosing],
      facts.year, ownOrUndefined(facts.value), keptOrUndefined(facts.unit), keptOrUndefined(facts.qualifier), keptMetric(values[METRIC]),
    );
  }
  if (strayTracks.length > 0) badTracks = true;
  return packedFile(path, article, out.finish(), strayTracks, badTracks);
}

/** The figure facts `figureFacts` reads into (one per thread: summariseFile keeps copies of what it keeps). */
const factsScratch: SpanFigureFacts = { text: '', value: undefined, unit: undefined, year: undefined, qualifier: undefined };

/** `metric=` (kept) trimmed, kept; undefined when empty. */
function keptMetric(metric: string | undefined): string | undefined {
  if (metric === undefined) return undefined;
  const trimmed = metric.trim();
  return trimmed.length === metric.length ? metric || undefined : trimmed ? kept(trimmed) : undefined;
}

/** `track=` as written → its normalised key, or null when it is not a valid key (bounded, as the pool). */
const trackKeys = new Map<string, string | null>();

function validTrackKey(written: string): string | undefined {
  let key = trackKeys.get(written);
  if (key === undefined) key = keepBounded(trackKeys, POOL_LIMIT, own(written), isValidTrackKey(written) ? kept(normaliseTrackKey(written)) : null);
  return key ?? undefined;
}

/** Slots of the memo in front of the pool for values read from a text (see `keptAt`). */
const SLOTS = 1 << 12;
const slotStrings = new Array<string | undefined>(SLOTS).fill(undefined);

/**
 * The attribute value written at text[start, end) (escapes resolved), kept. Values repeat
 * (statuses, areas, metrics): a memo of one string per slot, the slot chosen by the value's
 * length and three of its characters, answers most of them by comparing characters in place —
 * no string cut, hashed and looked up. A value holding an escape or a line break is never
 * memoised (its characters differ from its value).
 */
function keptAt(text: string, start: number, end: number): string {
  const n = end - start;
  if (n === 0) return '';
  const slot = (Math.imul(text.charCodeAt(start), 31) + Math.imul(text.charCodeAt(end - 1), 7) + text.charCodeAt(start + (n >> 1)) + Math.imul(n, 131)) & (SLOTS - 1);
  const memo = slotStrings[slot];
  if (memo !== undefined && memo.length === n && sameAt(text, start, memo)) return memo;
  if (hasEscapeOrBreak(text, start, end)) return kept(unescape(text, start, end));
  const value = kept(text.slice(start, end));
  slotStrings[slot] = value;
  return value;
}

/** Whether `text` holds `s` at `start` (a loop: for the few characters of a value, cheaper than `startsWith`). */
function sameAt(text: string, start: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(start + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** Kept strings must not keep the file's whole text alive (see `own`). */
function ownOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : own(s);
}

/** Area lists by `area=` as written; actor lists by their names joined. */
const areaLists = new Map<string, readonly string[]>();
const actorLists = new Map<string, readonly string[]>();

/** The list `make` gives, shared with every earlier file whose list had the same `key`. */
function keptList(lists: Map<string, readonly string[]>, key: string, make: () => readonly string[]): readonly string[] {
  return lists.get(key) ?? keepBounded(lists, POOL_LIMIT, own(key), Object.freeze(make()));
}

const NONE: readonly string[] = [];

function splitAreas(area: string | undefined): readonly string[] {
  if (!area) return NONE;
  return areaLists.get(area) ?? keepBounded(areaLists, POOL_LIMIT, own(area), Object.freeze(area.split(/[\s,]+/).filter((s) => s.length > 0).map(kept)));
}

/** White space that `replace(/\s+/g, ' ').trim()` would change: a run, an end, or other than a plain space. */
const UNTIDY_SPACE = /\s\s|^\s|\s$|[^\S ]/;

/** Whether `name` is one of the first `n` of `names`. */
function listed(names: readonly string[], n: number, name: string): boolean {
  for (let i = 0; i < n; i++) if (names[i] === name) return true;
  return false;
}

/** actorsOf's names: only the first ones (as many as it counts) are the current initiative's. */
const actorNames: string[] = [];

function actorsOf(rows: SpanRows, row: number, by: string | undefined): readonly string[] {
  let n = 0;
  if (by) actorNames[n++] = by.trim();
  // Actors nested at any depth; an initiative inside keeps its own.
  for (const actor of rows.nested(row, 'actor', 'initiative')) {
    const written = rows.attribute(actor, 'name') ?? rows.plainText(actor);
    const name = UNTIDY_SPACE.test(written) ? written.replace(/\s+/g, ' ').trim() : written;
    if (name && !listed(actorNames, n, name)) actorNames[n++] = name;
  }
  if (n === 0) return NONE;
  const key = n === 1 ? actorNames[0] : actorNames.slice(0, n).join('\u0000');
  return actorLists.get(key) ?? keepBounded(actorLists, POOL_LIMIT, own(key), Object.freeze(actorNames.slice(0, n).map(kept)));
}

/** Area and actor lists of summaries made elsewhere, by their items joined (see {@link adoptSummary}). */
const adoptedLists = new Map<string, readonly string[]>();

function adoptedList(list: readonly string[]): readonly string[] {
  if (list.length === 0) return NONE;
  return keptList(adoptedLists, list.length === 1 ? list[0] : list.join('\u0000'), () => list.map(kept));
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A summary made by `summariseFile` elsewhere — on another thread, whose copy arrives with a string
 * of its own for every field — made to share this thread's pool as one made here does: its path
 * and date once per file, the small repeated strings and the area and actor lists from the pool.
 * The summary is changed in place (it is the receiver's fresh copy) and returned.
 */
export function adoptSummary(file: WorkspaceFile): WorkspaceFile {
  const path = file.path;
  const article = file.article as Writable<ArticleInfo>;
  article.summit = keptOrUndefined(article.summit);
  article.date = keptOrUndefined(article.date);
  article.language = kept(article.language);
  article.sourceName = keptOrUndefined(article.sourceName);
  const date = article.date;
  for (const m of file.initiatives as Writable<InitiativeMention>[]) {
    m.path = path;
    m.date = date;
    m.track = keptOrUndefined(m.track);
    if (m.trackSite) m.trackSite = { start: m.trackSite.start, end: m.trackSite.end, written: kept(m.trackSite.written) };
    m.status = keptOrUndefined(m.status);
    m.areas = adoptedList(m.areas);
    m.actors = adoptedList(m.actors);
  }
  for (const f of file.figures as Writable<FigureMention>[]) {
    f.path = path;
    f.date = date;
    f.metric = keptOrUndefined(f.metric);
    f.unit = keptOrUndefined(f.unit);
  }
  return file;
}
