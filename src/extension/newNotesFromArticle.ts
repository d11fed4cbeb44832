/**
 * New Notes from Article…: an article from the clipboard or a .txt, .md or .html file becomes a
 * new notes file with its front matter filled in; the article itself is never changed.
 */
import * as vscode from 'vscode';
import { MAX_HTML_CHARS, htmlTooLargeMessage, importArticle, type ArticleInput } from '../core';
import { loadHtmlReader } from './htmlReader';
import { LANGUAGE_ID } from './modelCache';
import type { EditorDeps } from './notesDocuments';

export const NEW_NOTES_FROM_ARTICLE = 'summitNotes.newNotesFromArticle';

/** Where the article comes from; a test (or a keybinding) may pass it to skip the pick. */
type ArticleSource = 'clipboard' | vscode.Uri;

/** Clipboard text that is a web page's markup rather than its text. */
function looksLikeHtml(text: string): boolean {
  return /^\s*</u.test(text) && /<\/(?:p|div|article|body|html|span|li)>/iu.test(text);
}

async function articleFrom(text: string, kind: 'html' | 'md' | 'txt', url?: string): Promise<ArticleInput> {
  // Loaded on first use from its own bundle: the DOM library is large and activation should not pay for it.
  if (kind === 'html') {
    if (text.length > MAX_HTML_CHARS) throw new Error(htmlTooLargeMessage(text.length));
    return (await loadHtmlReader()).articleFromHtml(text, url);
  }
  return { text, markdown: kind === 'md', url };
}

async function pickSource(): Promise<ArticleSource | undefined> {
  const picked = await vscode.window.showQuickPick([
    { label: `$(clippy) ${vscode.l10n.t('From the Clipboard')}`, description: vscode.l10n.t('text or HTML copied from a page'), source: 'clipboard' as const },
    { label: `$(file) ${vscode.l10n.t('From a File…')}`, description: vscode.l10n.t('.txt, .md or .html'), source: 'file' as const },
  ], { title: vscode.l10n.t('New Notes from Article'), placeHolder: vscode.l10n.t('Where is the article?') });
  if (!picked) return undefined;
  if (picked.source === 'clipboard') return 'clipboard';
  const files = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Open an article'), canSelectMany: false, openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Articles')]: ['txt', 'md', 'markdown', 'html', 'htm'] },
  });
  return files?.[0];
}

/**
 * A sibling of `source` named `<name>.summit.md` (or `<name>-2.summit.md` …) that neither exists on
 * disk nor is held open by the editor (a document whose file was deleted stays in memory, and
 * opening its name again would show the old text instead of the new notes).
 */
async function freeSibling(source: vscode.Uri): Promise<vscode.Uri> {
  const name = source.path.split('/').pop() ?? 'article';
  const base = name.replace(/\.(?:txt|md|markdown|html?)$/iu, '') || 'article';
  const folder = vscode.Uri.joinPath(source, '..');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.summit.md`);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === candidate.toString())) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/**
 * "New Notes from Article…": the clipboard becomes an untitled notes document; a file becomes a
 * saved `<name>.summit.md` next to it (the article itself is only read). Resolves to the new
 * document, or undefined when cancelled or empty.
 */
async function newNotesFromArticle(deps: EditorDeps, given?: ArticleSource): Promise<vscode.TextDocument | undefined> {
  const source = given ?? (await pickSource());
  if (!source) return undefined;
  let notes: string;
  let target: vscode.Uri | undefined;
  if (source === 'clipboard') {
    const text = await vscode.env.clipboard.readText();
    if (!text.trim()) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Summit Notes: the clipboard is empty; copy an article first.'));
      return undefined;
    }
    notes = importArticle(await articleFrom(text, looksLikeHtml(text) ? 'html' : 'txt')).text;
  } else {
    const bytes = await vscode.workspace.fs.readFile(source);
    const text = new TextDecoder('utf-8').decode(bytes);
    const ext = (source.path.split('.').pop() ?? '').toLowerCase();
    const kind = ext === 'html' || ext === 'htm' ? 'html' : ext === 'md' || ext === 'markdown' ? 'md' : 'txt';
    notes = importArticle(await articleFrom(text, kind, source.scheme === 'file' ? undefined : source.toString())).text;
    target = await freeSibling(source);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(notes));
  }
  const document = target
    ? await vscode.workspace.openTextDocument(target)
    : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: notes });
  await vscode.window.showTextDocument(document);
  deps.log(`new notes from ${source === 'clipboard' ? 'the clipboard' : source.path.split('/').pop()}${target ? ` → ${target.path.split('/').pop()}` : ''}`);
  return document;
}

/** The command "Summit Notes: New Notes from Article…". */
export function registerNewNotesFromArticle(deps: EditorDeps): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_NOTES_FROM_ARTICLE, async (given?: ArticleSource) => {
    try {
      return await newNotesFromArticle(deps, given);
    } catch (err) {
      deps.log(`new notes from article failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Summit Notes: could not import the article: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
  });
}
