/**
 * The brief for output written as it is made (the CLI's `brief`): the same content as
 * `buildBrief`, but its long lists — the initiatives of each area and the key figures — are made
 * item by item as a renderer walks them, so a large file's brief is never a few hundred thousand
 * objects at once. Only what must be known before the first line is counted up front: how many
 * initiatives each area has (their annotations' indexes), the actors (one entry per name), the counts.
 */
import type { Annotation, NotesModel } from '../model';
import { initiativeFinder } from '../model';
import { MadeList, type ExportEnvelope } from '../text';
import {
  areasInOrder, BRIEF_SCHEMA_VERSION, briefCounts, Locator, toFigure, toHeader, toInitiative,
  type BriefActor, type BriefCounts, type BriefFigure, type BriefHeader, type BriefInitiative, tallyAnnotations,
} from './build';

/** A list a renderer walks once, in order, knowing its length first (an array, or a MadeList). */
export interface ItemList<T> extends Iterable<T> {
  readonly length: number;
}

export interface BriefAreaView {
  readonly id: string | undefined;
  readonly label: string;
  readonly initiatives: ItemList<BriefInitiative>;
}

/** What the renderers read of a brief: a `Brief` is one, and so is the made-as-walked brief of {@link briefView}. */
export interface BriefView extends ExportEnvelope<BriefCounts> {
  readonly header: BriefHeader;
  readonly areas: readonly BriefAreaView[];
  readonly figures: ItemList<BriefFigure>;
  readonly actors: readonly BriefActor[];
}

/** The brief of `model` with its initiatives and figures made as they are walked (each walk makes them afresh). */
export function briefView(model: NotesModel): BriefView {
  const areaLabels = model.frontMatter?.areas ?? new Map<string, string>();
  const where = new Locator(model);
  const annotations = model.annotations;
  const figures = model.figures;
  const initiativeOf = initiativeFinder();
  const figureRow = (a: Annotation): BriefFigure | undefined => (a.figure ? toFigure(where, a.figure, initiativeOf) : undefined);

  const { groups, actors, initiatives } = tallyAnnotations(model, areaLabels, where);
  const areas = areasInOrder(groups, areaLabels, (id, label, list): BriefAreaView => ({
    id,
    label,
    initiatives: new MadeList(list.length, function* () {
      for (const i of list) yield toInitiative(where, annotations[i], areaLabels, figureRow);
    }),
  }));
  return {
    schemaVersion: BRIEF_SCHEMA_VERSION,
    header: toHeader(model),
    counts: briefCounts(model, initiatives, figures.length, actors.size, model.references.length),
    areas,
    figures: new MadeList(figures.length, function* () {
      for (const f of figures) yield toFigure(where, f, initiativeOf);
    }),
    actors: actors.list(),
  };
}
