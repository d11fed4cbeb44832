/**
 * An article's text and facts from a saved web page, with Mozilla's Readability (the reader view
 * of Firefox) over linkedom's DOM: no hand-written tag stripping. Used by the CLI's `import` and
 * the editor's "New Notes from Article…"; outside `src/core` because it brings a DOM library.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleInput } from '../core/article';

/** The minimal DOM surface the walk needs (linkedom's nodes have it; keeps DOM lib types out). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly parentNode: DomNode | null;
}

interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}

interface DomDocument {
  readonly title: string;
  readonly body: DomNode | null;
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
}

/** linkedom's `parseHTML` typed against the small surface used here (the project has no DOM lib types). */
function parse(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'UL', 'OL', 'TABLE', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD', 'BR', 'HR']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM']);

/**
 * Extracts the article of an HTML page: its title, site name, publication date, language and
 * its text as one paragraph per line (list items start with `- `). Falls back to the page's
 * whole body text when Readability finds no article. `url` (the page's address) only feeds
 * the result's `url`.
 */
export function articleFromHtml(html: string, url?: string): ArticleInput {
  try {
    return extract(html, url);
  } catch {
    // A page linkedom cannot make sense of still imports, as empty text the analyst can paste into.
    return { text: '', url };
  }
}

function extract(html: string, url: string | undefined): ArticleInput {
  // A fragment (no <html>) gets a document around it, or linkedom leaves documentElement empty.
  const document = parse(/<html[\s>]/iu.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const meta = (name: string): string | undefined => {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    return content ? content : undefined;
  };
  const published = meta('article:published_time') ?? meta('datePublished') ?? meta('date') ?? meta('pubdate')
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const pageLanguage = document.documentElement?.getAttribute('lang') ?? undefined;
  const canonical = url ?? meta('og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  let parsed: ReturnType<Readability<DomNode>['parse']>;
  try {
    // Readability changes the document it reads; it is ours, built just above. Its article comes
    // back as the element itself (not serialised to HTML and parsed again, which cost more than
    // the first parse on large pages).
    parsed = new Readability<DomNode>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch {
    parsed = null;
  }
  const text = blockText(parsed?.content ?? document.body);
  const language = (parsed?.lang ?? pageLanguage)?.slice(0, 2).toLowerCase();
  return {
    text,
    title: parsed?.title?.trim() || document.title?.trim() || undefined,
    sourceName: parsed?.siteName?.trim() || meta('og:site_name') || undefined,
    url: canonical,
    published: parsed?.publishedTime ?? published,
    language: language === 'ru' || language === 'en' ? language : undefined,
  };
}

/** The text of a DOM subtree, one line per block element, whitespace collapsed. */
function blockText(root: DomNode | null | undefined): string {
  if (!root) return '';
  const lines: string[] = [];
  let buffer = '';
  const flush = (prefix = ''): void => {
    const line = buffer.replace(/\s+/gu, ' ').trim();
    if (line) lines.push(prefix + line);
    buffer = '';
  };
  // A walk by firstChild / nextSibling / parentNode: no recursion (deep pages must not overflow the
  // call stack) and no childNodes (the DOM library builds that list on each call: asked for each
  // child, it made import quadratic in the number of sibling nodes).
  let node: DomNode | null = root;
  while (node) {
    const name = node.nodeName.toUpperCase();
    let enter = false;
    if (node.nodeType === 3) buffer += node.textContent ?? '';
    else if (node.nodeType === 1 && !SKIPPED.has(name)) {
      if (BLOCKS.has(name)) flush();
      enter = true;
    }
    if (enter && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave this node, and each parent whose last child it was, then go on to the next sibling.
    let leaving: DomNode | null = node;
    node = null;
    while (leaving) {
      const leftName = leaving.nodeName.toUpperCase();
      if (leaving.nodeType === 1 && BLOCKS.has(leftName)) flush(leftName === 'LI' ? '- ' : '');
      if (leaving === root) break;
      if (leaving.nextSibling) {
        node = leaving.nextSibling;
        break;
      }
      leaving = leaving.parentNode;
    }
  }
  flush();
  return lines.join('\n');
}
