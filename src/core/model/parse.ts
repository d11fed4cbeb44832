/**
 * `parseNotes`: a notes file → the notes model. One pass over the lines (model/blocks.ts), one forward
 * pass over each paragraph (model/spans.ts) that writes every span and reference as a row of numbers
 * (model/tables.ts), and the front matter. Nothing else happens here: the objects, figures, ids and
 * diagnostics are made from the tables when a feature first asks (model/document.ts). Never
 * throws: a failure deep inside still returns a model of the text (empty if need be) with a
 * diagnostic saying so.
 */
import { ATTRIBUTE_STRIDE, AttributeScanner } from './attributes';
import type { TokenBlock, UnclosedAttributeBlock } from './attributes';
import { scanBlocks, type BlockNotes } from './blocks';
import { DiagnosticList, PHASE_FRONT_MATTER, PHASE_SCAN, finding, type Finding } from './diagnostics';
import { readingKey } from './rowFacts';
import { findFrontMatter, readFrontMatter, type FrontMatterBlock } from './frontMatter';
import { Interner, rowKindOfClass } from './interner';
import { LineIndex, TextRange } from '../text';
import { NotesDocument } from './document';
import { InlineScanner, type InlineSink } from './spans';
import {
  A_CLOSE, A_END, A_ID, A_KIND, A_PARENT, A_START, A_STRIDE, A_TOKENS_FROM, A_TOKENS_TO, Base, IntTable, R_CLOSE, R_ID, R_START, R_STRIDE,
  TOKEN_PAIR_LENGTH, reorder,
} from './tables';
import type { FrontMatter, NotesModel, ParsedFigure, ParseOptions } from './types';

/**
 * Parses a notes file (Pandoc Markdown with YAML front matter and bracketed-span annotations).
 * Offsets in the model are UTF-16 offsets into `text`; positions come lazily from a shared line
 * index. Linear in the length of the text, for any input; never throws.
 */
export function parseNotes(text: string, options?: ParseOptions): NotesModel {
  return parseWithReadings(text, options, undefined);
}

/**
 * Parses a new version of a document, reusing what the previous model already computed that
 * does not depend on position: the figure readings (parseFigure on each figure's text, the
 * costliest step per annotation), when the previous model had read them. The result equals
 * `parseNotes(text, options)`; only the value, unit and qualifier of a reading are used.
 */
export function reparseNotes(previous: NotesModel | undefined, text: string, options?: ParseOptions): NotesModel {
  let readings: Map<string, ParsedFigure> | undefined;
  // A model that never read its figures has none to give (reading them now would cost more than it saves).
  if (previous && (!(previous instanceof NotesDocument) || previous.figuresRead)) {
    readings = new Map();
    for (const f of previous.figures) {
      // Without value=/unit= the figure's value, unit and qualifier are exactly what parseFigure read.
      const a = f.annotation;
      if (a.attribute('value') !== undefined || a.attribute('unit') !== undefined || a.attribute('qualifier') !== undefined) continue;
      readings.set(readingKey(previous.language, a.plainText), {
        value: f.value, unit: f.unit, qualifier: f.qualifier, magnitude: 1, numberStart: undefined, numberEnd: undefined,
      });
    }
  }
  return parseWithReadings(text, options, readings);
}

function parseWithReadings(text: string, options: ParseOptions | undefined, readings: ReadonlyMap<string, ParsedFigure> | undefined): NotesModel {
  const source = typeof text === 'string' ? text : String(text ?? '');
  try {
    return parseUnsafe(source, options, readings);
  } catch (error) {
    return failedModel(source, options, error);
  }
}

/** A bug must not take the editor down: an empty model of the same text, with the reason. */
export function failedModel(text: string, options: ParseOptions | undefined, error: unknown): NotesModel {
  return new NotesDocument({
    text, lines: new LineIndex(text), language: options?.language ?? 'en', names: new Interner(), frontMatter: undefined,
    frontMatterStart: 0, frontMatterEnd: 0, annotationPieces: [], annotationCount: 0, referencePieces: [], referenceCount: 0, headingPieces: [], headingCount: 0, bodyStart: 0, blocks: { skipped: [], openFences: [], openComments: [] },
    findings: [finding('unreadable', 0, 0, `Summit Notes could not read this file (a bug in Summit Notes, not in the file): ${error instanceof Error ? error.message : String(error)}`, PHASE_FRONT_MATTER, 0)],
  });
}

/** The front matter of a text: where it is, what it says, its findings. */
export interface FrontMatterReading {
  readonly block: FrontMatterBlock | undefined;
  readonly frontMatter: FrontMatter | undefined;
  readonly findings: readonly Finding[];
  /** Where the body starts (after the block, or after a BOM). */
  readonly bodyStart: number;
}

export function readFrontMatterOf(text: string, lines: LineIndex): FrontMatterReading {
  const list = new DiagnosticList(PHASE_FRONT_MATTER);
  const block = findFrontMatter(text, list);
  const frontMatter = block ? readFrontMatter(text, block, (s, e) => new TextRange(s, e, lines), list) : undefined;
  const bodyStart = block ? block.end : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { block, frontMatter, findings: list.items, bodyStart };
}

/** The language a model of this front matter reads figures in. */
export function languageOf(frontMatter: FrontMatter | undefined, options: ParseOptions | undefined): string {
  return frontMatter?.language || (options?.language ?? 'en');
}

function parseUnsafe(text: string, options: ParseOptions | undefined, readings: ReadonlyMap<string, ParsedFigure> | undefined): NotesModel {
  const lines = new LineIndex(text);
  const fm = readFrontMatterOf(text, lines);
  const names = new Interner();
  const body = scanBody(text, fm.bodyStart, text.length, names);
  const base = body.base;
  return new NotesDocument({
    text, lines, language: languageOf(fm.frontMatter, options), names, frontMatter: fm.frontMatter,
    frontMatterStart: fm.block?.start ?? 0, frontMatterEnd: fm.block?.end ?? 0,
    annotationPieces: base.rowCount ? [{ base, from: 0, to: base.rowCount, first: 0, shift: 0 }] : [],
    annotationCount: base.rowCount,
    referencePieces: base.referenceCount ? [{ base, from: 0, to: base.referenceCount, first: 0, shift: 0 }] : [],
    referenceCount: base.referenceCount,
    headingPieces: base.headings.length ? [{ base, from: 0, to: base.headings.length, first: 0, shift: 0 }] : [],
    headingCount: base.headings.length,
    findings: fm.findings.length ? [...fm.findings, ...body.findings] : body.findings, readings,
    bodyStart: fm.bodyStart, blocks: body.blocks,
  });
}

/** What the scan of [from, to) found: its rows and headings (document order) and findings. */
export interface BodyScan {
  readonly base: Base;
  readonly findings: Finding[];
  /** Code and comment blocks met (for edits, see model/edit.ts). */
  readonly blocks: BlockNotes;
}

/**
 * Scans the body stretch [from, to) of `text` (from a line start after which nothing is open, to
 * the end of a blank line or of the text).
 */
export function scanBody(text: string, from: number, to: number, names: Interner): BodyScan {
  const collector = new Collector(to - from);
  const attributes = new AttributeScanner(text, names);
  const inline = new InlineScanner(text, attributes, collector);
  const blocks: BlockNotes = { skipped: [], openFences: [], openComments: [] };
  const headings = scanBlocks(text, from, inline, attributes, to, blocks);
  const base = new Base(collector.rows.trimmed(), collector.spanCount, collector.tokens.trimmed(), collector.references.trimmed(), collector.referenceCount, headings);
  return { base, findings: collector.findings.items, blocks };
}

/** The inline scanner's sink: each span and reference becomes a row; problems become findings. */
class Collector implements InlineSink {
  readonly rows: IntTable;
  readonly tokens: IntTable;
  readonly references: IntTable;
  readonly findings = new DiagnosticList(PHASE_SCAN);
  spanCount = 0;
  referenceCount = 0;
  /** Rows of the current paragraph start here; `…Inside` count each one's descendants. */
  private paragraphSpans = 0;
  private paragraphReferences = 0;
  private spansInside: Int32Array = new Int32Array(64);
  private referencesInside: Int32Array = new Int32Array(16);
  private spansNested = false;
  private referencesNested = false;
  private readonly scratch = { order: new Int32Array(64), stack: new Int32Array(64), copy: new Int32Array(64 * A_STRIDE) };

  constructor(length: number) {
    // Dense notes hold about one span per 70–100 characters: start with room for one per 64, so
    // growing (a copy) is rare; pages never written cost nothing, and a table less than half
    // used is kept as a trimmed copy (IntTable.trimmed).
    const rows = Math.max(64, length >> 6);
    this.rows = new IntTable(rows * A_STRIDE);
    this.tokens = new IntTable(rows * 4);
    this.references = new IntTable(Math.max(64, length >> 9) * R_STRIDE);
  }

  span(open: number, close: number, b: TokenBlock, spansBefore: number): void {
    const row = this.spanCount++;
    const at = row * A_STRIDE;
    // Capacity checked here rather than in a call: this runs once per span.
    const table = at + A_STRIDE <= this.rows.data.length ? this.rows.data : this.rows.reserve(A_STRIDE);
    this.rows.length = at + A_STRIDE;
    let kind = 0;
    const classCount = b.classCount;
    const pairs = b.attributeCount;
    const tokenFrom = this.tokens.length;
    const tokenCount = classCount + pairs * TOKEN_PAIR_LENGTH;
    if (tokenCount > 0) {
      const tokens = tokenFrom + tokenCount <= this.tokens.data.length ? this.tokens.data : this.tokens.reserve(tokenCount);
      let t = tokenFrom;
      for (let i = 0; i < classCount; i++) {
        const c = b.classIds[i];
        // The first class that names a kind is the kind.
        if (kind === 0) kind = rowKindOfClass(c);
        tokens[t++] = c;
      }
      const source = b.attributes;
      for (let i = 0, k = 0; i < pairs; i++, k += ATTRIBUTE_STRIDE) {
        tokens[t++] = -1 - source[k];
        tokens[t++] = source[k + 1];
        tokens[t++] = source[k + 2];
      }
      this.tokens.length = t;
    }
    table[at + A_START] = open;
    table[at + A_CLOSE] = close;
    table[at + A_END] = b.end;
    table[at + A_KIND] = kind;
    table[at + A_ID] = b.idStart;
    table[at + A_TOKENS_FROM] = tokenFrom;
    table[at + A_TOKENS_TO] = tokenFrom + tokenCount;
    table[at + A_PARENT] = -1;
    if (b.problems) this.reportProblems(b, close);
    const inside = row - spansBefore;
    const k = row - this.paragraphSpans;
    if (k >= this.spansInside.length) this.spansInside = grow(this.spansInside, k);
    this.spansInside[k] = inside;
    if (inside > 0) this.spansNested = true;
  }

  reference(open: number, close: number, idStart: number, _idEnd: number, referencesBefore: number): void {
    const row = this.referenceCount++;
    const table = this.references.reserve(R_STRIDE);
    const at = row * R_STRIDE;
    this.references.length = at + R_STRIDE;
    table[at + R_START] = open;
    table[at + R_CLOSE] = close;
    table[at + R_ID] = idStart;
    const inside = row - referencesBefore;
    const k = row - this.paragraphReferences;
    if (k >= this.referencesInside.length) this.referencesInside = grow(this.referencesInside, k);
    this.referencesInside[k] = inside;
    if (inside > 0) this.referencesNested = true;
  }

  unclosedAttributes(open: number, close: number, b: UnclosedAttributeBlock): void {
    this.findings.add('unclosed-attributes', open, Math.max(b.insertAt, close + 2), 'The attribute block “{” after this span is never closed: add “}”.', {
      insert: '}',
      at: b.insertAt,
    }, undefined, close);
  }

  unclosedSpan(open: number, b: TokenBlock): void {
    this.reportProblems(b, b.start);
    this.findings.add('unclosed-span', open, b.end, 'This “[” is never closed: add “]” before the attribute block.', { insert: ']', at: b.start }, undefined, b.start);
  }

  paragraphEnd(): void {
    // Spans came out as their `]` was reached (nested ones first): put them in document order.
    if (this.spansNested) reorder(this.rows.data, A_STRIDE, this.paragraphSpans, this.spanCount, this.spansInside, true, this.scratch);
    if (this.referencesNested) reorder(this.references.data, R_STRIDE, this.paragraphReferences, this.referenceCount, this.referencesInside, false, this.scratch);
    this.spansNested = false;
    this.referencesNested = false;
    this.paragraphSpans = this.spanCount;
    this.paragraphReferences = this.referenceCount;
  }

  private reportProblems(b: TokenBlock, seq: number): void {
    if (b.problems) for (const p of b.problems) this.findings.add('malformed-attribute', p.start, p.end, `Malformed attribute: ${p.message}.`, p.data, undefined, seq);
  }
}

function grow(array: Int32Array, index: number): Int32Array {
  const grown = new Int32Array(Math.max(array.length * 2, index + 1));
  grown.set(array);
  return grown;
}
