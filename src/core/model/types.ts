/**
 * The Summit Notes model: what `parseNotes` makes of a notes file.
 *
 * Pure data types, no `vscode`, no Node built-ins. Every offset is a UTF-16 code-unit offset
 * into the text that was parsed (what JavaScript string indices and VS Code's `offsetAt` use);
 * `end` is exclusive. Line and character are zero-based, character in UTF-16 code units.
 */

export type { Position, Range } from '../text';

export type AnnotationKind = 'initiative' | 'figure' | 'actor';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['initiative', 'figure', 'actor'];

export type { ParsedFigure, Qualifier } from '../figures';
import type { Position, Range } from '../text';
import type { Qualifier } from '../figures';

/** A `[…]{…}` bracketed span (Pandoc syntax) that we recognised. */
export interface Annotation {
  /** Index into `NotesModel.annotations` (document order of the opening bracket). */
  readonly index: number;
  /** The first known kind class (`.initiative`, `.figure`, `.actor`), if any. */
  readonly kind: AnnotationKind | undefined;
  /** `#id` from the attribute block, if any. */
  readonly id: string | undefined;
  /** Every `.class`, in order, including the kind class. */
  readonly classes: readonly string[];
  /** `key=value` pairs in order, as Pandoc lists them (quotes removed, escapes resolved). */
  readonly attributes: readonly (readonly [string, string])[];
  /** The text inside the brackets, as written (may contain nested spans' markup). */
  readonly text: string;
  /** The content with nested annotations' markup removed (`[a [b]{.x} c]` → `a b c`). */
  readonly plainText: string;
  /** The whole span: `[` … `}`. */
  readonly range: Range;
  /** Inside the brackets. */
  readonly contentRange: Range;
  /** The attribute block, braces included. */
  readonly attributeRange: Range;
  readonly parent: Annotation | undefined;
  readonly children: readonly Annotation[];
  /** The innermost section the annotation stands in; undefined before the first heading. */
  readonly section: Section | undefined;
  /** The normalised figure, for annotations of kind `figure`. */
  readonly figure: Figure | undefined;
  /** The value of attribute `key`, last one wins (undefined when absent). */
  attribute(key: string): string | undefined;
}

/** A figure annotation with its value normalised. */
export interface Figure {
  readonly annotation: Annotation;
  /** Base units; undefined when neither the text nor `value=` gives a readable number. */
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  /** `year=` attribute when a 4-digit year. */
  readonly year: number | undefined;
  /** `metric=` attribute. */
  readonly metric: string | undefined;
  /** Where value and unit came from: the span text or the `value=`/`unit=` attributes. */
  readonly source: 'text' | 'attribute';
}

/** `[text](#id)`: a link to an annotation id or a heading id. */
export interface Reference {
  readonly targetId: string;
  readonly text: string;
  /** The whole `[text](#id)`. */
  readonly range: Range;
  /** The `id` after `#`. */
  readonly targetRange: Range;
  /** The resolved target, undefined when nothing carries that id. */
  readonly target: Annotation | Section | undefined;
}

export interface Section {
  /** 1–6. */
  readonly level: number;
  /** Heading text with the `{#id}` block removed, trimmed. */
  readonly title: string;
  /** `{#id}` on the heading, if any. */
  readonly id: string | undefined;
  /** The heading line(s) (for setext headings, both lines). */
  readonly headingRange: Range;
  /** From the heading to the end of the section (before the next heading of the same or a higher level). */
  readonly range: Range;
  readonly parent: Section | undefined;
  readonly children: readonly Section[];
  /** Annotations whose innermost section is this one, in document order (top-level and nested). */
  readonly annotations: readonly Annotation[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'yaml-error'
  | 'front-matter-type'
  | 'duplicate-id'
  | 'unresolved-reference'
  | 'unclosed-span'
  | 'unclosed-attributes'
  | 'malformed-attribute'
  | 'unknown-kind'
  | 'figure-without-value'
  | 'unreadable-value'
  | 'unknown-area'
  | 'unknown-status'
  | 'date-not-iso'
  | 'unreadable';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Facts a quick fix needs (e.g. `{ area: 'finance' }`, `{ iso: '2025-09-01' }`, `{ insert: ']{.actor}', at: 123 }`). */
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface SourceInfo {
  readonly name: string | undefined;
  readonly url: string | undefined;
  readonly published: string | undefined;
}

/** Typed front matter. `data` keeps every key as YAML gave it, unknown ones included. */
export interface FrontMatter {
  /** Everything the YAML held (plain JS values); never drops unknown keys. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The value of `summit-notes:` (1 for this format), if present. */
  readonly formatVersion: number | undefined;
  readonly title: string | undefined;
  readonly summit: string | undefined;
  /** As written; a `date-not-iso` diagnostic flags a non-ISO date. */
  readonly date: string | undefined;
  readonly place: string | undefined;
  readonly speakers: readonly string[];
  readonly source: SourceInfo | undefined;
  readonly language: string | undefined;
  /** Area id → label, in file order. Empty when the file declares none (then any area is accepted). */
  readonly areas: ReadonlyMap<string, string>;
  /** Allowed statuses (the defaults when the file declares none). */
  readonly statuses: readonly string[];
  readonly glossary: ReadonlyMap<string, string>;
  readonly tags: readonly string[];
  /** Where each top-level key's value sits (for diagnostics and quick fixes). */
  readonly keyRanges: ReadonlyMap<string, Range>;
}

export const DEFAULT_STATUSES: readonly string[] = ['proposed', 'supported', 'agreed', 'launched', 'done', 'rejected'];

export interface ParseOptions {
  /** Language used where the file does not say (`language:` in front matter wins). Default `en`. */
  readonly language?: string;
}

/** The parsed notes file. Built once per document version and shared by every feature. */
export interface NotesModel {
  readonly text: string;
  /** Undefined when the file has no front matter block. */
  readonly frontMatter: FrontMatter | undefined;
  /** The whole `---` … `---` block. */
  readonly frontMatterRange: Range | undefined;
  /** The effective language (front matter, else the option, else `en`). */
  readonly language: string;
  /** Top-level sections. */
  readonly sections: readonly Section[];
  /** Every section in document order. */
  readonly allSections: readonly Section[];
  /** Every annotation in document order (of the opening bracket), nested ones included. */
  readonly annotations: readonly Annotation[];
  readonly references: readonly Reference[];
  readonly figures: readonly Figure[];
  readonly diagnostics: readonly Diagnostic[];
  /** id → the annotation or section carrying it (the first one, when duplicated). */
  readonly ids: ReadonlyMap<string, Annotation | Section>;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** A Range for two offsets, sharing this model's line index. */
  range(start: number, end: number): Range;
  /** The innermost annotation whose whole range contains `offset` (binary search). */
  annotationAt(offset: number): Annotation | undefined;
  /** The reference whose range contains `offset`. */
  referenceAt(offset: number): Reference | undefined;
  /** The innermost section containing `offset`. */
  sectionAt(offset: number): Section | undefined;
  /** References whose target id is `id`. */
  referencesTo(id: string): readonly Reference[];
}
