/**
 * What initiative detection asks of a word, worked out once per distinct spelling. Prose repeats a
 * few thousand words over and over, so lowercasing, stemming, class look-ups and ending tests per
 * occurrence were most of the scorer's time (docs/DETECTION.md, "Throughput"); here they are one
 * map look-up per occurrence. The facts depend only on the spelling, so the cache changes no result.
 */
import { cueClass, headClass, type CueClass, type HeadClass } from './initiativeClasses';
import { stem } from './stem';
import type { Trigger } from './initiativeWords';

/** The features named by a word's stem (the head's, the span's first word's, those before it). */
export type StemFeature = 'hs' | 'f' | 'w-1' | 'w-2' | 'pv';

/** The weights of one word's features in one weight table (`table`, compared by identity): by its stem, and `hend` by its ending. */
export type WordWeights = { readonly table: object } & { readonly [F in StemFeature | 'hend']: number };

/** The same test the rules use (`initiatives.ts`), kept identical so both read a word alike. */
export const RU_ADJECTIVE = /(?:ых|их|ые|ие|ой|ий|ый|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ую|юю)$/u;
const RU_INFINITIVE = /(?:ть|ться|ти)$/u;
const RU_PAST = /(?:ла|ли|ло|л)$/u;

const CACHE_LIMIT = 50_000;
const cache = new Map<string, WordFacts>();

/**
 * Facts about one spelling of a word (each a function of its lowercased form), as an object of one
 * fixed shape: every field, the lazily filled ones too, is set in the constructor, so the many
 * readers of `facts.*` see a single hidden class (fields added later, in whatever order the readers
 * first asked, made their property reads megamorphic).
 */
export class WordFacts {
  readonly lower: string;
  readonly head: HeadClass | undefined;
  readonly cue: CueClass | undefined;
  /** A Russian adjective ending (`-ых`, `-ая`, `-ого`…). */
  readonly ruAdjective: boolean;
  /** A Russian infinitive ending (`-ть`, `-ться`, `-ти`). */
  readonly ruInfinitive: boolean;
  /** A Russian past-tense ending (`-л`, `-ла`, `-ли`, `-ло`). */
  readonly ruPast: boolean;
  /** Ends in `ed` (an English past form: "proposed", "agreed"). */
  readonly enEd: boolean;
  /** Two letters or more, the second a Latin or Cyrillic capital, and all in capitals ("SCO", "ШОС"). */
  readonly capitals: boolean;
  /** Its stem, once asked for (`factsStem`). */
  stem: string | undefined = undefined;
  /** The weights of the features it names (by its stem or ending), for the last weight table that scored it. */
  weights: WordWeights | undefined = undefined;
  /** The rules' trigger it is (`initiatives.ts`), once looked up; null when none. */
  trigger: Trigger | null | undefined = undefined;
  /** The reason of a noun-phrase candidate it heads, once made. */
  npReason: string | undefined = undefined;
  /** The reason of an object candidate its verb governs, once made. */
  objectReason: string | undefined = undefined;
  /** The reason of a rule candidate this word (a one-word trigger, as written) starts, once made. */
  ruleReason: string | undefined = undefined;

  constructor(spelling: string) {
    const lower = spelling.toLowerCase();
    this.lower = lower;
    this.head = headClass(lower);
    this.cue = cueClass(lower);
    this.ruAdjective = RU_ADJECTIVE.test(lower);
    this.ruInfinitive = RU_INFINITIVE.test(lower);
    this.ruPast = RU_PAST.test(lower);
    this.enEd = lower.endsWith('ed');
    this.capitals = spelling.length >= 2 && isCapitalLetter(spelling.charCodeAt(1)) && lower.toUpperCase() === spelling;
  }
}

/** The facts of a word as written in the text (any case). */
export function wordFacts(spelling: string): WordFacts {
  let facts = cache.get(spelling);
  if (facts === undefined) {
    facts = new WordFacts(spelling);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(spelling, facts);
  }
  return facts;
}

/** A Latin or Cyrillic capital letter. */
export function isCapitalLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0x410 && code <= 0x42f) || code === 0x401;
}

/** The stem of the word (`stem.ts`), worked out on first use. */
export function factsStem(facts: WordFacts): string {
  facts.stem ??= stem(facts.lower);
  return facts.stem;
}
