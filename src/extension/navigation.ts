/**
 * Go to definition, find references and rename for ids, and stepping between annotations.
 */
import * as vscode from 'vscode';
import { declarationsOf, idAt, idOccurrences, isValidId, targetRange } from '../core';
import { toRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';

/** Every place `id` is written in `document`, as locations (declarations first). */
export function referenceLocations(deps: EditorDeps, document: vscode.TextDocument, id: string, includeDeclaration: boolean): vscode.Location[] {
  const model = deps.notes.model(document);
  if (!model) return [];
  const { declarations, references } = idOccurrences(model, id);
  const ranges = includeDeclaration ? [...declarations, ...references] : references;
  return ranges.map((r) => new vscode.Location(document.uri, toRange(r)));
}

/**
 * Go to definition, find references and rename for annotation and heading ids, and document
 * links on `[text](#id)` references.
 */
export function registerNavigation(deps: EditorDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(NOTES_SELECTOR, {
      provideDefinition(document, position, token) {
        return guarded(deps, 'definition', token, [], () => {
          const model = deps.notes.model(document);
          const at = model && idAt(model, document.offsetAt(position));
          if (!model || !at) return [];
          return declarationsOf(model, at.id).map((t): vscode.LocationLink => ({
            originSelectionRange: toRange(at.range),
            targetUri: document.uri,
            targetRange: toRange(targetRange(t)),
          }));
        });
      },
    }),
    vscode.languages.registerReferenceProvider(NOTES_SELECTOR, {
      provideReferences(document, position, context, token) {
        return guarded(deps, 'references', token, [], () => {
          const model = deps.notes.model(document);
          const at = model && idAt(model, document.offsetAt(position), true);
          return at ? referenceLocations(deps, document, at.id, context.includeDeclaration) : [];
        });
      },
    }),
    vscode.languages.registerRenameProvider(NOTES_SELECTOR, {
      prepareRename(document, position, token) {
        const model = deps.notes.model(document);
        const at = model && !token.isCancellationRequested ? idAt(model, document.offsetAt(position)) : undefined;
        // Throwing is how a rename provider says "nothing to rename here" (the editor shows the message).
        if (!at) throw new Error(vscode.l10n.t('Place the cursor on an #id or a reference to rename it.'));
        return { range: toRange(at.range), placeholder: at.id };
      },
      provideRenameEdits(document, position, newName, token) {
        const model = deps.notes.model(document);
        const at = model && !token.isCancellationRequested ? idAt(model, document.offsetAt(position)) : undefined;
        if (!model || !at) return undefined;
        const id = newName.replace(/^#/, '').trim();
        if (!isValidId(id)) throw new Error(`"${newName}" cannot be an id: use letters, digits, "-" or "_", no spaces.`);
        const edit = new vscode.WorkspaceEdit();
        const { declarations, references } = idOccurrences(model, at.id);
        for (const r of [...declarations, ...references]) edit.replace(document.uri, toRange(r), id);
        return edit;
      },
    }),
    vscode.languages.registerDocumentLinkProvider(NOTES_SELECTOR, {
      provideDocumentLinks(document, token) {
        return guarded(deps, 'document links', token, [], () => {
          const model = deps.notes.model(document);
          if (!model) return [];
          const links: vscode.DocumentLink[] = [];
          for (const ref of model.references) {
            if (!ref.target) continue;
            const start = targetRange(ref.target).startPosition;
            // `#L<line>,<col>` opens the file at that place (1-based), as VS Code's own links do.
            const link = new vscode.DocumentLink(toRange(ref.targetRange), document.uri.with({ fragment: `L${start.line + 1},${start.character + 1}` }));
            link.tooltip = vscode.l10n.t('Go to #{0}', ref.targetId);
            links.push(link);
          }
          return links;
        });
      },
    }),
  );
}
