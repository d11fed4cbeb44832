/**
 * The dossier as one self-contained HTML page, built like the brief's export: the brief's
 * stylesheet plus a few dossier rules inline, no script, a CSP that forbids everything else, and
 * every string from the notes files through `escapeHtml`. Source links are http(s) only.
 */
import { trackFindingMessage } from './links';
import { BRIEF_EXPORT_CSS, escapeHtml } from '../brief';
import type { Dossier, DossierArticle, DossierInitiative, DossierMetric, DossierSpan } from './build';
import { countsLine, dossierLanguage, filterEntries, reasonsText, valueWords } from './exportText';
import type { DossierFilter } from './filter';
import { dossierExportWords, dossierLabels, type DossierExportWords, type DossierLabels } from './viewLabels';
import { linePieces, type OutputLanguage } from '../text';

const DOSSIER_CSS = `
.dossier-key { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; color: #59636e; }
.dossier-path { color: #59636e; }
.dossier-path .brief-badge { margin-left: .25rem; }
.dossier-changed { font-weight: 600; }
.dossier-changed::before { content: "→ "; }
tr.dossier-disagrees td { background: #ffebe9; }
.dossier-flag { color: #cf222e; font-weight: 600; }
.dossier td:first-child { white-space: nowrap; }
.dossier-where { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; white-space: nowrap; }
`;

/** A readable `path:line` (1-based) for provenance. */
function where(path: string, span: DossierSpan): string {
  return `<span class="dossier-where" data-path="${escapeHtml(path)}" data-start="${span.start}" data-end="${span.end}">${escapeHtml(path)}:${span.line + 1}</span>`;
}

function source(a: DossierArticle): string {
  const name = escapeHtml(a.sourceName ?? a.sourceUrl ?? a.path);
  return a.sourceUrl ? `<a href="${escapeHtml(a.sourceUrl)}" rel="noreferrer noopener">${name}</a>` : name;
}

function badge(status: string | undefined): string {
  return status ? `<span class="brief-badge" data-status="${escapeHtml(status)}">${escapeHtml(status)}</span>` : '';
}

function filterLine(filter: DossierFilter, language: OutputLanguage): string {
  const parts = filterEntries(filter, language).map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`);
  return parts.length ? `<p class="brief-muted">${dossierExportWords(language).filteredBy} ${parts.join(', ')}</p>` : '';
}

/** A table's header row; the cells are the labels' own words (no markup, nothing from the notes), written as they are. */
function headerRow(cells: readonly string[]): string {
  return `<table><thead><tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>`;
}

/** An initiative's section, a line (a table row) at a time: a key mentioned in thousands of files has as many rows. */
function* initiativeHtml(i: DossierInitiative, l: DossierLabels, w: DossierExportWords, language: OutputLanguage): Generator<string> {
  yield `<section class="brief-initiative"><h3>${escapeHtml(i.name)} <span class="dossier-key">${escapeHtml(i.key)}</span></h3>`;
  if (i.statusPath.length) {
    yield `<p class="dossier-path">${i.statusPath.map((s) => `${badge(s.status)} ${escapeHtml(s.date ?? l.undated)}`).join(' → ')}</p>`;
  }
  yield headerRow([l.date, l.summit, l.source, l.status, l.text, l.where]);
  for (const e of i.timeline) {
    const status = e.status ? `<span class="${e.statusChanged ? 'dossier-changed' : ''}">${escapeHtml(e.status)}</span>` : '';
    yield `<tr><td>${escapeHtml(e.article.date ?? '')}</td><td>${escapeHtml(e.article.summit ?? '')}</td><td>${source(e.article)}</td><td>${status}</td><td lang="${escapeHtml(e.article.language)}">${escapeHtml(e.text)}</td><td>${where(e.article.path, e)}</td></tr>`;
  }
  yield '</tbody></table>';
  if (i.suggested.length) {
    yield `<p class="brief-muted">${w.maybeSameBefore}<code>track=</code>${w.maybeSameAfter}</p><ul class="brief-list">`;
    for (const s of i.suggested) {
      yield `<li>${escapeHtml(s.text)} — ${where(s.path, s)} <span class="brief-muted">(${w.score} ${s.score}; ${escapeHtml(reasonsText(s.reasons, language))}; ${w.add} <code>track=${escapeHtml(s.proposedKey)}</code>)</span></li>`;
    }
    yield '</ul>';
  }
  yield '</section>';
}

/** A metric's table, a row at a time. */
function* metricHtml(m: DossierMetric, l: DossierLabels, language: OutputLanguage): Generator<string> {
  const flag = m.disagreement ? ` <span class="dossier-flag">${l.sourcesDisagree}</span>` : '';
  yield `<h3>${escapeHtml(m.metric)}${m.year === undefined ? '' : `, ${m.year}`}${flag}</h3>`;
  yield headerRow([l.value, l.asWritten, l.source, l.date, l.where]);
  for (const v of m.values) {
    yield `<tr${v.disagrees ? ' class="dossier-disagrees"' : ''}><td>${escapeHtml(valueWords(v, language))}${v.disagrees ? ' <span class="dossier-flag">≠</span>' : ''}</td><td>${escapeHtml(v.asWritten)}</td><td>${source(v.article)}</td><td>${escapeHtml(v.article.date ?? '')}</td><td>${where(v.article.path, v)}</td></tr>`;
  }
  yield '</tbody></table>';
}

/** The dossier's body (no document around it), its words in `language` (by default the one most of its articles are written in). */
export function renderDossierFragment(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): string {
  return [...linePieces(fragmentParts(dossier, language))].join('');
}

function* fragmentParts(dossier: Dossier, language: OutputLanguage): Generator<string> {
  const l = dossierLabels(language);
  const w = dossierExportWords(language);
  yield `<h1>${l.title}</h1>`;
  yield `<p class="brief-counts">${countsLine(dossier.counts, language)}</p>`;
  const filter = filterLine(dossier.filter, language);
  if (filter) yield filter;
  yield `<h2>${l.initiativesHeading}</h2>`;
  if (!dossier.initiatives.length) yield `<p class="brief-muted">${w.noInitiativesBefore}<code>track=KEY</code>${w.noInitiativesAfter}</p>`;
  for (const i of dossier.initiatives) yield* initiativeHtml(i, l, w, language);
  yield `<h2>${l.figuresHeading}</h2>`;
  if (!dossier.metrics.length) yield `<p class="brief-muted">${l.noMetrics} <code>metric=</code>.</p>`;
  for (const m of dossier.metrics) yield* metricHtml(m, l, language);
  if (dossier.findings.length) {
    yield `<h2>${l.problemsHeading}</h2><ul class="brief-list brief-problems">`;
    for (const f of dossier.findings) yield `<li>${where(f.path, f)} ${escapeHtml(trackFindingMessage(f, language))}</li>`;
    yield '</ul>';
  }
  yield `<h2>${l.articlesHeading}</h2>${headerRow([l.date, l.summit, l.title_, l.source, l.language, l.file])}`;
  for (const a of dossier.articles) {
    yield `<tr><td>${escapeHtml(a.date ?? '')}</td><td>${escapeHtml(a.summit ?? '')}</td><td>${escapeHtml(a.title ?? '')}</td><td>${source(a)}</td><td>${escapeHtml(a.language)}</td><td>${escapeHtml(a.path)}</td></tr>`;
  }
  yield '</tbody></table>';
}

/** The dossier as one self-contained page (no script, no remote content), its words in `language`. */
export function renderDossierDocument(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): string {
  return [...renderDossierDocumentChunks(dossier, language)].join('');
}

/** {@link renderDossierDocument} in pieces: a workspace's dossier can be larger than a string may be. */
export function* renderDossierDocumentChunks(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): Generator<string> {
  yield [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${dossierLabels(language).title}</title>`,
    `<style>${BRIEF_EXPORT_CSS}${DOSSIER_CSS}</style>`,
    '</head>',
    '<body class="brief dossier">',
    '',
  ].join('\n');
  yield* linePieces(fragmentParts(dossier, language));
  yield '\n</body>\n</html>\n';
}
