/**
 * Webview side of the dossier panel. Receives the page in pieces (already escaped by the core's
 * renderer; the CSP forbids any script but this bundle) and keeps one element per initiative and
 * metric, replacing only the entries whose HTML was sent. Turns clicks into typed messages: a
 * mention or value opens its span in the editor, a source link opens in the browser (the extension
 * checks the scheme), the filter bar narrows the dossier, "Show possible links" asks for suggested
 * links and their "Link as track=…" button asks the extension to add the key.
 */
import {
  DOSSIER_FILTER_FIELDS, type DossierEntryMessage, type DossierPanelState, type DossierFilter, type DossierSection, type FromDossierWebview, type ToDossierWebview,
} from '../shared/dossierMessages';

interface VsCodeApi {
  postMessage(message: FromDossierWebview): void;
  /** What VS Code keeps for the panel across a reload (handed to the extension's serializer). */
  setState(state: DossierPanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
const header = byId('dossier-header');
const form = byId('dossier-filters') as HTMLFormElement;
const footer = byId('dossier-footer');
const nothing = byId('dossier-nothing');
const suggest = byId('dossier-suggest') as HTMLInputElement;

/** Writes each place's 1-based line (`lines[data-item]`) into its `file:line`. */
function writeLines(container: Element, lines: readonly number[]): void {
  for (const place of container.querySelectorAll<HTMLElement>('.dossier-where')) {
    const line = place.querySelector('.dossier-line');
    const n = lines[Number(place.dataset.item)];
    if (line && n !== undefined) line.textContent = String(n);
  }
}

/** One list of keyed entries (the initiatives, the metrics). */
class EntryList {
  private readonly elements = new Map<string, HTMLElement>();
  constructor(private readonly container: HTMLElement, private readonly none: HTMLElement) {}

  get keys(): string[] {
    return [...this.elements.keys()];
  }

  apply(entries: readonly DossierEntryMessage[]): boolean {
    const next = new Map<string, HTMLElement>();
    let complete = true;
    for (const entry of entries) {
      let el = this.elements.get(entry.key);
      if (entry.html !== undefined) {
        if (!el) {
          el = document.createElement('section');
          el.className = 'dossier-entry';
          el.dataset.key = entry.key;
        }
        el.innerHTML = entry.html;
      }
      if (el && entry.lines) writeLines(el, entry.lines);
      if (!el) {
        // Told to keep an entry we do not have: ask for everything again.
        complete = false;
        continue;
      }
      next.set(entry.key, el);
    }
    for (const [key, el] of this.elements) if (!next.has(key)) el.remove();
    // Put the elements in order, moving only those out of place.
    let at = this.container.firstElementChild;
    for (const el of next.values()) {
      if (el === at) at = el.nextElementSibling;
      else this.container.insertBefore(el, at);
    }
    this.elements.clear();
    for (const [key, el] of next) this.elements.set(key, el);
    this.none.hidden = next.size > 0;
    return complete;
  }
}

const initiatives = new EntryList(byId('dossier-initiative-list'), byId('dossier-no-initiatives'));
const metrics = new EntryList(byId('dossier-metric-list'), byId('dossier-no-metrics'));
let shownVersion = -1;
let shownFilter: DossierFilter = {};

function setFormValues(filter: DossierFilter): void {
  for (const name of DOSSIER_FILTER_FIELDS) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!control || document.activeElement === control) continue;
    const value = filter[name] ?? '';
    if (control instanceof HTMLSelectElement && value && ![...control.options].some((o) => o.value === value)) {
      // A value no file holds any more stays chosen, so the filter on screen is the one applied.
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      control.append(option);
    }
    control.value = value;
  }
}

function formValues(): DossierFilter {
  const out: Record<string, string> = {};
  for (const name of DOSSIER_FILTER_FIELDS) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (control && control.value.trim() !== '') out[name] = control.value.trim();
  }
  return out;
}

function render(message: Extract<ToDossierWebview, { type: 'render' }>): void {
  const receivedAt = Date.now();
  if (message.header !== undefined) header.innerHTML = message.header;
  if (message.filters !== undefined) form.innerHTML = message.filters;
  if (message.footer !== undefined) footer.innerHTML = message.footer;
  if (message.footerLines) writeLines(footer, message.footerLines);
  shownFilter = message.filter;
  setFormValues(message.filter);
  suggest.checked = message.suggest;
  vscode.setState({ filter: message.filter, suggest: message.suggest });
  const complete = initiatives.apply(message.initiatives) && metrics.apply(message.metrics);
  nothing.hidden = !message.empty;
  shownVersion = message.version;
  vscode.postMessage({ type: 'rendered', version: message.version, receivedAt, appliedAt: Date.now() });
  if (!complete) vscode.postMessage({ type: 'ready' });
}

function inlineHandlers(): number {
  let n = 0;
  for (const el of document.querySelectorAll('*')) for (const attr of el.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) n++;
  return n;
}

window.addEventListener('message', (event: MessageEvent<ToDossierWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'render':
      render(message);
      break;
    case 'inspect':
      vscode.postMessage({
        type: 'inspection', version: shownVersion, text: document.body.innerText, initiatives: initiatives.keys, metrics: metrics.keys,
        flagged: document.querySelectorAll('.dossier-disagrees').length, scripts: document.body.querySelectorAll('script').length, inlineHandlers: inlineHandlers(), filter: shownFilter,
        items: [...document.querySelectorAll<HTMLElement>('.dossier-open')].slice(0, 500).map((el) => ({ ...itemOf(el), text: el.textContent ?? '' })),
        links: [...document.querySelectorAll<HTMLElement>('.dossier-link')].slice(0, 200).map((el) => ({ key: itemOf(el).key, item: Number(el.dataset.item), text: el.textContent ?? '' })),
      });
      break;
  }
});

/** Which item an element is: its section, its entry's key and its number there. */
function itemOf(el: HTMLElement): { section: DossierSection; key: string; item: number } {
  const entry = el.closest<HTMLElement>('.dossier-entry');
  const section: DossierSection = !entry ? 'footer' : entry.parentElement?.id === 'dossier-metric-list' ? 'metrics' : 'initiatives';
  return { section, key: entry?.dataset.key ?? '', item: Number(el.dataset.item) };
}

/** A click or Enter on an item: open its span, or its source in the browser. */
function activate(target: EventTarget | null, event: Event): void {
  if (!(target instanceof Element)) return;
  const link = target.closest<HTMLElement>('.dossier-link');
  if (link) {
    const { key, item } = itemOf(link);
    if (Number.isInteger(item)) vscode.postMessage({ type: 'link', key, item });
    return;
  }
  const open = target.closest<HTMLElement>('.dossier-open');
  if (open) {
    event.preventDefault();
    const item = itemOf(open);
    if (Number.isInteger(item.item)) vscode.postMessage({ type: 'open', ...item });
    return;
  }
  const source = target.closest<HTMLAnchorElement>('a[href]');
  if (source) {
    event.preventDefault();
    vscode.postMessage({ type: 'openExternal', url: source.getAttribute('href') ?? '' });
  }
}

document.addEventListener('click', (event) => activate(event.target, event));
document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.closest('.dossier-open')) activate(event.target, event);
});

let typingTimer: ReturnType<typeof setTimeout> | undefined;
const sendFilter = () => vscode.postMessage({ type: 'filter', filter: formValues() });
form.addEventListener('change', () => {
  clearTimeout(typingTimer);
  sendFilter();
});
form.addEventListener('input', (event) => {
  // The actor field filters as one types, after a short pause.
  if (!(event.target instanceof HTMLInputElement) || event.target.name !== 'actor') return;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(sendFilter, 250);
});
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('.dossier-clear')) return;
  for (const name of DOSSIER_FILTER_FIELDS) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (control) control.value = '';
  }
  sendFilter();
});

suggest.addEventListener('change', () => vscode.postMessage({ type: 'suggest', on: suggest.checked }));

vscode.postMessage({ type: 'ready' });
