/** What detection finds in unannotated text. Offsets are UTF-16, `end` exclusive. */
import type { Qualifier } from '../model';

/** A stretch of text detection must leave alone (an existing annotation, code, front matter). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A quantity written with digits that is not yet annotated. */
export interface DetectedFigure {
  readonly kind: 'figure';
  readonly start: number;
  readonly end: number;
  /** The span's text: qualifier + number + magnitude + currency or unit. */
  readonly text: string;
  /** In base units, as `parseFigure` would read the same text. */
  readonly value: number;
  /** A range's lower end ("$3–5 bn": `value` 5e9, `min` 3e9), in the same base units; absent for one number. */
  readonly min?: number;
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
}

/** What kind of initiative a suggestion looks like (the corpus gold kinds). */
export type InitiativeKind = 'proposal' | 'agreement' | 'body' | 'project' | 'event';

/** A phrase that proposes, announces or agrees something: a candidate initiative. */
export interface SuggestedInitiative {
  readonly kind: 'initiative';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Why it was suggested, short, for a hover or a diagnostic ("proposal: «предложил создать»"). */
  readonly reason: string;
  /** A guess at the initiative's kind. */
  readonly initiativeKind: InitiativeKind;
  /** How likely the learned scorer thinks it is an initiative, 0–1 (docs/DETECTION.md). */
  readonly score: number;
}

/** Anything detection suggests. */
export type Detection = DetectedFigure | SuggestedInitiative;
