/**
 * A workspace file's mentions kept packed (summarise.ts writes them, workspace.ts reads them):
 * for each kind (initiatives, figures) its numbers in a typed array and its shared strings and
 * lists in an array, and the texts and ids in one string — a few arrays per file instead of an
 * object per mention and a string per text. A kind's arrays go once all its mentions are made. The
 * `InitiativeMention` and `FigureMention` objects are made when first read (one at a time for the
 * workspace's indexes, all at once for `file.initiatives` / `file.figures`), each once: a mention
 * read twice is the same object. A figure's value is read then, from its text and attributes as
 * written. The file's shape (`WorkspaceFile`) is what every reader sees; a file made otherwise
 * (a test's, a summary from another thread) is read through its lists.
 */
import { own, unescape } from '../text';
import { plainTextFrom, readFigureFacts, type SpanFigureFacts } from '../model';
import { writtenValueOf } from './precision';
import { areasOf, keptAt, keptOrUndefined } from './pool';
import type { TrackSite } from './track';
import type { ArticleInfo, FigureMention, InitiativeMention, WorkspaceFile } from './mentions';

// Offsets into the file's copied text (`texts`, see PackWriter) are "copy offsets"; -1: none.
// An initiative's numbers (Int32Array, this many per initiative) and references (refs).
export const I_START = 0;
export const I_END = 1;
export const I_LINE = 2;
export const I_INDEX = 3;
/** Its content in the copy, [I_FROM, I_TO), and the markup cut from it: `cuts[I_CUTS, I_CUTS_END)` (I_CUTS -1: its text is in refs). */
export const I_FROM = 4;
export const I_TO = 5;
export const I_CUTS = 6;
export const I_CUTS_END = 7;
/** -1: no id. */
export const I_ID = 8;
export const I_ID_END = 9;
/** -1: no `track=` (file offsets, not copy offsets). */
export const I_SITE = 10;
export const I_SITE_END = 11;
/** `status=`, `area=` as written (copy offsets; -1: absent). */
export const I_STATUS = 12;
export const I_STATUS_END = 13;
export const I_AREA = 14;
export const I_AREA_END = 15;
export const I_INTS = 16;
export const I_TRACK = 0;
export const I_WRITTEN = 1;
export const I_ACTORS = 2;
/** The text when it was read at once (a span holding many spans), else undefined. */
export const I_TEXT = 3;
export const I_REFS = 4;

// A figure's numbers (Int32Array) and references.
export const F_START = 0;
export const F_END = 1;
export const F_LINE = 2;
export const F_FROM = 3;
export const F_TO = 4;
export const F_CUTS = 5;
export const F_CUTS_END = 6;
export const F_ID = 7;
export const F_ID_END = 8;
/** Index of the enclosing initiative in the file's initiatives, -1: none. */
export const F_INITIATIVE = 9;
/** 1 when `year=` gave a year. */
export const F_HAS = 10;
export const F_YEAR = 11;
/** `value=`, `unit=`, `qualifier=` as written (copy offsets; read with the text when the mention is made). */
export const F_VALUE = 12;
export const F_VALUE_END = 13;
export const F_UNIT = 14;
export const F_UNIT_END = 15;
export const F_QUALIFIER = 16;
export const F_QUALIFIER_END = 17;
export const F_INTS = 18;
export const HAS_YEAR = 1;
export const F_METRIC = 0;
export const F_TEXT = 1;
export const F_REFS = 2;

/** One kind of a file's mentions, packed: `count` of them, their numbers and references by the layout above. */
export interface PackedPart {
  readonly count: number;
  readonly ints: Int32Array;
  readonly refs: readonly unknown[];
  /** A copy of the file's text where its mentions stand (one string, shared by both parts). */
  readonly texts: string;
  /** The markup cut from the mentions' content, [start, end) pairs in copy offsets (shared by both parts). */
  readonly cuts: Int32Array;
}

/** What summariseFile packs for one file. */
export interface PackedMentions {
  readonly initiatives: PackedPart;
  readonly figures: PackedPart;
}

/** One kind's state: its packed part until every one is made, the ones made so far, then its list. */
interface Kind<T> {
  readonly count: number;
  part: PackedPart | undefined;
  made: (T | undefined)[] | undefined;
  madeCount: number;
  list: readonly T[] | undefined;
}

/** A packed file's state (hidden on the file under a symbol, not enumerable). */
interface State {
  readonly path: string;
  readonly date: string | undefined;
  readonly language: string;
  readonly initiatives: Kind<InitiativeMention>;
  readonly figures: Kind<FigureMention>;
}

const STATE = Symbol('packed');

type Packed = WorkspaceFile & { readonly [STATE]: State };

function stateOf(file: WorkspaceFile): State | undefined {
  return (file as Partial<Packed>)[STATE];
}

function kindOf<T>(part: PackedPart): Kind<T> {
  return { count: part.count, part, made: undefined, madeCount: 0, list: undefined };
}

/** Mention `i` of a kind, made once; when all are made the packed part goes (the objects hold everything). */
function mentionOf<T>(s: State, kind: Kind<T>, i: number, make: (s: State, part: PackedPart, i: number) => T): T {
  if (kind.list !== undefined) return kind.list[i];
  const known = kind.made === undefined ? undefined : kind.made[i];
  if (known !== undefined) return known;
  const m = make(s, kind.part as PackedPart, i);
  if (kind.made === undefined) kind.made = new Array<T | undefined>(kind.count).fill(undefined);
  kind.made[i] = m;
  if (++kind.madeCount === kind.count) kind.part = undefined;
  return m;
}

function listOf<T>(s: State, kind: Kind<T>, make: (s: State, part: PackedPart, i: number) => T): readonly T[] {
  if (kind.list === undefined) {
    const out = new Array<T>(kind.count);
    for (let i = 0; i < out.length; i++) out[i] = mentionOf(s, kind, i, make);
    kind.list = Object.freeze(out);
    kind.made = undefined;
    kind.part = undefined;
  }
  return kind.list;
}

function getInitiatives(this: Packed): readonly InitiativeMention[] {
  const s = this[STATE];
  return listOf(s, s.initiatives, makeInitiative);
}

function getFigures(this: Packed): readonly FigureMention[] {
  const s = this[STATE];
  return listOf(s, s.figures, makeFigure);
}

/**
 * A workspace file whose mentions are `packed`: a plain object with the fields of a
 * `WorkspaceFile`, in its order (`initiatives` and `figures` read through getters, so spreading
 * or printing the file shows them as any file's).
 */
export function packedFile(
  path: string, article: ArticleInfo, packed: PackedMentions,
  strayTracks: readonly (TrackSite & { readonly line: number })[], badTracks: boolean,
): WorkspaceFile {
  const file = { path, article } as unknown as Record<string | symbol, unknown>;
  Object.defineProperty(file, 'initiatives', { get: getInitiatives, enumerable: true });
  Object.defineProperty(file, 'figures', { get: getFigures, enumerable: true });
  file.strayTracks = strayTracks;
  file.badTracks = badTracks;
  const state: State = {
    path, date: article.date, language: article.language, initiatives: kindOf(packed.initiatives), figures: kindOf(packed.figures),
  };
  Object.defineProperty(file, STATE, { value: state });
  return file as unknown as WorkspaceFile;
}

/** `file` (packed, no part let go yet) under another path: the same parts, its mentions made afresh with `path`. */
export function movedPackedFile(file: WorkspaceFile, path: string): WorkspaceFile | undefined {
  const s = stateOf(file);
  const initiatives = s?.initiatives.part;
  const figures = s?.figures.part;
  return initiatives && figures && packedFile(path, file.article, { initiatives, figures }, file.strayTracks, file.badTracks);
}

/** `file`'s initiatives, packed, while no list of them is made (read with the layout above; see workspace.ts's `fromFiles`). */
export function packedInitiatives(file: WorkspaceFile): PackedPart | undefined {
  return stateOf(file)?.initiatives.part;
}

export function packedFigures(file: WorkspaceFile): PackedPart | undefined {
  return stateOf(file)?.figures.part;
}

/** Initiative `i` of `file` (made once). */
export function initiativeAt(file: WorkspaceFile, i: number): InitiativeMention {
  const s = stateOf(file);
  return s ? mentionOf(s, s.initiatives, i, makeInitiative) : file.initiatives[i];
}

/** Figure `i` of `file` (made once). */
export function figureAt(file: WorkspaceFile, i: number): FigureMention {
  const s = stateOf(file);
  return s ? mentionOf(s, s.figures, i, makeFigure) : file.figures[i];
}

/** The plain text of a mention whose content is `ints[at + from]`… (see the layouts), or the one in `refs` when it was read at once. */
function textOf(p: PackedPart, at: number, from: number, read: unknown): string {
  const n = p.ints;
  const cuts = n[at + from + 2];
  return cuts < 0 ? (read as string) : plainTextFrom(p.texts, n[at + from], n[at + from + 1], p.cuts, cuts, n[at + from + 3]);
}

/** The value written at copy offsets `ints[at]`, `ints[at + 1]`, escapes resolved; undefined when absent. */
function valueAt(p: PackedPart, at: number): string | undefined {
  const start = p.ints[at];
  return start < 0 ? undefined : unescape(p.texts, start, p.ints[at + 1]);
}

/** The id at copy offsets `ints[at]`, `ints[at + 1]` (-1: none). */
function idAt(p: PackedPart, at: number): string | undefined {
  const start = p.ints[at];
  return start < 0 ? undefined : own(p.texts.slice(start, p.ints[at + 1]));
}

function makeInitiative(s: State, p: PackedPart, i: number): InitiativeMention {
  const n = p.ints;
  const at = i * I_INTS;
  const r = i * I_REFS;
  const site = n[at + I_SITE];
  const status = n[at + I_STATUS];
  const area = n[at + I_AREA];
  // Every field written out, in the order summaries always had (one object shape for all).
  return {
    path: s.path, start: n[at + I_START], end: n[at + I_END], line: n[at + I_LINE], date: s.date,
    index: n[at + I_INDEX],
    id: idAt(p, at + I_ID),
    track: p.refs[r + I_TRACK] as string | undefined,
    trackSite: site < 0 ? undefined : { start: site, end: n[at + I_SITE_END], written: p.refs[r + I_WRITTEN] as string },
    text: own(textOf(p, at, I_FROM, p.refs[r + I_TEXT])),
    status: status < 0 ? undefined : keptAt(p.texts, status, n[at + I_STATUS_END]) || undefined,
    areas: areasOf(area < 0 ? undefined : keptAt(p.texts, area, n[at + I_AREA_END])),
    actors: p.refs[r + I_ACTORS] as readonly string[],
  };
}

/** The facts a figure is read from (one per thread: makeFigure keeps none of it). */
const facts: SpanFigureFacts = { text: '', value: undefined, unit: undefined, year: undefined, qualifier: undefined };

function makeFigure(s: State, p: PackedPart, i: number): FigureMention {
  const n = p.ints;
  const at = i * F_INTS;
  const r = i * F_REFS;
  const initiative = n[at + F_INITIATIVE];
  const asWritten = own(textOf(p, at, F_FROM, p.refs[r + F_TEXT]));
  const year = n[at + F_HAS] & HAS_YEAR ? n[at + F_YEAR] : undefined;
  // The figure read now, as the model reads it (parseFigure of its text, then its attributes).
  facts.text = asWritten;
  facts.value = valueAt(p, at + F_VALUE);
  facts.unit = valueAt(p, at + F_UNIT);
  facts.year = year;
  facts.qualifier = valueAt(p, at + F_QUALIFIER);
  const { reading, parsed } = readFigureFacts(s.language, facts);
  const written = writtenValueOf(reading, s.language, asWritten, parsed);
  return {
    path: s.path, start: n[at + F_START], end: n[at + F_END], line: n[at + F_LINE], date: s.date,
    id: idAt(p, at + F_ID),
    metric: p.refs[r + F_METRIC] as string | undefined,
    year,
    value: reading.value,
    unit: keptOrUndefined(reading.unit),
    qualifier: reading.qualifier,
    asWritten,
    step: written.step,
    min: written.min,
    initiative: initiative < 0 ? undefined : initiative,
  };
}

/** A growing scratch of 32-bit integers, shared by the writers of a thread (one file at a time). */
class IntScratch {
  data = new Int32Array(1 << 12);
  n = 0;

  push(v: number): void {
    if (this.n === this.data.length) {
      const bigger = new Int32Array(2 * this.data.length);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = v;
  }
}

const initiativeInts = new IntScratch();
const figureInts = new IntScratch();
const cutInts = new IntScratch();

/**
 * Writes one file's mentions, initiatives and figures in any order (each kind keeps its own
 * order), then `finish` packs them. Nothing is cut from the text for a mention: the stretches of
 * the text where mentions stand are copied into one string (a mention inside the previous one
 * shares its stretch), and each mention keeps where its content, id and values stand in that
 * copy, and the markup its plain text leaves out (SpanRows.plainTextCuts); strings are made
 * when the mention is. The numbers go to the thread's scratch arrays and are copied out into
 * arrays of their exact size (nothing kept holds the file's text alive).
 */
export class PackWriter {
  private nI = 0;
  private nF = 0;
  private readonly initiativeRefs: unknown[] = [];
  private readonly figureRefs: unknown[] = [];
  private readonly copies: string[] = [];
  private copied = 0;
  /** The stretch copied last: text[stretchStart, stretchEnd), at copy offset stretchStart + shift. */
  private stretchStart = 0;
  private stretchEnd = -1;
  private shift = 0;

  constructor(private readonly text: string) {
    initiativeInts.n = 0;
    figureInts.n = 0;
    cutInts.n = 0;
  }

  /** How many initiatives are written so far (the index of the next one). */
  get initiatives(): number {
    return this.nI;
  }

  /** Copies text[start, end) unless the last stretch holds it; returns what to add to a text offset inside it for its copy offset. */
  cover(start: number, end: number): number {
    if (start < this.stretchStart || end > this.stretchEnd) {
      this.copies.push(this.text.slice(start, end));
      this.shift = this.copied - start;
      this.copied += end - start;
      this.stretchStart = start;
      this.stretchEnd = end;
    }
    return this.shift;
  }

  /** The cuts' scratch: pushes of SpanRows.plainTextCuts go here (then `content` says where they stand). */
  get cutScratch(): { push(v: number): void } {
    return cutInts;
  }

  /**
   * Writes a mention's content [from, to) (text offsets) and the cuts just pushed (`pushed`
   * numbers, -1: none, its text is in refs) in copy offsets, the shift added.
   */
  private content(n: IntScratch, from: number, to: number, pushed: number, shift: number): void {
    n.push(from + shift);
    n.push(to + shift);
    if (pushed < 0) {
      n.push(-1);
      n.push(-1);
      return;
    }
    const end = cutInts.n;
    const begin = end - pushed;
    const data = cutInts.data;
    for (let k = begin; k < end; k++) data[k] += shift;
    n.push(begin);
    n.push(end);
  }

  /** A range of text offsets in copy offsets (-1, -1 for none). */
  private static range(n: IntScratch, start: number, end: number, shift: number): void {
    n.push(start < 0 ? -1 : start + shift);
    n.push(start < 0 ? -1 : end + shift);
  }

  /**
   * An initiative: its span's offsets (`from`, `to`: its content), `cuts` numbers just pushed to
   * `cutScratch` (-1: `text` read at once), its id's and values' ranges (text offsets; -1: none).
   */
  initiative(
    start: number, end: number, line: number, index: number, from: number, to: number, cuts: number, text: string | undefined,
    idStart: number, idEnd: number, track: string | undefined, site: TrackSite | undefined,
    statusStart: number, statusEnd: number, areaStart: number, areaEnd: number, actors: readonly string[],
  ): void {
    this.nI++;
    const shift = this.cover(start, end);
    const n = initiativeInts;
    n.push(start);
    n.push(end);
    n.push(line);
    n.push(index);
    this.content(n, from, to, cuts, shift);
    PackWriter.range(n, idStart, idEnd, shift);
    n.push(site ? site.start : -1);
    n.push(site ? site.end : -1);
    PackWriter.range(n, statusStart, statusEnd, shift);
    PackWriter.range(n, areaStart, areaEnd, shift);
    this.initiativeRefs.push(track, site?.written, actors, text);
  }

  /** A figure, as `initiative`; `value`, `unit`, `qualifier` by their ranges. */
  figure(
    start: number, end: number, line: number, from: number, to: number, cuts: number, text: string | undefined,
    idStart: number, idEnd: number, initiative: number, year: number | undefined, metric: string | undefined, ranges: Int32Array, valueAt: number,
  ): void {
    this.nF++;
    const shift = this.cover(start, end);
    const n = figureInts;
    n.push(start);
    n.push(end);
    n.push(line);
    this.content(n, from, to, cuts, shift);
    PackWriter.range(n, idStart, idEnd, shift);
    n.push(initiative);
    n.push(year === undefined ? 0 : HAS_YEAR);
    n.push(year ?? 0);
    // value=, unit=, qualifier= at ranges[valueAt …]: three [start, end) pairs.
    for (let k = 0; k < 3; k++) PackWriter.range(n, ranges[valueAt + 2 * k], ranges[valueAt + 2 * k + 1], shift);
    this.figureRefs.push(metric, text);
  }

  /** The packed mentions. */
  finish(): PackedMentions {
    // One piece would be handed back as it is (a slice of the file's text, holding all of it): copied.
    const texts = this.copies.length === 1 ? own(this.copies[0]) : this.copies.join('');
    const cuts = cutInts.data.slice(0, cutInts.n);
    return {
      initiatives: { count: this.nI, ints: initiativeInts.data.slice(0, initiativeInts.n), refs: this.initiativeRefs, texts, cuts },
      figures: { count: this.nF, ints: figureInts.data.slice(0, figureInts.n), refs: this.figureRefs, texts, cuts },
    };
  }
}
