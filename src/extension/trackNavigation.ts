/**
 * Go to definition and find references for `track=` keys across files: on a key's value or
 * anywhere in a tracked initiative, definition goes to the key's first mention (the earliest
 * article), references list every mention in every notes file of the workspace.
 */
import * as vscode from 'vscode';
import { trackKeyAt, type InitiativeMention, type TrackKeyAt } from '../core';
import { offsetsToRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guardedAsync, type EditorDeps } from './notesDocuments';
import type { WorkspaceIndex } from './workspaceIndex';

/** Where a mention stands, as a location (its file's model turns offsets into positions). */
export async function mentionLocation(index: WorkspaceIndex, m: InitiativeMention): Promise<vscode.Location | undefined> {
  const uri = index.uriOf(m.path);
  const model = await index.notes.model(uri);
  if (!model || m.end > model.text.length) return undefined;
  const start = model.positionAt(m.start);
  const end = model.positionAt(m.end);
  return new vscode.Location(uri, new vscode.Range(start.line, start.character, end.line, end.character));
}

/** The key at `position` and its mentions across the workspace (merged up to the last keystroke). */
async function keyAndMentions(deps: EditorDeps, index: WorkspaceIndex, document: vscode.TextDocument, position: vscode.Position): Promise<{ at: TrackKeyAt; mentions: readonly InitiativeMention[] } | undefined> {
  const model = deps.notes.model(document);
  const at = model && trackKeyAt(model, document.offsetAt(position));
  if (!at) return undefined;
  const workspace = await index.flush();
  return { at, mentions: workspace.tracks.get(at.key) ?? [] };
}

/** Definition and references for track keys. */
export function registerTrackNavigation(deps: EditorDeps, index: WorkspaceIndex): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(NOTES_SELECTOR, {
      provideDefinition(document, position, token) {
        return guardedAsync(deps, 'track definition', token, [], async () => {
          const found = await keyAndMentions(deps, index, document, position);
          // The tracks are in article order (undated last): the first is where the story starts.
          const first = found?.mentions[0];
          const target = first && await mentionLocation(index, first);
          if (!found || !target) return [];
          return [{ originSelectionRange: offsetsToRange(document, found.at.start, found.at.end), targetUri: target.uri, targetRange: target.range }];
        });
      },
    }),
    vscode.languages.registerReferenceProvider(NOTES_SELECTOR, {
      provideReferences(document, position, context, token) {
        return guardedAsync(deps, 'track references', token, [], async () => {
          const found = await keyAndMentions(deps, index, document, position);
          if (!found) return [];
          const mentions = context.includeDeclaration ? found.mentions : found.mentions.slice(1);
          const out: vscode.Location[] = [];
          for (const m of mentions) {
            if (token.isCancellationRequested) return [];
            const location = await mentionLocation(index, m);
            if (location) out.push(location);
          }
          return out;
        });
      },
    }),
  );
}
