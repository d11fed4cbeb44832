/**
 * One notes file reduced to what the workspace keeps (workspace.ts): the front matter's article
 * facts, and its initiatives and figures with their offsets, keys, metrics, statuses, areas and
 * actors. One pass over the model's rows (model/spanRows.ts, no annotation objects made); each
 * attribute block is read once. The mentions are packed (packed.ts): a few arrays per file and a
 * copy of the stretches of text where they stand; the only strings made here are those the
 * workspace's indexes need (track keys, metrics) and the actor lists — texts, ids, statuses,
 * areas and a figure's `value=`, `unit=`, `qualifier=` are read from the copy when a mention is
 * made (a figure is read by parseFigure then: the index needs its metric and year only). The
 * small strings many files repeat (statuses, units, metrics, areas, actors, summits, outlets,
 * keys) and the area and actor lists are shared across files through a bounded pool (pool.ts),
 * so a workspace of thousands of files keeps each of them once; a value met before is found in
 * the text itself (`keptAt`), without a string made for it. `adoptSummary` puts a summary made on
 * another thread into the same pool.
 */
import { isIsoDate, keepBounded, own } from '../text';
import { SpanRows, figureYearAt, type NotesModel } from '../model';
import { safeHttpUrl } from '../brief';
import { TRACK_ATTRIBUTE, isValidTrackKey, normaliseTrackKey, trackSiteIn, type TrackSite } from './track';
import { PackWriter, packedFile } from './packed';
import { POOL_LIMIT, kept, keptAt, keptOrUndefined } from './pool';
import type { ArticleInfo, FigureMention, InitiativeMention, WorkspaceFile } from './mentions';
export type { ArticleInfo, FigureMention, InitiativeMention, MentionPlace, WorkspaceFile } from './mentions';

/** The attributes the summary reads of every span, in one pass over each; the indexes below name them. */
const SUMMARY_KEYS = [TRACK_ATTRIBUTE, 'status', 'area', 'by', 'metric', 'value', 'unit', 'qualifier', 'year', 'name'];
const TRACK = 0;
const STATUS = 2;
const AREA = 4;
const BY = 6;
const METRIC = 8;
/** `value=`, `unit=`, `qualifier=`: three pairs from here, in the order PackWriter.figure takes them. */
const VALUE = 10;
const YEAR = 16;
const NAME = 18;

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
  const text = model.text;
  // Mentions are packed (packed.ts): a few arrays per file and a copy of the text where they
  // stand; their strings and objects are made when read.
  const out = new PackWriter(text);
  const strayTracks: (TrackSite & { line: number })[] = [];
  let badTracks = false;
  // Straight from the model's rows (model/spanRows.ts): no annotation or figure object is made.
  const rows = new SpanRows(model, SUMMARY_KEYS);
  const count = rows.count;
  /** Row → index among the initiatives (initiatives only). */
  const initiativeOf = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const kind = rows.kind(row);
    const at = rows.valueRanges(row);
    const site = at[TRACK] < 0 ? undefined : trackSiteIn(text, rows.blockStart(row), rows.end(row), keptAt(text, at[TRACK], at[TRACK + 1]));
    if (kind === 'initiative') {
      const track = site && validTrackKey(site.written);
      if (site && track === undefined) badTracks = true;
      initiativeOf[row] = out.initiatives;
      const statusStart = at[STATUS];
      const statusEnd = at[STATUS + 1];
      const areaStart = at[AREA];
      const areaEnd = at[AREA + 1];
      // Last: actorsOf reads the nested actors' attributes into the same ranges.
      const actors = actorsOf(rows, text, row, at[BY] < 0 ? undefined : keptAt(text, at[BY], at[BY + 1]));
      const start = rows.start(row);
      const cuts = rows.plainTextCuts(row, out.cutScratch);
      const idStart = rows.idStart(row);
      out.initiative(
        start, rows.end(row), rows.lineAt(start), row, start + 1, rows.close(row), cuts, cuts < 0 ? own(rows.plainText(row)) : undefined,
        idStart, idStart < 0 ? -1 : rows.idEnd(idStart), track, site && { start: site.start, end: site.end, written: kept(site.written) },
        statusStart, statusEnd, areaStart, areaEnd, actors,
      );
      continue;
    }
    if (site) strayTracks.push({ start: site.start, end: site.end, written: own(site.written), line: rows.lineAt(site.start) });
    if (kind !== 'figure') continue;
    // The figure's value is read when the mention is made (packed.ts): the index needs its metric and year only.
    const enclosing = rows.enclosing(row, 'initiative');
    const start = rows.start(row);
    const cuts = rows.plainTextCuts(row, out.cutScratch);
    const idStart = rows.idStart(row);
    out.figure(
      start, rows.end(row), rows.lineAt(start), start + 1, rows.close(row), cuts, cuts < 0 ? own(rows.plainText(row)) : undefined,
      idStart, idStart < 0 ? -1 : rows.idEnd(idStart), enclosing < 0 ? -1 : initiativeOf[enclosing],
      figureYearAt(text, at[YEAR], at[YEAR + 1]), at[METRIC] < 0 ? undefined : keptMetric(keptAt(text, at[METRIC], at[METRIC + 1])), at, VALUE,
    );
  }
  if (strayTracks.length > 0) badTracks = true;
  return packedFile(path, article, out.finish(), strayTracks, badTracks);
}

/** `metric=` (kept) trimmed, kept; undefined when empty. */
function keptMetric(metric: string): string | undefined {
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

/** Kept strings must not keep the file's whole text alive (see `own`). */
function ownOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : own(s);
}

/** The list `make` gives, shared with every earlier file whose list had the same `key`. */
function keptList(lists: Map<string, readonly string[]>, key: string, make: () => readonly string[]): readonly string[] {
  return lists.get(key) ?? keepBounded(lists, POOL_LIMIT, own(key), Object.freeze(make()));
}

const NONE: readonly string[] = [];

/** White space that `replace(/\s+/g, ' ').trim()` would change: a run, an end, or other than a plain space. */
const UNTIDY_SPACE = /\s\s|^\s|\s$|[^\S ]/;

/** Whether `name` is one of the first `n` of `names`. */
function listed(names: readonly string[], n: number, name: string): boolean {
  for (let i = 0; i < n; i++) if (names[i] === name) return true;
  return false;
}

/** actorsOf's names: only the first ones (as many as it counts) are the current initiative's. */
const actorNames: string[] = [];

/**
 * `by=` and the names of the actors nested in initiative `row` (at any depth; an initiative inside
 * keeps its own), each once, as a list shared with every earlier initiative that names the same.
 * A name written plainly (`name=`, or the actor's text without markup, escapes or line breaks)
 * is found in the pool without a string cut for it (`keptAt`).
 */
function actorsOf(rows: SpanRows, text: string, row: number, by: string | undefined): readonly string[] {
  let n = 0;
  if (by) actorNames[n++] = by.trim();
  for (const actor of rows.nested(row, 'actor', 'initiative')) {
    const at = rows.valueRanges(actor);
    const written = at[NAME] >= 0 ? keptAt(text, at[NAME], at[NAME + 1])
      : rows.plainTextIsContent(actor) ? keptAt(text, rows.start(actor) + 1, rows.close(actor)) : rows.plainText(actor);
    const name = UNTIDY_SPACE.test(written) ? written.replace(/\s+/g, ' ').trim() : written;
    if (name && !listed(actorNames, n, name)) actorNames[n++] = name;
  }
  return n === 0 ? NONE : actorList(actorNames, n);
}

/** A step of the actor lists' trie: the list of the names that lead here, and the next names. */
interface ListNode {
  list: readonly string[] | undefined;
  next: Map<string, ListNode> | undefined;
}

/** Actor lists by their names, one step per name (no key string is made for a list); bounded as the pool. */
let actorLists: ListNode = { list: undefined, next: undefined };
let actorListSteps = 0;

/** The list of `names[0, n)` (kept), shared with every earlier initiative that had the same names in the same order. */
function actorList(names: readonly string[], n: number): readonly string[] {
  if (actorListSteps >= POOL_LIMIT) {
    actorLists = { list: undefined, next: undefined };
    actorListSteps = 0;
  }
  let node = actorLists;
  for (let i = 0; i < n; i++) {
    let next = node.next?.get(names[i]);
    if (next === undefined) {
      next = { list: undefined, next: undefined };
      (node.next ??= new Map()).set(own(names[i]), next);
      actorListSteps++;
    }
    node = next;
  }
  return (node.list ??= Object.freeze(names.slice(0, n).map(kept)));
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
