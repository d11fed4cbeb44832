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

const FORMAT_LABELS: Readonly<Record<BriefFormat, string>> = {
  html: 'HTML page (self-contained, prints well)',
  md: 'Markdown brief',
  json: 'JSON (the brief model)',
  csv: 'CSV (initiatives and figures)',
};

/**
 * "Summit Notes: Export Brief…": pick a format, pick a file (the save dialog asks before
 * overwriting), write it. The notes file itself is never written.
 */
export function registerBriefExport(models: NotesModelCache): vscode.Disposable {
  return vscode.commands.registerCommand('summitNotes.exportBrief', async (arg?: vscode.Uri | ExportBriefArgs) => {
    try {
      return await exportBrief(models, arg instanceof vscode.Uri ? { uri: arg } : arg ?? {});
    } catch (e) {
      void vscode.window.showErrorMessage(`Export Brief failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  });
}

async function exportBrief(models: NotesModelCache, args: ExportBriefArgs): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = args.uri ?? (active && isNotesDocument(active) ? active.uri : undefined);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a notes file (*.summit.md) to export its brief.');
    return undefined;
  }
  const format = args.format ?? (await vscode.window.showQuickPick(
    BRIEF_FORMATS.map((f) => ({ label: f.toUpperCase(), description: FORMAT_LABELS[f], format: f })),
    { title: 'Export Brief', placeHolder: 'Format of the brief' },
  ))?.format;
  if (!format) return undefined;

  const base = uri.path.split('/').pop()?.replace(/\.summit\.md$|\.md$/i, '') || 'brief';
  let target = args.target;
  if (!target) {
    // The save dialog asks before replacing an existing file; that confirmation is the one we rely on.
    target = await vscode.window.showSaveDialog({
      title: 'Export Brief',
      defaultUri: vscode.Uri.joinPath(uri, '..', base + briefFileExtension(format)),
      filters: { [FORMAT_LABELS[format]]: [format] },
    });
    if (!target) return undefined;
  } else if (!args.overwrite && (await exists(target))) {
    const answer = await vscode.window.showWarningMessage(`${target.path.split('/').pop()} exists. Replace it?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return undefined;
  }
  if (target.toString() === uri.toString()) throw new Error('the brief cannot be written over the notes file itself');

  const document = await vscode.workspace.openTextDocument(uri);
  const content = renderBrief(models.get(document), format);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`Brief exported to ${vscode.workspace.asRelativePath(target)}.`);
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
