/**
 * The notes model object `parseNotes` returns. The parse only fills tables of numbers (model/tables.ts)
 * and reads the front matter; everything else a feature may ask for — the annotation and
 * reference objects, sections, figures, ids, diagnostics — is made from the tables on first use,
 * once per model, and kept. A model never changes after it is made: an edit makes a new one
 * (model/edit.ts) sharing the unchanged rows, so a feature holding an older model still sees a
 * consistent one.
 */
import type { BlockNotes, HeadingRecord } from './blocks';
import { checkFindings, readFigureRow } from './rowFacts';
import type { FigureReading } from './tables';
import { buildIdState, type Carrier, type IdState } from './ids';
import { IdIndex } from './idIndex';
import { wholeFileIdFindings } from './diagnosticsIds';
import { compareFindings, toDiagnostic, type Finding } from './diagnostics';
import type { Interner } from './interner';
import { lastAtOrBefore, TextRange } from '../text';
import type { LineIndex } from '../text';
import { AnnotationNode, FigureValue, ReferenceNode, SectionNode } from './views';
import { RowReader } from './rows';
import { A_KIND, A_PARENT, A_STRIDE, FIGURE_KIND, type Piece } from './tables';
import type { Annotation, Diagnostic, FrontMatter, NotesModel, ParsedFigure, Position, Range, Reference, Section } from './types';

/** What a parse (or an edit) hands to a model. */
export interface ModelParts {
  readonly text: string;
  readonly lines: LineIndex;
  readonly language: string;
  readonly names: Interner;
  readonly frontMatter: FrontMatter | undefined;
  /** The `---` block: [start, end) with the body starting at end (both 0 when none). */
  readonly frontMatterStart: number;
  readonly frontMatterEnd: number;
  /** The annotation rows, in document order, as runs of scanned tables (none empty). */
  readonly annotationPieces: readonly Piece[];
  readonly annotationCount: number;
  readonly referencePieces: readonly Piece[];
  readonly referenceCount: number;
  readonly headingPieces: readonly Piece[];
  readonly headingCount: number;
  /** Front matter and scan findings (the diagnostics found while reading), in order. */
  readonly findings: readonly Finding[];
  /** Figure readings of a previous version by text (reparseNotes), or undefined. */
  readonly readings?: ReadonlyMap<string, ParsedFigure>;
  /** Where the body starts (after the front matter or a BOM). */
  readonly bodyStart: number;
  /** Code and comment blocks of the body (what an edit needs to know how far it reaches). */
  readonly blocks: BlockNotes;
}

export class NotesDocument extends RowReader implements NotesModel {
  readonly lines: LineIndex;
  readonly language: string;
  readonly frontMatter: FrontMatter | undefined;
  readonly frontMatterRange: Range | undefined;
  readonly headingPieces: readonly Piece[];
  readonly headingCount: number;
  readonly findings: readonly Finding[];
  /** Figure readings of a previous version by text (reparseNotes): used until every figure was read, then let go. */
  private readingsByText: ReadonlyMap<string, ParsedFigure> | undefined;
  readonly bodyStart: number;
  readonly blocks: BlockNotes;

  // Made on first use.
  private nodes: (AnnotationNode | undefined)[] | undefined;
  private annotationList: AnnotationNode[] | undefined;
  private referenceNodes: (ReferenceNode | undefined)[] | undefined;
  private referenceList: ReferenceNode[] | undefined;
  private sectionList: SectionNode[] | undefined;
  private topSections: SectionNode[] | undefined;
  private childIndex: { readonly first: Int32Array; readonly rows: Int32Array } | undefined;
  private figureViews: (FigureValue | undefined)[] | undefined;
  private figureList: FigureValue[] | undefined;
  private idIndex: IdIndex | undefined;
  private idStateMade: IdState | undefined;
  private headingList: HeadingRecord[] | undefined;
  private piecesByBase: Map<unknown, Piece[]> | undefined;
  private diagnosticList: Diagnostic[] | undefined;
  private referencesById: Map<string, ReferenceNode[]> | undefined;
  /** True once the diagnostics looked at the ids without an id state (diagnosticsIds.ts). */
  private idsChecked = false;
  /** True once any figure was read (reparseNotes only reuses readings a model made). */
  figuresRead = false;

  constructor(parts: ModelParts) {
    super(parts.text, parts.names, parts.annotationPieces, parts.annotationCount, parts.referencePieces, parts.referenceCount);
    this.lines = parts.lines;
    this.language = parts.language;
    this.frontMatter = parts.frontMatter;
    this.frontMatterRange = parts.frontMatterEnd > parts.frontMatterStart ? this.range(parts.frontMatterStart, parts.frontMatterEnd) : undefined;
    this.headingPieces = parts.headingPieces;
    this.headingCount = parts.headingCount;
    this.findings = parts.findings;
    this.readingsByText = parts.readings;
    this.bodyStart = parts.bodyStart;
    this.blocks = parts.blocks;
  }

  // ── Objects ───────────────────────────────────────────────────────────────────────────────

  /** Every annotation in document order (made on first use). */
  get annotations(): readonly AnnotationNode[] {
    return (this.annotationList ??= everyView(this.annotationCount, (i) => this.annotationNode(i)));
  }

  /** The view of annotation row `i`, made once. */
  annotationNode(i: number): AnnotationNode {
    const nodes = (this.nodes ??= new Array<AnnotationNode | undefined>(this.annotationCount));
    return (nodes[i] ??= new AnnotationNode(this, i));
  }

  /** Every reference in document order (made on first use). */
  get references(): readonly ReferenceNode[] {
    return (this.referenceList ??= everyView(this.referenceCount, (i) => this.referenceNode(i)));
  }

  /** The view of reference row `i`, made once. */
  referenceNode(i: number): ReferenceNode {
    const nodes = (this.referenceNodes ??= new Array<ReferenceNode | undefined>(this.referenceCount));
    return (nodes[i] ??= new ReferenceNode(this, i));
  }

  /** Every heading in document order, in this model's offsets. */
  get headings(): readonly HeadingRecord[] {
    if (this.headingList === undefined) {
      const list: HeadingRecord[] = [];
      for (const p of this.headingPieces) {
        for (let i = p.from; i < p.to; i++) {
          const h = p.base.headings[i];
          list.push(p.shift === 0 ? h : {
            level: h.level, start: h.start + p.shift, end: h.end + p.shift, titleStart: h.titleStart + p.shift, titleEnd: h.titleEnd + p.shift,
            id: h.id, idAt: h.idAt < 0 ? -1 : h.idAt + p.shift,
          });
        }
      }
      this.headingList = list;
    }
    return this.headingList;
  }

  /** The pieces (annotation rows and headings) holding a carrier's row or heading. */
  private piecesOf(c: Carrier): readonly Piece[] {
    if (this.piecesByBase === undefined) {
      const map = new Map<unknown, Piece[]>();
      for (const p of this.annotationPieces) {
        const list = map.get(p.base) ?? [];
        list.push(p);
        map.set(p.base, list);
      }
      for (const p of this.headingPieces) {
        const key = p.base.headings;
        const list = map.get(key) ?? [];
        list.push(p);
        map.set(key, list);
      }
      this.piecesByBase = map;
    }
    return this.piecesByBase.get(c.row < 0 ? c.base.headings : c.base) ?? [];
  }

  private pieceOfCarrier(c: Carrier): Piece | undefined {
    const row = c.row < 0 ? -1 - c.row : c.row;
    for (const p of this.piecesOf(c)) if (row >= p.from && row < p.to) return p;
    return undefined;
  }

  /** How far a carrier's offsets moved since its base was scanned. */
  shiftOf(c: Carrier): number {
    return this.pieceOfCarrier(c)?.shift ?? 0;
  }

  /** The annotation or section a carrier is in this model. */
  carrierNode(c: Carrier): AnnotationNode | SectionNode | undefined {
    const p = this.pieceOfCarrier(c);
    if (!p) return undefined;
    if (c.row >= 0) return this.annotationNode(c.row - p.from + p.first);
    return this.allSections[-1 - c.row - p.from + p.first];
  }

  /** Every section in document order. */
  get allSections(): readonly SectionNode[] {
    if (this.sectionList === undefined) this.buildSections();
    return this.sectionList as SectionNode[];
  }

  /** Top-level sections. */
  get sections(): readonly SectionNode[] {
    if (this.topSections === undefined) this.buildSections();
    return this.topSections as SectionNode[];
  }

  private buildSections(): void {
    const sections: SectionNode[] = [];
    const top: SectionNode[] = [];
    const stack: SectionNode[] = [];
    for (const h of this.headings) {
      const section = new SectionNode(this, sections.length, h.level, h.id, h.start, h.end, h.titleStart, h.titleEnd);
      while (stack.length && stack[stack.length - 1].level >= h.level) (stack.pop() as SectionNode).end = h.start;
      const parent = stack.length ? stack[stack.length - 1] : undefined;
      if (parent) {
        section.parent = parent;
        parent.children.push(section);
      } else top.push(section);
      stack.push(section);
      sections.push(section);
    }
    this.sectionList = sections;
    this.topSections = top;
  }

  /** The section whose heading comes last at or before `offset` (where an annotation there stands). */
  innermostSection(offset: number): SectionNode | undefined {
    const sections = this.allSections;
    return sections[lastStartingAtOrBefore(sections, offset)];
  }

  /** Rows of the direct children of row `row`, in document order. */
  childRows(row: number): Int32Array {
    if (this.childIndex === undefined) {
      const n = this.annotationCount;
      const parents = new Int32Array(n);
      for (const p of this.annotationPieces) {
        const rows = p.base.rows;
        for (let r = p.from, m = p.first; r < p.to; r++, m++) {
          const parent = rows[r * A_STRIDE + A_PARENT];
          parents[m] = parent < 0 ? -1 : parent - p.from + p.first;
        }
      }
      const first = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) if (parents[i] >= 0) first[parents[i] + 1]++;
      for (let i = 0; i < n; i++) first[i + 1] += first[i];
      const children = new Int32Array(first[n]);
      const fill = first.slice(0, n);
      for (let i = 0; i < n; i++) if (parents[i] >= 0) children[fill[parents[i]]++] = i;
      this.childIndex = { first, rows: children };
    }
    return this.childIndex.rows.subarray(this.childIndex.first[row], this.childIndex.first[row + 1]);
  }

  /** The figure of row `row` (a `.figure` span), read on first use. */
  figureOf(row: number): FigureValue | undefined {
    if (this.kindOf(row) !== FIGURE_KIND) return undefined;
    const views = (this.figureViews ??= new Array<FigureValue | undefined>(this.annotationCount));
    let view = views[row];
    if (view === undefined) {
      const r = this.figureReading(row);
      view = new FigureValue(this.annotationNode(row), r.value, r.unit, r.qualifier, r.year, r.source);
      views[row] = view;
    }
    return view;
  }

  /**
   * What row `row`'s figure says. Kept with the rows (per language), so the models an edit makes
   * read only the figures it touched.
   */
  figureReading(row: number): FigureReading {
    this.figuresRead = true;
    const i = this.locate(row);
    const base = this.current.base;
    let readings = base.readings.get(this.language);
    if (readings === undefined) {
      if (base.readings.size >= 4) base.readings.delete(base.readings.keys().next().value as string);
      base.readings.set(this.language, (readings = new Array<FigureReading | undefined>(base.rowCount)));
    }
    const r = i / A_STRIDE;
    return (readings[r] ??= readFigureRow(this, row));
  }

  /** `figureReading(row)` without keeping what it reads (a reading kept already is used). */
  figureReadingOnce(row: number): FigureReading {
    const i = this.locate(row);
    return this.current.base.readings.get(this.language)?.[i / A_STRIDE] ?? readFigureRow(this, row);
  }

  get readings(): ReadonlyMap<string, ParsedFigure> | undefined {
    return this.readingsByText;
  }

  get figures(): readonly FigureValue[] {
    if (this.figureList === undefined) {
      const list: FigureValue[] = [];
      for (const p of this.annotationPieces) {
        const rows = p.base.rows;
        for (let r = p.from, m = p.first; r < p.to; r++, m++) if (rows[r * A_STRIDE + A_KIND] === FIGURE_KIND) list.push(this.figureOf(m) as FigureValue);
      }
      this.figureList = list;
      this.readingsByText = undefined;
    }
    return this.figureList;
  }

  /** What the model knows of its ids (made on first use, unless an edit derived it). */
  get idState(): IdState {
    return (this.idStateMade ??= buildIdState(this));
  }

  /** Takes the id state an edit derived (model/edit.ts), before anything asked for one. */
  adoptIdState(state: IdState): void {
    this.idStateMade ??= state;
  }

  /**
   * Whether the ids were looked at, the id state made or the diagnostics read: an edit then
   * derives the next model's id state from this one's (making it now if need be).
   */
  get hasIdState(): boolean {
    return this.idStateMade !== undefined || this.idsChecked;
  }

  /** id → the annotation or section carrying it (the first one, when duplicated). */
  get ids(): IdIndex {
    return (this.idIndex ??= new IdIndex(this, this.idState));
  }

  get diagnostics(): readonly Diagnostic[] {
    if (this.diagnosticList === undefined) {
      const all = [...this.findings];
      const verdicts = { areas: new Map<number, boolean>(), statuses: new Map<number, boolean>() };
      for (const p of this.annotationPieces) checkFindings(this, p, all, verdicts);
      // A model read whole finds its id findings without making the id map (most never need it).
      const ids = this.idStateMade ?? wholeFileIdFindings(this) ?? this.idState;
      this.idsChecked = true;
      for (const f of ids.duplicates) all.push(f);
      for (const f of ids.unresolved) all.push(f);
      all.sort(compareFindings);
      const range = (s: number, e: number): Range => this.range(s, e);
      this.diagnosticList = all.map((f) => toDiagnostic(f, range));
    }
    return this.diagnosticList;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  range(start: number, end: number): Range {
    return new TextRange(start, end, this.lines);
  }

  /** Innermost annotation with start ≤ offset ≤ end (the end counts, so a cursor just after `}` still finds it). */
  annotationAt(offset: number): Annotation | undefined {
    let i = this.lastAnnotationAtOrBefore(offset);
    while (i >= 0 && this.end(i) < offset) i = this.parentOf(i);
    return i < 0 ? undefined : this.annotationNode(i);
  }

  referenceAt(offset: number): Reference | undefined {
    const i = this.lastReferenceAtOrBefore(offset);
    return i >= 0 && offset <= this.referenceIdEnd(i) + 1 ? this.referenceNode(i) : undefined;
  }

  sectionAt(offset: number): Section | undefined {
    const sections = this.allSections;
    let s: SectionNode | undefined = sections[lastStartingAtOrBefore(sections, offset)];
    while (s && s.end < offset) s = s.parent;
    return s;
  }

  referencesTo(id: string): readonly Reference[] {
    if (!this.referencesById) {
      const byId = new Map<string, ReferenceNode[]>();
      for (const r of this.references) {
        const key = r.targetId;
        const list = byId.get(key);
        if (list) list.push(r);
        else byId.set(key, [r]);
      }
      this.referencesById = byId;
    }
    return this.referencesById.get(id) ?? [];
  }

  /** Plain data for JSON output: no cycles, maps as objects. */
  toJSON(): Record<string, unknown> {
    const fm = this.frontMatter;
    return {
      language: this.language,
      frontMatter: fm && {
        ...fm,
        areas: Object.fromEntries(fm.areas),
        glossary: Object.fromEntries(fm.glossary),
        keyRanges: Object.fromEntries(fm.keyRanges),
      },
      frontMatterRange: this.frontMatterRange,
      sections: this.allSections,
      annotations: this.annotations,
      references: this.references,
      figures: this.figures,
      diagnostics: this.diagnostics,
    };
  }
}

/** Index of the last item whose start ≤ offset, or -1 (items sorted by start). */
export function lastStartingAtOrBefore(list: readonly { readonly start: number }[], offset: number): number {
  return lastAtOrBefore(list, startOf, offset);
}

const startOf = (item: { readonly start: number }): number => item.start;

/** The views of rows 0 … count-1, in order, each through `view` (which keeps the one it makes). */
function everyView<T>(count: number, view: (i: number) => T): T[] {
  const list = new Array<T>(count);
  for (let i = 0; i < count; i++) list[i] = view(i);
  return list;
}
