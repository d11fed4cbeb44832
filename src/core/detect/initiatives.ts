/**
 * `suggestInitiatives`: phrases that propose, announce or agree something, as candidate spans for
 * an analyst to annotate. Rules (each has a fixture in test/fixtures/detect/):
 * - a trigger verb (предложил, призвал, поддерживает, создать, провести, signed, proposed, will
 *   develop, call for …) starts a candidate that runs to the end of its clause;
 * - a trigger noun (инициатива, проект, соглашение, deal, agreement, memorandum …) starts a candidate
 *   at its modifiers ("Russia-Greece gas deal"), unless generic ("ряд инициатив", "several projects")
 *   or counted ("205 contracts", "332 соглашения": those are figures);
 * - `нов*`/`new` before an agreement-like noun ("новое торговое соглашение");
 * - every item of a list introduced by a line such as "Инициативы Казахстана:";
 * - a verb whose object is a count ("signed 54 agreements") or empty ("подписаны 16 — 8 июня") is not one;
 * - headlines (Title Case lines without a final stop) are left alone.
 * These rule candidates are one source of the learned scorer (`initiativeScorer.ts`, method and
 * numbers in docs/DETECTION.md), which adds more, scores each and keeps those at or above
 * `minScore`, merging overlapping ones. One pass over the words; every look-around is bounded.
 */
import { CLAUSE_BREAKERS, GENERIC_BEFORE, LIST_HEADER_STEMS, NEW_NOUN_STEMS, NEW_WORDS, OBJECT_PREPOSITIONS, TRIGGER_STEMS, TRIGGER_WORDS, type Trigger } from './initiativeWords';
import { detectFigures } from './figures';
import { DEFAULT_MIN_SCORE, LineScorer, type InitiativeWeights, type RawCandidate } from './initiativeScorer';
import { SuggestionMerger } from './initiativeSelection';
import { firstNonSpace, firstObjectWord, isFinalStop, isRegexSpace, lastNonSpace, leadEnd, letterRunEnd, punctuationIn } from './scan';
import { Candidate, verbAndPrepositionOnly, wordIndexAt, WordReader, type LineWords } from './initiativeCandidates';
import DEFAULT_WEIGHTS from './initiativeWeights.json';
import { charIn, isInlineSpace, isLetter, isUpper, skipSpaces } from '../text';
import type { DetectedFigure, SuggestedInitiative, TextRange } from './types';
import { FACT_CYRILLIC, type WordFacts } from './wordFacts';

/** What the rules read of a word (the scorer's words, `initiativeCandidates.ts`, are these and more). */

const MAX_SPAN = 240;
/** Russian short passive participles: подписаны, открыт, создано. */
const RU_PASSIVE = /(?:ан|ано|аны|ена|ено|ены|ен|ят|ыт|ыта|ыто|ыты)$/u;
const EN_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'that', 'another', 'further', 'of', 'and', 'or', 'in', 'on', 'at', 'for', 'with', 'to', 'was', 'is', 'were', 'are']);
const MONTH_OR_FILLER = /^(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|january|february|march|april|may|june|july|august|september|october|november|december|года|году|year|the|and|также)$/u;

/**
 * Suggests initiative candidates in `text`. `skip` lists ranges to leave alone (existing
 * annotations, code, front matter); no candidate overlaps one.
 */
export function suggestInitiatives(text: string, language: string, skip?: readonly TextRange[], options: SuggestOptions = {}): SuggestedInitiative[] {
  const weights = options.weights ?? (DEFAULT_WEIGHTS as InitiativeWeights);
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  // One pass over the lines: each line is split into words once, for the rules and the scorer.
  const rules = new RuleReader(text, options.figures ?? detectFigures(text, language, skip));
  const selection = new SuggestionMerger(text, skip);
  const scorer = new LineScorer(text, language, weights, false, minScore, selection);
  const lineRules: RawCandidate[] = [];
  const reader = new WordReader();
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const words = reader.read(text, lineStart, lineEnd);
    while (lineRules.length > 0) lineRules.pop();
    rules.line(lineStart, lineEnd, words, lineRules);
    if (lineEnd > lineStart) scorer.line(lineStart, lineEnd, words, lineRules, reader.marks);
    lineStart = lineEnd + 1;
  }
  return selection.suggestions();
}

/** Options of `suggestInitiatives`. */
export interface SuggestOptions {
  /** Leave out suggestions scored below this (0–1); default `DEFAULT_MIN_SCORE`. */
  readonly minScore?: number;
  /** Weights other than the shipped ones (training and cross-validation use this). */
  readonly weights?: InitiativeWeights;
  /**
   * `detectFigures(text, language, skip)` when the caller has it already (the editor and `detect`
   * run both): the rules read counts from it, and detecting figures twice is half the work.
   */
  readonly figures?: readonly DetectedFigure[];
}

/**
 * The rule-based candidates, unmerged, each with the rule that found it (the scorer's first source).
 * `knownFigures` is `detectFigures(text, language, skip)` when the caller has it.
 */
export function ruleCandidates(text: string, language: string, skip?: readonly TextRange[], knownFigures?: readonly DetectedFigure[]): RawCandidate[] {
  const rules = new RuleReader(text, knownFigures ?? detectFigures(text, language, skip));
  const candidates: RawCandidate[] = [];
  const reader = new WordReader();
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    rules.line(lineStart, lineEnd, reader.read(text, lineStart, lineEnd), candidates);
    lineStart = lineEnd + 1;
  }
  return candidates;
}

/** The rules, line by line in text order (a list under an "Initiatives:" line spans lines). */
class RuleReader {
  private listHeader: string | undefined;
  private figureIndex = 0;

  constructor(private readonly text: string, private readonly figures: readonly DetectedFigure[]) {}

  /** The rule candidates of the line `[lineStart, lineEnd)` with its words (`WordReader`), added to `out`. */
  line(lineStart: number, lineEnd: number, words: LineWords, out: RawCandidate[]): void {
    const text = this.text;
    // The line trimmed, as `[first, last]` (no string made unless a list needs it).
    const first = firstNonSpace(text, lineStart, lineEnd);
    const last = lastNonSpace(text, lineStart, lineEnd);
    if (last >= 0 && text.charCodeAt(last) === 58 && last + 1 - first < 160) {
      const trimmed = text.slice(first, last + 1);
      const lower = trimmed.toLowerCase();
      this.listHeader = LIST_HEADER_STEMS.some((s) => lower.includes(s)) ? trimmed : undefined;
    } else if (last < 0 || isHeadline(text, first, last, words)) {
      this.listHeader = undefined;
    } else {
      if (this.listHeader !== undefined) {
        if (isListItem(text.slice(first, last + 1))) {
          const item = lineItem(text, lineStart, lineEnd);
          if (item) out.push(new Candidate(item.start, item.end, `listed under “${this.listHeader}”`, 'proposal', 'rule'));
        } else this.listHeader = undefined;
      }
      const figures = this.figures;
      while (this.figureIndex < figures.length && figures[this.figureIndex].end <= lineStart) this.figureIndex++;
      triggersInLine(text, words, lineEnd, figures, this.figureIndex, out, wrapsOn(text, last, lineEnd));
    }
  }
}

/** Title Case line without a final stop: a headline, not a sentence. The line trimmed is `[first, last]`, not empty. */
function isHeadline(text: string, first: number, last: number, words: LineWords): boolean {
  if (text.charCodeAt(first) === 35) return true;
  if (isFinalStop(text.charCodeAt(last))) return false;
  let long = 0;
  let upper = 0;
  for (let k = 0; k < words.count; k++) {
    const start = words.start[k];
    if (words.end[k] - start <= 3) continue;
    long++;
    if (isUpper(text[start])) upper++;
  }
  if (long === 0) return true;
  return long >= 2 && upper / long >= 0.8;
}

function isListItem(line: string): boolean {
  return /^(?:[-•*–—]\s|\d+[.)]\s|\p{Ll})/u.test(line);
}

/** A list line as a candidate: bullet and final punctuation trimmed. */
function lineItem(text: string, from: number, to: number): { start: number; end: number } | undefined {
  let s = from;
  let e = to;
  while (s < e && (isInlineSpace(text.charCodeAt(s)) || '-•*–—'.includes(text[s]))) s++;
  while (e > s && (isInlineSpace(text.charCodeAt(e - 1)) || text[e - 1] === '\r' || '.;,'.includes(text[e - 1]))) e--;
  return e - s >= 8 ? { start: s, end: e } : undefined;
}

/** The word's trigger, looked up once per spelling (kept on its facts; null: none; NEW_TRIGGER: "new", "новое"…). */
function triggerOf(facts: WordFacts): Trigger | undefined {
  let t = facts.trigger;
  if (t === undefined) facts.trigger = t = findTrigger(facts.lower) ?? (NEW_WORDS.has(facts.lower) ? NEW_TRIGGER : null);
  return t ?? undefined;
}

/** Stands for a "new" word in the trigger cache: a trigger only before an agreement-like noun. */
const NEW_TRIGGER: Trigger = { kind: 'agreement', role: 'noun' };

function findTrigger(lower: string): Trigger | undefined {
  const exact = TRIGGER_WORDS.get(lower);
  if (exact) return exact;
  if (lower.length < 6) return undefined;
  for (const [stem, t] of TRIGGER_STEMS) if (lower.startsWith(stem)) return t;
  return undefined;
}

/**
 * The sentence goes on past this line, wrapped: the line (its last non-space character at `last`)
 * has no final stop, and the next line's first letter, within a few characters, is a lowercase one
 * ("… in four fields: security, the economy, high⏎technology and …", "… обсудить на⏎[первом форуме …").
 * A next line opening with a capital may be a new sentence or a title's text, so it is not taken for one.
 */
function wrapsOn(text: string, last: number, lineEnd: number): boolean {
  if (isFinalStop(text.charCodeAt(last)) || lineEnd >= text.length) return false;
  const limit = Math.min(text.length, lineEnd + 12);
  for (let p = lineEnd + 1; p < limit; p++) {
    const code = text.charCodeAt(p);
    if (code === 10) return false;
    if (isLetter(code)) {
      const ch = text[p];
      return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
    }
  }
  return false;
}

function triggersInLine(text: string, words: LineWords, lineEnd: number, figures: readonly DetectedFigure[], figureFrom: number, out: RawCandidate[],
  wrapped: boolean): void {
  let f = figureFrom;
  const n = words.count;
  const starts = words.start;
  const ends = words.end;
  const factsOf = words.facts;
  for (let k = 0; k < n; k++) {
    const wStart = starts[k];
    const wEnd = ends[k];
    const facts = factsOf[k];
    while (f < figures.length && figures[f].end <= wStart) f++;
    if (f < figures.length && figures[f].start <= wStart) continue; // inside a figure: "205 contracts"
    let trigger = triggerOf(facts);
    if (trigger === undefined) continue;
    if (trigger === NEW_TRIGGER) {
      // "new" in a name ("the New Development Bank") is not news.
      trigger = undefined;
      if (!isUpper(text[wStart])) {
        const newNoun = (j: number): boolean => j < n && NEW_NOUN_STEMS.some((s) => factsOf[j].lower.startsWith(s));
        if (newNoun(k + 1) || newNoun(k + 2)) trigger = { kind: 'agreement', role: 'noun' };
      }
      if (!trigger) continue;
    }
    const prev = k > 0 ? factsOf[k - 1].lower : undefined;
    const next = k + 1 < n ? factsOf[k + 1].lower : undefined;
    if (trigger.after && !(prev && trigger.after.includes(prev))) continue;
    if (trigger.before && !(next && trigger.before.includes(next))) continue;
    const objectFrom = trigger.before ? ends[k + 1] : wEnd;
    const end = clauseEnd(text, objectFrom, lineEnd, words, k);
    // A clause that runs into the end of a wrapped line ends on a later line, unknown here: no rule
    // candidate for a fragment of it (the noun phrases and objects inside it are still candidates).
    if (wrapped && end === trimEnd(text, objectFrom, lineEnd)) continue;
    let start: number;
    if (trigger.role === 'noun') {
      if ((k > 0 && (ruleSets(factsOf[k - 1]) & GENERIC_BIT) !== 0) || (k > 1 && (ruleSets(factsOf[k - 2]) & GENERIC_BIT) !== 0 && prev === 'of')) continue;
      start = modifiersStart(text, words, k);
    } else {
      if (!hasObject(text, objectFrom, end, figures, f, (ruleSets(facts) & PASSIVE_BIT) !== 0)) continue;
      // The candidate is what is proposed, not the verb: "proposed to [set up a fund]".
      start = skipSpaces(text, objectFrom, end);
      // `/^to\s/u` on the three characters there.
      if (start + 3 <= text.length && text.charCodeAt(start) === 116 && text.charCodeAt(start + 1) === 111 && isRegexSpace(text.charCodeAt(start + 2))) start = skipSpaces(text, start + 2, end);
      // "предложил открыть в Казахстане", "предложено обсудить на": a verb and where, not what.
      if (verbAndPrepositionOnly(words, wordIndexAt(words, start), end)) continue;
    }
    // The reason quotes the trigger as written; for a one-word trigger that is the word's spelling, made once.
    let reason: string;
    if (trigger.before) reason = `${trigger.kind}: “${text.slice(wStart, ends[k + 1])}”`;
    else reason = facts.ruleReason ??= `${trigger.kind}: “${text.slice(wStart, wEnd)}”`;
    out.push(new Candidate(start, end, reason, trigger.kind, 'rule'));
  }
}

const GENERIC_BIT = 1;
const PASSIVE_BIT = 2;

/** Whether the word is in `GENERIC_BEFORE` and has a short passive ending (`RU_PASSIVE`), as bits, once per spelling (kept on its facts). */
function ruleSets(facts: WordFacts): number {
  let bits = facts.ruleSets;
  if (bits < 0) facts.ruleSets = bits = (GENERIC_BEFORE.has(facts.lower) ? GENERIC_BIT : 0) | (RU_PASSIVE.test(facts.lower) ? PASSIVE_BIT : 0);
  return bits;
}

/**
 * A run of characters none of which `clauseEnd` stops at (`.`, `!`, `?`, `;`, `,`, `—`, `–`), at most
 * `MAX_SPAN` of them and not past a line break, matched where `lastIndex` is (always matches).
 */
const NOT_CLAUSE_MARK = new RegExp(`[^.!?;,\\u2013\\u2014\\n]{0,${MAX_SPAN}}`, 'y');

/** The end of the clause that starts at `from`: a sentence stop, `;`, or a comma before a new clause. */
function clauseEnd(text: string, from: number, lineEnd: number, words: LineWords, k: number): number {
  const cap = Math.min(lineEnd, from + MAX_SPAN);
  let wi = k + 1;
  const skip = NOT_CLAUSE_MARK;
  for (let p = from; p < cap; p++) {
    // Straight to the next character that can end a clause (the expression engine's scan, bounded).
    skip.lastIndex = p;
    skip.test(text);
    p = skip.lastIndex;
    if (p >= cap) break;
    const ch = text.charCodeAt(p);
    // `.`, `!`, `?`, `;` before a space, `"`, `”`, `»`, `\r` or the line's end.
    if ((ch === 46 || ch === 33 || ch === 63 || ch === 59) && (p + 1 >= lineEnd || isInlineSpace(text.charCodeAt(p + 1)) || isCloserOrReturn(text.charCodeAt(p + 1)))) {
      // "St. Petersburg", "т. е.": a stop after a short capitalised word or one letter is an abbreviation.
      const before = text.slice(Math.max(from, p - 3), p);
      if (!/(?:^|\s)(?:St|Mr|Ms|Dr|vs|т|г|им|ул)$/u.test(before)) return trimEnd(text, from, p);
    }
    // `,`, `—`, `–`.
    if (ch === 44 || ch === 0x2014 || ch === 0x2013) {
      while (wi < words.count && words.start[wi] <= p) wi++;
      if (wi < words.count && CLAUSE_BREAKERS.has(words.facts[wi].lower) && (ch === 44 || isInlineSpace(text.charCodeAt(p - 1)))) return trimEnd(text, from, p);
    }
  }
  if (cap < lineEnd) {
    // Cut a long clause at a word boundary.
    let p = cap;
    while (p > from && isLetter(text.charCodeAt(p - 1))) p--;
    return trimEnd(text, from, p);
  }
  return trimEnd(text, from, lineEnd);
}

function trimEnd(text: string, from: number, p: number): number {
  let e = p;
  while (e > from && (isInlineSpace(text.charCodeAt(e - 1)) || isTrailingMark(text.charCodeAt(e - 1)))) e--;
  return e;
}

/** `"`, `”`, `»` or `\r`. */
function isCloserOrReturn(code: number): boolean {
  return code === 34 || code === 0x201d || code === 0xbb || code === 13;
}

/** `\r`, `,`, `:`, `—`, `–`, `-`: left off a clause's end. */
function isTrailingMark(code: number): boolean {
  return code === 13 || code === 44 || code === 58 || code === 0x2014 || code === 0x2013 || code === 45;
}

/** Back over up to three modifiers of a trigger noun: "Russia-Greece gas deal", "новой стратегии". */
function modifiersStart(text: string, words: LineWords, k: number): number {
  let start = words.start[k];
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const wStart = words.start[j];
    const wEnd = words.end[j];
    const facts = words.facts[j];
    // What is between the two words: no `[,.;:!?()]`, at most 14 characters.
    if (start - wEnd > 14 || punctuationIn(text, wEnd, start)) break;
    const cyrillic = (words.flags[j] & FACT_CYRILLIC) !== 0;
    // (`facts.ruAdjective`: the adjective endings, tested on the same lowercase form.)
    const modifier = cyrillic ? facts.ruAdjective || isUpper(text[wStart]) : !EN_DETERMINERS.has(facts.lower);
    if (!modifier) break;
    start = wStart;
    // Opening quotes belong to a quoted name: "‘Nord Stream 2.0’ gas agreement".
    if (charIn('‘“«"\'', text[start - 1])) start--;
  }
  return start;
}

/**
 * A verb's object must say something: not empty, not only a date, and not a counted figure
 * ("signed 54 agreements", "подписано 332 соглашения" report totals, not initiatives).
 */
function hasObject(text: string, from: number, end: number, figures: readonly DetectedFigure[], f: number, passive: boolean): boolean {
  // Past articles and a second verb ("agreed to provide …", "предложил создать …").
  let objectStart = leadEnd(text, from, end);
  let verbEnd = letterRunEnd(text, objectStart, end);
  if (verbEnd < 0) verbEnd = objectStart + (/^\p{L}+/u.exec(text.slice(objectStart, end))?.[0].length ?? 0);
  if (verbEnd > objectStart && TRIGGER_WORDS.has(text.slice(objectStart, verbEnd).toLowerCase())) objectStart = skipSpaces(text, verbEnd, end);
  for (let j = f; j < figures.length && figures[j].start <= objectStart + 1; j++) {
    const fig = figures[j];
    if (fig.start >= from && fig.start <= objectStart + 1) {
      const money = fig.unit !== undefined && /^[A-Z]{3}$/u.test(fig.unit);
      if (!money) return false;
      // "approved $3.7 bn in grants" reports a sum; "provide $4 bn of support", "sign a €2bn deal" name something.
      const after = /^\s*(\p{L}+)/u.exec(text.slice(fig.end, end).replace(/^\s*\([^)]{0,60}\)/u, ''));
      if (!after || (after[1].toLowerCase() !== 'of' && OBJECT_PREPOSITIONS.has(after[1].toLowerCase()))) return false;
    }
  }
  // A passive with no object ("were signed at the forum", "подписаны в июне") names nothing.
  // ("proposed to create …": `to` before a verb is the infinitive, not a preposition.)
  let firstWord: string | undefined;
  const found = firstObjectWord(text, from, end, WORD_AT);
  if (found === undefined) firstWord = /^\s*(?:to\s+(?=\p{L}))?(\p{L}+)/u.exec(text.slice(from, end))?.[1];
  else if (found) firstWord = text.slice(WORD_AT.start, WORD_AT.end);
  if (firstWord !== undefined && OBJECT_PREPOSITIONS.has(firstWord.toLowerCase())) {
    const c = firstWord.charCodeAt(0);
    if ((c >= 97 && c <= 122) || passive) return false;
  }
  // Up to the first comma: the object proper.
  const comma = text.indexOf(',', from);
  const properEnd = comma >= 0 && comma < end ? comma : end;
  const quick = contentWordIn(text, from, properEnd);
  if (quick !== undefined) return quick;
  const content = text.slice(from, properEnd).toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  return content.some((w) => !MONTH_OR_FILLER.test(w));
}

/** Where `firstObjectWord` writes the word it found. */
const WORD_AT = { start: 0, end: 0 };

/**
 * `text.slice(from, to).toLowerCase().match(/\p{L}{3,}/gu)` holds a word other than a month or a
 * filler, read without lowercasing or matching the whole stretch; undefined when the stretch has a
 * character this does not know (outside ASCII and basic Cyrillic, not a common space, quote or
 * dash), so the caller reads it the long way.
 */
export function contentWordIn(text: string, from: number, to: number): boolean | undefined {
  let run = -1;
  for (let p = from; p <= to; p++) {
    const code = p < to ? text.charCodeAt(p) : 32;
    let letter: boolean;
    if (code < 0x80) letter = ((code | 32) - 97) >>> 0 < 26;
    else if (code >= 0x400 && code <= 0x45f) letter = true;
    else if (isKnownNonLetter(code)) letter = false;
    else return undefined;
    if (letter) {
      if (run < 0) run = p;
    } else if (run >= 0) {
      if (p - run >= 3 && !MONTH_OR_FILLER.test(text.slice(run, p).toLowerCase())) return true;
      run = -1;
    }
  }
  return false;
}

/** No-break and thin spaces, «», curly quotes, dashes, ellipsis, €, ₽, ¥, °, №: not letters, and their own lowercase. */
function isKnownNonLetter(code: number): boolean {
  switch (code) {
    case 0xa0: case 0xab: case 0xbb: case 0xa5: case 0xb0: case 0x2009: case 0x202f: case 0x2013: case 0x2014: case 0x2018: case 0x2019:
    case 0x201c: case 0x201d: case 0x2026: case 0x20ac: case 0x20bd: case 0x2116:
      return true;
    default:
      return false;
  }
}
