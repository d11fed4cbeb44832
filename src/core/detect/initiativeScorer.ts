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
import type { CueClass, HeadClass } from './initiativeClasses';
import { stem } from './stem';
import { factsStem, type StemFeature, type StemWeights, type WordFacts } from './wordFacts';
import { digitThenSpacesBefore, hasDigit, isDigitCode, isOpeningQuote, lastNonSpace, lineStartBefore } from './scan';
import type { InitiativeKind, SuggestedInitiative, TextRange } from './types';
import { SkipCursor } from './skip';
import { isHeadline, lineWords, MAX_SPAN_WORDS, names, nounPhrase, objectOf, quotes, wordIndexAt, type RawCandidate, type Word } from './initiativeCandidates';

export type { RawCandidate } from './initiativeCandidates';

/** A logistic regression over binary features: score = σ(bias + Σ weights[f]). */
export interface InitiativeWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** A candidate before scoring. */

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
  const lang = language === 'ru' ? 'ru' : 'en';
  const out: ScoredCandidate[] = [];
  let r = 0;
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const lineRules: RawCandidate[] = [];
    while (r < sortedRules.length && sortedRules[r].start < lineEnd + 1) lineRules.push(sortedRules[r++]);
    if (lineEnd > lineStart) scoreLine(text, lineStart, lineEnd, lang, lineRules, weights, keepFeatures, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

const NO_FEATURES: readonly string[] = [];

function scoreLine(text: string, from: number, to: number, lang: string, rules: readonly RawCandidate[], weights: InitiativeWeights, keepFeatures: boolean, out: ScoredCandidate[]): void {
  const words = lineWords(text, from, to);
  // Headlines name what the article is about; the rules leave them alone, and so do the others.
  if (isHeadline(text, from, to, words)) return;
  const raw: RawCandidate[] = [...rules];
  for (let k = 0; k < words.length; k++) {
    const h = words[k].head;
    if (h) {
      const np = nounPhrase(text, words, k, h);
      // "96 projects", "332 соглашения": a count is a figure, not an initiative.
      if (!digitThenSpacesBefore(text, Math.max(from, np.start - 4), np.start)) raw.push(np);
    }
    else objectOf(text, words, k, raw);
  }
  names(text, words, raw);
  quotes(text, from, to, raw);
  if (raw.length === 0) return;
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  // Sentences with a reporting verb ("said", "заявил").
  const said = new Set<number>();
  for (const w of words) if (w.cue === 'report') said.add(w.sent);
  const sink = keepFeatures ? undefined : new ScoreSink(weightTable(weights));
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c.end <= c.start) continue;
    let overlapping = 0;
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) if (raw[j].end > c.start) overlapping++;
    for (let j = i + 1; j < raw.length && j <= i + 8 && raw[j].start < c.end; j++) overlapping++;
    if (sink) {
      sink.reset(weights.bias);
      candidateFeatures(text, to, words, c, lang, overlapping, said, sink);
      out.push({ start: c.start, end: c.end, reason: c.reason, kind: c.kind, source: c.source, features: NO_FEATURES, score: floor(c, sigmoid(sink.z)) });
    } else {
      const names = new NameSink();
      candidateFeatures(text, to, words, c, lang, overlapping, said, names);
      out.push({ start: c.start, end: c.end, reason: c.reason, kind: c.kind, source: c.source, features: names.names, score: floor(c, scoreOf(names.names, weights)) });
    }
  }
}

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

const labels = new Map<number, string>();

/** `≤e` for the first edge `n` is within, else `>last` (labels made once: scoring makes no strings). */
function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return label(e, '≤');
  return label(edges[edges.length - 1], '>');
}

function label(e: number, sign: string): string {
  const key = sign === '≤' ? e : -e - 1;
  let l = labels.get(key);
  if (l === undefined) labels.set(key, (l = `${sign}${e}`));
  return l;
}

const triggers = new Map<string, string>();

/** The stem of the word a rule candidate's reason quotes ("proposal: “proposed”" → "propos"), cached. */
function triggerStem(reason: string): string {
  let t = triggers.get(reason);
  if (t === undefined) {
    const said = reason.startsWith('listed') ? undefined : /“([^”]*)”/u.exec(reason)?.[1];
    t = said ? stem(said.toLowerCase().split(/\s+/u)[0]) : 'list';
    if (triggers.size > 10_000) triggers.clear();
    triggers.set(reason, t);
  }
  return t;
}

/**
 * Receives a candidate's features: `prefix:a` or `prefix:a:b` (`prefix` alone when `a` is empty).
 * Training collects the names; scoring only adds up weights, so no name is ever built there.
 */
interface FeatureSink {
  /** Each feature is added at most once per candidate. */
  add(prefix: string, a?: string): void;
  add3(prefix: string, a: string, b: string): void;
  /** `prefix:stem` for the word's stem. */
  addStem(prefix: StemFeature, facts: WordFacts): void;
}

/** Collects feature names (for training and for `ScoredCandidate.features`). */
class NameSink implements FeatureSink {
  readonly names: string[] = [];
  add(prefix: string, a = ''): void {
    const name = a === '' ? prefix : `${prefix}:${a}`;
    if (!this.names.includes(name)) this.names.push(name);
  }
  add3(prefix: string, a: string, b: string): void {
    this.add(prefix, `${a}:${b}`);
  }
  addStem(prefix: StemFeature, facts: WordFacts): void {
    this.add(prefix, factsStem(facts));
  }
}

/** Prefixes whose features have two parts after the prefix (`src:np:en`). */
const THREE_PART = new Set(['src', 'kind', 'head', 'sh', 'pre']);

/** The weights split by prefix, so scoring looks them up without building names. */
interface WeightTable {
  readonly two: Map<string, Map<string, number>>;
  readonly three: Map<string, Map<string, Map<string, number>>>;
}

const tables = new WeakMap<InitiativeWeights, WeightTable>();

function weightTable(weights: InitiativeWeights): WeightTable {
  let t = tables.get(weights);
  if (t) return t;
  t = { two: new Map(), three: new Map() };
  for (const [name, w] of Object.entries(weights.weights)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) continue;
    const p = name.indexOf(':');
    const prefix = p < 0 ? name : name.slice(0, p);
    const rest = p < 0 ? '' : name.slice(p + 1);
    const q = rest.indexOf(':');
    if (THREE_PART.has(prefix) && q >= 0) {
      const a = rest.slice(0, q);
      let m = t.three.get(prefix);
      if (!m) t.three.set(prefix, (m = new Map()));
      let mb = m.get(a);
      if (!mb) m.set(a, (mb = new Map()));
      mb.set(rest.slice(q + 1), w);
    } else {
      let m = t.two.get(prefix);
      if (!m) t.two.set(prefix, (m = new Map()));
      m.set(rest, w);
    }
  }
  tables.set(weights, t);
  return t;
}

function stemWeights(table: WeightTable, st: string): StemWeights {
  const of = (prefix: StemFeature): number => table.two.get(prefix)?.get(st) ?? 0;
  return { table, hs: of('hs'), f: of('f'), 'w-1': of('w-1'), 'w-2': of('w-2'), pv: of('pv') };
}

/** Adds up the weights of the features it is given (each feature once). */
class ScoreSink implements FeatureSink {
  z = 0;
  constructor(private readonly table: WeightTable) {}
  reset(bias: number): void {
    this.z = Number.isFinite(bias) ? bias : 0;
  }
  add(prefix: string, a = ''): void {
    this.z += this.table.two.get(prefix)?.get(a) ?? 0;
  }
  add3(prefix: string, a: string, b: string): void {
    this.z += this.table.three.get(prefix)?.get(a)?.get(b) ?? 0;
  }
  /** The stem's weights are looked up once per word and weight table, not once per candidate. */
  addStem(prefix: StemFeature, facts: WordFacts): void {
    let known = facts.stemWeights;
    if (known === undefined || known.table !== this.table) facts.stemWeights = known = stemWeights(this.table, factsStem(facts));
    this.z += known[prefix];
  }
}

/** The features of one candidate (names are stable: the weights file is keyed by them). */
function candidateFeatures(text: string, lineEnd: number, words: readonly Word[], c: RawCandidate, lang: string, overlapping: number, saidSentences: ReadonlySet<number>, f: FeatureSink): void {
  f.add('lang', lang);
  f.add('src', c.source);
  f.add3('src', c.source, lang);
  f.add3('kind', c.source, c.kind);
  if (c.source === 'rule') {
    f.add('trig', triggerStem(c.reason));
  }
  const first = wordIndexAt(words, c.start);
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < c.end) last++;
  const inSpan = first < words.length && words[first].start < c.end;
  // The head: the first head word inside the span.
  let head: HeadClass | undefined;
  let capitals = 0;
  let headCount = 0;
  let acronym = false;
  const inCues: CueClass[] = [];
  if (inSpan) {
    for (let j = first; j <= last && j < words.length && j < first + MAX_SPAN_WORDS; j++) {
      const w = words[j];
      const h = w.head;
      if (h) {
        headCount++;
        if (!head) {
          head = h;
          f.addStem('hs', w.facts);
          // The Russian head's ending shows its case: "создать фонд" (object) vs "в рамках фонда".
          if (w.lower.charCodeAt(0) >= 0x400) f.add('hend', w.lower.slice(-2));
          if (w.cap) f.add('headcap', h);
        }
      }
      if (w.cap && !(j > 0 && words[j - 1].sent !== w.sent) && j !== 0) capitals++;
      if (!acronym && w.cap && w.end - w.start >= 2 && isCapitalLetter(text.charCodeAt(w.start + 1)) && w.lower.toUpperCase() === text.slice(w.start, w.end)) acronym = true;
      if (j - first < 3 && w.cue && !inCues.includes(w.cue)) inCues.push(w.cue);
    }
  }
  if (acronym) f.add('acronym');
  for (const cue of inCues) f.add('in', cue);
  const hc = head ?? 'none';
  f.add('head', hc);
  f.add3('head', hc, lang);
  f.add3('sh', c.source, hc);
  // Lexical context: the span's first word and the two words before it, by stem.
  const sent = first < words.length ? words[first].sent : -1;
  if (inSpan) f.addStem('f', words[first].facts);
  if (first > 0 && words[first - 1].sent === sent) f.addStem('w-1', words[first - 1].facts);
  if (first > 1 && words[first - 2].sent === sent) f.addStem('w-2', words[first - 2].facts);
  const before = lastNonSpace(text, Math.max(0, c.start - 2), c.start);
  if (before >= 0) f.add('punct-', text[before]);
  // A list item: the candidate starts its line (after a bullet or a number).
  if (lineStartBefore(text, c.start)) f.add('linestart');
  if (headCount > 1) f.add('heads', '2+');
  f.add('caps', bucket(capitals, [0, 1, 3]));
  f.add('len', bucket(inSpan ? last - first + 1 : 0, [1, 3, 7, 15]));
  let quoted = isOpeningQuote(text.charCodeAt(c.start - 1));
  let digit = false;
  for (let p = c.start; p < c.end && !(quoted && digit); p++) {
    const code = text.charCodeAt(p);
    if (isDigitCode(code)) digit = true;
    else if (isOpeningQuote(code)) quoted = true;
  }
  if (quoted) f.add('quoted');
  if (digit) f.add('digit');
  const tailEnd = Math.max(c.end, Math.min(lineEnd, c.end + 30));
  if ((digit || hasDigit(text, c.end, tailEnd)) && /\b(?:19|20)\d\d\b/u.test(text.slice(c.start, tailEnd))) f.add('year');
  if (digit && /[$€₽¥]|млрд|млн|billion|million|bn\b/u.test(text.slice(c.start, c.end))) f.add('money');
  if (overlapping > 0) f.add('multi', bucket(overlapping, [1, 2]));
  // The words before the candidate in its sentence: governing verbs, mood, actor.
  if (sent === 0) f.add('sent', 'first');
  let actor = -1;
  // Cues can repeat within the window; each feature counts once.
  const pre: CueClass[] = [];
  const pre2: CueClass[] = [];
  const pv: WordFacts[] = [];
  let ruInf = false;
  let ruPast = false;
  let enEd = false;
  for (let j = first - 1, d = 1; j >= 0 && d <= 12; j--, d++) {
    const w = words[j];
    if (w.sent !== sent) break;
    if (d <= 6) {
      const cue = w.cue;
      if (cue) {
        if (!pre.includes(cue)) pre.push(cue);
        if (d <= 2) {
          if (!pre2.includes(cue)) pre2.push(cue);
          const st = factsStem(w.facts);
          if (!pv.some((p) => factsStem(p) === st)) pv.push(w.facts);
        }
      }
      if (d <= 3 && w.lower.charCodeAt(0) >= 0x400) {
        if (w.facts.ruInfinitive) ruInf = true;
        else if (w.facts.ruPast) ruPast = true;
      }
      if (d <= 2 && w.lower.endsWith('ed')) enEd = true;
      if (d === 1 && w.lower === 'to') f.add('to');
    }
    if (actor < 0 && w.cap) actor = d;
  }
  for (const cue of pre) {
    f.add('pre', cue);
    f.add3('pre', cue, c.source);
  }
  for (const cue of pre2) f.add('pre2', cue);
  for (const facts of pv) f.addStem('pv', facts);
  if (ruInf) f.add('ru', 'inf');
  if (ruPast) f.add('ru', 'past');
  if (enEd) f.add('en', 'ed');
  f.add('actor', actor < 0 ? 'none' : bucket(actor, [3, 8]));
  if (saidSentences.has(sent)) f.add('said');
}

function isCapitalLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0x410 && code <= 0x42f) || code === 0x401;
}

/** Default for `minScore` (and `summitNotes.detection.minScore`): chosen from the CV curve (docs/DETECTION.md). */
export const DEFAULT_MIN_SCORE = 0.5;

/**
 * Suggestions from scored candidates: those at or above `minScore`, not touching a skipped range,
 * overlapping ones merged into one (its score is the highest, its reason and kind that candidate's).
 */
export function selectSuggestions(text: string, scored: readonly ScoredCandidate[], minScore: number, skip?: readonly TextRange[]): SuggestedInitiative[] {
  const kept = scored.filter((c) => c.score >= minScore).sort((a, b) => a.start - b.start || b.end - a.end);
  const skipper = new SkipCursor(skip);
  const out: { start: number; end: number; reason: string; kind: InitiativeKind; score: number }[] = [];
  for (const c of kept) {
    if (skipper.covering(c.start)) continue;
    // A stretch that already holds an annotation has been marked up by the analyst.
    if (skipper.nextStart(c.start) < c.end) continue;
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (c.score > last.score) Object.assign(last, { reason: c.reason, kind: c.kind, score: c.score });
      continue;
    }
    out.push({ start: c.start, end: c.end, reason: c.reason, kind: c.kind, score: c.score });
  }
  return out.map((c) => ({
    kind: 'initiative', start: c.start, end: c.end, text: text.slice(c.start, c.end), reason: c.reason, initiativeKind: c.kind,
    score: Math.round(c.score * 1000) / 1000,
  }));
}
