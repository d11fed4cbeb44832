/**
 * figures/ — what a figure's text says: the number grammar (digits, separators, ranges), the
 * Russian and English words around a number (magnitudes, currencies, units, qualifiers), the
 * reader that turns a figure's text into value + unit + qualifier, and how values are written
 * back for people (hovers, the brief). Detection finds figures in running text with the same
 * readers (detect/), so a detected figure and an annotated one read the same.
 */
export type { ParsedFigure, Qualifier } from './types';
export type { NumberDigits, ScannedNumber } from './numbers';
export type { AfterNumber } from './reader';

// Value exports are plain properties (`export const x = …`, classes with a type alias beside them),
// not re-exports: tsc's CommonJS output turns `export { x } from` into a getter, and a module object
// of getters made every character test of the compiled tests and benches slower (parseFigure 0.4 →
// 0.65 µs). esbuild's bundles flatten either form.
import { parseFigure as parseFigure_ } from './parseFigure';
import { numberValue as numberValue_, scanNumber as scanNumber_, scanNumberDigits as scanNumberDigits_ } from './numbers';
import { AGE_WORDS as AGE_WORDS_, COMPOUND_UNITS as COMPOUND_UNITS_, DURATION_UNITS as DURATION_UNITS_, EN_COUNT_NOUNS as EN_COUNT_NOUNS_, EN_MONTHS as EN_MONTHS_, GROUP_NOUNS as GROUP_NOUNS_, LABEL_WORDS as LABEL_WORDS_, MAGNITUDE_WORDS as MAGNITUDE_WORDS_, TEXT_PART_UNITS as TEXT_PART_UNITS_, ruCountUnit as ruCountUnit_ } from './lexicon';
import { gluedCurrencyBefore as gluedCurrencyBefore_, readAfter as readAfter_, readBefore as readBefore_ } from './reader';
import { joinRange as joinRange_, rangeOpener as rangeOpener_, rangeSecondEnd as rangeSecondEnd_ } from './ranges';
export const parseFigure = parseFigure_;
export const numberValue = numberValue_;
export const scanNumber = scanNumber_;
export const scanNumberDigits = scanNumberDigits_;
export const AGE_WORDS = AGE_WORDS_;
export const COMPOUND_UNITS = COMPOUND_UNITS_;
export const DURATION_UNITS = DURATION_UNITS_;
export const EN_COUNT_NOUNS = EN_COUNT_NOUNS_;
export const EN_MONTHS = EN_MONTHS_;
export const GROUP_NOUNS = GROUP_NOUNS_;
export const LABEL_WORDS = LABEL_WORDS_;
export const MAGNITUDE_WORDS = MAGNITUDE_WORDS_;
export const TEXT_PART_UNITS = TEXT_PART_UNITS_;
export const ruCountUnit = ruCountUnit_;
export const gluedCurrencyBefore = gluedCurrencyBefore_;
export const readAfter = readAfter_;
export const readBefore = readBefore_;
export const joinRange = joinRange_;
export const rangeOpener = rangeOpener_;
export const rangeSecondEnd = rangeSecondEnd_;
import { describeFigureValue as describeFigureValue_, formatNumber as formatNumber_ } from './format';
import { formatScientific as formatScientific_, formatShort as formatShort_ } from './wording';
export const describeFigureValue = describeFigureValue_;
export const formatNumber = formatNumber_;
export const formatScientific = formatScientific_;
export const formatShort = formatShort_;
import { FirstLetters as FirstLetters_ } from './firstLetters';
export const FirstLetters = FirstLetters_;
export type FirstLetters = FirstLetters_;
