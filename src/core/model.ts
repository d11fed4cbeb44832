/**
 * The classes behind the model interfaces of `types.ts`. Each keeps plain offsets and builds its
 * Range objects, `text` and `plainText` on demand from the document text, so a large model stays
 * small (the budget: the model under 3× the text in memory).
 */
import { isAsciiPunctuation } from './attributes';
import { TextRange } from './lineIndex';
import type { LineIndex } from './lineIndex';
import type {
  Annotation, AnnotationKind, Figure, Qualifier, Range, Reference, Section,
} from './types';

/** What the model objects need from their document. */
export interface DocumentCore {
  readonly text: string;
  readonly lines: LineIndex;
  /** Every annotation in document order (for plainText's nested markup). */
  readonly annotations: readonly AnnotationNode[];
  /** Every reference in document order (their `[`, `](#id)` are markup too). */
  readonly references: readonly ReferenceNode[];
  /** Every annotation's attributes, flat (key, value, …) in one array: no array per annotation. */
  readonly attributeStore: readonly string[];
}

const NO_CHILDREN: readonly never[] = Object.freeze([]);

/** A recognised `[…]{…}` span. */
export class AnnotationNode implements Annotation {
  index = 0;
  parent: AnnotationNode | undefined = undefined;
  children: AnnotationNode[] = NO_CHILDREN as unknown as AnnotationNode[];
  section: SectionNode | undefined = undefined;
  figure: Figure | undefined = undefined;

  constructor(
    private readonly doc: DocumentCore,
    /** Offset of `[` (moved by `shift` after an edit, see incremental.ts). */
    public start: number,
    /** Offset of `]` (the attribute block starts right after it). */
    public close: number,
    /** Just after `}`. */
    public end: number,
    readonly kind: AnnotationKind | undefined,
    readonly id: string | undefined,
    readonly classes: readonly string[],
    /** This span's attributes are `doc.attributeStore[attributesFrom … attributesTo)`, flat. */
    private readonly attributesFrom: number,
    private readonly attributesTo: number,
  ) {}

  /** Built on each call from the flat list; hold on to it if you read it often. */
  get attributes(): readonly (readonly [string, string])[] {
    const flat = this.doc.attributeStore;
    const pairs: [string, string][] = [];
    for (let i = this.attributesFrom; i < this.attributesTo; i += 2) pairs.push([flat[i], flat[i + 1]]);
    return pairs;
  }

  get text(): string {
    return this.doc.text.slice(this.start + 1, this.close);
  }

  get plainText(): string {
    if (this.children.length === 0 && !hasReferenceIn(this.doc, this.start + 1, this.close)) return tidy(this.doc.text.slice(this.start + 1, this.close));
    return plainText(this.doc, this.start + 1, this.close, this.index + 1);
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

  attribute(key: string): string | undefined {
    const flat = this.doc.attributeStore;
    for (let i = this.attributesTo - 2; i >= this.attributesFrom; i -= 2) if (flat[i] === key) return flat[i + 1];
    return undefined;
  }

  /** True when the span has any `key=value` (cheaper than `attributes.length`). */
  get hasAttributes(): boolean {
    return this.attributesTo > this.attributesFrom;
  }

  /** Moves every offset at or after `cut` by `delta` (an edit before it; see incremental.ts). */
  shift(cut: number, delta: number): void {
    if (this.start >= cut) this.start += delta;
    if (this.close >= cut) this.close += delta;
    if (this.end >= cut) this.end += delta;
  }

  addChild(child: AnnotationNode): void {
    if (this.children === (NO_CHILDREN as unknown)) this.children = [];
    this.children.push(child);
  }

  /** Plain data without the parent/child cycles: for JSON output and fixtures. */
  toJSON(): Record<string, unknown> {
    return {
      index: this.index, kind: this.kind, id: this.id, classes: this.classes, attributes: this.attributes,
      text: this.text, plainText: this.plainText, range: this.range, contentRange: this.contentRange,
      attributeRange: this.attributeRange, parent: this.parent?.index, children: this.children.map((c) => c.index),
      section: this.section?.index, figure: this.figure ? figureJSON(this.figure) : undefined,
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
    readonly metric: string | undefined,
    readonly source: 'text' | 'attribute',
  ) {}

  toJSON(): Record<string, unknown> {
    return { annotation: this.annotation.index, ...figureJSON(this) };
  }
}

/** A heading and everything up to the next heading of the same or a higher level. */
export class SectionNode implements Section {
  index = 0;
  parent: SectionNode | undefined = undefined;
  readonly children: SectionNode[] = [];
  readonly annotations: AnnotationNode[] = [];
  /** Set when the next heading of the same or a higher level is seen. */
  end: number;

  constructor(
    private readonly doc: DocumentCore,
    readonly level: number,
    readonly id: string | undefined,
    public start: number,
    public headingEnd: number,
    private titleStart: number,
    private titleEnd: number,
    /** Index of the first annotation at or after the title (for plain text of the title). */
    private readonly firstAnnotation: number,
  ) {
    this.end = doc.text.length;
  }

  /** Moves every offset at or after `cut` by `delta` (see incremental.ts). */
  shift(cut: number, delta: number): void {
    if (this.start >= cut) this.start += delta;
    if (this.headingEnd >= cut) this.headingEnd += delta;
    if (this.titleStart >= cut) this.titleStart += delta;
    if (this.titleEnd >= cut) this.titleEnd += delta;
    if (this.end >= cut) this.end += delta;
  }

  get title(): string {
    return plainText(this.doc, this.titleStart, this.titleEnd, this.firstAnnotation).trim();
  }

  get headingRange(): Range {
    return new TextRange(this.start, this.headingEnd, this.doc.lines);
  }

  get range(): Range {
    return new TextRange(this.start, this.end, this.doc.lines);
  }

  toJSON(): Record<string, unknown> {
    return {
      index: this.index, level: this.level, title: this.title, id: this.id, headingRange: this.headingRange,
      range: this.range, parent: this.parent?.index, children: this.children.map((c) => c.index),
      annotations: this.annotations.map((a) => a.index),
    };
  }
}

/** A `[text](#id)` link to an annotation or heading. */
export class ReferenceNode implements Reference {
  target: AnnotationNode | SectionNode | undefined = undefined;

  constructor(
    private readonly doc: DocumentCore,
    public start: number,
    /** Offset of `]`. */
    public close: number,
    public targetStart: number,
    public targetEnd: number,
    readonly targetId: string,
  ) {}

  get text(): string {
    return this.doc.text.slice(this.start + 1, this.close);
  }

  /** Moves every offset at or after `cut` by `delta` (see incremental.ts). */
  shift(cut: number, delta: number): void {
    if (this.start >= cut) this.start += delta;
    if (this.close >= cut) this.close += delta;
    if (this.targetStart >= cut) this.targetStart += delta;
    if (this.targetEnd >= cut) this.targetEnd += delta;
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

  toJSON(): Record<string, unknown> {
    const target = this.target;
    return {
      targetId: this.targetId, text: this.text, range: this.range, targetRange: this.targetRange,
      target: target === undefined ? undefined : target instanceof AnnotationNode ? { annotation: target.index } : { section: target.index },
    };
  }
}

/**
 * The text of [from, to) as a reader sees it: nested annotations' `[` and `]{…}` removed,
 * backslash escapes resolved, each line break (with the spaces around it) read as one space.
 * `first` is the index of the first annotation that may start inside the stretch.
 */
export function plainText(doc: DocumentCore, from: number, to: number, first: number): string {
  const text = doc.text;
  const annotations = doc.annotations;
  // Markup to cut, as [start, end) pairs: each nested span's `[` and its `]{…}`.
  const cuts: number[] = [];
  for (let i = first; i < annotations.length && annotations[i].start < to; i++) {
    const a = annotations[i];
    if (a.start < from) continue;
    cuts.push(a.start, a.start + 1, a.close, a.end);
  }
  const references = doc.references;
  for (let i = firstReferenceAtOrAfter(references, from); i < references.length && references[i].start < to; i++) {
    const r = references[i];
    if (r.end <= to) cuts.push(r.start, r.start + 1, r.close, r.end);
  }
  let pieces = '';
  if (cuts.length === 0) pieces = text.slice(from, to);
  else {
    const order: number[] = [];
    for (let k = 0; k < cuts.length; k += 2) order.push(k);
    order.sort((a, b) => cuts[a] - cuts[b]);
    let cursor = from;
    for (const k of order) {
      if (cuts[k] > cursor) pieces += text.slice(cursor, cuts[k]);
      if (cuts[k + 1] > cursor) cursor = cuts[k + 1];
    }
    if (cursor < to) pieces += text.slice(cursor, to);
  }
  return tidy(pieces);
}

function firstReferenceAtOrAfter(references: readonly ReferenceNode[], offset: number): number {
  let lo = 0;
  let hi = references.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (references[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasReferenceIn(doc: DocumentCore, from: number, to: number): boolean {
  const i = firstReferenceAtOrAfter(doc.references, from);
  return i < doc.references.length && doc.references[i].start < to;
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
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 92 && i + 1 < s.length && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      out += s[i + 1];
      i += 2;
    } else if (c === 10 || c === 13) {
      let j = out.length;
      while (j > 0 && (out.charCodeAt(j - 1) === 32 || out.charCodeAt(j - 1) === 9)) j--;
      out = out.slice(0, j) + ' ';
      i++;
      while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)) i++;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}
