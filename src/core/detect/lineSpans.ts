/**
 * What a line's words say about any candidate on it, read once per line into typed arrays (the
 * initiative scorer asks it for some 36,000 candidates a megabyte of dense text): per word its cue
 * and head class as numbers, prefix counts of capitalised words, head words and acronyms (so a
 * span's counts are two array reads, not a walk over its words), the next head word from each word,
 * the sentences with a reporting verb; and the look-back before a candidate's first word (cues,
 * mood, "to", actor), kept for the candidates that start there too.
 */
import { cueIndex, headIndex } from './initiativeFeatures';
import type { LineWords } from './initiativeCandidates';
import { FACT_CAPITALS, FACT_CYRILLIC, FACT_EN_ED, FACT_REPORT, FACT_RU_INFINITIVE, FACT_RU_PAST, FACT_TO, factsStem, WORD_CAP, type WordFacts } from './wordFacts';

/** Head class number of a word that heads nothing (`headIndex(undefined)`). */
const NO_HEAD = headIndex(undefined);

export class LineSpans {
  /** The line's word count and its words' arrays (`LineWords`, the reader's own, not copies), as of the last `read`. */
  count = 0;
  start: Int32Array = new Int32Array(0);
  end: Int32Array = new Int32Array(0);
  sent: Int32Array = new Int32Array(0);
  flags: Int32Array = new Int32Array(0);
  facts: readonly WordFacts[] = [];
  /** Per word: `cueIndex` of its cue class, -1 for none. */
  cue = new Int32Array(64);
  /** Per word: `headIndex` of its head class (`NO_HEAD` for none). */
  head = new Int32Array(64);
  /** Before word j: capitalised words that do not open their sentence, and are not the line's first. */
  capitals = new Int32Array(65);
  /** Before word j: head words. */
  heads = new Int32Array(65);
  /** Before word j: capitalised words all in capitals ("SCO", "ШОС"). */
  acronyms = new Int32Array(65);
  /** From word j on: the first head word (the word count when none). */
  nextHead = new Int32Array(64);
  /** Per sentence of the line: 1 when it has a reporting verb ("said", "заявил"). */
  said = new Uint8Array(64);

  /** Reads the line's words (`WordReader`). */
  read(words: LineWords): void {
    const n = words.count;
    if (n + 1 > this.capitals.length) this.grow(n + 1);
    const cue = this.cue;
    const head = this.head;
    const capitals = this.capitals;
    const heads = this.heads;
    const acronyms = this.acronyms;
    const said = this.said;
    const sents = words.sent;
    const flags = words.flags;
    const factsOf = words.facts;
    this.count = n;
    this.start = words.start;
    this.end = words.end;
    this.sent = sents;
    this.flags = flags;
    this.facts = factsOf;
    // Sentences are numbered from 0 in order, so those of the line are 0 to the last word's.
    if (n > 0) for (let k = sents[n - 1]; k >= 0; k--) said[k] = 0;
    let c = 0;
    let h = 0;
    let a = 0;
    let prevSent = -1;
    for (let j = 0; j < n; j++) {
      const facts = factsOf[j];
      let ci = facts.cueId;
      if (ci === -2) facts.cueId = ci = facts.cue === undefined ? -1 : cueIndex(facts.cue);
      let hi = facts.headId;
      if (hi === -2) facts.headId = hi = headIndex(facts.head);
      cue[j] = ci;
      head[j] = hi;
      const bits = flags[j];
      const sent = sents[j];
      capitals[j] = c;
      heads[j] = h;
      acronyms[j] = a;
      if ((bits & WORD_CAP) !== 0) {
        if (j !== 0 && prevSent === sent) c++;
        if ((bits & FACT_CAPITALS) !== 0) a++;
      }
      if (hi !== NO_HEAD) h++;
      if ((bits & FACT_REPORT) !== 0) said[sent] = 1;
      prevSent = sent;
    }
    capitals[n] = c;
    heads[n] = h;
    acronyms[n] = a;
    const next = this.nextHead;
    let upcoming = n;
    for (let j = n - 1; j >= 0; j--) {
      if (head[j] !== NO_HEAD) upcoming = j;
      next[j] = upcoming;
    }
  }

  private grow(size: number): void {
    const length = Math.max(size, this.capitals.length * 2);
    this.cue = new Int32Array(length);
    this.head = new Int32Array(length);
    this.capitals = new Int32Array(length + 1);
    this.heads = new Int32Array(length + 1);
    this.acronyms = new Int32Array(length + 1);
    this.nextHead = new Int32Array(length);
    this.said = new Uint8Array(length);
  }
}

/** What the words before a candidate's first word say (`readContext`), kept for the next candidate starting there. */
export const CONTEXT = {
  line: -1, first: -1,
  /** Cue classes of the six words before, each once, in the order met; `pre2` of the two before. */
  pre: new Int32Array(12), preCount: 0, pre2: new Int32Array(12), pre2Count: 0,
  /** Cue words among the two before, one per stem: the first `pvCount` (at most two). */
  pv: [] as WordFacts[], pvCount: 0,
  ruInf: false, ruPast: false, enEd: false, to: false,
  /** Distance to the nearest capitalised word before (within 12, the same sentence), -1 for none. */
  actor: -1,
};

/** Fills `CONTEXT` for the candidates starting at word `first` (in sentence `sent`) of line number `line`. */
export function readContext(spans: LineSpans, first: number, sent: number, line: number): void {
  const ctx = CONTEXT;
  ctx.line = line;
  ctx.first = first;
  // Cues can repeat within the window; each feature counts once (cue classes as bit sets, kept in the order met).
  let preSeen = 0;
  let preCount = 0;
  let pre2Seen = 0;
  let pre2Count = 0;
  const pre = ctx.pre;
  const pre2 = ctx.pre2;
  const pv = ctx.pv;
  let pvCount = 0;
  const cues = spans.cue;
  const sents = spans.sent;
  const flags = spans.flags;
  const factsOf = spans.facts;
  let ruInf = false;
  let ruPast = false;
  let enEd = false;
  let to = false;
  let actor = -1;
  for (let j = first - 1, d = 1; j >= 0 && d <= 12; j--, d++) {
    if (sents[j] !== sent) break;
    const bits = flags[j];
    if (d <= 6) {
      const ci = cues[j];
      if (ci >= 0) {
        if ((preSeen & (1 << ci)) === 0) { preSeen |= 1 << ci; pre[preCount++] = ci; }
        if (d <= 2) {
          if ((pre2Seen & (1 << ci)) === 0) { pre2Seen |= 1 << ci; pre2[pre2Count++] = ci; }
          const facts = factsOf[j];
          const st = factsStem(facts);
          let seen = false;
          for (let q = 0; q < pvCount; q++) if (factsStem(pv[q]) === st) { seen = true; break; }
          // Written over, not popped and pushed again for every first word.
          if (!seen) {
            if (pvCount < pv.length) pv[pvCount] = facts;
            else pv.push(facts);
            pvCount++;
          }
        }
      }
      if (d <= 3 && (bits & FACT_CYRILLIC) !== 0) {
        if ((bits & FACT_RU_INFINITIVE) !== 0) ruInf = true;
        else if ((bits & FACT_RU_PAST) !== 0) ruPast = true;
      }
      if (d <= 2 && (bits & FACT_EN_ED) !== 0) enEd = true;
      if (d === 1 && (bits & FACT_TO) !== 0) to = true;
    }
    if (actor < 0 && (bits & WORD_CAP) !== 0) actor = d;
  }
  ctx.preCount = preCount;
  ctx.pvCount = pvCount;
  ctx.pre2Count = pre2Count;
  ctx.ruInf = ruInf;
  ctx.ruPast = ruPast;
  ctx.enEd = enEd;
  ctx.to = to;
  ctx.actor = actor;
}
