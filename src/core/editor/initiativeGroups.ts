/**
 * The Initiatives tree's content for one notes file: annotations grouped by section, area, status
 * or kind, narrowed by a filter. Pure, so the tree view is a thin adapter and the grouping is
 * benchmarked (10k initiatives) without the editor.
 */
import type { Annotation, AnnotationKind, NotesModel, Section } from '../model';

export type GroupBy = 'section' | 'area' | 'status' | 'kind';
export const GROUP_BY: readonly GroupBy[] = ['section', 'area', 'status', 'kind'];

export interface AnnotationFilter {
  /** Case-insensitive text matched against the text, id, `by=` and note. */
  readonly text?: string;
  readonly area?: string;
  readonly status?: string;
}

export interface AnnotationGroup {
  /** Stable within a file and grouping: the tree keeps an element per key across refreshes. */
  readonly key: string;
  readonly label: string;
  readonly annotations: readonly Annotation[];
  /** The section of a section group (for revealing its heading). */
  readonly section?: Section;
}

const KIND_LABELS: Readonly<Record<AnnotationKind, string>> = { initiative: 'Initiatives', figure: 'Figures', actor: 'Actors' };
export const NO_VALUE = '';

/** True when the filter narrows nothing. */
export function isEmptyFilter(filter: AnnotationFilter): boolean {
  return !filter.text && !filter.area && !filter.status;
}

/** Whether `annotation` passes `filter`. */
export function matchesFilter(annotation: Annotation, filter: AnnotationFilter): boolean {
  if (filter.area && annotation.attribute('area') !== filter.area) return false;
  if (filter.status && annotation.attribute('status') !== filter.status) return false;
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    const haystacks = [annotation.plainText, annotation.id, annotation.attribute('by'), annotation.attribute('note')];
    if (!haystacks.some((h) => h !== undefined && h.toLowerCase().includes(needle))) return false;
  }
  return true;
}

function sectionLabel(section: Section): string {
  return section.title || '(untitled section)';
}

/**
 * The groups of the tree for `model`. Grouping by kind lists initiatives, figures and actors;
 * every other grouping lists initiatives only. Groups keep document order (statuses follow the
 * vocabulary's order), empty groups are left out, and "no value" groups come last.
 */
export function groupAnnotations(model: NotesModel, groupBy: GroupBy, filter: AnnotationFilter = {}): AnnotationGroup[] {
  const groups = new Map<string, { label: string; annotations: Annotation[]; section?: Section }>();
  const add = (key: string, label: string, a: Annotation, section?: Section): void => {
    const group = groups.get(key);
    if (group) group.annotations.push(a);
    else groups.set(key, { label, annotations: [a], section });
  };
  const areas = model.frontMatter?.areas;
  const sectionIndex = groupBy === 'section' ? new Map(model.allSections.map((s, i) => [s, i])) : undefined;
  for (const a of model.annotations) {
    if (!a.kind || (groupBy !== 'kind' && a.kind !== 'initiative')) continue;
    if (!matchesFilter(a, filter)) continue;
    if (groupBy === 'kind') add(a.kind, KIND_LABELS[a.kind], a);
    else if (groupBy === 'section') {
      if (a.section) add(`s${sectionIndex?.get(a.section) ?? 0}:${a.section.title}`, sectionLabel(a.section), a, a.section);
      else add(NO_VALUE, '(before the first heading)', a);
    } else {
      const value = a.attribute(groupBy);
      if (!value) add(NO_VALUE, groupBy === 'area' ? '(no area)' : '(no status)', a);
      else add(value, groupBy === 'area' ? areas?.get(value) ?? value : value, a);
    }
  }
  const out = [...groups].map(([key, g]) => ({ key, ...g }));
  const rank = (key: string): number => {
    if (key === NO_VALUE) return Number.MAX_SAFE_INTEGER;
    if (groupBy === 'status') {
      const i = model.frontMatter?.statuses.indexOf(key) ?? -1;
      return i >= 0 ? i : 1000;
    }
    if (groupBy === 'kind') return ['initiative', 'figure', 'actor'].indexOf(key);
    return 0;
  };
  if (groupBy === 'section') {
    // Document order already; the "before the first heading" group goes first, where it stands.
    return out.sort((x, y) => (x.key === NO_VALUE ? -1 : y.key === NO_VALUE ? 1 : 0));
  }
  // Stable sort: document order of first appearance breaks ties.
  return out.sort((x, y) => rank(x.key) - rank(y.key));
}

/** Which group key `annotation` falls into (for `getParent` and revealing). */
export function groupKeyOf(model: NotesModel, annotation: Annotation, groupBy: GroupBy): string {
  if (groupBy === 'kind') return annotation.kind ?? NO_VALUE;
  if (groupBy === 'section') {
    if (!annotation.section) return NO_VALUE;
    return `s${model.allSections.indexOf(annotation.section)}:${annotation.section.title}`;
  }
  return annotation.attribute(groupBy) ?? NO_VALUE;
}

/** The initiative an offset belongs to (the innermost initiative around it), for follow-cursor. */
export function initiativeAt(model: NotesModel, offset: number): Annotation | undefined {
  for (let a = model.annotationAt(offset); a; a = a.parent) if (a.kind === 'initiative') return a;
  return undefined;
}
