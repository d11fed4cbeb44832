/**
 * text/ — plain-text machinery that knows nothing of annotations: positions and the line index,
 * character classes and word readers, ISO dates, id slugs, a forward-only `indexOf` memo, small
 * string helpers, the notes' output language catalogue, and the cheap check whether a Markdown file
 * declares itself a notes file (the start-up shell's only use of the core). Every other subsystem builds on it; it imports none of them.
 */
export type { Position, Range } from './positions';
export { LineIndex, TextRange, lineStartsIn } from './lineIndex';
export {
  atSentenceStart, charIn, isDigit, isInlineSpace, isLetter, isUpper, previousWord, skipSpaces, skipSpacesBack, wordEnd, wordStart,
} from './characters';
export { isIsoDate, toIsoDate } from './dates';
export { CharCode } from './charCodes';
export { NextIndex } from './nextIndex';
export { firstNotBefore, lastAtOrBefore } from './search';
export { slugify, uniqueSlug } from './slug';
export { own } from './strings';
export { jsonChunks } from './jsonChunks';
export type { JsonReplacer } from './jsonChunks';
export { countOf, fillTemplate, message, nounFor, outputLanguage, pluralCategory, MESSAGE_KEYS, NOUN_KEYS, OUTPUT_LANGUAGES } from './i18n';
export type { MessageKey, Noun, NounKey, OutputLanguage, PluralCategory } from './i18n';
export { declaresSummitNotes } from './sniff';
