/**
 * Detection hints in notes files: unannotated figures and scored initiative suggestions as
 * diagnostics or decorations, re-read only where an edit touched, with the quick fixes Annotate as
 * figure / initiative, Dismiss, and Annotate All Detected Figures.
 */
import * as vscode from 'vscode';
import type { DetectedFigure, Detection, NotesDetection } from '../core/detect';
import { annotationMarkup, detectedFigureMarkup, freshId, PositionCursor, updateDetection, type DetectionEdit } from '../core';
import { DISMISS_SUGGESTION, DismissedSuggestions, SHOW_DISMISSED_SUGGESTIONS, type DismissalStorage } from './dismissedSuggestions';
import { offsetsToRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, settleDelay, type EditorDeps } from './notesDocuments';
import { timed } from './workLog';

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

/** `summitNotes.detection.minScore`: initiative suggestions scored below it are not shown. */
function minScore(document?: vscode.TextDocument): number | undefined {
  const v = vscode.workspace.getConfiguration('summitNotes', document).get<unknown>('detection.minScore');
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : undefined;
}

/** `[text]` with the characters that would end the span early escaped, as Pandoc reads them. */
function spanText(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

function qualifierWord(q: string | null): string {
  switch (q) {
    case 'more_than': return `${vscode.l10n.t('more than')} `;
    case 'less_than': return `${vscode.l10n.t('less than')} `;
    case 'about': return `${vscode.l10n.t('about')} `;
    case 'up_to': return `${vscode.l10n.t('up to')} `;
    case 'at_least': return `${vscode.l10n.t('at least')} `;
    default: return '';
  }
}

/** The hint's message: what the figure reads as, or why the phrase looks like an initiative. */
export function hintMessage(d: Detection): string {
  if (d.kind === 'figure') {
    return vscode.l10n.t('Figure not annotated: {0}', `${qualifierWord(d.qualifier)}${d.value.toLocaleString('en-US', { maximumFractionDigits: 6 })}${d.unit ? ` ${d.unit}` : ''}`);
  }
  return vscode.l10n.t('Possible initiative ({0}; score {1})', d.reason, d.score.toFixed(2));
}

/** What detection found for one version of a document, and the edits since (for the next update). */
interface CacheEntry {
  version: number;
  result: NotesDetection;
  /** The text `result` is of (kept for the next update's checks). */
  text: string;
  /** The changes from `version` to `editsVersion`, in order; undefined when some were missed. */
  edits: DetectionEdit[] | undefined;
  editsVersion: number;
}

/** What one document shows: line/character and text of each hint, to skip setting the same again. */
interface Shown {
  readonly mode: HintMode;
  readonly positions: number[];
  readonly messages: string[];
}

function sameShown(a: Shown | undefined, b: Shown): boolean {
  return !!a && a.mode === b.mode && a.positions.length === b.positions.length && a.positions.every((x, i) => x === b.positions[i])
    && a.messages.every((m, i) => m === b.messages[i]);
}

/**
 * Detection results per document version, and the hints that show them: information diagnostics
 * in their own collection, or a dotted underline, as the setting says. After an edit only the
 * paragraphs it touched are read again (`updateDetection`), and the hints are set only when what
 * they show changed: typing in a 1 MB file costs a paragraph's detection, not the file's.
 */
class DetectionHints implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly shown = new Map<string, Shown>();
  /** What each editor's underline decorations show (decorations mode). */
  private readonly painted = new WeakMap<vscode.TextEditor, Shown>();
  private readonly messages = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly collection = vscode.languages.createDiagnosticCollection('summit-notes-detection');
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorInfo.foreground'),
  });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: EditorDeps, readonly dismissed: DismissedSuggestions) {
    this.disposables.push(
      dismissed.onDidChange(() => this.refreshAll()),
      this.collection,
      this.decoration,
      vscode.workspace.onDidChangeTextDocument((e) => this.noteEdits(e)),
      deps.notes.onDidChange((document) => this.schedule(document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('summitNotes.detection.hints') || e.affectsConfiguration('summitNotes.detection.minScore')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** Keeps the changes since the cached version, so the next update reads only what they touched. */
  private noteEdits(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.cache.get(e.document.uri.toString());
    if (!entry?.edits) return;
    // An event for the dirty state only (no change, same version) changes nothing.
    if (e.contentChanges.length === 0 && e.document.version === entry.editsVersion) return;
    // Versions go up by one per change event; one without changes (line endings switched) changed the text unseen.
    if (entry.editsVersion !== e.document.version - 1 || e.contentChanges.length === 0) {
      entry.edits = undefined;
      return;
    }
    for (const c of e.contentChanges) entry.edits.push({ offset: c.rangeOffset, deleted: c.rangeLength, inserted: c.text });
    entry.editsVersion = e.document.version;
  }

  /** Detection for the document's current version, if it is already known (never computes). */
  current(document: vscode.TextDocument): NotesDetection | undefined {
    const hit = this.cache.get(document.uri.toString());
    return hit && hit.version === document.version ? hit.result : undefined;
  }

  /** Detection for the document's current version (cached; updated from the last one); undefined for non-notes documents. */
  detection(document: vscode.TextDocument): NotesDetection | undefined {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    const threshold = minScore(document);
    if (hit && hit.version === document.version && hit.result.minScore === threshold) return hit.result;
    const model = this.deps.notes.model(document);
    if (!model) return undefined;
    const edits = hit?.edits && hit.editsVersion === document.version ? hit.edits : [];
    const { detection, reread } = timed('detection', () => updateDetection(hit?.result, hit?.text, edits, model, threshold));
    if (!reread && model.text.length > 256 * 1024) this.deps.log(`detection read all of ${document.uri.path.split('/').pop()} (version ${document.version})`);
    this.cache.set(key, { version: document.version, result: detection, text: model.text, edits: [], editsVersion: document.version });
    return detection;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.refresh(document);
    }, settleDelay(document, DEBOUNCE_MS)));
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.shown.delete(key);
    this.collection.delete(uri);
  }

  /** The items not dismissed in this file. */
  visible<T extends Pick<Detection, 'kind' | 'text'>>(uri: vscode.Uri, items: T[]): T[] {
    return this.dismissed.any(uri) ? items.filter((d) => !this.dismissed.isDismissed(uri, d)) : items;
  }

  /** The hint's text, kept per reading (formatting a number is not free, and most hints repeat). */
  private message(d: Detection): string {
    const key = d.kind === 'figure' ? `f\u0001${d.value}\u0001${d.unit ?? ''}\u0001${d.qualifier ?? ''}` : `i\u0001${d.reason}`;
    let text = this.messages.get(key);
    if (text === undefined) {
      if (this.messages.size > 5000) this.messages.clear();
      this.messages.set(key, (text = hintMessage(d)));
    }
    return text;
  }

  /** Shows the hints of one document in the current mode (and clears the other mode's), unless they show already. */
  refresh(document: vscode.TextDocument): void {
    guarded(this.deps, 'detection hints', undefined, undefined, () => {
      if (document.isClosed) return;
      const key = document.uri.toString();
      const mode = hintMode(document);
      const result = mode === 'off' ? undefined : this.detection(document);
      const model = result ? this.deps.notes.model(document) : undefined;
      const items: Detection[] = result && model ? this.visible(document.uri, [...result.figures, ...result.initiatives]) : [];
      const positions: number[] = new Array<number>(items.length * 4);
      const messages: string[] = new Array<string>(items.length);
      if (model) {
        const cursor = PositionCursor.of(model);
        items.forEach((d, i) => {
          const startLine = cursor.lineOf(d.start);
          positions[4 * i] = startLine;
          positions[4 * i + 1] = cursor.characterAt(d.start, startLine);
          const endLine = cursor.lineOf(d.end);
          positions[4 * i + 2] = endLine;
          positions[4 * i + 3] = cursor.characterAt(d.end, endLine);
          messages[i] = this.message(d);
        });
      }
      // Diagnostics stay put in the Problems view and decorations move with edits: equal ones need no setting.
      let shown = this.shown.get(key);
      const changed = !sameShown(shown, { mode, positions, messages });
      if (changed) this.shown.set(key, (shown = { mode, positions, messages }));
      const range = (i: number): vscode.Range => new vscode.Range(positions[4 * i], positions[4 * i + 1], positions[4 * i + 2], positions[4 * i + 3]);
      if (changed) {
        if (mode === 'diagnostics' && result) {
          this.collection.set(document.uri, items.map((d, i) => {
            const diagnostic = new vscode.Diagnostic(range(i), messages[i], vscode.DiagnosticSeverity.Information);
            diagnostic.source = 'Summit Notes';
            diagnostic.code = d.kind === 'figure' ? FIGURE_CODE : INITIATIVE_CODE;
            return diagnostic;
          }));
        } else this.collection.delete(document.uri);
      }
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document !== document || this.painted.get(editor) === shown) continue;
        const decorations = mode === 'decorations' ? items.map((_, i) => ({ range: range(i), hoverMessage: messages[i] })) : [];
        editor.setDecorations(this.decoration, decorations);
        if (shown) this.painted.set(editor, shown);
      }
    });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** What a quick fix needs of a detected item. */
type Hint = Pick<Detection, 'kind' | 'start' | 'end' | 'text'> & Partial<Pick<DetectedFigure, 'value' | 'unit' | 'qualifier'>>;

/** The markup for one detected item; initiatives get a fresh id from their text. */
function markupFor(deps: EditorDeps, document: vscode.TextDocument, d: Hint, taken: Set<string>): string {
  const model = deps.notes.model(document);
  if (d.kind === 'figure') {
    // What detection read from outside the span (a verb's qualifier, a unit) goes into attributes.
    if (d.value === undefined) return annotationMarkup(spanText(d.text), 'figure');
    return detectedFigureMarkup({ text: d.text, value: d.value, unit: d.unit, qualifier: d.qualifier ?? null }, spanText(d.text), model?.language ?? 'en');
  }
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
    void vscode.window.showInformationMessage(vscode.l10n.t('Summit Notes: open a notes file to annotate its figures.'));
    return 0;
  }
  const document = editor.document;
  const result = hints.detection(document);
  const selections = editor.selections.filter((s) => !s.isEmpty).map((s) => [document.offsetAt(s.start), document.offsetAt(s.end)] as const);
  const figures = hints.visible(document.uri, (result?.figures ?? []).filter((f) => selections.length === 0 || selections.some(([s, e]) => f.start >= s && f.end <= e)));
  const language = deps.notes.model(document)?.language ?? 'en';
  if (figures.length === 0) {
    void vscode.window.showInformationMessage(selections.length ? vscode.l10n.t('Summit Notes: no unannotated figures in the selection.') : vscode.l10n.t('Summit Notes: no unannotated figures in this file.'));
    return 0;
  }
  const version = document.version;
  const ok = await editor.edit((builder) => {
    for (const f of figures) builder.replace(offsetsToRange(document, f.start, f.end), detectedFigureMarkup(f, spanText(f.text), language));
  });
  if (!ok || document.version === version) return 0;
  void vscode.window.showInformationMessage(figures.length === 1 ? vscode.l10n.t('Summit Notes: annotated 1 figure.') : vscode.l10n.t('Summit Notes: annotated {0} figures.', figures.length));
  return figures.length;
}

/**
 * Hints for unannotated figures and suggested initiatives, their quick fixes ("Annotate as
 * figure" / "Annotate as initiative"), and "Annotate All Detected Figures".
 */
export function registerDetectionHints(deps: EditorDeps, storage: DismissalStorage): vscode.Disposable {
  const dismissed = new DismissedSuggestions(storage);
  const hints = new DetectionHints(deps, dismissed);
  const actions = vscode.languages.registerCodeActionsProvider(NOTES_SELECTOR, {
    provideCodeActions(document, range, context, token) {
      return guarded(deps, 'detection quick fixes', token, [], () => {
        if (hintMode(document) === 'off' || !deps.notes.isActive(document)) return [];
        // The lightbulb asks at every cursor move: never a detection of its own. The hints of this
        // version when known, else the hints the editor shows (those of the last refresh).
        const result = hints.current(document);
        const found: Hint[] = result ? hints.visible(document.uri, [...result.figures, ...result.initiatives]) : context.diagnostics
          .filter((x) => x.code === FIGURE_CODE || x.code === INITIATIVE_CODE)
          .map((x) => ({
            kind: x.code === FIGURE_CODE ? 'figure' : 'initiative', text: document.getText(x.range),
            start: document.offsetAt(x.range.start), end: document.offsetAt(x.range.end),
          }));
        const start = document.offsetAt(range.start);
        const end = document.offsetAt(range.end);
        const taken = new Set<string>();
        const out: vscode.CodeAction[] = [];
        for (const d of found) {
          if (d.end < start || d.start > end) continue;
          const title = d.kind === 'figure' ? vscode.l10n.t('Annotate as figure') : vscode.l10n.t('Annotate as initiative');
          const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, offsetsToRange(document, d.start, d.end), markupFor(deps, document, d, taken));
          const code = d.kind === 'figure' ? FIGURE_CODE : INITIATIVE_CODE;
          const shown = context.diagnostics.filter((x) => x.code === code && document.offsetAt(x.range.start) === d.start);
          if (shown.length) action.diagnostics = shown;
          out.push(action);
          const dismiss = new vscode.CodeAction('Dismiss this suggestion', vscode.CodeActionKind.QuickFix);
          dismiss.command = { title: 'Dismiss this suggestion', command: DISMISS_SUGGESTION, arguments: [document.uri.toString(), d.kind, d.text] };
          if (shown.length) dismiss.diagnostics = shown;
          out.push(dismiss);
        }
        return out;
      });
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
  const command = vscode.commands.registerCommand(ANNOTATE_DETECTED_FIGURES, () => annotateDetectedFigures(deps, hints));
  const dismiss = vscode.commands.registerCommand(DISMISS_SUGGESTION, async (uri: unknown, kind: unknown, text: unknown) => {
    if (typeof uri !== 'string' || (kind !== 'figure' && kind !== 'initiative') || typeof text !== 'string') return;
    await dismissed.dismiss(vscode.Uri.parse(uri), { kind, text });
  });
  const restore = vscode.commands.registerCommand(SHOW_DISMISSED_SUGGESTIONS, async () => {
    // The active notes file's dismissals; with none open, every file's.
    const editor = vscode.window.activeTextEditor;
    const uri = editor && deps.notes.isActive(editor.document) ? editor.document.uri : undefined;
    const count = await dismissed.restore(uri);
    void vscode.window.showInformationMessage(`Summit Notes: ${count} dismissed suggestion${count === 1 ? '' : 's'} shown again.`);
    return count;
  });
  return vscode.Disposable.from(hints, actions, command, dismiss, restore, dismissed);
}
