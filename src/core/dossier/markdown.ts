/** The dossier as Markdown: timelines and metric tables, analyst text escaped (the brief's `escapeMarkdown`). */
import { escapeMarkdown } from '../brief';
import type { Dossier, DossierArticle } from './build';
import { linePieces } from '../text';

function source(a: DossierArticle): string {
  const name = escapeMarkdown(a.sourceName ?? a.sourceUrl ?? a.path);
  return a.sourceUrl ? `[${name}](<${a.sourceUrl}>)` : name;
}

function cell(text: string): string {
  return escapeMarkdown(text);
}

export function renderDossierMarkdown(dossier: Dossier): string {
  return [...renderDossierMarkdownChunks(dossier)].join('');
}

/** {@link renderDossierMarkdown} in pieces: a workspace's dossier can be larger than a string may be. */
export function renderDossierMarkdownChunks(dossier: Dossier): Generator<string> {
  return linePieces(dossierMarkdownLines(dossier));
}

function* dossierMarkdownLines(dossier: Dossier): Generator<string> {
  const c = dossier.counts;
  yield* ['# Dossier', ''];
  yield* [`${c.articles} article(s) · ${c.initiatives} tracked initiative(s) · ${c.mentions} mention(s) · ${c.metrics} metric(s) · ${c.disagreements} disagreement(s)`, ''];
  const filter = Object.entries(dossier.filter).filter(([, v]) => v !== undefined && v !== '');
  if (filter.length) yield* [`Filtered by ${filter.map(([k, v]) => `${k}: ${escapeMarkdown(String(v))}`).join(', ')}`, ''];
  yield* ['## Initiatives', ''];
  if (!dossier.initiatives.length) yield* ['No tracked initiatives (add `track=KEY` to an initiative).', ''];
  for (const i of dossier.initiatives) {
    yield* [`### ${escapeMarkdown(i.name)} (\`${i.key.replace(/`/g, '')}\`)`, ''];
    if (i.statusPath.length) yield* [i.statusPath.map((s) => `**${escapeMarkdown(s.status)}** ${escapeMarkdown(s.date ?? 'undated')}`).join(' → '), ''];
    yield* ['| Date | Summit | Source | Status | Text | Where |', '| --- | --- | --- | --- | --- | --- |'];
    for (const e of i.timeline) {
      const status = e.status ? (e.statusChanged ? `→ **${cell(e.status)}**` : cell(e.status)) : '';
      yield* [`| ${cell(e.article.date ?? '')} | ${cell(e.article.summit ?? '')} | ${source(e.article)} | ${status} | ${cell(e.text)} | ${cell(e.article.path)}:${e.line + 1} |`];
    }
    yield* [''];
    if (i.suggested.length) {
      yield* ['Maybe the same initiative (no `track=` yet):', ''];
      for (const s of i.suggested) yield* [`- ${escapeMarkdown(s.text)} — ${escapeMarkdown(s.path)}:${s.line + 1} (score ${s.score}; ${escapeMarkdown(s.reasons.join(', '))})`];
      yield* [''];
    }
  }
  yield* ['## Figures by metric', ''];
  if (!dossier.metrics.length) yield* ['No figures with `metric=`.', ''];
  for (const m of dossier.metrics) {
    yield* [`### ${escapeMarkdown(m.metric)}${m.year === undefined ? '' : `, ${m.year}`}${m.disagreement ? ' — sources disagree' : ''}`, ''];
    yield* ['| Value | As written | Source | Date | Where |', '| --- | --- | --- | --- | --- |'];
    for (const v of m.values) {
      yield* [`| ${cell(v.normalised)}${v.disagrees ? ' ≠' : ''} | ${cell(v.asWritten)} | ${source(v.article)} | ${cell(v.article.date ?? '')} | ${cell(v.article.path)}:${v.line + 1} |`];
    }
    yield* [''];
  }
  if (dossier.findings.length) {
    yield* ['## Problems with track keys', ''];
    for (const f of dossier.findings) yield* [`- ${escapeMarkdown(f.path)}:${f.line + 1} ${escapeMarkdown(f.message)}`];
    yield* [''];
  }
}
