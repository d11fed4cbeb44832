/**
 * Hovers over annotations, references, headings and glossary terms: the core's hover text with
 * command links to the tree and the brief.
 */
import * as vscode from 'vscode';
import { hoverAt, type HoverSubject } from '../core';
import { toRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';

/** Commands the hover's links may run (a trusted MarkdownString runs only these). */
export const HOVER_COMMANDS = ['summitNotes.revealInTree', 'summitNotes.showInBrief'];

function commandLink(label: string, command: string, args: unknown[], title: string): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
}

/** The links under a hover: the annotation's place in the tree and in the brief. */
function links(document: vscode.TextDocument, subject: HoverSubject): string | undefined {
  const annotation = subject.kind === 'annotation' ? subject.annotation
    : subject.kind === 'reference' && subject.reference.target && !('level' in subject.reference.target) ? subject.reference.target
      : undefined;
  if (!annotation) return undefined;
  const uri = document.uri.toString();
  const offset = annotation.range.start;
  return [
    commandLink(`$(list-tree) ${vscode.l10n.t('Reveal in tree')}`, 'summitNotes.revealInTree', [uri, offset], vscode.l10n.t('Show it in the Initiatives tree')),
    // The brief's command takes one object (see briefPreviewManager's ShowInBriefArgs).
    commandLink(`$(preview) ${vscode.l10n.t('Show in brief')}`, 'summitNotes.showInBrief', [{ uri, id: annotation.id, offset }], vscode.l10n.t('Show it in the brief preview')),
  ].join(' · ');
}

/** Hovers on initiatives, figures, actors, references, headings and glossary terms. */
export function registerHovers(deps: EditorDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(NOTES_SELECTOR, {
    provideHover(document, position, token) {
      return guarded(deps, 'hover', token, undefined, () => {
        const model = deps.notes.model(document);
        if (!model) return undefined;
        const hover = hoverAt(model, document.offsetAt(position));
        if (!hover) return undefined;
        const markdown = new vscode.MarkdownString(hover.markdown, true);
        markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
        const extra = links(document, hover.subject);
        if (extra) markdown.appendMarkdown(`\n\n${extra}`);
        return new vscode.Hover(markdown, toRange(hover.range));
      });
    },
  });
}
