/**
 * Edits the editor applies on the analyst's behalf, computed over the model as offsets: change an
 * attribute (the tree's "change status"), add an area to the vocabulary, create a missing target,
 * rewrite a value. The adapter turns each into one WorkspaceEdit (one undo step).
 */
import { slugify, uniqueSlug } from '../text';
import type { Annotation, NotesModel } from '../model';

/** Replace `[start, end)` with `newText` (an insertion when start === end). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** `value` as Pandoc writes it: bare when it is one plain word, else in double quotes. */
export function attributeValue(value: string): string {
  return /^[^\s"'{}=\\]+$/.test(value) ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Sets `key=value` on an annotation: replaces the existing value (the last one, which wins) or
 * inserts ` key=value` before the closing brace.
 */
export function setAttributeEdit(model: NotesModel, annotation: Annotation, key: string, value: string): TextEdit | undefined {
  const block = annotation.attributeRange;
  const text = model.text.slice(block.start, block.end);
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  // Walk the tokens (quotes honoured) to find `key=` at a token start.
  let found: { start: number; end: number } | undefined;
  let i = 1;
  const last = text.length - 1;
  while (i < last) {
    while (i < last && /\s/.test(text[i])) i++;
    const tokenStart = i;
    let quote = '';
    while (i < last && (quote || !/\s/.test(text[i]))) {
      if (quote) {
        if (text[i] === '\\') i++;
        else if (text[i] === quote) quote = '';
      } else if (text[i] === '"' || text[i] === "'") quote = text[i];
      i++;
    }
    const token = text.slice(tokenStart, i);
    if (token.startsWith(`${key}=`)) found = { start: tokenStart + key.length + 1, end: i };
  }
  const written = attributeValue(value);
  if (found) return { start: block.start + found.start, end: block.start + found.end, newText: written };
  const insertAt = block.end - 1;
  const spacer = /\s/.test(model.text[insertAt - 1] ?? ' ') ? '' : ' ';
  return { start: insertAt, end: insertAt, newText: `${spacer}${key}=${written}` };
}

/** `trade-finance` → `Trade finance`: a first label the analyst can then reword. */
export function labelFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _\-.]*$/u.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text) ? text : JSON.stringify(text);
}

/**
 * Adds `area: Label` to the `areas:` vocabulary of the front matter: after its last entry, with
 * the entries' indentation; creates `areas:` when the front matter has none.
 */
export function addAreaEdit(model: NotesModel, area: string, label = labelFromId(area)): TextEdit | undefined {
  const fm = model.frontMatter;
  const fmRange = model.frontMatterRange;
  if (!fm || !fmRange) return undefined;
  const text = model.text;
  const entry = `${yamlScalar(area)}: ${yamlScalar(label)}`;
  const value = fm.keyRanges.get('areas');
  if (value && value.end > value.start) {
    const written = text.slice(value.start, value.end);
    if (written.trimStart().startsWith('{')) {
      // A flow mapping `{a: A, b: B}`: add before the closing brace.
      const close = value.start + written.lastIndexOf('}');
      const empty = /\{\s*$/.test(text.slice(value.start, close));
      return { start: close, end: close, newText: `${empty ? '' : ', '}${entry}` };
    }
    // A block mapping: find the indentation of its first entry line.
    const firstLineStart = text.lastIndexOf('\n', value.start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(firstLineStart, value.start))?.[0] ?? '  ';
    const lineEnd = text.indexOf('\n', value.end - 1);
    const at = lineEnd < 0 ? value.end : lineEnd;
    return { start: at, end: at, newText: `\n${indent || '  '}${entry}` };
  }
  // No vocabulary yet: add one just before the closing `---`.
  const body = text.slice(fmRange.start, fmRange.end);
  const closing = body.lastIndexOf('\n---');
  if (closing < 0) return undefined;
  const at = fmRange.start + closing + 1;
  if (value) {
    // `areas:` with an empty value: put the entry under the key.
    const lineEnd = text.indexOf('\n', value.start);
    const insertAt = lineEnd < 0 ? value.end : lineEnd;
    return { start: insertAt, end: insertAt, newText: `\n  ${entry}` };
  }
  return { start: at, end: at, newText: `areas:\n  ${entry}\n` };
}

/**
 * Creates a heading carrying `id` at the end of the file, so a reference to a missing id has a
 * target the analyst can fill in; the heading's text comes from the reference's text.
 */
export function createHeadingTargetEdit(model: NotesModel, id: string, title: string): TextEdit {
  const text = model.text;
  const end = text.length;
  const gap = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  const heading = title.replace(/\s+/g, ' ').trim() || labelFromId(id);
  return { start: end, end, newText: `${gap}## ${heading} {#${id}}\n` };
}

/** The markup that annotates `text` as `kind`, with an id when given: `[text]{.initiative #id}`. */
export function annotationMarkup(text: string, kind: string, id?: string): string {
  return `[${text}]{.${kind}${id ? ` #${id}` : ''}}`;
}

/** A slug for an annotation's text that no annotation or heading in the model carries yet. */
export function freshId(model: NotesModel, text: string, transliterate: boolean, fallback: string): string {
  return uniqueSlug(slugify(text, { transliterate }), (id) => model.ids.has(id), fallback);
}
