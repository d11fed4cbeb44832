/**
 * Where ids are written: `#id` in an annotation's attribute block, `{#id}` on a heading, and the
 * `id` after `](#` in references. The ground for go to definition, find references and rename.
 */
import type { Annotation, NotesModel, Range, Section } from '../model';

/** An id under the cursor and what carries it. */
export interface IdAtOffset {
  readonly id: string;
  /** The id's own characters (without `#`). */
  readonly range: Range;
  /** Where the cursor is: on the declaration (`#id`), or on a reference. */
  readonly on: 'declaration' | 'reference';
}

function isSection(target: Annotation | Section): target is Section {
  return 'level' in target;
}

function isIdEnd(c: string | undefined): boolean {
  return c === undefined || c === '}' || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The range of `id` (without `#`) inside the attribute block of an annotation or a heading. */
export function declarationRange(model: NotesModel, target: Annotation | Section): Range | undefined {
  if (!target.id) return undefined;
  const block = isSection(target) ? target.headingRange : target.attributeRange;
  const text = model.text;
  const needle = `#${target.id}`;
  for (let i = text.indexOf(needle, block.start); i >= 0 && i + needle.length <= block.end; i = text.indexOf(needle, i + 1)) {
    const before = text[i - 1];
    if ((before === '{' || before === ' ' || before === '\t') && isIdEnd(text[i + needle.length])) {
      return model.range(i + 1, i + needle.length);
    }
  }
  return undefined;
}

/** Every annotation and heading carrying `id` (more than one when it is duplicated). */
export function declarationsOf(model: NotesModel, id: string): (Annotation | Section)[] {
  const found: (Annotation | Section)[] = [];
  for (const s of model.allSections) if (s.id === id) found.push(s);
  for (const a of model.annotations) if (a.id === id) found.push(a);
  return found.sort((x, y) => (isSection(x) ? x.headingRange : x.range).start - (isSection(y) ? y.headingRange : y.range).start);
}

/** The first declaration's whole extent (a span or a heading line), for go to definition. */
export function targetRange(target: Annotation | Section): Range {
  return isSection(target) ? target.headingRange : target.range;
}

/**
 * The id at `offset`: on a reference's target, on a `#id` declaration; with `loose`, also anywhere
 * inside an annotation that has an id (the innermost one that does).
 */
export function idAt(model: NotesModel, offset: number, loose = false): IdAtOffset | undefined {
  const reference = model.referenceAt(offset);
  if (reference) return { id: reference.targetId, range: reference.targetRange, on: 'reference' };
  for (let a = model.annotationAt(offset); a; a = a.parent) {
    if (!a.id) continue;
    const range = declarationRange(model, a);
    if (range && offset >= range.start - 1 && offset <= range.end) return { id: a.id, range, on: 'declaration' };
    if (loose) return { id: a.id, range: range ?? a.range, on: 'declaration' };
    break;
  }
  const section = model.sectionAt(offset);
  if (section?.id && offset >= section.headingRange.start && offset <= section.headingRange.end) {
    const range = declarationRange(model, section);
    if (range && (loose || (offset >= range.start - 1 && offset <= range.end))) return { id: section.id, range, on: 'declaration' };
  }
  return undefined;
}

/** Every place `id` is written: declarations first, then references. */
export function idOccurrences(model: NotesModel, id: string): { declarations: Range[]; references: Range[] } {
  const declarations: Range[] = [];
  for (const target of declarationsOf(model, id)) {
    const range = declarationRange(model, target);
    if (range) declarations.push(range);
  }
  return { declarations, references: model.referencesTo(id).map((r) => r.targetRange) };
}

/** A valid id for Pandoc and for our references: no whitespace, no braces, brackets or quotes. */
export function isValidId(id: string): boolean {
  return /^[^\s{}[\]()#"'=.][^\s{}[\]()#"'=]*$/u.test(id);
}
