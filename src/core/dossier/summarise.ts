/**
 * One notes file reduced to what the workspace keeps (workspace.ts): the front matter's article
 * facts, and its initiatives and figures with their offsets, keys, metrics, statuses, areas and
 * actors. One pass over the model's annotations; each attribute block is read once. The small
 * strings many files repeat (statuses, units, metrics, areas, actors, summits, outlets, keys) and
 * the area and actor lists are shared across files through a bounded pool, so a workspace of
 * thousands of files keeps each of them once.
 */
import { isIsoDate, keepBounded, own } from '../text';
import type { Qualifier } from '../figures';
import { walkDepthFirst, type Annotation, type NotesModel } from '../model';
import { safeHttpUrl } from '../brief';
import { TRACK_ATTRIBUTE, isValidTrackKey, normaliseTrackKey, trackSite, type TrackSite } from './track';
import { writtenValue } from './precision';

/** What the front matter says about the article. */
export interface ArticleInfo {
  readonly title: string | undefined;
  readonly summit: string | undefined;
  /** `date:` when it is ISO `YYYY-MM-DD`, else undefined (the file's own diagnostics say why). */
  readonly date: string | undefined;
  readonly language: string;
  readonly sourceName: string | undefined;
  /** Only an absolute http(s) URL. */
  readonly sourceUrl: string | undefined;
}

/** Where a mention stands in its file. */
export interface MentionPlace {
  readonly path: string;
  /** UTF-16 offsets of the whole span, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Zero-based line of `start`. */
  readonly line: number;
  /** The article's date (copied from its file so that sorting needs no look-up). */
  readonly date: string | undefined;
}

export interface InitiativeMention extends MentionPlace {
  /** Index of the annotation in its file's `model.annotations`. */
  readonly index: number;
  readonly id: string | undefined;
  /** The normalised key, when `track=` holds a valid one. */
  readonly track: string | undefined;
  /** Where `track=` is written, valid or not. */
  readonly trackSite: TrackSite | undefined;
  readonly text: string;
  readonly status: string | undefined;
  readonly areas: readonly string[];
  /** `by=` and the actors nested in the initiative. */
  readonly actors: readonly string[];
}

export interface FigureMention extends MentionPlace {
  readonly id: string | undefined;
  /** `metric=` as written. */
  readonly metric: string | undefined;
  readonly year: number | undefined;
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  readonly asWritten: string;
  /** The step of the last written digit in base units (0: exact); see precision.ts. */
  readonly step: number;
  /** A range's lower end in base units (`value` is its upper end). */
  readonly min: number | undefined;
  /** The enclosing initiative (index into the file's `initiatives`), if any. */
  readonly initiative: number | undefined;
}

/** One notes file of the workspace. */
export interface WorkspaceFile {
  readonly path: string;
  readonly article: ArticleInfo;
  readonly initiatives: readonly InitiativeMention[];
  readonly figures: readonly FigureMention[];
  /** `track=` on annotations that are not initiatives (reported, otherwise ignored). */
  readonly strayTracks: readonly (TrackSite & { readonly line: number })[];
  /** True when a `track=` here is not a key or is not on an initiative (findings.ts looks only at such files and at keys used once). */
  readonly badTracks: boolean;
}

/** Reduces one parsed notes file to what the workspace keeps. Never throws on a valid model. */
export function summariseFile(path: string, model: NotesModel): WorkspaceFile {
  const fm = model.frontMatter;
  const date = fm?.date && isIsoDate(fm.date) ? kept(fm.date) : undefined;
  const article: ArticleInfo = {
    title: ownOrUndefined(fm?.title),
    summit: keptOrUndefined(fm?.summit),
    date,
    language: kept(model.language),
    sourceName: keptOrUndefined(fm?.source?.name),
    sourceUrl: ownOrUndefined(safeHttpUrl(fm?.source?.url)),
  };
  const initiatives: InitiativeMention[] = [];
  const figures: FigureMention[] = [];
  const strayTracks: (TrackSite & { line: number })[] = [];
  /** Annotation index → index in `initiatives` (-1: not an initiative). */
  const initiativeOf = new Map<number, number>();
  const text = model.text;
  for (const a of model.annotations) {
    if (a.kind !== 'initiative') {
      const trackValue = a.attribute(TRACK_ATTRIBUTE);
      if (trackValue !== undefined) {
        const site = trackSite(text, a, trackValue);
        if (site) strayTracks.push({ ...site, written: own(site.written), line: model.positionAt(site.start).line });
      }
      continue;
    }
    // An initiative's attribute block, read once.
    const attributes = a.attributes;
    const trackValue = lastValue(attributes, TRACK_ATTRIBUTE);
    const site = trackValue === undefined ? undefined : trackSite(text, a, trackValue);
    const track = site && isValidTrackKey(site.written) ? normaliseTrackKey(site.written) : undefined;
    initiativeOf.set(a.index, initiatives.length);
    // Every field written out (no `...place`): V8 gives a spread-then-extended literal a slow,
    // larger object shape, and a workspace keeps a million of these.
    const { start, end } = a.range;
    initiatives.push({
      path, start, end, line: model.positionAt(start).line, date,
      index: a.index,
      id: ownOrUndefined(a.id),
      track: keptOrUndefined(track),
      trackSite: site && { start: site.start, end: site.end, written: kept(site.written) },
      text: own(a.plainText),
      status: keptOrUndefined(lastValue(attributes, 'status') || undefined),
      areas: splitAreas(lastValue(attributes, 'area')),
      actors: actorsOf(a, lastValue(attributes, 'by')),
    });
  }
  for (const f of model.figures) {
    const a = f.annotation;
    let initiative: number | undefined;
    for (let p = a.parent; p; p = p.parent) {
      if (p.kind === 'initiative') {
        initiative = initiativeOf.get(p.index);
        break;
      }
    }
    const asWritten = a.plainText;
    const written = writtenValue(f, model.language, asWritten);
    const { start, end } = a.range;
    figures.push({
      path, start, end, line: model.positionAt(start).line, date,
      id: ownOrUndefined(a.id),
      metric: keptOrUndefined(f.metric?.trim() || undefined),
      year: f.year,
      value: f.value,
      unit: keptOrUndefined(f.unit),
      qualifier: f.qualifier,
      asWritten: own(asWritten),
      step: written.step,
      min: written.min,
      initiative,
    });
  }
  const badTracks = strayTracks.length > 0 || initiatives.some((m) => m.trackSite !== undefined && m.track === undefined);
  return { path, article, initiatives, figures, strayTracks, badTracks };
}

/** The value of `key` in an annotation's attributes (the last one wins). */
function lastValue(attributes: readonly (readonly [string, string])[], key: string): string | undefined {
  for (let i = attributes.length - 1; i >= 0; i--) if (attributes[i][0] === key) return attributes[i][1];
  return undefined;
}

/** Kept strings must not keep the file's whole text alive (see `own`). */
function ownOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : own(s);
}

/** Most strings the pool holds are a few characters; past this many it starts afresh (a bound, not a cache policy). */
const POOL_LIMIT = 1 << 16;
const strings = new Map<string, string>();
/** Area lists by `area=` as written; actor lists by their names joined. */
const areaLists = new Map<string, readonly string[]>();
const actorLists = new Map<string, readonly string[]>();

/** `s`, shared with every earlier file that kept an equal string. */
function kept(s: string): string {
  const k = strings.get(s);
  if (k !== undefined) return k;
  const owned = own(s);
  return keepBounded(strings, POOL_LIMIT, owned, owned);
}

function keptOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : kept(s);
}

/** The list `make` gives, shared with every earlier file whose list had the same `key`. */
function keptList(lists: Map<string, readonly string[]>, key: string, make: () => readonly string[]): readonly string[] {
  return lists.get(key) ?? keepBounded(lists, POOL_LIMIT, own(key), Object.freeze(make()));
}

const NONE: readonly string[] = [];

function splitAreas(area: string | undefined): readonly string[] {
  if (!area) return NONE;
  return keptList(areaLists, area, () => area.split(/[\s,]+/).filter((s) => s.length > 0).map(kept));
}

function actorsOf(a: Annotation, by: string | undefined): readonly string[] {
  if (!by && a.children.length === 0) return NONE;
  const out: string[] = [];
  if (by) out.push(by.trim());
  // Actors nested at any depth (without recursion); an initiative inside keeps its own.
  walkDepthFirst(a.children, (c) => {
    if (c.kind === 'initiative') return false;
    if (c.kind === 'actor') {
      const name = (c.attribute('name') ?? c.plainText).replace(/\s+/g, ' ').trim();
      if (name && !out.includes(name)) out.push(name);
    }
    return true;
  });
  return out.length ? keptList(actorLists, out.length === 1 ? out[0] : out.join('\u0000'), () => out.map(kept)) : NONE;
}
