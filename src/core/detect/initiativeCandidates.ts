/**
 * Where the learned initiative scorer's candidates come from, besides the rules: the words of a
 * line with their facts, noun phrases headed by a body/programme/agreement/event word, objects of
 * propose/create/agree verbs, runs of capitalised words (names) and quoted names, and their order
 * (`sortCandidates`). Every look-around is bounded, so a line is read in linear time.
 */
import type { CueClass, HeadClass } from './initiativeClasses';
import type { InitiativeKind } from './types';
import { wordFactsAt, type WordFacts } from './wordFacts';
import { OBJECT_PREPOSITIONS } from './initiativeWords';
import { digitThenSpacesBefore, firstNonSpace, hasDigit, isFinalStop, LineMarks, isLeftQuote, isOpeningQuote, isRightQuoteOrDash, lastNonSpace, nameGap, plainGap } from './scan';
import { isLetter, isUpper } from '../text';

export interface RawCandidate {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  readonly kind: InitiativeKind;
  /** Where it came from: `rule`, `np`, `name`, `quote`. */
  readonly source: string;
}

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
  readonly cap: boolean;
  /** The sentence it is in (0 for the line's first). */
  readonly sent: number;
  readonly head: HeadClass | undefined;
  readonly cue: CueClass | undefined;
  readonly facts: WordFacts;
}


/** Most words of a candidate looked at for its head, capitals and cues. */
export const MAX_SPAN_WORDS = 12;

const MAX_NP_RIGHT = 6;
const MAX_QUOTE = 120;
const EN_LEFT_STOP = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'of', 'and', 'or', 'in', 'on', 'at',
  'for', 'with', 'to', 'by', 'from', 'was', 'is', 'were', 'are', 'be', 'will', 'has', 'have', 'had', 'as', 'it', 'which', 'who']);
const EN_RIGHT_LINK = new Set(['of', 'on', 'for', 'against', 'between', 'in', 'to']);
const RU_RIGHT_STOP = new Set(['и', 'что', 'который', 'которая', 'которое', 'которые', 'которых', 'где', 'как', 'а', 'но', 'это', 'также']);
const EN_RIGHT_STOP = new Set(['that', 'which', 'who', 'said', 'says', 'will', 'would', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'and',
  'but', 'while', 'as', 'by', 'with', 'at']);
const NAME_LINKS = new Set(['of', 'and', 'for', 'the', 'on', 'de', 'и', 'по', 'для', 'на']);

/** Words skipped between a verb and its object. */
const OBJECT_SKIP = new Set(['to', 'a', 'an', 'the', 'on', 'for', 'upon']);

const EN_LEFT_STOP_BIT = 1;
const EN_RIGHT_LINK_BIT = 2;
const RU_RIGHT_STOP_BIT = 4;
const EN_RIGHT_STOP_BIT = 8;
const NAME_LINK_BIT = 16;
const OBJECT_SKIP_BIT = 32;

/** Which of the word lists above hold the word (as bits), worked out once per spelling and kept on its facts. */
function setsOf(facts: WordFacts): number {
  let bits = facts.sets;
  if (bits < 0) {
    const lower = facts.lower;
    bits = (EN_LEFT_STOP.has(lower) ? EN_LEFT_STOP_BIT : 0) | (EN_RIGHT_LINK.has(lower) ? EN_RIGHT_LINK_BIT : 0) | (RU_RIGHT_STOP.has(lower) ? RU_RIGHT_STOP_BIT : 0)
      | (EN_RIGHT_STOP.has(lower) ? EN_RIGHT_STOP_BIT : 0) | (NAME_LINKS.has(lower) ? NAME_LINK_BIT : 0) | (OBJECT_SKIP.has(lower) ? OBJECT_SKIP_BIT : 0);
    facts.sets = bits;
  }
  return bits;
}

/**
 * A candidate of one class for every source (the rules' too), so the scorer's reads of a
 * candidate's fields see one hidden class; `LineCandidates` fills its pooled ones again line by line.
 */
export class Candidate implements RawCandidate {
  constructor(public start: number, public end: number, public reason: string, public kind: InitiativeKind, public source: string) {}
}

/**
 * The candidates of one line: the rules' as given, the others made from a pool of objects reused
 * from line to line (dense text has some 36,000 candidates a megabyte). `take` gives them, in the
 * order added, as an array of exactly their count, valid until the next `clear`.
 */
export class LineCandidates {
  /** Those added since `clear` are the first `count`; written over, never cut, from line to line. */
  private readonly pending: RawCandidate[] = [];
  private count = 0;
  private readonly pool: Candidate[] = [];
  private used = 0;
  /**
   * By count n, the array `take` fills and returns for n candidates: no array grows or is cut per
   * line (pushing every candidate and popping them all again was a cost of its own).
   */
  private readonly byCount: RawCandidate[][] = [];

  clear(): void {
    this.count = 0;
    this.used = 0;
  }

  push(c: RawCandidate): void {
    if (this.count < this.pending.length) this.pending[this.count] = c;
    else this.pending.push(c);
    this.count++;
  }

  add(start: number, end: number, reason: string, kind: InitiativeKind, source: string): void {
    let c = this.pool[this.used++];
    if (c === undefined) this.pool.push((c = new Candidate(0, 0, '', 'proposal', '')));
    c.start = start;
    c.end = end;
    c.reason = reason;
    c.kind = kind;
    c.source = source;
    this.push(c);
  }

  /** The candidates added since `clear`, in that order (the array is the caller's to reorder until the next `take`). */
  take(): RawCandidate[] {
    const n = this.count;
    const pending = this.pending;
    let list = this.byCount[n];
    if (list === undefined) this.byCount[n] = list = pending.slice(0, n);
    else for (let k = 0; k < n; k++) list[k] = pending[k];
    return list;
  }
}

/** A word as `WordReader` keeps it: the same object is filled again for a later line. */
class LineWord implements Word {
  start = 0;
  end = 0;
  lower = '';
  cap = false;
  sent = 0;
  head: HeadClass | undefined = undefined;
  cue: CueClass | undefined = undefined;
  facts!: WordFacts;
}

/**
 * Splits lines into words, reusing its word objects and array from line to line (prose has about a
 * hundred thousand words a megabyte): what `read` returns is valid until the next `read`. The same
 * scan fills `marks` (the line's digits, years and opening quotes).
 */
export class WordReader {
  private readonly pool: LineWord[] = [];
  /**
   * By word count n, the array of the pool's first n words: a line's words are always the pool's
   * first ones, so a line of n words is returned as that array, made once, with no array written
   * per line (growing and cutting one array to each line's count was a cost of its own).
   */
  private readonly byCount: LineWord[][] = [];
  /** The digit runs and opening quotes of the line last read. */
  readonly marks = new LineMarks();
  /** The characters of the word being read (at most 40: `wordEnd`'s cap). */
  private readonly chars = new Uint16Array(40);

  read(text: string, from: number, to: number): readonly Word[] {
    let n = 0;
    let sent = 0;
    /** The first sentence stop since the last word, -1 for none. */
    let stopAt = -1;
    const marks = this.marks;
    marks.begin(from, to);
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (!isLetterCode(code)) {
        // Digits and opening quotes are marked on the way (`LineMarks.read` would find the same).
        if (code <= 63) {
          if (code >= 48 && code <= 57) i = marks.digitRun(text, i, to) - 1;
          else if (code === 34) marks.quote(i);
          else if (stopAt < 0 && (code === 46 || code === 33 || code === 63)) stopAt = i;
        } else if (code === 0xab || code === 0x201c || code === 0x2018) marks.quote(i);
        continue;
      }
      // The word's end as `wordEnd` finds it (letters, and `-`, `'`, `’` between two), and its hash, in one scan.
      const cap40 = Math.min(to, i + 40);
      const chars = this.chars;
      chars[0] = code;
      let end = i + 1;
      let hash = code;
      while (end < cap40) {
        const c = text.charCodeAt(end);
        if (isLetterCode(c) || ((c === 45 || c === 39 || c === 0x2019) && end + 1 < cap40 && isLetterCode(text.charCodeAt(end + 1)))) {
          hash = (Math.imul(hash, 31) + c) | 0;
          chars[end - i] = c;
          end++;
        } else break;
      }
      const cap = (code >= 65 && code <= 90) || (code >= 0x410 && code <= 0x42f) || code === 0x401 || (code > 127 && code < 0x400 && isUpper(text[i]));
      // A sentence stop (`.`, `!`, `?`) between the two words, not right before this one (then a space, maybe after a closing quote).
      if (n > 0 && cap && stopAt >= 0 && stopAt < i - 1) sent++;
      stopAt = -1;
      const facts = wordFactsAt(text, i, chars, end - i, hash);
      let w = this.pool[n];
      if (w === undefined) this.pool.push((w = new LineWord()));
      w.start = i;
      w.end = end;
      w.lower = facts.lower;
      w.cap = cap;
      w.sent = sent;
      w.head = facts.head;
      w.cue = facts.cue;
      w.facts = facts;
      n++;
      i = end - 1;
    }
    let words = this.byCount[n];
    if (words === undefined) this.byCount[n] = words = this.pool.slice(0, n);
    return words;
  }
}

/** `isLetter` with its common cases (ASCII, Cyrillic) first. */
function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return (code >= 0x400 && code <= 0x4ff) || isLetter(code);
}

/** Title Case line without a final stop: a headline. */
export function isHeadline(text: string, from: number, to: number, words: readonly Word[]): boolean {
  // As `text.slice(from, to).trim()` read: its first and last characters.
  const first = firstNonSpace(text, from, to);
  if (first === to) return false;
  if (text.charCodeAt(first) === 35) return true;
  if (isFinalStop(text.charCodeAt(lastNonSpace(text, from, to)))) return false;
  let long = 0;
  let capitals = 0;
  for (const w of words) {
    if (w.end - w.start <= 3) continue;
    long++;
    if (w.cap) capitals++;
  }
  return long >= 2 && capitals / long >= 0.8;
}

/**
 * A noun phrase around head word `k`: its modifiers before and a short complement after; none when
 * it follows a number on the line from `lineStart` ("96 projects", "332 соглашения": a count is a
 * figure, not an initiative).
 */
export function nounPhrase(text: string, words: readonly Word[], k: number, h: HeadClass, lineStart: number, out: LineCandidates): void {
  let start = words[k].start;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const w = words[j];
    if (!plainGap(text, w.end, start, isLeftQuote)) break;
    const cyr = w.lower.charCodeAt(0) >= 0x400;
    const ok = cyr ? w.facts.ruAdjective || w.cap : (setsOf(w.facts) & EN_LEFT_STOP_BIT) === 0 && w.cue === undefined;
    if (!ok) break;
    start = w.start;
  }
  if (isOpeningQuote(text.charCodeAt(start - 1))) start--;
  let end = words[k].end;
  const cyrHead = words[k].lower.charCodeAt(0) >= 0x400;
  let taken = 0;
  for (let j = k + 1; j < words.length && taken < MAX_NP_RIGHT; j++) {
    const w = words[j];
    if (!plainGap(text, end, w.start, isRightQuoteOrDash)) break;
    if (cyrHead) {
      if ((setsOf(w.facts) & RU_RIGHT_STOP_BIT) !== 0 && !(words[j + 1]?.cap)) break;
      if (w.cue !== undefined && !w.cap) break;
    } else {
      if (taken === 0 && (setsOf(w.facts) & EN_RIGHT_LINK_BIT) === 0 && !w.cap) break;
      if ((setsOf(w.facts) & EN_RIGHT_STOP_BIT) !== 0 && !(w.lower === 'and' && words[j + 1]?.cap)) break;
    }
    end = w.end;
    taken++;
  }
  // A closing quote `[»”"’]` right after, with an opening one `[«“"‘]` inside: the quote is the phrase's.
  const after = text.charCodeAt(end);
  if ((after === 0xbb || after === 0x201d || after === 34 || after === 0x2019) && text.slice(start, end).match(/[«“"‘]/u)) end++;
  const facts = words[k].facts;
  facts.npReason ??= `${h}: “${facts.lower}”`;
  if (!digitThenSpacesBefore(text, Math.max(lineStart, start - 4), start)) out.add(start, end, facts.npReason, h === 'meeting' ? 'event' : h, 'np');
}

const OBJECT_CUES: ReadonlySet<string> = new Set(['propose', 'create', 'agree', 'support', 'hold', 'develop']);

/** The short object after a proposing/creating/agreeing verb: up to six words, to the first stop. */
export function objectOf(text: string, words: readonly Word[], k: number, out: LineCandidates): void {
  const cue = words[k].cue;
  if (!cue || !OBJECT_CUES.has(cue)) return;
  // "development", "establishment": a noun, not the verb it stems like.
  if (words[k].lower.endsWith('ment')) return;
  let j = k + 1;
  while (j < words.length && j <= k + 2 && (setsOf(words[j].facts) & OBJECT_SKIP_BIT) !== 0) j++;
  if (j >= words.length) return;
  // "put forward proposals": a verb in two words is one verb; its object is that of the second word.
  if (words[j].cue === cue && words[j].head === undefined) return;
  if (!plainGap(text, words[k].end, words[j].start) || hasDigit(text, words[k].end, words[j].start)) return;
  const start = words[j].start;
  let end = words[j].end;
  for (let m = j + 1; m < words.length && m < j + 6; m++) {
    if (!plainGap(text, end, words[m].start, isRightQuoteOrDash)) break;
    if ((setsOf(words[m].facts) & (EN_RIGHT_STOP_BIT | RU_RIGHT_STOP_BIT)) !== 0) break;
    end = words[m].end;
  }
  if (verbAndPrepositionOnly(words, j, end)) return;
  const facts = words[k].facts;
  facts.objectReason ??= `${cue}: “${facts.lower}”`;
  out.add(start, end, facts.objectReason, cue === 'agree' ? 'agreement' : cue === 'hold' ? 'event' : cue === 'create' ? 'body' : 'proposal', 'obj');
}

/**
 * From word `j` to `end`, only a verb (a Russian infinitive, an English one after "to") and a
 * preposition with at most one word after it ("открыть в Казахстане", "обсудить на", "work on it"):
 * that says where or how, not what, so it is no object and no candidate (what is proposed is
 * elsewhere, often on the next line of a wrapped paragraph).
 */
export function verbAndPrepositionOnly(words: readonly Word[], j: number, end: number): boolean {
  const verb = words[j];
  if (verb === undefined || verb.start >= end) return false;
  const infinitive = verb.lower.charCodeAt(0) >= 0x400 ? verb.facts.ruInfinitive : j > 0 && words[j - 1].lower === 'to';
  if (!infinitive) return false;
  const preposition = words[j + 1];
  if (preposition === undefined || preposition.start >= end || !OBJECT_PREPOSITIONS.has(preposition.lower)) return false;
  return !(j + 3 < words.length && words[j + 3].start < end);
}

/** Runs of two or more capitalised words (with `of`, `and`, `и`… inside): names. */
export function names(text: string, words: readonly Word[], out: LineCandidates): void {
  for (let k = 0; k < words.length; k++) {
    if (!words[k].cap) continue;
    let last = k;
    let count = 1;
    for (let j = k + 1; j < words.length; j++) {
      if (!nameGap(text, words[j - 1].end, words[j].start)) break;
      if (words[j].cap) { last = j; count++; continue; }
      if ((setsOf(words[j].facts) & NAME_LINK_BIT) !== 0 && words[j + 1]?.cap) continue;
      break;
    }
    if (count >= 2) {
      out.add(words[k].start, words[last].end, 'name', 'project', 'name');
      k = last;
    }
  }
}

/** Quoted stretches on the line: «…», “…”, "…". */
export function quotes(text: string, from: number, to: number, out: LineCandidates): void {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    const close = ch === 0xab ? 0xbb : ch === 0x201c ? 0x201d : ch === 34 ? 34 : -1;
    if (close < 0) continue;
    const limit = Math.min(to, i + 1 + MAX_QUOTE);
    let end = i + 1;
    while (end < limit && text.charCodeAt(end) !== close) end++;
    if (end >= limit) continue;
    if (end - i > 3) out.add(i, end + 1, 'quoted name', 'project', 'quote');
    i = end;
  }
}

/**
 * By start, the longer first at the same start; stable (equal spans keep their order), so the same
 * as `Array.prototype.sort` with that comparison. Lines hold a few candidates: an insertion sort
 * there, the built-in sort for long lines (linear time overall).
 */
export function sortCandidates(raw: RawCandidate[]): void {
  if (raw.length > 24) {
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    return;
  }
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i];
    let j = i - 1;
    while (j >= 0 && (raw[j].start > c.start || (raw[j].start === c.start && raw[j].end < c.end))) {
      raw[j + 1] = raw[j];
      j--;
    }
    raw[j + 1] = c;
  }
}

export function wordIndexAt(words: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}
