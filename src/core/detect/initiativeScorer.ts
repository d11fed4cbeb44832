/**
 * The learned half of initiative detection: candidates generated broadly, each described by a few
 * dozen binary features and scored by a logistic regression whose weights live in
 * `initiativeWeights.json` (made by `npm run train`; method in docs/DETECTION.md).
 *
 * Candidates come from four places: the rules of `initiatives.ts` (a trigger verb and its clause, a
 * trigger noun and its modifiers, list items under an "Initiatives:" line), noun phrases headed by a
 * body/programme/agreement/event word in any case form, runs of capitalised words (names), and
 * quoted names. One pass over the lines; every look-around is bounded, so the whole is linear.
 */
import type { HeadClass } from './initiativeClasses';
import { compileWeights, F, featureName, HEAD_COUNT, PUNCT_CODES, headIndex, KIND_COUNT, kindIndex, SOURCE_COUNT, sourceIndex, triggerStem, triggerWeight, W, wordFeatureName,
  wordWeights, type CompiledWeights, type InitiativeWeights, type WordFeature } from './initiativeFeatures';
import { FACT_CYRILLIC, FACT_EN_PLURAL, WORD_CAP, type WordFacts } from './wordFacts';
import { CONTEXT, LineSpans, readContext } from './lineSpans';
import { hasMoney, isOpeningQuote, lastNonSpace, lineStartBefore, type LineMarks } from './scan';
import type { SuggestionMerger } from './initiativeSelection';
import { isHeadline, LineCandidates, MAX_SPAN_WORDS, names, nounPhrase, objectOf, quotes, sortCandidates, WordReader, type LineWords, type RawCandidate } from './initiativeCandidates';

export type { RawCandidate } from './initiativeCandidates';
export type { InitiativeWeights } from './initiativeFeatures';

/** A candidate with its score (and its features' names when asked for). */
export interface ScoredCandidate extends RawCandidate {
  /** Empty unless `scoreCandidates` was asked to keep them. */
  readonly features: readonly string[];
  readonly score: number;
}

/**
 * Every candidate in `text` with its features, scored by `weights`. `rules` are the rule-based
 * candidates (any order). Skipped ranges are not looked at here; `selectSuggestions` drops what
 * touches them.
 */
export function scoreCandidates(text: string, language: string, rules: readonly RawCandidate[], weights: InitiativeWeights, keepFeatures = false): ScoredCandidate[] {
  const sortedRules = [...rules].sort((a, b) => a.start - b.start || b.end - a.end);
  const scorer = new LineScorer(text, language, weights, keepFeatures);
  const reader = new WordReader();
  let r = 0;
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const lineRules: RawCandidate[] = [];
    while (r < sortedRules.length && sortedRules[r].start < lineEnd + 1) lineRules.push(sortedRules[r++]);
    if (lineEnd > lineStart) scorer.line(lineStart, lineEnd, reader.read(text, lineStart, lineEnd), lineRules, reader.marks);
    lineStart = lineEnd + 1;
  }
  return scorer.out;
}

const NO_FEATURES: readonly string[] = [];

/**
 * Scores the candidates of a text line by line: the rules' candidates of the line (any order) and
 * those the line's words give (noun phrases, objects, names, quotes). Keeps only candidates scored
 * at or above `keepAbove` (all by default), so suggesting builds no object for the many below it.
 */
export class LineScorer {
  readonly out: ScoredCandidate[] = [];
  private readonly lang: number;
  private readonly sink: ScoreSink | undefined;
  private readonly spans = new LineSpans();
  /** The line's candidates (reused from line to line). */
  private readonly candidates = new LineCandidates();
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /**
   * With a `selection`, kept candidates go straight into it (suggesting) and `out` stays empty;
   * without one they are collected in `out` (training, cross-validation, `scoreCandidates`).
   */
  constructor(private readonly text: string, language: string, private readonly weights: InitiativeWeights, keepFeatures = false,
    private readonly keepAbove = Number.NEGATIVE_INFINITY, private readonly selection?: SuggestionMerger) {
    this.lang = language === 'ru' ? 0 : 1;
    this.sink = keepFeatures ? undefined : new ScoreSink(compileWeights(weights));
  }

  /** The line `[from, to)` (not empty), its words and marks (`WordReader`) and the rules' candidates on it. */
  line(from: number, to: number, words: LineWords, rules: readonly RawCandidate[], marks: LineMarks): void {
    const text = this.text;
    // Headlines name what the article is about; the rules leave them alone, and so do the others.
    if (isHeadline(text, from, to, words)) return;
    const candidates = this.candidates;
    candidates.clear();
    for (let i = 0; i < rules.length; i++) candidates.push(rules[i]);
    const factsOf = words.facts;
    for (let k = 0; k < words.count; k++) {
      const h = factsOf[k].head;
      if (h) nounPhrase(text, words, k, h, from, candidates);
      else objectOf(text, words, k, candidates);
    }
    names(text, words, candidates);
    quotes(text, marks.quoteFrom(from), to, candidates);
    const raw = candidates.take();
    if (raw.length === 0) return;
    sortCandidates(raw);
    // Their spans as two arrays, for counting the overlaps of each.
    if (raw.length > this.starts.length) {
      this.starts = new Int32Array(raw.length * 2);
      this.ends = new Int32Array(raw.length * 2);
    }
    const starts = this.starts;
    const ends = this.ends;
    for (let i = 0; i < raw.length; i++) {
      starts[i] = raw[i].start;
      ends[i] = raw[i].end;
    }
    const lineNo = ++lineCount;
    const spans = this.spans;
    spans.read(words);
    const sink = this.sink;
    // The candidates come sorted by start, so their first words are found by a cursor that only moves on.
    let first = 0;
    const wordEnds = spans.end;
    const wordCount = spans.count;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c.end <= c.start) continue;
      while (first < wordCount && wordEnds[first] <= c.start) first++;
      let overlapping = 0;
      const start = starts[i];
      const end = ends[i];
      for (let j = i - 1; j >= 0 && j >= i - 8; j--) if (ends[j] > start) overlapping++;
      for (let j = i + 1; j < raw.length && j <= i + 8 && starts[j] < end; j++) overlapping++;
      if (sink) {
        sink.reset();
        candidateFeatures(text, to, c, first, this.lang, overlapping, spans, marks, sink, lineNo);
        const score = floor(c, sigmoid(sink.z));
        if (score < this.keepAbove) continue;
        if (this.selection) this.selection.add(c, score);
        else this.out.push({ start: c.start, end: c.end, reason: c.reason, kind: c.kind, source: c.source, features: NO_FEATURES, score });
      } else {
        const names = new NameSink();
        candidateFeatures(text, to, c, first, this.lang, overlapping, spans, marks, names, lineNo);
        const score = floor(c, scoreOf(names.names, this.weights));
        if (score >= this.keepAbove) this.out.push({ start: c.start, end: c.end, reason: c.reason, kind: c.kind, source: c.source, features: names.names, score });
      }
    }
  }
}

/** Lines scored so far, by every scorer: a line's number keys the look-back kept between its candidates. */
let lineCount = 0;

/** σ(bias + Σ weights of the features present); unknown features weigh nothing. */
export function scoreOf(features: readonly string[], weights: InitiativeWeights): number {
  let z = Number.isFinite(weights.bias) ? weights.bias : 0;
  for (const f of features) {
    const w = weights.weights[f];
    if (typeof w === 'number' && Number.isFinite(w)) z += w;
  }
  return sigmoid(z);
}

/**
 * The one rule the scorer does not overrule: an item of a list under an "Initiatives:" /
 * "Предложения:" line is what the guideline calls an initiative (all such items in the corpus are),
 * but the corpus has too few for the regression to weigh them so; they score at least this.
 */
export const LISTED_MIN_SCORE = 0.6;

/** The score of a candidate whose feature names are known (training, cross-validation). */
export function candidateScore(c: ScoredCandidate, weights: InitiativeWeights): number {
  return floor(c, scoreOf(c.features, weights));
}

function floor(c: RawCandidate, score: number): number {
  return c.source === 'rule' && c.reason.startsWith('listed') ? Math.max(score, LISTED_MIN_SCORE) : score;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The id of `ids[i]`, or -1 (no feature) when `i` is out of range (an unknown source, kind or class). */
function at(ids: readonly number[], i: number): number {
  return i >= 0 && i < ids.length ? ids[i] : -1;
}

/** Index of `n` among bucket edges: the first edge it is within, else one past the last. */
function bucket(n: number, edges: readonly number[]): number {
  for (let i = 0; i < edges.length; i++) if (n <= edges[i]) return i;
  return edges.length;
}

const CAPS_EDGES = [0, 1, 3];
const LEN_EDGES = [1, 3, 7, 15];
const MULTI_EDGES = [1, 2];
const ACTOR_EDGES = [3, 8];

/** How far on from a candidate's first word its last word is looked for (past `LEN_EDGES` and `MAX_SPAN_WORDS`). */
const LAST_REACH = 16;

/**
 * Receives a candidate's features. Training collects their names; scoring only adds up weights
 * (array reads by feature id), so no name is ever built there.
 */
interface FeatureSink {
  /** The first features of every candidate: language, source (`sourceIndex`, -1 unknown), and kind (`kindIndex`) by source. */
  open(lang: number, src: number, kind: number): void;
  /** A feature of fixed id (`initiativeFeatures.ts`), -1 for none. Each is added at most once per candidate. */
  add(id: number): void;
  /** A feature named by a word (`prefix:stem`, `hend:ending`). */
  addWord(slot: WordFeature, facts: WordFacts): void;
  /** `trig:STEM` for the word a rule candidate's reason quotes. */
  addTrigger(reason: string): void;
  /** `punct-:CH` for the punctuation just before the candidate (its character code). */
  addPunct(code: number): void;
}

/** Collects feature names (for training and for `ScoredCandidate.features`). */
class NameSink implements FeatureSink {
  readonly names: string[] = [];
  private push(name: string): void {
    if (!this.names.includes(name)) this.names.push(name);
  }
  add(id: number): void {
    if (id >= 0) this.push(featureName(id));
  }
  open(lang: number, src: number, kind: number): void {
    openFeatures(this, lang, src, kind);
  }
  addWord(slot: WordFeature, facts: WordFacts): void {
    this.push(wordFeatureName(slot, facts));
  }
  addTrigger(reason: string): void {
    this.push(`trig:${triggerStem(reason)}`);
  }
  addPunct(code: number): void {
    this.push(`punct-:${String.fromCharCode(code)}`);
  }
}

/** Adds up the weights of the features it is given, in the order given (so the sum is the same to the bit). */
class ScoreSink implements FeatureSink {
  z = 0;
  private readonly fixed: Float64Array;
  /** `open`'s sums by language, source + 1 and kind + 1 (NaN until first made). */
  private readonly opened = new Float64Array(2 * (SOURCE_COUNT + 1) * (KIND_COUNT + 1)).fill(Number.NaN);
  constructor(private readonly table: CompiledWeights) {
    this.fixed = table.fixed;
  }
  reset(): void {
    this.z = this.table.bias;
  }
  /** `openFeatures` from the bias, added up once per language, source and kind (the same additions in the same order). */
  open(lang: number, src: number, kind: number): void {
    const i = (lang * (SOURCE_COUNT + 1) + src + 1) * (KIND_COUNT + 1) + kind + 1;
    let z = this.opened[i];
    if (Number.isNaN(z)) {
      this.reset();
      openFeatures(this, lang, src, kind);
      this.opened[i] = z = this.z;
    }
    this.z = z;
  }
  add(id: number): void {
    if (id >= 0) this.z += this.fixed[id];
  }
  /** A word's weights are looked up once per word and weight table, not once per candidate. */
  addWord(slot: WordFeature, facts: WordFacts): void {
    this.z += wordWeights(this.table, facts)[slot];
  }
  addTrigger(reason: string): void {
    this.z += triggerWeight(this.table, reason);
  }
  addPunct(code: number): void {
    this.z += code < PUNCT_CODES ? this.table.punctByCode[code] : this.table.punct.get(String.fromCharCode(code)) ?? 0;
  }
}

/** The features every candidate opens with: its language, its source, both, and its kind by source. */
function openFeatures(f: FeatureSink, lang: number, src: number, kind: number): void {
  f.add(F.lang[lang]);
  f.add(at(F.src, src));
  f.add(src < 0 ? -1 : F.srcLang[src * 2 + lang]);
  f.add(src < 0 || kind < 0 ? -1 : F.kind[src * KIND_COUNT + kind]);
}


/**
 * The features of one candidate (names are stable: the weights file is keyed by them). `first` is
 * its first word (`wordIndexAt(words, c.start)`). The line's words are read from `spans` (`LineSpans.read`), by index.
 */
function candidateFeatures(text: string, lineEnd: number, c: RawCandidate, first: number, lang: number, overlapping: number, spans: LineSpans,
  marks: LineMarks, f: FeatureSink, line: number): void {
  const wordCount = spans.count;
  const starts = spans.start;
  const sents = spans.sent;
  const flags = spans.flags;
  const factsOf = spans.facts;
  const src = sourceIndex(c.source);
  f.open(lang, src, kindIndex(c.kind));
  if (src === 0) f.addTrigger(c.reason);
  // The last word starting before the end, looked for up to `LAST_REACH` words on: no feature tells
  // a longer span from that (`len` counts up to 15 words, the head and capitals up to `MAX_SPAN_WORDS`).
  let last = first;
  while (last + 1 < wordCount && last - first < LAST_REACH && starts[last + 1] < c.end) last++;
  const inSpan = first < wordCount && starts[first] < c.end;
  // The head: the first head word inside the span; the span's capitals, heads and acronyms from the line's counts.
  let head: HeadClass | undefined;
  let capitals = 0;
  let headCount = 0;
  let acronym = false;
  // Cue classes of the span's first three words, each once, as a bit set in the order met.
  let inSeen = 0;
  let inCue0 = -1;
  let inCue1 = -1;
  let inCue2 = -1;
  if (inSpan) {
    const hi = Math.min(last, wordCount - 1, first + MAX_SPAN_WORDS - 1);
    const hj = spans.nextHead[first];
    if (hj <= hi) {
      const facts = factsOf[hj];
      const bits = flags[hj];
      head = facts.head;
      f.addWord(W.hs, facts);
      // The Russian head's ending shows its case: "создать фонд" (object) vs "в рамках фонда".
      if ((bits & FACT_CYRILLIC) !== 0) f.addWord(W.hend, facts);
      // An English head in the plural ("proposals in four fields", "shared strategies") often names things in general.
      else if ((bits & FACT_EN_PLURAL) !== 0) f.add(F.headPlural);
      if ((bits & WORD_CAP) !== 0) f.add(at(F.headcap, spans.head[hj]));
    }
    headCount = spans.heads[hi + 1] - spans.heads[first];
    capitals = spans.capitals[hi + 1] - spans.capitals[first];
    acronym = spans.acronyms[hi + 1] > spans.acronyms[first];
    const cues = spans.cue;
    for (let j = first; j <= hi && j < first + 3; j++) {
      const ci = cues[j];
      if (ci >= 0 && (inSeen & (1 << ci)) === 0) {
        inSeen |= 1 << ci;
        if (inCue0 < 0) inCue0 = ci; else if (inCue1 < 0) inCue1 = ci; else inCue2 = ci;
      }
    }
  }
  if (acronym) f.add(F.acronym);
  if (inCue0 >= 0) f.add(F.in[inCue0]);
  if (inCue1 >= 0) f.add(F.in[inCue1]);
  if (inCue2 >= 0) f.add(F.in[inCue2]);
  const hc = headIndex(head);
  f.add(F.head[hc]);
  f.add(F.headLang[hc * 2 + lang]);
  f.add(src < 0 ? -1 : F.sh[src * HEAD_COUNT + hc]);
  // Lexical context: the span's first word and the two words before it, by stem.
  const sent = first < wordCount ? sents[first] : -1;
  if (inSpan) f.addWord(W.f, factsOf[first]);
  if (first > 0 && sents[first - 1] === sent) f.addWord(W.w1, factsOf[first - 1]);
  if (first > 1 && sents[first - 2] === sent) f.addWord(W.w2, factsOf[first - 2]);
  const before = lastNonSpace(text, Math.max(0, c.start - 2), c.start);
  if (before >= 0) f.addPunct(text.charCodeAt(before));
  // A list item: the candidate starts its line (after a bullet or a number).
  if (lineStartBefore(text, c.start)) f.add(F.linestart);
  if (headCount > 1) f.add(F.heads2);
  f.add(F.caps[bucket(capitals, CAPS_EDGES)]);
  f.add(F.len[bucket(inSpan ? last - first + 1 : 0, LEN_EDGES)]);
  const quoted = isOpeningQuote(text.charCodeAt(c.start - 1)) || marks.quoteIn(text, c.start, c.end);
  const digit = marks.digit(text, c.start, c.end);
  if (quoted) f.add(F.quoted);
  if (digit) f.add(F.digit);
  const tailEnd = Math.max(c.end, Math.min(lineEnd, c.end + 30));
  if ((digit || marks.digit(text, c.end, tailEnd)) && marks.year(text, c.start, tailEnd)) f.add(F.year);
  if (digit && hasMoney(text, c.start, c.end)) f.add(F.money);
  if (overlapping > 0) f.add(F.multi[bucket(overlapping, MULTI_EDGES)]);
  // The words before the candidate in its sentence: governing verbs, mood, actor.
  if (sent === 0) f.add(F.sentFirst);
  // Candidates come sorted by start, so those sharing a first word come together: the look-back is made once for them.
  const ctx = CONTEXT;
  if (ctx.line !== line || ctx.first !== first) readContext(spans, first, sent, line);
  if (ctx.to) f.add(F.to);
  const pre = ctx.pre;
  const preCount = ctx.preCount;
  const pre2 = ctx.pre2;
  const pv = ctx.pv;
  for (let i = 0; i < preCount; i++) {
    f.add(F.pre[pre[i]]);
    f.add(src < 0 ? -1 : F.preSrc[pre[i] * SOURCE_COUNT + src]);
  }
  for (let i = 0; i < ctx.pre2Count; i++) f.add(F.pre2[pre2[i]]);
  for (let i = 0; i < ctx.pvCount; i++) f.addWord(W.pv, pv[i]);
  if (ctx.ruInf) f.add(F.ruInf);
  if (ctx.ruPast) f.add(F.ruPast);
  if (ctx.enEd) f.add(F.enEd);
  f.add(F.actor[ctx.actor < 0 ? 0 : 1 + bucket(ctx.actor, ACTOR_EDGES)]);
  if (sent >= 0 && spans.said[sent] === 1) f.add(F.said);
}

/** Default for `minScore` (and `summitNotes.detection.minScore`): chosen from the CV curve (docs/DETECTION.md). */
export const DEFAULT_MIN_SCORE = 0.5;
