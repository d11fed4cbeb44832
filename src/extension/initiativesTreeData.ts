/**
 * The Initiatives view's nodes and tree items, built from the core's groups.
 */
import * as vscode from 'vscode';
import type { Annotation, NotesModel } from '../core';
import { groupAnnotations, isEmptyFilter, NO_VALUE, type AnnotationFilter, type GroupBy } from '../core';
import { trackTreeItem, type TrackTreeNode } from './initiativesTrackNodes';

/** A group's label in the editor's language: the kinds and the "no value" groups are our words, the rest the file's. */
function groupLabel(key: string, label: string, groupBy: GroupBy): string {
  if (groupBy === 'kind') {
    if (key === 'initiative') return vscode.l10n.t('Initiatives');
    if (key === 'figure') return vscode.l10n.t('Figures');
    if (key === 'actor') return vscode.l10n.t('Actors');
    return label;
  }
  if (key !== NO_VALUE) return label;
  if (groupBy === 'section') return vscode.l10n.t('(before the first heading)');
  return groupBy === 'area' ? vscode.l10n.t('(no area)') : vscode.l10n.t('(no status)');
}

/** A notes file (workspace scope only). */
export interface FileNode {
  readonly type: 'file';
  readonly uri: vscode.Uri;
  count: number;
  groups: GroupNode[];
}

/** A group (section, area, status or kind) of one file. */
export interface GroupNode {
  readonly type: 'group';
  readonly uri: vscode.Uri;
  readonly key: string;
  label: string;
  parent: FileNode | undefined;
  children: AnnotationNode[];
  /** What the group holds, to tell whether a refresh changed it. */
  signature: string;
}

/** An initiative (or, grouped by kind, any annotation); children are its nested figures and actors. */
export interface AnnotationNode {
  readonly type: 'annotation';
  readonly uri: vscode.Uri;
  readonly annotation: Annotation;
  readonly model: NotesModel;
  readonly parent: GroupNode | AnnotationNode;
  readonly children: AnnotationNode[];
}

/** Every node of the view: per file (active file, workspace) or by track key (initiativesTrackNodes.ts). */
export type TreeNode = FileNode | GroupNode | AnnotationNode | TrackTreeNode;

/** One file's part of the tree, with the node of each annotation for revealing. */
export interface FileTree {
  readonly model: NotesModel;
  readonly groups: GroupNode[];
  readonly nodes: Map<Annotation, AnnotationNode>;
  readonly count: number;
}

/**
 * What an item shows, to tell whether a refresh changed it: the text as written (nested figures
 * and actors included; a slice, cheaper than the plain text and equal whenever it is), id,
 * status and area.
 */
function signatureOf(a: Annotation): string {
  return `${a.id ?? ''}\u0001${a.text}\u0001${a.attribute('status') ?? ''}\u0001${a.attribute('area') ?? ''}\u0001${a.children.length}`;
}

/**
 * Builds a file's groups, reusing the group objects of the previous build (same key) so the view
 * can refresh just the groups that changed. Returns the groups whose content changed.
 */
export function buildFileTree(uri: vscode.Uri, model: NotesModel, groupBy: GroupBy, filter: AnnotationFilter,
  previous: Map<string, GroupNode>, parent: FileNode | undefined): { tree: FileTree; changed: GroupNode[]; sameShape: boolean } {
  const nodes = new Map<Annotation, AnnotationNode>();
  const groups: GroupNode[] = [];
  const changed: GroupNode[] = [];
  let count = 0;
  const oldKeys = [...previous.keys()].join('\u0002');
  const seen = new Set<string>();
  for (const g of groupAnnotations(model, groupBy, filter)) {
    seen.add(g.key);
    let group = previous.get(g.key);
    if (!group) {
      group = { type: 'group', uri, key: g.key, label: groupLabel(g.key, g.label, groupBy), parent, children: [], signature: '' };
      previous.set(g.key, group);
    }
    group.label = groupLabel(g.key, g.label, groupBy);
    group.parent = parent;
    const node = group;
    const nest = (a: Annotation, owner: GroupNode | AnnotationNode): AnnotationNode => {
      const n: AnnotationNode = { type: 'annotation', uri, annotation: a, model, parent: owner, children: [] };
      nodes.set(a, n);
      // Nested figures and actors show under their initiative (grouping by kind lists them flat).
      if (groupBy !== 'kind') for (const c of a.children) if (c.kind && c.kind !== 'initiative') n.children.push(nest(c, n));
      return n;
    };
    node.children = g.annotations.map((a) => nest(a, node));
    count += g.annotations.length;
    const signature = `${g.label}\u0003${g.annotations.map(signatureOf).join('\u0002')}`;
    if (signature !== node.signature) changed.push(node);
    node.signature = signature;
    groups.push(node);
  }
  for (const key of [...previous.keys()]) if (!seen.has(key)) previous.delete(key);
  const sameShape = oldKeys === groups.map((g) => g.key).join('\u0002');
  return { tree: { model, groups, nodes, count }, changed, sameShape };
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const STATUS_COLORS: Readonly<Record<string, string>> = {
  proposed: 'charts.blue', supported: 'charts.purple', agreed: 'charts.yellow', launched: 'charts.green', done: 'charts.green', rejected: 'charts.red',
};
const KIND_ICONS: Readonly<Record<string, string>> = { initiative: 'symbol-event', figure: 'symbol-number', actor: 'person' };

/** The TreeItem of a node (light: labels and counts come straight from the model). */
export function treeItemOf(node: TreeNode, groupBy: GroupBy, filter: AnnotationFilter): vscode.TreeItem {
  if (node.type === 'track' || node.type === 'untracked' || node.type === 'mention') return trackTreeItem(node);
  const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  const expanded = vscode.TreeItemCollapsibleState.Expanded;
  if (node.type === 'file') {
    const item = new vscode.TreeItem(node.uri, node.count ? expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `file|${node.uri.toString()}`;
    item.description = `${node.count}`;
    item.contextValue = 'summitNotes.file';
    return item;
  }
  if (node.type === 'group') {
    const item = new vscode.TreeItem(node.label, expanded);
    item.id = `group|${node.uri.toString()}|${groupBy}|${node.key}`;
    item.description = `${node.children.length}`;
    item.tooltip = groupBy === 'kind'
      ? (isEmptyFilter(filter) ? vscode.l10n.t('Annotations: {0}', node.children.length) : vscode.l10n.t('Annotations matching the filter: {0}', node.children.length))
      : (isEmptyFilter(filter) ? vscode.l10n.t('Initiatives: {0}', node.children.length) : vscode.l10n.t('Initiatives matching the filter: {0}', node.children.length));
    item.iconPath = new vscode.ThemeIcon(groupBy === 'section' ? 'symbol-namespace' : groupBy === 'area' ? 'tag' : groupBy === 'status' ? 'pulse' : 'symbol-class');
    item.contextValue = 'summitNotes.group';
    return item;
  }
  const a = node.annotation;
  const item = new vscode.TreeItem(clip(a.plainText, 70) || vscode.l10n.t('(empty)'), node.children.length ? collapsed : vscode.TreeItemCollapsibleState.None);
  // By id when it is unique (expansion and selection survive edits above it), else by position.
  const key = a.id && node.model.ids.get(a.id) === a ? `#${a.id}` : `@${a.index}`;
  item.id = `ann|${node.uri.toString()}|${groupBy}|${key}`;
  const status = a.attribute('status');
  item.description = [a.id ? `#${a.id}` : '', groupBy === 'status' ? '' : status ?? '', (a.kind === 'figure' ? a.attribute('metric') : undefined) ?? ''].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS[a.kind ?? 'initiative'] ?? 'symbol-event', status && STATUS_COLORS[status] ? new vscode.ThemeColor(STATUS_COLORS[status]) : undefined);
  item.contextValue = `summitNotes.annotation.${a.kind ?? 'span'}${a.id ? '.withId' : ''}`;
  item.command = { command: 'summitNotes.revealAnnotation', title: 'Reveal', arguments: [node.uri.toString(), a.contentRange.start, a.contentRange.end, a.id] };
  return item;
}

/** "Initiatives: 5" (grouped by kind: "Annotations: 5"), the count the badge and the groups show. */
export function countText(count: number, groupBy: GroupBy): string {
  // "Initiatives: 3" rather than "3 initiatives": one string reads right for every count in
  // both languages (Russian needs three plural forms, which one l10n key cannot give).
  if (groupBy === 'kind') return vscode.l10n.t('Annotations: {0}', count);
  return vscode.l10n.t('Initiatives: {0}', count);
}
