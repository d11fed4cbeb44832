/** Positions and ranges in a text: the shapes every subsystem and the editor adapters share. */

/** A zero-based line and UTF-16 character, as VS Code's `Position`. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/**
 * A half-open range of UTF-16 offsets. `start`/`end` are stored; line/character are computed on
 * demand from the model's line index (kept lazy so a 100k-annotation model stays small).
 */
export interface Range {
  readonly start: number;
  readonly end: number;
  /** Line/character of `start`. */
  readonly startPosition: Position;
  /** Line/character of `end`. */
  readonly endPosition: Position;
}
