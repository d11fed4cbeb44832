/**
 * Reading a model's rows (model/tables.ts): offsets, kind, id, classes and attributes of an annotation
 * row, the fields of a reference row, and the searches by offset, across the pieces the rows are
 * kept in. The model (model/document.ts) builds on this; the views (model/views.ts) read through it.
 */
import { nameEnd } from './attributes';
import { hasEscapeOrBreak, unescape } from '../text';
import type { Interner } from './interner';
import {
  A_CLOSE, A_END, A_ID, A_KIND, A_PARENT, A_START, A_STRIDE, A_TOKENS_FROM, A_TOKENS_TO, R_ID, R_START, R_STRIDE,
  TOKEN_PAIR_LENGTH, pieceOf, referenceIdEnd, type Piece,
} from './tables';

const NONE: readonly string[] = Object.freeze([]);
/** Scratch of attributeNames and attributeOf: room for the ranges of eight keys (callers ask for one or two). */
const scratchRanges = new Int32Array(16);
/** attributeOf's one key. */
const scratchKey = [0];

export class RowReader {
  /** The piece `locate` found last (so runs of look-ups in one piece skip the search). */
  protected current: Piece;
  private hint = 0;
  private referenceHint = 0;

  constructor(
    readonly text: string,
    readonly names: Interner,
    /** The annotation rows, in document order, as runs of scanned tables (none empty). */
    readonly annotationPieces: readonly Piece[],
    readonly annotationCount: number,
    readonly referencePieces: readonly Piece[],
    readonly referenceCount: number,
  ) {
    this.current = annotationPieces[0];
  }

  /** Makes `current` the piece holding annotation row `row`; returns the row's index in current.base.rows. */
  protected locate(row: number): number {
    let p = this.annotationPieces[this.hint];
    if (p === undefined || row < p.first || row >= p.first + p.to - p.from) {
      this.hint = pieceOf(this.annotationPieces, row);
      p = this.annotationPieces[this.hint];
    }
    this.current = p;
    return (row - p.first + p.from) * A_STRIDE;
  }

  /** Offset of annotation row `row`'s `[`. */
  start(row: number): number {
    const i = this.locate(row);
    return this.current.base.rows[i + A_START] + this.current.shift;
  }

  /** Offset of its `]`. */
  close(row: number): number {
    const i = this.locate(row);
    return this.current.base.rows[i + A_CLOSE] + this.current.shift;
  }

  /** Just after its `}`. */
  end(row: number): number {
    const i = this.locate(row);
    return this.current.base.rows[i + A_END] + this.current.shift;
  }

  /** 0, or KINDS index + 1. */
  kindOf(row: number): number {
    const i = this.locate(row);
    return this.current.base.rows[i + A_KIND];
  }

  /** Offset of its id's first character, or -1. */
  idAt(row: number): number {
    const i = this.locate(row);
    const at = this.current.base.rows[i + A_ID];
    return at < 0 ? -1 : at + this.current.shift;
  }

  /** Row of the enclosing span, or -1. */
  parentOf(row: number): number {
    const i = this.locate(row);
    const p = this.current;
    const parent = p.base.rows[i + A_PARENT];
    return parent < 0 ? -1 : parent - p.from + p.first;
  }

  idOf(row: number): string | undefined {
    const at = this.idAt(row);
    return at < 0 ? undefined : this.text.slice(at, nameEnd(this.text, at));
  }

  hasAttributes(row: number): boolean {
    const i = this.locate(row);
    const rows = this.current.base.rows;
    const tokens = this.current.base.tokens;
    for (let t = rows[i + A_TOKENS_FROM], to = rows[i + A_TOKENS_TO]; t < to; t++) if (tokens[t] < 0) return true;
    return false;
  }

  classesOf(row: number): readonly string[] {
    const i = this.locate(row);
    const rows = this.current.base.rows;
    const tokens = this.current.base.tokens;
    const from = rows[i + A_TOKENS_FROM];
    const to = rows[i + A_TOKENS_TO];
    // Classes come first among a span's tokens.
    let end = from;
    while (end < to && tokens[end] >= 0) end++;
    if (end === from) return NONE;
    if (end === from + 1) return this.names.single(tokens[from]);
    const list: string[] = [];
    for (let t = from; t < end; t++) list.push(this.names.names[tokens[t]]);
    return list;
  }

  /** Every `key=value` of row `row`, in order. */
  attributesOf(row: number): [string, string][] {
    const i = this.locate(row);
    const { base, shift } = this.current;
    const pairs: [string, string][] = [];
    for (let t = base.rows[i + A_TOKENS_FROM], to = base.rows[i + A_TOKENS_TO]; t < to; t++) {
      if (base.tokens[t] >= 0) continue;
      pairs.push([this.names.names[-1 - base.tokens[t]], unescape(this.text, base.tokens[t + 1] + shift, base.tokens[t + 2] + shift)]);
      t += TOKEN_PAIR_LENGTH - 1;
    }
    return pairs;
  }

  /** The value of attribute `key` (an interned name, -1 for one never seen) of row `row`; the last one wins. */
  attributeOf(row: number, key: number): string | undefined {
    if (key < 0) return undefined;
    scratchKey[0] = key;
    const at = this.attributeRanges(row, scratchKey, scratchRanges);
    return at[0] < 0 ? undefined : unescape(this.text, at[0], at[1]);
  }

  /**
   * The values of attributes `keys` (interned names) of row `row` as interned names, in one pass
   * over its tokens: `into[k]` is key k's (the last one winning), -1 when the row lacks it.
   * Compared by number, no string is made for a value seen before. Returns `into`, filled.
   */
  attributeNames(row: number, keys: readonly number[], into: Int32Array): Int32Array {
    const ranges = this.attributeRanges(row, keys, scratchRanges);
    const text = this.text;
    for (let k = 0; k < keys.length; k++) {
      const start = ranges[2 * k];
      const end = ranges[2 * k + 1];
      into[k] = start < 0 ? -1 : hasEscapeOrBreak(text, start, end) ? this.names.intern(unescape(text, start, end)) : this.names.idOf(text, start, end);
    }
    return into;
  }

  /**
   * Where the values of attributes `keys` (interned names) of row `row` stand, the last of each
   * winning, in one pass over its tokens and without making a string: `into[2k]`, `into[2k + 1]`
   * are the start and end offsets of key k's value as written (escapes still in), -1 for a key
   * the row lacks. Returns `into`, filled.
   */
  attributeRanges(row: number, keys: readonly number[], into: Int32Array): Int32Array {
    const i = this.locate(row);
    const { base, shift } = this.current;
    const tokens = base.tokens;
    for (let k = 0; k < keys.length; k++) into[2 * k] = into[2 * k + 1] = -1;
    for (let t = base.rows[i + A_TOKENS_FROM], to = base.rows[i + A_TOKENS_TO]; t < to; t++) {
      const token = tokens[t];
      if (token >= 0) continue;
      const key = -1 - token;
      for (let k = 0; k < keys.length; k++) {
        if (keys[k] === key) {
          into[2 * k] = tokens[t + 1] + shift;
          into[2 * k + 1] = tokens[t + 2] + shift;
        }
      }
      t += TOKEN_PAIR_LENGTH - 1;
    }
    return into;
  }

  /** Index of the last annotation row whose `[` is at or before `offset`, or -1. */
  lastAnnotationAtOrBefore(offset: number): number {
    return lastRowAtOrBefore(this.annotationPieces, A_STRIDE, A_START, offset);
  }

  /** Index of the first annotation row whose `[` is at or after `offset` (annotationCount when none). */
  firstAnnotationAtOrAfter(offset: number): number {
    return lastRowAtOrBefore(this.annotationPieces, A_STRIDE, A_START, offset - 1) + 1;
  }

  private locateReference(row: number): Piece {
    let p = this.referencePieces[this.referenceHint];
    if (p === undefined || row < p.first || row >= p.first + p.to - p.from) {
      this.referenceHint = pieceOf(this.referencePieces, row);
      p = this.referencePieces[this.referenceHint];
    }
    return p;
  }

  /** Field `field` (R_START, R_CLOSE, R_ID) of reference row `row`, as an offset. */
  referenceField(row: number, field: number): number {
    const p = this.locateReference(row);
    return p.base.references[(row - p.first + p.from) * R_STRIDE + field] + p.shift;
  }

  /** End of reference row `row`'s target id (at its `)`). */
  referenceIdEnd(row: number): number {
    return referenceIdEnd(this.text, this.referenceField(row, R_ID));
  }

  firstReferenceAtOrAfter(offset: number): number {
    return lastRowAtOrBefore(this.referencePieces, R_STRIDE, R_START, offset - 1) + 1;
  }

  /** Index of the last reference row whose `[` is at or before `offset`, or -1. */
  lastReferenceAtOrBefore(offset: number): number {
    return lastRowAtOrBefore(this.referencePieces, R_STRIDE, R_START, offset);
  }
}

/** Model index of the last row (over pieces) whose offset field `field` is ≤ offset, or -1. */
function lastRowAtOrBefore(pieces: readonly Piece[], stride: number, field: number, offset: number): number {
  // The last piece whose first row is at or before the offset, then a search inside it.
  let lo = 0;
  let hi = pieces.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = pieces[mid];
    const rows = stride === A_STRIDE ? p.base.rows : p.base.references;
    if (rows[p.from * stride + field] + p.shift <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const p = pieces[found];
  const rows = stride === A_STRIDE ? p.base.rows : p.base.references;
  const target = offset - p.shift;
  lo = p.from;
  hi = p.to - 1;
  let row = p.from;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid * stride + field] <= target) {
      row = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return row - p.from + p.first;
}
