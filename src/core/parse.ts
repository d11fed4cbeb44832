/**
 * `parseNotes`: a notes file → the notes model. One pass over the lines (blocks.ts), one charCode
 * pass over each paragraph (spans.ts), then a linear assembly: parents by a stack sweep, sections
 * by a sweep, ids and references by maps. Never throws: a failure deep inside still returns a
 * model of the text (empty if need be) with a diagnostic saying so.
 */
import { AttributeScanner } from './attributes';
import type { ScannedBlock, UnclosedAttributeBlock } from './attributes';
import { scanBlocks } from './blocks';
import { DiagnosticList, nearest } from './diagnostics';
import { parseFigure } from './figures';
import { findFrontMatter, readFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import { AnnotationNode, FigureValue, ReferenceNode, SectionNode } from './model';
import { NotesDocument } from './notesDocument';
import { InlineScanner } from './spans';
import { ANNOTATION_KINDS, DEFAULT_STATUSES } from './types';
import type { AnnotationKind, FrontMatter, NotesModel, ParsedFigure, ParseOptions } from './types';

/** Classes Pandoc itself gives meaning to: a span carrying only these is not a misspelt kind. */
const PANDOC_CLASSES = new Set(['underline', 'smallcaps', 'mark', 'unnumbered']);
const KIND_SET = new Set<string>(ANNOTATION_KINDS);
const NONE: readonly string[] = Object.freeze([]);

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
 * costliest step per annotation). The result equals `parseNotes(text, options)`; only the
 * value, unit and qualifier of a reading are used, and those the previous model kept.
 */
export function reparseNotes(previous: NotesModel | undefined, text: string, options?: ParseOptions): NotesModel {
  let readings: Map<string, ParsedFigure> | undefined;
  if (previous) {
    readings = new Map();
    for (const f of previous.figures) {
      // Without value=/unit= the figure's value, unit and qualifier are exactly what parseFigure read.
      const a = f.annotation;
      if (a.attribute('value') !== undefined || a.attribute('unit') !== undefined) continue;
      readings.set(readingKey(previous.language, a.plainText), {
        value: f.value, unit: f.unit, qualifier: f.qualifier, magnitude: 1, numberStart: undefined, numberEnd: undefined,
      });
    }
  }
  return parseWithReadings(text, options, readings);
}

function readingKey(language: string, text: string): string {
  return `${language}\u0000${text}`;
}

function parseWithReadings(text: string, options: ParseOptions | undefined, readings: ReadonlyMap<string, ParsedFigure> | undefined): NotesModel {
  const source = typeof text === 'string' ? text : String(text ?? '');
  try {
    return parseUnsafe(source, options, readings);
  } catch (error) {
    // A bug must not take the editor down: an empty model of the same text, with the reason.
    const doc = new NotesDocument(source, new LineIndex(source), options?.language ?? 'en');
    const diagnostics = new DiagnosticList((s, e) => doc.range(s, e));
    diagnostics.add('too-large', 0, 0, `Summit Notes could not read this file: ${error instanceof Error ? error.message : String(error)}`, undefined, 'error');
    doc.finish(undefined, undefined, [], [], [], [], diagnostics.items);
    return doc;
  }
}

function parseUnsafe(text: string, options: ParseOptions | undefined, readings: ReadonlyMap<string, ParsedFigure> | undefined): NotesModel {
  const lines = new LineIndex(text);
  const doc = new NotesDocument(text, lines, options?.language ?? 'en');
  const range = (s: number, e: number) => doc.range(s, e);
  const diagnostics = new DiagnosticList(range);

  const block = findFrontMatter(text, diagnostics);
  let frontMatter: FrontMatter | undefined;
  if (block) {
    frontMatter = readFrontMatter(text, block, range, diagnostics);
    if (frontMatter.language) doc.language = frontMatter.language;
  }
  const areas = frontMatter?.areas;
  const statuses = new Set(frontMatter?.statuses ?? DEFAULT_STATUSES);

  const annotations: AnnotationNode[] = [];
  const references: ReferenceNode[] = [];
  const interned = new Map<string, readonly string[]>();
  const attributes = new AttributeScanner(text);

  const reportProblems = (b: ScannedBlock): void => {
    if (b.problems) for (const p of b.problems) diagnostics.add('malformed-attribute', p.start, p.end, `Malformed attribute: ${p.message}.`, p.data);
  };

  const inline = new InlineScanner(text, attributes, {
    span(open: number, close: number, b: ScannedBlock): void {
      let kind: AnnotationKind | undefined;
      const n = b.classCount;
      for (let i = 0; i < n; i++) {
        if (KIND_SET.has(b.classes[i])) {
          kind = b.classes[i] as AnnotationKind;
          break;
        }
      }
      // The block's buffers are reused by the scanner: copy what the annotation keeps.
      let classes: readonly string[] = NONE;
      if (n === 1) {
        // Most spans carry one class: share one frozen array per class name.
        const shared = interned.get(b.classes[0]);
        if (shared) classes = shared;
        else interned.set(b.classes[0], (classes = Object.freeze([b.classes[0]])));
      } else if (n > 1) classes = b.classes.slice(0, n);
      const store = doc.attributeStore;
      const from = store.length;
      for (let i = 0; i < b.attributeCount; i++) store.push(b.attributes[i]);
      const a = new AnnotationNode(doc, open, close, b.end, kind, b.id, classes, from, store.length);
      annotations.push(a);
      reportProblems(b);
      if (kind === undefined && n > 0) reportUnknownKind(diagnostics, b.classes.slice(0, n), b);
      checkVocabulary(a, b, areas, statuses, diagnostics);
    },
    reference(open: number, close: number, idStart: number, idEnd: number): void {
      references.push(new ReferenceNode(doc, open, close, idStart, idEnd, text.slice(idStart, idEnd)));
    },
    unclosedAttributes(open: number, close: number, b: UnclosedAttributeBlock): void {
      diagnostics.add('unclosed-attributes', open, Math.max(b.insertAt, close + 2), 'The attribute block “{” after this span is never closed: add “}”.', {
        insert: '}',
        at: b.insertAt,
      });
    },
    unclosedSpan(open: number, b: ScannedBlock): void {
      reportProblems(b);
      diagnostics.add('unclosed-span', open, b.end, 'This “[” is never closed: add “]” before the attribute block.', { insert: ']', at: b.start });
    },
  });

  const bodyStart = block ? block.end : text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const headings = scanBlocks(text, bodyStart, inline, attributes);

  // Spans come out innermost first within a paragraph; the model lists them by opening bracket.
  annotations.sort((x, y) => x.start - y.start);
  references.sort((x, y) => x.start - y.start);
  linkParents(annotations);
  doc.annotations = annotations;
  doc.references = references;

  const sections = buildSections(doc, headings, annotations);
  const topSections = sections.filter((s) => s.parent === undefined);
  placeInSections(annotations, sections);
  const figures = readFigures(annotations, doc.language, diagnostics, readings);
  doc.finish(frontMatter, block ? doc.range(block.start, block.end) : undefined, topSections, sections, references, figures, []);
  collectIds(doc, annotations, sections, diagnostics);
  resolveReferences(doc, references, diagnostics);
  doc.diagnostics = diagnostics.sorted();
  return doc;
}

/** Parent/children by a stack sweep over annotations sorted by start (spans nest properly). */
function linkParents(annotations: AnnotationNode[]): void {
  const stack: AnnotationNode[] = [];
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    a.index = i;
    while (stack.length && stack[stack.length - 1].end <= a.start) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    if (parent) {
      a.parent = parent;
      parent.addChild(a);
    }
    stack.push(a);
  }
}

function buildSections(doc: NotesDocument, headings: ReturnType<typeof scanBlocks>, annotations: AnnotationNode[]): SectionNode[] {
  const sections: SectionNode[] = [];
  const stack: SectionNode[] = [];
  let next = 0;
  for (const h of headings) {
    while (next < annotations.length && annotations[next].start < h.titleStart) next++;
    const section = new SectionNode(doc, h.level, h.id, h.start, h.end, h.titleStart, h.titleEnd, next);
    section.index = sections.length;
    while (stack.length && stack[stack.length - 1].level >= h.level) (stack.pop() as SectionNode).end = h.start;
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    }
    stack.push(section);
    sections.push(section);
  }
  return sections;
}

/** The innermost section of an offset is the one whose heading comes last before it. */
function placeInSections(annotations: AnnotationNode[], sections: SectionNode[]): void {
  let s = -1;
  for (const a of annotations) {
    while (s + 1 < sections.length && sections[s + 1].start <= a.start) s++;
    if (s >= 0) {
      a.section = sections[s];
      sections[s].annotations.push(a);
    }
  }
}

function reportUnknownKind(diagnostics: DiagnosticList, classes: readonly string[], b: ScannedBlock): void {
  if (classes.every((c) => PANDOC_CLASSES.has(c))) return;
  let suggestion: string | undefined;
  let misspelt = classes[0];
  for (const c of classes) {
    const near = nearest(c, ANNOTATION_KINDS, 3);
    if (near) {
      suggestion = near;
      misspelt = c;
      break;
    }
  }
  const message = suggestion
    ? `Unknown kind “.${misspelt}”: did you mean “.${suggestion}”?`
    : `No known kind among ${classes.map((c) => `“.${c}”`).join(', ')}: use .initiative, .figure or .actor.`;
  diagnostics.add('unknown-kind', b.start, b.end, message, suggestion ? { class: misspelt, suggestion } : { class: misspelt });
}

/** `area=` against the declared areas (any area when none are declared), `status=` against the statuses. */
function checkVocabulary(a: AnnotationNode, b: ScannedBlock, areas: ReadonlyMap<string, string> | undefined, statuses: ReadonlySet<string>, diagnostics: DiagnosticList): void {
  if (!a.hasAttributes) return;
  const area = a.attribute('area');
  if (area !== undefined && areas && areas.size > 0 && !areas.has(area)) {
    for (const one of area.split(/[\s,]+/)) {
      if (one === '' || areas.has(one)) continue;
      const suggestion = nearest(one, areas.keys(), 3);
      diagnostics.add('unknown-area', b.start, b.end, `Area “${one}” is not among the areas in the front matter${suggestion ? `: did you mean “${suggestion}”?` : '.'}`, suggestion ? { area: one, suggestion } : { area: one });
    }
  }
  const status = a.attribute('status');
  if (status !== undefined && !statuses.has(status)) {
    const suggestion = nearest(status, statuses, 3);
    diagnostics.add('unknown-status', b.start, b.end, `Status “${status}” is not one of: ${[...statuses].join(', ')}${suggestion ? ` (did you mean “${suggestion}”?)` : ''}.`, suggestion ? { status, suggestion } : { status });
  }
}

/** Reads each figure: the span's text through parseFigure, then `value=` and `unit=` over it. */
function readFigures(annotations: AnnotationNode[], language: string, diagnostics: DiagnosticList, readings: ReadonlyMap<string, ParsedFigure> | undefined): FigureValue[] {
  const figures: FigureValue[] = [];
  for (const a of annotations) {
    if (a.kind !== 'figure') continue;
    const figure = readFigure(a, language, readings);
    a.figure = figure;
    figures.push(figure);
    if (figure.value === undefined) addFigureWithoutValue(diagnostics, a);
  }
  return figures;
}

/** The diagnostic of a figure no number can be read from (its fix inserts `value=`). */
export function addFigureWithoutValue(diagnostics: DiagnosticList, a: AnnotationNode): void {
  diagnostics.add('figure-without-value', a.start + 1, a.close, 'No number can be read from this figure: write it as a number (650 млрд, $1.5 trillion) or add value=….', {
    insert: ' value=',
    at: a.end - 1,
  });
}

/** One figure annotation's value: its plain text through parseFigure, then `value=`, `unit=`, `year=`, `metric=`. */
export function readFigure(a: AnnotationNode, language: string, readings?: ReadonlyMap<string, ParsedFigure>): FigureValue {
  const plainText = a.plainText;
  const read = readings?.get(readingKey(language, plainText)) ?? safeParseFigure(plainText, language);
  let value = read.value;
  let unit = read.unit;
  let source: 'text' | 'attribute' = 'text';
  // Most figures carry no key=value at all: skip the four lookups then.
  const keyed = a.hasAttributes;
  const valueAttribute = keyed ? a.attribute('value') : undefined;
  if (valueAttribute !== undefined && valueAttribute.trim() !== '') {
    const plain = valueAttribute.trim();
    const number = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
    if (Number.isFinite(number)) {
      value = number;
      source = 'attribute';
    } else {
      const fromAttribute = safeParseFigure(plain, language);
      if (fromAttribute.value !== undefined) {
        value = fromAttribute.value;
        unit = fromAttribute.unit ?? unit;
        source = 'attribute';
      }
    }
  }
  const unitAttribute = keyed ? a.attribute('unit') : undefined;
  if (unitAttribute !== undefined && unitAttribute.trim() !== '') unit = unitAttribute.trim();
  const yearAttribute = keyed ? a.attribute('year') : undefined;
  const year = yearAttribute !== undefined && /^\d{4}$/.test(yearAttribute.trim()) ? Number(yearAttribute.trim()) : undefined;
  return new FigureValue(a, value, unit, read.qualifier, year, keyed ? a.attribute('metric') : undefined, source);
}

function safeParseFigure(text: string, language: string): ReturnType<typeof parseFigure> {
  try {
    return parseFigure(text, language);
  } catch {
    return { value: undefined, unit: undefined, qualifier: null, magnitude: 1, numberStart: undefined, numberEnd: undefined };
  }
}

/** id → first carrier (headings and annotations merged in document order); later ones are duplicates. */
function collectIds(doc: NotesDocument, annotations: AnnotationNode[], sections: SectionNode[], diagnostics: DiagnosticList): void {
  let s = 0;
  for (let i = 0; i <= annotations.length; i++) {
    const a = annotations[i] as AnnotationNode | undefined;
    const before = a ? a.start : Number.POSITIVE_INFINITY;
    for (; s < sections.length && sections[s].start <= before; s++) if (sections[s].id) claimId(doc, sections[s], diagnostics);
    if (a && a.id) claimId(doc, a, diagnostics);
  }
}

function claimId(doc: NotesDocument, carrier: AnnotationNode | SectionNode, diagnostics: DiagnosticList): void {
  const id = carrier.id as string;
  const first = doc.ids.get(id);
  if (first === undefined) {
    doc.ids.set(id, carrier);
    return;
  }
  const isAnnotation = carrier instanceof AnnotationNode;
  diagnostics.add('duplicate-id', isAnnotation ? carrier.close + 1 : carrier.start, isAnnotation ? carrier.end : carrier.headingEnd, `The id “${id}” is already used at line ${doc.positionAt(first.start).line + 1}.`, {
    id,
    first: first.start,
  });
}

/** "Did you mean" costs a comparison with every id: offered for the first few unresolved references only. */
const SUGGESTION_BUDGET = 50;

function resolveReferences(doc: NotesDocument, references: ReferenceNode[], diagnostics: DiagnosticList): void {
  let budget = doc.ids.size <= 5000 ? SUGGESTION_BUDGET : 0;
  for (const r of references) {
    const target = doc.ids.get(r.targetId);
    r.target = target;
    if (target === undefined) {
      const suggestion = budget-- > 0 ? nearest(r.targetId, doc.ids.keys(), 3) : undefined;
      diagnostics.add('unresolved-reference', r.targetStart, r.targetEnd, `Nothing in this file has the id “${r.targetId}”${suggestion ? `: did you mean “${suggestion}”?` : '.'}`, suggestion ? { id: r.targetId, suggestion } : { id: r.targetId });
    }
  }
}
