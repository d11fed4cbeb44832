/**
 * The one bulk reader of a model's annotation rows (model/tables.ts), for callers that read every
 * span of a file once and keep none of the model's objects — the workspace summary
 * (dossier/summarise.ts), the outline (editor and CLI) and the CLI's figures: each span is asked by
 * its row number, and no annotation, figure or range object is made (a 50 MB file's 400k views and
 * their list cost about 60 MB). What it answers equals what the model's objects say (differential
 * tests keep them equal); rows, strides and the interner stay in here.
 */
import { hasEscapeOrBreak, unescape } from '../text';
import { nameEnd } from './attributes';
import { NotesDocument } from './document';
import { parseNotes } from './parse';
import { figureAttributesOf, figureReadingOf, readFigureFrom, safeParseFigure, yearAt, type FigureAttributes } from './rowFacts';
import { FIGURE_KIND, R_CLOSE, R_START } from './tables';
import { annotationPlainText, KINDS, tidy, tidyRange } from './views';
import type { AnnotationKind, NotesModel, ParsedFigure, Qualifier } from './types';

/** A figure span's reading, as `Figure` gives it (`metric=` as written). */
export interface SpanFigure {
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  readonly year: number | undefined;
  readonly source: 'text' | 'attribute';
}

/** A figure span's reading with its plain text and what parseFigure read of that text (see {@link SpanRows.figureWithText}). */
export interface SpanFigureText {
  reading: SpanFigure;
  text: string;
  parsed: ParsedFigure;
}

/** A figure span's plain text and its attributes as written, read without reading the figure (see {@link SpanRows.figureFacts}). */
export interface SpanFigureFacts extends FigureAttributes {
  text: string;
}

/**
 * The reading {@link SpanRows.figureWithText} gives, from what {@link SpanRows.figureFacts} read
 * (kept by a caller that reads the figure later): parseFigure of the text, then the attributes.
 */
export function readFigureFacts(language: string, facts: Readonly<SpanFigureFacts>): { readonly reading: SpanFigure; readonly parsed: ParsedFigure } {
  const parsed = safeParseFigure(facts.text, language);
  return { reading: figureReadingOf(language, parsed, facts.value, facts.unit, facts.year, facts.qualifier), parsed };
}

/** `year=` written at text[from, to) as a year (undefined: absent, from < 0, or not four digits), as a figure reads it. */
export const figureYearAt = yearAt;

/** Spans and links inside a span past which {@link SpanRows.plainTextCuts} declines (its text is read at once then: deep nests stay linear). */
const MAX_CUT_ITEMS = 64;
/** plainTextCuts' scratch: [from, to) pairs of the markup to cut, before they are put in order. */
const cutScratch = new Int32Array(4 * MAX_CUT_ITEMS);

/**
 * A span's plain text read from a copy of its text (see {@link SpanRows.plainTextCuts}): `text`
 * holds the span's content at [from, to) and the markup to cut at `cuts[cutFrom, cutTo)`, pairs
 * [start, end) in order, all in the copy's offsets. Equals `plainText` of the span in its model.
 */
export function plainTextFrom(text: string, from: number, to: number, cuts: Int32Array, cutFrom: number, cutTo: number): string {
  if (cutFrom === cutTo) return tidyRange(text, from, to);
  let pieces = '';
  let cursor = from;
  for (let k = cutFrom; k < cutTo; k += 2) {
    if (cuts[k] > cursor) pieces += text.slice(cursor, cuts[k]);
    if (cuts[k + 1] > cursor) cursor = cuts[k + 1];
  }
  if (cursor < to) pieces += text.slice(cursor, to);
  return tidy(pieces);
}

export class SpanRows {
  /** How many numbers {@link cuts} holds (the most {@link plainTextCuts} writes). */
  static readonly CUTS_LENGTH = cutScratch.length;

  /** The rows read: the model itself, or (for a model parseNotes did not make) a parse of its text. */
  private readonly doc: NotesDocument;
  /** The interned ids of the keys asked for (-1: no span of this file has that key). */
  private readonly keyIds: number[];
  private readonly ranges: Int32Array;

  /**
   * Reads `model`, whose spans may be asked for the values of `keys` (in one pass over each
   * span's attributes, see {@link values}).
   */
  constructor(model: NotesModel, keys: readonly string[] = []) {
    this.doc = model instanceof NotesDocument ? model : (parseNotes(model.text, { language: model.language }) as NotesDocument);
    this.keyIds = keys.map((k) => this.doc.names.get(k));
    this.ranges = new Int32Array(2 * keys.length);
  }

  /** How many spans (rows 0 … count − 1, in document order). */
  get count(): number {
    return this.doc.annotationCount;
  }

  kind(row: number): AnnotationKind | undefined {
    const k = this.doc.kindOf(row);
    return k === 0 ? undefined : KINDS[k - 1];
  }

  /** Offset of the span's `[`. */
  start(row: number): number {
    return this.doc.start(row);
  }

  /** Offset of its `]`. */
  close(row: number): number {
    return this.doc.close(row);
  }

  /** The row of the span holding this one, or -1. */
  parent(row: number): number {
    return this.doc.parentOf(row);
  }

  /** Just after its `}`. */
  end(row: number): number {
    return this.doc.end(row);
  }

  /** Where its attribute block starts (its `{`). */
  blockStart(row: number): number {
    return this.doc.close(row) + 1;
  }

  /** Zero-based line of `offset`. */
  lineAt(offset: number): number {
    return this.doc.lines.lineAt(offset);
  }

  id(row: number): string | undefined {
    return this.doc.idOf(row);
  }

  /** Offset of the span's id (after `#`), -1 without one; it ends at {@link idEnd}. */
  idStart(row: number): number {
    return this.doc.idAt(row);
  }

  /** Just after the id that starts at `idStart` (as `id` cuts it). */
  idEnd(idStart: number): number {
    return nameEnd(this.doc.text, idStart);
  }

  /** Where {@link plainTextCuts} writes (shared by every SpanRows of a thread). */
  get cuts(): Int32Array {
    return cutScratch;
  }

  /**
   * The markup `plainText` cuts from span `row`'s content (nested spans' `[` and `]{…}`, links'
   * `[` and `](#id)`), to read its text later from a copy (see {@link plainTextFrom}): [start, end)
   * pairs in the order `plainText` takes them, written to {@link cuts} (read them before the next
   * call); returns how many numbers were written, or -1 when the span holds more than a few spans
   * and links (read its text now). Every pair lies inside the span's content.
   */
  plainTextCuts(row: number): number {
    const doc = this.doc;
    const from = doc.start(row) + 1;
    const to = doc.close(row);
    const count = doc.annotationCount;
    const cuts = cutScratch;
    let n = 0;
    for (let i = row + 1; i < count; i++) {
      const start = doc.start(i);
      if (start >= to) break;
      if (n === cuts.length) return -1;
      cuts[n++] = start;
      cuts[n++] = start + 1;
      cuts[n++] = doc.close(i);
      cuts[n++] = doc.end(i);
    }
    for (let i = doc.firstReferenceAtOrAfter(from); i < doc.referenceCount; i++) {
      const start = doc.referenceField(i, R_START);
      if (start >= to) break;
      const end = doc.referenceIdEnd(i) + 1;
      if (end > to) continue;
      if (n === cuts.length) return -1;
      cuts[n++] = start;
      cuts[n++] = start + 1;
      cuts[n++] = doc.referenceField(i, R_CLOSE);
      cuts[n++] = end;
    }
    // In order of their starts (stable, as plainText's sort): a few pairs, by insertion.
    for (let k = 2; k < n; k += 2) {
      const a = cuts[k];
      const b = cuts[k + 1];
      let j = k - 2;
      while (j >= 0 && cuts[j] > a) {
        cuts[j + 2] = cuts[j];
        cuts[j + 3] = cuts[j + 1];
        j -= 2;
      }
      cuts[j + 2] = a;
      cuts[j + 3] = b;
    }
    return n;
  }

  /** The span's content without nested markup, as `Annotation.plainText`. */
  plainText(row: number): string {
    return annotationPlainText(this.doc, row);
  }

  /**
   * Whether span `row`'s plain text is its content as written, text[start + 1, close): no span or
   * link inside, no escape or line break (`plainText` would cut nothing and tidy nothing).
   */
  plainTextIsContent(row: number): boolean {
    const doc = this.doc;
    const from = doc.start(row) + 1;
    const to = doc.close(row);
    if (row + 1 < doc.annotationCount && doc.start(row + 1) < to) return false;
    const i = doc.firstReferenceAtOrAfter(from);
    if (i < doc.referenceCount && doc.referenceField(i, R_START) < to) return false;
    return !hasEscapeOrBreak(doc.text, from, to);
  }

  /**
   * The values of the constructor's keys on span `row` (escapes resolved, the last of each
   * winning), in their order, written into `into`; undefined for a key the span lacks.
   */
  values(row: number, into: (string | undefined)[]): (string | undefined)[] {
    const keys = this.keyIds;
    const at = this.doc.attributeRanges(row, keys, this.ranges);
    const text = this.doc.text;
    for (let k = 0; k < keys.length; k++) into[k] = keys[k] < 0 || at[2 * k] < 0 ? undefined : unescape(text, at[2 * k], at[2 * k + 1]);
    return into;
  }

  /**
   * A figure span's reading, its plain text and what parseFigure read of that text, each read
   * once (undefined for a span of another kind): for a caller that needs all three, such as the
   * workspace summary (the figure's precision comes from the parse). Written into `into`.
   */
  figureWithText(row: number, into: SpanFigureText): SpanFigureText | undefined {
    const doc = this.doc;
    if (doc.kindOf(row) !== FIGURE_KIND) return undefined;
    const text = annotationPlainText(doc, row);
    const parsed = safeParseFigure(text, doc.language);
    into.text = text;
    into.parsed = parsed;
    into.reading = readFigureFrom(doc, row, parsed);
    return into;
  }

  /**
   * A figure span's plain text and its `value=`, `unit=`, `year=`, `qualifier=` (undefined for a
   * span of another kind), without reading the figure: {@link readFigureFacts} reads it from
   * these, as {@link figureWithText} would. Written into `into`; its strings may be cut from the
   * model's text (copy those kept).
   */
  figureFacts(row: number, into: SpanFigureFacts): SpanFigureFacts | undefined {
    const doc = this.doc;
    if (doc.kindOf(row) !== FIGURE_KIND) return undefined;
    into.text = annotationPlainText(doc, row);
    figureAttributesOf(doc, row, into);
    return into;
  }

  /**
   * Where the values of the constructor's keys stand on span `row` (the last of each winning),
   * in one pass over its attributes and without making a string: `[2k]`, `[2k + 1]` are the start
   * and end offsets of key k's value as written (escapes still in), -1 when the span lacks it.
   * The array is reused by the next call.
   */
  valueRanges(row: number): Int32Array {
    return this.doc.attributeRanges(row, this.keyIds, this.ranges);
  }

  /** The row of the nearest enclosing span of `kind`, or -1. */
  enclosing(row: number, kind: AnnotationKind): number {
    const k = KINDS.indexOf(kind) + 1;
    for (let p = this.doc.parentOf(row); p >= 0; p = this.doc.parentOf(p)) if (this.doc.kindOf(p) === k) return p;
    return -1;
  }

  /**
   * The spans of `kind` nested in span `row` at any depth, in document order, leaving out those
   * inside a nested span of `stop` kind (and that span itself). Linear in the spans passed over:
   * a stopping span's content is skipped in one search, never walked.
   */
  nested(row: number, kind: AnnotationKind, stop: AnnotationKind): number[] {
    const out: number[] = [];
    for (let d = this.nextNested(row, row + 1, kind, stop); d >= 0; d = this.nextNested(row, d + 1, kind, stop)) out.push(d);
    return out;
  }

  /**
   * The first span from row `from` on that {@link nested} lists for `row`, or -1: for a caller
   * that walks them one by one without a list made per span (`from` is `row + 1`, then the last
   * answer + 1).
   */
  nextNested(row: number, from: number, kind: AnnotationKind, stop: AnnotationKind): number {
    const doc = this.doc;
    const want = KINDS.indexOf(kind) + 1;
    const skip = KINDS.indexOf(stop) + 1;
    const close = doc.close(row);
    const count = doc.annotationCount;
    // Spans are in document order of their `[`: those inside this one follow it, up to its `]`.
    for (let d = from; d < count && doc.start(d) < close; ) {
      const k = doc.kindOf(d);
      if (k === skip) {
        d = doc.firstAnnotationAtOrAfter(doc.end(d));
        continue;
      }
      if (k === want) return d;
      d++;
    }
    return -1;
  }

  /** The value of `key` on span `row` (the last one wins), as `Annotation.attribute`. */
  attribute(row: number, key: string): string | undefined {
    return this.doc.attributeOf(row, this.doc.names.get(key));
  }

  /** A figure span's reading (undefined for a span of another kind). */
  figure(row: number): SpanFigure | undefined {
    return this.doc.kindOf(row) === FIGURE_KIND ? this.doc.figureReading(row) : undefined;
  }

  /**
   * `figure(row)` without the model keeping the reading: for a reader that reads every figure
   * once or twice and must not hold them all (the CLI's brief: 150k readings, 16 MB at 50 MB).
   */
  figureOnce(row: number): SpanFigure | undefined {
    return this.doc.kindOf(row) === FIGURE_KIND ? this.doc.figureReadingOnce(row) : undefined;
  }
}
