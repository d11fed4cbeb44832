import * as vscode from 'vscode';
import { detectInNotes, type Detection, type NotesDetection } from '../core/detect';
import { annotationMarkup, freshId } from '../core/textEdits';
import { offsetsToRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';

/** How hints show (`summitNotes.detection.hints`; the default lives in package.json). */
type HintMode = 'diagnostics' | 'decorations' | 'off';

export const ANNOTATE_DETECTED_FIGURES = 'summitNotes.annotateDetectedFigures';
const FIGURE_CODE = 'unannotated-figure';
const INITIATIVE_CODE = 'suggested-initiative';
/** After typing stops, how long before hints are recomputed (detection is linear, but not free). */
const DEBOUNCE_MS = 300;

function hintMode(document?: vscode.TextDocument): HintMode {
  const mode = vscode.workspace.getConfiguration('summitNotes', document).get<string>('detection.hints');
  return mode === 'decorations' || mode === 'off' ? mode : 'diagnostics';
}

/** `[text]` with the characters that would end the span early escaped, as Pandoc reads them. */
function spanText(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

function qualifierWord(q: string | null): string {
  switch (q) {
    case 'more_than': return 'more than ';
    case 'less_than': return 'less than ';
    case 'about': return 'about ';
    case 'up_to': return 'up to ';
    case 'at_least': return 'at least ';
    default: return '';
  }
}

/** The hint's message: what the figure reads as, or why the phrase looks like an initiative. */
export function hintMessage(d: Detection): string {
  if (d.kind === 'figure') {
    return `Figure not annotated: ${qualifierWord(d.qualifier)}${d.value.toLocaleString('en-US', { maximumFractionDigits: 6 })}${d.unit ? ` ${d.unit}` : ''}`;
  }
  return `Possible initiative (${d.reason})`;
}

/**
 * Detection results per document version, and the hints that show them: information diagnostics
 * in their own collection, or a dotted underline, as the setting says.
 */
class DetectionHints implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; result: NotesDetection }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly collection = vscode.languages.createDiagnosticCollection('summit-notes-detection');
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
  });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: EditorDeps) {
    this.disposables.push(
      this.collection,
      this.decoration,
      deps.notes.onDidChange((document) => this.schedule(document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('summitNotes.detection.hints')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** Detection for the document's current version (cached); undefined for non-notes documents. */
  detection(document: vscode.TextDocument): NotesDetection | undefined {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.result;
    const model = this.deps.notes.model(document);
    if (!model) return undefined;
    const result = detectInNotes(model.text, { model });
    this.cache.set(key, { version: document.version, result });
    return result;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.refresh(document);
    }, DEBOUNCE_MS));
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.collection.delete(uri);
  }

  /** Shows the hints of one document in the current mode (and clears the other mode's). */
  refresh(document: vscode.TextDocument): void {
    guarded(this.deps, 'detection hints', undefined, undefined, () => {
      if (document.isClosed) return;
      const mode = hintMode(document);
      const result = mode === 'off' ? undefined : this.detection(document);
      const items: Detection[] = result ? [...result.figures, ...result.initiatives] : [];
      if (mode === 'diagnostics' && result) {
        this.collection.set(document.uri, items.map((d) => {
          const diagnostic = new vscode.Diagnostic(offsetsToRange(document, d.start, d.end), hintMessage(d), vscode.DiagnosticSeverity.Information);
          diagnostic.source = 'Summit Notes';
          diagnostic.code = d.kind === 'figure' ? FIGURE_CODE : INITIATIVE_CODE;
          return diagnostic;
        }));
      } else this.collection.delete(document.uri);
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document !== document) continue;
        const decorations = mode === 'decorations'
          ? items.map((d) => ({ range: offsetsToRange(document, d.start, d.end), hoverMessage: hintMessage(d) }))
          : [];
        editor.setDecorations(this.decoration, decorations);
      }
    });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** The markup for one detected item; initiatives get a fresh id from their text. */
function markupFor(deps: EditorDeps, document: vscode.TextDocument, d: Detection, taken: Set<string>): string {
  if (d.kind === 'figure') return annotationMarkup(spanText(d.text), 'figure');
  const model = deps.notes.model(document);
  const transliterate = vscode.workspace.getConfiguration('summitNotes', document).get<boolean>('annotate.transliterate') !== false;
  const base = model ? freshId(model, d.text, transliterate, 'initiative') : 'initiative';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return annotationMarkup(spanText(d.text), 'initiative', id);
}

/**
 * Wraps every detected figure in the selection(s), or in the whole file when nothing is selected,
 * in one edit (one undo step). Resolves to the number of figures annotated.
 */
async function annotateDetectedFigures(deps: EditorDeps, hints: DetectionHints): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !deps.notes.isActive(editor.document)) {
    void vscode.window.showInformationMessage('Summit Notes: open a notes file to annotate its figures.');
    return 0;
  }
  const document = editor.document;
  const result = hints.detection(document);
  const selections = editor.selections.filter((s) => !s.isEmpty).map((s) => [document.offsetAt(s.start), document.offsetAt(s.end)] as const);
  const figures = (result?.figures ?? []).filter((f) => selections.length === 0 || selections.some(([s, e]) => f.start >= s && f.end <= e));
  if (figures.length === 0) {
    void vscode.window.showInformationMessage(`Summit Notes: no unannotated figures ${selections.length ? 'in the selection' : 'in this file'}.`);
    return 0;
  }
  const version = document.version;
  const ok = await editor.edit((builder) => {
    for (const f of figures) builder.replace(offsetsToRange(document, f.start, f.end), annotationMarkup(spanText(f.text), 'figure'));
  });
  if (!ok || document.version === version) return 0;
  void vscode.window.showInformationMessage(`Summit Notes: annotated ${figures.length} figure${figures.length === 1 ? '' : 's'}.`);
  return figures.length;
}

/**
 * Hints for unannotated figures and suggested initiatives, their quick fixes ("Annotate as
 * figure" / "Annotate as initiative"), and "Annotate All Detected Figures".
 */
export function registerDetectionHints(deps: EditorDeps): vscode.Disposable {
  const hints = new DetectionHints(deps);
  const actions = vscode.languages.registerCodeActionsProvider(NOTES_SELECTOR, {
    provideCodeActions(document, range, context, token) {
      return guarded(deps, 'detection quick fixes', token, [], () => {
        if (hintMode(document) === 'off') return [];
        const result = hints.detection(document);
        if (!result) return [];
        const start = document.offsetAt(range.start);
        const end = document.offsetAt(range.end);
        const taken = new Set<string>();
        const out: vscode.CodeAction[] = [];
        for (const d of [...result.figures, ...result.initiatives]) {
          if (d.end < start || d.start > end) continue;
          const title = d.kind === 'figure' ? 'Annotate as figure' : 'Annotate as initiative';
          const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, offsetsToRange(document, d.start, d.end), markupFor(deps, document, d, taken));
          const code = d.kind === 'figure' ? FIGURE_CODE : INITIATIVE_CODE;
          const shown = context.diagnostics.filter((x) => x.code === code && document.offsetAt(x.range.start) === d.start);
          if (shown.length) action.diagnostics = shown;
          out.push(action);
        }
        return out;
      });
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
  const command = vscode.commands.registerCommand(ANNOTATE_DETECTED_FIGURES, () => annotateDetectedFigures(deps, hints));
  return vscode.Disposable.from(hints, actions, command);
}
