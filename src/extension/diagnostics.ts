/**
 * The Problems view: the core's diagnostics of every notes document, in the notes' language,
 * updated once typing pauses.
 */
import * as vscode from 'vscode';
import type { Diagnostic, NotesModel, Severity } from '../core';
import { toRange } from './convert';
import { isNotesDocument } from './modelCache';
import { settleDelay, type EditorDeps } from './notesDocuments';
import { timed } from './workLog';
import { outputLanguage } from '../core';
import { localiseDiagnostics } from '../core';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
export const DIAGNOSTIC_SOURCE = 'summit-notes';
/** The Problems view stays usable: beyond this many, one summary entry says how many more there are. */
const MAX_PER_FILE = 1000;
/** Problems update a little after typing stops, so a half-typed span is not flagged at every key. */
const DEBOUNCE_MS = 250;

export function toDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  return out;
}

export function diagnosticsFor(model: NotesModel): vscode.Diagnostic[] {
  // Messages in the notes file's language (`language:`), not the editor's.
  const shown = localiseDiagnostics(model.diagnostics.slice(0, MAX_PER_FILE), outputLanguage(model.language)).map(toDiagnostic);
  const more = model.diagnostics.length - MAX_PER_FILE;
  if (more > 0) {
    const summary = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0),
      vscode.l10n.t('{0} more problems are not shown; fix the ones above first.', more), vscode.DiagnosticSeverity.Information);
    summary.source = DIAGNOSTIC_SOURCE;
    shown.push(summary);
  }
  return shown;
}

/** Problems from the core model for every open notes document; cleared when it closes. */
export function registerDiagnostics(deps: EditorDeps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const update = (document: vscode.TextDocument): void => timed('diagnostics', () => {
    try {
      if (!isNotesDocument(document)) {
        collection.delete(document.uri);
        return;
      }
      const model = deps.notes.model(document);
      if (!model) {
        collection.delete(document.uri);
        return;
      }
      collection.set(document.uri, diagnosticsFor(model));
    } catch (err) {
      deps.log(`diagnostics failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      update(document);
    }, settleDelay(document, DEBOUNCE_MS)));
  };

  for (const doc of vscode.workspace.textDocuments) update(doc);
  return vscode.Disposable.from(
    collection,
    deps.notes.onDidChange(schedule),
    // Also language switches: VS Code closes and reopens the document with the new language id.
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      clearTimeout(timers.get(doc.uri.toString()));
      collection.delete(doc.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('summitNotes')) vscode.workspace.textDocuments.forEach(update);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
