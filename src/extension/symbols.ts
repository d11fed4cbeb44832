/**
 * Document symbols (Outline, breadcrumbs, sticky scroll) and folding: VS Code objects for the rows
 * of the core's symbol table that changed.
 */
import * as vscode from 'vscode';
import type { NotesModel } from '../core';
import { symbolRange, symbolSelection, updateSymbolTable, type OutlineNodeKind, type SymbolTable } from '../core';
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

/** One build of a document's symbols: the core's table and the DocumentSymbol of each of its entries. */
export interface SymbolBuild {
  readonly table: SymbolTable;
  readonly symbols: vscode.DocumentSymbol[];
  /** Per entry: where its symbol sits in its parent's children (or the roots). */
  readonly slots: Int32Array;
  readonly roots: vscode.DocumentSymbol[];
}

/**
 * The document symbols of a model: sections → initiatives → figures and actors, from the core's
 * symbol table (updateSymbolTable). When the outline kept its shape (typing in prose keeps it),
 * only the entries the table names as changed get new objects: a keystroke makes a handful, not
 * one per annotation; each new one takes its predecessor's place and children.
 */
export function documentSymbols(model: NotesModel, previous?: SymbolBuild, editedLines?: ReadonlySet<number>, maxSymbols = 0): SymbolBuild {
  const { table, sameShape, changed } = updateSymbolTable(model, previous?.table, editedLines, maxSymbols);
  if (previous && sameShape) {
    const symbols = previous.symbols.slice();
    for (const i of changed) {
      const symbol = symbolOf(table, i);
      symbol.children = symbols[i].children;
      symbols[i] = symbol;
      const parent = table.parents[i];
      (parent >= 0 ? symbols[parent].children : previous.roots)[previous.slots[i]] = symbol;
    }
    return { table, symbols, slots: previous.slots, roots: previous.roots };
  }
  const symbols = new Array<vscode.DocumentSymbol>(table.length);
  const slots = new Int32Array(table.length);
  const roots: vscode.DocumentSymbol[] = [];
  for (let i = 0; i < table.length; i++) {
    const symbol = symbolOf(table, i);
    symbols[i] = symbol;
    const parent = table.parents[i];
    const siblings = parent >= 0 ? symbols[parent].children : roots;
    slots[i] = siblings.length;
    siblings.push(symbol);
  }
  return { table, symbols, slots, roots };
}

function symbolOf(table: SymbolTable, i: number): vscode.DocumentSymbol {
  const range = new vscode.Range(...symbolRange(table, i));
  const selection = new vscode.Range(...symbolSelection(table, i));
  return new vscode.DocumentSymbol(table.names[i], table.details[i], SYMBOL_KINDS[table.kinds[i]], range, selection);
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
        const size = last.get(document.uri.toString())?.table.items.length ?? (document.offsetAt(new vscode.Position(document.lineCount, 0)) > LARGE_TEXT ? LARGE_OUTLINE : 0);
        if (size >= LARGE_OUTLINE) await typingPaused(document, token);
        return guarded(deps, 'document symbols', token, [], () => {
          const model = deps.notes.model(document);
          if (!model) return [];
          // The outline, breadcrumbs and sticky scroll each ask for the same version: build once.
          const max = vscode.workspace.getConfiguration('summitNotes', document).get<number>('outline.maxSymbols') ?? 0;
          let build = cache.get(model);
          if (!build || build.table.max !== max) {
            const key = document.uri.toString();
            const edited = edits.get(key);
            const previous = last.get(key);
            build = documentSymbols(model, previous, edited?.version === document.version ? edited.lines : undefined, max);
            if (build.table.depth !== 'all' && previous?.table.depth !== build.table.depth) {
              deps.log(`outline of ${document.uri.path.split('/').pop()} without ${build.table.depth === 'initiatives' ? 'figures and actors' : 'annotations'}: more than ${max} symbols (summitNotes.outline.maxSymbols)`);
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
