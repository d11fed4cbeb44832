/**
 * The brief as clean Markdown: header, counts, initiatives by area, a key figures table, actors.
 * Analyst text is escaped so that it reads literally (no accidental emphasis, links or HTML).
 */
import type { Brief, BriefFigure, BriefInitiative } from './build';
import type { BriefView } from './view';
import { describeFigureValue } from '../figures';
import { safeHttpUrl } from './links';
import { countOf, linePieces, message, outputLanguage, type NounKey, type OutputLanguage } from '../text';

/**
 * Escapes Markdown syntax so text renders as written: inline markers everywhere (`*`, `_`, `` ` ``,
 * brackets, `<`, `>`, `|`, `~`, `&`, `\\`), and a block marker (`#`, `-`, `+`, `1.`) at the start.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
  return inline.replace(/^(\s*)([#+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** The brief as Markdown, headings and labels in `language` (the notes file's when not given). */
export function renderBriefMarkdown(brief: Brief, language?: OutputLanguage): string {
  return [...renderBriefMarkdownChunks(brief, language)].join('');
}

/** `renderBriefMarkdown` in pieces that join to exactly its text (its lines joined by `\n`), made as they are reached. */
export function renderBriefMarkdownChunks(brief: BriefView, language?: OutputLanguage): Generator<string> {
  return linePieces(briefMarkdownLines(brief, language ?? outputLanguage(brief.header.language)));
}

/** The brief's Markdown line by line. */
function* briefMarkdownLines(brief: BriefView, lang: OutputLanguage): Generator<string> {
  const t = (key: Parameters<typeof message>[1]): string => message(lang, key);
  const h = brief.header;
  yield* [`# ${escapeMarkdown(h.title ?? t('brief.untitled'))}`, ''];
  const facts: string[] = [];
  if (h.summit) facts.push(`- **${t('brief.summit')}:** ${escapeMarkdown(h.summit)}`);
  if (h.date) facts.push(`- **${t('brief.date')}:** ${escapeMarkdown(h.date)}`);
  if (h.place) facts.push(`- **${t('brief.place')}:** ${escapeMarkdown(h.place)}`);
  if (h.speakers.length) facts.push(`- **${t('brief.speakers')}:** ${h.speakers.map(escapeMarkdown).join(', ')}`);
  if (h.source) {
    const name = escapeMarkdown(h.source.name ?? h.source.url ?? h.source.rawUrl ?? t('brief.sourceFallback'));
    const url = safeHttpUrl(h.source.url);
    // Angle-bracket destinations take any URL without parentheses trouble; `<`/`>` cannot occur in a parsed URL.
    let value = url ? `[${name}](<${url}>)` : name;
    if (h.source.published) value += `, ${escapeMarkdown(h.source.published)}`;
    facts.push(`- **${t('brief.source')}:** ${value}`);
  }
  if (facts.length) yield* [...facts, ''];
  const c = brief.counts;
  yield* [[count(c.initiatives, 'initiative', lang), count(c.figures, 'figure', lang), count(c.actors, 'actor', lang), count(c.references, 'reference', lang)].join(' · '), ''];

  yield* [`## ${t('brief.initiatives')}`, ''];
  if (!brief.areas.length) yield* [t('brief.noInitiatives'), ''];
  for (const area of brief.areas) {
    yield* [`### ${escapeMarkdown(area.id === undefined ? t('brief.noArea') : area.label)}`, ''];
    for (const i of area.initiatives) yield* initiativeLines(i, lang);
    yield '';
  }

  yield* [`## ${t('brief.keyFigures')}`, ''];
  if (!brief.figures.length) yield* [t('brief.noFigures'), ''];
  else {
    yield* [`| ${t('brief.metric')} | ${t('brief.valueAsWritten')} | ${t('brief.normalisedValue')} | ${t('brief.year')} | ${t('brief.where')} |`, '| --- | --- | --- | --- | --- |'];
    for (const f of brief.figures) {
      yield `| ${escapeMarkdown(f.metric ?? '—')} | ${escapeMarkdown(f.asWritten)} | ${escapeMarkdown(normalisedIn(f, lang) || '—')} | ${f.year ?? ''} | ${escapeMarkdown(f.section?.title ?? '—')} |`;
    }
    yield '';
  }

  yield* [`## ${t('brief.actors')}`, ''];
  if (!brief.actors.length) yield* [t('brief.noActors'), ''];
  else {
    for (const a of brief.actors) yield `- ${escapeMarkdown(a.name)}${a.mentions > 1 ? ` (${count(a.mentions, 'mention', lang)})` : ''}`;
    yield '';
  }
}

function initiativeLines(i: BriefInitiative, lang: OutputLanguage): string[] {
  const lines: string[] = [];
  const status = i.status ? ` \`${i.status.replace(/`/g, "'")}\`` : '';
  lines.push(`- **${escapeMarkdown(i.text)}**${status}`);
  const meta: string[] = [];
  if (i.proposer) meta.push(message(lang, 'brief.proposedBy', { value: escapeMarkdown(i.proposer) }));
  if (i.actors.length) meta.push(message(lang, 'brief.actorsOf', { value: i.actors.map(escapeMarkdown).join(', ') }));
  if (i.section) meta.push(message(lang, 'brief.inSection', { value: escapeMarkdown(i.section.title) }));
  if (meta.length) lines.push(`  ${meta.join(' · ')}`);
  for (const f of i.figures) {
    const normalised = normalisedIn(f, lang);
    lines.push(`  - ${escapeMarkdown(f.metric ?? message(lang, 'brief.figureFallback'))}: ${escapeMarkdown(f.asWritten)}${normalised ? ` (${escapeMarkdown(normalised)})` : ''}${f.year !== undefined ? `, ${f.year}` : ''}`);
  }
  if (i.note) lines.push(`  > ${escapeMarkdown(i.note)}`);
  return lines;
}

function count(n: number, noun: NounKey, lang: OutputLanguage): string {
  return countOf(lang, n, noun);
}

/** The normalised value in `lang` (the brief model keeps the English words). */
function normalisedIn(f: BriefFigure, lang: OutputLanguage): string {
  return lang === 'en' || !f.qualifier ? f.normalised : describeFigureValue(f.value, f.unit, f.qualifier, lang);
}
