/**
 * The one bulk reader of a model's annotation rows (model/tables.ts), for callers that read every
 * span of a file once and keep none of the model's objects — the workspace summary
 * (dossier/summarise.ts), the outline (editor and CLI) and the CLI's figures: each span is asked by
 * its row number, and no annotation, figure or range object is made (a 50 MB file's 400k views and
 * their list cost about 60 MB). What it answers equals what the model's objects say (differential
 * tests keep them equal); rows, strides and the interner stay in here.
 */
import { unescape } from '../text';
import { NotesDocument } from './document';
import { parseNotes } from './parse';
import { figureAttributesOf, figureReadingOf, readFigureFrom, safeParseFigure, type FigureAttributes } from './rowFacts';
import { FIGURE_KIND } from './tables';
import { annotationPlainText, KINDS } from './views';
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

export class SpanRows {
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

  /** The span's content without nested markup, as `Annotation.plainText`. */
  plainText(row: number): string {
    return annotationPlainText(this.doc, row);
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
    const doc = this.doc;
    const want = KINDS.indexOf(kind) + 1;
    const skip = KINDS.indexOf(stop) + 1;
    const close = doc.close(row);
    const out: number[] = [];
    const count = doc.annotationCount;
    // Spans are in document order of their `[`: those inside this one follow it, up to its `]`.
    for (let d = row + 1; d < count && doc.start(d) < close; ) {
      const k = doc.kindOf(d);
      if (k === skip) {
        d = doc.firstAnnotationAtOrAfter(doc.end(d));
        continue;
      }
      if (k === want) out.push(d);
      d++;
    }
    return out;
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
