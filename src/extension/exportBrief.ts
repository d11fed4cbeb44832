/**
 * Export Brief…: writes the brief as HTML, Markdown, JSON or CSV where the analyst chooses.
 */
import * as vscode from 'vscode';
import { BRIEF_FORMATS, briefFileExtension, renderBrief, type BriefFormat } from '../core';
import { isNotesDocument, type NotesModelCache } from './modelCache';

/** Arguments for scripted use (tests, other commands): skip the pickers. */
export interface ExportBriefArgs {
  readonly uri?: vscode.Uri;
  readonly format?: BriefFormat;
  readonly target?: vscode.Uri;
  /** Overwrite an existing `target` without asking (only for scripted use with an explicit target). */
  readonly overwrite?: boolean;
}

/** What each format is (a function: the UI language is known only once the extension runs). */
function formatLabel(format: BriefFormat): string {
  switch (format) {
    case 'html': return vscode.l10n.t('HTML page (self-contained, prints well)');
    case 'md': return vscode.l10n.t('Markdown brief');
    case 'json': return vscode.l10n.t('JSON (the brief model)');
    case 'csv': return vscode.l10n.t('CSV (initiatives and figures)');
  }
}

/**
 * "Summit Notes: Export Brief…": pick a format, pick a file (the save dialog asks before
 * overwriting), write it. The notes file itself is never written.
 */
export function registerBriefExport(models: NotesModelCache): vscode.Disposable {
  return vscode.commands.registerCommand('summitNotes.exportBrief', async (arg?: vscode.Uri | ExportBriefArgs) => {
    try {
      return await exportBrief(models, arg instanceof vscode.Uri ? { uri: arg } : arg ?? {});
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Export Brief failed: {0}', e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  });
}

async function exportBrief(models: NotesModelCache, args: ExportBriefArgs): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = args.uri ?? (active && isNotesDocument(active) ? active.uri : undefined);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a notes file (*.summit.md) to export its brief.'));
    return undefined;
  }
  const format = args.format ?? (await vscode.window.showQuickPick(
    BRIEF_FORMATS.map((f) => ({ label: f.toUpperCase(), description: formatLabel(f), format: f })),
    { title: vscode.l10n.t('Export Brief'), placeHolder: vscode.l10n.t('Format of the brief') },
  ))?.format;
  if (!format) return undefined;

  const base = uri.path.split('/').pop()?.replace(/\.summit\.md$|\.md$/i, '') || 'brief';
  let target = args.target;
  if (!target) {
    // The save dialog asks before replacing an existing file; that confirmation is the one we rely on.
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Brief'),
      defaultUri: vscode.Uri.joinPath(uri, '..', base + briefFileExtension(format)),
      filters: { [formatLabel(format)]: [format] },
    });
    if (!target) return undefined;
  } else if (!args.overwrite && (await exists(target))) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Replace it?', target.path.split('/').pop() ?? ''), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  if (target.toString() === uri.toString()) throw new Error(vscode.l10n.t('the brief cannot be written over the notes file itself'));

  const document = await vscode.workspace.openTextDocument(uri);
  const content = renderBrief(models.get(document), format);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(vscode.l10n.t('Brief exported to {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
