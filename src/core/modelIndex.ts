/**
 * Lookups the editor asks for on every hover, built once per model on first use (a WeakMap keyed
 * by the model, so they go when the model does): figures by metric, actor mentions, duplicates.
 */
import type { Annotation, AnnotationKind, Figure, NotesModel, Section } from './types';

interface ModelIndex {
  readonly figuresByMetric: Map<string, Figure[]>;
  readonly actorMentions: Map<string, Annotation[]>;
  readonly proposals: Map<string, Annotation[]>;
}

const indexes = new WeakMap<NotesModel, ModelIndex>();

function key(text: string): string {
  return text.trim().toLowerCase();
}

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

function indexOf(model: NotesModel): ModelIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { figuresByMetric: new Map(), actorMentions: new Map(), proposals: new Map() };
  for (const figure of model.figures) {
    if (figure.metric) push(index.figuresByMetric, key(figure.metric), figure);
  }
  for (const a of model.annotations) {
    if (a.kind === 'actor') push(index.actorMentions, key(a.plainText), a);
    else if (a.kind === 'initiative') {
      const by = a.attribute('by');
      if (by) push(index.proposals, key(by), a);
    }
  }
  indexes.set(model, index);
  return index;
}

/** Figures of the same metric (case-insensitive), in document order, the given one included. */
export function figuresOfMetric(model: NotesModel, metric: string): readonly Figure[] {
  return indexOf(model).figuresByMetric.get(key(metric)) ?? [];
}

/** Actor annotations with the same text (case-insensitive). */
export function actorMentions(model: NotesModel, name: string): readonly Annotation[] {
  return indexOf(model).actorMentions.get(key(name)) ?? [];
}

/** Initiatives whose `by=` names this actor. */
export function proposalsBy(model: NotesModel, actor: string): readonly Annotation[] {
  return indexOf(model).proposals.get(key(actor)) ?? [];
}

/** How many initiatives, figures and actors a section and its subsections hold. */
export function countInSection(section: Section): Record<AnnotationKind, number> {
  const counts: Record<AnnotationKind, number> = { initiative: 0, figure: 0, actor: 0 };
  const visit = (s: Section): void => {
    for (const a of s.annotations) if (a.kind) counts[a.kind]++;
    for (const child of s.children) visit(child);
  };
  visit(section);
  return counts;
}
