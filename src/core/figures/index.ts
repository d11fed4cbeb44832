/**
 * figures/ — what a figure's text says: the number grammar (digits, separators, ranges), the
 * Russian and English words around a number (magnitudes, currencies, units, qualifiers), the
 * reader that turns a figure's text into value + unit + qualifier, and how values are written
 * back for people (hovers, the brief). Detection finds figures in running text with the same
 * readers (detect/), so a detected figure and an annotated one read the same.
 */
export type { ParsedFigure, Qualifier } from './types';
export { parseFigure } from './parseFigure';
export { numberValue, scanNumber } from './numbers';
export type { ScannedNumber } from './numbers';
export { AGE_WORDS, COMPOUND_UNITS, DURATION_UNITS, EN_COUNT_NOUNS, EN_MONTHS, GROUP_NOUNS, LABEL_WORDS, MAGNITUDE_WORDS, TEXT_PART_UNITS, ruCountUnit } from './lexicon';
export { gluedCurrencyBefore, readAfter, readBefore } from './reader';
export { joinRange, rangeOpener, rangeSecondEnd } from './ranges';
export type { AfterNumber } from './reader';
export { describeFigureValue, formatNumber } from './format';
export { formatScientific, formatShort, qualifierWords } from './wording';
