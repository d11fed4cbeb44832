/**
 * Webview side of the brief preview. Receives rendered HTML (already escaped by the core renderers;
 * the CSP forbids any script but this bundle): the whole brief once, then patches that replace only
 * the sections and chunks (initiative areas, key-figure rows, text blocks) that changed. Keeps the
 * scroll position across updates, syncs scrolling with the editor by source line, and reports
 * clicks and scrolls back as typed messages.
 *
 * Source lines: text blocks carry `data-line` counted from their own first line, and the block's
 * line lives in `textLines`; brief entries carry `data-entry`, an index into `entryLines`. A line
 * added above changes those two lists, not the HTML.
 */
import type {
  BriefContent, BriefInspection, BriefPatch, BriefPreviewState, ChunkedChange, ChunkSplice, FromBriefWebview, GroupedChange, ToBriefWebview,
} from '../shared/previewMessages';
import { joinChunks, joinGroups } from '../shared/previewMessages';
import { firstBelowTop, lineAtTop, topOfLine, type LineElement } from './scrollMath';

interface VsCodeApi {
  postMessage(message: FromBriefWebview): void;
  getState(): BriefPreviewState | undefined;
  setState(state: BriefPreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('brief-root') as HTMLElement;
const initial = readInitialState();
let state: BriefPreviewState = vscode.getState() ?? initial;
let shownVersion = -1;
let shownUri = state.uri;
/** Set while we scroll on the editor's behalf, so the resulting scroll event is not echoed back. */
let scrollingForEditor = false;

/** The page's sections, in order; undefined until a brief is shown (or after a notice). */
interface Parts {
  header: Element;
  initiatives: Element;
  figures: Element;
  actors: Element;
  text: Element;
}
type PartName = keyof Parts;
const PART_NAMES: readonly PartName[] = ['header', 'initiatives', 'figures', 'actors', 'text'];
let parts: Parts | undefined;
/** The source line of each `data-entry` index. */
let entryLines: readonly number[] = [];
/** The first source line of each text block, in order, as last sent. */
let textLines: readonly number[] = [];
/** The same, by block element (the children of the text's chunk container). */
const blockLine = new WeakMap<Element, number>();

function readInitialState(): BriefPreviewState {
  // State travels in an escaped data attribute, never in an inline script.
  const raw = document.body.dataset.state;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<BriefPreviewState>) : {};
    return { uri: String(parsed.uri ?? ''), follows: Boolean(parsed.follows), line: typeof parsed.line === 'number' ? parsed.line : undefined };
  } catch {
    return { uri: '', follows: false, line: undefined };
  }
}

/** A patch that does not fit the page: the extension sends the whole brief instead. */
class OutOfStep extends Error {}

/** The elements `html` parses to (a template parses table rows and list items as they are). */
function parse(html: string): Element[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return Array.from(template.content.children);
}

function chunkContainer(part: Element): Element | null {
  return part.matches('[data-chunks]') ? part : part.querySelector('[data-chunks]');
}

function textContainer(): Element | null {
  return parts ? chunkContainer(parts.text) : null;
}

function showWhole(content: BriefContent): void {
  root.innerHTML = content.header + joinGroups(content.initiatives) + joinChunks(content.figures) + content.actors + joinChunks(content.text);
  const children = root.children;
  parts = children.length === PART_NAMES.length
    ? { header: children[0], initiatives: children[1], figures: children[2], actors: children[3], text: children[4] }
    : undefined;
  entryLines = content.entryLines;
  textLines = content.textLines;
  setTextLines(textLines);
}

/** Gives each text block its line; false when blocks and lines do not pair up (then each gets what it can). */
function setTextLines(lines: readonly number[]): boolean {
  const container = textContainer();
  if (!container) return lines.length === 0;
  const blocks = container.children;
  for (let i = 0; i < blocks.length && i < lines.length; i++) blockLine.set(blocks[i], lines[i]);
  return blocks.length === lines.length;
}

function replacePart(name: PartName, html: string): void {
  if (!parts) throw new OutOfStep('no brief shown');
  const [element, ...extra] = parse(html);
  if (!element || extra.length) throw new OutOfStep(`${name} is not one element`);
  parts[name].replaceWith(element);
  parts[name] = element;
}

function spliceChunks(name: string, container: Element | null, splice: ChunkSplice): void {
  if (!container) throw new OutOfStep(`${name} has no chunks`);
  const children = container.children;
  if (splice.start + splice.deleteCount > children.length) throw new OutOfStep(`${name} has ${children.length} chunks`);
  const template = document.createElement('template');
  template.innerHTML = splice.insert.join('');
  const fresh = template.content;
  if (fresh.children.length !== splice.insert.length) throw new OutOfStep(`${name}: ${splice.insert.length} chunks made ${fresh.children.length} elements`);
  const before = children[splice.start + splice.deleteCount] ?? null;
  // A chunk is its element and the line break after it (markdown-it ends blocks with one): both
  // go, both come, so the page stays exactly what the whole HTML makes.
  for (let i = 0; i < splice.deleteCount; i++) {
    const gone = children[splice.start];
    const after = gone.nextSibling;
    if (after && after.nodeType === Node.TEXT_NODE && !after.textContent?.trim()) after.remove();
    gone.remove();
  }
  container.insertBefore(fresh, before);
}

function applyChange(name: PartName, change: ChunkedChange | undefined): void {
  if (!change) return;
  if (change.whole) replacePart(name, joinChunks(change.whole));
  else spliceChunks(name, parts ? chunkContainer(parts[name]) : null, change.splice);
}

function applyGroupedChange(name: PartName, change: GroupedChange | undefined): void {
  if (!change) return;
  if (change.whole) {
    replacePart(name, joinGroups(change.whole));
    return;
  }
  const groups = parts ? chunkContainer(parts[name])?.children : undefined;
  if (!groups || groups.length !== change.groups.length) throw new OutOfStep(`${name} has ${groups?.length} groups`);
  change.groups.forEach((groupChange, i) => {
    if (!groupChange) return;
    const group = groups[i];
    if (groupChange.whole) {
      const [element, ...extra] = parse(joinChunks(groupChange.whole));
      if (!element || extra.length) throw new OutOfStep(`${name} group ${i} is not one element`);
      group.replaceWith(element);
    } else {
      spliceChunks(`${name} group ${i}`, group.querySelector('[data-chunks]'), groupChange.splice);
    }
  });
}

function applyPatch(patch: BriefPatch): void {
  if (!parts) throw new OutOfStep('no brief shown');
  if (patch.header !== undefined) replacePart('header', patch.header);
  applyGroupedChange('initiatives', patch.initiatives);
  applyChange('figures', patch.figures);
  if (patch.actors !== undefined) replacePart('actors', patch.actors);
  applyChange('text', patch.text);
  if (patch.entryLines) entryLines = patch.entryLines;
  // New blocks need their line; kept ones may have moved.
  if (patch.textLines) textLines = patch.textLines;
  if ((patch.textLines || patch.text) && !setTextLines(textLines)) throw new OutOfStep('text blocks and lines differ');
}

/** The text block (a child of the text's chunk container) holding `el`. */
function blockOf(el: Element): Element | undefined {
  const container = textContainer();
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.parentElement === container) return node;
  }
  return undefined;
}

/** The source line an element stands for: a brief entry's, or a text element's. */
function sourceLine(el: Element): number | undefined {
  const data = (el as HTMLElement).dataset;
  if (data.entry !== undefined) return entryLines[Number(data.entry)];
  if (data.line === undefined) return undefined;
  const block = blockOf(el);
  const base = block ? blockLine.get(block) : undefined;
  return base === undefined ? undefined : base + Number(data.line);
}

/** Text-line elements in document order with their source lines, for scroll sync. */
function lineElements(): LineElement[] {
  const container = textContainer();
  if (!container) return [];
  const out: LineElement[] = [];
  for (const el of Array.from(container.querySelectorAll<HTMLElement>('.code-line[data-line]'))) {
    const line = sourceLine(el);
    if (line !== undefined) out.push({ el, line });
  }
  return out;
}

/** Scrolls so that source `line` is at the top, interpolating between the elements around it. */
function scrollToLine(line: number): void {
  const top = topOfLine(lineElements(), line);
  if (top === undefined) return;
  scrollingForEditor = true;
  window.scrollTo({ top: Math.max(0, top - 8) });
}

/** The source line at the top of the view (only while the annotated text is on screen). */
function topLine(): number | undefined {
  return lineAtTop(lineElements());
}

/** What was at the top of the view: an element (a chunk, or a part), where it stood, and its place. */
interface Anchor {
  readonly el: Element;
  readonly top: number;
  /** Its chunk container and index there, so the chunk that replaces it can stand in for it. */
  readonly container: Element | undefined;
  readonly index: number;
}

/**
 * The first element at or below the top of the view, as fine as a chunk (a text block, a figure
 * row, an initiative), with its distance from the top: the scroll position to keep across a patch.
 */
function scrollAnchor(): Anchor | undefined {
  if (!parts) return undefined;
  for (const name of PART_NAMES) {
    const part = parts[name];
    const rect = part.getBoundingClientRect();
    if (rect.bottom <= 0) continue;
    let container = chunkContainer(part);
    // The initiatives: areas, then the initiatives of the area at the top.
    if (container && name === 'initiatives') {
      const area = firstBelowTop(container.children);
      container = area === undefined ? null : container.children[area].querySelector('[data-chunks]');
    }
    const index = container ? firstBelowTop(container.children) : undefined;
    if (container && index !== undefined) {
      const el = container.children[index];
      return { el, top: el.getBoundingClientRect().top, container, index };
    }
    return { el: part, top: rect.top, container: undefined, index: -1 };
  }
  return undefined;
}

function flash(el: HTMLElement): void {
  el.classList.remove('brief-flash');
  // Reading offsetWidth restarts the CSS animation.
  void el.offsetWidth;
  el.classList.add('brief-flash');
}

function reveal(id: string | undefined, line: number | undefined): void {
  const container = textContainer();
  if (!container) return;
  let target: HTMLElement | undefined;
  if (id) target = Array.from(container.querySelectorAll<HTMLElement>('[id]')).find((el) => el.id === id);
  if (!target && line !== undefined) {
    let best: HTMLElement | undefined;
    let first: HTMLElement | undefined;
    for (const el of Array.from(container.querySelectorAll<HTMLElement>('[data-line]'))) {
      const at = sourceLine(el);
      if (at === undefined) continue;
      first ??= el;
      if (at <= line) best = el;
    }
    target = best ?? first;
  }
  if (!target) return;
  scrollingForEditor = true;
  target.scrollIntoView({ block: 'center' });
  flash(target);
}

function inspect(): BriefInspection {
  const all = Array.from(root.querySelectorAll('*'));
  const handlers = all.filter((el) => Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).length;
  const dangerous = /^\s*(javascript|vbscript|data:text\/html)/i;
  const dangerousUrls = all.filter((el) => ['href', 'src', 'action', 'formaction'].some((n) => dangerous.test(el.getAttribute(n) ?? ''))).length;
  return {
    scripts: root.querySelectorAll('script').length,
    handlers,
    dangerousUrls,
    pwned: Boolean((window as unknown as { __summitPwned?: unknown }).__summitPwned),
    text: root.textContent ?? '',
    version: shownVersion,
    topLine: topLine(),
  };
}

function saveState(patch: Partial<BriefPreviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

/** Tells the extension `version` is shown, and once more after the next frame is drawn. */
function confirm(version: number, receivedAt: number): void {
  // Reading a layout value finishes layout now, so `appliedAt` includes it.
  void root.offsetHeight;
  vscode.postMessage({ type: 'rendered', version, receivedAt, appliedAt: Date.now() });
  requestAnimationFrame(() => setTimeout(() => vscode.postMessage({ type: 'painted', version, at: Date.now() }), 0));
}

function onRender(message: Extract<ToBriefWebview, { type: 'render' }>, receivedAt: number): void {
  const sameDocument = message.uri === shownUri && parts !== undefined;
  // A late message for an older version of the same document is dropped.
  if (sameDocument && message.version < shownVersion) return;
  // First render (also after a reload): the saved line; later ones keep what is on screen;
  // another document (a following preview) starts at its top.
  const keepLine = shownVersion < 0 ? state.line ?? message.line : sameDocument ? topLine() : message.line;
  const keepScroll = window.scrollY;
  showWhole(message.content);
  shownVersion = message.version;
  shownUri = message.uri;
  saveState({ uri: message.uri, follows: message.follows });
  if (keepLine !== undefined) scrollToLine(keepLine);
  else if (sameDocument && keepScroll > 0) {
    scrollingForEditor = true;
    window.scrollTo({ top: keepScroll });
  }
  confirm(message.version, receivedAt);
}

function onPatch(message: Extract<ToBriefWebview, { type: 'patch' }>, receivedAt: number): void {
  if (message.uri !== shownUri || message.base !== shownVersion || !parts) {
    vscode.postMessage({ type: 'resync' });
    return;
  }
  const anchor = scrollAnchor();
  const anchorLine = anchor ? sourceLine(anchor.el) : undefined;
  try {
    applyPatch(message.patch);
  } catch {
    // Whatever the page holds now, the whole brief replaces it.
    parts = undefined;
    vscode.postMessage({ type: 'resync' });
    return;
  }
  shownVersion = message.version;
  saveState({ follows: message.follows });
  // Keep what was at the top of the view where it was: the anchor, or the chunk now in its place
  // (typing in the block at the top replaces it), else its line.
  const kept = !anchor ? undefined : anchor.el.isConnected ? anchor.el : anchor.container?.isConnected ? anchor.container.children[anchor.index] : undefined;
  if (anchor && kept) {
    const moved = kept.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) >= 1) {
      scrollingForEditor = true;
      window.scrollBy({ top: moved });
    }
  } else if (anchorLine !== undefined) scrollToLine(anchorLine);
  confirm(message.version, receivedAt);
}

window.addEventListener('message', (event: MessageEvent<ToBriefWebview>) => {
  const message = event.data;
  const receivedAt = Date.now();
  switch (message.type) {
    case 'render':
      onRender(message, receivedAt);
      break;
    case 'patch':
      onPatch(message, receivedAt);
      break;
    case 'notice':
      root.innerHTML = message.html;
      parts = undefined;
      shownVersion = -1;
      shownUri = message.uri;
      break;
    case 'scrollToLine':
      scrollToLine(message.line);
      saveState({ line: message.line });
      break;
    case 'reveal':
      reveal(message.id, message.line);
      break;
    case 'inspect':
      vscode.postMessage({ type: 'inspection', ...inspect() });
      break;
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollingForEditor) {
    scrollingForEditor = false;
    return;
  }
  // One message per burst of scroll events; the extension throttles the editor side too.
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    const line = topLine();
    if (line === undefined) return;
    saveState({ line });
    vscode.postMessage({ type: 'didScroll', line });
  }, 50);
}, { passive: true });

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  if (!target) return;
  // Links keep their own behaviour (fragment jumps inside the page, http(s) opened by VS Code).
  const link = target.closest('a');
  if (link) {
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      event.preventDefault();
      reveal(safeDecode(href.slice(1)), undefined);
    }
    return;
  }
  const withLine = target.closest('[data-entry], [data-line]');
  let line = withLine ? sourceLine(withLine) : undefined;
  if (line !== undefined && withLine && withLine.tagName !== 'PRE' && (withLine as HTMLElement).dataset.line !== undefined) line += breaksBefore(withLine, target);
  if (line !== undefined) vscode.postMessage({ type: 'revealLine', line });
});

/** Line breaks in `block`'s text before `target` (a text line of a paragraph spans one source line each). */
function breaksBefore(block: Element, target: Node): number {
  let breaks = 0;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (target === node || target.contains(node)) break;
    const text = node.textContent ?? '';
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  }
  return breaks;
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

vscode.postMessage({ type: 'ready' });
