import type { Annotation, NotesModel, Range, Section } from './types';

export type OutlineNodeKind = 'section' | 'initiative' | 'figure' | 'actor';

/** One node of the outline: sections → initiatives → their figures and actors. */
export interface OutlineNode {
  readonly kind: OutlineNodeKind;
  readonly label: string;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly section: Section | undefined;
  readonly annotation: Annotation | undefined;
  readonly children: readonly OutlineNode[];
}

interface MutableNode extends OutlineNode {
  readonly children: OutlineNode[];
}

/**
 * The outline of a notes file, the one source for the tree, the document symbols and the brief:
 * sections (nested by level) → initiatives → the figures and actors inside them. A figure or actor
 * outside any initiative hangs under its section; annotations before the first heading, and
 * sections, form the top level. Each list is in document order; spans without a known kind are left out.
 */
export function buildOutline(model: NotesModel): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const sectionNodes = new Map<Section, MutableNode>();
  const annotationNodes = new Map<Annotation, MutableNode>();
  const enclosing = new Map<Annotation, MutableNode | undefined>();
  const sections = model.allSections;
  const annotations = model.annotations;
  // Walk sections and annotations merged by start, so appending keeps every list in document order.
  let s = 0;
  for (let a = 0; a <= annotations.length; a++) {
    const annotation = annotations[a] as Annotation | undefined;
    const before = annotation ? annotation.range.start : Number.POSITIVE_INFINITY;
    for (; s < sections.length && sections[s].headingRange.start <= before; s++) addSection(sections[s], sectionNodes, roots);
    if (annotation) addAnnotation(annotation, annotationNodes, enclosing, sectionNodes, roots);
  }
  return roots;
}

function addSection(section: Section, sectionNodes: Map<Section, MutableNode>, roots: OutlineNode[]): void {
  const node: MutableNode = {
    kind: 'section', label: section.title || '(untitled)', range: section.range, selectionRange: section.headingRange,
    section, annotation: undefined, children: [],
  };
  sectionNodes.set(section, node);
  const parent = section.parent ? sectionNodes.get(section.parent) : undefined;
  (parent ? parent.children : roots).push(node);
}

function addAnnotation(annotation: Annotation, annotationNodes: Map<Annotation, MutableNode>, enclosing: Map<Annotation, MutableNode | undefined>, sectionNodes: Map<Section, MutableNode>, roots: OutlineNode[]): void {
  // The innermost enclosing initiative, taken from the parent (seen first): no walk up deep nests.
  const parent = annotation.parent;
  const holderInitiative = parent ? (parent.kind === 'initiative' ? annotationNodes.get(parent) : enclosing.get(parent)) : undefined;
  enclosing.set(annotation, holderInitiative);
  const kind = annotation.kind;
  if (kind === undefined) return;
  const node: MutableNode = {
    kind, label: annotation.plainText.trim(), range: annotation.range, selectionRange: annotation.contentRange,
    section: annotation.section, annotation, children: [],
  };
  annotationNodes.set(annotation, node);
  let holder = holderInitiative;
  if (!holder && annotation.section) holder = sectionNodes.get(annotation.section);
  (holder ? holder.children : roots).push(node);
}
