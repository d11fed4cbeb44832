/**
 * The "Link with …" quick fix on an initiative without `track=` that looks like initiatives in other
 * notes files, and the command the hover's link runs: both add `track=KEY` to both mentions in one
 * undoable edit (trackLinks.ts).
 */
import * as vscode from 'vscode';
import { fileLabel } from '../core';
import { NOTES_SELECTOR } from './modelCache';
import { guardedAsync, type EditorDeps } from './notesDocuments';
import { LINK_INITIATIVE, linkEdit, linkTitle, suggestionsAt, type LinkArgs } from './trackLinks';
import type { WorkspaceIndex } from './workspaceIndex';

/** The lightbulb offers the best few; the hover lists more. */
const MAX_ACTIONS = 3;

function isLinkArgs(x: unknown): x is LinkArgs {
  const a = x as Partial<LinkArgs> | undefined;
  return !!a && typeof a.uri === 'string' && typeof a.path === 'string' && Number.isInteger(a.start) && Number.isInteger(a.otherStart);
}

/** The quick fix and the command that link an initiative with a suggested one. */
export function registerLinkActions(deps: EditorDeps, index: WorkspaceIndex): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context, token) {
      return guardedAsync(deps, 'link actions', token, [], async () => {
        if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
        const model = deps.notes.model(document);
        const offset = document.offsetAt(range.start);
        if (!model || !model.annotationAt(offset)) return [];
        // Never the first reading of the workspace at a cursor move: start it, answer next time.
        if (!index.isReady) {
          index.startReading();
          return [];
        }
        const workspace = index.current;
        const found = suggestionsAt(workspace, index, document, model, offset);
        if (!found) return [];
        const actions: vscode.CodeAction[] = [];
        for (const s of found.suggestions.slice(0, MAX_ACTIONS)) {
          const edit = await linkEdit(deps, index, document, found, s);
          if (!edit || token.isCancellationRequested) continue;
          const title = workspace.files.get(s.path)?.article.title ?? fileLabel(s.path);
          const action = new vscode.CodeAction(linkTitle(found, s, title), vscode.CodeActionKind.QuickFix);
          action.edit = edit;
          actions.push(action);
        }
        return actions;
      });
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(NOTES_SELECTOR, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(LINK_INITIATIVE, async (args: unknown): Promise<boolean> => {
      if (!isLinkArgs(args)) return false;
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
        const model = deps.notes.model(document);
        if (!model) return false;
        const workspace = await index.flush();
        const found = suggestionsAt(workspace, index, document, model, args.start);
        const suggestion = found?.suggestions.find((s) => s.path === args.path && s.start === args.otherStart);
        const edit = found && suggestion ? await linkEdit(deps, index, document, found, suggestion) : undefined;
        if (!edit) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The notes changed since the suggestion was made; hover the initiative again.'));
          return false;
        }
        return await vscode.workspace.applyEdit(edit);
      } catch (err) {
        deps.log(`link failed: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      }
    }),
  );
}
