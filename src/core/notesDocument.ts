/**
 * The notes model object `parseNotes` returns: the collections plus the look-ups every feature
 * needs (offset ↔ position, what is at an offset, who refers to an id). Look-ups are binary
 * searches over the document-ordered lists, so hovers stay fast on large files.
 */
import { TextRange } from './lineIndex';
import type { LineIndex } from './lineIndex';
import type { AnnotationNode, FigureValue, ReferenceNode, SectionNode } from './model';
import type { Annotation, Diagnostic, FrontMatter, NotesModel, Position, Range, Reference, Section } from './types';

export class NotesDocument implements NotesModel {
  frontMatter: FrontMatter | undefined = undefined;
  frontMatterRange: Range | undefined = undefined;
  sections: SectionNode[] = [];
  allSections: SectionNode[] = [];
  annotations: AnnotationNode[] = [];
  references: ReferenceNode[] = [];
  figures: FigureValue[] = [];
  diagnostics: Diagnostic[] = [];
  readonly ids = new Map<string, AnnotationNode | SectionNode>();
  /** Every annotation's attributes, flat; each annotation knows its stretch. */
  readonly attributeStore: string[] = [];
  private referencesById: Map<string, ReferenceNode[]> | undefined;
  /**
   * The document the model's nodes read their text from: itself, or for a model made by an
   * in-place edit (incremental.ts) the first model of that chain, whose text is kept current.
   */
  core: NotesDocument = this;

  constructor(
    /** Replaced, with `lines` updated in place, by an incremental edit (incremental.ts). */
    public text: string,
    readonly lines: LineIndex,
    public language: string,
  ) {}

  /** Fills in what the parser assembled. */
  finish(
    frontMatter: FrontMatter | undefined,
    frontMatterRange: Range | undefined,
    sections: SectionNode[],
    allSections: SectionNode[],
    references: ReferenceNode[],
    figures: FigureValue[],
    diagnostics: Diagnostic[],
  ): void {
    this.frontMatter = frontMatter;
    this.frontMatterRange = frontMatterRange;
    this.sections = sections;
    this.allSections = allSections;
    this.references = references;
    this.figures = figures;
    this.diagnostics = diagnostics;
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
    const list = this.annotations;
    let a: AnnotationNode | undefined = list[lastStartingAtOrBefore(list, offset)];
    while (a && a.end < offset) a = a.parent;
    return a;
  }

  referenceAt(offset: number): Reference | undefined {
    const r = this.references[lastStartingAtOrBefore(this.references, offset)];
    return r && offset <= r.end ? r : undefined;
  }

  sectionAt(offset: number): Section | undefined {
    let s: SectionNode | undefined = this.allSections[lastStartingAtOrBefore(this.allSections, offset)];
    while (s && s.end < offset) s = s.parent;
    return s;
  }

  referencesTo(id: string): readonly Reference[] {
    if (!this.referencesById) {
      const byId = new Map<string, ReferenceNode[]>();
      for (const r of this.references) {
        const list = byId.get(r.targetId);
        if (list) list.push(r);
        else byId.set(r.targetId, [r]);
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
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
