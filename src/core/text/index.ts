/**
 * text/ — plain-text machinery that knows nothing of annotations: positions and the line index,
 * character classes and word readers, ISO dates, id slugs, a forward-only `indexOf` memo, small
 * string helpers, the notes' output language catalogue, and the cheap check whether a Markdown file
 * declares itself a notes file (the start-up shell's only use of the core). Every other subsystem builds on it; it imports none of them.
 */
export type { Position, Range } from './positions';
export { CharCode } from './charCodes';
export type { ExportEnvelope, JsonReplacer } from './jsonChunks';
export type { MessageKey, Noun, NounKey, OutputLanguage, PluralCategory } from './i18n';

// Value exports are plain properties (`export const x = …`, classes with a type alias beside them),
// not re-exports: tsc's CommonJS output turns `export { x } from` into a getter, and a module object
// of getters made every character test of the compiled tests and benches slower (parseFigure 0.4 →
// 0.65 µs). esbuild's bundles flatten either form.
import { atSentenceStart as atSentenceStart_, charIn as charIn_, isDigit as isDigit_, isInlineSpace as isInlineSpace_, isLetter as isLetter_, isUpper as isUpper_, previousWord as previousWord_, skipSpaces as skipSpaces_, skipSpacesBack as skipSpacesBack_, wordEnd as wordEnd_, wordStart as wordStart_ } from './characters';
import { firstNotBefore as firstNotBefore_, lastAtOrBefore as lastAtOrBefore_, lastNumberAtOrBefore as lastNumberAtOrBefore_ } from './search';
import { keepBounded as keepBounded_, own as own_ } from './strings';
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
export const lastNumberAtOrBefore = lastNumberAtOrBefore_;
export const own = own_;
export const keepBounded = keepBounded_;
import { LineIndex as LineIndex_, TextRange as TextRange_, lineStartsIn as lineStartsIn_ } from './lineIndex';
import { isIsoDate as isIsoDate_, toIsoDate as toIsoDate_ } from './dates';
import { NextIndex as NextIndex_ } from './nextIndex';
import { slugify as slugify_, uniqueSlug as uniqueSlug_ } from './slug';
import { jsonChunks as jsonChunks_, linePieces as linePieces_, MadeList as MadeList_, OUTPUT_PIECE as OUTPUT_PIECE_ } from './jsonChunks';
import { countOf as countOf_, fillTemplate as fillTemplate_, message as message_, nounFor as nounFor_, outputLanguage as outputLanguage_, pluralCategory as pluralCategory_, MESSAGE_KEYS as MESSAGE_KEYS_, NOUN_KEYS as NOUN_KEYS_, OUTPUT_LANGUAGES as OUTPUT_LANGUAGES_ } from './i18n';
import { declaresSummitNotes as declaresSummitNotes_ } from './sniff';
export const LineIndex = LineIndex_;
export type LineIndex = LineIndex_;
export const TextRange = TextRange_;
export type TextRange = TextRange_;
export const lineStartsIn = lineStartsIn_;
export const isIsoDate = isIsoDate_;
export const toIsoDate = toIsoDate_;
export const NextIndex = NextIndex_;
export type NextIndex = NextIndex_;
export const slugify = slugify_;
export const uniqueSlug = uniqueSlug_;
export const jsonChunks = jsonChunks_;
export const linePieces = linePieces_;
export const MadeList = MadeList_;
export const OUTPUT_PIECE = OUTPUT_PIECE_;
export type MadeList<T> = MadeList_<T>;
export const countOf = countOf_;
export const fillTemplate = fillTemplate_;
export const message = message_;
export const nounFor = nounFor_;
export const outputLanguage = outputLanguage_;
export const pluralCategory = pluralCategory_;
export const MESSAGE_KEYS = MESSAGE_KEYS_;
export const NOUN_KEYS = NOUN_KEYS_;
export const OUTPUT_LANGUAGES = OUTPUT_LANGUAGES_;
export const declaresSummitNotes = declaresSummitNotes_;
import { hasEscapeOrBreak as hasEscapeOrBreak_, isAsciiPunctuation as isAsciiPunctuation_, unescape as unescape_ } from './escapes';
export const hasEscapeOrBreak = hasEscapeOrBreak_;
export const isAsciiPunctuation = isAsciiPunctuation_;
export const unescape = unescape_;
