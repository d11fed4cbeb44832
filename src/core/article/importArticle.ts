/**
 * Turning an article (plain text and what is known about it) into the text of a new notes file:
 * a filled front-matter template and the article as Markdown paragraphs, with every character
 * that our format or Markdown would misread escaped, so the analyst's text stays text.
 */
import { detectLanguage } from '../detect';
import { findArticleDate } from './articleDates';

/**
 * The largest web page the HTML reader takes, in characters (about 10 MB of text; an article page
 * is rarely above 1 MB). Above it the DOM and the reader view would take too long and too much
 * memory: the CLI and the editor refuse it with `htmlTooLargeMessage`.
 */
export const MAX_HTML_CHARS = 10_000_000;

/** Why a page above `MAX_HTML_CHARS` is not imported, and what to do instead. */
export function htmlTooLargeMessage(chars: number): string {
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  return `the page is too large to import as HTML (${mb(chars)}; the limit is ${mb(MAX_HTML_CHARS)}): save the article's text as .txt or .md and import that`;
}

/** What the importer knows about an article. */
export interface ArticleInput {
  /** The article's text; paragraphs separated by line breaks (one or more). */
  readonly text: string;
  readonly title?: string;
  /** Name of the publication or site. */
  readonly sourceName?: string;
  readonly url?: string;
  /** Publication date, ISO `YYYY-MM-DD` or anything `findArticleDate` reads. */
  readonly published?: string;
  /** `ru`, `en` …; detected from the text when absent. */
  readonly language?: string;
  /** When the text is already Markdown (a `.md` file): keep its markup, only add front matter. */
  readonly markdown?: boolean;
}

/** The new notes file and what the importer decided. */
export interface ImportedNotes {
  readonly text: string;
  readonly title: string | undefined;
  readonly language: string;
  readonly date: string | undefined;
}

/**
 * Builds a notes file from an article. The title, when not given, is the first line if it reads
 * as a headline (short, no final full stop). The date is the publication date when given, else
 * the first date written in the first lines of the text. Never throws.
 */
export function importArticle(input: ArticleInput): ImportedNotes {
  const normalised = input.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  let lines = normalised.split('\n').map((l) => l.replace(/[ \t\u00a0]+$/u, ''));
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  let title = input.title?.trim() || undefined;
  if (!title && lines.length > 1 && isHeadline(lines[0]) && !input.markdown) {
    title = lines[0].trim();
    lines = lines.slice(1);
  } else if (title && lines.length > 0 && lines[0].trim() === title) {
    lines = lines.slice(1); // The extracted text often repeats the title.
  }
  const body = input.markdown ? stripFrontMatter(lines.join('\n')).trim() : paragraphs(lines);
  const language = input.language ?? detectLanguage(body);
  const published = input.published ? findArticleDate(input.published) ?? undefined : undefined;
  const date = published ?? findArticleDate(lines.slice(0, 12).join('\n')) ?? undefined;
  const front = [
    '---',
    'summit-notes: 1',
    `title: ${quote(title ?? '')}`,
    'summit: ""',
    date ? `date: ${date}` : 'date:',
    'place: ""',
    'speakers: []',
    `language: ${language}`,
    'source:',
    `  name: ${quote(input.sourceName ?? '')}`,
    `  url: ${quote(input.url ?? '')}`,
    published ? `  published: ${published}` : date ? `  published: ${date}` : '  published:',
    'tags: []',
    '---',
    '',
  ];
  return { text: `${front.join('\n')}\n${body}\n`, title, language, date };
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function quote(value: string): string {
  return JSON.stringify(value);
}

function isHeadline(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 160 && !/[.;,:]$/u.test(t);
}

function stripFrontMatter(text: string): string {
  const m = /^---\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/**
 * Plain-text lines → Markdown: every non-empty line is a paragraph (articles pasted from the web
 * put one paragraph per line); lines under a line ending in `:` that end in `;` (or are the last
 * of such a run) become a bullet list.
 */
function paragraphs(lines: readonly string[]): string {
  const blocks: string[] = [];
  let list: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') { list = undefined; continue; }
    const previous = i > 0 ? lines[i - 1].trim() : '';
    const listContext = list !== undefined || previous.endsWith(':');
    const bullet = /^[-•*–—]\s+/u.exec(line);
    if (bullet || (listContext && line.length < 400 && startsLower(line))) {
      const item = `- ${escapeMarkdown(bullet ? line.slice(bullet[0].length) : line)}`;
      if (list) list.push(item);
      else { list = [item]; blocks.push(''); }
      blocks[blocks.length - 1] = list.join('\n');
      continue;
    }
    list = undefined;
    blocks.push(escapeMarkdown(line));
  }
  return blocks.join('\n\n');
}

function startsLower(line: string): boolean {
  const first = line[0];
  return first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase();
}

/**
 * Escapes what the notes format or Markdown would read as markup in one line of prose: brackets,
 * braces, backticks, `<`, backslashes, and block markers at the line start (`#`, `>`, `- `, `+ `,
 * `1. `, `---`, indentation). Pandoc reads every backslash escape of ASCII punctuation as the
 * character itself, so the text shows unchanged.
 */
export function escapeMarkdown(line: string): string {
  let out = line.replace(/^[ \t]+/u, '').replace(/[\\[\]{}`<*_]/gu, (c) => `\\${c}`);
  out = out.replace(/^([#>+=|]|-(?=\s|-|$))/u, '\\$1');
  out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/u, '$1\\$2');
  return out;
}
