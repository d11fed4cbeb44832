/**
 * The model after one small edit, without a parse: when an edit types or deletes only letters,
 * digits and spaces inside a paragraph's prose (or a span's text), between characters that are
 * themselves prose, no block or span can start, end or change, so the new model is the previous
 * one with the offsets after the edit moved and the figures around it read again. Everything else
 * (markup characters, line breaks, headings, front matter, attribute blocks, link targets, the
 * neighbourhood of a diagnostic, list markers) goes to a full parse. The result equals
 * `parseNotes(text)`: test/unit/incremental.test.ts checks that over thousands of random edits.
 */
import { TextRange } from './lineIndex';
import type { AnnotationNode } from './model';
import { NotesDocument, lastStartingAtOrBefore } from './notesDocument';
import { readFigure, reparseNotes } from './parse';
import type { Diagnostic, Figure, NotesModel, ParseOptions } from './types';

/** One text change as the editor reports it (VS Code's `contentChanges` entry, by offsets). */
export interface TextEdit {
  /** Offset in the previous text where the replaced stretch starts. */
  readonly offset: number;
  /** Length of the replaced stretch in the previous text. */
  readonly deleted: number;
  /** What replaces it. */
  readonly inserted: string;
}

/** Longest edit taken in place; longer ones (a paste) are parsed. */
const MAX_EDIT = 64;
/** How far after a diagnostic's range an edit may still change it (attributes.ts looks 256 ahead). */
const DIAGNOSTIC_REACH = 512;

/**
 * The model of `text`, which is `previous`'s text with `edit` applied. When the edit provably
 * changes no structure, the result is a new model object sharing `previous`'s nodes, which are
 * moved in place (so `previous` must not be used afterwards: the editor's cache keeps one model
 * per document); otherwise a parse.
 * Always equal to `parseNotes(text, options)`; never throws.
 */
export function editNotes(previous: NotesModel | undefined, edit: TextEdit | undefined, text: string, options?: ParseOptions): NotesModel {
  try {
    if (previous instanceof NotesDocument && edit && sameOptions(previous, options) && inPlace(previous, edit, text)) {
      return applyInPlace(previous, edit, text, options);
    }
  } catch {
    // Fall through to a parse: the in-place path is an optimisation only.
  }
  return reparseNotes(previous, text, options);
}

function sameOptions(doc: NotesDocument, options: ParseOptions | undefined): boolean {
  // The options only set the language where the front matter does not: a parse would read the same one.
  return doc.language === (doc.frontMatter?.language || (options?.language ?? 'en'));
}

/** Punctuation that is never markup inside a paragraph (list markers and rules are checked per line). */
const SENTENCE_MARKS = ',.;:?';

/** Letters (Latin, Russian), digits and the plain space: characters no markup is made of. */
function prose(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32 || (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451;
}

function letterOrDigit(c: number): boolean {
  return c !== 32 && prose(c);
}

/** Can `edit` be applied to `doc` by moving offsets? Reads only; changes nothing. */
function inPlace(doc: NotesDocument, edit: TextEdit, text: string): boolean {
  const old = doc.text;
  const { offset, deleted, inserted } = edit;
  const cut = offset + deleted;
  if (!(offset > 0 && deleted >= 0 && cut <= old.length && deleted + inserted.length <= MAX_EDIT && deleted + inserted.length > 0)) return false;
  if (old.length - deleted + inserted.length !== text.length || !text.startsWith(inserted, offset)) return false;
  for (let i = offset; i < cut; i++) if (!prose(old.charCodeAt(i))) return false;
  for (let i = 0; i < inserted.length; i++) if (!prose(inserted.charCodeAt(i))) return false;
  // Neighbours: prose or a sentence mark on the left (no offset of the model sits right after one);
  // on the right also a span's `[` or `]` or the line's end (typing at a span's edge).
  const left = old.charCodeAt(offset - 1);
  if (!(prose(left) || SENTENCE_MARKS.includes(old[offset - 1]))) return false;
  if (cut < old.length) {
    const right = old.charCodeAt(cut);
    if (!(prose(right) || SENTENCE_MARKS.includes(old[cut]) || right === 33 || right === 91 || right === 93 || right === 10 || right === 13)) return false;
  }
  if (doc.frontMatterRange && offset <= doc.frontMatterRange.end) return false;
  if (!lineAllows(old, text, offset, cut, inserted.length)) return false;
  if (touchesHeading(doc, offset, cut)) return false;
  if (!insideContentOnly(doc, offset, cut)) return false;
  // A diagnostic's words may depend on text after its range (where a `}` would close an unclosed
  // block is looked for over the next 256 characters): keep clear of that too for those kinds.
  for (const d of doc.diagnostics) {
    if (d.code === 'figure-without-value') continue;
    const reach = d.code === 'unclosed-attributes' || d.code === 'unclosed-span' || d.code === 'malformed-attribute' ? DIAGNOSTIC_REACH : 0;
    if (d.range.start <= cut && d.range.end + reach >= offset) return false;
  }
  return true;
}

/**
 * The edited line keeps its kind: the edit is after its marker (list bullet or number), the line
 * starts with a character that makes no block, and before and after the edit it still has a letter
 * or digit after the marker (so it cannot turn into a rule or an underline).
 */
function lineAllows(old: string, text: string, offset: number, cut: number, insertedLength: number): boolean {
  const lineStart = old.lastIndexOf('\n', offset - 1) + 1;
  let f = lineStart;
  while (f < offset && (old.charCodeAt(f) === 32 || old.charCodeAt(f) === 9)) f++;
  if (f >= offset) return false;
  const c = old.charCodeAt(f);
  // Headings, fences, comments, quotes, underlines, YAML and div fences, tables: a parse.
  if ('#`~<>=|:.\\'.includes(old[f])) return false;
  let markerEnd = f + 1;
  if (c === 45 || c === 42 || c === 43) markerEnd = f + 2;
  else if (c >= 48 && c <= 57) {
    let k = f;
    while (k < old.length && old.charCodeAt(k) >= 48 && old.charCodeAt(k) <= 57) k++;
    markerEnd = k + 2;
  }
  if (offset < markerEnd) return false;
  let lineEnd = old.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = old.length;
  if (!hasLetterOrDigit(old, markerEnd, lineEnd)) return false;
  const newEnd = lineEnd + insertedLength - (cut - offset);
  return hasLetterOrDigit(text, markerEnd, newEnd);
}

function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (letterOrDigit(text.charCodeAt(i))) return true;
  return false;
}

/** Is the edit on a heading's lines (its title, level or id)? */
function touchesHeading(doc: NotesDocument, offset: number, cut: number): boolean {
  const sections = doc.allSections;
  const i = lastStartingAtOrBefore(sections, cut);
  for (let k = Math.max(0, i - 1); k <= i + 1 && k < sections.length; k++) {
    const s = sections[k];
    if (s.start <= cut + 1 && s.headingEnd + 1 >= offset) return true;
  }
  return false;
}

/** The edit lies inside the text of every span and link that contains it, never in `{…}` or `(#…)`. */
function insideContentOnly(doc: NotesDocument, offset: number, cut: number): boolean {
  const annotations = doc.annotations;
  let a: AnnotationNode | undefined = annotations[lastStartingAtOrBefore(annotations, cut)];
  for (; a; a = a.parent) {
    if (a.end < offset) continue;
    if (!(a.start < offset && cut <= a.close)) return false;
  }
  const references = doc.references;
  const r = references[lastStartingAtOrBefore(references, cut)];
  if (r && r.end >= offset && !(r.start < offset && cut <= r.close)) return false;
  return true;
}

/** The annotations whose text contains the edit, innermost first. */
function containing(doc: NotesDocument, offset: number): AnnotationNode[] {
  const list: AnnotationNode[] = [];
  let a: AnnotationNode | undefined = doc.annotations[lastStartingAtOrBefore(doc.annotations, offset)];
  for (; a; a = a.parent) if (a.start < offset && offset <= a.close) list.push(a);
  return list;
}

function applyInPlace(doc: NotesDocument, edit: TextEdit, text: string, options: ParseOptions | undefined): NotesModel {
  const cut = edit.offset + edit.deleted;
  const delta = edit.inserted.length - edit.deleted;
  // A new model object (features may cache by model identity) sharing the nodes, which read the
  // text through `core`.
  const next = Object.assign(Object.create(NotesDocument.prototype) as NotesDocument, doc);
  next.text = text;
  doc.core.text = text;
  doc.lines.applyEdit(text, cut, delta);
  // Only what starts at or after the edit moves, and what contains it (spans, links and sections
  // nest, so those are the chain of parents of the last one starting before it).
  const annotations = doc.annotations;
  const firstAnnotation = lastStartingAtOrBefore(annotations, cut - 1) + 1;
  for (let i = firstAnnotation; i < annotations.length; i++) annotations[i].shift(cut, delta);
  for (let a = annotations[firstAnnotation - 1] as AnnotationNode | undefined; a; a = a.parent) a.shift(cut, delta);
  const references = doc.references;
  const firstReference = lastStartingAtOrBefore(references, cut - 1) + 1;
  for (let i = firstReference; i < references.length; i++) references[i].shift(cut, delta);
  if (firstReference > 0) references[firstReference - 1].shift(cut, delta);
  const sections = doc.allSections;
  const firstSection = lastStartingAtOrBefore(sections, cut - 1) + 1;
  for (let i = firstSection; i < sections.length; i++) sections[i].shift(cut, delta);
  for (let s = sections[firstSection - 1] as (typeof sections)[number] | undefined; s; s = s.parent) s.shift(cut, delta);
  next.diagnostics = doc.diagnostics.map((d) => shiftDiagnostic(doc, d, cut, delta));
  // The figures around the edit read their new text. Whether each has a value must not change (that
  // adds or removes a diagnostic): then a parse. Otherwise its diagnostic, if any, moved above.
  for (const a of containing(next, edit.offset)) {
    const before = a.figure;
    if (a.kind !== 'figure' || !before) continue;
    const after = readFigure(a, next.language);
    if ((before.value === undefined) !== (after.value === undefined)) return reparseNotes(undefined, text, options);
    // `previous` is given up, so its figure list is updated in place (found by start: figures keep document order).
    const i = figureIndex(next.figures, a);
    if (i < 0) return reparseNotes(undefined, text, options);
    next.figures[i] = after;
    a.figure = after;
  }
  return next;
}

function shiftDiagnostic(doc: NotesDocument, d: Diagnostic, cut: number, delta: number): Diagnostic {
  const { start, end } = d.range;
  const data = d.data;
  const at = data?.at;
  const first = data?.first;
  const moveData = (typeof at === 'number' && at >= cut) || (typeof first === 'number' && first >= cut);
  if (start < cut && end < cut && !moveData) return d;
  const range = new TextRange(start >= cut ? start + delta : start, end >= cut ? end + delta : end, doc.lines);
  if (!moveData || !data) return { ...d, range };
  const moved: Record<string, string | number> = { ...data };
  if (typeof at === 'number' && at >= cut) moved.at = at + delta;
  if (typeof first === 'number' && first >= cut) moved.first = first + delta;
  return { ...d, range, data: moved };
}

/** Index of `a`'s figure in the list (in document order), by binary search on the span's start. */
function figureIndex(figures: readonly Figure[], a: AnnotationNode): number {
  let lo = 0;
  let hi = figures.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    // Every figure's annotation is a node of this model (parse.ts makes them).
    const node = figures[mid].annotation as AnnotationNode;
    if (node.start === a.start) return node === a ? mid : -1;
    const start = node.start;
    if (start < a.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
