/**
 * The Initiatives view's data provider: the annotations of the active file (or the workspace)
 * grouped, filtered and refreshed as the notes change.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core';
import { hoverAt } from '../core';
import { GROUP_BY, groupAnnotations, initiativeAt, isEmptyFilter, type AnnotationFilter, type GroupBy } from '../core';
import { buildFileTree, countText, treeItemOf, type AnnotationNode, type FileNode, type FileTree, type GroupNode, type TreeNode } from './initiativesTreeData';
import { isNotesDocument } from './modelCache';
import { settleDelay, type EditorDeps } from './notesDocuments';
import { WorkspaceNotes } from './workspaceNotes';
import { timed } from './workLog';
import { buildTrackTree } from './initiativesTrackNodes';
import type { WorkspaceIndex } from './workspaceIndex';

export const VIEW_ID = 'summitNotes.initiatives';
/** `tracks`: the workspace grouped across files by `track=` key. */
type Scope = 'activeFile' | 'workspace' | 'tracks';
/** Typing refreshes the tree at most this often. */
const REFRESH_MS = 300;

/**
 * The Initiatives tree: the active notes file or every notes file in the workspace, grouped and
 * filtered, with counts in labels and a badge. Elements are light nodes over the core model; group
 * nodes keep their identity across refreshes so a refresh fires only the groups that changed.
 */
export class InitiativesTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  filter: AnnotationFilter = {};
  private readonly trees = new Map<string, FileTree>();
  private readonly groupCache = new Map<string, Map<string, GroupNode>>();
  private readonly fileNodes = new Map<string, FileNode>();
  private activeUri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  view: vscode.TreeView<TreeNode> | undefined;

  constructor(private readonly deps: EditorDeps, readonly workspaceNotes: WorkspaceNotes, private readonly index?: WorkspaceIndex) {
    this.activeUri = this.currentNotesUri();
  }

  get groupBy(): GroupBy {
    const value = vscode.workspace.getConfiguration('summitNotes').get<string>('tree.groupBy');
    return (GROUP_BY as readonly string[]).includes(value ?? '') ? (value as GroupBy) : 'section';
  }

  get scope(): Scope {
    const value = vscode.workspace.getConfiguration('summitNotes').get<string>('tree.scope');
    return value === 'workspace' || (value === 'tracks' && this.index) ? value : 'activeFile';
  }

  private currentNotesUri(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && isNotesDocument(doc) ? doc.uri : undefined;
  }

  /** Builds (or rebuilds) one file's part; returns what changed for a partial refresh. */
  private async build(uri: vscode.Uri, parent: FileNode | undefined): Promise<{ changed: GroupNode[]; sameShape: boolean } | undefined> {
    this.building++;
    try {
      return await this.buildNow(uri, parent);
    } finally {
      this.building--;
    }
  }

  private building = 0;

  private async buildNow(uri: vscode.Uri, parent: FileNode | undefined): Promise<{ changed: GroupNode[]; sameShape: boolean } | undefined> {
    const model = await this.workspaceNotes.model(uri);
    const key = uri.toString();
    if (!model) {
      this.trees.delete(key);
      return undefined;
    }
    let groups = this.groupCache.get(key);
    if (!groups) this.groupCache.set(key, (groups = new Map()));
    const { tree, changed, sameShape } = timed('tree', () => buildFileTree(uri, model, this.groupBy, this.filter, groups, parent));
    this.trees.set(key, tree);
    if (parent) {
      parent.groups = tree.groups;
      parent.count = tree.count;
    }
    return { changed, sameShape };
  }

  private fileNode(uri: vscode.Uri): FileNode {
    const key = uri.toString();
    let node = this.fileNodes.get(key);
    if (!node) this.fileNodes.set(key, (node = { type: 'file', uri, count: 0, groups: [] }));
    return node;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItemOf(node, this.groupBy, this.filter);
  }

  /** The hover text as tooltip, computed only for the item the pointer rests on. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.type === 'annotation') {
      const hover = hoverAt(node.model, node.annotation.contentRange.start);
      if (hover) item.tooltip = new vscode.MarkdownString(hover.markdown);
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (node) return node.type === 'file' ? node.groups : node.children;
      if (this.scope === 'tracks' && this.index) {
        const index = this.index;
        const workspace = await index.whenReady();
        const roots = buildTrackTree(index.isReady ? index.current : workspace, (path) => index.uriOf(path), this.filter);
        this.updateBadge(roots.filter((n) => n.type === 'track').length);
        return roots;
      }
      if (this.scope === 'workspace') {
        const files: FileNode[] = [];
        for (const uri of await this.workspaceNotes.files()) {
          const file = this.fileNode(uri);
          if (await this.build(uri, file)) files.push(file);
        }
        this.updateBadge(files.reduce((n, f) => n + f.count, 0));
        return files;
      }
      this.activeUri = this.currentNotesUri() ?? this.activeUri;
      const uri = this.activeUri;
      if (!uri || !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && isNotesDocument(d))) {
        this.updateBadge(undefined);
        return [];
      }
      await this.build(uri, undefined);
      const tree = this.trees.get(uri.toString());
      this.updateBadge(tree?.count);
      return tree?.groups ?? [];
    } catch (err) {
      this.deps.log(`Initiatives tree failed: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.type === 'file' ? undefined : node.parent;
  }

  /** The workspace index changed: the track mode lists it anew. */
  onWorkspaceChanged(): void {
    if (this.scope === 'tracks') this.changeEmitter.fire(undefined);
  }

  private updateBadge(count: number | undefined): void {
    if (!this.view) return;
    this.view.badge = count ? { value: count, tooltip: countText(count, this.groupBy) } : undefined;
    const f = this.filter;
    this.view.message = isEmptyFilter(f) ? undefined
      : `Filtered by ${[f.text ? `“${f.text}”` : '', f.area ? `area ${f.area}` : '', f.status ? `status ${f.status}` : ''].filter(Boolean).join(', ')}`;
    void vscode.commands.executeCommand('setContext', 'summitNotes.tree.filtered', !isEmptyFilter(f));
  }

  /** Everything anew (grouping, filter or scope changed). */
  refreshAll(): void {
    this.groupCache.clear();
    this.trees.clear();
    this.changeEmitter.fire(undefined);
  }

  /** Documents edited while the view was hidden: rebuilt when it shows again. */
  private readonly stale = new Set<vscode.TextDocument>();

  /** After an edit: rebuild the file, then fire only the groups that changed, when the shape held. */
  refreshDocument(document: vscode.TextDocument): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A hidden view shows nothing: no rebuild per pause in typing, one when it is opened.
    if (this.view && !this.view.visible) {
      if (this.trees.has(document.uri.toString())) this.stale.add(document);
      if (document.uri.toString() === this.activeUri?.toString()) this.refreshHiddenBadge(settleDelay(document, REFRESH_MS));
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void (async () => {
        const key = document.uri.toString();
        if (!this.trees.has(key)) return;
        const parent = this.scope === 'workspace' ? this.fileNode(document.uri) : undefined;
        const before = this.trees.get(key)?.count;
        const result = await this.build(document.uri, parent);
        if (!result || !result.sameShape) this.changeEmitter.fire(parent ?? undefined);
        else if (result.changed.length) this.changeEmitter.fire(result.changed);
        if (before !== this.trees.get(key)?.count) {
          if (this.scope === 'workspace') this.changeEmitter.fire(undefined);
          else this.updateBadge(this.trees.get(key)?.count);
        }
      })().catch((err: unknown) => this.deps.log(`Initiatives tree refresh failed: ${String(err)}`));
    }, settleDelay(document, REFRESH_MS));
  }

  private badgeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The badge while the view is hidden, when VS Code asks for no children: the count of the file
   * the view would list (the active notes file), from its model, so it never shows another file's.
   * The workspace-wide count is made by the listing itself.
   */
  refreshHiddenBadge(delayMs = 0): void {
    clearTimeout(this.badgeTimer);
    if (!this.view || this.view.visible || this.scope !== 'activeFile') return;
    this.badgeTimer = setTimeout(() => {
      const uri = this.activeUri;
      const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && isNotesDocument(d));
      const model = document && this.deps.notes.model(document);
      this.updateBadge(model && groupAnnotations(model, this.groupBy, this.filter).reduce((n, g) => n + g.annotations.length, 0));
    }, delayMs);
  }

  /** The view was shown: catch up on the edits made while it was hidden. */
  onVisible(): void {
    if (this.stale.size === 0) return;
    this.stale.clear();
    this.refreshAll();
  }

  onActiveEditorChanged(): void {
    const uri = this.currentNotesUri();
    if (this.scope === 'activeFile' && uri && uri.toString() !== this.activeUri?.toString()) {
      this.activeUri = uri;
      this.changeEmitter.fire(undefined);
      this.refreshHiddenBadge();
    }
  }

  /**
   * A notes document opened or closed that the file search does not list (an untitled note, one
   * outside the folder): the workspace-wide listing takes it in or drops it.
   */
  onNotesDocumentOpenedOrClosed(document: vscode.TextDocument): void {
    if (this.scope === 'workspace' && isNotesDocument(document) && document.uri.scheme !== 'file') this.refreshAll();
  }

  /** The node of the annotation at `offset` in `uri` (the initiative around it, else the annotation itself). */
  async nodeAt(uri: vscode.Uri, offset: number): Promise<AnnotationNode | undefined> {
    const key = uri.toString();
    if (!this.trees.has(key)) await this.getChildren();
    const tree = this.trees.get(key);
    if (!tree) return undefined;
    const candidates: (Annotation | undefined)[] = [tree.model.annotationAt(offset), initiativeAt(tree.model, offset)];
    for (let a = candidates[0]; a; a = a.parent) {
      const node = tree.nodes.get(a);
      if (node) return node;
    }
    return candidates[1] ? tree.nodes.get(candidates[1]) : undefined;
  }

  /** A refresh is scheduled or running: a node found now may be gone when VS Code lists its parent. */
  get refreshing(): boolean {
    return this.timer !== undefined || this.building > 0;
  }

  /**
   * Whether `node` is what the view lists now (its group still in its file's tree, the file still the
   * one shown). `reveal` of a node that is not fails inside VS Code, which logs it as an error.
   */
  isShown(node: AnnotationNode): boolean {
    const key = node.uri.toString();
    const tree = this.trees.get(key);
    if (!tree || tree.nodes.get(node.annotation) !== node) return false;
    if (this.scope === 'tracks' || (this.scope === 'activeFile' && key !== this.activeUri?.toString())) return false;
    let group: TreeNode = node;
    while (group.type === 'annotation') group = group.parent;
    return group.type === 'group' && tree.groups.includes(group);
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.badgeTimer);
    this.changeEmitter.dispose();
  }
}
