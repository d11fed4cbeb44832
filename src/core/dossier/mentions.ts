/**
 * What the workspace keeps of one notes file (the shapes every reader sees): the article's facts
 * from its front matter, and its initiatives and figures with their places. summarise.ts makes
 * them, packed.ts keeps their mentions packed until read.
 */
import type { Qualifier } from '../figures';
import type { TrackSite } from './track';

/** What the front matter says about the article. */
export interface ArticleInfo {
  readonly title: string | undefined;
  readonly summit: string | undefined;
  /** `date:` when it is ISO `YYYY-MM-DD`, else undefined (the file's own diagnostics say why). */
  readonly date: string | undefined;
  readonly language: string;
  readonly sourceName: string | undefined;
  /** Only an absolute http(s) URL. */
  readonly sourceUrl: string | undefined;
}

/** Where a mention stands in its file. */
export interface MentionPlace {
  readonly path: string;
  /** UTF-16 offsets of the whole span, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Zero-based line of `start`. */
  readonly line: number;
  /** The article's date (copied from its file so that sorting needs no look-up). */
  readonly date: string | undefined;
}

export interface InitiativeMention extends MentionPlace {
  /** Index of the annotation in its file's `model.annotations`. */
  readonly index: number;
  readonly id: string | undefined;
  /** The normalised key, when `track=` holds a valid one. */
  readonly track: string | undefined;
  /** Where `track=` is written, valid or not. */
  readonly trackSite: TrackSite | undefined;
  readonly text: string;
  readonly status: string | undefined;
  readonly areas: readonly string[];
  /** `by=` and the actors nested in the initiative. */
  readonly actors: readonly string[];
}

export interface FigureMention extends MentionPlace {
  readonly id: string | undefined;
  /** `metric=` as written. */
  readonly metric: string | undefined;
  readonly year: number | undefined;
  readonly value: number | undefined;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  readonly asWritten: string;
  /** The step of the last written digit in base units (0: exact); see precision.ts. */
  readonly step: number;
  /** A range's lower end in base units (`value` is its upper end). */
  readonly min: number | undefined;
  /** The enclosing initiative (index into the file's `initiatives`), if any. */
  readonly initiative: number | undefined;
}

/** One notes file of the workspace. */
export interface WorkspaceFile {
  readonly path: string;
  readonly article: ArticleInfo;
  readonly initiatives: readonly InitiativeMention[];
  readonly figures: readonly FigureMention[];
  /** `track=` on annotations that are not initiatives (reported, otherwise ignored). */
  readonly strayTracks: readonly (TrackSite & { readonly line: number })[];
  /** True when a `track=` here is not a key or is not on an initiative (findings.ts looks only at such files and at keys used once). */
  readonly badTracks: boolean;
}
