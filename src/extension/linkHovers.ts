/**
 * The "Also in N articles?" hover on an initiative without `track=` that looks like initiatives in
 * other notes files: the other articles in the notes' language, each with a link that adds the key
 * (the same edit as the "Link with …" quick fix).
 */
import * as vscode from 'vscode';
import { alsoInHover, linkKey, outputLanguage } from '../core';
import { offsetsToRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guardedAsync, type EditorDeps } from './notesDocuments';
import { LINK_INITIATIVE, suggestionsAt, type LinkArgs } from './trackLinks';
import type { WorkspaceIndex } from './workspaceIndex';

function commandLink(label: string, args: LinkArgs): string {
  return `[${label}](command:${LINK_INITIATIVE}?${encodeURIComponent(JSON.stringify([args]))})`;
}

/** The hover part that lists suggested links (VS Code shows it under the initiative's own hover). */
export function registerLinkHovers(deps: EditorDeps, index: WorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerHoverProvider(NOTES_SELECTOR, {
    provideHover(document, position, token) {
      return guardedAsync(deps, 'link hover', token, undefined, async () => {
        const model = deps.notes.model(document);
        // Cheap test first: the hover asks at every mouse rest.
        if (!model || !model.annotationAt(document.offsetAt(position))) return undefined;
        const workspace = await index.flush();
        if (token.isCancellationRequested) return undefined;
        const found = suggestionsAt(workspace, index, document, model, document.offsetAt(position));
        if (!found) return undefined;
        const uri = document.uri.toString();
        const text = alsoInHover({
          suggestions: found.suggestions,
          language: outputLanguage(model.language),
          articleOf: (path) => workspace.files.get(path)?.article,
          keyOf: (s) => linkKey(workspace, found.mention, s),
          linkTo: (s, label) => commandLink(label, { uri, start: found.mention.start, path: s.path, otherStart: s.start }),
        });
        const markdown = new vscode.MarkdownString(text);
        markdown.isTrusted = { enabledCommands: [LINK_INITIATIVE] };
        return new vscode.Hover(markdown, offsetsToRange(document, found.mention.start, found.mention.end));
      });
    },
  });
}
