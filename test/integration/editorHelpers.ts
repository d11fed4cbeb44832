// Small helpers for the editor-feature tests (editor-*.test.ts): find text in a fixture, read a
// hover as plain text, wait for the shared model to have caught up with an edit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { executeProvider, fixtureUri, waitFor, writeWorkspaceFile } from './helpers';

/** The position of the `nth` occurrence of `needle` in the document, moved by `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = document.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth + 1}) is in ${document.uri.path.split('/').pop()}`);
  }
  return document.positionAt(at + delta);
}

/** All hover contents at `position` joined as Markdown source. */
export async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await executeProvider<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Our hover at `position` (the one mentioning a Summit Notes heading), failing when there is none. */
export async function ourHover(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return waitFor(async () => {
    const text = await hoverMarkdown(uri, position);
    return /\*\*(Initiative|Figure|Actor|Reference|Section|Glossary|Span)\*\*/.test(text) && text;
  }, `a Summit Notes hover at ${position.line}:${position.character}`);
}

/** Replaces the whole text of a document through an edit (tests that need a particular content). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** Labels of a document symbol tree, as nested arrays of "label" or ["label", children]. */
export function symbolOutline(symbols: vscode.DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children.length ? [s.name, symbolOutline(s.children)] : s.name));
}

/** Above this size a dirty document is reverted, never saved (saving 50 MB would outlast a hook). */
const SAVE_LIMIT = 1_000_000;

/**
 * Closes all editors without a "save changes?" dialog blocking the run: the tests edit only
 * scratch copies (`openCopy`) and files they generate, which are saved as they are while they
 * still exist on disk and are small; anything else (untitled, deleted, big) is reverted, so a test
 * never writes a file back that another test deleted.
 */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    if (document.uri.scheme === 'file' && document.getText().length <= SAVE_LIMIT && await exists(document.uri)) {
      await document.save();
    } else {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Deletes files a test generated (big or broken ones), so later tests and the tree do not read them. */
export async function deleteGenerated(uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris.splice(0)) {
    // Edits still held in memory first: a dirty document whose file is gone would be saved back.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
    if (open) {
      await vscode.window.showTextDocument(open);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

let copies = 0;
/**
 * Opens a fresh copy of a fixture (`scratch-<n>-<name>`), for tests that edit: no test sees
 * another test's changes, whatever the order.
 */
export async function openCopy(fixture: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(fixture)));
  const uri = await writeWorkspaceFile(`scratch-${++copies}-${fixture}`, text);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { document, editor };
}

/** About `bytes` of notes: paragraphs with an initiative, a nested figure and an actor each. */
export function generatedNotes(bytes: number): string {
  const parts = ['---\ntitle: Generated\nareas:\n  ports: Ports\n---\n\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const chunk = (i % 40 === 0 ? `## Section ${i / 40}\n\n` : '')
      + `Delegation ${i} proposed [a harbour project number ${i} with [${i + 1} million euros]{.figure metric="budget" year=2026}]{.initiative #p${i} area=ports status=proposed}`
      + ` while [Minister ${i}]{.actor} spoke about plain matters at some length to fill the paragraph.\n\n`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}
