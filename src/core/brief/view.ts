/**
 * The brief for output written as it is made (the CLI's `brief`): the same content as
 * `buildBrief`, but read from the model's rows (SpanRows) and its long lists — the initiatives of
 * each area and the key figures — made item by item as a renderer walks them, so a large file's
 * brief never makes the model's annotation and figure objects (400k of them at 50 MB) nor a few
 * hundred thousand brief entries at once. Only what must be known before the first line is
 * counted up front: which initiatives each area has (their rows), the actors (one entry per
 * name), the counts. Two ways to one brief: test/unit/briefRows.test.ts keeps them equal.
 */
import type { NotesModel } from '../model';
import { SpanRows } from '../model';
import { describeFigureValue } from '../figures';
import { MadeList, type ExportEnvelope } from '../text';
import {
  ActorTally, areasInOrder, BRIEF_SCHEMA_VERSION, briefCounts, Locator, tidyActorName, toHeader,
  type BriefActor, type BriefCounts, type BriefFigure, type BriefHeader, type BriefInitiative,
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

/** The attributes the brief reads, in the order SpanRows.values gives them. */
const KEYS = ['area', 'status', 'by', 'note', 'metric', 'name'] as const;
const [AREA, STATUS, BY, NOTE, METRIC, NAME] = KEYS.map((_, i) => i);

/** The brief of `model` with its initiatives and figures made as they are walked (each walk makes them afresh). */
export function briefView(model: NotesModel): BriefView {
  const areaLabels = model.frontMatter?.areas ?? new Map<string, string>();
  const where = new Locator(model);
  const rows = new SpanRows(model, KEYS);
  const values: (string | undefined)[] = [];
  const count = rows.count;

  // One pass: initiatives by area (front matter areas first, in its order), figure rows, actors,
  // and each span's nearest enclosing initiative (parents come before their children).
  const groups = new Map<string | undefined, number[]>();
  for (const id of areaLabels.keys()) groups.set(id, []);
  const actors = new ActorTally(where);
  const figureRows: number[] = [];
  const initiativeAbove = new Int32Array(count);
  let initiatives = 0;
  for (let row = 0; row < count; row++) {
    const parent = rows.parent(row);
    initiativeAbove[row] = parent < 0 ? -1 : rows.kind(parent) === 'initiative' ? parent : initiativeAbove[parent];
    const kind = rows.kind(row);
    if (kind === 'initiative') {
      initiatives++;
      const area = rows.values(row, values)[AREA] || undefined;
      const list = groups.get(area);
      if (list) list.push(row);
      else groups.set(area, [row]);
    } else if (kind === 'figure') {
      figureRows.push(row);
    } else if (kind === 'actor') {
      rows.values(row, values);
      actors.mention(tidyActorName(values[NAME] ?? rows.plainText(row)), rows.start(row), rows.id(row), values[NOTE]);
    }
  }

  const figure = (row: number): BriefFigure => {
    const reading = rows.figureOnce(row);
    const offset = rows.start(row);
    rows.values(row, values);
    const above = initiativeAbove[row];
    return {
      id: rows.id(row),
      metric: values[METRIC],
      asWritten: rows.plainText(row),
      value: reading?.value,
      unit: reading?.unit,
      qualifier: reading?.qualifier ?? null,
      normalised: describeFigureValue(reading?.value, reading?.unit, reading?.qualifier ?? null),
      year: reading?.year,
      note: values[NOTE],
      section: where.sectionAt(offset),
      initiativeId: above < 0 ? undefined : rows.id(above),
      line: where.line(offset),
      offset,
    };
  };

  const initiative = (row: number): BriefInitiative => {
    rows.values(row, values);
    const area = values[AREA] || undefined;
    const status = values[STATUS] || undefined;
    const proposer = values[BY] || undefined;
    const note = values[NOTE];
    const offset = rows.start(row);
    // Figures and actors nested (at any depth) in this initiative, but not in an inner initiative.
    const figures = rows.nested(row, 'figure', 'initiative').map(figure);
    const names: string[] = [];
    const seen = new Set<string>();
    for (const actor of rows.nested(row, 'actor', 'initiative')) {
      const name = tidyActorName(rows.values(actor, values)[NAME] ?? rows.plainText(actor));
      if (name && !seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
    return {
      id: rows.id(row),
      text: rows.plainText(row),
      area,
      areaLabel: area === undefined ? undefined : areaLabels.get(area) ?? area,
      status,
      proposer,
      note,
      section: where.sectionAt(offset),
      figures,
      actors: names,
      line: where.line(offset),
      offset,
    };
  };

  const areas = areasInOrder(groups, areaLabels, (id, label, list): BriefAreaView => ({
    id,
    label,
    initiatives: new MadeList(list.length, function* () {
      for (const row of list) yield initiative(row);
    }),
  }));
  return {
    schemaVersion: BRIEF_SCHEMA_VERSION,
    header: toHeader(model),
    counts: briefCounts(model, initiatives, figureRows.length, actors.size, model.references.length),
    areas,
    figures: new MadeList(figureRows.length, function* () {
      for (const row of figureRows) yield figure(row);
    }),
    actors: actors.list(),
  };
}
