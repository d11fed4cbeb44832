/**
 * Problems about `track=` keys across the workspace (the core's `trackFindingsForFile`: a key no
 * other file uses while a near one exists, a value that is not a key, `track=` off an initiative)
 * for every open notes document, in the notes' language, re-checked whenever the workspace model
 * changes; and the quick fix that replaces a misspelt key with a near one.
 */
import * as vscode from 'vscode';
import { nearTrackKeys, normaliseTrackKey, outputLanguage, trackFindingMessage, trackFindingsForFile, type DossierFinding, type Workspace } from '../core';
import { offsetsToRange } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { isNotesDocument, NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';
import type { WorkspaceIndex } from './workspaceIndex';

/** The findings' collection is apart from the file's own problems: each is replaced on its own schedule. */
const COLLECTION = 'summit-notes-tracks';

function findingsOf(workspace: Workspace, index: WorkspaceIndex, document: vscode.TextDocument): DossierFinding[] {
  return trackFindingsForFile(workspace, index.keyOf(document.uri));
}

/** True when the finding's place in `document` still holds what the workspace read there. */
function stillThere(document: vscode.TextDocument, f: DossierFinding): boolean {
  // The text's length from its last position: no copy of the whole text per finding.
  if (f.end > document.offsetAt(document.lineAt(document.lineCount - 1).range.end)) return false;
  const written = document.getText(offsetsToRange(document, f.start, f.end));
  return f.code === 'unknown-track' ? normaliseTrackKey(written) === f.data.track : true;
}

/** `track=` problems for open notes documents, and the "replace the key" quick fix. */
export function registerTrackDiagnostics(deps: EditorDeps, index: WorkspaceIndex): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(COLLECTION);

  const update = (workspace: Workspace, document: vscode.TextDocument): void => {
    try {
      if (!isNotesDocument(document) || !deps.notes.model(document)) {
        collection.delete(document.uri);
        return;
      }
      const language = outputLanguage(workspace.files.get(index.keyOf(document.uri))?.article.language);
      collection.set(document.uri, findingsOf(workspace, index, document).filter((f) => stillThere(document, f)).map((f) => {
        const d = new vscode.Diagnostic(offsetsToRange(document, f.start, f.end), trackFindingMessage(f, language, f.code === 'unknown-track' ? nearTrackKeys(workspace, f) : []), vscode.DiagnosticSeverity.Warning);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = f.code;
        return d;
      }));
    } catch (err) {
      deps.log(`track diagnostics failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const updateAll = (workspace: Workspace): void => {
    for (const doc of vscode.workspace.textDocuments) update(workspace, doc);
  };
  // The workspace is read once a notes file with a key is open (not at activation: it reads every file).
  const wake = (document: vscode.TextDocument): void => {
    // The shared model's text (parsed once per version for every feature), not another copy of the document's.
    if (!index.isReady && isNotesDocument(document) && deps.notes.model(document)?.text.includes('track=')) index.startReading();
  };
  vscode.workspace.textDocuments.forEach(wake);
  if (index.isReady) updateAll(index.current);

  return vscode.Disposable.from(
    collection,
    index.onDidChange(updateAll),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      wake(doc);
      if (index.isReady) update(index.current, doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
    vscode.languages.registerCodeActionsProvider(NOTES_SELECTOR, {
      provideCodeActions(document, range, context, token) {
        return guarded(deps, 'track key fixes', token, [], () => {
          if (!context.diagnostics.some((d) => d.code === 'unknown-track')) return [];
          const workspace = index.current;
          const start = document.offsetAt(range.start);
          const end = document.offsetAt(range.end);
          const actions: vscode.CodeAction[] = [];
          for (const f of findingsOf(workspace, index, document)) {
            if (f.code !== 'unknown-track' || f.end < start || f.start > end || !stillThere(document, f)) continue;
            const shown = context.diagnostics.find((d) => d.code === f.code && d.range.start.line === document.positionAt(f.start).line);
            nearTrackKeys(workspace, f).forEach((key, i) => {
              const action = new vscode.CodeAction(vscode.l10n.t('Change the key to {0}', key), vscode.CodeActionKind.QuickFix);
              action.edit = new vscode.WorkspaceEdit();
              action.edit.replace(document.uri, offsetsToRange(document, f.start, f.end), key);
              action.isPreferred = i === 0;
              if (shown) action.diagnostics = [shown];
              actions.push(action);
            });
          }
          return actions;
        });
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
