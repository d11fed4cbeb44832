/**
 * text/ — plain-text machinery that knows nothing of annotations: positions and the line index,
 * character classes and word readers, ISO dates, id slugs, a forward-only `indexOf` memo, small
 * string helpers, the notes' output language catalogue, and the cheap check whether a Markdown file
 * declares itself a notes file (the start-up shell's only use of the core). Every other subsystem builds on it; it imports none of them.
 */
export type { Position, Range } from './positions';
export { LineIndex, TextRange, lineStartsIn } from './lineIndex';
export { isIsoDate, toIsoDate } from './dates';
export { CharCode } from './charCodes';
export { NextIndex } from './nextIndex';
export { slugify, uniqueSlug } from './slug';
export { jsonChunks } from './jsonChunks';
export type { JsonReplacer } from './jsonChunks';
export { countOf, fillTemplate, message, nounFor, outputLanguage, pluralCategory, MESSAGE_KEYS, NOUN_KEYS, OUTPUT_LANGUAGES } from './i18n';
export type { MessageKey, Noun, NounKey, OutputLanguage, PluralCategory } from './i18n';
export { declaresSummitNotes } from './sniff';

// Value exports are plain properties (`export const x = …`), not re-exports: tsc's CommonJS output
// turns `export { x } from` into a getter, which the hot loops of the tests' and benches' compiled
// code would call for every character. (esbuild's bundles flatten either form.)
import { atSentenceStart as atSentenceStart_, charIn as charIn_, isDigit as isDigit_, isInlineSpace as isInlineSpace_, isLetter as isLetter_, isUpper as isUpper_, previousWord as previousWord_, skipSpaces as skipSpaces_, skipSpacesBack as skipSpacesBack_, wordEnd as wordEnd_, wordStart as wordStart_ } from './characters';
import { firstNotBefore as firstNotBefore_, lastAtOrBefore as lastAtOrBefore_ } from './search';
import { own as own_ } from './strings';
export const atSentenceStart = atSentenceStart_;
export const charIn = charIn_;
export const isDigit = isDigit_;
export const isInlineSpace = isInlineSpace_;
export const isLetter = isLetter_;
export const isUpper = isUpper_;
export const previousWord = previousWord_;
export const skipSpaces = skipSpaces_;
export const skipSpacesBack = skipSpacesBack_;
export const wordEnd = wordEnd_;
export const wordStart = wordStart_;
export const firstNotBefore = firstNotBefore_;
export const lastAtOrBefore = lastAtOrBefore_;
export const own = own_;
