/**
 * The first-run walkthrough's own command: open a sample notes file in the editor's language.
 */
import * as vscode from 'vscode';

export const OPEN_SAMPLE = 'summitNotes.openSample';

/** The sample for the editor's display language: Russian for `ru…`, English otherwise. */
export function sampleFileName(displayLanguage: string): string {
  return displayLanguage.toLowerCase().startsWith('ru') ? 'sample.ru.summit.md' : 'sample.en.summit.md';
}

/**
 * "Open a Sample" of the first-run walkthrough: the sample shipped in media/walkthrough, opened
 * as an untitled notes document, so trying things out never changes the installed extension.
 * Returns the document (the integration test reads it).
 */
export function registerWalkthrough(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_SAMPLE, async (language?: string) => {
    const file = vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', sampleFileName(language ?? vscode.env.language));
    const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const document = await vscode.workspace.openTextDocument({ language: 'summit-notes', content });
    await vscode.window.showTextDocument(document);
    return document;
  });
}
