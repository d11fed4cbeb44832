/** What a figure's text says, as `parseFigure` reads it. */

/** How a figure's value relates to the number written. Same vocabulary as the corpus gold files. */
export type Qualifier = 'more_than' | 'less_than' | 'about' | 'up_to' | 'at_least';

/** What `parseFigure` reads from a figure's text. */
export interface ParsedFigure {
  /** The value in base units (650 млрд → 650000000000; 30% → 30), or undefined when no number was read. */
  readonly value: number | undefined;
  /** A range's lower end in base units (`$3–5 bn` → 3e9, `value` 5e9); absent for a single number. */
  readonly min?: number;
  /** ISO 4217 code (USD, EUR, RUB, CNY, KZT …), `%`, `pp`, or a short English noun (countries, tonnes …). */
  readonly unit: string | undefined;
  readonly qualifier: Qualifier | null;
  /** The multiplier of a magnitude word (млрд → 1e9), 1 when none. */
  readonly magnitude: number;
  /** Offsets of the number as written, relative to the parsed text; undefined when none was read. */
  readonly numberStart: number | undefined;
  readonly numberEnd: number | undefined;
}
