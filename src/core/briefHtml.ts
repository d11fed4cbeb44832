/**
 * The brief as HTML: a fragment for the preview (styled by media/preview.css) and a self-contained
 * document for export (inline styles, no script, a CSP that forbids everything else). Every string
 * from the notes file goes through `escapeHtml`; the annotated text comes from markdown-it with
 * `html: false` and our plugin.
 */
import MarkdownIt from 'markdown-it';
import type { Brief, BriefFigure, BriefInitiative } from './brief';
import { figureKey, summitNotesPlugin, SUMMIT_ENV_KEY, type SummitMarkdownContext } from './markdownIt';
import { describeFigureValue } from './briefFormat';
import type { NotesModel } from './types';
import { BRIEF_EXPORT_CSS } from './briefStyles';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most strings need nothing: test first, replace only when there is something to replace.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]) : text;
}
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/**
 * A markdown-it instance for notes text: raw HTML off (`html: false`), markdown-it's link
 * validation kept (no `javascript:`, `vbscript:`, `file:` or non-image `data:` links), our plugin on.
 */
export function createNotesMarkdown(options: { blockLines?: boolean } = {}): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  return md.use(summitNotesPlugin, { blockLines: options.blockLines ?? false });
}

/**
 * Renders the notes text (front matter blanked out, line numbers kept) as annotated HTML.
 * Line numbers stay true because the front matter is replaced by as many empty lines.
 */
export function renderAnnotatedText(model: NotesModel, md: MarkdownIt.MarkdownIt, extra: Pick<SummitMarkdownContext, 'resolveImage'> = {}): string {
  let text = model.text;
  if (model.frontMatterRange) {
    const { start, end } = model.frontMatterRange;
    const lines = text.slice(start, end).split('\n').length - 1;
    text = text.slice(0, start) + '\n'.repeat(lines) + text.slice(end);
  }
  // The model already read every figure: hand the values to the plugin instead of reading them again.
  const figureValues = new Map<string, string>();
  for (const f of model.figures) {
    const a = f.annotation;
    figureValues.set(figureKey(a.text, a.attribute('value'), a.attribute('unit')), describeFigureValue(f.value, f.unit, f.qualifier));
  }
  const context: SummitMarkdownContext = { areas: model.frontMatter?.areas, language: model.language, figureValues, ...extra };
  return md.render(text, { [SUMMIT_ENV_KEY]: context });
}

export interface BriefHtmlOptions {
  /** Put `data-line` on brief entries so the preview can reveal them in the editor. */
  readonly lines?: boolean;
}

/** The brief as an HTML fragment: header, counts, initiatives, key figures, actors, then `textHtml`. */
export function renderBriefFragment(brief: Brief, textHtml: string, options: BriefHtmlOptions = {}): string {
  const line = (n: number) => (options.lines ? ` data-line="${n}"` : '');
  const out: string[] = [];
  const h = brief.header;
  out.push('<header class="brief-header">');
  out.push(`<h1 class="brief-title">${escapeHtml(h.title ?? 'Untitled brief')}</h1>`);
  const facts: [string, string][] = [];
  if (h.summit) facts.push(['Summit', escapeHtml(h.summit)]);
  if (h.date) facts.push(['Date', escapeHtml(h.date)]);
  if (h.place) facts.push(['Place', escapeHtml(h.place)]);
  if (h.speakers.length) facts.push(['Speakers', h.speakers.map(escapeHtml).join(', ')]);
  if (h.source) {
    const name = escapeHtml(h.source.name ?? h.source.url ?? h.source.rawUrl ?? 'source');
    let value = h.source.url
      ? `<a href="${escapeHtml(h.source.url)}" rel="noreferrer noopener">${name}</a>`
      : `${name}${h.source.rawUrl && h.source.name ? ` (${escapeHtml(h.source.rawUrl)})` : ''}`;
    if (h.source.published) value += `, ${escapeHtml(h.source.published)}`;
    facts.push(['Source', value]);
  }
  if (facts.length) {
    out.push('<dl class="brief-facts">');
    for (const [k, v] of facts) out.push(`<dt>${k}</dt><dd>${v}</dd>`);
    out.push('</dl>');
  }
  const c = brief.counts;
  out.push('<p class="brief-counts">');
  out.push([
    count(c.initiatives, 'initiative'), count(c.figures, 'figure'), count(c.actors, 'actor'),
    count(c.references, 'reference'), count(c.sections, 'section'),
  ].join(' · '));
  if (c.errors || c.warnings) out.push(` · <span class="brief-problems">${count(c.errors, 'error')}, ${count(c.warnings, 'warning')}</span>`);
  out.push('</p></header>');

  out.push('<section class="brief-initiatives"><h2>Initiatives</h2>');
  if (!brief.areas.length) out.push('<p class="brief-empty">No initiatives annotated yet.</p>');
  for (const area of brief.areas) {
    out.push(`<h3 class="brief-area"${area.id ? ` data-area="${escapeHtml(area.id)}"` : ''}>${escapeHtml(area.label)}</h3><ul class="brief-list">`);
    for (const i of area.initiatives) out.push(initiativeItem(i, line));
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section class="brief-figures"><h2>Key figures</h2>');
  if (!brief.figures.length) out.push('<p class="brief-empty">No figures annotated yet.</p>');
  else {
    out.push('<table><thead><tr><th>Metric</th><th>Value as written</th><th>Normalised value</th><th>Year</th><th>Where</th></tr></thead><tbody>');
    for (const f of brief.figures) out.push(figureRow(f, line));
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push('<section class="brief-actors"><h2>Actors</h2>');
  if (!brief.actors.length) out.push('<p class="brief-empty">No actors annotated yet.</p>');
  else {
    out.push('<ul class="brief-actor-list">');
    for (const a of brief.actors) {
      const title = a.notes.length ? ` title="${escapeHtml(a.notes.join(' · '))}"` : '';
      out.push(`<li class="brief-actor"${line(a.line)}${title}>${escapeHtml(a.name)}${a.mentions > 1 ? ` <span class="brief-muted">×${a.mentions}</span>` : ''}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</section>');

  out.push(`<section class="brief-text"><h2>Annotated text</h2><div class="brief-markdown">${textHtml}</div></section>`);
  return out.join('');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function initiativeItem(i: BriefInitiative, line: (n: number) => string): string {
  const parts: string[] = [];
  parts.push(`<li class="brief-initiative"${line(i.line)}${i.id ? ` data-id="${escapeHtml(i.id)}"` : ''}>`);
  parts.push(`<span class="brief-initiative-text">${escapeHtml(i.text)}</span>`);
  if (i.status) parts.push(` <span class="brief-badge" data-status="${escapeHtml(i.status)}">${escapeHtml(i.status)}</span>`);
  const meta: string[] = [];
  if (i.proposer) meta.push(`proposed by ${escapeHtml(i.proposer)}`);
  if (i.actors.length) meta.push(`actors: ${i.actors.map(escapeHtml).join(', ')}`);
  if (i.section) meta.push(`in “${escapeHtml(i.section.title)}”`);
  if (i.id) meta.push(`<code>#${escapeHtml(i.id)}</code>`);
  if (meta.length) parts.push(`<div class="brief-meta">${meta.join(' · ')}</div>`);
  if (i.figures.length) {
    parts.push('<ul class="brief-initiative-figures">');
    for (const f of i.figures) {
      parts.push(`<li class="brief-figure-ref"${line(f.line)}>${escapeHtml(f.metric ?? 'figure')}: <strong>${escapeHtml(f.asWritten)}</strong>${f.normalised ? ` <span class="brief-muted">(${escapeHtml(f.normalised)})</span>` : ''}${f.year !== undefined ? ` <span class="brief-muted">${f.year}</span>` : ''}</li>`);
    }
    parts.push('</ul>');
  }
  if (i.note) parts.push(`<div class="brief-note">${escapeHtml(i.note)}</div>`);
  parts.push('</li>');
  return parts.join('');
}

function figureRow(f: BriefFigure, line: (n: number) => string): string {
  const where = f.section ? escapeHtml(f.section.title) : '—';
  const title = f.note ? ` title="${escapeHtml(f.note)}"` : '';
  // data-label lets a narrow preview show each row as a small card with its column names.
  return `<tr class="brief-figure"${line(f.line)}${title}><td data-label="Metric">${escapeHtml(f.metric ?? '—')}</td><td data-label="As written">${escapeHtml(f.asWritten)}</td>`
    + `<td data-label="Normalised">${f.normalised ? escapeHtml(f.normalised) : '<span class="brief-muted">—</span>'}</td><td data-label="Year">${f.year ?? ''}</td><td data-label="Where">${where}</td></tr>`;
}

/**
 * The brief as a self-contained HTML document for export: inline styles, no script, a CSP that
 * forbids scripts and remote content, print-friendly.
 */
export function renderBriefDocument(brief: Brief, model: NotesModel): string {
  const text = renderAnnotatedText(model, createNotesMarkdown());
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(brief.header.language) ? brief.header.language : 'en';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(brief.header.title ?? 'Brief')}</title>`,
    `<style>${BRIEF_EXPORT_CSS}</style>`,
    '</head>',
    '<body class="brief">',
    renderBriefFragment(brief, text),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export type { SummitMarkdownContext };
