/**
 * The objects behind the model interfaces of `model/types.ts`. An annotation or reference is a light
 * view of one row of its model's tables (model/tables.ts): it holds the model and a row number, and
 * reads offsets, kind, id, attributes, text and plainText from the tables and the text when asked.
 * The model makes each view once, on first use, so identity holds (`a.parent === annotations[i]`)
 * and a large model that no feature walks costs no objects at all.
 */
import { hasEscapeOrBreak, isAsciiPunctuation } from '../text';
import { TextRange } from '../text';
import type { RowReader } from './rows';
import type { LineIndex } from '../text';
import { nestedRawText } from './nestedText';
import { R_CLOSE, R_ID, R_START } from './tables';
import type { Annotation, AnnotationKind, Figure, Qualifier, Range, Reference, Section } from './types';

/** A_KIND - 1 → kind; the interner gives these three names the ids 0, 1, 2 (model/interner.ts). */

/**
 * What a view reads of its model: the rows (model/rows.ts) and the objects the document makes from
 * them. The document (document.ts) is the one implementation; views name this interface rather
 * than the class so that the two files do not import each other.
 */
export interface ViewDocument extends RowReader {
  readonly lines: LineIndex;
  readonly allSections: readonly SectionNode[];
  readonly ids: ReadonlyMap<string, AnnotationNode | SectionNode>;
  annotationNode(row: number): AnnotationNode;
  innermostSection(offset: number): SectionNode | undefined;
  childRows(row: number): Int32Array;
  figureOf(row: number): FigureValue | undefined;
}

export const KINDS: readonly AnnotationKind[] = ['initiative', 'figure', 'actor'];

const NO_CHILDREN: readonly never[] = Object.freeze([]);

/** A recognised `[…]{…}` span: row `index` of its model's annotations. */
export class AnnotationNode implements Annotation {
  private kids: readonly AnnotationNode[] | undefined = undefined;

  constructor(
    private readonly doc: ViewDocument,
    readonly index: number,
  ) {}

  /** Offset of `[`. */
  get start(): number {
    return this.doc.start(this.index);
  }

  /** Offset of `]` (the attribute block starts right after it). */
  get close(): number {
    return this.doc.close(this.index);
  }

  /** Just after `}`. */
  get end(): number {
    return this.doc.end(this.index);
  }

  get kind(): AnnotationKind | undefined {
    const k = this.doc.kindOf(this.index);
    return k === 0 ? undefined : KINDS[k - 1];
  }

  get id(): string | undefined {
    return this.doc.idOf(this.index);
  }

  get classes(): readonly string[] {
    return this.doc.classesOf(this.index);
  }

  /** Built on each call; hold on to it if you read it often. */
  get attributes(): readonly (readonly [string, string])[] {
    return this.doc.attributesOf(this.index);
  }

  attribute(key: string): string | undefined {
    return this.doc.attributeOf(this.index, this.doc.names.get(key));
  }

  /** True when the span has any `key=value` (cheaper than `attributes.length`). */
  get hasAttributes(): boolean {
    return this.doc.hasAttributes(this.index);
  }

  get text(): string {
    return this.doc.text.slice(this.start + 1, this.close);
  }

  get plainText(): string {
    return annotationPlainText(this.doc, this.index);
  }

  get range(): Range {
    return new TextRange(this.start, this.end, this.doc.lines);
  }

  get contentRange(): Range {
    return new TextRange(this.start + 1, this.close, this.doc.lines);
  }

  get attributeRange(): Range {
    return new TextRange(this.close + 1, this.end, this.doc.lines);
  }

  get parent(): AnnotationNode | undefined {
    const p = this.doc.parentOf(this.index);
    return p < 0 ? undefined : this.doc.annotationNode(p);
  }

  get children(): readonly AnnotationNode[] {
    if (this.kids === undefined) {
      const rows = this.doc.childRows(this.index);
      const kids: AnnotationNode[] = [];
      for (let i = 0; i < rows.length; i++) kids.push(this.doc.annotationNode(rows[i]));
      this.kids = kids.length === 0 ? NO_CHILDREN : kids;
    }
    return this.kids;
  }

  get section(): SectionNode | undefined {
    return this.doc.innermostSection(this.start);
  }

  get figure(): Figure | undefined {
    return this.doc.figureOf(this.index);
  }

  /** Plain data without the parent/child cycles: for JSON output and fixtures. */
  toJSON(): Record<string, unknown> {
    const figure = this.figure;
    return {
      index: this.index, kind: this.kind, id: this.id, classes: this.classes, attributes: this.attributes,
      text: this.text, plainText: this.plainText, range: this.range, contentRange: this.contentRange,
      attributeRange: this.attributeRange, parent: this.parent?.index, children: this.children.map((c) => c.index),
      section: this.section?.index, figure: figure ? figureJSON(figure) : undefined,
    };
  }
}

function figureJSON(f: Figure): Record<string, unknown> {
  return { value: f.value, unit: f.unit, qualifier: f.qualifier, year: f.year, metric: f.metric, source: f.source };
}

/** The normalised value of a figure annotation. */
export class FigureValue implements Figure {
  constructor(
    readonly annotation: Annotation,
    readonly value: number | undefined,
    readonly unit: string | undefined,
    readonly qualifier: Qualifier | null,
    readonly year: number | undefined,
    readonly source: 'text' | 'attribute',
  ) {}

  /** `metric=` (read from the span when asked for). */
  get metric(): string | undefined {
    return this.annotation.attribute('metric');
  }

  toJSON(): Record<string, unknown> {
    return { annotation: this.annotation.index, ...figureJSON(this) };
  }
}

/** A heading and everything up to the next heading of the same or a higher level. */
export class SectionNode implements Section {
  parent: SectionNode | undefined = undefined;
  readonly children: SectionNode[] = [];
  /** Set when the next heading of the same or a higher level is seen. */
  end: number;
  private list: readonly AnnotationNode[] | undefined = undefined;

  constructor(
    private readonly doc: ViewDocument,
    readonly index: number,
    readonly level: number,
    readonly id: string | undefined,
    readonly start: number,
    readonly headingEnd: number,
    private readonly titleStart: number,
    private readonly titleEnd: number,
  ) {
    this.end = doc.text.length;
  }

  get title(): string {
    return plainText(this.doc, this.titleStart, this.titleEnd, this.doc.firstAnnotationAtOrAfter(this.titleStart)).trim();
  }

  get headingRange(): Range {
    return new TextRange(this.start, this.headingEnd, this.doc.lines);
  }

  get range(): Range {
    return new TextRange(this.start, this.end, this.doc.lines);
  }

  /** Annotations whose innermost section this is: those from this heading to the next one. */
  get annotations(): readonly AnnotationNode[] {
    if (this.list === undefined) {
      const doc = this.doc;
      const next = doc.allSections[this.index + 1];
      const from = doc.firstAnnotationAtOrAfter(this.start);
      const to = next ? doc.firstAnnotationAtOrAfter(next.start) : doc.annotationCount;
      const list: AnnotationNode[] = [];
      for (let i = from; i < to; i++) list.push(doc.annotationNode(i));
      this.list = list;
    }
    return this.list;
  }

  toJSON(): Record<string, unknown> {
    return {
      index: this.index, level: this.level, title: this.title, id: this.id, headingRange: this.headingRange,
      range: this.range, parent: this.parent?.index, children: this.children.map((c) => c.index),
      annotations: this.annotations.map((a) => a.index),
    };
  }
}

/** A `[text](#id)` link to an annotation or heading: row `index` of its model's references. */
export class ReferenceNode implements Reference {
  constructor(
    private readonly doc: ViewDocument,
    readonly index: number,
  ) {}

  get start(): number {
    return this.doc.referenceField(this.index, R_START);
  }

  /** Offset of `]`. */
  get close(): number {
    return this.doc.referenceField(this.index, R_CLOSE);
  }

  get targetStart(): number {
    return this.doc.referenceField(this.index, R_ID);
  }

  get targetEnd(): number {
    return this.doc.referenceIdEnd(this.index);
  }

  get targetId(): string {
    return this.doc.text.slice(this.targetStart, this.targetEnd);
  }

  get text(): string {
    return this.doc.text.slice(this.start + 1, this.close);
  }

  /** Just after `)`. */
  get end(): number {
    return this.targetEnd + 1;
  }

  get range(): Range {
    return new TextRange(this.start, this.targetEnd + 1, this.doc.lines);
  }

  get targetRange(): Range {
    return new TextRange(this.targetStart, this.targetEnd, this.doc.lines);
  }

  get target(): AnnotationNode | SectionNode | undefined {
    return this.doc.ids.get(this.targetId);
  }

  toJSON(): Record<string, unknown> {
    const target = this.target;
    return {
      targetId: this.targetId, text: this.text, range: this.range, targetRange: this.targetRange,
      target: target === undefined ? undefined : target instanceof AnnotationNode ? { annotation: target.index } : { section: target.index },
    };
  }
}

/** The plain text of annotation `row`: its content without nested markup (see `plainText`). */
export function annotationPlainText(doc: ViewDocument, row: number): string {
  const from = doc.start(row) + 1;
  const to = doc.close(row);
  const next = row + 1;
  // Most spans hold no nested span and no link: their text, tidied.
  if ((next >= doc.annotationCount || doc.start(next) >= to) && !hasReferenceIn(doc, from, to)) return tidyRange(doc.text, from, to);
  // A span holding spans: its text from its children's, read once each (deep nests stay linear).
  const raw = next < doc.annotationCount && doc.start(next) < to ? nestedRawText(doc, row) : undefined;
  return raw === undefined ? plainText(doc, from, to, next) : tidy(raw);
}

/**
 * The text of [from, to) as a reader sees it: nested annotations' `[` and `]{…}` removed,
 * backslash escapes resolved, each line break (with the spaces around it) read as one space.
 * `first` is the row of the first annotation that may start inside the stretch.
 */
export function plainText(doc: ViewDocument, from: number, to: number, first: number): string {
  const text = doc.text;
  const count = doc.annotationCount;
  // Markup to cut, as [start, end) pairs: each nested span's `[` and its `]{…}`.
  const cuts: number[] = [];
  for (let i = first; i < count; i++) {
    const start = doc.start(i);
    if (start >= to) break;
    if (start < from) continue;
    cuts.push(start, start + 1, doc.close(i), doc.end(i));
  }
  for (let i = doc.firstReferenceAtOrAfter(from); i < doc.referenceCount; i++) {
    const start = doc.referenceField(i, R_START);
    if (start >= to) break;
    const end = doc.referenceIdEnd(i) + 1;
    if (end <= to) cuts.push(start, start + 1, doc.referenceField(i, R_CLOSE), end);
  }
  if (cuts.length === 0) return tidyRange(text, from, to);
  const order: number[] = [];
  for (let k = 0; k < cuts.length; k += 2) order.push(k);
  order.sort((a, b) => cuts[a] - cuts[b]);
  let pieces = '';
  let cursor = from;
  for (const k of order) {
    if (cuts[k] > cursor) pieces += text.slice(cursor, cuts[k]);
    if (cuts[k + 1] > cursor) cursor = cuts[k + 1];
  }
  if (cursor < to) pieces += text.slice(cursor, to);
  return tidy(pieces);
}

function hasReferenceIn(doc: ViewDocument, from: number, to: number): boolean {
  const i = doc.firstReferenceAtOrAfter(from);
  return i < doc.referenceCount && doc.referenceField(i, R_START) < to;
}

/** `tidy` of text[from, to), checked in the text itself: the usual span, with nothing to tidy, is one slice. */
export function tidyRange(text: string, from: number, to: number): string {
  return hasEscapeOrBreak(text, from, to) ? tidy(text.slice(from, to)) : text.slice(from, to);
}

/** Resolves backslash escapes and folds line breaks; returns the input itself when there is nothing to do. */
export function tidy(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  // Runs of text copied whole between escapes and line breaks: linear in the length (cutting the
  // spaces before each break off the result built so far was quadratic in the number of breaks).
  let out = '';
  let run = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < s.length && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      out += s.slice(run, i) + s[i + 1];
      i += 2;
      run = i;
    } else if (c === 10 || c === 13) {
      let j = i;
      while (j > run && (s.charCodeAt(j - 1) === 32 || s.charCodeAt(j - 1) === 9)) j--;
      // What came before this run ends in a character that is not a space (an escaped one, or the
      // text before an earlier break, whose following white space was skipped): nothing more to cut.
      out += `${s.slice(run, j)} `;
      i++;
      while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)) i++;
      run = i;
    } else {
      i++;
    }
  }
  return out + s.slice(run);
}
