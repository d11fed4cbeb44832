/**
 * The brief's own sections as HTML (header, initiatives by area, key figures, actors), item by
 * item: the pieces `renderBriefParts` gathers into chunk lists for the preview, and that
 * {@link briefSectionPieces} hands on one at a time for the exported document. Also the one HTML
 * escape every part of the brief uses.
 */
import type { BriefFigure, BriefInitiative } from './build';
import type { BriefChunks, BriefGroups } from './chunks';
import type { BriefView } from './view';
import { describeFigureValue } from '../figures';
import { countOf, message, OUTPUT_PIECE, type NounKey, type OutputLanguage } from '../text';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most strings need nothing: test first, replace only when there is something to replace.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]) : text;
}
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/**
 * `html` flattened: reading it once from end to end makes V8 copy a string built by `+=` (a tree of pieces)
 * into one piece now, while those pieces are still young: kept alive as a tree until the preview
 * posts it, it is thousands of small objects for every garbage collection on the way to copy.
 */
export function flatten(html: string): string {
  html.indexOf('\u0000');
  return html;
}

/** Hands out `data-entry` indexes and records their lines. */
export class Entries {
  readonly lines: number[] = [];
  constructor(readonly on: boolean) {}

  /** ` data-entry="k"` for an entry on `line`, or nothing when entries are off. */
  attr(line: number): string {
    if (!this.on) return '';
    this.lines.push(line);
    return ` data-entry="${this.lines.length - 1}"`;
  }
}

export function headerHtml(brief: BriefView, lang: OutputLanguage): string {
  const out: string[] = [];
  const h = brief.header;
  out.push('<header class="brief-header">');
  out.push(`<h1 class="brief-title">${escapeHtml(h.title ?? message(lang, 'brief.untitled'))}</h1>`);
  const facts: [string, string][] = [];
  if (h.summit) facts.push([message(lang, 'brief.summit'), escapeHtml(h.summit)]);
  if (h.date) facts.push([message(lang, 'brief.date'), escapeHtml(h.date)]);
  if (h.place) facts.push([message(lang, 'brief.place'), escapeHtml(h.place)]);
  if (h.speakers.length) facts.push([message(lang, 'brief.speakers'), h.speakers.map(escapeHtml).join(', ')]);
  if (h.source) {
    const name = escapeHtml(h.source.name ?? h.source.url ?? h.source.rawUrl ?? message(lang, 'brief.sourceFallback'));
    let value = h.source.url
      ? `<a href="${escapeHtml(h.source.url)}" rel="noreferrer noopener">${name}</a>`
      : `${name}${h.source.rawUrl && h.source.name ? ` (${escapeHtml(h.source.rawUrl)})` : ''}`;
    if (h.source.published) value += `, ${escapeHtml(h.source.published)}`;
    facts.push([message(lang, 'brief.source'), value]);
  }
  if (facts.length) {
    out.push('<dl class="brief-facts">');
    for (const [k, v] of facts) out.push(`<dt>${k}</dt><dd>${v}</dd>`);
    out.push('</dl>');
  }
  const c = brief.counts;
  out.push('<p class="brief-counts">');
  out.push([
    count(c.initiatives, 'initiative', lang), count(c.figures, 'figure', lang), count(c.actors, 'actor', lang),
    count(c.references, 'reference', lang), count(c.sections, 'section', lang),
  ].join(' · '));
  if (c.errors || c.warnings) out.push(` · <span class="brief-problems">${count(c.errors, 'error', lang)}, ${count(c.warnings, 'warning', lang)}</span>`);
  out.push('</p></header>');
  return out.join('');
}

/**
 * A dash for an empty cell. Markup from here is written with entities (`&mdash;`, `&ldquo;`), not
 * the characters: a string of Latin-1 characters only takes one byte per character in V8, and an
 * English brief then stays one-byte throughout.
 */
const NONE = '&mdash;';

// The sections are built by `+=` (as markdown-it's renderer builds its output): V8 keeps the
// pieces as a rope and copies them once, when the string is first read whole.

/** The initiatives section; with `items` false, its frame only (every group's chunks empty). */
export function initiativesHtml(brief: BriefView, entries: Entries, lang: OutputLanguage, items = true): BriefGroups {
  const marker = entries.on ? ' data-chunks' : '';
  const open = `<section class="brief-initiatives"><h2>${message(lang, 'brief.initiatives')}</h2>`;
  if (!brief.areas.length) return { open: `${open}<p class="brief-empty">${message(lang, 'brief.noInitiatives')}</p>`, groups: [], close: '</section>' };
  const groups: BriefChunks[] = [];
  for (const area of brief.areas) {
    const chunks: string[] = [];
    if (items) for (const i of area.initiatives) chunks.push(flatten(initiativeItem(i, entries, lang)));
    const label = area.id === undefined ? message(lang, 'brief.noArea') : area.label;
    groups.push({ open: `<div class="brief-area-group"><h3 class="brief-area">${escapeHtml(label)}</h3><ul class="brief-list"${marker}>`, chunks, close: '</ul></div>' });
  }
  return { open: `${open}<div class="brief-areas"${marker}>`, groups, close: '</div></section>' };
}

/** The key figures section; with `items` false, its frame only (no chunks). */
export function figuresHtml(brief: BriefView, entries: Entries, lang: OutputLanguage, items = true): BriefChunks {
  const title = `<section class="brief-figures"><h2>${message(lang, 'brief.keyFigures')}</h2>`;
  if (!brief.figures.length) return { open: `${title}<p class="brief-empty">${message(lang, 'brief.noFigures')}</p>`, chunks: [], close: '</section>' };
  const chunks: string[] = [];
  if (items) for (const f of brief.figures) chunks.push(flatten(figureRow(f, entries, lang)));
  const th = (key: 'brief.metric' | 'brief.valueAsWritten' | 'brief.normalisedValue' | 'brief.year' | 'brief.where'): string => `<th>${message(lang, key)}</th>`;
  return {
    open: `${title}<table><thead><tr>${th('brief.metric')}${th('brief.valueAsWritten')}${th('brief.normalisedValue')}${th('brief.year')}${th('brief.where')}</tr></thead><tbody${entries.on ? ' data-chunks' : ''}>`,
    chunks,
    close: '</tbody></table></section>',
  };
}

export function actorsHtml(brief: BriefView, entries: Entries, lang: OutputLanguage): string {
  let out = `<section class="brief-actors"><h2>${message(lang, 'brief.actors')}</h2>`;
  if (!brief.actors.length) out += `<p class="brief-empty">${message(lang, 'brief.noActors')}</p>`;
  else {
    out += '<ul class="brief-actor-list">';
    for (const a of brief.actors) {
      const title = a.notes.length ? ` title="${escapeHtml(a.notes.join(' · '))}"` : '';
      out += `<li${entries.attr(a.line)}${title}>${escapeHtml(a.name)}${a.mentions > 1 ? ` <span class="brief-muted">×${a.mentions}</span>` : ''}</li>`;
    }
    out += '</ul>';
  }
  return `${out}</section>`;
}

function count(n: number, noun: NounKey, lang: OutputLanguage): string {
  return countOf(lang, n, noun);
}

const QUOTE_ENTITIES: Readonly<Record<string, string>> = { '“': '&ldquo;', '”': '&rdquo;', '«': '&laquo;', '»': '&raquo;' };

/** The words around an initiative's facts, split once per language: an item is built by `+` only. */
interface ItemWords {
  readonly proposedBy: readonly [string, string];
  readonly actorsOf: readonly [string, string];
  /** `in &ldquo;` … `&rdquo;`: the catalogue's quotes as entities (see NONE). */
  readonly inSection: readonly [string, string];
  readonly figure: string;
}
const ITEM_WORDS = new Map<OutputLanguage, ItemWords>();

function around(lang: OutputLanguage, key: 'brief.proposedBy' | 'brief.actorsOf' | 'brief.inSection'): readonly [string, string] {
  const text = message(lang, key, { value: '\u0000' }).replace(/[“”«»]/g, (q) => QUOTE_ENTITIES[q]);
  const at = text.indexOf('\u0000');
  return [text.slice(0, at), text.slice(at + 1)];
}

function itemWords(lang: OutputLanguage): ItemWords {
  let words = ITEM_WORDS.get(lang);
  if (!words) {
    words = { proposedBy: around(lang, 'brief.proposedBy'), actorsOf: around(lang, 'brief.actorsOf'), inSection: around(lang, 'brief.inSection'), figure: message(lang, 'brief.figureFallback') };
    ITEM_WORDS.set(lang, words);
  }
  return words;
}

/** The normalised value in `lang` (the brief model keeps the English words). */
function normalisedIn(f: BriefFigure, lang: OutputLanguage): string {
  return lang === 'en' || !f.qualifier ? f.normalised : describeFigureValue(f.value, f.unit, f.qualifier, lang);
}

function initiativeItem(i: BriefInitiative, entries: Entries, lang: OutputLanguage): string {
  let out = `<li class="brief-initiative"${entries.attr(i.line)}${i.id ? ` data-id="${escapeHtml(i.id)}"` : ''}><span class="brief-initiative-text">${escapeHtml(i.text)}</span>`;
  if (i.status) {
    const status = escapeHtml(i.status);
    out += ` <span class="brief-badge" data-status="${status}">${status}</span>`;
  }
  let meta = '';
  const words = itemWords(lang);
  if (i.proposer) meta = words.proposedBy[0] + escapeHtml(i.proposer) + words.proposedBy[1];
  if (i.actors.length) meta += `${meta ? ' · ' : ''}${words.actorsOf[0]}${i.actors.map(escapeHtml).join(', ')}${words.actorsOf[1]}`;
  if (i.section) meta += `${meta ? ' · ' : ''}${words.inSection[0]}${escapeHtml(i.section.title)}${words.inSection[1]}`;
  if (i.id) meta += `${meta ? ' · ' : ''}<code>#${escapeHtml(i.id)}</code>`;
  if (meta) out += `<div class="brief-meta">${meta}</div>`;
  if (i.figures.length) {
    out += '<ul class="brief-initiative-figures">';
    for (const f of i.figures) {
      const normalised = normalisedIn(f, lang);
      const muted = normalised ? (f.year !== undefined ? `(${escapeHtml(normalised)}) ${f.year}` : `(${escapeHtml(normalised)})`) : f.year !== undefined ? String(f.year) : '';
      out += `<li${entries.attr(f.line)}>${escapeHtml(f.metric ?? words.figure)}: <strong>${escapeHtml(f.asWritten)}</strong>${muted ? ` <span class="brief-muted">${muted}</span>` : ''}</li>`;
    }
    out += '</ul>';
  }
  if (i.note) out += `<div class="brief-note">${escapeHtml(i.note)}</div>`;
  return `${out}</li>`;
}

function figureRow(f: BriefFigure, entries: Entries, lang: OutputLanguage): string {
  const normalised = normalisedIn(f, lang);
  const where = f.section ? escapeHtml(f.section.title) : NONE;
  const title = f.note ? ` title="${escapeHtml(f.note)}"` : '';
  // A narrow preview shows each row as a small card; its stylesheet names the columns by position.
  return `<tr${entries.attr(f.line)}${title}><td>${f.metric ? escapeHtml(f.metric) : NONE}</td><td>${escapeHtml(f.asWritten)}</td>`
    + `<td>${normalised ? escapeHtml(normalised) : `<span class="brief-muted">${NONE}</span>`}</td><td>${f.year ?? ''}</td><td>${where}</td></tr>`;
}


/** Pieces are handed on at about this many characters (see OUTPUT_PIECE). */
const PIECE = OUTPUT_PIECE;

/**
 * `header + initiatives + figures + actors` of `renderBriefParts(brief, { language })` joined,
 * in pieces: each initiative and figure row is made, written and let go (with a {@link BriefView}
 * whose lists are made as walked, no list of them is ever held).
 */
export function* briefSectionPieces(brief: BriefView, lang: OutputLanguage): Generator<string> {
  const entries = new Entries(false);
  let buffer = headerHtml(brief, lang);
  const put = function* (text: string): Generator<string> {
    buffer += text;
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = '';
    }
  };
  // The sections' frames as the whole render makes them; their items one by one in between.
  const initiatives = initiativesHtml(brief, entries, lang, false);
  yield* put(initiatives.open);
  for (let g = 0; g < initiatives.groups.length; g++) {
    yield* put(initiatives.groups[g].open);
    for (const i of brief.areas[g].initiatives) yield* put(flatten(initiativeItem(i, entries, lang)));
    yield* put(initiatives.groups[g].close);
  }
  yield* put(initiatives.close);
  const figures = figuresHtml(brief, entries, lang, false);
  yield* put(figures.open);
  for (const f of brief.figures) yield* put(flatten(figureRow(f, entries, lang)));
  yield* put(figures.close);
  yield buffer + actorsHtml(brief, entries, lang);
}
