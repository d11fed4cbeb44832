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
import { cueClass, headClass, type HeadClass } from './initiativeClasses';
import { stem } from './stem';
import { isLetter, isUpper, wordEnd } from './text';
import type { InitiativeKind, SuggestedInitiative, TextRange } from './types';
import { SkipCursor } from './skip';

/** A logistic regression over binary features: score = σ(bias + Σ weights[f]). */
export interface InitiativeWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}

/** A candidate before scoring. */
export interface RawCandidate {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  readonly kind: InitiativeKind;
  /** Where it came from: `rule`, `np`, `name`, `quote`. */
  readonly source: string;
}

/** A candidate with its features and (once weights are given) its score. */
export interface ScoredCandidate extends RawCandidate {
  readonly features: readonly string[];
  readonly score: number;
}

interface Word { readonly start: number; readonly end: number; readonly lower: string; readonly cap: boolean; readonly sent: number }

const MAX_NP_RIGHT = 6;
const MAX_QUOTE = 120;
const RU_ADJECTIVE = /(?:ых|их|ые|ие|ой|ий|ый|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ую|юю)$/u;
const EN_LEFT_STOP = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'of', 'and', 'or', 'in', 'on', 'at',
  'for', 'with', 'to', 'by', 'from', 'was', 'is', 'were', 'are', 'be', 'will', 'has', 'have', 'had', 'as', 'it', 'which', 'who']);
const EN_RIGHT_LINK = new Set(['of', 'on', 'for', 'against', 'between', 'in', 'to']);
const RU_RIGHT_STOP = new Set(['и', 'что', 'который', 'которая', 'которое', 'которые', 'которых', 'где', 'как', 'а', 'но', 'это', 'также']);
const EN_RIGHT_STOP = new Set(['that', 'which', 'who', 'said', 'says', 'will', 'would', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'and',
  'but', 'while', 'as', 'by', 'with', 'at']);
const NAME_LINKS = new Set(['of', 'and', 'for', 'the', 'on', 'de', 'и', 'по', 'для', 'на']);

/**
 * Every candidate in `text` with its features, scored by `weights`. `rules` are the rule-based
 * candidates (any order). Skipped ranges are not looked at here; `selectSuggestions` drops what
 * touches them.
 */
export function scoreCandidates(text: string, language: string, rules: readonly RawCandidate[], weights: InitiativeWeights): ScoredCandidate[] {
  const sortedRules = [...rules].sort((a, b) => a.start - b.start || b.end - a.end);
  const lang = language === 'ru' ? 'ru' : 'en';
  const out: ScoredCandidate[] = [];
  let r = 0;
  for (let lineStart = 0; lineStart <= text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const lineRules: RawCandidate[] = [];
    while (r < sortedRules.length && sortedRules[r].start < lineEnd + 1) lineRules.push(sortedRules[r++]);
    if (lineEnd > lineStart) scoreLine(text, lineStart, lineEnd, lang, lineRules, weights, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function scoreLine(text: string, from: number, to: number, lang: string, rules: readonly RawCandidate[], weights: InitiativeWeights, out: ScoredCandidate[]): void {
  const words = lineWords(text, from, to);
  // Headlines name what the article is about; the rules leave them alone, and so do the others.
  if (isHeadline(text, from, to, words)) return;
  const raw: RawCandidate[] = [...rules];
  for (let k = 0; k < words.length; k++) {
    const h = headClass(words[k].lower);
    if (h) raw.push(nounPhrase(text, words, k, h));
    else objectOf(text, words, k, raw);
  }
  names(text, words, raw);
  quotes(text, from, to, raw);
  if (raw.length === 0) return;
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c.end <= c.start) continue;
    let overlapping = 0;
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) if (raw[j].end > c.start) overlapping++;
    for (let j = i + 1; j < raw.length && j <= i + 8 && raw[j].start < c.end; j++) overlapping++;
    const features = candidateFeatures(text, words, c, lang, overlapping);
    out.push({ ...c, features, score: scoreOf(features, weights) });
  }
}

/** σ(bias + Σ weights of the features present); unknown features weigh nothing. */
export function scoreOf(features: readonly string[], weights: InitiativeWeights): number {
  let z = weights.bias;
  for (const f of features) z += weights.weights[f] ?? 0;
  const s = 1 / (1 + Math.exp(-z));
  return Number.isFinite(s) ? s : z > 0 ? 1 : 0;
}

function lineWords(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let sent = 0;
  let prevEnd = from;
  for (let i = from; i < to; i++) {
    if (!isLetter(text.charCodeAt(i))) continue;
    const end = Math.max(i + 1, wordEnd(text, i, to));
    const cap = isUpper(text[i]);
    if (words.length > 0 && cap && /[.!?]["”»]?\s/u.test(text.slice(prevEnd, i))) sent++;
    words.push({ start: i, end, lower: text.slice(i, end).toLowerCase(), cap, sent });
    prevEnd = end;
    i = end - 1;
  }
  return words;
}

/** Title Case line without a final stop: a headline. */
function isHeadline(text: string, from: number, to: number, words: readonly Word[]): boolean {
  const line = text.slice(from, to).trim();
  if (line.startsWith('#')) return true;
  if (/[.!?;:,"”»]$/u.test(line)) return false;
  const long = words.filter((w) => w.end - w.start > 3);
  return long.length >= 2 && long.filter((w) => w.cap).length / long.length >= 0.8;
}

const noPunctuation = (between: string): boolean => !/[,.;:!?()]/u.test(between) && between.length <= 4;

/** A noun phrase around head word `k`: its modifiers before and a short complement after. */
function nounPhrase(text: string, words: readonly Word[], k: number, h: HeadClass): RawCandidate {
  let start = words[k].start;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const w = words[j];
    if (!noPunctuation(text.slice(w.end, start).replace(/[«“"‘']/gu, ''))) break;
    const cyr = w.lower.charCodeAt(0) >= 0x400;
    const ok = cyr ? RU_ADJECTIVE.test(w.lower) || w.cap : !EN_LEFT_STOP.has(w.lower) && cueClass(w.lower) === undefined;
    if (!ok) break;
    start = w.start;
  }
  if (/[«“"‘]/u.test(text[start - 1] ?? '')) start--;
  let end = words[k].end;
  const cyrHead = words[k].lower.charCodeAt(0) >= 0x400;
  let taken = 0;
  for (let j = k + 1; j < words.length && taken < MAX_NP_RIGHT; j++) {
    const w = words[j];
    if (!noPunctuation(text.slice(end, w.start).replace(/[«»“”"‘’'\-–—]/gu, ''))) break;
    if (cyrHead) {
      if (RU_RIGHT_STOP.has(w.lower) && !(words[j + 1]?.cap)) break;
      if (cueClass(w.lower) !== undefined && !w.cap) break;
    } else {
      if (taken === 0 && !EN_RIGHT_LINK.has(w.lower) && !w.cap) break;
      if (EN_RIGHT_STOP.has(w.lower) && !(w.lower === 'and' && words[j + 1]?.cap)) break;
    }
    end = w.end;
    taken++;
  }
  if (/[»”"’]/u.test(text[end] ?? '') && text.slice(start, end).match(/[«“"‘]/u)) end++;
  return { start, end, reason: `${h}: “${words[k].lower}”`, kind: h === 'meeting' ? 'event' : h, source: 'np' };
}

const OBJECT_CUES: ReadonlySet<string> = new Set(['propose', 'create', 'agree', 'support', 'hold', 'develop']);
const OBJECT_SKIP = new Set(['to', 'a', 'an', 'the', 'on', 'for', 'upon']);

/** The short object after a proposing/creating/agreeing verb: up to six words, to the first stop. */
function objectOf(text: string, words: readonly Word[], k: number, out: RawCandidate[]): void {
  const cue = cueClass(words[k].lower);
  if (!cue || !OBJECT_CUES.has(cue)) return;
  let j = k + 1;
  while (j < words.length && j <= k + 2 && OBJECT_SKIP.has(words[j].lower)) j++;
  if (j >= words.length || !noPunctuation(text.slice(words[k].end, words[j].start))) return;
  const start = words[j].start;
  let end = words[j].end;
  for (let m = j + 1; m < words.length && m < j + 6; m++) {
    if (!noPunctuation(text.slice(end, words[m].start).replace(/[«»“”"‘’'\-–—]/gu, ''))) break;
    if (EN_RIGHT_STOP.has(words[m].lower) || RU_RIGHT_STOP.has(words[m].lower)) break;
    end = words[m].end;
  }
  out.push({ start, end, reason: `${cue}: “${words[k].lower}”`, kind: cue === 'agree' ? 'agreement' : cue === 'hold' ? 'event' : cue === 'create' ? 'body' : 'proposal', source: 'obj' });
}

/** Runs of two or more capitalised words (with `of`, `and`, `и`… inside): names. */
function names(text: string, words: readonly Word[], out: RawCandidate[]): void {
  for (let k = 0; k < words.length; k++) {
    if (!words[k].cap) continue;
    let last = k;
    let count = 1;
    for (let j = k + 1; j < words.length; j++) {
      const between = text.slice(words[j - 1].end, words[j].start);
      if (!/^[\s\-–]{0,3}$/u.test(between)) break;
      if (words[j].cap) { last = j; count++; continue; }
      if (NAME_LINKS.has(words[j].lower) && words[j + 1]?.cap) continue;
      break;
    }
    if (count >= 2) {
      out.push({ start: words[k].start, end: words[last].end, reason: 'name', kind: 'project', source: 'name' });
      k = last;
    }
  }
}

/** Quoted stretches on the line: «…», “…”, "…". */
function quotes(text: string, from: number, to: number, out: RawCandidate[]): void {
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const close = ch === '«' ? '»' : ch === '“' ? '”' : ch === '"' ? '"' : undefined;
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end > to || end - i > MAX_QUOTE) continue;
    if (end - i > 3) out.push({ start: i, end: end + 1, reason: 'quoted name', kind: 'project', source: 'quote' });
    i = end;
  }
}

function wordIndexAt(words: readonly Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `≤${e}`;
  return `>${edges[edges.length - 1]}`;
}

/** The binary features of one candidate (names are stable: the weights file is keyed by them). */
function candidateFeatures(text: string, words: readonly Word[], c: RawCandidate, lang: string, overlapping: number): string[] {
  const f: string[] = [`lang:${lang}`, `src:${c.source}`, `src:${c.source}:${lang}`, `kind:${c.source}:${c.kind}`];
  if (c.source === 'rule') {
    const said = /“([^”]*)”/u.exec(c.reason)?.[1];
    if (said) f.push(`trig:${stem(said.toLowerCase().split(/\s+/u)[0])}`);
    else f.push('trig:list');
  }
  const first = wordIndexAt(words, c.start);
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < c.end) last++;
  const inSpan = first < words.length && words[first].start < c.end;
  // The head: the first head word inside the span.
  let head: HeadClass | undefined;
  let capitals = 0;
  let headCount = 0;
  if (inSpan) {
    for (let j = first; j <= last && j < words.length; j++) {
      const w = words[j];
      const h = headClass(w.lower);
      if (h) {
        headCount++;
        if (!head) {
          head = h;
          f.push(`hs:${stem(w.lower)}`);
          // The Russian head's ending shows its case: "создать фонд" (object) vs "в рамках фонда".
          if (w.lower.charCodeAt(0) >= 0x400) f.push(`hend:${w.lower.slice(-2)}`);
          if (w.cap) f.push(`headcap:${h}`);
        }
      }
      if (w.cap && !(j > 0 && words[j - 1].sent !== w.sent) && j !== 0) capitals++;
      if (w.end - w.start >= 2 && w.lower.toUpperCase() === text.slice(w.start, w.end) && /\p{Lu}/u.test(text[w.start])) f.push('acronym');
      if (j - first < 3) {
        const cue = cueClass(w.lower);
        if (cue) f.push(`in:${cue}`);
      }
    }
  }
  f.push(`head:${head ?? 'none'}`, `head:${head ?? 'none'}:${lang}`, `sh:${c.source}:${head ?? 'none'}`);
  // Lexical context: the span's first word and the two words before it, by stem.
  if (inSpan) f.push(`f:${stem(words[first].lower)}`);
  if (first > 0 && words[first - 1].sent === words[Math.min(first, words.length - 1)].sent) f.push(`w-1:${stem(words[first - 1].lower)}`);
  if (first > 1 && words[first - 2].sent === words[Math.min(first, words.length - 1)].sent) f.push(`w-2:${stem(words[first - 2].lower)}`);
  const before = text.slice(Math.max(0, c.start - 2), c.start).trim();
  if (before) f.push(`punct-:${before[before.length - 1]}`);
  if (headCount > 1) f.push('heads:2+');
  f.push(`caps:${bucket(capitals, [0, 1, 3])}`);
  const n = inSpan ? last - first + 1 : 0;
  f.push(`len:${bucket(n, [1, 3, 7, 15])}`);
  const span = text.slice(c.start, c.end);
  if (/[«“"‘]/u.test(span) || /[«“"‘]/u.test(text[c.start - 1] ?? '')) f.push('quoted');
  if (/\d/u.test(span)) f.push('digit');
  if (/\b(?:19|20)\d\d\b/u.test(text.slice(c.start, Math.min(text.length, c.end + 30)))) f.push('year');
  if (/[$€₽¥]|млрд|млн|billion|million|bn\b/u.test(span)) f.push('money');
  if (overlapping > 0) f.push(`multi:${bucket(overlapping, [1, 2])}`);
  // The words before the candidate in its sentence: governing verbs, mood, actor.
  const sent = first < words.length ? words[first].sent : -1;
  if (sent === 0) f.push('sent:first');
  let actor = -1;
  for (let j = first - 1, d = 1; j >= 0 && d <= 12; j--, d++) {
    const w = words[j];
    if (w.sent !== sent) break;
    if (d <= 6) {
      const cue = cueClass(w.lower);
      if (cue) {
        f.push(`pre:${cue}`, `pre:${cue}:${c.source}`);
        if (d <= 2) f.push(`pre2:${cue}`, `pv:${stem(w.lower)}`);
      }
      if (d <= 3 && w.lower.charCodeAt(0) >= 0x400) {
        if (/(?:ть|ться|ти)$/u.test(w.lower)) f.push('ru:inf');
        else if (/(?:ла|ли|ло|л)$/u.test(w.lower)) f.push('ru:past');
      }
      if (d <= 2 && /ed$/u.test(w.lower)) f.push('en:ed');
      if (d === 1 && w.lower === 'to') f.push('to');
    }
    if (actor < 0 && w.cap) actor = d;
  }
  f.push(`actor:${actor < 0 ? 'none' : bucket(actor, [3, 8])}`);
  // Reporting verbs anywhere in the sentence ("said", "заявил").
  for (let j = Math.max(0, first - 20); j < Math.min(words.length, last + 20); j++) {
    if (words[j].sent === sent && cueClass(words[j].lower) === 'report') { f.push('said'); break; }
  }
  return [...new Set(f)].sort();
}

/** Default for `minScore` (and `summitNotes.detection.minScore`): chosen from the CV curve (docs/DETECTION.md). */
export const DEFAULT_MIN_SCORE = 0.45;

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
