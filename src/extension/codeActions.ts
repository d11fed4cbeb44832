/**
 * Quick fixes for the core's diagnostics: close a span, add an area to the vocabulary, create a
 * missing reference target, rewrite a date as ISO, each one undoable edit.
 */
import * as vscode from 'vscode';
import type { Diagnostic, NotesModel } from '../core';
import { addAreaEdit, createHeadingTargetEdit, type TextEdit } from '../core';
import { offsetsToRange } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';

interface Fix {
  readonly title: string;
  readonly edit: TextEdit;
  readonly preferred?: boolean;
}

function str(data: Diagnostic['data'], key: string): string | undefined {
  const v = data?.[key];
  return v === undefined ? undefined : String(v);
}

/** The quick fix a core diagnostic allows, from its `data` (or none when no fix is clear). */
export function fixFor(model: NotesModel, d: Diagnostic): Fix | undefined {
  switch (d.code) {
    case 'unclosed-span':
    case 'unclosed-attributes': {
      const insert = str(d.data, 'insert');
      const at = Number(d.data?.at);
      if (insert === undefined || !Number.isInteger(at)) return undefined;
      return { title: vscode.l10n.t('Close the span with {0}', insert), edit: { start: at, end: at, newText: insert }, preferred: true };
    }
    case 'unknown-area': {
      const area = str(d.data, 'area');
      const edit = area ? addAreaEdit(model, area) : undefined;
      return area && edit ? { title: vscode.l10n.t('Add area "{0}" to the vocabulary', area), edit, preferred: true } : undefined;
    }
    case 'unresolved-reference': {
      const id = str(d.data, 'id') ?? model.referenceAt(d.range.start)?.targetId;
      if (!id) return undefined;
      const title = model.referenceAt(d.range.start)?.text ?? id;
      return { title: vscode.l10n.t('Create a heading {0} for this reference', `{#${id}}`), edit: createHeadingTargetEdit(model, id, title) };
    }
    case 'date-not-iso': {
      const iso = str(d.data, 'iso');
      if (!iso) return undefined;
      return { title: vscode.l10n.t('Write the date as {0}', iso), edit: { start: d.range.start, end: d.range.end, newText: iso }, preferred: true };
    }
    default:
      return undefined;
  }
}

/** Quick fixes for the core's diagnostics: close a span, add an area, create a target, ISO dates. */
export function registerCodeActions(deps: EditorDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(NOTES_SELECTOR, {
    provideCodeActions(document, range, context, token) {
      return guarded(deps, 'code actions', token, [], () => {
        // The lightbulb asks at every cursor move, right after each keystroke: reading the new
        // version's problems (a pass over the whole file) waits until the editor shows one here.
        if (!context.diagnostics.some((x) => x.source === DIAGNOSTIC_SOURCE)) return [];
        const model = deps.notes.model(document);
        if (!model) return [];
        const start = document.offsetAt(range.start);
        const end = document.offsetAt(range.end);
        const actions: vscode.CodeAction[] = [];
        // The model's own diagnostics (with their data), not the editor's copies, which lost it.
        for (const d of model.diagnostics) {
          if (d.range.end < start || d.range.start > end) continue;
          const fix = fixFor(model, d);
          if (!fix) continue;
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, offsetsToRange(document, fix.edit.start, fix.edit.end), fix.edit.newText);
          action.isPreferred = fix.preferred;
          const shown = context.diagnostics.find((x) => x.code === d.code && x.range.start.line === d.range.startPosition.line);
          if (shown) action.diagnostics = [shown];
          actions.push(action);
        }
        return actions;
      });
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
