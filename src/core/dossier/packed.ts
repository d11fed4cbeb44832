/**
 * A workspace file's mentions kept packed (summarise.ts writes them, workspace.ts reads them):
 * for each kind (initiatives, figures) its numbers in a typed array and its shared strings and
 * lists in an array, and the texts (markup cut, not yet tidied; a mention inside another shares
 * its text's copy) and ids in one string — a few arrays per file instead of an object per mention
 * and a string per text. A kind's arrays go once all its mentions are made. The
 * `InitiativeMention` and `FigureMention` objects are made when first read (one at a time for the
 * workspace's indexes, all at once for `file.initiatives` / `file.figures`), each once: a mention
 * read twice is the same object. A text is tidied then, and a figure's value read from its text
 * and attributes as written. The file's shape (`WorkspaceFile`) is what every reader sees; a file made otherwise
 * (a test's, a summary from another thread) is read through its lists.
 */
import { own } from '../text';
import { plainTextFrom, readFigureFacts, type SpanFigureFacts } from '../model';
import { writtenValueOf } from './precision';
import { keptOrUndefined } from './pool';
import type { TrackSite } from './track';
import type { ArticleInfo, FigureMention, InitiativeMention, WorkspaceFile } from './mentions';

// Offsets into the file's copy (`texts`, see PackWriter) are "copy offsets".
// An initiative's numbers (Int32Array, this many per initiative) and references (refs).
export const I_START = 0;
export const I_END = 1;
export const I_LINE = 2;
export const I_INDEX = 3;
/** Its plain text before tidying, copy offsets [I_TEXT, I_TEXT_END); I_TEXT -1: the text is in refs. */
export const I_TEXT = 4;
export const I_TEXT_END = 5;
/** -1: no id. */
export const I_ID = 6;
export const I_ID_END = 7;
/** -1: no `track=`. */
export const I_SITE = 8;
export const I_SITE_END = 9;
export const I_INTS = 10;
export const I_TRACK = 0;
export const I_WRITTEN = 1;
export const I_STATUS = 2;
export const I_AREAS = 3;
export const I_ACTORS = 4;
/** The text when it was read at once, else undefined. */
export const I_READ = 5;
export const I_REFS = 6;

// A figure's numbers (Int32Array) and references.
export const F_START = 0;
export const F_END = 1;
export const F_LINE = 2;
export const F_TEXT = 3;
export const F_TEXT_END = 4;
export const F_ID = 5;
export const F_ID_END = 6;
/** Index of the enclosing initiative in the file's initiatives, -1: none. */
export const F_INITIATIVE = 7;
/** 1 when `year=` gave a year. */
export const F_HAS = 8;
export const F_YEAR = 9;
export const F_INTS = 10;
export const HAS_YEAR = 1;
export const F_METRIC = 0;
/** `value=`, `unit=`, `qualifier=` as written (read with the text when the mention is made). */
export const F_VALUE = 1;
export const F_UNIT = 2;
export const F_QUALIFIER = 3;
export const F_READ = 4;
export const F_REFS = 5;

/** One kind of a file's mentions, packed: `count` of them, their numbers and references by the layout above. */
export interface PackedPart {
  readonly count: number;
  readonly ints: Int32Array;
  readonly refs: readonly unknown[];
  /** The file's mentions' texts (before tidying) and ids (one string, shared by both parts). */
  readonly texts: string;
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

/** No markup to cut: the copy holds a mention's text with its markup cut already. */
const NO_CUTS = new Int32Array(0);

/** The plain text of a mention whose text stands at copy offsets `ints[at]`, `ints[at + 1]`, or the one in refs (`read`) when it was read at once. */
function textOf(p: PackedPart, at: number, read: unknown): string {
  const from = p.ints[at];
  return from < 0 ? (read as string) : plainTextFrom(p.texts, from, p.ints[at + 1], NO_CUTS, 0, 0);
}

/** The id at copy offsets `ints[at]`, `ints[at + 1]` (-1: none). */
function idAt(p: PackedPart, at: number): string | undefined {
  const start = p.ints[at];
  return start < 0 ? undefined : p.texts.slice(start, p.ints[at + 1]);
}

function makeInitiative(s: State, p: PackedPart, i: number): InitiativeMention {
  const n = p.ints;
  const at = i * I_INTS;
  const r = i * I_REFS;
  const site = n[at + I_SITE];
  // Every field written out, in the order summaries always had (one object shape for all).
  return {
    path: s.path, start: n[at + I_START], end: n[at + I_END], line: n[at + I_LINE], date: s.date,
    index: n[at + I_INDEX],
    id: idAt(p, at + I_ID),
    track: p.refs[r + I_TRACK] as string | undefined,
    trackSite: site < 0 ? undefined : { start: site, end: n[at + I_SITE_END], written: p.refs[r + I_WRITTEN] as string },
    text: textOf(p, at + I_TEXT, p.refs[r + I_READ]),
    status: p.refs[r + I_STATUS] as string | undefined,
    areas: p.refs[r + I_AREAS] as readonly string[],
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
  const asWritten = textOf(p, at + F_TEXT, p.refs[r + F_READ]);
  const year = n[at + F_HAS] & HAS_YEAR ? n[at + F_YEAR] : undefined;
  // The figure read now, as the model reads it (parseFigure of its text, then its attributes).
  facts.text = asWritten;
  facts.value = p.refs[r + F_VALUE] as string | undefined;
  facts.unit = p.refs[r + F_UNIT] as string | undefined;
  facts.year = year;
  facts.qualifier = p.refs[r + F_QUALIFIER] as string | undefined;
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

/**
 * A growing scratch of references, shared as IntScratch is: a file's references are copied out at
 * their exact length, not kept in lists each file grows (every doubling a copy, and up to half of
 * each list's room kept empty for as long as the file is).
 */
class RefScratch {
  /** Written in place by the writers (`data[n++] = …`, growing at the end, never leaving a hole). */
  readonly data: unknown[] = [];
  n = 0;
}

const initiativeRefs = new RefScratch();
const figureRefs = new RefScratch();

/**
 * Writes one file's mentions, initiatives and figures in any order (each kind keeps its own
 * order), then `finish` packs them: the numbers copied out of the thread's scratch arrays into
 * arrays of their exact size, the copied pieces of text made one string (a copy: nothing kept
 * holds the file's text alive). A mention's text is given as copy offsets of its plain text
 * before tidying (the caller copies it with `copy`; a mention inside another shares the outer
 * one's copy), or as a string read at once.
 */
export class PackWriter {
  private nI = 0;
  private nF = 0;
  /** The copy so far (joined by `+=`, one string made of it in `finish`). */
  private texts = '';

  constructor() {
    initiativeInts.n = 0;
    figureInts.n = 0;
    initiativeRefs.n = 0;
    figureRefs.n = 0;
  }

  /** How many initiatives are written so far (the index of the next one). */
  get initiatives(): number {
    return this.nI;
  }

  /** How long the copy is so far (the copy offset of the next piece). */
  get length(): number {
    return this.texts.length;
  }

  /** Appends text[start, end) to the copy; its copy offset. */
  copy(text: string, start: number, end: number): number {
    const at = this.texts.length;
    if (end > start) this.texts += text.slice(start, end);
    return at;
  }

  /** Writes the text's copy offsets (or -1, -1: `read`, pushed to refs by the caller) and the id's (copied here). */
  private textAndId(n: IntScratch, textFrom: number, textTo: number, text: string, idStart: number, idEnd: number): void {
    n.push(textFrom);
    n.push(textFrom < 0 ? -1 : textTo);
    const id = idStart < 0 ? -1 : this.copy(text, idStart, idEnd);
    n.push(id);
    n.push(idStart < 0 ? -1 : id + idEnd - idStart);
  }

  /** An initiative: `textFrom`, `textTo` its plain text's copy offsets (-1: `read` holds it); its id at text[idStart, idEnd) (-1: none). */
  initiative(
    start: number, end: number, line: number, index: number, textFrom: number, textTo: number, read: string | undefined,
    text: string, idStart: number, idEnd: number, track: string | undefined, site: TrackSite | undefined, status: string | undefined,
    areas: readonly string[], actors: readonly string[],
  ): void {
    this.nI++;
    const n = initiativeInts;
    n.push(start);
    n.push(end);
    n.push(line);
    n.push(index);
    this.textAndId(n, textFrom, textTo, text, idStart, idEnd);
    n.push(site ? site.start : -1);
    n.push(site ? site.end : -1);
    const refs = initiativeRefs.data;
    let k = initiativeRefs.n;
    refs[k++] = track;
    refs[k++] = site?.written;
    refs[k++] = status;
    refs[k++] = areas;
    refs[k++] = actors;
    refs[k++] = read;
    initiativeRefs.n = k;
  }

  /** A figure, as `initiative`. */
  figure(
    start: number, end: number, line: number, textFrom: number, textTo: number, read: string | undefined,
    text: string, idStart: number, idEnd: number, initiative: number, year: number | undefined,
    value: string | undefined, unit: string | undefined, qualifier: string | undefined, metric: string | undefined,
  ): void {
    this.nF++;
    const n = figureInts;
    n.push(start);
    n.push(end);
    n.push(line);
    this.textAndId(n, textFrom, textTo, text, idStart, idEnd);
    n.push(initiative);
    n.push(year === undefined ? 0 : HAS_YEAR);
    n.push(year ?? 0);
    const refs = figureRefs.data;
    let k = figureRefs.n;
    refs[k++] = metric;
    refs[k++] = value;
    refs[k++] = unit;
    refs[k++] = qualifier;
    refs[k++] = read;
    figureRefs.n = k;
  }

  /** The packed mentions. */
  finish(): PackedMentions {
    // Made one string (the pieces, slices of the file's text, would hold all of it).
    const texts = own(this.texts);
    return {
      initiatives: { count: this.nI, ints: initiativeInts.data.slice(0, initiativeInts.n), refs: initiativeRefs.data.slice(0, initiativeRefs.n), texts },
      figures: { count: this.nF, ints: figureInts.data.slice(0, figureInts.n), refs: figureRefs.data.slice(0, figureRefs.n), texts },
    };
  }
}
