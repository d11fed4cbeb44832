/**
 * The outline of a notes file: sections, then the initiatives in each, then their figures and
 * actors, as a tree of nodes (document symbols, the brief) or as a flat table of entries with
 * positions (the fast path the symbols adapter and its patching read).
 */
import { PositionCursor } from './linePositions';
import { SpanRows, type Annotation, type NotesModel, type OutlineNodeKind, type Range, type Section } from '../model';

export type { OutlineNodeKind };

/** One node of the outline: sections → initiatives → their figures and actors. */
export interface OutlineNode {
  readonly kind: OutlineNodeKind;
  readonly label: string;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly section: Section | undefined;
  readonly annotation: Annotation | undefined;
  readonly children: readonly OutlineNode[];
}

/**
 * The outline as flat arrays, one entry per node in document (pre-)order: what the editor's
 * document symbols walk without building a node object per annotation first.
 */
export interface OutlineEntries {
  readonly length: number;
  /** Entry i is annotation `items[i]` when ≥ 0, else section `-1 - items[i]` of `model.allSections`. */
  readonly items: Int32Array;
  /** The entry holding entry i, or -1 at the top level. A parent always comes before its children. */
  readonly parents: Int32Array;
}

/**
 * The outline of a notes file, flat: sections (nested by level) → initiatives → the figures and
 * actors inside them. A figure or actor outside any initiative hangs under its section;
 * annotations before the first heading, and sections, form the top level. Spans without a known
 * kind are left out.
 *
 * One pass over sections and annotations merged by start. Annotations are looked up by index in
 * typed arrays, not in Maps keyed by object: on a 10 MB file with 100k annotations, object-keyed
 * Maps and a node object per annotation cost most of the time.
 */
export function outlineEntries(model: NotesModel): OutlineEntries {
  const sections = model.allSections;
  // Annotations read from the model's rows: no view object per annotation (SpanRows).
  const facts = new SpanRows(model);
  const count = facts.count;
  const items = new Int32Array(sections.length + count);
  const parents = new Int32Array(items.length);
  let n = 0;
  // Sections are few (one per heading): an identity Map stays cheap for them.
  const sectionEntry = new Map<Section, number>();
  // Per annotation index: its own entry (-1: no kind, not listed), and the innermost initiative entry around it.
  const ownEntry = new Int32Array(count);
  const initiativeEntry = new Int32Array(count);
  let s = 0;
  for (let a = 0; a <= count; a++) {
    const before = a < count ? facts.start(a) : Number.POSITIVE_INFINITY;
    for (; s < sections.length && sections[s].headingRange.start <= before; s++) {
      const section = sections[s];
      const parent = section.parent ? sectionEntry.get(section.parent) : undefined;
      sectionEntry.set(section, n);
      items[n] = -1 - s;
      parents[n++] = parent ?? -1;
    }
    if (a === count) break;
    // The innermost enclosing initiative, taken from the parent (seen first): no walk up deep nests.
    const p = facts.parent(a);
    const holderInitiative = p < 0 ? -1 : facts.kind(p) === 'initiative' ? ownEntry[p] : initiativeEntry[p];
    initiativeEntry[a] = holderInitiative;
    if (facts.kind(a) === undefined) {
      ownEntry[a] = -1;
      continue;
    }
    ownEntry[a] = n;
    items[n] = a;
    // Outside an initiative: under the annotation's section, the last one starting at or before it
    // (`annotation.section`), which is the last one listed above.
    parents[n++] = holderInitiative >= 0 ? holderInitiative : s > 0 ? sectionEntry.get(sections[s - 1]) ?? -1 : -1;
  }
  return { length: n, items: items.subarray(0, n), parents: parents.subarray(0, n) };
}

/** How much of the outline a limited one keeps: everything, sections and initiatives, or sections. */
export type OutlineDepth = 'all' | 'initiatives' | 'sections';

/**
 * The outline within `max` entries (0: no limit): all of it when it fits, else without the
 * figures and actors, else the sections alone (never cut at some point of the file: a long file
 * keeps its whole table of contents). Kept entries keep their order and nesting: an initiative
 * hangs under a section or an initiative, a section under a section.
 */
export function limitOutline(model: NotesModel, entries: OutlineEntries, max: number): { entries: OutlineEntries; depth: OutlineDepth } {
  if (max <= 0 || entries.length <= max) return { entries, depth: 'all' };
  const isInitiative = (item: number): boolean => item >= 0 && model.annotations[item].kind === 'initiative';
  let kept = 0;
  for (let i = 0; i < entries.length; i++) if (entries.items[i] < 0 || isInitiative(entries.items[i])) kept++;
  const depth: OutlineDepth = kept <= max ? 'initiatives' : 'sections';
  const keep = depth === 'initiatives' ? (item: number) => item < 0 || isInitiative(item) : (item: number) => item < 0;
  const renumber = new Int32Array(entries.length).fill(-1);
  const items: number[] = [];
  const parents: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (!keep(entries.items[i])) continue;
    renumber[i] = items.length;
    items.push(entries.items[i]);
    const parent = entries.parents[i];
    parents.push(parent >= 0 ? renumber[parent] : -1);
  }
  return { entries: { length: items.length, items: Int32Array.from(items), parents: Int32Array.from(parents) }, depth };
}

/** Values per entry in `outlinePositions`. */
export const POSITION_STRIDE = 8;

/**
 * Line/character of every entry's range and selection range, 8 numbers per entry: range start
 * line, character, end line, character, then the same for the selection range (the heading, or
 * the text inside the brackets). The selection lies inside the range, as VS Code requires; where
 * it would not, it is the range. One sweep in document order over the line starts.
 */
export function outlinePositions(model: NotesModel, entries: OutlineEntries): Int32Array {
  const out = new Int32Array(entries.length * POSITION_STRIDE);
  // Starts come in document order; ends run a little ahead (a span) or far ahead (a section):
  // a cursor for each keeps every step short.
  const starts = PositionCursor.of(model);
  const ends = PositionCursor.of(model);
  for (let i = 0; i < entries.length; i++) entryPositions(model, entries.items[i], out, i * POSITION_STRIDE, starts, ends);
  return out;
}

/**
 * The 8 position numbers of one outline item (an annotation index, or `-1 - section`) into
 * `out` at `k`: the one place that decides an entry's range and selection range, and that keeps
 * the selection inside the range (VS Code's DocumentSymbol demands it; where it would not be, the
 * selection is the range).
 */
export function entryPositions(model: NotesModel, item: number, out: Int32Array, k: number, starts: PositionCursor, ends: PositionCursor = starts): void {
  let range: Range;
  let selection: Range;
  if (item >= 0) {
    const a = model.annotations[item];
    range = a.range;
    selection = a.contentRange;
  } else {
    const section = model.allSections[-1 - item];
    range = section.range;
    selection = section.headingRange;
  }
  const inside = selection.start >= range.start && selection.end <= range.end && selection.start <= selection.end;
  put(out, k, starts, range.start, ends, range.end);
  if (inside) put(out, k + 4, starts, selection.start, ends, selection.end);
  else out.copyWithin(k + 4, k, k + 4);
}

function put(out: Int32Array, k: number, starts: PositionCursor, start: number, ends: PositionCursor, end: number): void {
  const startLine = starts.lineOf(start);
  out[k] = startLine;
  out[k + 1] = starts.characterAt(start, startLine);
  const endLine = ends.lineOf(end);
  out[k + 2] = endLine;
  out[k + 3] = ends.characterAt(end, endLine);
}

/**
 * The outline of a notes file as a tree, the one source for the tree, the document symbols and
 * the brief: sections (nested by level) → initiatives → the figures and actors inside them (see
 * `outlineEntries`). Each list is in document order.
 */
export function buildOutline(model: NotesModel): OutlineNode[] {
  const entries = outlineEntries(model);
  const roots: OutlineNode[] = [];
  const nodes: { children: OutlineNode[] }[] = new Array<{ children: OutlineNode[] }>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const item = entries.items[i];
    let node: OutlineNode & { children: OutlineNode[] };
    if (item >= 0) {
      const annotation = model.annotations[item];
      node = {
        kind: annotation.kind ?? 'initiative', label: annotation.plainText.trim(), range: annotation.range,
        selectionRange: annotation.contentRange, section: annotation.section, annotation, children: [],
      };
    } else {
      const section = model.allSections[-1 - item];
      node = {
        kind: 'section', label: section.title || '(untitled)', range: section.range, selectionRange: section.headingRange,
        section, annotation: undefined, children: [],
      };
    }
    nodes[i] = node;
    const parent = entries.parents[i];
    (parent >= 0 ? nodes[parent].children : roots).push(node);
  }
  return roots;
}
