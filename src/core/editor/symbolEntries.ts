/**
 * What Go to Symbol in Workspace lists for one notes file: every annotation and heading that
 * carries an id, with the text the picker matches. Offsets only: the few entries a query returns
 * get their positions when they are shown, not all 100k of a large file.
 */
import type { AnnotationKind, NotesModel } from '../model';

export interface SymbolEntry {
  /** `#id` and the first 80 characters of the text (or the heading). */
  readonly label: string;
  /** `label` in lower case, for matching a query without lower-casing every entry per keystroke. */
  readonly lowerLabel: string;
  readonly kind: AnnotationKind | 'section';
  /** The whole span, or the heading line(s). */
  readonly start: number;
  readonly end: number;
  /** The section around it (for an annotation) or the parent section (for a heading). */
  readonly container: string;
}

const WHITESPACE = /\s+/g;

/** The entries of one model, annotations (document order) then headings. */
export function workspaceSymbolEntries(model: NotesModel): SymbolEntry[] {
  const out: SymbolEntry[] = [];
  for (const a of model.annotations) {
    if (!a.id) continue;
    const label = `#${a.id} ${a.plainText.replace(WHITESPACE, ' ').slice(0, 80)}`;
    const range = a.range;
    out.push({ label, lowerLabel: label.toLowerCase(), kind: a.kind ?? 'actor', start: range.start, end: range.end, container: a.section?.title ?? '' });
  }
  for (const s of model.allSections) {
    if (!s.id) continue;
    const label = `#${s.id} ${s.title}`;
    const range = s.headingRange;
    out.push({ label, lowerLabel: label.toLowerCase(), kind: 'section', start: range.start, end: range.end, container: s.parent?.title ?? '' });
  }
  return out;
}

/** Loose "contains in order" match of an already lower-cased query, as VS Code's own symbol pickers do. */
export function matchesQuery(lowerQuery: string, lowerLabel: string): boolean {
  let i = 0;
  for (let q = 0; q < lowerQuery.length; q++) {
    i = lowerLabel.indexOf(lowerQuery[q], i);
    if (i < 0) return false;
    i++;
  }
  return true;
}
