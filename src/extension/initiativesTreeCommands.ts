/**
 * The Initiatives view's commands: group by, filter, scope, follow the cursor, change a status,
 * copy an id, find references.
 */
import * as vscode from 'vscode';
import { testHooks } from './testHooks';
import { DEFAULT_STATUSES } from '../core';
import { GROUP_BY, type AnnotationFilter, type GroupBy } from '../core';
import { setAttributeEdit } from '../core';
import { offsetsToRange } from './convert';
import type { InitiativesTree } from './initiativesTree';
import type { AnnotationNode, TreeNode } from './initiativesTreeData';
import { referenceLocations } from './navigation';
import type { EditorDeps } from './notesDocuments';

/** A plain picture of the tree (labels, descriptions, children) for tests and screenshots. */
export interface TreeSnapshot {
  readonly label: string;
  readonly description?: string;
  readonly children: TreeSnapshot[];
}

async function snapshot(tree: InitiativesTree, node?: TreeNode, depth = 0): Promise<TreeSnapshot[]> {
  const out: TreeSnapshot[] = [];
  for (const child of await tree.getChildren(node)) {
    const item = tree.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? item.resourceUri?.path.split('/').pop() ?? '';
    out.push({ label, description: typeof item.description === 'string' ? item.description : undefined, children: depth < 4 ? await snapshot(tree, child, depth + 1) : [] });
  }
  return out;
}

async function openAt(uriString: string, start: number, end: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriString));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function annotationNode(node: unknown): AnnotationNode | undefined {
  return node && typeof node === 'object' && (node as TreeNode).type === 'annotation' ? node as AnnotationNode : undefined;
}

/** The tree's commands: reveal, copy id, find references, change status, filter, group, scope. */
export function registerTreeCommands(deps: EditorDeps, tree: InitiativesTree, view: vscode.TreeView<TreeNode>): vscode.Disposable {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('summitNotes');
  const setFilter = (filter: AnnotationFilter): void => {
    tree.filter = filter;
    tree.refreshAll();
  };
  const nodeOrSelection = (node: unknown): AnnotationNode | undefined => annotationNode(node) ?? annotationNode(view.selection[0]);

  return vscode.Disposable.from(
    vscode.commands.registerCommand('summitNotes.revealAnnotation', async (uri: string, start: number, end: number, id?: string) => {
      // An item the tree did not redraw after an edit above it holds old offsets: its id says where it is now.
      if (id) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        const target = deps.notes.model(document)?.ids.get(id);
        if (target && !('level' in target)) return openAt(uri, target.contentRange.start, target.contentRange.end);
      }
      return openAt(uri, start, end);
    }),
    vscode.commands.registerCommand('summitNotes.revealInTree', async (uri?: string, offset?: number) => {
      const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      const editor = vscode.window.activeTextEditor;
      const at = offset ?? (editor ? editor.document.offsetAt(editor.selection.active) : 0);
      if (!target) return false;
      await vscode.commands.executeCommand('summitNotes.initiatives.focus');
      const node = await tree.nodeAt(target, at);
      if (!node || !tree.isShown(node)) return false;
      await view.reveal(node, { select: true, focus: true, expand: true });
      return true;
    }),
    vscode.commands.registerCommand('summitNotes.tree.copyId', async (node?: unknown) => {
      const id = nodeOrSelection(node)?.annotation.id;
      if (id) await vscode.env.clipboard.writeText(id);
      return id;
    }),
    vscode.commands.registerCommand('summitNotes.tree.findReferences', async (node?: unknown) => {
      const n = nodeOrSelection(node);
      if (!n?.annotation.id) return;
      const document = await vscode.workspace.openTextDocument(n.uri);
      const locations = referenceLocations(deps, document, n.annotation.id, false);
      await vscode.commands.executeCommand('editor.action.showReferences', n.uri, document.positionAt(n.annotation.range.start), locations);
    }),
    vscode.commands.registerCommand('summitNotes.tree.changeStatus', async (node?: unknown, status?: string) => {
      const n = nodeOrSelection(node);
      if (!n) return false;
      const document = await vscode.workspace.openTextDocument(n.uri);
      const model = deps.notes.model(document);
      // The node may be a refresh behind: find the same annotation in the current model.
      const a = model?.annotations.find((x) => x.range.start === n.annotation.range.start && x.kind === n.annotation.kind)
        ?? (n.annotation.id ? model?.annotations.find((x) => x.id === n.annotation.id) : undefined);
      if (!model || !a) return false;
      const statuses = model.frontMatter?.statuses ?? DEFAULT_STATUSES;
      const current = a.attribute('status');
      const chosen = status ?? (await vscode.window.showQuickPick(statuses.map((s) => ({ label: s, description: s === current ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('Status of “{0}”', a.plainText.slice(0, 50)) }))?.label;
      if (!chosen || chosen === current) return false;
      const edit = setAttributeEdit(model, a, 'status', chosen);
      if (!edit) return false;
      // One WorkspaceEdit: one undo step.
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.replace(document.uri, offsetsToRange(document, edit.start, edit.end), edit.newText);
      return vscode.workspace.applyEdit(workspaceEdit);
    }),
    vscode.commands.registerCommand('summitNotes.tree.filter', async (given?: AnnotationFilter) => {
      if (given && typeof given === 'object') return setFilter({ ...given });
      const pick = await vscode.window.showQuickPick([
        { label: `$(search) ${vscode.l10n.t('Text…')}`, value: 'text' as const },
        { label: `$(tag) ${vscode.l10n.t('Area…')}`, value: 'area' as const },
        { label: `$(pulse) ${vscode.l10n.t('Status…')}`, value: 'status' as const },
        { label: `$(clear-all) ${vscode.l10n.t('Clear filter')}`, value: 'clear' as const },
      ], { title: vscode.l10n.t('Filter the Initiatives tree') });
      if (!pick) return undefined;
      if (pick.value === 'clear') return setFilter({});
      if (pick.value === 'text') {
        const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Show initiatives containing'), value: tree.filter.text });
        return text === undefined ? undefined : setFilter({ ...tree.filter, text: text || undefined });
      }
      const editor = vscode.window.activeTextEditor;
      const model = editor ? deps.notes.model(editor.document) : undefined;
      const values = pick.value === 'area' ? [...(model?.frontMatter?.areas.keys() ?? [])] : [...(model?.frontMatter?.statuses ?? DEFAULT_STATUSES)];
      const value = await vscode.window.showQuickPick(values, { title: pick.value === 'area' ? vscode.l10n.t('Show initiatives with area') : vscode.l10n.t('Show initiatives with status') });
      return value === undefined ? undefined : setFilter({ ...tree.filter, [pick.value]: value });
    }),
    vscode.commands.registerCommand('summitNotes.tree.clearFilter', () => setFilter({})),
    vscode.commands.registerCommand('summitNotes.tree.groupBy', async (given?: GroupBy) => {
      const value = given ?? (await vscode.window.showQuickPick(GROUP_BY.map((g) => ({ label: g, description: g === tree.groupBy ? vscode.l10n.t('current') : undefined })),
        { title: vscode.l10n.t('Group the Initiatives tree by') }))?.label;
      if (value && (GROUP_BY as readonly string[]).includes(value)) await config().update('tree.groupBy', value, vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand('summitNotes.tree.toggleScope', () =>
      config().update('tree.scope', tree.scope === 'workspace' ? 'activeFile' : 'workspace', vscode.ConfigurationTarget.Global)),
    // Workspace mode by track key and back; the setting remembers it.
    vscode.commands.registerCommand('summitNotes.tree.toggleTracks', () =>
      config().update('tree.scope', tree.scope === 'tracks' ? 'activeFile' : 'tracks', vscode.ConfigurationTarget.Global)),
    vscode.commands.registerCommand('summitNotes.tree.toggleFollow', () =>
      config().update('tree.followCursor', config().get<boolean>('tree.followCursor') === false, vscode.ConfigurationTarget.Global)),
    testHooks.provide('treeSnapshot', () => snapshot(tree)),
    testHooks.provide('treeBadge', () => ({ value: view.badge?.value, tooltip: view.badge?.tooltip, visible: view.visible })),
    testHooks.provide('treeSelection', () => view.selection.map((n) => n.type === 'annotation' ? n.annotation.id ?? n.annotation.plainText : n.type)),
  );
}
