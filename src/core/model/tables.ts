/**
 * The model's storage. A scan (of the whole body, or of the stretch an edit touched) writes each
 * span and reference it finds as a row of numbers in a typed array — a `Base`, never changed
 * afterwards. A model is a list of `Piece`s, each a run of rows of one base and the amount its
 * offsets moved since that base was scanned: a parse makes one piece; an edit (model/edit.ts)
 * keeps the pieces before and after the stretch it re-scanned, moved, and puts the new rows
 * between them, so models share their rows and an edit copies almost nothing. The garbage
 * collector never walks the rows; the objects features see (model/views.ts) are views made on demand.
 */

import type { HeadingRecord } from './blocks';
import type { Qualifier } from './types';
import { lastAtOrBefore } from '../text';
import type { Finding } from './diagnostics';

/** Annotation row: offsets of `[`, `]` and just after `}`. */
/** A figure annotation's value as read (strings and numbers only, so later models can reuse it). */
export interface FigureReading {
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  readonly year: number | undefined;
  readonly source: 'text' | 'attribute';
  /** Set when `value=` holds something that is not a finite number (`1e400`, `0x10`): the figure then has no value. */
  readonly unreadableValue?: true;
}

export const A_START = 0;
export const A_CLOSE = 1;
export const A_END = 2;
/** 0 none, else KINDS index + 1 (model/views.ts). */
export const A_KIND = 3;
/** A_KIND of figures. */
export const FIGURE_KIND = 2;
/** Offset of the id's first character (after `#`); -1 when the span has no id. The id runs to the first non-name character. */
export const A_ID = 4;
/** The span's classes and attributes are tokens[A_TOKENS_FROM, A_TOKENS_TO) (see TOKEN_…). */
export const A_TOKENS_FROM = 5;
export const A_TOKENS_TO = 6;
/** Row (in the same base) of the enclosing span, or -1. */
export const A_PARENT = 7;
export const A_STRIDE = 8;

/**
 * Tokens: a class is its interned name (≥ 0); a `key=value` pair is three numbers, -1 - key (the
 * interned key), then the value's start and end offsets (escapes still in the text).
 */
export const TOKEN_PAIR_LENGTH = 3;

/** Reference row: offsets of `[`, `]`, and of the target id's first character (it runs to `)`). */
export const R_START = 0;
export const R_CLOSE = 1;
export const R_ID = 2;
export const R_STRIDE = 3;

/** The rows of one scan. Immutable; caches of what does not depend on position hang off it. */
export class Base {
  /** Per language: figure readings by row (model/rowFacts.ts), shared by every model holding these rows. */
  readonly readings = new Map<string, (FigureReading | undefined)[]>();
  /** Per vocabulary: each row's own findings (model/rowFacts.ts), in this base's offsets. */
  readonly checks = new Map<string, (readonly Finding[] | undefined)[]>();
  /** The findings of runs of rows (`from:to:vocabulary`), as models ask for them (model/rowFacts.ts). */
  readonly runChecks = new Map<string, readonly Finding[]>();
  /** Each reference's target as an interned name, once read (-2: not yet; model/ids.ts). */
  referenceNames: Int32Array | undefined = undefined;

  constructor(
    readonly rows: Int32Array,
    readonly rowCount: number,
    readonly tokens: Int32Array,
    readonly references: Int32Array,
    readonly referenceCount: number,
    /** Headings in document order, in this base's offsets. */
    readonly headings: readonly HeadingRecord[],
  ) {}
}

/** A run of rows [from, to) of a base, standing at model row `first`, offsets moved by `shift`. */
export interface Piece {
  readonly base: Base;
  readonly from: number;
  readonly to: number;
  readonly first: number;
  readonly shift: number;
}

/** A growable Int32 table: `data` may be longer than `length` (spare capacity). */
export class IntTable {
  data: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  /** Makes room for `more` numbers after `length`. */
  reserve(more: number): Int32Array {
    const needed = this.length + more;
    if (needed > this.data.length) {
      let size = this.data.length * 2;
      while (size < needed) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    return this.data;
  }

  /**
   * The table for a model to keep: a view of its filled part, unless less than half of it is
   * filled (then a trimmed copy). Spare capacity that was never written costs address space,
   * not memory (its pages were never touched), while a copy costs the filled part twice until
   * a full garbage collection frees the original: a 50 MB file's parse peaked 25 MB higher.
   */
  trimmed(): Int32Array {
    return this.length * 2 >= this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}

/**
 * Puts rows [from, to) of `table` — emitted as their `]` was reached, so a nested row comes
 * before the rows that contain it (post-order) — into document order of their `[` (pre-order).
 * `inside[r - from]` is how many rows row r contains. Sets A_PARENT when `parents` is true
 * (annotation rows). Linear: a row's place is its first descendant's place plus its depth.
 */
export function reorder(table: Int32Array, stride: number, from: number, to: number, inside: Int32Array, parents: boolean, scratch: { order: Int32Array; stack: Int32Array; copy: Int32Array }): void {
  const n = to - from;
  if (scratch.order.length < n) {
    scratch.order = new Int32Array(n * 2);
    scratch.stack = new Int32Array(n * 2);
  }
  if (scratch.copy.length < n * stride) scratch.copy = new Int32Array(n * stride * 2);
  const { order, stack, copy } = scratch;
  for (let i = 0, base = from * stride, m = n * stride; i < m; i++) copy[i] = table[base + i];
  // Backwards: a row's ancestors come after it and are met first; the stack holds the ones whose
  // descendants reach back to the current row.
  let depth = 0;
  for (let e = n - 1; e >= 0; e--) {
    while (depth > 0 && stack[depth - 1] - inside[stack[depth - 1]] > e) depth--;
    order[e] = e - inside[e] + depth;
    const at = (from + order[e]) * stride;
    for (let k = 0; k < stride; k++) table[at + k] = copy[e * stride + k];
    if (parents) table[at + A_PARENT] = depth > 0 ? from + order[stack[depth - 1]] : -1;
    stack[depth++] = e;
  }
}

/** The end of a link's target id starting at `at`: its `)` (the scanner accepted the link only so). */
export function referenceIdEnd(text: string, at: number): number {
  let k = at;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 41 || c === 32 || c === 9 || c === 10 || c === 13) break;
    k++;
  }
  return k;
}

/** Index of the piece holding model row `row` (pieces sorted by `first`, none empty), or -1. */
export function pieceOf(pieces: readonly Piece[], row: number): number {
  return lastAtOrBefore(pieces, firstOf, row);
}

const firstOf = (piece: Piece): number => piece.first;
