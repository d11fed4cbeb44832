/**
 * The dossier as one self-contained HTML page, built like the brief's export: the brief's
 * stylesheet plus a few dossier rules inline, no script, a CSP that forbids everything else, and
 * every string from the notes files through `escapeHtml`. Source links are http(s) only.
 */
import { BRIEF_EXPORT_CSS, escapeHtml } from '../brief';
import type { Dossier, DossierArticle, DossierInitiative, DossierMetric, DossierSpan } from './build';
import type { DossierFilter } from './filter';
import { linePieces } from '../text';

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

function filterLine(filter: DossierFilter): string {
  const parts = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(String(v))}`);
  return parts.length ? `<p class="brief-muted">Filtered by ${parts.join(', ')}</p>` : '';
}

/** An initiative's section, a line (a table row) at a time: a key mentioned in thousands of files has as many rows. */
function* initiativeHtml(i: DossierInitiative): Generator<string> {
  yield `<section class="brief-initiative"><h3>${escapeHtml(i.name)} <span class="dossier-key">${escapeHtml(i.key)}</span></h3>`;
  if (i.statusPath.length) {
    yield `<p class="dossier-path">${i.statusPath.map((s) => `${badge(s.status)} ${escapeHtml(s.date ?? 'undated')}`).join(' → ')}</p>`;
  }
  yield '<table><thead><tr><th>Date</th><th>Summit</th><th>Source</th><th>Status</th><th>Text</th><th>Where</th></tr></thead><tbody>';
  for (const e of i.timeline) {
    const status = e.status ? `<span class="${e.statusChanged ? 'dossier-changed' : ''}">${escapeHtml(e.status)}</span>` : '';
    yield `<tr><td>${escapeHtml(e.article.date ?? '')}</td><td>${escapeHtml(e.article.summit ?? '')}</td><td>${source(e.article)}</td><td>${status}</td><td lang="${escapeHtml(e.article.language)}">${escapeHtml(e.text)}</td><td>${where(e.article.path, e)}</td></tr>`;
  }
  yield '</tbody></table>';
  if (i.suggested.length) {
    yield '<p class="brief-muted">Maybe the same initiative (no <code>track=</code> yet):</p><ul class="brief-list">';
    for (const s of i.suggested) {
      yield `<li>${escapeHtml(s.text)} — ${where(s.path, s)} <span class="brief-muted">(score ${s.score}; ${escapeHtml(s.reasons.join(', '))}; add <code>track=${escapeHtml(s.proposedKey)}</code>)</span></li>`;
    }
    yield '</ul>';
  }
  yield '</section>';
}

/** A metric's table, a row at a time. */
function* metricHtml(m: DossierMetric): Generator<string> {
  const flag = m.disagreement ? ' <span class="dossier-flag">sources disagree</span>' : '';
  yield `<h3>${escapeHtml(m.metric)}${m.year === undefined ? '' : `, ${m.year}`}${flag}</h3>`;
  yield '<table><thead><tr><th>Value</th><th>As written</th><th>Source</th><th>Date</th><th>Where</th></tr></thead><tbody>';
  for (const v of m.values) {
    yield `<tr${v.disagrees ? ' class="dossier-disagrees"' : ''}><td>${escapeHtml(v.normalised)}${v.disagrees ? ' <span class="dossier-flag">≠</span>' : ''}</td><td>${escapeHtml(v.asWritten)}</td><td>${source(v.article)}</td><td>${escapeHtml(v.article.date ?? '')}</td><td>${where(v.article.path, v)}</td></tr>`;
  }
  yield '</tbody></table>';
}

/** The dossier's body (no document around it). */
export function renderDossierFragment(dossier: Dossier): string {
  return [...linePieces(fragmentParts(dossier))].join('');
}

function* fragmentParts(dossier: Dossier): Generator<string> {
  const c = dossier.counts;
  yield '<h1>Dossier</h1>';
  yield `<p class="brief-counts">${c.articles} article(s) · ${c.initiatives} tracked initiative(s) · ${c.mentions} mention(s) · ${c.metrics} metric(s) · ${c.disagreements} disagreement(s)</p>`;
  const filter = filterLine(dossier.filter);
  if (filter) yield filter;
  yield '<h2>Initiatives</h2>';
  if (!dossier.initiatives.length) yield '<p class="brief-muted">No tracked initiatives (add <code>track=KEY</code> to an initiative).</p>';
  for (const i of dossier.initiatives) yield* initiativeHtml(i);
  yield '<h2>Figures by metric</h2>';
  if (!dossier.metrics.length) yield '<p class="brief-muted">No figures with <code>metric=</code>.</p>';
  for (const m of dossier.metrics) yield* metricHtml(m);
  if (dossier.findings.length) {
    yield '<h2>Problems with track keys</h2><ul class="brief-list brief-problems">';
    for (const f of dossier.findings) yield `<li>${where(f.path, f)} ${escapeHtml(f.message)}</li>`;
    yield '</ul>';
  }
  yield '<h2>Articles</h2><table><thead><tr><th>Date</th><th>Summit</th><th>Title</th><th>Source</th><th>Language</th><th>File</th></tr></thead><tbody>';
  for (const a of dossier.articles) {
    yield `<tr><td>${escapeHtml(a.date ?? '')}</td><td>${escapeHtml(a.summit ?? '')}</td><td>${escapeHtml(a.title ?? '')}</td><td>${source(a)}</td><td>${escapeHtml(a.language)}</td><td>${escapeHtml(a.path)}</td></tr>`;
  }
  yield '</tbody></table>';
}

/** The dossier as one self-contained page (no script, no remote content). */
export function renderDossierDocument(dossier: Dossier): string {
  return [...renderDossierDocumentChunks(dossier)].join('');
}

/** {@link renderDossierDocument} in pieces: a workspace's dossier can be larger than a string may be. */
export function* renderDossierDocumentChunks(dossier: Dossier): Generator<string> {
  yield [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Dossier</title>',
    `<style>${BRIEF_EXPORT_CSS}${DOSSIER_CSS}</style>`,
    '</head>',
    '<body class="brief dossier">',
    '',
  ].join('\n');
  yield* linePieces(fragmentParts(dossier));
  yield '\n</body>\n</html>\n';
}
