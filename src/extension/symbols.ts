import * as vscode from 'vscode';
import type { NotesModel } from '../core';
import { limitOutline, outlineEntries, outlinePositions, POSITION_STRIDE, type OutlineDepth, type OutlineNodeKind } from '../core';
import { PositionCursor } from '../core';
import { OutlineLabels } from '../core';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, settleDelay, type EditorDeps } from './notesDocuments';

const SYMBOL_KINDS: Readonly<Record<OutlineNodeKind, vscode.SymbolKind>> = {
  section: vscode.SymbolKind.Namespace,
  initiative: vscode.SymbolKind.Event,
  figure: vscode.SymbolKind.Number,
  // Headings keep the namespace icon; actors get a glyph of their own so the two read apart.
  actor: vscode.SymbolKind.Class,
};

/** Outlines of at least this many symbols wait for a pause in typing (a 1 MB file has 10k). */
const LARGE_OUTLINE = 2000;
/** Before the first build, a text this long is taken for a large outline. */
const LARGE_TEXT = 256 * 1024;
/** How long typing must have paused before a large outline is answered. */
const PAUSE_MS = 400;

/** One build of a document's symbols, kept so the next version can reuse what did not change. */
export interface SymbolBuild {
  readonly items: Int32Array;
  readonly parents: Int32Array;
  readonly positions: Int32Array;
  readonly names: string[];
  readonly details: string[];
  readonly kinds: vscode.SymbolKind[];
  /** Per entry: its symbol, and where it sits in its parent's children (or the roots). */
  readonly symbols: vscode.DocumentSymbol[];
  readonly slots: Int32Array;
  readonly roots: vscode.DocumentSymbol[];
  /** What the outline holds: everything, or (above `summitNotes.outline.maxSymbols`) less. */
  readonly depth: OutlineDepth;
  /** The limit it was built for. */
  readonly max: number;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The document symbols of a model: sections → initiatives → figures and actors, built straight
 * from the flat outline and the positions of one sweep over the lines (no intermediate node tree,
 * no binary search per range). Given the build of the previous version and the same outline
 * shape (typing in prose keeps it), every symbol whose name, detail, kind and place are unchanged
 * is reused as it is: a keystroke makes a handful of new objects, not one per annotation.
 */
export function documentSymbols(model: NotesModel, previous?: SymbolBuild, editedLines?: ReadonlySet<number>, maxSymbols = 0): SymbolBuild {
  const { entries, depth } = limitOutline(model, outlineEntries(model), maxSymbols);
  const reuse = previous !== undefined && previous.max === maxSymbols && sameInts(entries.items, previous.items) && sameInts(entries.parents, previous.parents);
  if (reuse && editedLines) return patchSymbols(model, previous, editedLines);
  const p = outlinePositions(model, entries);
  const n = entries.length;
  const symbols: vscode.DocumentSymbol[] = new Array<vscode.DocumentSymbol>(n);
  const names: string[] = new Array<string>(n);
  const details: string[] = new Array<string>(n);
  const kinds: vscode.SymbolKind[] = new Array<vscode.SymbolKind>(n);
  const slots = reuse ? previous.slots : new Int32Array(n);
  const roots = reuse ? previous.roots : [];
  const labels = new OutlineLabels(model);
  for (let i = 0; i < n; i++) {
    labels.read(entries.items[i]);
    names[i] = labels.name;
    details[i] = labels.detail;
    kinds[i] = SYMBOL_KINDS[labels.kind];
    const k = i * POSITION_STRIDE;
    const parent = entries.parents[i];
    if (reuse) {
      let same = names[i] === previous.names[i] && details[i] === previous.details[i] && kinds[i] === previous.kinds[i];
      for (let j = k; same && j < k + POSITION_STRIDE; j++) same = p[j] === previous.positions[j];
      if (same) {
        symbols[i] = previous.symbols[i];
        continue;
      }
    }
    const range = new vscode.Range(p[k], p[k + 1], p[k + 2], p[k + 3]);
    // outlinePositions keeps the selection inside the range, as the constructor demands.
    const selection = new vscode.Range(p[k + 4], p[k + 5], p[k + 6], p[k + 7]);
    const symbol = new vscode.DocumentSymbol(names[i], details[i], kinds[i], range, selection);
    symbols[i] = symbol;
    const siblings = parent >= 0 ? symbols[parent].children : roots;
    if (reuse) {
      // Same shape: it takes the old symbol's place and children (patched in turn when they change).
      symbol.children = previous.symbols[i].children;
      siblings[slots[i]] = symbol;
    } else {
      slots[i] = siblings.length;
      siblings.push(symbol);
    }
  }
  return { items: entries.items, parents: entries.parents, positions: p, names, details, kinds, symbols, slots, roots, depth, max: maxSymbols };
}

/**
 * The symbols after edits that broke or joined no line (typing in a line), with the outline's
 * shape unchanged: only the entries whose lines take in an edited line can differ (lines keep
 * their numbers, other lines their characters), so only those are read again; the rest, and
 * their objects, stay. The previous build's arrays are updated in place (it is not read again).
 */
function patchSymbols(model: NotesModel, previous: SymbolBuild, editedLines: ReadonlySet<number>): SymbolBuild {
  const { items, parents, positions: p, names, details, kinds, symbols, slots, roots } = previous;
  const edited = [...editedLines];
  const cursor = PositionCursor.of(model);
  const labels = new OutlineLabels(model);
  for (let i = 0; i < items.length; i++) {
    const k = i * POSITION_STRIDE;
    const first = p[k];
    const last = p[k + 2];
    if (!edited.some((line) => line >= first && line <= last)) continue;
    const item = items[i];
    labels.read(item);
    const name = labels.name;
    const info = labels.detail;
    const kind = SYMBOL_KINDS[labels.kind];
    let range: { start: number; end: number };
    let selection: { start: number; end: number };
    if (item >= 0) {
      const a = model.annotations[item];
      range = a.range;
      selection = a.contentRange;
    } else {
      const section = model.allSections[-1 - item];
      range = section.range;
      selection = section.headingRange;
    }
    if (!(selection.start >= range.start && selection.end <= range.end && selection.start <= selection.end)) selection = range;
    const at = [range.start, range.end, selection.start, selection.end].map((offset) => {
      const line = cursor.lineOf(offset);
      return [line, cursor.characterAt(offset, line)];
    });
    const next = [at[0][0], at[0][1], at[1][0], at[1][1], at[2][0], at[2][1], at[3][0], at[3][1]];
    if (name === names[i] && info === details[i] && kind === kinds[i] && next.every((x, j) => x === p[k + j])) continue;
    p.set(next, k);
    names[i] = name;
    details[i] = info;
    kinds[i] = kind;
    const symbol = new vscode.DocumentSymbol(name, info, kind, new vscode.Range(next[0], next[1], next[2], next[3]), new vscode.Range(next[4], next[5], next[6], next[7]));
    symbol.children = symbols[i].children;
    symbols[i] = symbol;
    (parents[i] >= 0 ? symbols[parents[i]].children : roots)[slots[i]] = symbol;
  }
  return { items, parents, positions: p, names, details, kinds, symbols, slots, roots, depth: previous.depth, max: previous.max };
}

/** Sections as folding ranges: from the heading to the last line before the next heading. */
export function foldingRanges(model: NotesModel): vscode.FoldingRange[] {
  const out: vscode.FoldingRange[] = [];
  if (model.frontMatterRange) {
    const r = model.frontMatterRange;
    if (r.endPosition.line > r.startPosition.line) out.push(new vscode.FoldingRange(r.startPosition.line, r.endPosition.line - (r.endPosition.character === 0 ? 1 : 0)));
  }
  for (const s of model.allSections) {
    const start = s.headingRange.startPosition.line;
    let end = s.range.endPosition.line;
    // A section ends where the next heading begins: that line belongs to the next one.
    if (s.range.endPosition.character === 0) end--;
    // Trailing blank lines stay visible between folded sections.
    while (end > start && model.text.slice(model.offsetAt({ line: end, character: 0 }), model.offsetAt({ line: end + 1, character: 0 })).trim() === '') end--;
    if (end > start) out.push(new vscode.FoldingRange(start, end, vscode.FoldingRangeKind.Region));
  }
  return out;
}

/** The Outline view, breadcrumbs and Go to Symbol (sections → initiatives → figures, actors), and folding by section. */
export function registerDocumentSymbols(deps: EditorDeps): vscode.Disposable {
  // Per model (one per document version): gone with the model. The last build per document, to reuse.
  const cache = new WeakMap<NotesModel, SymbolBuild>();
  const last = new Map<string, SymbolBuild>();
  const folds = new WeakMap<NotesModel, vscode.FoldingRange[]>();
  // Per document: the lines edited since its last build (undefined: a line was broken or joined, or an event missed).
  const edits = new Map<string, { version: number; lines: Set<number> | undefined }>();
  // When each document was last edited, and a wait until typing has paused for a moment.
  const lastEdit = new WeakMap<vscode.TextDocument, number>();
  const typingPaused = async (document: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> => {
    for (;;) {
      const wait = settleDelay(document, PAUSE_MS) - (performance.now() - (lastEdit.get(document) ?? 0));
      if (wait <= 0 || token.isCancellationRequested) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        const sub = token.onCancellationRequested(done);
        function done(): void {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    }
  };
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(NOTES_SELECTOR, {
      async provideDocumentSymbols(document, token) {
        // A long outline is answered once typing pauses: every answer is converted, sent and laid
        // out again by the window (breadcrumbs, sticky scroll, the Outline view), which for 10k
        // symbols costs far more than building them; an edit meanwhile cancels the request.
        const size = last.get(document.uri.toString())?.items.length ?? (document.offsetAt(new vscode.Position(document.lineCount, 0)) > LARGE_TEXT ? LARGE_OUTLINE : 0);
        if (size >= LARGE_OUTLINE) await typingPaused(document, token);
        return guarded(deps, 'document symbols', token, [], () => {
          const model = deps.notes.model(document);
          if (!model) return [];
          // The outline, breadcrumbs and sticky scroll each ask for the same version: build once.
          const max = vscode.workspace.getConfiguration('summitNotes', document).get<number>('outline.maxSymbols') ?? 0;
          let build = cache.get(model);
          if (!build || build.max !== max) {
            const key = document.uri.toString();
            const edited = edits.get(key);
            const previous = last.get(key);
            build = documentSymbols(model, previous, edited?.version === document.version ? edited.lines : undefined, max);
            if (build.depth !== 'all' && previous?.depth !== build.depth) {
              deps.log(`outline of ${document.uri.path.split('/').pop()} without ${build.depth === 'initiatives' ? 'figures and actors' : 'annotations'}: more than ${max} symbols (summitNotes.outline.maxSymbols)`);
            }
            cache.set(model, build);
            last.set(key, build);
            edits.set(key, { version: document.version, lines: new Set() });
          }
          return build.roots;
        });
      },
    }, { label: 'Summit Notes' }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) lastEdit.set(e.document, performance.now());
      const track = edits.get(e.document.uri.toString());
      if (!track?.lines) return;
      // An event for the dirty state only: nothing changed.
      if (e.contentChanges.length === 0 && e.document.version === track.version) return;
      if (e.contentChanges.length === 0 || e.document.version !== track.version + 1) track.lines = undefined;
      for (const c of e.contentChanges) {
        if (!track.lines) break;
        if (c.range.start.line !== c.range.end.line || /[\r\n]/.test(c.text)) track.lines = undefined;
        else track.lines.add(c.range.start.line);
      }
      track.version = e.document.version;
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      last.delete(document.uri.toString());
      edits.delete(document.uri.toString());
    }),
    vscode.languages.registerFoldingRangeProvider(NOTES_SELECTOR, {
      provideFoldingRanges(document, _context, token) {
        return guarded(deps, 'folding ranges', token, [], () => {
          const model = deps.notes.model(document);
          if (!model) return [];
          let ranges = folds.get(model);
          if (!ranges) folds.set(model, (ranges = foldingRanges(model)));
          return ranges;
        });
      },
    }),
  );
}
