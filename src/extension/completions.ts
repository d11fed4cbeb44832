/**
 * Completion inside a span's `{…}` (kinds, attribute keys, areas and statuses from the front
 * matter) and after `](#` (the file's ids).
 */
import * as vscode from 'vscode';
import { ANNOTATION_KINDS, DEFAULT_STATUSES, type NotesModel } from '../core';
import { ATTRIBUTE_KEYS, completionContextAt, type CompletionContext } from '../core';
import { offsetsToRange } from './convert';
import { NOTES_SELECTOR } from './modelCache';
import { guarded, type EditorDeps } from './notesDocuments';

/** What each kind is for (a function: the UI language is known only once the extension runs). */
function kindDescription(kind: string): string | undefined {
  switch (kind) {
    case 'initiative': return vscode.l10n.t('A proposal, plan or decision: give it `#id area= status= by=`.');
    case 'figure': return vscode.l10n.t('A number: its value is read from the text; add `metric= year=`.');
    case 'actor': return vscode.l10n.t('A country, leader or organisation.');
    default: return undefined;
  }
}

function item(label: string, kind: vscode.CompletionItemKind, range: vscode.Range, detail?: string, doc?: string): vscode.CompletionItem {
  const out = new vscode.CompletionItem(label, kind);
  out.range = range;
  if (detail) out.detail = detail;
  if (doc) out.documentation = new vscode.MarkdownString(doc);
  return out;
}

function kindItems(range: vscode.Range, withDot: boolean): vscode.CompletionItem[] {
  return ANNOTATION_KINDS.map((kind) => {
    const out = item(`${withDot ? '.' : ''}${kind}`, vscode.CompletionItemKind.Class, range, vscode.l10n.t('Summit Notes kind'), kindDescription(kind));
    out.sortText = `0${kind}`;
    return out;
  });
}

function valueItems(model: NotesModel, key: string, range: vscode.Range, quoted: boolean): vscode.CompletionItem[] {
  const fm = model.frontMatter;
  const close = quoted ? '"' : '';
  if (key === 'area') {
    return [...(fm?.areas ?? new Map<string, string>())].map(([id, label]) => {
      const out = item(id, vscode.CompletionItemKind.EnumMember, range, label);
      out.insertText = `${id}${close}`;
      return out;
    });
  }
  if (key === 'status') {
    const statuses = fm?.statuses ?? DEFAULT_STATUSES;
    return statuses.map((status, i) => {
      const out = item(status, vscode.CompletionItemKind.EnumMember, range, 'status');
      out.sortText = String(i).padStart(3, '0');
      out.insertText = `${status}${close}`;
      return out;
    });
  }
  if (key === 'by') {
    // Actors already named in the file, each once.
    const names = new Set<string>();
    for (const a of model.annotations) if (a.kind === 'actor') names.add(a.plainText.replace(/\s+/g, ' ').trim());
    return [...names].slice(0, 200).map((name) => {
      const out = item(name, vscode.CompletionItemKind.Value, range, 'actor in this file');
      out.insertText = /\s/.test(name) && !quoted ? `"${name}"` : `${name}${close}`;
      return out;
    });
  }
  return [];
}

function idItems(model: NotesModel, range: vscode.Range): vscode.CompletionItem[] {
  const out: vscode.CompletionItem[] = [];
  for (const [id, target] of model.ids) {
    const isSection = 'level' in target;
    const label = isSection ? target.title : target.plainText.replace(/\s+/g, ' ').slice(0, 80);
    const kind = isSection ? vscode.CompletionItemKind.Module : target.kind === 'figure' ? vscode.CompletionItemKind.Constant : vscode.CompletionItemKind.Reference;
    const entry = item(id, kind, range, isSection ? vscode.l10n.t('heading: {0}', label) : `${target.kind ?? 'span'}: ${label}`);
    entry.filterText = `${id} ${label}`;
    out.push(entry);
  }
  return out;
}

/** The items for a completion context over the model. */
export function completionItems(model: NotesModel, context: CompletionContext, range: vscode.Range): vscode.CompletionItem[] {
  switch (context.kind) {
    case 'reference-id':
      return idItems(model, range);
    case 'class':
      return kindItems(range, false).filter((i) => !context.present.classes.includes(String(i.label)));
    case 'attribute-value':
      return valueItems(model, context.key, range, context.quoted);
    case 'attribute-key': {
      const kind = context.present.classes.find((c) => (ANNOTATION_KINDS as readonly string[]).includes(c));
      if (!kind) return kindItems(range, true);
      return ATTRIBUTE_KEYS[kind].filter((k) => !context.present.keys.includes(k.key)).map((k, i) => {
        const out = item(k.key, vscode.CompletionItemKind.Property, range, vscode.l10n.t('{0} attribute', kind), k.description);
        out.insertText = `${k.key}=`;
        out.sortText = String(i).padStart(3, '0');
        // Offer the values straight away after `key=`.
        out.command = { command: 'editor.action.triggerSuggest', title: 'values' };
        return out;
      });
    }
  }
}

/** Completions inside `{…}` (kinds, attribute keys, area and status values) and ids after `](#`. */
export function registerCompletions(deps: EditorDeps): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(NOTES_SELECTOR, {
    provideCompletionItems(document, position, token) {
      return guarded(deps, 'completion', token, [], () => {
        const model = deps.notes.model(document);
        if (!model) return [];
        // The model may be a keystroke behind the line being typed; the context reads the live text.
        const offset = document.offsetAt(position);
        const line = document.lineAt(position.line);
        const lineStart = document.offsetAt(line.range.start);
        const context = completionContextAt(line.text, offset - lineStart);
        if (!context) return [];
        const range = offsetsToRange(document, lineStart + context.start, offset);
        return completionItems(model, context, range);
      });
    },
  }, '{', '.', ' ', '=', '#', '"');
}
