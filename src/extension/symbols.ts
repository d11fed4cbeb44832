import * as vscode from 'vscode';
import { buildOutline, type NotesModel, type OutlineNode } from '../core';
import { toRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';

const SYMBOL_KINDS: Readonly<Record<OutlineNode['kind'], vscode.SymbolKind>> = {
  section: vscode.SymbolKind.Namespace,
  initiative: vscode.SymbolKind.Event,
  figure: vscode.SymbolKind.Number,
  // Headings keep the namespace icon; actors get a glyph of their own so the two read apart.
  actor: vscode.SymbolKind.Class,
};

function detail(node: OutlineNode): string {
  const a = node.annotation;
  if (!a) return '';
  const parts = [a.id ? `#${a.id}` : '', a.attribute('status') ?? '', a.attribute('area') ?? ''];
  if (a.figure?.metric) parts.push(a.figure.metric);
  return parts.filter(Boolean).join(' · ');
}

function toSymbol(node: OutlineNode): vscode.DocumentSymbol {
  const range = toRange(node.range);
  // The selection range must lie inside the range; the outline guarantees it, this guards a slip.
  const selection = toRange(node.selectionRange);
  const symbol = new vscode.DocumentSymbol(node.label || '(untitled)', detail(node), SYMBOL_KINDS[node.kind], range,
    range.contains(selection) ? selection : range);
  symbol.children = node.children.map(toSymbol);
  return symbol;
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
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(NOTES_SELECTOR, {
      provideDocumentSymbols(document, token) {
        return guarded(deps, 'document symbols', token, [], () => {
          const model = deps.notes.model(document);
          return model ? buildOutline(model).map(toSymbol) : [];
        });
      },
    }, { label: 'Summit Notes' }),
    vscode.languages.registerFoldingRangeProvider(NOTES_SELECTOR, {
      provideFoldingRanges(document, _context, token) {
        return guarded(deps, 'folding ranges', token, [], () => {
          const model = deps.notes.model(document);
          return model ? foldingRanges(model) : [];
        });
      },
    }),
  );
}
