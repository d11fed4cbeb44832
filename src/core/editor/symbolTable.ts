/**
 * The document symbols as a table (one row per outline entry: its labels and its range and
 * selection as line/character) and what changed since the previous version's table. The symbols
 * adapter only turns the rows named as changed into VS Code's DocumentSymbol objects; everything
 * that decides what a symbol shows and whether it changed is here, pure and unit-tested.
 */
import { OutlineLabels, type NotesModel, type OutlineNodeKind } from '../model';
import { PositionCursor } from './linePositions';
import { entryPositions, limitOutline, outlineEntries, outlinePositions, POSITION_STRIDE, type OutlineDepth, type OutlineEntries } from './outline';

/** The outline's entries (`length`, `items`, `parents`: see `OutlineEntries`) with what a symbol shows. */
export interface SymbolTable extends OutlineEntries {
  /** Per entry, POSITION_STRIDE numbers (see `symbolRange`, `symbolSelection`). */
  readonly positions: Int32Array;
  readonly names: readonly string[];
  readonly details: readonly string[];
  readonly kinds: readonly OutlineNodeKind[];
  /** What the outline holds: everything, or (above the limit) less. */
  readonly depth: OutlineDepth;
  /** The symbol limit it was made for (0: none). */
  readonly max: number;
}

export interface SymbolTableUpdate {
  readonly table: SymbolTable;
  /**
   * Whether the entries, their order and their parents are the previous table's: then entry i is
   * the same symbol as before, and only the entries in `changed` differ from it.
   */
  readonly sameShape: boolean;
  /** With `sameShape`, the entries whose labels or positions changed, ascending; otherwise empty. */
  readonly changed: readonly number[];
}

/** Line, character, end line, end character of entry `i`'s range. */
export function symbolRange(table: SymbolTable, i: number): readonly [number, number, number, number] {
  const p = table.positions;
  const k = i * POSITION_STRIDE;
  return [p[k], p[k + 1], p[k + 2], p[k + 3]];
}

/** Line, character, end line, end character of entry `i`'s selection range (inside its range). */
export function symbolSelection(table: SymbolTable, i: number): readonly [number, number, number, number] {
  const p = table.positions;
  const k = i * POSITION_STRIDE + 4;
  return [p[k], p[k + 1], p[k + 2], p[k + 3]];
}

/**
 * The symbol table of `model` and how it differs from `previous` (the table of the version before).
 * With `editedLines` (edits that broke or joined no line, so lines kept their numbers and the lines
 * not edited their characters) and the same outline shape, only the entries whose lines take in an
 * edited line are read again; otherwise every entry is read and compared.
 */
export function updateSymbolTable(model: NotesModel, previous: SymbolTable | undefined, editedLines: ReadonlySet<number> | undefined, maxSymbols = 0): SymbolTableUpdate {
  const { entries, depth } = limitOutline(model, outlineEntries(model), maxSymbols);
  const sameShape = previous !== undefined && previous.max === maxSymbols && sameInts(entries.items, previous.items) && sameInts(entries.parents, previous.parents);
  if (sameShape && editedLines) return patch(model, previous, editedLines);
  const n = entries.length;
  const positions = outlinePositions(model, entries);
  const names = new Array<string>(n);
  const details = new Array<string>(n);
  const kinds = new Array<OutlineNodeKind>(n);
  const labels = new OutlineLabels(model);
  const changed: number[] = [];
  for (let i = 0; i < n; i++) {
    labels.read(entries.items[i]);
    names[i] = labels.name;
    details[i] = labels.detail;
    kinds[i] = labels.kind;
    if (sameShape && !sameEntry(previous, i, names[i], details[i], kinds[i], positions, i * POSITION_STRIDE)) changed.push(i);
  }
  const table: SymbolTable = { length: n, items: entries.items, parents: entries.parents, positions, names, details, kinds, depth, max: maxSymbols };
  return { table, sameShape, changed };
}

/** Same shape, edits inside lines: read again only the entries that take in an edited line. */
function patch(model: NotesModel, previous: SymbolTable, editedLines: ReadonlySet<number>): SymbolTableUpdate {
  const positions = previous.positions.slice();
  const names = previous.names.slice();
  const details = previous.details.slice();
  const kinds = previous.kinds.slice();
  const edited = [...editedLines];
  const cursor = PositionCursor.of(model);
  const labels = new OutlineLabels(model);
  const next = new Int32Array(POSITION_STRIDE);
  const changed: number[] = [];
  for (let i = 0; i < previous.length; i++) {
    const k = i * POSITION_STRIDE;
    const first = positions[k];
    const last = positions[k + 2];
    if (!edited.some((line) => line >= first && line <= last)) continue;
    labels.read(previous.items[i]);
    entryPositions(model, previous.items[i], next, 0, cursor);
    if (sameEntry(previous, i, labels.name, labels.detail, labels.kind, next, 0)) continue;
    positions.set(next, k);
    names[i] = labels.name;
    details[i] = labels.detail;
    kinds[i] = labels.kind;
    changed.push(i);
  }
  return { table: { ...previous, positions, names, details, kinds }, sameShape: true, changed };
}

function sameEntry(previous: SymbolTable, i: number, name: string, detail: string, kind: OutlineNodeKind, p: Int32Array, k: number): boolean {
  if (name !== previous.names[i] || detail !== previous.details[i] || kind !== previous.kinds[i]) return false;
  const q = i * POSITION_STRIDE;
  for (let j = 0; j < POSITION_STRIDE; j++) if (p[k + j] !== previous.positions[q + j]) return false;
  return true;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
