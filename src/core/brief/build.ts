/**
 * The brief model: what an analyst hands on, built from the notes model. Plain data only (no
 * functions, no cycles) so the same object is the JSON export, the input of every renderer and
 * what the preview shows.
 */
import type { Annotation, Figure, NotesModel, Qualifier, Section } from '../model';
import { lastNumberAtOrBefore, type ExportEnvelope } from '../text';
import { describeFigureValue } from '../figures';
import { safeHttpUrl } from './links';
import { initiativeFinder, walkDepthFirst } from '../model';

/** Bumped when the JSON shape changes incompatibly (documented in docs/CLI.md, "Brief JSON"). */
export const BRIEF_SCHEMA_VERSION = 1;

/** Where something stands in the notes file: zero-based line and UTF-16 offset. */
export interface BriefLocation {
  readonly line: number;
  readonly offset: number;
}

export interface BriefSectionRef {
  readonly title: string;
  readonly id: string | undefined;
  readonly line: number;
}

export interface BriefHeader {
  readonly title: string | undefined;
  readonly summit: string | undefined;
  readonly date: string | undefined;
  readonly place: string | undefined;
  readonly speakers: readonly string[];
  readonly language: string;
  readonly source: {
    readonly name: string | undefined;
    /** Only an absolute http(s) URL; anything else is dropped (see `rawUrl`). */
    readonly url: string | undefined;
    /** The URL as written, when it was not a safe http(s) URL (shown as text, never linked). */
    readonly rawUrl: string | undefined;
    readonly published: string | undefined;
  } | undefined;
}

export interface BriefCounts {
  readonly initiatives: number;
  readonly figures: number;
  readonly actors: number;
  readonly references: number;
  readonly sections: number;
  readonly errors: number;
  readonly warnings: number;
}

/** One row of the Key figures table. */
export interface BriefFigure extends BriefLocation {
  readonly id: string | undefined;
  readonly metric: string | undefined;
  /** The span's text as the analyst wrote it. */
  readonly asWritten: string;
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  /** `more than 650,000,000,000 USD`; empty when no value was read. */
  readonly normalised: string;
  readonly year: number | undefined;
  readonly note: string | undefined;
  readonly section: BriefSectionRef | undefined;
  /** The id of the initiative the figure stands in, if any. */
  readonly initiativeId: string | undefined;
}

export interface BriefInitiative extends BriefLocation {
  readonly id: string | undefined;
  readonly text: string;
  readonly area: string | undefined;
  /** The vocabulary label of the area (the id itself when the file declares no label). */
  readonly areaLabel: string | undefined;
  readonly status: string | undefined;
  /** `by=`. */
  readonly proposer: string | undefined;
  readonly note: string | undefined;
  readonly section: BriefSectionRef | undefined;
  readonly figures: readonly BriefFigure[];
  readonly actors: readonly string[];
}

export interface BriefArea {
  /** Undefined for initiatives without `area=`. */
  readonly id: string | undefined;
  readonly label: string;
  readonly initiatives: readonly BriefInitiative[];
}

/** An actor, located at its first mention. */
export interface BriefActor extends BriefLocation {
  readonly name: string;
  readonly mentions: number;
  readonly ids: readonly string[];
  readonly notes: readonly string[];
}

export interface Brief extends ExportEnvelope<BriefCounts> {
  readonly header: BriefHeader;
  /** Initiatives grouped by area: vocabulary order first, then undeclared areas, then "No area". */
  readonly areas: readonly BriefArea[];
  readonly figures: readonly BriefFigure[];
  readonly actors: readonly BriefActor[];
}

/** Label of the group for initiatives without `area=`. */
export const NO_AREA_LABEL = 'No area';

/** Builds the brief from a parsed notes file. Linear in the number of annotations; never throws on a valid model. */
export function buildBrief(model: NotesModel): Brief {
  const fm = model.frontMatter;
  const areaLabels = fm?.areas ?? new Map<string, string>();
  const where = new Locator(model);
  const figureOf = new Map<Annotation, BriefFigure>();
  const figures: BriefFigure[] = [];
  const initiativeOf = initiativeFinder();
  for (const figure of model.figures) {
    const row = toFigure(where, figure, initiativeOf);
    figureOf.set(figure.annotation, row);
    figures.push(row);
  }

  const { groups, actors, initiatives } = tallyAnnotations(model, areaLabels, where);
  const references = model.references.length;
  const annotations = model.annotations;
  const rowOf = (a: Annotation): BriefFigure | undefined => figureOf.get(a);
  const areas = areasInOrder(groups, areaLabels, (id, label, list) => ({
    id, label, initiatives: list.map((i) => toInitiative(where, annotations[i], areaLabels, rowOf)),
  }));
  return {
    schemaVersion: BRIEF_SCHEMA_VERSION,
    header: toHeader(model),
    counts: briefCounts(model, initiatives, figures.length, actors.size, references),
    areas,
    figures,
    actors: actors.list(),
  };
}

/**
 * One pass over the annotations, for the brief made at once (`buildBrief`; the one made as it is
 * written, view.ts, makes the same pass over the rows): the initiatives by area (their indexes in
 * `annotations`, the front matter's areas first, in its order), the actors, and how many initiatives.
 */
export function tallyAnnotations(model: NotesModel, areaLabels: ReadonlyMap<string, string>, where: Locator): {
  groups: Map<string | undefined, number[]>; actors: ActorTally; initiatives: number;
} {
  const groups = new Map<string | undefined, number[]>();
  for (const id of areaLabels.keys()) groups.set(id, []);
  const actors = new ActorTally(where);
  const annotations = model.annotations;
  let initiatives = 0;
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    if (a.kind === 'initiative') {
      initiatives++;
      const area = a.attribute('area') || undefined;
      const list = groups.get(area);
      if (list) list.push(i);
      else groups.set(area, [i]);
    } else if (a.kind === 'actor') actors.add(a);
  }
  return { groups, actors, initiatives };
}

/** The groups of initiatives as the brief lists them: vocabulary order, then undeclared areas, then "No area"; empty ones left out. */
export function areasInOrder<L extends { readonly length: number }, A>(
  groups: ReadonlyMap<string | undefined, L>, areaLabels: ReadonlyMap<string, string>, area: (id: string | undefined, label: string, list: L) => A,
): A[] {
  const areas: A[] = [];
  for (const [id, list] of groups) {
    if (id === undefined || list.length === 0) continue;
    areas.push(area(id, areaLabels.get(id) ?? id, list));
  }
  const loose = groups.get(undefined);
  if (loose && loose.length) areas.push(area(undefined, NO_AREA_LABEL, loose));
  return areas;
}

/** The brief's counts, given what the caller counted on its way (initiatives, figures, actors, references). */
export function briefCounts(model: NotesModel, initiatives: number, figures: number, actors: number, references: number): BriefCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of model.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { initiatives, figures, actors, references, sections: model.allSections.length, errors, warnings };
}

/** The actors of a brief, one per name (case aside), at their first mention, with every id and note they carry. */
export class ActorTally {
  private readonly byName = new Map<string, { name: string; mentions: number; ids: string[]; notes: string[]; line: number; offset: number }>();
  /** Per actor, the ids and notes listed so far (`#id`, `=note`): an actor named thousands of times must not make a search per mention. */
  private readonly listed = new Map<string, Set<string>>();

  constructor(private readonly where: Locator) {}

  get size(): number {
    return this.byName.size;
  }

  add(a: Annotation): void {
    this.mention(actorName(a), a.range.start, a.id, a.attribute('note'));
  }

  /** One mention of actor `name` (see `actorName`) at `offset`, with its id and note. */
  mention(name: string, offset: number, id: string | undefined, note: string | undefined): void {
    if (!name) return;
    const key = name.toLocaleLowerCase();
    let entry = this.byName.get(key);
    if (!entry) {
      entry = { name, mentions: 0, ids: [], notes: [], line: this.where.line(offset), offset };
      this.byName.set(key, entry);
    }
    entry.mentions++;
    let seen = this.listed.get(key);
    if (seen === undefined) this.listed.set(key, (seen = new Set<string>()));
    if (id && !seen.has(`#${id}`)) {
      seen.add(`#${id}`);
      entry.ids.push(id);
    }
    if (note && !seen.has(`=${note}`)) {
      seen.add(`=${note}`);
      entry.notes.push(note);
    }
  }

  list(): BriefActor[] {
    return [...this.byName.values()];
  }
}

export function toHeader(model: NotesModel): BriefHeader {
  const fm = model.frontMatter;
  const source = fm?.source;
  const url = safeHttpUrl(source?.url);
  return {
    title: fm?.title,
    summit: fm?.summit,
    date: fm?.date,
    place: fm?.place,
    speakers: fm?.speakers ?? [],
    language: model.language,
    source: source && (source.name || source.url || source.published)
      ? { name: source.name, url, rawUrl: url ? undefined : source.url, published: source.published }
      : undefined,
  };
}

/**
 * Lines of offsets, and one section reference per section (many entries share a section): the
 * brief is rebuilt on every keystroke in the live preview.
 */
export class Locator {
  private readonly sections = new Map<Section, BriefSectionRef>();
  private starts: Int32Array | undefined;
  constructor(private readonly model: NotesModel) {}

  line(offset: number): number {
    return this.model.positionAt(offset).line;
  }

  /** The reference of the section whose heading comes last at or before `offset` (`Annotation.section`'s). */
  sectionAt(offset: number): BriefSectionRef | undefined {
    const sections = this.model.allSections;
    const starts = (this.starts ??= Int32Array.from(sections, (s) => s.headingRange.start));
    const found = lastNumberAtOrBefore(starts, offset);
    return found < 0 ? undefined : this.section(sections[found]);
  }

  section(section: Section | undefined): BriefSectionRef | undefined {
    if (!section) return undefined;
    let ref = this.sections.get(section);
    if (!ref) {
      ref = { title: section.title, id: section.id, line: this.line(section.headingRange.start) };
      this.sections.set(section, ref);
    }
    return ref;
  }
}

export function toFigure(where: Locator, figure: Figure, initiativeOf: (a: Annotation) => Annotation | undefined): BriefFigure {
  const a = figure.annotation;
  const offset = a.range.start;
  return {
    id: a.id,
    metric: figure.metric,
    asWritten: a.plainText,
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    normalised: describeFigureValue(figure.value, figure.unit, figure.qualifier),
    year: figure.year,
    note: a.attribute('note'),
    section: where.section(a.section),
    initiativeId: initiativeOf(a)?.id,
    line: where.line(offset),
    offset,
  };
}

export function toInitiative(
  where: Locator,
  a: Annotation,
  areaLabels: ReadonlyMap<string, string>,
  figureOf: (a: Annotation) => BriefFigure | undefined,
): BriefInitiative {
  const area = a.attribute('area') || undefined;
  const offset = a.range.start;
  const figures: BriefFigure[] = [];
  const actors: string[] = [];
  // Figures and actors nested (at any depth) in this initiative, but not in an inner initiative.
  if (a.children.length) collectNested(a.children, figureOf, figures, actors);
  return {
    id: a.id,
    text: a.plainText,
    area,
    areaLabel: area === undefined ? undefined : areaLabels.get(area) ?? area,
    status: a.attribute('status') || undefined,
    proposer: a.attribute('by') || undefined,
    note: a.attribute('note'),
    section: where.section(a.section),
    figures,
    actors,
    line: where.line(offset),
    offset,
  };
}

function collectNested(children: readonly Annotation[], figureOf: (a: Annotation) => BriefFigure | undefined, figures: BriefFigure[], actors: string[]): void {
  // Depth first in document order; an initiative inside is its own entry, with what it holds.
  const seen = new Set(actors);
  walkDepthFirst(children, (child) => {
    if (child.kind === 'initiative') return false;
    const row = figureOf(child);
    if (row) figures.push(row);
    if (child.kind === 'actor') {
      const name = actorName(child);
      if (name && !seen.has(name)) {
        seen.add(name);
        actors.push(name);
      }
    }
    return true;
  });
}

/** An actor's display name: `name=` when given, else its text with whitespace collapsed. */
function actorName(a: Annotation): string {
  return tidyActorName(a.attribute('name') ?? a.plainText);
}

/** `name=` or the actor's text, whitespace collapsed. */
export function tidyActorName(raw: string): string {
  // Most names need no tidying: look before building a new string.
  // (Tidy already when no whitespace but single spaces between words.)
  return /[^\S ]| {2}|^ | $/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
}
