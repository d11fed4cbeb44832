/** The dossier as Markdown: timelines and metric tables, analyst text escaped (the brief's `escapeMarkdown`). */
import { trackFindingMessage } from './links';
import { escapeMarkdown } from '../brief';
import type { Dossier, DossierArticle } from './build';
import { countsLine, dossierLanguage, filterEntries, reasonsText, valueWords } from './exportText';
import { dossierExportWords, dossierLabels } from './viewLabels';
import { linePieces, type OutputLanguage } from '../text';

function source(a: DossierArticle): string {
  const name = escapeMarkdown(a.sourceName ?? a.sourceUrl ?? a.path);
  return a.sourceUrl ? `[${name}](<${a.sourceUrl}>)` : name;
}

function cell(text: string): string {
  return escapeMarkdown(text);
}

/** The dossier as Markdown, its words in `language` (by default the one most of its articles are written in). */
export function renderDossierMarkdown(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): string {
  return [...renderDossierMarkdownChunks(dossier, language)].join('');
}

/** {@link renderDossierMarkdown} in pieces: a workspace's dossier can be larger than a string may be. */
export function renderDossierMarkdownChunks(dossier: Dossier, language: OutputLanguage = dossierLanguage(dossier)): Generator<string> {
  return linePieces(dossierMarkdownLines(dossier, language));
}

function* dossierMarkdownLines(dossier: Dossier, language: OutputLanguage): Generator<string> {
  const l = dossierLabels(language);
  const w = dossierExportWords(language);
  yield* [`# ${l.title}`, ''];
  yield* [countsLine(dossier.counts, language), ''];
  const filter = filterEntries(dossier.filter, language);
  if (filter.length) yield* [`${w.filteredBy} ${filter.map(([k, v]) => `${k}: ${escapeMarkdown(v)}`).join(', ')}`, ''];
  yield* [`## ${l.initiativesHeading}`, ''];
  if (!dossier.initiatives.length) yield* [`${w.noInitiativesBefore}\`track=KEY\`${w.noInitiativesAfter}`, ''];
  for (const i of dossier.initiatives) {
    yield* [`### ${escapeMarkdown(i.name)} (\`${i.key.replace(/`/g, '')}\`)`, ''];
    if (i.statusPath.length) yield* [i.statusPath.map((s) => `**${escapeMarkdown(s.status)}** ${escapeMarkdown(s.date ?? l.undated)}`).join(' → '), ''];
    yield* [`| ${l.date} | ${l.summit} | ${l.source} | ${l.status} | ${l.text} | ${l.where} |`, '| --- | --- | --- | --- | --- | --- |'];
    for (const e of i.timeline) {
      const status = e.status ? (e.statusChanged ? `→ **${cell(e.status)}**` : cell(e.status)) : '';
      yield* [`| ${cell(e.article.date ?? '')} | ${cell(e.article.summit ?? '')} | ${source(e.article)} | ${status} | ${cell(e.text)} | ${cell(e.article.path)}:${e.line + 1} |`];
    }
    yield* [''];
    if (i.suggested.length) {
      yield* [`${w.maybeSameBefore}\`track=\`${w.maybeSameAfter}`, ''];
      for (const s of i.suggested) yield* [`- ${escapeMarkdown(s.text)} — ${escapeMarkdown(s.path)}:${s.line + 1} (${w.score} ${s.score}; ${escapeMarkdown(reasonsText(s.reasons, language))})`];
      yield* [''];
    }
  }
  yield* [`## ${l.figuresHeading}`, ''];
  if (!dossier.metrics.length) yield* [`${l.noMetrics} \`metric=\`.`, ''];
  for (const m of dossier.metrics) {
    yield* [`### ${escapeMarkdown(m.metric)}${m.year === undefined ? '' : `, ${m.year}`}${m.disagreement ? ` — ${l.sourcesDisagree}` : ''}`, ''];
    yield* [`| ${l.value} | ${l.asWritten} | ${l.source} | ${l.date} | ${l.where} |`, '| --- | --- | --- | --- | --- |'];
    for (const v of m.values) {
      yield* [`| ${cell(valueWords(v, language))}${v.disagrees ? ' ≠' : ''} | ${cell(v.asWritten)} | ${source(v.article)} | ${cell(v.article.date ?? '')} | ${cell(v.article.path)}:${v.line + 1} |`];
    }
    yield* [''];
  }
  if (dossier.findings.length) {
    yield* [`## ${l.problemsHeading}`, ''];
    for (const f of dossier.findings) yield* [`- ${escapeMarkdown(f.path)}:${f.line + 1} ${escapeMarkdown(trackFindingMessage(f, language))}`];
    yield* [''];
  }
}
