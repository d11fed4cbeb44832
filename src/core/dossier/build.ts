/**
 * The dossier model: per tracked initiative a timeline across articles, figures by metric and year
 * with disagreements flagged, the `track=` findings and the suggested links. Plain data only (no
 * functions, no cycles), like the brief model: the same object is the JSON export, the input of
 * every renderer and what the editor will show. Entries of unchanged keys and metrics are reused
 * between builds (cached by the workspace's lists, which `updateFile` shares when untouched), so
 * rebuilding after one file changed costs that file's keys and metrics plus one sort; a metric
 * that file touched reuses the values of the other files and, when its values compare as before,
 * its verdict (workspace.ts `replacedList`).
 */
import type { DossierFacetLists, DossierFilter } from './filter';
import type { ExportEnvelope } from '../text';
import type { Qualifier } from '../model';
import { describeFigureValue } from '../figures';
import { disagreeingValues, type ComparableValue } from './precision';
import { initiativeAt } from './packed';
import { fileChangedInPlace, replacedList, type ArticleInfo, type FigureMention, type InitiativeMention, type Workspace, type WorkspaceFile } from './workspace';
import { trackFindings, type DossierFinding } from './findings';
import { untrackedSuggestions, type LinkSuggestion } from './suggest';

/** Bumped when the JSON shape changes incompatibly (docs/CLI.md, "Dossier JSON"). */
export const DOSSIER_SCHEMA_VERSION = 1;

/** The article a timeline entry or a figure comes from. */
export interface DossierArticle {
  readonly path: string;
  readonly title: string | undefined;
  readonly date: string | undefined;
  readonly summit: string | undefined;
  readonly language: string;
  readonly sourceName: string | undefined;
  /** Only an absolute http(s) URL. */
  readonly sourceUrl: string | undefined;
}

/** Where an item stands in its notes file (provenance): UTF-16 offsets and the zero-based line. */
export interface DossierSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/** One mention of a tracked initiative: what the mention says, where, and how its status moved. */
export interface TimelineEntry extends DossierSpan, Pick<InitiativeMention, 'id' | 'text' | 'status' | 'areas' | 'actors'> {
  readonly article: DossierArticle;
  /** The last status before this entry (in timeline order), if any. */
  readonly previousStatus: string | undefined;
  /** True when this entry's status differs from `previousStatus`. */
  readonly statusChanged: boolean;
}

/** A step of the status path: the first status and every change. */
export interface StatusStep {
  readonly status: string;
  readonly date: string | undefined;
  readonly path: string;
}

/** A tracked initiative across files; its facet lists hold each value once, in timeline order. */
export interface DossierInitiative extends DossierFacetLists<'summit' | 'language' | 'area' | 'actor'> {
  readonly key: string;
  /** The text of the latest mention. */
  readonly name: string;
  /** The latest status given. */
  readonly status: string | undefined;
  readonly statusPath: readonly StatusStep[];
  readonly firstDate: string | undefined;
  readonly lastDate: string | undefined;
  readonly timeline: readonly TimelineEntry[];
  /** Untracked initiatives in other files that look like this one, best first. */
  readonly suggested: readonly LinkSuggestion[];
}

/** One figure of a metric. */
export interface MetricValue extends DossierSpan {
  readonly article: DossierArticle;
  readonly id: string | undefined;
  readonly asWritten: string;
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  readonly normalised: string;
  /** Step of the last written digit in base units (0: exact). */
  readonly step: number;
  /** A range's lower end (the value is its upper end). */
  readonly min: number | undefined;
  /** The track key of the initiative it stands in, if any. */
  readonly track: string | undefined;
  /** Status, areas and actors of the initiative it stands in (for filters). */
  readonly status: string | undefined;
  readonly areas: readonly string[];
  readonly actors: readonly string[];
  /** True when it disagrees with another value of the same unit in its group. */
  readonly disagrees: boolean;
}

/** Figures of one metric and year across articles. */
export interface DossierMetric {
  /** As first written. */
  readonly metric: string;
  readonly year: number | undefined;
  readonly values: readonly MetricValue[];
  /** True when two values of the same unit differ beyond rounding (docs/FORMAT.md, "The dossier"). */
  readonly disagreement: boolean;
}

export interface DossierCounts {
  readonly articles: number;
  readonly initiatives: number;
  readonly mentions: number;
  readonly metrics: number;
  readonly disagreements: number;
  readonly findings: number;
  readonly suggestions: number;
}

export interface Dossier extends ExportEnvelope<DossierCounts> {
  readonly filter: DossierFilter;
  /** Every article, by date (undated last), then path. */
  readonly articles: readonly DossierArticle[];
  /** By first date, then key. */
  readonly initiatives: readonly DossierInitiative[];
  /** By metric, then year. */
  readonly metrics: readonly DossierMetric[];
  readonly findings: readonly DossierFinding[];
}

export interface DossierOptions {
  /** Compute suggested links (default true); the editor may ask for them lazily instead. */
  readonly suggestions?: boolean;
}

const articleCache = new WeakMap<ArticleInfo, Map<string, DossierArticle>>();
/** The article of a file summary, found in one look-up (the dossier asks once per mention and per file). */
const fileArticles = new WeakMap<WorkspaceFile, DossierArticle>();

function toArticle(path: string, info: ArticleInfo): DossierArticle {
  let byPath = articleCache.get(info);
  if (!byPath) articleCache.set(info, (byPath = new Map()));
  let article = byPath.get(path);
  if (!article) {
    article = { path, title: info.title, date: info.date, summit: info.summit, language: info.language, sourceName: info.sourceName, sourceUrl: info.sourceUrl };
    byPath.set(path, article);
  }
  return article;
}

const timelineCache = new WeakMap<readonly InitiativeMention[], DossierInitiative>();
const metricCache = new WeakMap<readonly FigureMention[], DossierMetric>();
// A changed key's or metric's list is mostly the mentions of untouched files: their entries are
// kept by mention (a file's mentions are new objects whenever the file or its path changes).
const entryCache = new WeakMap<InitiativeMention, TimelineEntry>();
const valueCache = new WeakMap<FigureMention, MetricValue>();
const articlesCache = new WeakMap<readonly string[], readonly DossierArticle[]>();

/** Builds the dossier of a workspace. Never throws on a valid workspace. */
export function buildDossier(workspace: Workspace, options: DossierOptions = {}): Dossier {
  const articleOf = (path: string): DossierArticle | undefined => {
    const file = workspace.files.get(path);
    if (!file) return undefined;
    let article = fileArticles.get(file);
    if (article?.path !== path) fileArticles.set(file, (article = toArticle(path, file.article)));
    return article;
  };
  const initiatives: DossierInitiative[] = [];
  for (const [key, mentions] of workspace.tracks) {
    let initiative = timelineCache.get(mentions);
    if (!initiative) {
      const entries: TimelineEntry[] = [];
      const kept: InitiativeMention[] = [];
      for (const m of mentions) {
        let entry = entryCache.get(m);
        if (!entry) {
          const article = articleOf(m.path);
          if (!article) continue;
          entry = toEntry(m, article);
        }
        entries.push(entry);
        kept.push(m);
      }
      const timeline = withStatusChanges(entries);
      // Kept with their status change: the next build reuses each whose previous status is the same.
      for (let k = 0; k < kept.length; k++) entryCache.set(kept[k], timeline[k]);
      initiative = initiativeOf(key, timeline, []);
      timelineCache.set(mentions, initiative);
    }
    if (options.suggestions ?? true) initiative = { ...initiative, suggested: untrackedSuggestions(workspace, key, mentions) };
    initiatives.push(initiative);
  }
  initiatives.sort(compareInitiatives);
  // The workspace keeps its metric keys (normalised: metric, then year) and its files in order.
  // Every figure is read below: made file by file first (each file's packed figures read in one
  // go, about a third cheaper than metric by metric, whose lists jump between files); a file
  // whose figures are made answers at once.
  for (const path of workspace.fileOrder) void workspace.files.get(path)?.figures;
  const metrics: DossierMetric[] = [];
  for (const key of workspace.metricOrder) {
    const figures = workspace.metrics.get(key) ?? [];
    let metric = metricCache.get(figures);
    if (!metric) {
      // A group one edited file changed mostly compares as before (a status or a word edited):
      // then its verdict is the previous build's, without comparing the values again. And the
      // values before and after the file's run are the previous build's (the same mentions).
      const before = replacedList(figures);
      const prior = before && metricCache.get(before);
      let head = 0;
      let tail = 0;
      if (before && prior && prior.values.length === before.length) {
        const most = Math.min(figures.length, before.length);
        while (head < most && figures[head] === before[head]) head++;
        while (tail < most - head && figures[figures.length - 1 - tail] === before[before.length - 1 - tail]) tail++;
      }
      const values: MetricValue[] = prior && head > 0 ? prior.values.slice(0, head) : [];
      for (let i = head; i < figures.length - tail; i++) {
        const f = figures[i];
        let value = valueCache.get(f);
        if (!value) {
          const file = workspace.files.get(f.path);
          const article = articleOf(f.path);
          if (!file || !article) continue;
          value = toValue(f, article, f.initiative === undefined ? undefined : initiativeAt(file, f.initiative));
          valueCache.set(f, value);
        }
        values.push(value);
      }
      if (prior && tail > 0) for (let i = prior.values.length - tail; i < prior.values.length; i++) values.push(prior.values[i]);
      metric = metricOf(figures[0].metric ?? '', figures[0].year, values, prior);
      metricCache.set(figures, metric);
    }
    metrics.push(metric);
  }
  // Every change of a file gives the workspace a new fileOrder, so an unchanged one has the same articles.
  let articles = articlesCache.get(workspace.fileOrder);
  const inPlace = articles ? undefined : fileChangedInPlace(workspace.fileOrder);
  const priorArticles = inPlace && articlesCache.get(inPlace.before);
  if (!articles && inPlace && priorArticles && priorArticles.length === inPlace.before.length) {
    // One file changed and kept its place: the previous list with that file's article replaced.
    const list = priorArticles.slice();
    const at = inPlace.before.indexOf(inPlace.path);
    const article = articleOf(inPlace.path);
    if (at >= 0 && article) list[at] = article;
    articlesCache.set(workspace.fileOrder, (articles = list));
  }
  if (!articles) {
    const list: DossierArticle[] = [];
    for (const path of workspace.fileOrder) {
      const article = articleOf(path);
      if (article) list.push(article);
    }
    articlesCache.set(workspace.fileOrder, (articles = list));
  }
  return assemble({}, articles, initiatives, metrics, trackFindings(workspace));
}

function assemble(filter: DossierFilter, articles: readonly DossierArticle[], initiatives: readonly DossierInitiative[], metrics: readonly DossierMetric[], findings: readonly DossierFinding[]): Dossier {
  let mentions = 0;
  let suggestions = 0;
  for (const i of initiatives) {
    mentions += i.timeline.length;
    suggestions += i.suggested.length;
  }
  return {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    filter,
    counts: {
      articles: articles.length,
      initiatives: initiatives.length,
      mentions,
      metrics: metrics.length,
      disagreements: metrics.filter((m) => m.disagreement).length,
      findings: findings.length,
      suggestions,
    },
    articles,
    initiatives,
    metrics,
    findings,
  };
}

function toEntry(m: InitiativeMention, article: DossierArticle): TimelineEntry {
  return {
    article, id: m.id, text: m.text, status: m.status, previousStatus: undefined, statusChanged: false,
    areas: m.areas, actors: m.actors, start: m.start, end: m.end, line: m.line,
  };
}

/** The entries (in timeline order) with `previousStatus` and `statusChanged` set. */
function withStatusChanges(entries: readonly TimelineEntry[]): TimelineEntry[] {
  let last: string | undefined;
  return entries.map((e) => {
    const previousStatus = last;
    const statusChanged = e.status !== undefined && previousStatus !== undefined && e.status !== previousStatus;
    if (e.status !== undefined) last = e.status;
    return e.previousStatus === previousStatus && e.statusChanged === statusChanged ? e : { ...e, previousStatus, statusChanged };
  });
}

function initiativeOf(key: string, timeline: readonly TimelineEntry[], suggested: readonly LinkSuggestion[]): DossierInitiative {
  const statusPath: StatusStep[] = [];
  const summits: string[] = [];
  const languages: string[] = [];
  const areas: string[] = [];
  const actors: string[] = [];
  let status: string | undefined;
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const e of timeline) {
    if (e.status !== undefined && (statusPath.length === 0 || e.statusChanged)) statusPath.push({ status: e.status, date: e.article.date, path: e.article.path });
    if (e.status !== undefined) status = e.status;
    const date = e.article.date;
    if (date !== undefined) {
      if (firstDate === undefined || date < firstDate) firstDate = date;
      if (lastDate === undefined || date > lastDate) lastDate = date;
    }
    addOnce(summits, e.article.summit);
    addOnce(languages, e.article.language);
    for (const a of e.areas) addOnce(areas, a);
    for (const a of e.actors) addOnce(actors, a);
  }
  const latest = timeline[timeline.length - 1];
  return { key, name: latest ? latest.text : key, status, statusPath, firstDate, lastDate, summits, languages, areas, actors, timeline, suggested };
}

function addOnce(list: string[], value: string | undefined): void {
  if (value !== undefined && !list.includes(value)) list.push(value);
}

function toValue(f: FigureMention, article: DossierArticle, initiative: InitiativeMention | undefined): MetricValue {
  return {
    article, id: f.id, asWritten: f.asWritten, value: f.value, unit: f.unit, qualifier: f.qualifier,
    normalised: describeFigureValue(f.value, f.unit, f.qualifier),
    step: f.step, min: f.min, track: initiative?.track, status: initiative?.status, areas: initiative?.areas ?? [], actors: initiative?.actors ?? [],
    disagrees: false, start: f.start, end: f.end, line: f.line,
  };
}

/** The group of `values`; `prior` is an earlier build's group of the same metric, whose verdict holds when its values compare as these. */
function metricOf(metric: string, year: number | undefined, values: readonly MetricValue[], prior?: DossierMetric): DossierMetric {
  let bad: Set<number>;
  if (prior && compareAlike(prior.values, values)) {
    bad = new Set();
    prior.values.forEach((v, i) => v.disagrees && bad.add(i));
  } else {
    // A value with a number is already what disagreeingValues compares (value, unit, step, qualifier, min).
    const comparable: ComparableValue[] = [];
    const positions: number[] = [];
    values.forEach((v, i) => {
      if (v.value === undefined) return;
      comparable.push(v as MetricValue & ComparableValue);
      positions.push(i);
    });
    bad = new Set(disagreeingValues(comparable).map((k) => positions[k]));
  }
  const marked = values.map((v, i) => (bad.has(i) === v.disagrees ? v : { ...v, disagrees: bad.has(i) }));
  return { metric, year, values: marked, disagreement: bad.size > 0 };
}

/** True when the two lists hold, position by position, values that disagreeingValues sees as the same. */
function compareAlike(a: readonly MetricValue[], b: readonly MetricValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!Object.is(x.value, y.value) || x.unit !== y.unit || !Object.is(x.step, y.step) || x.qualifier !== y.qualifier || !Object.is(x.min, y.min)) return false;
  }
  return true;
}

function compareInitiatives(a: DossierInitiative, b: DossierInitiative): number {
  if (a.firstDate !== b.firstDate) {
    if (a.firstDate === undefined) return 1;
    if (b.firstDate === undefined) return -1;
    return a.firstDate < b.firstDate ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** True when the filter sets nothing. */
export function isEmptyDossierFilter(filter: DossierFilter): boolean {
  return Object.values(filter).every((v) => v === undefined || v === '');
}

function articlePasses(a: DossierArticle, f: DossierFilter): boolean {
  if (f.summit && !(a.summit ?? '').toLowerCase().includes(f.summit.toLowerCase())) return false;
  if (f.language && a.language.toLowerCase() !== f.language.toLowerCase()) return false;
  if (f.from || f.to) {
    if (a.date === undefined) return false;
    if (f.from && a.date < f.from) return false;
    if (f.to && a.date > f.to) return false;
  }
  return true;
}

function itemPasses(item: { readonly status: string | undefined; readonly areas: readonly string[]; readonly actors: readonly string[] }, f: DossierFilter): boolean {
  if (f.status && item.status !== f.status) return false;
  if (f.area && !item.areas.includes(f.area)) return false;
  if (f.actor) {
    const needle = f.actor.toLowerCase();
    if (!item.actors.some((a) => a.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/**
 * The dossier narrowed to `filter` (pure; the input is not changed): timeline entries and figures
 * that pass every filter; an initiative or metric with none left is dropped; status changes and
 * disagreements are worked out again over what is left. Suggestions and findings follow their
 * articles.
 */
export function filterDossier(dossier: Dossier, filter: DossierFilter): Dossier {
  if (isEmptyDossierFilter(filter)) return dossier;
  const articles = dossier.articles.filter((a) => articlePasses(a, filter));
  const kept = new Set(articles.map((a) => a.path));
  const initiatives: DossierInitiative[] = [];
  for (const i of dossier.initiatives) {
    const entries = i.timeline.filter((e) => kept.has(e.article.path) && itemPasses(e, filter));
    if (entries.length === 0) continue;
    initiatives.push(initiativeOf(i.key, withStatusChanges(entries), i.suggested.filter((s) => kept.has(s.path))));
  }
  const metrics: DossierMetric[] = [];
  for (const m of dossier.metrics) {
    const values = m.values.filter((v) => kept.has(v.article.path) && itemPasses(v, filter));
    if (values.length) metrics.push(metricOf(m.metric, m.year, values));
  }
  const findings = dossier.findings.filter((f) => kept.has(f.path));
  return assemble(filter, articles, initiatives, metrics, findings);
}
