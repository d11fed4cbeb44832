/**
 * What initiative detection asks of a word, worked out once per distinct spelling. Prose repeats a
 * few thousand words over and over, so lowercasing, stemming, class look-ups and ending tests per
 * occurrence were most of the scorer's time (docs/DETECTION.md, "Throughput"); here they are one
 * map look-up per occurrence. The facts depend only on the spelling, so the cache changes no result.
 */
import { cueClass, headClass, type CueClass, type HeadClass } from './initiativeClasses';
import { stem } from './stem';
import type { Trigger } from './initiativeWords';

/**
 * The features a word names, by its stem (the head's, the span's first word's, those before it) or
 * (`hend`) a Russian head's ending, as slots of `WordFacts.weightValues`: `WORD_FEATURES[slot]`.
 */
export const WORD_FEATURES = ['hs', 'f', 'w-1', 'w-2', 'pv', 'hend'] as const;

/** The same test the rules use (`initiatives.ts`), kept identical so both read a word alike. */
export const RU_ADJECTIVE = /(?:ых|их|ые|ие|ой|ий|ый|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ую|юю)$/u;
const RU_INFINITIVE = /(?:ть|ться|ти)$/u;
const RU_PAST = /(?:ла|ли|ло|л)$/u;

/** `WordFacts.bits`: the first letter is Cyrillic. */
export const FACT_CYRILLIC = 1;
/** `WordFacts.bits`: a Russian word with an infinitive ending (`ruInfinitive`). */
export const FACT_RU_INFINITIVE = 2;
/** `WordFacts.bits`: a Russian word with a past-tense ending and no infinitive one (`ruPast`, `ruInfinitive` first). */
export const FACT_RU_PAST = 4;
/** `WordFacts.bits`: ends in `ed` (`enEd`). */
export const FACT_EN_ED = 8;
/** `WordFacts.bits`: the word "to" (any case). */
export const FACT_TO = 16;
/** `WordFacts.bits`: all in capitals (`capitals`). */
export const FACT_CAPITALS = 32;
/** `WordFacts.bits`: a reporting verb (cue class `report`). */
export const FACT_REPORT = 64;
/** `WordFacts.bits`: an English plural (`isEnglishPlural`). */
export const FACT_EN_PLURAL = 128;

/** Not a fact of a spelling but of a word where written (`LineWords.flags`): it starts with a capital. */
export const WORD_CAP = 256;

const CACHE_LIMIT = 50_000;
const cache = new Map<string, WordFacts>();

/**
 * Facts about one spelling of a word (each a function of its lowercased form), as an object of one
 * fixed shape: every field, the lazily filled ones too, is set in the constructor, so the many
 * readers of `facts.*` see a single hidden class (fields added later, in whatever order the readers
 * first asked, made their property reads megamorphic).
 */
export class WordFacts {
  /** The word as written. */
  readonly spelling: string;
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
  /** The facts above that the scorer reads per word, as `FACT_*` bits (one read instead of several fields and strings). */
  readonly bits: number;
  /** Its stem, once asked for (`factsStem`). */
  stem: string | undefined = undefined;
  /** The weight table (compared by identity) that `weightValues` were read from. */
  weightTable: object | undefined = undefined;
  /** The weights of the features it names (by its stem or ending, `WORD_FEATURES` slots) in `weightTable`. */
  weightValues: Float64Array | undefined = undefined;
  /** Its cue class's number in the scorer's features (`cueIndex`), once asked for (`LineSpans`); -1 for none. */
  cueId = -2;
  /** Its head class's number in the scorer's features (`headIndex`), once asked for (`LineSpans`). */
  headId = -2;
  /** Which of the candidate generators' word lists hold it, as bits (`initiativeCandidates.ts`); -1 until asked. */
  sets = -1;
  /** Which of the rules' word tests it passes, as bits (`initiatives.ts`); -1 until asked. */
  ruleSets = -1;
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
    this.spelling = spelling;
    this.lower = lower;
    this.head = headClass(lower);
    this.cue = cueClass(lower);
    this.ruAdjective = RU_ADJECTIVE.test(lower);
    this.ruInfinitive = RU_INFINITIVE.test(lower);
    this.ruPast = RU_PAST.test(lower);
    this.enEd = lower.endsWith('ed');
    this.capitals = spelling.length >= 2 && isCapitalLetter(spelling.charCodeAt(1)) && lower.toUpperCase() === spelling;
    this.bits = (lower.charCodeAt(0) >= 0x400 ? FACT_CYRILLIC : 0) | (this.ruInfinitive ? FACT_RU_INFINITIVE : this.ruPast ? FACT_RU_PAST : 0)
      | (this.enEd ? FACT_EN_ED : 0) | (lower === 'to' ? FACT_TO : 0) | (this.capitals ? FACT_CAPITALS : 0) | (this.cue === 'report' ? FACT_REPORT : 0)
      | (isEnglishPlural(lower) ? FACT_EN_PLURAL : 0);
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

/**
 * The facts of the word whose characters are `chars[0, length)` (a reader's scratch copy of them,
 * made while it found the word's end) and whose `wordHash` is `hash`, written at `start` in `text`:
 * `wordFacts(text.slice(start, start + length))`. Found in an open-addressing table whose entries
 * keep their characters in one typed array, compared there: a word seen before costs no slice and
 * no string hashing (prose repeats a few thousand spellings).
 */
export function wordFactsAt(text: string, start: number, chars: Uint16Array, length: number, hash: number): WordFacts {
  const mask = tableMask;
  let slot = hash & mask;
  for (;;) {
    const facts = table[slot];
    if (facts === undefined) break;
    if (tableHash[slot] === hash && tableLength[slot] === length) {
      const at = tableAt[slot];
      let p = 0;
      while (p < length && tableChars[at + p] === chars[p]) p++;
      if (p === length) return facts;
    }
    slot = (slot + 1) & mask;
  }
  const facts = wordFacts(text.slice(start, start + length));
  if (tableUsed + length > tableChars.length) {
    if (tableChars.length < MAX_CHARS) {
      const more = new Uint16Array(tableChars.length * 2);
      more.set(tableChars.subarray(0, tableUsed));
      tableChars = more;
    } else resetTable(tableMask + 1);
  }
  else if (tableSize >= (tableMask + 1) >> 1) {
    // Half full: twice the slots (few words stay in a small table, which the processor's caches keep), or start again.
    if (tableMask + 1 < TABLE_MAX) growTable();
    else resetTable(tableMask + 1);
  }
  slot = hash & tableMask;
  while (table[slot] !== undefined) slot = (slot + 1) & tableMask;
  table[slot] = facts;
  tableHash[slot] = hash;
  tableLength[slot] = length;
  tableAt[slot] = tableUsed;
  tableChars.set(chars.subarray(0, length), tableUsed);
  tableUsed += length;
  tableSize++;
  return facts;
}

function resetTable(slots: number): void {
  table = new Array<WordFacts | undefined>(slots).fill(undefined);
  tableHash = new Int32Array(slots);
  tableLength = new Int32Array(slots);
  tableAt = new Int32Array(slots);
  tableMask = slots - 1;
  tableSize = 0;
  tableUsed = 0;
}

/** Twice the slots, every entry placed again (its characters stay where they are in `tableChars`). */
function growTable(): void {
  const old = table;
  const oldHash = tableHash;
  const oldLength = tableLength;
  const oldAt = tableAt;
  const slots = (tableMask + 1) * 2;
  table = new Array<WordFacts | undefined>(slots).fill(undefined);
  tableHash = new Int32Array(slots);
  tableLength = new Int32Array(slots);
  tableAt = new Int32Array(slots);
  tableMask = slots - 1;
  for (let i = 0; i < old.length; i++) {
    const facts = old[i];
    if (facts === undefined) continue;
    let slot = oldHash[i] & tableMask;
    while (table[slot] !== undefined) slot = (slot + 1) & tableMask;
    table[slot] = facts;
    tableHash[slot] = oldHash[i];
    tableLength[slot] = oldLength[i];
    tableAt[slot] = oldAt[i];
  }
}

/** The hash `wordFactsAt` is given: `h = h * 31 + code` over the word's characters, in 32 bits. */
export function wordHash(chars: ArrayLike<number>, length: number): number {
  let h = 0;
  for (let p = 0; p < length; p++) h = (Math.imul(h, 31) + chars[p]) | 0;
  return h;
}

/** Most slots of the table (it starts with `TABLE_MIN` and doubles when half full). */
const TABLE_MAX = 1 << 15;
const TABLE_MIN = 1 << 10;
let table: (WordFacts | undefined)[] = [];
let tableHash = new Int32Array(0);
let tableLength = new Int32Array(0);
let tableAt = new Int32Array(0);
let tableMask = 0;
/**
 * The characters of the table's words, one after another; it grows with the table, up to room for a
 * full table of 16-character words (words are at most 40 characters: `wordEnd`'s cap).
 */
let tableChars = new Uint16Array(TABLE_MIN * 8);
const MAX_CHARS = (TABLE_MAX / 2) * 16;
let tableUsed = 0;
let tableSize = 0;
resetTable(TABLE_MIN);

/** "funds", "proposals", "talks"; not "gas", "status", "address", "basis". */
export function isEnglishPlural(lower: string): boolean {
  const n = lower.length;
  if (n < 4 || lower.charCodeAt(n - 1) !== 115) return false;
  const before = lower.charCodeAt(n - 2);
  return before !== 115 && before !== 117 && before !== 105;
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
