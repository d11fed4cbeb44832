/**
 * Recognising notes files beyond `*.summit.md`: Markdown with `summit-notes: 1` front matter, and
 * the command Treat as Notes.
 */
import * as vscode from 'vscode';
import { declaresSummitNotes } from '../core/text';
import { LANGUAGE_ID } from './notesLanguage';

/**
 * Recognition beyond `*.summit.md`: a Markdown file whose front matter says `summit-notes: 1`
 * switches to the notes language when opened (setting `summitNotes.detectInMarkdown`), and the
 * command "Summit Notes: Treat as Notes" switches any file by hand.
 */
export function registerLanguageDetection(): vscode.Disposable {
  const switchIfDeclared = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'markdown') return;
    if (!vscode.workspace.getConfiguration('summitNotes', doc).get<boolean>('detectInMarkdown')) return;
    if (declaresSummitNotes(doc.getText(new vscode.Range(0, 0, 2000, 0)))) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => undefined);
    }
  };
  for (const doc of vscode.workspace.textDocuments) switchIfDeclared(doc);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(switchIfDeclared),
    vscode.commands.registerCommand('summitNotes.treatAsNotes', async (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Summit Notes: open a file first, then run "Treat as Notes".'));
        return undefined;
      }
      return vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
  );
}
