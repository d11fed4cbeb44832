/**
 * Lookups the editor asks for on every hover, built once per model on first use (a WeakMap keyed
 * by the model, so they go when the model does): figures by metric, actor mentions, duplicates.
 */
import type { Annotation, AnnotationKind, Figure, NotesModel, Section } from '../model';

/** One lookup, built per model the first time it is asked for (a WeakMap: it goes with the model). */
function lazyIndex<T>(build: (model: NotesModel) => Map<string, T[]>): (model: NotesModel) => Map<string, T[]> {
  const built = new WeakMap<NotesModel, Map<string, T[]>>();
  return (model) => {
    let index = built.get(model);
    if (!index) built.set(model, (index = build(model)));
    return index;
  };
}

function key(text: string): string {
  return text.trim().toLowerCase();
}

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

// Each edit makes a new model: a hover on a figure builds only the metric lookup, not the actors'
// too (on a 10 MB file that halves the first hover after an edit).
const metricIndex = lazyIndex((model) => {
  const index = new Map<string, Figure[]>();
  for (const figure of model.figures) if (figure.metric) push(index, key(figure.metric), figure);
  return index;
});

const actorIndex = lazyIndex((model) => {
  const index = new Map<string, Annotation[]>();
  for (const a of model.annotations) if (a.kind === 'actor') push(index, key(a.plainText), a);
  return index;
});

const proposalIndex = lazyIndex((model) => {
  const index = new Map<string, Annotation[]>();
  for (const a of model.annotations) {
    if (a.kind !== 'initiative') continue;
    const by = a.attribute('by');
    if (by) push(index, key(by), a);
  }
  return index;
});

/** Figures of the same metric (case-insensitive), in document order, the given one included. */
export function figuresOfMetric(model: NotesModel, metric: string): readonly Figure[] {
  return metricIndex(model).get(key(metric)) ?? [];
}

/** Actor annotations with the same text (case-insensitive). */
export function actorMentions(model: NotesModel, name: string): readonly Annotation[] {
  return actorIndex(model).get(key(name)) ?? [];
}

/** Initiatives whose `by=` names this actor. */
export function proposalsBy(model: NotesModel, actor: string): readonly Annotation[] {
  return proposalIndex(model).get(key(actor)) ?? [];
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
