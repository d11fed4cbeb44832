/** The dossier as Markdown: timelines and metric tables, analyst text escaped (the brief's `escapeMarkdown`). */
import { escapeMarkdown } from '../brief';
import type { Dossier, DossierArticle } from './build';

function source(a: DossierArticle): string {
  const name = escapeMarkdown(a.sourceName ?? a.sourceUrl ?? a.path);
  return a.sourceUrl ? `[${name}](<${a.sourceUrl}>)` : name;
}

function cell(text: string): string {
  return escapeMarkdown(text);
}

export function renderDossierMarkdown(dossier: Dossier): string {
  const c = dossier.counts;
  const out: string[] = ['# Dossier', ''];
  out.push(`${c.articles} article(s) · ${c.initiatives} tracked initiative(s) · ${c.mentions} mention(s) · ${c.metrics} metric(s) · ${c.disagreements} disagreement(s)`, '');
  const filter = Object.entries(dossier.filter).filter(([, v]) => v !== undefined && v !== '');
  if (filter.length) out.push(`Filtered by ${filter.map(([k, v]) => `${k}: ${escapeMarkdown(String(v))}`).join(', ')}`, '');
  out.push('## Initiatives', '');
  if (!dossier.initiatives.length) out.push('No tracked initiatives (add `track=KEY` to an initiative).', '');
  for (const i of dossier.initiatives) {
    out.push(`### ${escapeMarkdown(i.name)} (\`${i.key.replace(/`/g, '')}\`)`, '');
    if (i.statusPath.length) out.push(i.statusPath.map((s) => `**${escapeMarkdown(s.status)}** ${escapeMarkdown(s.date ?? 'undated')}`).join(' → '), '');
    out.push('| Date | Summit | Source | Status | Text | Where |', '| --- | --- | --- | --- | --- | --- |');
    for (const e of i.timeline) {
      const status = e.status ? (e.statusChanged ? `→ **${cell(e.status)}**` : cell(e.status)) : '';
      out.push(`| ${cell(e.article.date ?? '')} | ${cell(e.article.summit ?? '')} | ${source(e.article)} | ${status} | ${cell(e.text)} | ${cell(e.article.path)}:${e.line + 1} |`);
    }
    out.push('');
    if (i.suggested.length) {
      out.push('Maybe the same initiative (no `track=` yet):', '');
      for (const s of i.suggested) out.push(`- ${escapeMarkdown(s.text)} — ${escapeMarkdown(s.path)}:${s.line + 1} (score ${s.score}; ${escapeMarkdown(s.reasons.join(', '))})`);
      out.push('');
    }
  }
  out.push('## Figures by metric', '');
  if (!dossier.metrics.length) out.push('No figures with `metric=`.', '');
  for (const m of dossier.metrics) {
    out.push(`### ${escapeMarkdown(m.metric)}${m.year === undefined ? '' : `, ${m.year}`}${m.disagreement ? ' — sources disagree' : ''}`, '');
    out.push('| Value | As written | Source | Date | Where |', '| --- | --- | --- | --- | --- |');
    for (const v of m.values) {
      out.push(`| ${cell(v.normalised)}${v.disagrees ? ' ≠' : ''} | ${cell(v.asWritten)} | ${source(v.article)} | ${cell(v.article.date ?? '')} | ${cell(v.article.path)}:${v.line + 1} |`);
    }
    out.push('');
  }
  if (dossier.findings.length) {
    out.push('## Problems with track keys', '');
    for (const f of dossier.findings) out.push(`- ${escapeMarkdown(f.path)}:${f.line + 1} ${escapeMarkdown(f.message)}`);
    out.push('');
  }
  return out.join('\n');
}
