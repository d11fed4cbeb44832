/**
 * The id map of a model: id → every annotation and heading carrying it, in document order, with
 * its duplicate-id and unresolved-reference findings. Ids are interned names (model/interner.ts), read
 * from the text without copying it; carriers are named by their scanned row (a base and a row of
 * it), which never changes, so the model an edit makes derives its map from the previous one:
 * only the ids the edit's stretch carried before or carries now are looked at again
 * (model/edit.ts). A whole file's map is a dense table (DenseIds); what edits change goes into
 * buckets over it, each copied only when one of its ids changes, so models share the rest.
 * (The map as a ReadonlyMap is model/idIndex.ts.)
 */
import { nameEnd } from './attributes';
import { PHASE_IDS, PHASE_REFERENCES, finding, nearest, type Finding } from './diagnostics';
import type { AnnotationNode, SectionNode } from './views';
import type { RowReader } from './rows';
import type { Position } from './types';
import { A_CLOSE, A_END, A_ID, A_START, A_STRIDE, R_ID, R_STRIDE, referenceIdEnd, type Base, type Piece } from './tables';

/** An annotation row (`row` ≥ 0) or a heading (`row` = -1 - its index) of a base. */

/**
 * What the id map reads of its model. The document (document.ts) is the one implementation; the
 * id map names this interface so the two files do not import each other.
 */
export interface IdDocument extends RowReader {
  readonly headingPieces: readonly Piece[];
  shiftOf(c: Carrier): number;
  carrierNode(c: Carrier): AnnotationNode | SectionNode | undefined;
  positionAt(offset: number): Position;
}

export interface Carrier {
  readonly base: Base;
  readonly row: number;
}

/** One carrier (most ids), or several in document order. */
type Carriers = Carrier | readonly Carrier[];
type Bucket = ReadonlyMap<number, Carriers>;

const BUCKETS = 1024;
/** "Did you mean" costs a comparison with every id: offered for the first few unresolved references, in files with few ids. */
export const SUGGESTION_BUDGET = 50;
export const SUGGESTION_IDS = 5000;
const NONE: readonly Carrier[] = Object.freeze([]);

function list(c: Carriers | undefined): readonly Carrier[] {
  return c === undefined ? NONE : Array.isArray(c) ? c : [c as Carrier];
}

/**
 * The ids a whole-file read found, compactly: `first[name]` is the row code (annotation row ≥ 0,
 * heading -1 - its index) of the first carrier of the interned id `name`, all of one base, or
 * NO_CARRIER; `more` lists every carrier of the ids carried more than once. A file's hundreds of
 * thousands of ids then cost four bytes each, not an object and a map entry.
 */
interface DenseIds {
  readonly base: Base;
  readonly first: Int32Array;
  readonly more: ReadonlyMap<number, readonly Carrier[]>;
}

const NO_CARRIER = -0x80000000;

/** What a model knows of its ids; shared, bucket by bucket, with the models edits make from it. */
export class IdState {
  constructor(
    /** Ids an edit looked at again (an empty list: carried no more); these override `dense`. */
    readonly buckets: readonly (Bucket | undefined)[],
    readonly size: number,
    /** Duplicate-id findings (any order). */
    readonly duplicates: readonly Finding[],
    /** Unresolved-reference findings (any order). */
    readonly unresolved: readonly Finding[],
    /** The ids of the whole-file read this state descends from, when it was of one base. */
    readonly dense?: DenseIds,
  ) {}

  /** The carriers of the id interned as `name`, in document order (empty when none). */
  carriers(name: number): readonly Carrier[] {
    if (name < 0) return NONE;
    const bucket = this.buckets[name & (BUCKETS - 1)];
    if (bucket !== undefined && bucket.has(name)) return list(bucket.get(name));
    const dense = this.dense;
    if (dense === undefined || name >= dense.first.length || dense.first[name] === NO_CARRIER) return NONE;
    return dense.more.get(name) ?? [{ base: dense.base, row: dense.first[name] }];
  }

  first(name: number): Carrier | undefined {
    return this.has(name) ? this.carriers(name)[0] : undefined;
  }

  /** Whether any carrier holds the id interned as `name` (without making a carrier). */
  has(name: number): boolean {
    if (name < 0) return false;
    const bucket = this.buckets[name & (BUCKETS - 1)];
    if (bucket !== undefined && bucket.has(name)) return list(bucket.get(name)).length > 0;
    const dense = this.dense;
    return dense !== undefined && name < dense.first.length && dense.first[name] !== NO_CARRIER;
  }
}

/** The interned id at `at` in `doc` (an id runs to the first character that cannot be in a name), or -1 when empty. */
function nameAt(doc: IdDocument, at: number): number {
  const end = nameEnd(doc.text, at);
  return end > at ? doc.names.idOf(doc.text, at, end) : -1;
}

/** The interned id a carrier holds, read where it stands in `doc` (its offsets moved by `shift`). */
function nameOf(doc: IdDocument, base: Base, row: number, shift: number): number {
  if (row < 0) {
    const id = base.headings[-1 - row].id;
    return id ? doc.names.intern(id) : -1;
  }
  const at = base.rows[row * A_STRIDE + A_ID];
  return at < 0 ? -1 : nameAt(doc, at + shift);
}

function carrierName(doc: IdDocument, c: Carrier): number {
  return nameOf(doc, c.base, c.row, c.row < 0 ? 0 : doc.shiftOf(c));
}

/** Where a carrier stands in `doc`: its `[` or the heading's start. */
export function carrierStart(doc: IdDocument, c: Carrier): number {
  const start = c.row < 0 ? c.base.headings[-1 - c.row].start : c.base.rows[c.row * A_STRIDE + A_START];
  return start + doc.shiftOf(c);
}

/** A duplicate-id finding for `c`, whose id was first carried at `firstStart`. */
export function duplicate(doc: IdDocument, id: string, c: Carrier, firstStart: number): Finding {
  const shift = doc.shiftOf(c);
  let from: number;
  let to: number;
  let start: number;
  if (c.row < 0) {
    const h = c.base.headings[-1 - c.row];
    from = start = h.start + shift;
    to = h.end + shift;
  } else {
    start = c.base.rows[c.row * A_STRIDE + A_START] + shift;
    from = c.base.rows[c.row * A_STRIDE + A_CLOSE] + 1 + shift;
    to = c.base.rows[c.row * A_STRIDE + A_END] + shift;
  }
  return finding('duplicate-id', from, to, `The id “${id}” is already used at line ${doc.positionAt(firstStart).line + 1}.`, PHASE_IDS, 2 * start + (c.row < 0 ? 0 : 1), {
    id,
    first: firstStart,
  });
}

/**
 * Calls `visit` for every carrier of `doc` in document order (a heading before an annotation at
 * the same offset), with where it stands and how far its base's offsets moved.
 */
function forEachCarrier(doc: IdDocument, visit: (base: Base, row: number, start: number, shift: number) => void): void {
  const annotations = doc.annotationPieces;
  const headings = doc.headingPieces;
  let a = 0;
  let ar = annotations.length ? annotations[0].from : 0;
  let h = 0;
  let hr = headings.length ? headings[0].from : 0;
  for (;;) {
    const ap = annotations[a] as Piece | undefined;
    const hp = headings[h] as Piece | undefined;
    if (ap && ar >= ap.to) {
      a++;
      ar = annotations[a]?.from ?? 0;
      continue;
    }
    if (hp && hr >= hp.to) {
      h++;
      hr = headings[h]?.from ?? 0;
      continue;
    }
    if (!ap && !hp) return;
    const annotationStart = ap ? ap.base.rows[ar * A_STRIDE + A_START] + ap.shift : Number.POSITIVE_INFINITY;
    const headingStart = hp ? hp.base.headings[hr].start + hp.shift : Number.POSITIVE_INFINITY;
    if (hp && headingStart <= annotationStart) {
      if (hp.base.headings[hr].id) visit(hp.base, -1 - hr, headingStart, hp.shift);
      hr++;
    } else if (ap) {
      if (ap.base.rows[ar * A_STRIDE + A_ID] >= 0) visit(ap.base, ar, annotationStart, ap.shift);
      ar++;
    }
  }
}

/** The id state of `doc`, read from all its carriers and references. */
export function buildIdState(doc: IdDocument): IdState {
  const base = singleBase(doc);
  if (base !== undefined) return buildDenseIdState(doc, base);
  const buckets: Map<number, Carriers>[] = [];
  const duplicates: Finding[] = [];
  let size = 0;
  try {
    forEachCarrier(doc, (base, row, _start, shift) => {
      const name = nameOf(doc, base, row, shift);
      if (name < 0) return;
      const bucket = (buckets[name & (BUCKETS - 1)] ??= new Map());
      const known = bucket.get(name);
      const c: Carrier = { base, row };
      if (known === undefined) {
        bucket.set(name, c);
        size++;
        return;
      }
      const carriers = Array.isArray(known) ? (known as Carrier[]) : [known as Carrier];
      duplicates.push(duplicate(doc, doc.names.names[name], c, carrierStart(doc, carriers[0])));
      carriers.push(c);
      if (carriers.length === 2) bucket.set(name, carriers);
    });
  } catch {
    // Keep what was found so far.
  }
  const state = new IdState(bucketList(buckets), size, duplicates, []);
  return new IdState(state.buckets, size, duplicates, unresolvedOf(doc, state, undefined));
}

/** The one base every annotation and heading of `doc` comes from, unshifted (a file read whole), or undefined. */
export function singleBase(doc: IdDocument): Base | undefined {
  const pieces = [...doc.annotationPieces, ...doc.headingPieces];
  if (pieces.length === 0) return undefined;
  const base = pieces[0].base;
  return pieces.every((p) => p.base === base && p.shift === 0) ? base : undefined;
}

/** `buildIdState` for a model of one base: the ids in a dense table (see DenseIds). */
function buildDenseIdState(doc: IdDocument, base: Base): IdState {
  let first = new Int32Array(Math.max(16, doc.names.names.length)).fill(NO_CARRIER);
  const more = new Map<number, Carrier[]>();
  const duplicates: Finding[] = [];
  let size = 0;
  try {
    let carriers = base.headings.length;
    for (let r = 0; r < base.rowCount; r++) if (base.rows[r * A_STRIDE + A_ID] >= 0) carriers++;
    doc.names.reserve(carriers);
    forEachCarrier(doc, (_base, row) => {
      const name = nameOf(doc, base, row, 0);
      if (name < 0) return;
      if (name >= first.length) {
        const grown = new Int32Array(Math.max(first.length * 2, name + 1)).fill(NO_CARRIER);
        grown.set(first);
        first = grown;
      }
      const known = first[name];
      if (known === NO_CARRIER) {
        first[name] = row;
        size++;
        return;
      }
      let carriers = more.get(name);
      if (carriers === undefined) more.set(name, (carriers = [{ base, row: known }]));
      const c: Carrier = { base, row };
      duplicates.push(duplicate(doc, doc.names.names[name], c, carrierStart(doc, carriers[0])));
      carriers.push(c);
    });
  } catch {
    // Keep what was found so far.
  }
  const dense: DenseIds = { base, first, more };
  const state = new IdState(EMPTY_BUCKETS, size, duplicates, [], dense);
  return new IdState(EMPTY_BUCKETS, size, duplicates, unresolvedOf(doc, state, undefined), dense);
}

const EMPTY_BUCKETS: readonly (Bucket | undefined)[] = Object.freeze(new Array<Bucket | undefined>(BUCKETS).fill(undefined));

function bucketList(buckets: (Bucket | undefined)[]): (Bucket | undefined)[] {
  return Array.from({ length: BUCKETS }, (_, i) => buckets[i]);
}

/**
 * The unresolved-reference findings of `doc`: of every reference, or — when `only` is given —
 * of the references standing in [from, to) and those (anywhere) whose target is among `names`.
 */
function unresolvedOf(doc: IdDocument, state: IdState, only: { readonly names: ReadonlySet<number>; readonly from: number; readonly to: number } | undefined): Finding[] {
  const out: Finding[] = [];
  try {
    let budget = state.size <= SUGGESTION_IDS ? SUGGESTION_BUDGET : 0;
    const text = doc.text;
    let keys: string[] | undefined;
    const check = (r: number): void => {
      const start = doc.referenceField(r, R_ID);
      const end = referenceIdEnd(text, start);
      const name = end > start ? doc.names.idOf(text, start, end) : -1;
      if (state.has(name)) return;
      const id = name < 0 ? '' : doc.names.names[name];
      let suggestion: string | undefined;
      if (budget-- > 0) suggestion = nearest(id, (keys ??= orderedIds(doc, state)), 3);
      out.push(finding('unresolved-reference', start, end, `Nothing in this file has the id “${id}”${suggestion ? `: did you mean “${suggestion}”?` : '.'}`, PHASE_REFERENCES, start, suggestion ? { id, suggestion } : { id }));
    };
    if (!only) {
      for (let r = 0; r < doc.referenceCount; r++) check(r);
      return out;
    }
    const first = doc.firstReferenceAtOrAfter(only.from);
    const after = doc.firstReferenceAtOrAfter(only.to);
    if (only.names.size === 0) {
      for (let r = first; r < after; r++) check(r);
      return out;
    }
    for (const p of doc.referencePieces) {
      const rows = p.base.references;
      // Targets as interned names, kept with the rows: each is read from the text once.
      let targets = p.base.referenceNames;
      if (!targets) p.base.referenceNames = targets = new Int32Array(p.base.referenceCount).fill(-2);
      for (let r = p.from, row = p.first; r < p.to; r++, row++) {
        if (row >= first && row < after) {
          check(row);
          continue;
        }
        // References elsewhere, to an id that came to exist or ceased to.
        let name = targets[r];
        if (name === -2) {
          const start = rows[r * R_STRIDE + R_ID] + p.shift;
          name = targets[r] = doc.names.idOf(text, start, referenceIdEnd(text, start));
        }
        if (only.names.has(name)) check(row);
      }
    }
  } catch {
    // Report what was found so far.
  }
  return out;
}

/** The ids in order of their first carrier. */
export function orderedIds(doc: IdDocument, state: IdState): string[] {
  const out: string[] = [];
  forEachCarrier(doc, (base, row, _start, shift) => {
    const name = nameOf(doc, base, row, shift);
    const first = state.first(name);
    if (first && first.base === base && first.row === row) out.push(doc.names.names[name]);
  });
  return out;
}

/** What an edit changed, as the id state of the next model needs it (model/edit.ts). */
export interface IdEdit {
  /** The previous model and its state. */
  readonly previous: IdDocument;
  readonly state: IdState;
  /** The stretch read again: [from, to) of the old text, [from, to + delta) of the new. */
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /** Whether the edit changed the number of lines (then line numbers after it moved). */
  readonly linesMoved: boolean;
  readonly carriers: StretchCarriers;
}

/** The carriers of the stretch, before (in the previous model) and after (in the base just scanned). */
export interface StretchCarriers {
  readonly removed: readonly Carrier[];
  readonly added: readonly Carrier[];
}

/** The id state of `doc` (made by an edit) from the previous model's, looking again only at the ids the stretch held before or holds now. */
export function deriveIdState(doc: IdDocument, edit: IdEdit): IdState {
  const { previous, state, from, to, delta } = edit;
  const affected = new Map<number, { removed: Carrier[]; added: Carrier[] }>();
  const touch = (name: number): { removed: Carrier[]; added: Carrier[] } => {
    let entry = affected.get(name);
    if (!entry) affected.set(name, (entry = { removed: [], added: [] }));
    return entry;
  };
  for (const c of edit.carriers.removed) {
    const name = carrierName(previous, c);
    if (name >= 0) touch(name).removed.push(c);
  }
  for (const c of edit.carriers.added) {
    const name = carrierName(doc, c);
    if (name >= 0) touch(name).added.push(c);
  }
  const buckets = [...state.buckets];
  const copied = new Set<number>();
  let size = state.size;
  // Ids that came to exist or ceased to: references to them elsewhere change too.
  const flipped = new Set<number>();
  for (const [name, change] of affected) {
    const before = state.carriers(name);
    const kept = before.filter((c) => !change.removed.some((r) => r.base === c.base && r.row === c.row));
    // Carriers before the stretch stay first, those after it last; the stretch's go between.
    const ahead = kept.filter((c) => carrierStart(previous, c) < from);
    const behind = kept.filter((c) => carrierStart(previous, c) >= to);
    const after = [...ahead, ...change.added, ...behind];
    const b = name & (BUCKETS - 1);
    if (!copied.has(b)) {
      buckets[b] = new Map(buckets[b] ?? []);
      copied.add(b);
    }
    const bucket = buckets[b] as Map<number, Carriers>;
    // Over a dense table an id carried no more stays in its bucket, as an empty list.
    if (after.length > 0) bucket.set(name, after.length === 1 ? after[0] : after);
    else if (state.dense) bucket.set(name, NONE);
    else bucket.delete(name);
    size += (after.length > 0 ? 1 : 0) - (before.length > 0 ? 1 : 0);
    if ((after.length > 0) !== (before.length > 0)) flipped.add(name);
  }
  const next = new IdState(buckets, size, [], [], state.dense);
  // Duplicates: those of untouched ids move (and name a new line when line breaks moved before their first carrier).
  const duplicates: Finding[] = [];
  const names = doc.names;
  for (const f of state.duplicates) {
    if (affected.has(names.get(f.data?.id as string))) continue;
    duplicates.push(movedDuplicate(doc, f, edit));
  }
  for (const name of affected.keys()) {
    const carriers = next.carriers(name);
    if (carriers.length < 2) continue;
    const firstStart = carrierStart(doc, carriers[0]);
    for (let i = 1; i < carriers.length; i++) duplicates.push(duplicate(doc, names.names[name], carriers[i], firstStart));
  }
  // Unresolved references: with suggestions on (few ids), all of them again; else those the edit can have changed.
  let unresolved: Finding[];
  if (next.size <= SUGGESTION_IDS || state.size <= SUGGESTION_IDS) unresolved = unresolvedOf(doc, next, undefined);
  else {
    unresolved = [];
    for (const f of state.unresolved) {
      if (f.start >= from && f.start < to) continue;
      if (flipped.has(names.get(f.data?.id as string))) continue;
      unresolved.push(f.start >= to ? moved(f, delta) : f);
    }
    for (const f of unresolvedOf(doc, next, { names: flipped, from, to: to + delta })) unresolved.push(f);
  }
  return new IdState(buckets, size, duplicates, unresolved, state.dense);
}

function moved(f: Finding, delta: number): Finding {
  return { ...f, start: f.start + delta, end: f.end + delta, seq: f.seq + delta };
}

/** A duplicate-id finding of an id the edit did not touch, in the new model. */
function movedDuplicate(doc: IdDocument, f: Finding, edit: IdEdit): Finding {
  const first = f.data?.first as number;
  const firstMoves = first >= edit.to;
  const ownMoves = f.start >= edit.to;
  if (!firstMoves && !ownMoves) return f;
  const newFirst = firstMoves ? first + edit.delta : first;
  const id = f.data?.id as string;
  const message = firstMoves && edit.linesMoved ? `The id “${id}” is already used at line ${doc.positionAt(newFirst).line + 1}.` : f.message;
  const delta = ownMoves ? edit.delta : 0;
  return { ...f, message, start: f.start + delta, end: f.end + delta, seq: f.seq + 2 * delta, data: { id, first: newFirst } };
}
