/**
 * The figure values the annotated text's tooltips show (the plugin's `figureValues`, keyed by
 * `figureKey`), for the brief written as it is made: the same answers as the map `markdownEnv`
 * builds from every figure object (the last figure of a key giving its value), found through a
 * table of the keys' hashes instead. A 50 MB file's map held 150k keys and values (about 25 MB);
 * this holds two numbers per figure and reads a figure when the text asks for it.
 */
import { describeFigureValue } from '../figures';
import { SpanRows, type NotesModel } from '../model';
import { lastNumberAtOrBefore, type OutputLanguage } from '../text';
import { figureKey } from './spanMeta';

const KEYS = ['value', 'unit'] as const;

export class FigureValueIndex implements ReadonlyMap<string, string> {
  private readonly rows: SpanRows;
  private readonly text: string;
  /** The figure rows, ordered by the hash of their key, then by row. */
  private readonly byHash: Int32Array;
  /** The hash of each entry of `byHash`. */
  private readonly hashes: Int32Array;
  private readonly scratch: (string | undefined)[] = [];
  /** Distinct keys, counted on first use. */
  private distinct: number | undefined;

  constructor(model: NotesModel, private readonly language: OutputLanguage) {
    this.rows = new SpanRows(model, KEYS);
    this.text = model.text;
    const figureRows: number[] = [];
    for (let row = 0; row < this.rows.count; row++) if (this.rows.kind(row) === 'figure') figureRows.push(row);
    const hashOfRow = new Int32Array(figureRows.length);
    for (let i = 0; i < figureRows.length; i++) hashOfRow[i] = hashOf(this.keyOf(figureRows[i]));
    const order = Int32Array.from(figureRows.keys()).sort((a, b) => hashOfRow[a] - hashOfRow[b] || a - b);
    this.byHash = Int32Array.from(order, (i) => figureRows[i]);
    this.hashes = Int32Array.from(order, (i) => hashOfRow[i]);
  }

  /** The key of figure row `row`: its text as written and its `value=` and `unit=`. */
  private keyOf(row: number): string {
    const rows = this.rows;
    const [value, unit] = rows.values(row, this.scratch);
    return figureKey(this.text.slice(rows.start(row) + 1, rows.close(row)), value, unit);
  }

  /** The last figure row whose key is `key`, or -1. */
  private lastRow(key: string): number {
    return this.rowOf(key, true);
  }

  /** The last (or first) figure row whose key is `key`, or -1. */
  private rowOf(key: string, last: boolean): number {
    const h = hashOf(key);
    const hashes = this.hashes;
    // The last entry with this hash, then back through the entries sharing it.
    let found = -1;
    for (let at = lastNumberAtOrBefore(hashes, h); at >= 0 && hashes[at] === h; at--) {
      if (this.keyOf(this.byHash[at]) !== key) continue;
      found = this.byHash[at];
      if (last) break;
    }
    return found;
  }

  get(key: string): string | undefined {
    const row = typeof key === 'string' ? this.lastRow(key) : -1;
    if (row < 0) return undefined;
    const f = this.rows.figureOnce(row);
    return describeFigureValue(f?.value, f?.unit, f?.qualifier ?? null, this.language);
  }

  has(key: string): boolean {
    return typeof key === 'string' && this.lastRow(key) >= 0;
  }

  get size(): number {
    if (this.distinct === undefined) {
      let n = 0;
      for (const _ of this.keys()) n++;
      this.distinct = n;
    }
    return this.distinct;
  }

  /** The keys in the order a map would hold them: by their first figure. */
  *keys(): MapIterator<string> {
    for (let row = 0; row < this.rows.count; row++) {
      if (this.rows.kind(row) !== 'figure') continue;
      const key = this.keyOf(row);
      if (this.rowOf(key, false) === row) yield key;
    }
  }

  *values(): MapIterator<string> {
    for (const key of this.keys()) yield this.get(key) as string;
  }

  *entries(): MapIterator<[string, string]> {
    for (const key of this.keys()) yield [key, this.get(key) as string];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}

function hashOf(s: string): number {
  let h = 0;
  for (let k = 0; k < s.length; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
}
