/**
 * The initiative scorer's feature vocabulary and its weights as arrays. Features of a fixed set of
 * values (source, kind, head and cue classes, buckets, flags) have integer ids, made once here; a
 * weight table is turned once into an array indexed by them, so scoring a feature is one array
 * read, with no name built and no map looked up. Features named by a word (its stem, a Russian
 * head's ending), by a trigger or by a punctuation mark keep their weights in small maps, and a
 * word's weights are cached on its facts. Feature names are unchanged: the weights file is keyed by
 * them, and training (`NameSink`) still collects them.
 */
import type { CueClass, HeadClass } from './initiativeClasses';
import { stem } from './stem';
import type { InitiativeKind } from './types';
import { factsStem, WORD_FEATURES, type WordFacts } from './wordFacts';

/** A logistic regression over binary features: score = σ(bias + Σ weights[f]). */
export interface InitiativeWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}

export const SOURCES = ['rule', 'np', 'obj', 'name', 'quote'] as const;
const LANGS = ['ru', 'en'] as const;
const KINDS: readonly InitiativeKind[] = ['proposal', 'agreement', 'body', 'project', 'event'];
const HEADS: readonly (HeadClass | 'none')[] = ['body', 'project', 'agreement', 'event', 'meeting', 'proposal', 'none'];
const CUES: readonly CueClass[] = ['propose', 'create', 'agree', 'support', 'hold', 'develop', 'report', 'future', 'modal', 'past', 'new', 'generic'];

/** Every feature name with a fixed id, in id order. */
const NAMES: string[] = [];
const ID = new Map<string, number>();
function named(name: string): number {
  let id = ID.get(name);
  if (id === undefined) {
    id = NAMES.length;
    NAMES.push(name);
    ID.set(name, id);
  }
  return id;
}
function row(prefix: string, values: readonly string[]): number[] {
  return values.map((v) => named(`${prefix}:${v}`));
}
function grid(prefix: string, a: readonly string[], b: readonly string[]): number[] {
  return a.flatMap((x) => b.map((y) => named(`${prefix}:${x}:${y}`)));
}

/** Index of a value in its list (-1 when unknown: such a feature weighs nothing and has no fixed name). */
export const sourceIndex = (s: string): number => (SOURCES as readonly string[]).indexOf(s);
export const langIndex = (l: string): number => (l === 'ru' ? 0 : 1);
export const kindIndex = (k: string): number => (KINDS as readonly string[]).indexOf(k);
export const headIndex = (h: HeadClass | undefined): number => HEADS.indexOf(h ?? 'none');
export const cueIndex = (c: CueClass): number => CUES.indexOf(c);

/** Feature ids, as `F.lang[langIndex]`, `F.srcLang[source * 2 + lang]`, `F.kind[source * 5 + kind]`, … */
export const F = {
  lang: row('lang', LANGS),
  src: row('src', SOURCES),
  srcLang: grid('src', SOURCES, LANGS),
  kind: grid('kind', SOURCES, KINDS),
  headcap: row('headcap', HEADS),
  acronym: named('acronym'),
  headPlural: named('head:plural'),
  in: row('in', CUES),
  head: row('head', HEADS),
  headLang: grid('head', HEADS, LANGS),
  sh: grid('sh', SOURCES, HEADS),
  linestart: named('linestart'),
  heads2: named('heads:2+'),
  caps: row('caps', ['≤0', '≤1', '≤3', '>3']),
  len: row('len', ['≤1', '≤3', '≤7', '≤15', '>15']),
  quoted: named('quoted'),
  digit: named('digit'),
  year: named('year'),
  money: named('money'),
  multi: row('multi', ['≤1', '≤2', '>2']),
  sentFirst: named('sent:first'),
  pre: row('pre', CUES),
  preSrc: grid('pre', CUES, SOURCES),
  pre2: row('pre2', CUES),
  ruInf: named('ru:inf'),
  ruPast: named('ru:past'),
  enEd: named('en:ed'),
  to: named('to'),
  actor: row('actor', ['none', '≤3', '≤8', '>8']),
  said: named('said'),
} as const;

export const HEAD_COUNT = HEADS.length;
export const KIND_COUNT = KINDS.length;
export const SOURCE_COUNT = SOURCES.length;

/** The name of a fixed feature id. */
export function featureName(id: number): string {
  return NAMES[id];
}

/** Features named by a word, by their slot in `WORD_FEATURES`: its stem (`hs`, `f`, `w-1`, `w-2`, `pv`) or a Russian head's ending (`hend`). */
export const W = { hs: 0, f: 1, w1: 2, w2: 3, pv: 4, hend: 5 } as const;
export type WordFeature = (typeof W)[keyof typeof W];

/** A weight table made ready for scoring. */
export interface CompiledWeights {
  readonly bias: number;
  /** By fixed feature id; 0 for a feature without weight. */
  readonly fixed: Float64Array;
  /** Word-named features: prefix → value → weight. */
  readonly byWord: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly trig: ReadonlyMap<string, number>;
  readonly punct: ReadonlyMap<string, number>;
  /** `punct` by character code, for one-character marks below `PUNCT_CODES` (0 for none). */
  readonly punctByCode: Float64Array;
  /** Trigger weights by the reason that quotes them (cached). */
  readonly trigByReason: Map<string, number>;
}

const compiled = new WeakMap<InitiativeWeights, CompiledWeights>();
/** Characters whose `punct-` weight is an array read: Latin and Cyrillic letters and punctuation. */
export const PUNCT_CODES = 0x500;
const WORD_PREFIXES = new Set(['hs', 'f', 'w-1', 'w-2', 'pv', 'hend']);

export function compileWeights(weights: InitiativeWeights): CompiledWeights {
  let c = compiled.get(weights);
  if (c) return c;
  const fixed = new Float64Array(NAMES.length);
  const byWord = new Map<string, Map<string, number>>();
  const trig = new Map<string, number>();
  const punct = new Map<string, number>();
  for (const [name, w] of Object.entries(weights.weights)) {
    if (typeof w !== 'number' || !Number.isFinite(w)) continue;
    const id = ID.get(name);
    if (id !== undefined) { fixed[id] = w; continue; }
    const p = name.indexOf(':');
    if (p < 0) continue;
    const prefix = name.slice(0, p);
    const rest = name.slice(p + 1);
    if (WORD_PREFIXES.has(prefix)) {
      let m = byWord.get(prefix);
      if (!m) byWord.set(prefix, (m = new Map()));
      m.set(rest, w);
    } else if (prefix === 'trig') trig.set(rest, w);
    else if (prefix === 'punct-') punct.set(rest, w);
  }
  const punctByCode = new Float64Array(PUNCT_CODES);
  for (const [ch, w] of punct) if (ch.length === 1 && ch.charCodeAt(0) < PUNCT_CODES) punctByCode[ch.charCodeAt(0)] = w;
  c = { bias: Number.isFinite(weights.bias) ? weights.bias : 0, fixed, byWord, trig, punct, punctByCode, trigByReason: new Map() };
  compiled.set(weights, c);
  return c;
}

/** The name of a word-named feature for a word: its stem, or (`hend`) its last two letters, after the prefix. */
export function wordFeatureName(slot: WordFeature, facts: WordFacts): string {
  return `${WORD_FEATURES[slot]}:${slot === W.hend ? facts.lower.slice(-2) : factsStem(facts)}`;
}

/** The word's weights in `table` by `WORD_FEATURES` slot, worked out once per word and table. */
export function wordWeights(table: CompiledWeights, facts: WordFacts): Float64Array {
  let known = facts.weightValues;
  if (known === undefined || facts.weightTable !== table) {
    const st = factsStem(facts);
    known = new Float64Array(WORD_FEATURES.length);
    for (let slot = 0; slot < WORD_FEATURES.length; slot++) {
      const prefix = WORD_FEATURES[slot];
      known[slot] = table.byWord.get(prefix)?.get(slot === W.hend ? facts.lower.slice(-2) : st) ?? 0;
    }
    facts.weightValues = known;
    facts.weightTable = table;
  }
  return known;
}

const triggers = new Map<string, string>();

/** The stem of the word a rule candidate's reason quotes ("proposal: “proposed”" → "propos"), cached. */
export function triggerStem(reason: string): string {
  let t = triggers.get(reason);
  if (t === undefined) {
    const said = reason.startsWith('listed') ? undefined : /“([^”]*)”/u.exec(reason)?.[1];
    t = said ? stem(said.toLowerCase().split(/\s+/u)[0]) : 'list';
    if (triggers.size > 10_000) triggers.clear();
    triggers.set(reason, t);
  }
  return t;
}

/** The weight of a rule candidate's trigger feature (`trig:STEM`), cached by its reason. */
export function triggerWeight(table: CompiledWeights, reason: string): number {
  let w = table.trigByReason.get(reason);
  if (w === undefined) {
    w = table.trig.get(triggerStem(reason)) ?? 0;
    if (table.trigByReason.size > 10_000) table.trigByReason.clear();
    table.trigByReason.set(reason, w);
  }
  return w;
}
