/**
 * The Initiatives view's workspace mode by track key (`summitNotes.tree.scope` = `tracks`): tracked
 * initiatives grouped across files by their `track=` key, each file's mention under its key, and
 * the initiatives without a key under their file. Nodes and tree items over the workspace index's
 * model (no parsing here).
 */
import * as vscode from 'vscode';
import type { AnnotationFilter, ArticleInfo, InitiativeMention, Workspace } from '../core';

/** A track key: its mentions across files, by article date. */
export interface TrackNode {
  readonly type: 'track';
  readonly key: string;
  readonly parent: undefined;
  readonly children: MentionNode[];
}

/** A notes file's initiatives without a key. */
export interface UntrackedFileNode {
  readonly type: 'untracked';
  readonly uri: vscode.Uri;
  readonly parent: undefined;
  readonly children: MentionNode[];
}

/** One initiative in one file. */
export interface MentionNode {
  readonly type: 'mention';
  readonly uri: vscode.Uri;
  readonly mention: InitiativeMention;
  readonly article: ArticleInfo | undefined;
  readonly parent: TrackNode | UntrackedFileNode;
  readonly children: never[];
}

export type TrackTreeNode = TrackNode | UntrackedFileNode | MentionNode;

function passes(m: InitiativeMention, filter: AnnotationFilter): boolean {
  if (filter.status && m.status !== filter.status) return false;
  if (filter.area && !m.areas.includes(filter.area)) return false;
  if (filter.text && !m.text.toLowerCase().includes(filter.text.toLowerCase())) return false;
  return true;
}

/** The top level: track keys (by first date, then key), then the files with untracked initiatives (in the workspace's file order). */
export function buildTrackTree(workspace: Workspace, uriOf: (path: string) => vscode.Uri, filter: AnnotationFilter): (TrackNode | UntrackedFileNode)[] {
  const tracks: TrackNode[] = [];
  for (const [key, mentions] of workspace.tracks) {
    const node: TrackNode = { type: 'track', key, parent: undefined, children: [] };
    for (const m of mentions) {
      if (passes(m, filter)) node.children.push({ type: 'mention', uri: uriOf(m.path), mention: m, article: workspace.files.get(m.path)?.article, parent: node, children: [] });
    }
    if (node.children.length) tracks.push(node);
  }
  const first = (n: TrackNode) => n.children[0].mention.date ?? '\uffff';
  tracks.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const files: UntrackedFileNode[] = [];
  for (const path of workspace.fileOrder) {
    const file = workspace.files.get(path);
    if (!file) continue;
    const node: UntrackedFileNode = { type: 'untracked', uri: uriOf(path), parent: undefined, children: [] };
    for (const m of file.initiatives) {
      if (m.track === undefined && passes(m, filter)) node.children.push({ type: 'mention', uri: node.uri, mention: m, article: file.article, parent: node, children: [] });
    }
    if (node.children.length) files.push(node);
  }
  return [...tracks, ...files];
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

/** The TreeItem of a node of the track mode. */
export function trackTreeItem(node: TrackTreeNode): vscode.TreeItem {
  const expanded = vscode.TreeItemCollapsibleState.Expanded;
  if (node.type === 'track') {
    const latest = node.children[node.children.length - 1].mention;
    const files = new Set(node.children.map((c) => c.uri.toString())).size;
    const item = new vscode.TreeItem(clip(latest.text, 70) || node.key, expanded);
    item.id = `track|${node.key}`;
    item.description = `${node.key} · ${vscode.l10n.t('files: {0}', files)}`;
    item.tooltip = vscode.l10n.t('Track key {0}: {1} mention(s) in {2} file(s)', node.key, node.children.length, files);
    item.iconPath = new vscode.ThemeIcon('link');
    item.contextValue = 'summitNotes.track';
    return item;
  }
  if (node.type === 'untracked') {
    const item = new vscode.TreeItem(node.uri, expanded);
    item.id = `untracked|${node.uri.toString()}`;
    item.description = vscode.l10n.t('without a track key: {0}', node.children.length);
    item.contextValue = 'summitNotes.file';
    return item;
  }
  const m = node.mention;
  const tracked = node.parent.type === 'track';
  const label = tracked ? fileName(node.uri) : clip(m.text, 70) || vscode.l10n.t('(empty)');
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `mention|${node.parent.type === 'track' ? node.parent.key : ''}|${node.uri.toString()}|${m.index}`;
  item.description = [tracked ? m.date ?? '' : '', m.status ?? '', m.id ? `#${m.id}` : ''].filter(Boolean).join(' · ');
  item.tooltip = tracked ? `${m.text}\n${[node.article?.summit, node.article?.sourceName].filter(Boolean).join(' — ')}` : m.text;
  item.iconPath = new vscode.ThemeIcon('symbol-event');
  item.contextValue = 'summitNotes.mention';
  item.command = { command: 'summitNotes.revealAnnotation', title: 'Reveal', arguments: [node.uri.toString(), m.start, m.end, m.id] };
  return item;
}
