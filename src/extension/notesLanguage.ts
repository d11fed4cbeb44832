/**
 * The notes language id and the document selectors, each with a scheme.
 */
import type * as vscode from 'vscode';

/** The language id of notes files (package.json `contributes.languages`). */
export const LANGUAGE_ID = 'summit-notes';

export function isNotesDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

/**
 * Where notes documents live: files, untitled notes (New Notes from Article… from the clipboard),
 * a remote folder (`vscode-remote`: the web-worker host of a remote window) and virtual workspaces
 * (`vscode-vfs`: a repository opened without a clone). Each selector names its scheme, so no
 * provider is offered documents the extension knows nothing of (diff views of other versions,
 * output channels).
 */
export const NOTES_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** The selector every provider registers for. */
export const NOTES_SELECTOR: vscode.DocumentSelector = NOTES_SCHEMES.map((scheme) => ({ language: LANGUAGE_ID, scheme }));
