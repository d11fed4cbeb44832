/**
 * The dossier as the editor's webview shows it: the page cut into pieces (a header, the filter bar,
 * one piece per tracked initiative and per metric, the findings, the articles) so a keystroke
 * re-renders and sends only the pieces that changed. Every string from the notes is escaped; every
 * item carries its provenance (`data-path`, `data-start`, `data-end`) for the click that opens it,
 * and source links are http(s) only. Labels come from viewLabels.ts in the language asked for.
 */
import { escapeHtml } from '../brief';
import type { OutputLanguage } from '../text';
import { filterDossier, isEmptyDossierFilter, type Dossier, type DossierArticle, type DossierInitiative, type DossierMetric, type DossierSpan } from './build';
import { DOSSIER_FILTER_FIELDS, type DossierFacetLists, type DossierFilter } from './filter';
import { dossierLabels, type DossierLabels } from './viewLabels';
import { valueWords } from './exportText';

export interface DossierViewOptions {
  readonly language: OutputLanguage;
  /** What a file is called on screen (e.g. its workspace-relative path); the path itself by default. */
  readonly displayPath?: (path: string) => string;
}

/** Where a clickable item of the page leads: its file and span (the page holds only the item's number). */
export interface DossierViewPlace {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** Zero-based. */
  readonly line: number;
}

/**
 * One initiative or metric of the page: `key` names it across renders. Its HTML holds no offsets
 * and no line numbers (an edit above would change them all): items carry their number
 * (`data-item`), `places` says where each leads, and the page writes each item's line from it.
 */
export interface DossierViewEntry {
  readonly key: string;
  readonly html: string;
  readonly places: readonly DossierViewPlace[];
}

/** The page in pieces, each plain HTML. */
export interface DossierViewContent {
  /** Title and counts. */
  readonly header: string;
  /** The filter bar's controls (their choices; the chosen values are set by the page's script). */
  readonly filters: string;
  readonly initiatives: readonly DossierViewEntry[];
  readonly metrics: readonly DossierViewEntry[];
  /** The `track=` findings and the articles table. */
  readonly footer: string;
  readonly footerPlaces: readonly DossierViewPlace[];
  /** Nothing left after filtering (the page says so). */
  readonly empty: boolean;
}

/** Choices of the filter bar, gathered over the whole (unfiltered) dossier: a list per facet. */
export type DossierFilterChoices = DossierFacetLists;

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
}

/** The filter bar's choices: every summit, area, status, actor and language the dossier holds. */
export function dossierFilterChoices(dossier: Dossier): DossierFilterChoices {
  const areas: string[] = [];
  const statuses: string[] = [];
  const actors: string[] = [];
  for (const i of dossier.initiatives) {
    areas.push(...i.areas);
    actors.push(...i.actors);
    for (const e of i.timeline) if (e.status) statuses.push(e.status);
  }
  for (const m of dossier.metrics) {
    for (const v of m.values) {
      areas.push(...v.areas);
      actors.push(...v.actors);
      if (v.status) statuses.push(v.status);
    }
  }
  return {
    summits: sorted(dossier.articles.map((a) => a.summit ?? '')),
    areas: sorted(areas),
    statuses: sorted(statuses),
    actors: sorted(actors),
    languages: sorted(dossier.articles.map((a) => a.language)),
  };
}

/** A metric's key on the page (its name, case folded, and year). */
export function dossierMetricKey(m: DossierMetric): string {
  return `${m.metric.toLowerCase()}|${m.year ?? ''}`;
}

/** The filter as a stable string (cache stamp). */
function filterStamp(filter: DossierFilter): string {
  if (isEmptyDossierFilter(filter)) return '';
  return DOSSIER_FILTER_FIELDS.map((k) => filter[k] ?? '').join('\u0001');
}

function placeOf(x: { readonly article: DossierArticle } & DossierSpan): DossierViewPlace {
  return { path: x.article.path, start: x.start, end: x.end, line: x.line };
}

function sameArticle(a: DossierArticle, b: DossierArticle): boolean {
  return a === b || (a.path === b.path && a.date === b.date && a.summit === b.summit && a.title === b.title && a.language === b.language
    && a.sourceName === b.sourceName && a.sourceUrl === b.sourceUrl);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when two renders of an initiative would be the same HTML (offsets and lines aside: the HTML holds neither). */
function sameInitiative(a: DossierInitiative, b: DossierInitiative): boolean {
  if (a === b) return true;
  if (a.key !== b.key || a.name !== b.name || a.timeline.length !== b.timeline.length || a.statusPath.length !== b.statusPath.length) return false;
  if (!sameStrings(a.summits, b.summits) || !sameStrings(a.languages, b.languages)) return false;
  if (!a.statusPath.every((s, i) => s.status === b.statusPath[i].status && s.date === b.statusPath[i].date)) return false;
  if (a.suggested.length !== b.suggested.length || !a.suggested.every((s, i) => s.path === b.suggested[i].path && s.text === b.suggested[i].text)) return false;
  return a.timeline.every((e, i) => {
    const f = b.timeline[i];
    return e.text === f.text && e.status === f.status && e.statusChanged === f.statusChanged && sameArticle(e.article, f.article);
  });
}

/** Where an initiative's items lead, in the order its HTML numbers them: the timeline, then the suggested links. */
function initiativePlaces(i: DossierInitiative): DossierViewPlace[] {
  return [...i.timeline.map(placeOf), ...i.suggested.map((s) => ({ path: s.path, start: s.start, end: s.end, line: s.line }))];
}

/** The same for a metric. */
function sameMetric(a: DossierMetric, b: DossierMetric): boolean {
  if (a === b) return true;
  if (a.metric !== b.metric || a.year !== b.year || a.disagreement !== b.disagreement || a.values.length !== b.values.length) return false;
  return a.values.every((v, i) => {
    const w = b.values[i];
    return v.normalised === w.normalised && v.asWritten === w.asWritten && v.disagrees === w.disagrees && sameArticle(v.article, w.article);
  });
}

/**
 * Renders dossiers for one view, keeping the HTML of each initiative and metric keyed by the
 * unfiltered entry (the core reuses the entry objects of unchanged keys and metrics between builds)
 * and the filter: after one file changed only its keys and metrics are rendered again.
 */
export class DossierViewRenderer {
  private readonly labels: DossierLabels;
  private readonly displayPath: (path: string) => string;
  private readonly cache = new WeakMap<object, { stamp: string; html: string; places: readonly DossierViewPlace[] }>();
  /** What each key showed last render (prefixed `i:` / `m:`), to keep its HTML when only its spans moved. */
  private lastByKey = new Map<string, { stamp: string; shown: object; html: string }>();
  /** Pieces rendered and reused by the last `render` (for measurements and tests). */
  lastStats = { rendered: 0, reused: 0 };

  constructor(readonly options: DossierViewOptions) {
    this.labels = dossierLabels(options.language);
    this.displayPath = options.displayPath ?? ((p) => p);
  }

  /** The page of `dossier` narrowed to `filter` (through `filterDossier`). */
  render(dossier: Dossier, filter: DossierFilter = {}): DossierViewContent {
    const stamp = filterStamp(filter);
    const shown = filterDossier(dossier, filter);
    const stats = { rendered: 0, reused: 0 };
    const last = new Map<string, { stamp: string; shown: object; html: string }>();
    /**
     * An entry's HTML: the one made for the same unfiltered entry and filter; else, when the entry
     * shows the same as last time (its spans only moved), last time's HTML; else made anew.
     */
    const piece = <T extends object>(key: string, original: T, current: T, make: (x: T, places: DossierViewPlace[]) => string,
      same: (a: T, b: T) => boolean, placesOf: (x: T) => DossierViewPlace[]): { html: string; places: readonly DossierViewPlace[] } => {
      let made = this.cache.get(original);
      if (made && made.stamp === stamp) {
        stats.reused++;
      } else {
        const before = this.lastByKey.get(key);
        if (before && before.stamp === stamp && same(before.shown as T, current)) {
          stats.reused++;
          made = { stamp, html: before.html, places: placesOf(current) };
        } else {
          stats.rendered++;
          const places: DossierViewPlace[] = [];
          made = { stamp, html: make(current, places), places };
        }
        this.cache.set(original, made);
      }
      last.set(key, { stamp, shown: current, html: made.html });
      return made;
    };
    const originalInitiatives = new Map(dossier.initiatives.map((i) => [i.key, i]));
    const initiatives = shown.initiatives.map((i) => {
      const { html, places } = piece(`i:${i.key}`, originalInitiatives.get(i.key) ?? i, i, (x, p) => this.initiativeHtml(x, p), sameInitiative, initiativePlaces);
      return { key: i.key, html, places };
    });
    const originalMetrics = new Map(dossier.metrics.map((m) => [dossierMetricKey(m), m]));
    const seen = new Set<string>();
    const metrics = shown.metrics.map((m) => {
      let key = dossierMetricKey(m);
      while (seen.has(key)) key += '+';
      seen.add(key);
      const { html, places } = piece(`m:${key}`, originalMetrics.get(key) ?? m, m, (x, p) => this.metricHtml(x, p), sameMetric, (x) => x.values.map(placeOf));
      return { key, html, places };
    });
    this.lastByKey = last;
    const footerPlaces: DossierViewPlace[] = [];
    const footer = this.footerHtml(shown, footerPlaces);
    this.lastStats = stats;
    return {
      header: this.headerHtml(shown),
      filters: this.filtersHtml(dossierFilterChoices(dossier)),
      initiatives,
      metrics,
      footer,
      footerPlaces,
      empty: !isEmptyDossierFilter(filter) && initiatives.length === 0 && metrics.length === 0,
    };
  }

  private headerHtml(d: Dossier): string {
    const l = this.labels;
    const c = d.counts;
    const count = (label: string, n: number, cls = '') => `<span class="dossier-count${cls}">${escapeHtml(label)}: <b>${n}</b></span>`;
    return `<h1>${escapeHtml(l.title)}</h1><p class="brief-counts">${[
      count(l.articles, c.articles), count(l.tracked, c.initiatives), count(l.mentions, c.mentions),
      count(l.metrics, c.metrics), count(l.disagreements, c.disagreements, c.disagreements ? ' dossier-flag' : ''),
    ].join(' · ')}</p>`;
  }

  private filtersHtml(choices: DossierFilterChoices): string {
    const l = this.labels;
    const select = (name: string, label: string, values: readonly string[]) =>
      `<label>${escapeHtml(label)} <select name="${name}"><option value="">${escapeHtml(l.any)}</option>${values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('')}</select></label>`;
    return [
      select('summit', l.summit, choices.summits),
      select('area', l.area, choices.areas),
      select('status', l.status, choices.statuses),
      `<label>${escapeHtml(l.actor)} <input name="actor" type="search" list="dossier-actors" size="12"></label>`,
      `<datalist id="dossier-actors">${choices.actors.map((a) => `<option value="${escapeHtml(a)}"></option>`).join('')}</datalist>`,
      select('language', l.language, choices.languages),
      `<label>${escapeHtml(l.from)} <input name="from" type="date"></label>`,
      `<label>${escapeHtml(l.to)} <input name="to" type="date"></label>`,
      `<button type="button" class="dossier-clear">${escapeHtml(l.clear)}</button>`,
    ].join('\n');
  }

  /**
   * A clickable item: the page's script turns a click into "open item N of this entry"; N is the
   * item's index in `places`, which the same span's text and place share.
   */
  private item(places: DossierViewPlace[], path: string, span: DossierSpan): number {
    const last = places[places.length - 1];
    if (last && last.path === path && last.start === span.start && last.end === span.end) return places.length - 1;
    places.push({ path, start: span.start, end: span.end, line: span.line });
    return places.length - 1;
  }

  private opener(places: DossierViewPlace[], path: string, span: DossierSpan, text: string): string {
    return `<a class="dossier-text dossier-open" role="button" tabindex="0" data-item="${this.item(places, path, span)}">${text}</a>`;
  }

  /** `file:line`, the line written by the page from `places` (so lines added above change no HTML). */
  private place(places: DossierViewPlace[], path: string, span: DossierSpan): string {
    return `<a class="dossier-where dossier-open" role="button" tabindex="0" data-item="${this.item(places, path, span)}">${escapeHtml(this.displayPath(path))}:<span class="dossier-line"></span></a>`;
  }

  private source(a: DossierArticle): string {
    const name = escapeHtml(a.sourceName ?? a.sourceUrl ?? this.displayPath(a.path));
    return a.sourceUrl && /^https?:\/\//i.test(a.sourceUrl)
      ? `<a class="dossier-source" href="${escapeHtml(a.sourceUrl)}">${name}</a>`
      : name;
  }

  private badge(status: string | undefined): string {
    return status ? `<span class="brief-badge" data-status="${escapeHtml(status)}">${escapeHtml(status)}</span>` : '';
  }

  private initiativeHtml(i: DossierInitiative, places: DossierViewPlace[]): string {
    const l = this.labels;
    const out: string[] = [];
    out.push(`<h3>${escapeHtml(i.name)} <span class="dossier-key">${escapeHtml(i.key)}</span></h3>`);
    const facts = [
      i.summits.length ? `${escapeHtml(l.summits)}: ${i.summits.map(escapeHtml).join('; ')}` : '',
      i.languages.length ? `${escapeHtml(l.languages)}: ${i.languages.map(escapeHtml).join(', ')}` : '',
    ].filter(Boolean);
    if (i.statusPath.length) {
      out.push(`<p class="dossier-path">${i.statusPath.map((s) => `${this.badge(s.status)} ${escapeHtml(s.date ?? l.undated)}`).join(' <span class="dossier-arrow">→</span> ')}</p>`);
    }
    if (facts.length) out.push(`<p class="brief-muted">${facts.join(' · ')}</p>`);
    out.push(`<table><thead><tr><th>${escapeHtml(l.date)}</th><th>${escapeHtml(l.summit)}</th><th>${escapeHtml(l.source)}</th><th>${escapeHtml(l.status)}</th><th>${escapeHtml(l.text)}</th><th>${escapeHtml(l.where)}</th></tr></thead><tbody>`);
    for (const e of i.timeline) {
      const status = e.status
        ? (e.statusChanged ? `<span class="dossier-changed" title="${escapeHtml(l.statusChanged)}">${this.badge(e.status)}</span>` : this.badge(e.status))
        : '';
      out.push(`<tr${e.statusChanged ? ' class="dossier-step"' : ''}><td>${escapeHtml(e.article.date ?? '')}</td><td>${escapeHtml(e.article.summit ?? '')}</td><td>${this.source(e.article)}</td><td>${status}</td><td lang="${escapeHtml(e.article.language)}">${this.opener(places, e.article.path, e, escapeHtml(e.text))}</td><td>${this.place(places, e.article.path, e)}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (i.suggested.length) {
      // Untracked mentions elsewhere that read alike; the button's item is the mention's place.
      out.push(`<div class="dossier-suggested"><p class="brief-muted">${escapeHtml(l.maybeSame)}</p><ul class="brief-list">`);
      for (const s of i.suggested) {
        const item = this.item(places, s.path, s);
        out.push(`<li>${this.opener(places, s.path, s, escapeHtml(s.text))} — ${this.place(places, s.path, s)} `
          + `<button type="button" class="dossier-link" data-item="${item}" title="${escapeHtml(l.linkTitle)}">${escapeHtml(l.linkAs)}${escapeHtml(i.key)}</button></li>`);
      }
      out.push('</ul></div>');
    }
    return out.join('\n');
  }

  private metricHtml(m: DossierMetric, places: DossierViewPlace[]): string {
    const l = this.labels;
    const out: string[] = [];
    const flag = m.disagreement ? ` <span class="dossier-flag">⚠ ${escapeHtml(l.sourcesDisagree)}</span>` : '';
    out.push(`<h3>${escapeHtml(m.metric)}${m.year === undefined ? '' : `, ${m.year}`}${flag}</h3>`);
    out.push(`<table><thead><tr><th>${escapeHtml(l.value)}</th><th>${escapeHtml(l.asWritten)}</th><th>${escapeHtml(l.source)}</th><th>${escapeHtml(l.date)}</th><th>${escapeHtml(l.where)}</th></tr></thead><tbody>`);
    for (const v of m.values) {
      const mark = v.disagrees ? ` <span class="dossier-flag" title="${escapeHtml(l.differs)}">≠</span>` : '';
      out.push(`<tr${v.disagrees ? ' class="dossier-disagrees"' : ''}><td>${this.opener(places, v.article.path, v, escapeHtml(valueWords(v, this.options.language)))}${mark}</td><td lang="${escapeHtml(v.article.language)}">${escapeHtml(v.asWritten)}</td><td>${this.source(v.article)}</td><td>${escapeHtml(v.article.date ?? '')}</td><td>${this.place(places, v.article.path, v)}</td></tr>`);
    }
    out.push('</tbody></table>');
    return out.join('\n');
  }

  private footerHtml(d: Dossier, places: DossierViewPlace[]): string {
    const l = this.labels;
    const out: string[] = [];
    if (d.findings.length) {
      out.push(`<h2>${escapeHtml(l.problemsHeading)}</h2><ul class="brief-list brief-problems">`);
      for (const f of d.findings) out.push(`<li>${this.place(places, f.path, f)} ${escapeHtml(f.message)}</li>`);
      out.push('</ul>');
    }
    out.push(`<h2>${escapeHtml(l.articlesHeading)}</h2><table><thead><tr><th>${escapeHtml(l.date)}</th><th>${escapeHtml(l.summit)}</th><th>${escapeHtml(l.title_)}</th><th>${escapeHtml(l.source)}</th><th>${escapeHtml(l.language)}</th><th>${escapeHtml(l.file)}</th></tr></thead><tbody>`);
    for (const a of d.articles) {
      out.push(`<tr><td>${escapeHtml(a.date ?? '')}</td><td>${escapeHtml(a.summit ?? '')}</td><td>${escapeHtml(a.title ?? '')}</td><td>${this.source(a)}</td><td>${escapeHtml(a.language)}</td><td>${this.opener(places, a.path, { start: 0, end: 0, line: 0 }, escapeHtml(this.displayPath(a.path)))}</td></tr>`);
    }
    out.push('</tbody></table>');
    return out.join('\n');
  }

  /** Section headings and the "nothing here" lines, which the page keeps in its frame. */
  frame(): { initiatives: string; metrics: string; noInitiatives: string; noMetrics: string; nothingMatches: string; clickHint: string; suggestLinks: string; suggestLinksHint: string } {
    const l = this.labels;
    return {
      suggestLinks: escapeHtml(l.suggestLinks),
      suggestLinksHint: escapeHtml(l.suggestLinksHint),
      clickHint: escapeHtml(l.clickHint),
      initiatives: escapeHtml(l.initiativesHeading),
      metrics: escapeHtml(l.figuresHeading),
      noInitiatives: `${escapeHtml(l.noInitiatives)} <code>track=KEY</code>.`,
      noMetrics: `${escapeHtml(l.noMetrics)} <code>metric=</code>.`,
      nothingMatches: escapeHtml(l.nothingMatches),
    };
  }
}
