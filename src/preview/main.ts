/**
 * Webview side of the brief preview. Receives rendered HTML (already escaped by the core renderers;
 * the CSP forbids any script but this bundle), keeps the scroll position by source line, and
 * reports clicks and scrolls back as typed messages.
 */
import type { BriefPreviewState, FromBriefWebview, ToBriefWebview } from '../shared/previewMessages';

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

/** Text-line elements in document order, for scroll sync (brief entries above are not in source order). */
function lineElements(): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.brief-markdown .code-line[data-line]'));
}

function lineOf(el: Element): number {
  return Number((el as HTMLElement).dataset.line);
}

/** Scrolls so that source `line` is at the top, interpolating between the elements around it. */
function scrollToLine(line: number): void {
  const els = lineElements();
  if (!els.length) return;
  let before: HTMLElement | undefined;
  let after: HTMLElement | undefined;
  for (const el of els) {
    if (lineOf(el) <= line) before = el;
    else { after = el; break; }
  }
  let top: number;
  if (!before) top = els[0].getBoundingClientRect().top + window.scrollY;
  else {
    const beforeTop = before.getBoundingClientRect().top + window.scrollY;
    if (after && lineOf(after) > lineOf(before)) {
      const afterTop = after.getBoundingClientRect().top + window.scrollY;
      top = beforeTop + ((line - lineOf(before)) / (lineOf(after) - lineOf(before))) * (afterTop - beforeTop);
    } else top = beforeTop;
  }
  scrollingForEditor = true;
  window.scrollTo({ top: Math.max(0, top - 8) });
}

/** The source line at the top of the view (only while the annotated text is on screen). */
function topLine(): number | undefined {
  const els = lineElements();
  for (const el of els) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom > 0) {
      // Still above the annotated text (reading the brief part): no source line is at the top.
      if (el === els[0] && rect.top > 0) return undefined;
      if (rect.top >= 0 || rect.height === 0) return lineOf(el);
      const progress = -rect.top / rect.height;
      const next = els[els.indexOf(el) + 1];
      const span = next ? lineOf(next) - lineOf(el) : 1;
      return lineOf(el) + Math.floor(progress * span);
    }
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
  let target: HTMLElement | undefined;
  if (id) target = Array.from(root.querySelectorAll<HTMLElement>('.brief-markdown [data-id]')).find((el) => el.dataset.id === id);
  if (!target && line !== undefined) {
    const candidates = Array.from(root.querySelectorAll<HTMLElement>('.brief-markdown [data-line]'));
    target = candidates.filter((el) => lineOf(el) <= line).pop() ?? candidates[0];
  }
  if (!target) return;
  scrollingForEditor = true;
  target.scrollIntoView({ block: 'center' });
  flash(target);
}

function inspect(): { scripts: number; handlers: number; dangerousUrls: number; pwned: boolean; text: string; version: number } {
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
  };
}

function saveState(patch: Partial<BriefPreviewState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

window.addEventListener('message', (event: MessageEvent<ToBriefWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'render': {
      const sameDocument = message.uri === shownUri;
      // A late message for an older version of the same document is dropped.
      if (sameDocument && message.version < shownVersion) return;
      // First render (also after a reload): the saved line; later ones keep what is on screen;
      // another document (a following preview) starts at its top.
      const keepLine = shownVersion < 0 ? state.line ?? message.line : sameDocument ? topLine() : message.line;
      const keepScroll = window.scrollY;
      root.innerHTML = message.html;
      shownVersion = message.version;
      shownUri = message.uri;
      saveState({ uri: message.uri, follows: message.follows });
      if (keepLine !== undefined) scrollToLine(keepLine);
      else if (sameDocument && keepScroll > 0) {
        scrollingForEditor = true;
        window.scrollTo({ top: keepScroll });
      }
      vscode.postMessage({ type: 'rendered', version: message.version });
      break;
    }
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
  const withLine = target.closest<HTMLElement>('[data-line]');
  if (withLine) vscode.postMessage({ type: 'revealLine', line: lineOf(withLine) });
});

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

vscode.postMessage({ type: 'ready' });
