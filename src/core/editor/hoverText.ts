/**
 * What a hover says about the thing under the cursor, as Markdown: an initiative, a figure, an
 * actor, a reference, a heading or a glossary term. Pure text building over the model, so the
 * editor adapter only converts ranges and adds command links.
 */
import { formatScientific, formatShort } from '../figures';
import { actorMentions, countInSection, figuresOfMetric, proposalsBy } from './lookups';
import type { Annotation, Figure, NotesModel, Range, Reference, Section } from '../model';
import { countOf, message, outputLanguage, type NounKey, type OutputLanguage } from '../text';

/** What the hover is about, so the adapter can add the right command links. */
export type HoverSubject =
  | { readonly kind: 'annotation'; readonly annotation: Annotation }
  | { readonly kind: 'section'; readonly section: Section }
  | { readonly kind: 'reference'; readonly reference: Reference }
  | { readonly kind: 'glossary'; readonly term: string };

export interface HoverText {
  readonly markdown: string;
  /** The span the hover belongs to (the editor highlights it). */
  readonly range: Range;
  readonly subject: HoverSubject;
}

/** At most this many "other figures of the same metric" are listed. */
const MAX_RELATED = 8;

/** Escapes Markdown syntax in text the analyst wrote, so a `*` or `[` in a note shows as itself. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  // A code span needs a fence longer than any backtick run inside it.
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest ? ' ' : ''}${text}${longest ? ' ' : ''}${fence}`;
}

function lineOf(range: Range): number {
  return range.startPosition.line + 1;
}

function plural(n: number, noun: NounKey, lang: OutputLanguage): string {
  return countOf(lang, n, noun);
}

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `more than 6.5 × 10¹¹ USD — $650 bn`, or undefined when the figure has no readable value. */
export function normalisedFigure(figure: Figure, lang: OutputLanguage = 'en'): string | undefined {
  if (figure.value === undefined) return undefined;
  const qualifier = figure.qualifier ? `${message(lang, `qualifier.${figure.qualifier}`)} ` : '';
  const short = formatShort(figure.value, figure.unit);
  // Small values read the same both ways (30%, 12 countries): one form is enough.
  if (Math.abs(figure.value) < 1e4) return `${qualifier}${short}`;
  return `${qualifier}${formatScientific(figure.value, figure.unit)} — ${short}`;
}

function sectionPath(section: Section | undefined): string {
  const titles: string[] = [];
  for (let s = section; s; s = s.parent) titles.unshift(s.title);
  return titles.join(' › ');
}

function areaLabel(model: NotesModel, area: string): string {
  const label = model.frontMatter?.areas.get(area);
  return label && label !== area ? `${escapeMarkdown(label)} (${code(area)})` : code(area);
}

function header(kind: string, annotation: Annotation): string {
  return `**${kind}**${annotation.id ? ` · ${code(`#${annotation.id}`)}` : ''}`;
}

function initiativeLines(model: NotesModel, a: Annotation, lang: OutputLanguage): string[] {
  const lines = [header(message(lang, 'hover.initiative'), a), '', `> ${escapeMarkdown(clip(a.plainText, 400))}`, ''];
  const facts: string[] = [];
  const area = a.attribute('area');
  const status = a.attribute('status');
  const by = a.attribute('by');
  facts.push(message(lang, 'hover.area', { value: area ? areaLabel(model, area) : '—' }));
  facts.push(message(lang, 'hover.status', { value: status ? `**${escapeMarkdown(status)}**` : '—' }));
  if (by) facts.push(message(lang, 'hover.proposedBy', { value: escapeMarkdown(by) }));
  if (a.section) facts.push(message(lang, 'hover.inSection', { value: escapeMarkdown(sectionPath(a.section)) }));
  if (a.id) facts.push(message(lang, 'hover.referenced', { count: plural(model.referencesTo(a.id).length, 'time', lang) }));
  lines.push(facts.join('  \n'));
  const figures = a.children.filter((c) => c.kind === 'figure');
  if (figures.length) {
    lines.push('', message(lang, 'hover.figures'));
    for (const f of figures.slice(0, MAX_RELATED)) {
      const value = f.figure ? normalisedFigure(f.figure, lang) : undefined;
      lines.push(`- ${escapeMarkdown(clip(f.plainText, 80))}${value ? ` — ${escapeMarkdown(value)}` : ''}`);
    }
    if (figures.length > MAX_RELATED) lines.push(`- ${message(lang, 'hover.andMore', { count: figures.length - MAX_RELATED })}`);
  }
  const actors = a.children.filter((c) => c.kind === 'actor');
  if (actors.length) lines.push('', message(lang, 'hover.actors', { value: actors.map((c) => escapeMarkdown(c.plainText)).join(', ') }));
  return lines;
}

function figureLines(model: NotesModel, a: Annotation, lang: OutputLanguage): string[] {
  const figure = a.figure;
  const lines = [header(message(lang, 'hover.figure'), a), ''];
  const value = figure ? normalisedFigure(figure, lang) : undefined;
  lines.push(`${code(clip(a.plainText, 120))} → ${value ? escapeMarkdown(value) : `*${message(lang, 'hover.noValue')}*`}`, '');
  const facts: string[] = [];
  if (figure?.metric) facts.push(message(lang, 'hover.metric', { value: escapeMarkdown(figure.metric) }));
  if (figure?.year !== undefined) facts.push(message(lang, 'hover.year', { value: figure.year }));
  if (figure?.qualifier) facts.push(message(lang, 'hover.qualifier', { value: message(lang, `qualifier.${figure.qualifier}`) }));
  if (figure?.source === 'attribute') facts.push(message(lang, 'hover.valueFromAttributes'));
  if (facts.length) lines.push(facts.join('  \n'));
  if (figure?.metric) {
    const others = figuresOfMetric(model, figure.metric).filter((f) => f.annotation !== a);
    if (others.length) {
      lines.push('', message(lang, 'hover.sameMetric', { count: others.length }));
      for (const f of others.slice(0, MAX_RELATED)) {
        const v = f.value !== undefined ? formatShort(f.value, f.unit) : clip(f.annotation.plainText, 40);
        lines.push(`- ${f.year ?? '—'}: ${escapeMarkdown(v)} (${message(lang, 'hover.line', { line: lineOf(f.annotation.range) })})`);
      }
      if (others.length > MAX_RELATED) lines.push(`- ${message(lang, 'hover.andMore', { count: others.length - MAX_RELATED })}`);
    }
  }
  return lines;
}

function actorLines(model: NotesModel, a: Annotation, lang: OutputLanguage): string[] {
  const mentions = actorMentions(model, a.plainText).length;
  const proposals = proposalsBy(model, a.plainText);
  const lines = [header(message(lang, 'hover.actor'), a), '', message(lang, 'hover.mentioned', { name: escapeMarkdown(clip(a.plainText)), count: plural(mentions, 'time', lang) })];
  if (proposals.length) {
    // English counts the noun (`Proposed 2 initiatives:`); Russian says the number in brackets.
    lines.push('', message(lang, 'hover.proposed', { count: lang === 'en' ? plural(proposals.length, 'initiative', lang) : proposals.length }));
    for (const p of proposals.slice(0, MAX_RELATED)) lines.push(`- ${escapeMarkdown(clip(p.plainText, 80))}`);
  }
  return lines;
}

function annotationLines(model: NotesModel, a: Annotation, lang: OutputLanguage): string[] {
  let lines: string[];
  if (a.kind === 'initiative') lines = initiativeLines(model, a, lang);
  else if (a.kind === 'figure') lines = figureLines(model, a, lang);
  else if (a.kind === 'actor') lines = actorLines(model, a, lang);
  else lines = [`**${message(lang, 'hover.span')}** ${a.classes.map((c) => code(`.${c}`)).join(' ')}`, '', escapeMarkdown(clip(a.plainText))];
  const note = a.attribute('note');
  if (note) lines.push('', `*${message(lang, 'hover.note')}* ${escapeMarkdown(note)}`);
  return lines;
}

/** What a section holds: `3 initiatives, 5 figures, 2 actors; 2 subsections`. */
export function sectionSummary(section: Section, lang: OutputLanguage = 'en'): string {
  const counts = countInSection(section);
  const parts = [plural(counts.initiative, 'initiative', lang), plural(counts.figure, 'figure', lang), plural(counts.actor, 'actor', lang)];
  const subsections = section.children.length ? `; ${plural(section.children.length, 'subsection', lang)}` : '';
  return `${parts.join(', ')}${subsections}`;
}

function sectionLines(section: Section, lang: OutputLanguage): string[] {
  const lines = [`**${message(lang, 'hover.section')}** ${escapeMarkdown(section.title)}${section.id ? ` · ${code(`#${section.id}`)}` : ''}`, '', sectionSummary(section, lang)];
  const statuses = new Map<string, number>();
  const visit = (s: Section): void => {
    for (const a of s.annotations) {
      const status = a.kind === 'initiative' ? a.attribute('status') : undefined;
      if (status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    s.children.forEach(visit);
  };
  visit(section);
  if (statuses.size) lines.push('', message(lang, 'hover.statuses', { value: [...statuses].map(([s, n]) => `${n} ${escapeMarkdown(s)}`).join(', ') }));
  return lines;
}

function referenceLines(model: NotesModel, reference: Reference, lang: OutputLanguage): string[] {
  const target = reference.target;
  const head = `**${message(lang, 'hover.referenceTo')}** ${message(lang, 'hover.referenceToWord')} ${code(`#${reference.targetId}`)}`;
  if (!target) return [head, '', `*${message(lang, 'hover.nothingHasId')}*`];
  if ('level' in target) return [head, '', ...sectionLines(target, lang)];
  return [head, '', ...annotationLines(model, target, lang)];
}

/** The glossary term at `offset` (whole words, case-insensitive), with its range and definition. */
export function glossaryTermAt(model: NotesModel, offset: number): { term: string; definition: string; start: number; end: number } | undefined {
  const glossary = model.frontMatter?.glossary;
  if (!glossary?.size) return undefined;
  const text = model.text;
  const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  for (const [term, definition] of glossary) {
    if (!term) continue;
    const from = Math.max(0, offset - term.length);
    const window = text.slice(from, offset + term.length).toLowerCase();
    const needle = term.toLowerCase();
    for (let i = window.indexOf(needle); i >= 0; i = window.indexOf(needle, i + 1)) {
      const start = from + i;
      const end = start + term.length;
      if (start <= offset && offset < end && !isWordChar(text[start - 1]) && !isWordChar(text[end])) {
        return { term, definition, start, end };
      }
    }
  }
  return undefined;
}

/**
 * The hover for `offset`, most specific first: a reference, then the innermost annotation, then a
 * heading, then a glossary term. Undefined when there is nothing to say. The words are in the
 * document's language (`language:` in the front matter) unless `lang` says otherwise.
 */
export function hoverAt(model: NotesModel, offset: number, lang: OutputLanguage = outputLanguage(model.language)): HoverText | undefined {
  const reference = model.referenceAt(offset);
  if (reference) return { markdown: referenceLines(model, reference, lang).join('\n'), range: reference.range, subject: { kind: 'reference', reference } };
  const glossary = glossaryTermAt(model, offset);
  const glossaryLine = glossary ? `*${escapeMarkdown(glossary.term)}:* ${escapeMarkdown(glossary.definition)}` : undefined;
  const annotation = model.annotationAt(offset);
  if (annotation) {
    const lines = annotationLines(model, annotation, lang);
    if (glossaryLine) lines.push('', '---', '', glossaryLine);
    return { markdown: lines.join('\n'), range: annotation.range, subject: { kind: 'annotation', annotation } };
  }
  const section = model.sectionAt(offset);
  if (section && offset >= section.headingRange.start && offset < section.headingRange.end) {
    return { markdown: sectionLines(section, lang).join('\n'), range: section.headingRange, subject: { kind: 'section', section } };
  }
  if (glossary) {
    return { markdown: `**${message(lang, 'hover.glossary')}**\n\n${glossaryLine}`, range: model.range(glossary.start, glossary.end), subject: { kind: 'glossary', term: glossary.term } };
  }
  return undefined;
}
