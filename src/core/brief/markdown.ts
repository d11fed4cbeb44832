/**
 * The brief as clean Markdown: header, counts, initiatives by area, a key figures table, actors.
 * Analyst text is escaped so that it reads literally (no accidental emphasis, links or HTML).
 */
import type { Brief, BriefInitiative } from './build';
import { safeHttpUrl } from './links';

/**
 * Escapes Markdown syntax so text renders as written: inline markers everywhere (`*`, `_`, `` ` ``,
 * brackets, `<`, `>`, `|`, `~`, `&`, `\\`), and a block marker (`#`, `-`, `+`, `1.`) at the start.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
  return inline.replace(/^(\s*)([#+-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

export function renderBriefMarkdown(brief: Brief): string {
  const out: string[] = [];
  const h = brief.header;
  out.push(`# ${escapeMarkdown(h.title ?? 'Untitled brief')}`, '');
  const facts: string[] = [];
  if (h.summit) facts.push(`- **Summit:** ${escapeMarkdown(h.summit)}`);
  if (h.date) facts.push(`- **Date:** ${escapeMarkdown(h.date)}`);
  if (h.place) facts.push(`- **Place:** ${escapeMarkdown(h.place)}`);
  if (h.speakers.length) facts.push(`- **Speakers:** ${h.speakers.map(escapeMarkdown).join(', ')}`);
  if (h.source) {
    const name = escapeMarkdown(h.source.name ?? h.source.url ?? h.source.rawUrl ?? 'source');
    const url = safeHttpUrl(h.source.url);
    // Angle-bracket destinations take any URL without parentheses trouble; `<`/`>` cannot occur in a parsed URL.
    let value = url ? `[${name}](<${url}>)` : name;
    if (h.source.published) value += `, ${escapeMarkdown(h.source.published)}`;
    facts.push(`- **Source:** ${value}`);
  }
  if (facts.length) out.push(...facts, '');
  const c = brief.counts;
  out.push([count(c.initiatives, 'initiative'), count(c.figures, 'figure'), count(c.actors, 'actor'), count(c.references, 'reference')].join(' · '), '');

  out.push('## Initiatives', '');
  if (!brief.areas.length) out.push('No initiatives annotated yet.', '');
  for (const area of brief.areas) {
    out.push(`### ${escapeMarkdown(area.label)}`, '');
    for (const i of area.initiatives) out.push(...initiativeLines(i));
    out.push('');
  }

  out.push('## Key figures', '');
  if (!brief.figures.length) out.push('No figures annotated yet.', '');
  else {
    out.push('| Metric | Value as written | Normalised value | Year | Where |', '| --- | --- | --- | --- | --- |');
    for (const f of brief.figures) {
      out.push(`| ${escapeMarkdown(f.metric ?? '—')} | ${escapeMarkdown(f.asWritten)} | ${escapeMarkdown(f.normalised || '—')} | ${f.year ?? ''} | ${escapeMarkdown(f.section?.title ?? '—')} |`);
    }
    out.push('');
  }

  out.push('## Actors', '');
  if (!brief.actors.length) out.push('No actors annotated yet.', '');
  else {
    for (const a of brief.actors) out.push(`- ${escapeMarkdown(a.name)}${a.mentions > 1 ? ` (${a.mentions} mentions)` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

function initiativeLines(i: BriefInitiative): string[] {
  const lines: string[] = [];
  const status = i.status ? ` \`${i.status.replace(/`/g, "'")}\`` : '';
  lines.push(`- **${escapeMarkdown(i.text)}**${status}`);
  const meta: string[] = [];
  if (i.proposer) meta.push(`proposed by ${escapeMarkdown(i.proposer)}`);
  if (i.actors.length) meta.push(`actors: ${i.actors.map(escapeMarkdown).join(', ')}`);
  if (i.section) meta.push(`in “${escapeMarkdown(i.section.title)}”`);
  if (meta.length) lines.push(`  ${meta.join(' · ')}`);
  for (const f of i.figures) {
    lines.push(`  - ${escapeMarkdown(f.metric ?? 'figure')}: ${escapeMarkdown(f.asWritten)}${f.normalised ? ` (${escapeMarkdown(f.normalised)})` : ''}${f.year !== undefined ? `, ${f.year}` : ''}`);
  }
  if (i.note) lines.push(`  > ${escapeMarkdown(i.note)}`);
  return lines;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
