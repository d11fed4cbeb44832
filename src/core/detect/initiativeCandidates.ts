/**
 * Where the learned initiative scorer's candidates come from, besides the rules: the words of a
 * line with their facts, noun phrases headed by a body/programme/agreement/event word, objects of
 * propose/create/agree verbs, runs of capitalised words (names) and quoted names, and their order
 * (`sortCandidates`). Every look-around is bounded, so a line is read in linear time.
 */
import type { HeadClass } from './initiativeClasses';
import type { InitiativeKind } from './types';
import { FACT_CYRILLIC, WORD_CAP, wordFactsAt, type WordFacts } from './wordFacts';
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

/**
 * The words of one line as parallel arrays, word k at index k (the first `count` entries; the arrays
 * are longer and reused from line to line): no object per word, and a word's facts tested as bits.
 */
export class LineWords {
  count = 0;
  /** Where word k starts and ends in the text. */
  start: Int32Array = new Int32Array(64);
  end: Int32Array = new Int32Array(64);
  /** The sentence word k is in (0 for the line's first). */
  sent: Int32Array = new Int32Array(64);
  /** Its facts' `bits` (`FACT_*`), and `WORD_CAP` when it starts with a capital. */
  flags: Int32Array = new Int32Array(64);
  /** Its facts (lower case, head and cue classes…). */
  readonly facts: WordFacts[] = [];

  /** Room for `size` words (the values of the first `count` kept). */
  grow(size: number): void {
    const length = Math.max(size, this.start.length * 2);
    const more = (a: Int32Array): Int32Array => {
      const b = new Int32Array(length);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.start = more(this.start);
    this.end = more(this.end);
    this.sent = more(this.sent);
    this.flags = more(this.flags);
  }
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

/**
 * Splits lines into words, written into one `LineWords` reused from line to line (prose has about a
 * hundred thousand words a megabyte): what `read` returns is valid until the next `read`. The same
 * scan fills `marks` (the line's digits, years and opening quotes).
 */
export class WordReader {
  private readonly words = new LineWords();
  /** The digit runs and opening quotes of the line last read. */
  readonly marks = new LineMarks();
  /** The characters of the word being read (at most 40: `wordEnd`'s cap). */
  private readonly chars = new Uint16Array(40);

  read(text: string, from: number, to: number): LineWords {
    const words = this.words;
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
      if (n === words.start.length) {
        words.count = n;
        words.grow(n + 1);
      }
      words.start[n] = i;
      words.end[n] = end;
      words.sent[n] = sent;
      words.flags[n] = cap ? facts.bits | WORD_CAP : facts.bits;
      const factsOf = words.facts;
      if (n < factsOf.length) factsOf[n] = facts;
      else factsOf.push(facts);
      n++;
      i = end - 1;
    }
    words.count = n;
    return words;
  }
}

/** `isLetter` with its common cases (ASCII, Cyrillic) first. */
function isLetterCode(code: number): boolean {
  // A-Z and a-z are the codes whose lower case (bit 5 set) is 97-122: one comparison.
  if (code < 128) return ((code | 32) - 97) >>> 0 < 26;
  return (code >= 0x400 && code <= 0x4ff) || isLetter(code);
}

/** Title Case line without a final stop: a headline. */
export function isHeadline(text: string, from: number, to: number, words: LineWords): boolean {
  // As `text.slice(from, to).trim()` read: its first and last characters.
  const first = firstNonSpace(text, from, to);
  if (first === to) return false;
  if (text.charCodeAt(first) === 35) return true;
  if (isFinalStop(text.charCodeAt(lastNonSpace(text, from, to)))) return false;
  let long = 0;
  let capitals = 0;
  for (let k = 0; k < words.count; k++) {
    if (words.end[k] - words.start[k] <= 3) continue;
    long++;
    if ((words.flags[k] & WORD_CAP) !== 0) capitals++;
  }
  return long >= 2 && capitals / long >= 0.8;
}

/**
 * A noun phrase around head word `k`: its modifiers before and a short complement after; none when
 * it follows a number on the line from `lineStart` ("96 projects", "332 соглашения": a count is a
 * figure, not an initiative).
 */
export function nounPhrase(text: string, words: LineWords, k: number, h: HeadClass, lineStart: number, out: LineCandidates): void {
  const starts = words.start;
  const ends = words.end;
  const flags = words.flags;
  const factsOf = words.facts;
  const n = words.count;
  let start = starts[k];
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    if (!plainGap(text, ends[j], start, isLeftQuote)) break;
    const bits = flags[j];
    const facts = factsOf[j];
    const ok = (bits & FACT_CYRILLIC) !== 0 ? facts.ruAdjective || (bits & WORD_CAP) !== 0 : (setsOf(facts) & EN_LEFT_STOP_BIT) === 0 && facts.cue === undefined;
    if (!ok) break;
    start = starts[j];
  }
  if (isOpeningQuote(text.charCodeAt(start - 1))) start--;
  let end = ends[k];
  const cyrHead = (flags[k] & FACT_CYRILLIC) !== 0;
  let taken = 0;
  for (let j = k + 1; j < n && taken < MAX_NP_RIGHT; j++) {
    if (!plainGap(text, end, starts[j], isRightQuoteOrDash)) break;
    const facts = factsOf[j];
    const nextCap = j + 1 < n && (flags[j + 1] & WORD_CAP) !== 0;
    if (cyrHead) {
      if ((setsOf(facts) & RU_RIGHT_STOP_BIT) !== 0 && !nextCap) break;
      if (facts.cue !== undefined && (flags[j] & WORD_CAP) === 0) break;
    } else {
      if (taken === 0 && (setsOf(facts) & EN_RIGHT_LINK_BIT) === 0 && (flags[j] & WORD_CAP) === 0) break;
      if ((setsOf(facts) & EN_RIGHT_STOP_BIT) !== 0 && !(facts.lower === 'and' && nextCap)) break;
    }
    end = ends[j];
    taken++;
  }
  // A closing quote `[»”"’]` right after, with an opening one `[«“"‘]` inside: the quote is the phrase's.
  const after = text.charCodeAt(end);
  if ((after === 0xbb || after === 0x201d || after === 34 || after === 0x2019) && text.slice(start, end).match(/[«“"‘]/u)) end++;
  const facts = factsOf[k];
  facts.npReason ??= `${h}: “${facts.lower}”`;
  if (!digitThenSpacesBefore(text, Math.max(lineStart, start - 4), start)) out.add(start, end, facts.npReason, h === 'meeting' ? 'event' : h, 'np');
}

const OBJECT_CUES: ReadonlySet<string> = new Set(['propose', 'create', 'agree', 'support', 'hold', 'develop']);

/** The short object after a proposing/creating/agreeing verb: up to six words, to the first stop. */
export function objectOf(text: string, words: LineWords, k: number, out: LineCandidates): void {
  const factsOf = words.facts;
  const verb = factsOf[k];
  const cue = verb.cue;
  if (!cue || !OBJECT_CUES.has(cue)) return;
  // "development", "establishment": a noun, not the verb it stems like.
  if (verb.lower.endsWith('ment')) return;
  const n = words.count;
  const starts = words.start;
  const ends = words.end;
  let j = k + 1;
  while (j < n && j <= k + 2 && (setsOf(factsOf[j]) & OBJECT_SKIP_BIT) !== 0) j++;
  if (j >= n) return;
  // "put forward proposals": a verb in two words is one verb; its object is that of the second word.
  if (factsOf[j].cue === cue && factsOf[j].head === undefined) return;
  if (!plainGap(text, ends[k], starts[j]) || hasDigit(text, ends[k], starts[j])) return;
  const start = starts[j];
  let end = ends[j];
  for (let m = j + 1; m < n && m < j + 6; m++) {
    if (!plainGap(text, end, starts[m], isRightQuoteOrDash)) break;
    if ((setsOf(factsOf[m]) & (EN_RIGHT_STOP_BIT | RU_RIGHT_STOP_BIT)) !== 0) break;
    end = ends[m];
  }
  if (verbAndPrepositionOnly(words, j, end)) return;
  verb.objectReason ??= `${cue}: “${verb.lower}”`;
  out.add(start, end, verb.objectReason, cue === 'agree' ? 'agreement' : cue === 'hold' ? 'event' : cue === 'create' ? 'body' : 'proposal', 'obj');
}

/**
 * From word `j` to `end`, only a verb (a Russian infinitive, an English one after "to") and a
 * preposition with at most one word after it ("открыть в Казахстане", "обсудить на", "work on it"):
 * that says where or how, not what, so it is no object and no candidate (what is proposed is
 * elsewhere, often on the next line of a wrapped paragraph).
 */
export function verbAndPrepositionOnly(words: LineWords, j: number, end: number): boolean {
  const n = words.count;
  if (j >= n || words.start[j] >= end) return false;
  const verb = words.facts[j];
  const infinitive = (words.flags[j] & FACT_CYRILLIC) !== 0 ? verb.ruInfinitive : j > 0 && words.facts[j - 1].lower === 'to';
  if (!infinitive) return false;
  if (j + 1 >= n || words.start[j + 1] >= end || !OBJECT_PREPOSITIONS.has(words.facts[j + 1].lower)) return false;
  return !(j + 3 < n && words.start[j + 3] < end);
}

/** Runs of two or more capitalised words (with `of`, `and`, `и`… inside): names. */
export function names(text: string, words: LineWords, out: LineCandidates): void {
  const n = words.count;
  const starts = words.start;
  const ends = words.end;
  const flags = words.flags;
  for (let k = 0; k < n; k++) {
    if ((flags[k] & WORD_CAP) === 0) continue;
    let last = k;
    let count = 1;
    for (let j = k + 1; j < n; j++) {
      if (!nameGap(text, ends[j - 1], starts[j])) break;
      if ((flags[j] & WORD_CAP) !== 0) { last = j; count++; continue; }
      if ((setsOf(words.facts[j]) & NAME_LINK_BIT) !== 0 && j + 1 < n && (flags[j + 1] & WORD_CAP) !== 0) continue;
      break;
    }
    if (count >= 2) {
      out.add(starts[k], ends[last], 'name', 'project', 'name');
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

export function wordIndexAt(words: LineWords, pos: number): number {
  let lo = 0;
  let hi = words.count;
  const ends = words.end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}
