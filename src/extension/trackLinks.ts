/**
 * What the link hover, the link quick fix and its command share: the suggested links of the
 * initiative at a place of a document, and the one WorkspaceEdit that links two mentions (adds
 * `track=KEY` to the asking mention and, when it has none, to the other one).
 */
import * as vscode from 'vscode';
import {
  initiativeMentionAt, linkableSuggestions, linkKey, sameOtherFiles, setAttributeEdit, suggestionsFor, TRACK_ATTRIBUTE,
  type InitiativeMention, type LinkSuggestion, type NotesModel, type Workspace,
} from '../core';
import { offsetsToRange } from './convert';
import type { EditorDeps } from './notesDocuments';
import type { WorkspaceIndex } from './workspaceIndex';

/** The command that links (the hover's link runs it; the quick fix applies the same edit). */
export const LINK_INITIATIVE = 'summitNotes.linkInitiative';

/** What the link command is given: the asking mention's place and the other mention's place. */
export interface LinkArgs {
  readonly uri: string;
  /** Offset of the asking initiative's span. */
  readonly start: number;
  /** The other mention's path (its uri as a string) and span offset. */
  readonly path: string;
  readonly otherStart: number;
}

/** The untracked initiative at `offset` and its suggested links (none when it has a key, or the workspace is not read yet). */
export interface SuggestionsAt {
  readonly workspace: Workspace;
  readonly mention: InitiativeMention;
  readonly suggestions: readonly LinkSuggestion[];
}

/** Per index: the workspace suggestions were last read from. */
const bases = new WeakMap<WorkspaceIndex, Workspace>();

/**
 * The workspace to read suggestions for `path` from: the one used last while only `path` changed
 * since (the core's suggestion lookup is built once per workspace; typing in one file would
 * otherwise build it again at the first hover or lightbulb after every edit), else `current`.
 */
function suggestionWorkspace(index: WorkspaceIndex, current: Workspace, path: string): Workspace {
  const base = bases.get(index);
  if (base && sameOtherFiles(base, current, path)) return base;
  bases.set(index, current);
  return current;
}

export function suggestionsAt(current: Workspace, index: WorkspaceIndex, document: vscode.TextDocument, model: NotesModel, offset: number): SuggestionsAt | undefined {
  const path = index.keyOf(document.uri);
  const workspace = suggestionWorkspace(index, current, path);
  const mention = initiativeMentionAt(workspace, path, model, offset);
  if (!mention || mention.track !== undefined || mention.trackSite !== undefined) return undefined;
  const suggestions = linkableSuggestions(workspace, suggestionsFor(workspace, mention));
  return suggestions.length ? { workspace, mention, suggestions } : undefined;
}

/**
 * One edit (one undo step) that gives both mentions the key: `track=KEY` on the asking one and,
 * when the other has no key, on the other one too. Undefined when the other file changed since the
 * workspace read it (its initiative is no longer where the suggestion says).
 */
export async function linkEdit(deps: EditorDeps, index: WorkspaceIndex, document: vscode.TextDocument, found: SuggestionsAt, suggestion: LinkSuggestion): Promise<vscode.WorkspaceEdit | undefined> {
  const model = deps.notes.model(document);
  const asking = model?.annotations[found.mention.index];
  if (!model || !asking || asking.range.start !== found.mention.start) return undefined;
  const key = linkKey(found.workspace, found.mention, suggestion);
  const here = setAttributeEdit(model, asking, TRACK_ATTRIBUTE, key);
  if (!here) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, offsetsToRange(document, here.start, here.end), here.newText);
  if (suggestion.track === undefined) {
    const otherUri = index.uriOf(suggestion.path);
    const otherModel = await index.notes.model(otherUri);
    const other = otherModel?.annotations[suggestion.index];
    if (!otherModel || !other || other.range.start !== suggestion.start || other.kind !== 'initiative') return undefined;
    const there = setAttributeEdit(otherModel, other, TRACK_ATTRIBUTE, key);
    if (!there) return undefined;
    const start = otherModel.positionAt(there.start);
    const end = otherModel.positionAt(there.end);
    edit.replace(otherUri, new vscode.Range(start.line, start.character, end.line, end.character), there.newText);
  }
  return edit;
}

/** The quick fix's title: "Link with “…” (file) as track=KEY". */
export function linkTitle(found: SuggestionsAt, suggestion: LinkSuggestion, articleTitle: string): string {
  const text = suggestion.text.length > 40 ? `${suggestion.text.slice(0, 39)}…` : suggestion.text;
  return vscode.l10n.t('Link with “{0}” ({1}) as track={2}', text, articleTitle, linkKey(found.workspace, found.mention, suggestion));
}
