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

/** Placeholder until the outline lands. */
export function buildOutline(_model: NotesModel): OutlineNode[] {
  return [];
}
