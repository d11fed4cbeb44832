/**
 * A workspace file's mentions kept packed (summarise.ts writes them, workspace.ts reads them):
 * numbers in one typed array, the shared strings and lists in one array, the texts and ids in one
 * string — a few arrays per file instead of an object per mention and a string per text. The
 * `InitiativeMention` and `FigureMention` objects are made when first read (one at a time for the
 * workspace's indexes, all at once for `file.initiatives` / `file.figures`), each once: a mention
 * read twice is the same object. A figure's value is read then, from its text and attributes as
 * written. The file's shape (`WorkspaceFile`) is what every reader sees; a file made otherwise
 * (a test's, a summary from another thread) is read through its lists.
 */
import { readFigureFacts, type SpanFigureFacts } from '../model';
import { writtenValueOf } from './precision';
import { keptOrUndefined } from './pool';
import type { TrackSite } from './track';
import type { ArticleInfo, FigureMention, InitiativeMention, WorkspaceFile } from './mentions';

// An initiative's numbers (Int32Array, this many per initiative) and references (refs).
export const I_START = 0;
export const I_END = 1;
export const I_LINE = 2;
export const I_INDEX = 3;
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
export const I_REFS = 5;

// A figure's numbers (after the initiatives'), its reals (Float64Array) and references.
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
export const F_REFS = 4;

/** What summariseFile packs for one file. */
export interface PackedMentions {
  readonly initiatives: number;
  readonly figures: number;
  readonly ints: Int32Array;
  readonly refs: readonly unknown[];
  readonly texts: string;
}

/** A packed file's state (hidden on the file under a symbol, not enumerable). */
interface State {
  readonly path: string;
  readonly date: string | undefined;
  readonly language: string;
  /** Undefined once every mention is made (the objects then answer). */
  packed: PackedMentions | undefined;
  made: (InitiativeMention | FigureMention | undefined)[] | undefined;
  madeCount: number;
  initiatives: readonly InitiativeMention[] | undefined;
  figures: readonly FigureMention[] | undefined;
}

const STATE = Symbol('packed');

type Packed = WorkspaceFile & { readonly [STATE]: State };

function stateOf(file: WorkspaceFile): State | undefined {
  return (file as Partial<Packed>)[STATE];
}

function getInitiatives(this: Packed): readonly InitiativeMention[] {
  const s = this[STATE];
  if (s.initiatives === undefined) {
    const out = new Array<InitiativeMention>(s.packed ? s.packed.initiatives : 0);
    for (let i = 0; i < out.length; i++) out[i] = initiativeOf(s, i);
    s.initiatives = Object.freeze(out);
    release(s);
  }
  return s.initiatives;
}

function getFigures(this: Packed): readonly FigureMention[] {
  const s = this[STATE];
  if (s.figures === undefined) {
    const out = new Array<FigureMention>(s.packed ? s.packed.figures : 0);
    for (let i = 0; i < out.length; i++) out[i] = figureOf(s, i);
    s.figures = Object.freeze(out);
    release(s);
  }
  return s.figures;
}

/** Once both lists are made, the packed arrays go (the objects hold everything). */
function release(s: State): void {
  if (s.initiatives !== undefined && s.figures !== undefined) {
    s.packed = undefined;
    s.made = undefined;
  }
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
  const state: State = { path, date: article.date, language: article.language, packed, made: undefined, madeCount: 0, initiatives: undefined, figures: undefined };
  Object.defineProperty(file, STATE, { value: state });
  return file as unknown as WorkspaceFile;
}

/** `file` (packed, its arrays not let go) under another path: the same arrays, its mentions made afresh with `path`. */
export function movedPackedFile(file: WorkspaceFile, path: string): WorkspaceFile | undefined {
  const packed = stateOf(file)?.packed;
  return packed && packedFile(path, file.article, packed, file.strayTracks, file.badTracks);
}

/** The packed mentions of `file` while they are packed (read with the layout above; see workspace.ts's `fromFiles`). */
export function packedMentions(file: WorkspaceFile): PackedMentions | undefined {
  return stateOf(file)?.packed;
}

/** Initiative `i` of `file` (made once). */
export function initiativeAt(file: WorkspaceFile, i: number): InitiativeMention {
  const s = stateOf(file);
  return s ? (s.initiatives ? s.initiatives[i] : initiativeOf(s, i)) : file.initiatives[i];
}

/** Figure `i` of `file` (made once). */
export function figureAt(file: WorkspaceFile, i: number): FigureMention {
  const s = stateOf(file);
  return s ? (s.figures ? s.figures[i] : figureOf(s, i)) : file.figures[i];
}

function made(s: State, slot: number): InitiativeMention | FigureMention | undefined {
  return s.made === undefined ? undefined : s.made[slot];
}

function remember<T extends InitiativeMention | FigureMention>(s: State, slot: number, m: T): T {
  if (s.made === undefined) {
    const p = s.packed as PackedMentions;
    s.made = new Array<InitiativeMention | FigureMention | undefined>(p.initiatives + p.figures).fill(undefined);
  }
  s.made[slot] = m;
  s.madeCount++;
  return m;
}

function initiativeOf(s: State, i: number): InitiativeMention {
  const known = made(s, i) as InitiativeMention | undefined;
  if (known) return known;
  const p = s.packed as PackedMentions;
  const n = p.ints;
  const at = i * I_INTS;
  const r = i * I_REFS;
  const site = n[at + I_SITE];
  const id = n[at + I_ID];
  // Every field written out, in the order summaries always had (one object shape for all).
  return remember(s, i, {
    path: s.path, start: n[at + I_START], end: n[at + I_END], line: n[at + I_LINE], date: s.date,
    index: n[at + I_INDEX],
    id: id < 0 ? undefined : p.texts.slice(id, n[at + I_ID_END]),
    track: p.refs[r + I_TRACK] as string | undefined,
    trackSite: site < 0 ? undefined : { start: site, end: n[at + I_SITE_END], written: p.refs[r + I_WRITTEN] as string },
    text: p.texts.slice(n[at + I_TEXT], n[at + I_TEXT_END]),
    status: p.refs[r + I_STATUS] as string | undefined,
    areas: p.refs[r + I_AREAS] as readonly string[],
    actors: p.refs[r + I_ACTORS] as readonly string[],
  });
}

/** The facts a figure is read from (one per thread: figureOf keeps none of it). */
const facts: SpanFigureFacts = { text: '', value: undefined, unit: undefined, year: undefined, qualifier: undefined };

function figureOf(s: State, i: number): FigureMention {
  const p = s.packed as PackedMentions;
  const slot = p.initiatives + i;
  const known = made(s, slot) as FigureMention | undefined;
  if (known) return known;
  const n = p.ints;
  const at = p.initiatives * I_INTS + i * F_INTS;
  const r = p.initiatives * I_REFS + i * F_REFS;
  const id = n[at + F_ID];
  const initiative = n[at + F_INITIATIVE];
  const asWritten = p.texts.slice(n[at + F_TEXT], n[at + F_TEXT_END]);
  const year = n[at + F_HAS] & HAS_YEAR ? n[at + F_YEAR] : undefined;
  // The figure read now, as the model reads it (parseFigure of its text, then its attributes).
  facts.text = asWritten;
  facts.value = p.refs[r + F_VALUE] as string | undefined;
  facts.unit = p.refs[r + F_UNIT] as string | undefined;
  facts.year = year;
  facts.qualifier = p.refs[r + F_QUALIFIER] as string | undefined;
  const { reading, parsed } = readFigureFacts(s.language, facts);
  const written = writtenValueOf(reading, s.language, asWritten, parsed);
  return remember(s, slot, {
    path: s.path, start: n[at + F_START], end: n[at + F_END], line: n[at + F_LINE], date: s.date,
    id: id < 0 ? undefined : p.texts.slice(id, n[at + F_ID_END]),
    metric: p.refs[r + F_METRIC] as string | undefined,
    year,
    value: reading.value,
    unit: keptOrUndefined(reading.unit),
    qualifier: reading.qualifier,
    asWritten,
    step: written.step,
    min: written.min,
    initiative: initiative < 0 ? undefined : initiative,
  });
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
 * Writes one file's mentions, initiatives and figures in any order (each kind keeps its own
 * order), then `finish` packs them: the numbers copied out of the thread's scratch arrays into
 * arrays of their exact size, the texts and ids joined into one string (copies: nothing kept
 * holds the file's text alive).
 */
export class PackWriter {
  private nI = 0;
  private nF = 0;
  private readonly initiativeRefs: unknown[] = [];
  private readonly figureRefs: unknown[] = [];
  private readonly texts: string[] = [];
  private textLength = 0;

  constructor() {
    initiativeInts.n = 0;
    figureInts.n = 0;
  }

  /** Puts `s` in the file's texts; its start there. */
  private text(s: string): number {
    const at = this.textLength;
    this.texts.push(s);
    this.textLength += s.length;
    return at;
  }

  /** How many initiatives are written so far (the index of the next one). */
  get initiatives(): number {
    return this.nI;
  }

  initiative(
    start: number, end: number, line: number, index: number, text: string, id: string | undefined,
    track: string | undefined, site: TrackSite | undefined, status: string | undefined,
    areas: readonly string[], actors: readonly string[],
  ): void {
    this.nI++;
    const n = initiativeInts;
    n.push(start);
    n.push(end);
    n.push(line);
    n.push(index);
    const t = this.text(text);
    n.push(t);
    n.push(t + text.length);
    const i = id === undefined ? -1 : this.text(id);
    n.push(i);
    n.push(id === undefined ? -1 : i + id.length);
    n.push(site ? site.start : -1);
    n.push(site ? site.end : -1);
    this.initiativeRefs.push(track, site?.written, status, areas, actors);
  }

  figure(
    start: number, end: number, line: number, asWritten: string, id: string | undefined, initiative: number,
    year: number | undefined, value: string | undefined, unit: string | undefined, qualifier: string | undefined,
    metric: string | undefined,
  ): void {
    this.nF++;
    const n = figureInts;
    n.push(start);
    n.push(end);
    n.push(line);
    const t = this.text(asWritten);
    n.push(t);
    n.push(t + asWritten.length);
    const i = id === undefined ? -1 : this.text(id);
    n.push(i);
    n.push(id === undefined ? -1 : i + id.length);
    n.push(initiative);
    n.push(year === undefined ? 0 : HAS_YEAR);
    n.push(year ?? 0);
    this.figureRefs.push(metric, value, unit, qualifier);
  }

  /** The packed mentions. */
  finish(): PackedMentions {
    const ints = new Int32Array(initiativeInts.n + figureInts.n);
    ints.set(initiativeInts.data.subarray(0, initiativeInts.n));
    ints.set(figureInts.data.subarray(0, figureInts.n), initiativeInts.n);
    return {
      initiatives: this.nI,
      figures: this.nF,
      ints,
      refs: this.figureRefs.length === 0 ? this.initiativeRefs : this.initiativeRefs.concat(this.figureRefs),
      texts: this.texts.join(''),
    };
  }
}
