/**
 * The workspace model: every notes file of a folder, reduced to what the dossier needs (summarise.ts: the front
 * matter's date, summit, source and language; initiatives and figures with their offsets), and
 * two indexes merged across files: tracked initiatives by key and figures by metric and year.
 * Immutable: `updateFile` / `removeFile` return a new workspace that shares every file and every
 * index entry the change did not touch, so re-merging one edited file costs that file, not the
 * workspace. Both indexes list their mentions by reference and make a key's or metric's list
 * when it is first read (a cold index makes no mention object; see packed.ts).
 */
import { firstNotBefore, keepBounded, own } from '../text';
import { parseNotes, type NotesModel } from '../model';
import {
  F_HAS, F_INTS, F_METRIC, F_REFS, F_YEAR, HAS_YEAR, I_REFS, I_TRACK, figureAt, initiativeAt, movedPackedFile, packedFigures, packedInitiatives, type PackedPart,
} from './packed';
import { summariseFile, type FigureMention, type InitiativeMention, type MentionPlace, type WorkspaceFile } from './summarise';
export type { ArticleInfo, FigureMention, InitiativeMention, MentionPlace, WorkspaceFile } from './summarise';

/** A notes file as given to {@link buildWorkspace}: its path (or URI) and its text. */
export interface NotesSource {
  readonly path: string;
  readonly text: string;
}

export interface Workspace {
  readonly files: ReadonlyMap<string, WorkspaceFile>;
  /** Track key → its mentions across files, by article date (undated last), then path and offset. */
  readonly tracks: ReadonlyMap<string, readonly InitiativeMention[]>;
  /** {@link metricKey} → figures of that metric and year across files, in the same order. */
  readonly metrics: ReadonlyMap<string, readonly FigureMention[]>;
  /** The keys of `metrics`, sorted (metric, then year): kept in order by `updateFile`, so the dossier never sorts them. */
  readonly metricOrder: readonly string[];
  /** The paths of `files` by article date (undated last), then path. */
  readonly fileOrder: readonly string[];
}

/** The group a figure's metric and year fall in: the metric lower-cased with spaces collapsed, and the year. */
export function metricKey(metric: string, year: number | undefined): string {
  // A workspace asks once per figure, for a few thousand distinct metrics: each key is made once
  // and shared, so grouping hashes a string it has seen (a fresh key is a new string to hash).
  let byYear = metricKeys.get(metric);
  if (byYear === undefined) byYear = keepBounded(metricKeys, METRIC_KEYS_LIMIT, own(metric), new Map());
  let key = byYear.get(year);
  if (key === undefined) {
    key = `${metric.trim().replace(/\s+/g, ' ').toLowerCase()}\u0000${year ?? ''}`;
    keepBounded(byYear, METRIC_KEYS_LIMIT, year, key);
  }
  return key;
}

/** Metric as written → year → its key (bounded; see `keepBounded`). */
const metricKeys = new Map<string, Map<number | undefined, string>>();
const METRIC_KEYS_LIMIT = 1 << 14;

/** Article date (undated last), then path, then offset: the order of every merged list. */
export function compareMentions(a: MentionPlace, b: MentionPlace): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.start - b.start;
}

function groupInto<T>(index: Map<string, T[]>, items: readonly T[], keyOf: (item: T) => string | undefined): void {
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = index.get(key);
    if (list) list.push(item);
    else index.set(key, [item]);
  }
}

const trackOf = (m: InitiativeMention): string | undefined => m.track;
const metricOf = (f: FigureMention): string | undefined => (f.metric === undefined ? undefined : metricKey(f.metric, f.year));

/** An empty workspace. */
export function emptyWorkspace(): Workspace {
  return { files: new Map(), tracks: new Map(), metrics: new Map(), metricOrder: [], fileOrder: [] };
}

/**
 * The workspace of `sources`: each file is parsed (or an already parsed model is reused) and
 * summarised, then the indexes are merged once. Later sources with the same path replace earlier ones.
 */
export function buildWorkspace(sources: Iterable<NotesSource | { readonly path: string; readonly model: NotesModel }>): Workspace {
  const files = new Map<string, WorkspaceFile>();
  for (const source of sources) {
    const model = 'model' in source ? source.model : parseNotes(source.text);
    files.set(source.path, summariseFile(source.path, model));
  }
  return fromFiles(files);
}

/** A workspace of already summarised files (the indexes are merged here). */
export function fromFiles(files: ReadonlyMap<string, WorkspaceFile>): Workspace {
  // Both indexes list their items by reference (file, index) and make a list when it is first
  // read: a cold index makes no mention object (packed.ts).
  const trackRefs = new Map<string, Box<InitiativeMention>>();
  const metricRefs = new Map<string, Box<FigureMention>>();
  // Files in article order, each file's items in offset order (as summariseFile lists them): the
  // merged lists come out in order, so they are only checked, not sorted (a list made otherwise,
  // an item out of place, is sorted).
  // Track keys stay in the order the files give them (findings break ties by that order; metrics
  // are read in `metricOrder`, sorted).
  // Packed files (packed.ts) are read without making their mentions.
  for (const file of files.values()) {
    const p = packedInitiatives(file);
    const n = p ? p.count : file.initiatives.length;
    for (let i = 0; i < n; i++) {
      const key = trackAt(file, p, i);
      if (key !== undefined && !trackRefs.has(key)) trackRefs.set(key, { refs: [], list: undefined });
    }
  }
  // Metric as written → year → its key's box: two look-ups per figure instead of metricKey's two
  // and the key's (spellings of one metric that metricKey folds together share the box).
  const boxes = new Map<string, Map<number | undefined, Box<FigureMention>>>();
  const ordered = [...files.values()].sort(compareFiles);
  for (const file of ordered) {
    const p = packedInitiatives(file);
    const nI = p ? p.count : file.initiatives.length;
    for (let i = 0; i < nI; i++) {
      const key = trackAt(file, p, i);
      if (key !== undefined) ((trackRefs.get(key) as Box<InitiativeMention>).refs as unknown[]).push(file, i);
    }
    const q = packedFigures(file);
    const nF = q ? q.count : file.figures.length;
    for (let i = 0; i < nF; i++) {
      let metric: string | undefined;
      let year: number | undefined;
      if (q) {
        metric = q.refs[i * F_REFS + F_METRIC] as string | undefined;
        year = q.ints[i * F_INTS + F_HAS] & HAS_YEAR ? q.ints[i * F_INTS + F_YEAR] : undefined;
      } else ({ metric, year } = file.figures[i]);
      if (metric === undefined) continue;
      let byYear = boxes.get(metric);
      if (byYear === undefined) boxes.set(metric, (byYear = new Map()));
      let box = byYear.get(year);
      if (box === undefined) {
        const key = metricKey(metric, year);
        box = metricRefs.get(key);
        if (box === undefined) metricRefs.set(key, (box = { refs: [], list: undefined }));
        byYear.set(year, box);
      }
      (box.refs as unknown[]).push(file, i);
    }
  }
  const fileOrder = ordered.map((f) => f.path);
  return {
    files: new Map(files), tracks: new LazyLists(trackRefs, initiativeAt), metrics: new LazyLists(metricRefs, figureAt),
    metricOrder: [...metricRefs.keys()].sort(), fileOrder,
  };
}

/** Initiative `i`'s `track=` key, read from the packed part `p` when the file is packed (no mention made). */
function trackAt(file: WorkspaceFile, p: PackedPart | undefined, i: number): string | undefined {
  return p ? (p.refs[i * I_REFS + I_TRACK] as string | undefined) : file.initiatives[i].track;
}

/** A list of an index made when first read: references to its items (file, index among the file's figures), then the list. */
interface Box<T> {
  refs: unknown[] | undefined;
  list: T[] | undefined;
}

/**
 * An index (tracked initiatives by key, figures by metric), each list made (and sorted) when
 * first read: a cold index makes no mention object until the dossier reads it. Copies
 * (`patchIndex`) share the boxes, so a list is made once for every workspace that holds it.
 */
class LazyLists<T extends MentionPlace> implements ReadonlyMap<string, readonly T[]> {
  constructor(
    private readonly boxes: Map<string, Box<T>>,
    /** Item `i` of a file (made once: initiativeAt, figureAt). */
    private readonly itemAt: (file: WorkspaceFile, i: number) => T,
  ) {}

  get size(): number {
    return this.boxes.size;
  }

  has(key: string): boolean {
    return this.boxes.has(key);
  }

  get(key: string): readonly T[] | undefined {
    const box = this.boxes.get(key);
    return box && this.listOf(box);
  }

  keys(): MapIterator<string> {
    return this.boxes.keys();
  }

  *entries(): MapIterator<[string, readonly T[]]> {
    for (const [key, box] of this.boxes) yield [key, this.listOf(box)];
  }

  *values(): MapIterator<readonly T[]> {
    for (const box of this.boxes.values()) yield this.listOf(box);
  }

  [Symbol.iterator](): MapIterator<[string, readonly T[]]> {
    return this.entries();
  }

  forEach(fn: (value: readonly T[], key: string, map: ReadonlyMap<string, readonly T[]>) => void, thisArg?: unknown): void {
    for (const [key, box] of this.boxes) fn.call(thisArg, this.listOf(box), key, this);
  }

  /** A copy to change (`set`, `delete`): the boxes are shared. */
  copy(): LazyLists<T> {
    return new LazyLists(new Map(this.boxes), this.itemAt);
  }

  set(key: string, list: readonly T[]): void {
    this.boxes.set(key, { refs: undefined, list: list as T[] });
  }

  delete(key: string): void {
    this.boxes.delete(key);
  }

  private listOf(box: Box<T>): T[] {
    if (box.list === undefined) {
      const refs = box.refs as unknown[];
      const list = new Array<T>(refs.length / 2);
      for (let k = 0; k < refs.length; k += 2) list[k / 2] = this.itemAt(refs[k] as WorkspaceFile, refs[k + 1] as number);
      sortMentions(list);
      box.list = list;
      box.refs = undefined;
    }
    return box.list;
  }
}

/** Sorts `list` by {@link compareMentions}, unless it is in that order already (one pass to see). */
function sortMentions(list: MentionPlace[]): void {
  for (let i = 1; i < list.length; i++) {
    if (compareMentions(list[i - 1], list[i]) > 0) {
      list.sort(compareMentions);
      return;
    }
  }
}

/** The workspace with `path` replaced by (or added as) `model`; only that file is re-merged. */
export function updateFile(workspace: Workspace, path: string, model: NotesModel): Workspace {
  return replaceFile(workspace, path, summariseFile(path, model));
}

/** The workspace without `path` (the same workspace when it holds no such file). */
export function removeFile(workspace: Workspace, path: string): Workspace {
  return workspace.files.has(path) ? replaceFile(workspace, path, undefined) : workspace;
}

/** The workspace with a file renamed: its summary moves to `to` as it is, nothing is re-parsed. */
export function renameFile(workspace: Workspace, from: string, to: string): Workspace {
  const file = workspace.files.get(from);
  if (!file || from === to) return workspace;
  const moved: WorkspaceFile = movedPackedFile(file, to) ?? {
    ...file,
    path: to,
    initiatives: file.initiatives.map((m) => ({ ...m, path: to })),
    figures: file.figures.map((f) => ({ ...f, path: to })),
  };
  return replaceFile(replaceFile(workspace, from, undefined), to, moved);
}

function replaceFile(workspace: Workspace, path: string, next: WorkspaceFile | undefined): Workspace {
  const old = workspace.files.get(path);
  const files = new Map(workspace.files);
  if (next) files.set(path, next);
  else files.delete(path);
  const metrics = patchIndex(workspace.metrics, path, old?.figures ?? [], next?.figures ?? [], metricOf);
  let metricOrder = workspace.metricOrder;
  if (metrics !== workspace.metrics) {
    for (const f of old?.figures ?? []) {
      const key = metricOf(f);
      if (key !== undefined && !metrics.has(key)) metricOrder = removeSorted(metricOrder, key, compareStrings);
    }
    for (const f of next?.figures ?? []) {
      const key = metricOf(f);
      if (key !== undefined && !workspace.metrics.has(key)) metricOrder = insertSorted(metricOrder, key, compareStrings);
    }
  }
  let fileOrder = workspace.fileOrder;
  if (old && next && old.article.date === next.article.date) {
    // Same date, same path: the same place. A copy all the same (the dossier keeps its article list by this array).
    fileOrder = fileOrder.slice();
    samePlaces.set(fileOrder, { before: workspace.fileOrder, path });
  } else {
    if (old) fileOrder = fileOrder.filter((p) => p !== path);
    if (next) {
      const byPath = (p: string): WorkspaceFile | undefined => files.get(p);
      fileOrder = insertSorted(fileOrder, path, (a, b) => {
        const fa = byPath(a);
        const fb = byPath(b);
        return fa && fb ? compareFiles(fa, fb) : compareStrings(a, b);
      });
    }
  }
  return {
    files,
    tracks: patchIndex(workspace.tracks, path, old?.initiatives ?? [], next?.initiatives ?? [], trackOf),
    metrics,
    metricOrder,
    fileOrder,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Article date (undated last), then path. */
function compareFiles(a: WorkspaceFile, b: WorkspaceFile): number {
  const da = a.article.date;
  const db = b.article.date;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? -1 : 1;
  }
  return compareStrings(a.path, b.path);
}

/** A copy of the sorted `list` with `item` inserted in order (not twice). */
function insertSorted(list: readonly string[], item: string, compare: (a: string, b: string) => number): readonly string[] {
  const lo = firstNotBefore(list, item, compare);
  if (list[lo] === item) return list;
  return [...list.slice(0, lo), item, ...list.slice(lo)];
}

/** A copy of the sorted `list` without `item`. */
function removeSorted(list: readonly string[], item: string, compare: (a: string, b: string) => number): readonly string[] {
  const lo = firstNotBefore(list, item, compare);
  return list[lo] === item ? [...list.slice(0, lo), ...list.slice(lo + 1)] : list;
}

/**
 * The index with `path`'s old items replaced by its new ones. Only the keys either version uses
 * get a new list; every other list is shared with the old index (the dossier caches by list).
 */
function patchIndex<T extends MentionPlace>(
  index: ReadonlyMap<string, readonly T[]>,
  path: string,
  oldItems: readonly T[],
  newItems: readonly T[],
  keyOf: (item: T) => string | undefined,
): ReadonlyMap<string, readonly T[]> {
  const added = new Map<string, T[]>();
  groupInto(added, newItems, keyOf);
  const touched = new Set<string>(added.keys());
  for (const item of oldItems) {
    const key = keyOf(item);
    if (key !== undefined) touched.add(key);
  }
  if (touched.size === 0) return index;
  // The figures' index is lazy: copied without making its lists (only the touched keys' are read).
  const out = (index instanceof LazyLists ? index.copy() : new Map(index)) as unknown as Map<string, readonly T[]>;
  // A file's items in a list are one run (they share its date and path): cut the old run out and
  // put the new one in, by binary search and copying, whatever the list's length.
  const oldDate = oldItems.length ? oldItems[0].date : undefined;
  const newDate = newItems.length ? newItems[0].date : undefined;
  for (const key of touched) {
    const fresh = added.get(key);
    if (fresh) fresh.sort(compareMentions);
    const list = index.get(key) ?? [];
    let rest: readonly T[] = list;
    if (oldItems.length) {
      const from = firstNotBefore<MentionPlace>(list, { path, date: oldDate, start: -Infinity, end: 0, line: 0 }, compareMentions);
      const to = firstNotBefore<MentionPlace>(list, { path, date: oldDate, start: Infinity, end: 0, line: 0 }, compareMentions);
      if (to > from) rest = list.slice(0, from).concat(list.slice(to));
    }
    let merged: readonly T[] = rest;
    if (fresh) {
      const at = firstNotBefore<MentionPlace>(rest, { path, date: newDate, start: -Infinity, end: 0, line: 0 }, compareMentions);
      merged = rest.slice(0, at).concat(fresh, rest.slice(at));
    }
    if (merged.length) {
      const next = merged === list ? list.slice() : merged;
      out.set(key, next);
      if (list.length) noteReplaced(list, next);
    } else out.delete(key);
  }
  return out;
}

/** A file order that is its predecessor's with one file changed in place → that predecessor and the file's path. */
const samePlaces = new WeakMap<readonly string[], { readonly before: readonly string[]; readonly path: string }>();

/**
 * When `fileOrder` is the order of a workspace that `updateFile` made by changing one file whose
 * date stayed the same: the previous order (the same paths in the same places) and that file's path.
 */
export function fileChangedInPlace(fileOrder: readonly string[]): { readonly before: readonly string[]; readonly path: string } | undefined {
  return samePlaces.get(fileOrder);
}

/** New list → the list it replaced (only the last step is kept: an older list's entry goes when it is replaced). */
const replaced = new WeakMap<readonly MentionPlace[], readonly MentionPlace[]>();

function noteReplaced(before: readonly MentionPlace[], after: readonly MentionPlace[]): void {
  replaced.delete(before);
  replaced.set(after, before);
}

/**
 * The list of the same key or metric that `list` replaced when `updateFile` (or `removeFile`,
 * `renameFile`) made it, while that list is alive; undefined for a list made otherwise. The
 * dossier uses it to carry a metric's verdict over when its values compare as before.
 */
export function replacedList<T extends MentionPlace>(list: readonly T[]): readonly T[] | undefined {
  return replaced.get(list) as readonly T[] | undefined;
}
