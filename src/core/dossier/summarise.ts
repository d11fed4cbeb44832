/**
 * One notes file reduced to what the workspace keeps (workspace.ts): the front matter's article
 * facts, and its initiatives and figures with their offsets, keys, metrics, statuses, areas and
 * actors. One pass over the model's rows (model/spanRows.ts, no annotation objects made); each
 * attribute block is read once. The mentions are packed (packed.ts): a few arrays per file and
 * one string holding their texts and ids. No text is cut per mention: an outer mention's text,
 * its markup cut, is copied into that string once, and the mentions inside it (an initiative's
 * figures) are parts of it (TextPlacer); texts are tidied and figures read (parseFigure) when a
 * mention is made — the index needs a figure's metric and year only. The small strings many
 * files repeat (statuses, units, metrics, areas, actors, summits, outlets, keys) and the area and
 * actor lists are shared across files through a bounded pool (pool.ts), so a workspace of
 * thousands of files keeps each of them once; a value met before is found in the text itself
 * (`keptAt`), without a string made for it.
 */
import { isIsoDate, keepBounded, own, unescape } from '../text';
import { SpanRows, figureYearAt, type NotesModel } from '../model';
import { safeHttpUrl } from '../brief';
import { TRACK_ATTRIBUTE, isValidTrackKey, normaliseTrackKey, trackSiteIn, type TrackSite } from './track';
import { PackWriter, packedFile } from './packed';
import { POOL_LIMIT, areasOf, kept, keptAt, keptOrUndefined } from './pool';
import type { ArticleInfo, WorkspaceFile } from './mentions';
export type { ArticleInfo, FigureMention, InitiativeMention, MentionPlace, WorkspaceFile } from './mentions';

/** The attributes the summary reads of every span, in one pass over each; the indexes below name them. */
const SUMMARY_KEYS = [TRACK_ATTRIBUTE, 'status', 'area', 'by', 'metric', 'value', 'unit', 'qualifier', 'year', 'name'];
const TRACK = 0;
const STATUS = 2;
const AREA = 4;
const BY = 6;
const METRIC = 8;
const VALUE = 10;
const UNIT = 12;
const QUALIFIER = 14;
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
    sourceUrl: ownOrUndefined(sourceUrlOf(fm?.source?.url)),
  };
  const text = model.text;
  // Mentions are packed (packed.ts): a few arrays per file and one string of their texts and ids;
  // their objects are made when read.
  const out = new PackWriter();
  const strayTracks: (TrackSite & { line: number })[] = [];
  let badTracks = false;
  // Straight from the model's rows (model/spanRows.ts): no annotation or figure object is made.
  const rows = new SpanRows(model, SUMMARY_KEYS);
  const texts = new TextPlacer(rows, text, out);
  const lines = new LineCounter(rows, text);
  const count = rows.count;
  /** Row → index among the initiatives (initiatives only; a row is written before it is read). */
  if (initiativeRows.length < count) initiativeRows = new Int32Array(Math.max(count, 2 * initiativeRows.length));
  const initiativeOf = initiativeRows;
  for (let row = 0; row < count; row++) {
    const kind = rows.kind(row);
    const at = rows.valueRanges(row);
    const site = at[TRACK] < 0 ? undefined : trackSiteIn(text, rows.blockStart(row), rows.end(row), keptAt(text, at[TRACK], at[TRACK + 1]));
    if (kind === 'initiative') {
      const track = site && validTrackKey(site.written);
      if (site && track === undefined) badTracks = true;
      initiativeOf[row] = out.initiatives;
      const status = at[STATUS] < 0 ? undefined : keptAt(text, at[STATUS], at[STATUS + 1]) || undefined;
      const areas = areasOf(at[AREA] < 0 ? undefined : keptAt(text, at[AREA], at[AREA + 1]));
      // Last: actorsOf reads the nested actors' attributes into the same ranges.
      const actors = actorsOf(rows, text, row, at[BY] < 0 ? undefined : keptAt(text, at[BY], at[BY + 1]));
      const start = rows.start(row);
      texts.place(row);
      const idStart = rows.idStart(row);
      out.initiative(
        start, rows.end(row), lines.lineAt(start), row, texts.textFrom, texts.textTo, texts.read,
        text, idStart, idStart < 0 ? -1 : rows.idEnd(idStart), track, site,
        status, areas, actors,
      );
      continue;
    }
    if (site) strayTracks.push({ start: site.start, end: site.end, written: own(site.written), line: rows.lineAt(site.start) });
    if (kind !== 'figure') continue;
    // The figure's value is read when the mention is made (packed.ts): the index needs its metric and year only.
    const enclosing = rows.enclosing(row, 'initiative');
    const start = rows.start(row);
    texts.place(row);
    const idStart = rows.idStart(row);
    out.figure(
      start, rows.end(row), lines.lineAt(start), texts.textFrom, texts.textTo, texts.read,
      text, idStart, idStart < 0 ? -1 : rows.idEnd(idStart), enclosing < 0 ? -1 : initiativeOf[enclosing], figureYearAt(text, at[YEAR], at[YEAR + 1]),
      at[VALUE] < 0 ? undefined : own(unescape(text, at[VALUE], at[VALUE + 1])),
      at[UNIT] < 0 ? undefined : keptAt(text, at[UNIT], at[UNIT + 1]),
      at[QUALIFIER] < 0 ? undefined : keptAt(text, at[QUALIFIER], at[QUALIFIER + 1]),
      at[METRIC] < 0 ? undefined : keptMetric(keptAt(text, at[METRIC], at[METRIC + 1])),
    );
  }
  if (strayTracks.length > 0) badTracks = true;
  return packedFile(path, article, out.finish(), strayTracks, badTracks);
}

/** summariseFile's row → initiative table, shared by the files of a thread (one at a time), grown as needed. */
let initiativeRows = new Int32Array(1024);

/**
 * The lines of the mentions' starts, asked in document order: counted on from the last answer
 * (the line breaks met in between), not looked up in a table of every line start. A text with a
 * carriage return (a line break too, alone or before a line feed) is asked of the model's lines.
 */
class LineCounter {
  private at = 0;
  private line = 0;
  /** The first line feed at or after `at` (-1: none). */
  private next: number;
  private readonly feedsOnly: boolean;

  constructor(private readonly rows: SpanRows, private readonly text: string) {
    this.feedsOnly = text.indexOf('\r') < 0;
    this.next = text.indexOf('\n');
  }

  lineAt(offset: number): number {
    if (!this.feedsOnly || offset < this.at) return this.rows.lineAt(offset);
    let next = this.next;
    while (next >= 0 && next < offset) {
      this.line++;
      next = this.text.indexOf('\n', next + 1);
    }
    this.next = next;
    this.at = offset;
    return this.line;
  }
}

/** Whether the first `n` numbers of `cuts`, [start, end) pairs, are in order and apart (each starts at or after the one before ends). */
function apart(cuts: Int32Array, n: number): boolean {
  for (let k = 2; k < n; k += 2) if (cuts[k] < cuts[k - 1]) return false;
  return true;
}

/** TextPlacer's copy of the outer mention's cuts, shared by the files of a thread (as SpanRows.cuts is). */
const outerCutsScratch = new Int32Array(SpanRows.CUTS_LENGTH);

/**
 * Where each mention's plain text (before tidying) stands in the file's copy (PackWriter). A
 * mention inside no other gets the stretches of its content between the markup `plainText` cuts
 * copied; a mention inside it whose cuts are exactly the outer one's cuts within its content is a
 * part of that copy, copied once for both (an initiative's figures). A mention holding many
 * spans (SpanRows.plainTextCuts declines) is read at once (`read`).
 */
class TextPlacer {
  /** The outer mention: its content text[from, to) (to -1: none), its cuts (`outerCuts[0, outerN)`), where its copy starts. */
  private from = 0;
  private to = -1;
  private base = 0;
  private readonly outerCuts: Int32Array;
  private outerN = 0;
  /** The place `place` found: copy offsets [textFrom, textTo), or -1 and the text in `read`. */
  textFrom = -1;
  textTo = -1;
  read: string | undefined = undefined;

  constructor(private readonly rows: SpanRows, private readonly text: string, private readonly out: PackWriter) {
    this.outerCuts = outerCutsScratch;
  }

  place(row: number): void {
    const from = this.rows.start(row) + 1;
    const to = this.rows.close(row);
    this.read = undefined;
    if (from > this.from && to <= this.to) {
      if (!this.inside(row, from, to)) this.alone(row, from, to);
      return;
    }
    const n = this.alone(row, from, to);
    if (n < 0) {
      this.to = -1;
      return;
    }
    this.from = from;
    this.to = to;
    this.base = this.textFrom;
    // A loop, not set(subarray): a few numbers, and no view object made per outer mention.
    const cuts = this.rows.cuts;
    for (let k = 0; k < n; k++) this.outerCuts[k] = cuts[k];
    this.outerN = n;
  }

  /** Places span `row` within the outer one's copy when its cuts are the outer's cuts within text[from, to). */
  private inside(row: number, from: number, to: number): boolean {
    const m = this.rows.plainTextCuts(row);
    if (m < 0) return false;
    const own = this.rows.cuts;
    const cuts = this.outerCuts;
    const n = this.outerN;
    let before = 0;
    let k = 0;
    for (; k < n && cuts[k] < from; k += 2) {
      if (cuts[k + 1] > from) return false;
      before += cuts[k + 1] - cuts[k];
    }
    let cut = 0;
    for (let j = 0; j < m; j += 2, k += 2) {
      if (k >= n || cuts[k] !== own[j] || cuts[k + 1] !== own[j + 1]) return false;
      cut += own[j + 1] - own[j];
    }
    if (k < n && cuts[k] < to) return false;
    this.textFrom = this.base + (from - this.from) - before;
    this.textTo = this.textFrom + (to - from) - cut;
    return true;
  }

  /** Copies span `row`'s text on its own; how many numbers its cuts are (in rows.cuts), or -1 when it is read at once instead. */
  private alone(row: number, from: number, to: number): number {
    const n = this.rows.plainTextCuts(row);
    const cuts = this.rows.cuts;
    if (n < 0 || !apart(cuts, n)) {
      this.textFrom = this.textTo = -1;
      this.read = own(this.rows.plainText(row));
      return -1;
    }
    const out = this.out;
    const base = out.length;
    let cursor = from;
    for (let k = 0; k < n; k += 2) {
      out.copy(this.text, cursor, cuts[k]);
      cursor = cuts[k + 1];
    }
    out.copy(this.text, cursor, to);
    this.textFrom = base;
    this.textTo = out.length;
    return n;
  }
}

/**
 * An http(s) URL that `safeHttpUrl` would hand back unchanged: a lower-case scheme and host name
 * (letters, digits, hyphens; a last label that starts with a letter, so no IP address; no
 * punycode), and a path of unreserved characters without `.` or `..` segments. Anything else
 * (a query, a port, an upper-case letter, an escape…) is left to the URL parser.
 */
const CANONICAL_HTTP_URL = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)|xn--/;

/** `safeHttpUrl(url)`, without parsing a URL that is already in the form the parser gives (each file's source URL differs: no memo helps). */
function sourceUrlOf(url: string | undefined): string | undefined {
  return url !== undefined && CANONICAL_HTTP_URL.test(url) && !DOT_SEGMENT.test(url) ? url : safeHttpUrl(url);
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
  for (let actor = rows.nextNested(row, row + 1, 'actor', 'initiative'); actor >= 0; actor = rows.nextNested(row, actor + 1, 'actor', 'initiative')) {
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

