/**
 * Reads the words around one number: what comes after it (magnitude, currency, percent, unit or
 * counted noun) and what comes before it (currency sign or code, qualifier). Used both by
 * `parseFigure` (on an annotated span's text) and by `detectFigures` (on running text).
 * Each step looks at a bounded window, so a reading costs O(1) in the text length.
 */
import type { Qualifier } from './types';
import {
  ADJECTIVE_CURRENCY_WORDS, ATTACHED_MAGNITUDES, CURRENCY_ADJECTIVES, CURRENCY_SYMBOLS, LETTER_CURRENCIES, CURRENCY_WORD_PREFIXES, CURRENCY_WORDS, DOTTED_ABBREVIATIONS, DOT_OPTIONAL,
  EN_COUNT_NOUNS, EN_NOT_NOUNS, EN_STOP_WORDS, ISO_CODES, MAGNITUDE_WORDS, PERCENT_WORD_PREFIXES, POINT_WORDS,
  QUALIFIER_PHRASES, QUALIFIER_SYMBOLS, QUALIFYING_VERB_PREFIXES, UNIT_PHRASES, UNIT_WORDS, ruCountUnit,
} from './lexicon';
import { phraseEndingAt } from './phrases';
import { FirstLetters } from './firstLetters';
import { isDigit, isInlineSpace, isLetter, isUpper, previousWord, skipSpaces, skipSpacesBack, wordEnd } from '../text';

/** What follows a number. */
export interface AfterNumber {
  /** End of the figure (after the last word read). */
  readonly end: number;
  readonly magnitude: number;
  readonly unit: string | undefined;
  /** How the unit was found; `count` units come from a noun that may carry adjectives before it. */
  readonly unitKind: 'currency' | 'percent' | 'measure' | 'count' | undefined;
  /** Letters glued to the digits that are not a magnitude or unit (`16th`, `5G`, `1990s`). */
  readonly glued: boolean;
}

/** What precedes a number. */
export interface BeforeNumber {
  readonly start: number;
  readonly currency: string | undefined;
  readonly qualifier: Qualifier | null;
}

interface Word { readonly start: number; readonly end: number; readonly lower: string }

function readWord(text: string, i: number, limit: number): Word | undefined {
  // What follows a number is read word by word by several readers in turn: the last two words read
  // during one `readAfter` (so in the same string) are kept, each sliced and lowercased once.
  if (memoOn) {
    if (i === memoStart0 && limit === memoLimit0) return memoWord0;
    if (i === memoStart1 && limit === memoLimit1) return memoWord1;
  }
  const end = wordEnd(text, i, limit);
  const w = end > i ? { start: i, end, lower: text.slice(i, end).toLowerCase() } : undefined;
  if (memoOn) {
    memoStart1 = memoStart0; memoLimit1 = memoLimit0; memoWord1 = memoWord0;
    memoStart0 = i; memoLimit0 = limit; memoWord0 = w;
  }
  return w;
}

/** The words `readWord` keeps while `readAfter` runs (`memoFor`). */
let memoOn = false;
let memoStart0 = -1;
let memoLimit0 = -1;
let memoWord0: Word | undefined;
let memoStart1 = -1;
let memoLimit1 = -1;
let memoWord1: Word | undefined;

/** Starts (`true`) or ends (`false`) keeping words: either way, none is kept from before. */
function memoFor(on: boolean): void {
  memoOn = on;
  memoStart0 = memoStart1 = memoLimit0 = memoLimit1 = -1;
  memoWord0 = memoWord1 = undefined;
}

/** Extends a word by its abbreviation dot (`тыс.`, `руб.`) unless that dot ends the sentence. */
function withDot(text: string, w: Word, limit: number): number {
  if (text[w.end] !== '.' || !DOTTED_ABBREVIATIONS.has(w.lower)) return w.end;
  if (DOT_OPTIONAL.has(w.lower)) {
    // `млрд.` before a capital or the end reads as the sentence's full stop.
    const next = skipSpaces(text, w.end + 1, limit);
    if (next >= limit || text[next] === '\n' || isUpper(text[next] ?? '')) return w.end;
  }
  return w.end + 1;
}

function currencyWord(lower: string): string | undefined {
  const whole = CURRENCY_WORDS.get(lower);
  if (whole) return whole;
  const prefixes = CURRENCY_PREFIXES_BY_FIRST.get(lower.charCodeAt(0));
  if (prefixes) for (const [prefix, code] of prefixes) if (lower.startsWith(prefix)) return code;
  return undefined;
}

/** `CURRENCY_WORD_PREFIXES` by their first character, each list in the lexicon's order. */
const CURRENCY_PREFIXES_BY_FIRST: ReadonlyMap<number, readonly (readonly [string, string])[]> = (() => {
  const map = new Map<number, (readonly [string, string])[]>();
  for (const entry of CURRENCY_WORD_PREFIXES) {
    const first = entry[0].charCodeAt(0);
    const list = map.get(first);
    if (list) list.push(entry); else map.set(first, [entry]);
  }
  return map;
})();

/** First characters of the currency signs: most positions need no `startsWith` at all. */
const SYMBOL_FIRSTS: ReadonlySet<number> = new Set(CURRENCY_SYMBOLS.map(([symbol]) => symbol.charCodeAt(0)));

/** Reads a currency after position `p` (symbol, ISO code or word); returns [code, end]. */
function currencyAfter(text: string, p: number, limit: number): readonly [string, number] | undefined {
  if (SYMBOL_FIRSTS.has(text.charCodeAt(p))) {
    for (const [symbol, code] of CURRENCY_SYMBOLS) if (text.startsWith(symbol, p)) return [code, p + symbol.length];
  }
  const w = readWord(text, p, limit);
  if (!w) return undefined;
  const iso = ISO_CODES.get(w.lower);
  if (iso !== undefined) {
    const written = text.slice(w.start, w.end);
    if (written === written.toUpperCase()) return [iso, w.end];
  }
  if (w.lower === 'us') {
    // "US dollars".
    const next = readWord(text, skipSpaces(text, w.end, limit), limit);
    if (next && next.lower.startsWith('dollar')) return ['USD', next.end];
    return undefined;
  }
  const adjective = adjectiveCurrency(text, w, limit);
  if (adjective) return adjective;
  const code = currencyWord(w.lower);
  if (!code) return undefined;
  let end = withDot(text, w, limit);
  if (code === 'USD' && end === w.end) {
    // "долларов США".
    const next = readWord(text, skipSpaces(text, end, limit), limit);
    if (next && (next.lower === 'сша' || next.lower === 'us')) end = next.end;
  }
  return [code, end];
}

/** The first three letters of the currency adjectives: most words after a number need no look-up. */
const ADJECTIVE_STARTS: ReadonlySet<string> = new Set(CURRENCY_ADJECTIVES.map(([prefix]) => prefix.slice(0, 3)));

/** "Saudi riyals", "Canadian dollars", "катарских риалов": [code, end] when a currency word follows the adjective. */
function adjectiveCurrency(text: string, w: Word, limit: number): readonly [string, number] | undefined {
  if (w.lower.length < 3 || !ADJECTIVE_STARTS.has(w.lower.slice(0, 3))) return undefined;
  let code: string | undefined;
  for (const [prefix, c] of CURRENCY_ADJECTIVES) {
    if (w.lower.startsWith(prefix)) { code = c; break; }
  }
  if (code === undefined) return undefined;
  let next = readWord(text, skipSpaces(text, w.end, limit), limit);
  // "Hong Kong dollars".
  if (next && w.lower === 'hong' && next.lower === 'kong') next = readWord(text, skipSpaces(text, next.end, limit), limit);
  if (!next || !(ADJECTIVE_CURRENCY_WORDS.has(next.lower) || currencyWord(next.lower) !== undefined)) return undefined;
  return [code, next.end];
}

/**
 * A currency written with Latin letters right before the digits at `s` (`R2.5 billion`,
 * `Rs 500 crore`, `Rs.200`), not part of a longer word: [code, start].
 */
export function gluedCurrencyBefore(text: string, s: number, floor: number): readonly [string, number] | undefined {
  // Every such currency ends in R, s or a dot: most numbers need no look-up at all.
  const spaced = isInlineSpace(text.charCodeAt(s - 1));
  const last = text.charCodeAt(spaced ? s - 2 : s - 1);
  if (last !== 82 && last !== 115 && last !== 46) return undefined;
  for (const [letters, code] of LETTER_CURRENCIES) {
    // The rand's R only glued to the digits; rupees also with one space.
    if (spaced && letters === 'R') continue;
    const at = s - (spaced ? 1 : 0) - letters.length;
    if (at < floor || !text.startsWith(letters, at)) continue;
    if (at > floor && (isLetter(text.charCodeAt(at - 1)) || isDigit(text.charCodeAt(at - 1)))) continue;
    return [code, at];
  }
  return undefined;
}

/** First letters of the percent and point words (p, п): most words after a number need no window. */
const PERCENT_FIRSTS = new FirstLetters([...POINT_WORDS, ...PERCENT_WORD_PREFIXES.map(([prefix]) => prefix)]);

function percentAfter(text: string, p: number, limit: number): readonly [string, number] | undefined {
  if (text[p] === '%' || text[p] === '٪') return ['%', p + 1];
  // Every percent word starts with a letter: skip the window for anything else (the usual case).
  const first = text.charCodeAt(p);
  if (!isLetter(first) || !PERCENT_FIRSTS.mayStartAt(text, p)) return undefined;
  const window = text.slice(p, Math.min(limit, p + 24)).toLowerCase();
  for (const w of POINT_WORDS) {
    if (window.startsWith(w) && !isLetter(window.charCodeAt(w.length))) return ['pp', p + w.length];
  }
  for (const [prefix, unit] of PERCENT_WORD_PREFIXES) {
    if (!window.startsWith(prefix)) continue;
    const w = readWord(text, p, limit);
    let end = w ? w.end : p + prefix.length;
    if (prefix === 'per cent') end = p + prefix.length;
    if (prefix === 'percentage point') end = text[p + prefix.length] === 's' ? p + prefix.length + 1 : p + prefix.length;
    if (unit === 'pp?') {
      // "процентных пункта" are points; "процентное" something else is a plain percent.
      const next = readWord(text, skipSpaces(text, end, limit), limit);
      if (next && next.lower.startsWith('пункт')) return ['pp', next.end];
      return ['%', end];
    }
    return [unit, end];
  }
  return undefined;
}

/** First letters of the unit phrases and words. */
const UNIT_FIRSTS = new FirstLetters([...UNIT_PHRASES.map(([phrase]) => phrase), ...UNIT_WORDS.keys()]);

function unitAfter(text: string, p: number, limit: number): readonly [string, number] | undefined {
  // Every unit phrase and word starts with a letter.
  if (p >= limit || !isLetter(text.charCodeAt(p)) || !UNIT_FIRSTS.mayStartAt(text, p)) return undefined;
  const window = text.slice(p, Math.min(limit, p + 24)).toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
  for (const [phrase, unit] of UNIT_PHRASES) {
    if (window.startsWith(phrase) && !isLetter(window.charCodeAt(phrase.length))) return [unit, p + phrase.length];
  }
  const w = readWord(text, p, limit);
  if (!w) return undefined;
  const unit = UNIT_WORDS.get(w.lower);
  if (unit && !(w.lower === 'm' || w.lower === 't') ) return [unit, withDot(text, w, limit)];
  if (unit && text.slice(w.start, w.end) === w.lower) return [unit, w.end];
  return undefined;
}

const RU_ADJECTIVE = /(?:ых|их|ые|ие|ой|ий|ый|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ыми|ими|ую|юю)$/u;

/** A counted noun after the number, over up to three modifiers: "54 major multilateral agreements". */
function countNounAfter(text: string, p: number, limit: number, language: string): readonly [string, number] | undefined {
  let q = p;
  for (let k = 0; k < 4; k++) {
    const start = skipSpaces(text, q, limit);
    if (k > 0 && start === q) return undefined;
    const w = readWord(text, start, limit);
    if (!w) return undefined;
    const cyrillic = w.lower.charCodeAt(0) >= 0x400;
    if (cyrillic) {
      const unit = ruCountUnit(w.lower);
      if (unit) return [unit, w.lower === 'чел' ? withDot(text, w, limit) : w.end];
      if (!RU_ADJECTIVE.test(w.lower) || w.lower.length < 4) return undefined;
    } else {
      if (EN_STOP_WORDS.has(w.lower)) return undefined;
      const known = EN_COUNT_NOUNS.get(w.lower);
      if (known) return [known, w.end];
      if (language !== 'ru' && isGenericPlural(text, w)) return [w.lower, w.end];
    }
    q = w.end;
  }
  return undefined;
}

/** A lowercase English word that looks like a plural noun ("platforms", "documents"). */
function isGenericPlural(text: string, w: Word): boolean {
  const first = text[w.start];
  if (first !== first.toLowerCase() || w.lower.length < 4 || !w.lower.endsWith('s')) return false;
  if (/(?:ss|us|is|ous|ly)$/u.test(w.lower) || EN_NOT_NOUNS.has(w.lower)) return false;
  // "-ed"/"-ing" forms are verbs or adjectives; a plural noun does not end that way before the s.
  return !/(?:eds|ings)$/u.test(w.lower);
}

/**
 * Reads what follows the number ending at `p`: glued letters, `%`, magnitude, currency, percent
 * words, units, a counted noun (when `nouns` is true). Stops at `limit` and never crosses a line.
 */
export function readAfter(text: string, p: number, limit: number, language: string, currencyBefore: boolean, nouns: boolean): AfterNumber {
  // The readers are pure and do not throw, so the words kept are always dropped on the way out.
  memoFor(true);
  const after = readAfterWords(text, p, limit, language, currencyBefore, nouns);
  memoFor(false);
  return after;
}

function readAfterWords(text: string, p: number, limit: number, language: string, currencyBefore: boolean, nouns: boolean): AfterNumber {
  let end = p;
  let magnitude = 1;
  // Letters glued to the digits: a short magnitude (`5bn`, `5m`), a unit (`2x`, `10km`) or an ordinal/name (`16th`).
  // (Letters only: in "5bn-worth" the hyphen starts another word.)
  let gluedEnd = p;
  while (gluedEnd < limit && gluedEnd - p < 8 && isLetter(text.charCodeAt(gluedEnd))) gluedEnd++;
  const glued = gluedEnd > p ? { start: p, end: gluedEnd, lower: text.slice(p, gluedEnd).toLowerCase() } : undefined;
  if (glued) {
    const m = MAGNITUDE_WORDS.get(glued.lower) ?? ATTACHED_MAGNITUDES.get(glued.lower);
    const u = UNIT_WORDS.get(glued.lower);
    if (m !== undefined && glued.lower.length <= 4) { magnitude = m; end = withDot(text, glued, limit); }
    else if (u) return { end: glued.end, magnitude: 1, unit: u, unitKind: 'measure', glued: false };
    else return { end: p, magnitude: 1, unit: undefined, unitKind: undefined, glued: true };
  }
  const pct = percentAfter(text, skipSpaces(text, end, limit, 1), limit);
  if (pct && magnitude === 1) return { end: pct[1], magnitude, unit: pct[0], unitKind: 'percent', glued: false };
  if (magnitude === 1) {
    const s = skipSpaces(text, end, limit);
    const w = s > end || s === end ? readWord(text, s, limit) : undefined;
    if (w) {
      const m = MAGNITUDE_WORDS.get(w.lower);
      const short = ATTACHED_MAGNITUDES.get(w.lower);
      if (m !== undefined) { magnitude = m; end = withDot(text, w, limit); }
      else if (short !== undefined && (currencyBefore || currencyAfter(text, skipSpaces(text, w.end, limit), limit))) {
        magnitude = short; end = w.end;
      }
    }
  }
  const s = skipSpaces(text, end, limit);
  if (!currencyBefore) {
    const cur = currencyAfter(text, s, limit);
    if (cur && (s > end || !isLetter(text.charCodeAt(s)))) return { end: cur[1], magnitude, unit: cur[0], unitKind: 'currency', glued: false };
    const pct2 = percentAfter(text, s, limit);
    if (pct2 && s > end) return { end: pct2[1], magnitude, unit: pct2[0], unitKind: 'percent', glued: false };
    if (s > end) {
      const unit = unitAfter(text, s, limit);
      if (unit) return { end: unit[1], magnitude, unit: unit[0], unitKind: 'measure', glued: false };
      if (nouns) {
        const noun = countNounAfter(text, end, limit, language);
        if (noun) return { end: noun[1], magnitude, unit: noun[0], unitKind: 'count', glued: false };
      }
    }
  }
  return { end, magnitude, unit: undefined, unitKind: currencyBefore ? 'currency' : undefined, glued: false };
}

/** A currency sign or code written before the number (`$650`, `US$3.7`, `RMB 26`, `€ 2`). */
function currencyBeforeAt(text: string, s: number, floor: number): readonly [string, number] | undefined {
  // Every sign ends in one of a few characters: most numbers need no look-up of the signs.
  const last = text.charCodeAt(isInlineSpace(text.charCodeAt(s - 1)) ? s - 2 : s - 1);
  if (SYMBOL_LASTS.has(last)) return signBefore(text, s, floor) ?? codeBefore(text, s, floor);
  return codeBefore(text, s, floor);
}

/** Last characters of the currency signs. */
const SYMBOL_LASTS: ReadonlySet<number> = new Set(CURRENCY_SYMBOLS.map(([symbol]) => symbol.charCodeAt(symbol.length - 1)));

function signBefore(text: string, s: number, floor: number): readonly [string, number] | undefined {
  for (const [symbol, code] of CURRENCY_SYMBOLS) {
    const at = s - symbol.length;
    if (at >= floor && text.startsWith(symbol, at)) return [code, at];
    // "$ 5" with one space.
    if (at - 1 >= floor && isInlineSpace(text.charCodeAt(s - 1)) && text.startsWith(symbol, at - 1)) return [code, at - 1];
  }
  return undefined;
}

/** A currency written with letters before the number: `R2.5`, `Rs 500`, `USD 2 bn`. */
function codeBefore(text: string, s: number, floor: number): readonly [string, number] | undefined {
  const letters = gluedCurrencyBefore(text, s, floor);
  if (letters) return letters;
  const w = previousWord(text, s, floor);
  // Codes are three letters: skip the slicing for any other word.
  if (w && w[1] < s && w[1] - w[0] === 3) {
    const written = text.slice(w[0], w[1]);
    const code = ISO_CODES.get(written.toLowerCase());
    if (code && written === written.toUpperCase() && written.length === 3) return [code, w[0]];
  }
  return undefined;
}

/** The qualifier phrase that ends right before `s` (across spaces), as [qualifier, phrase start]. */
export function qualifierBefore(text: string, s: number, floor: number): readonly [Qualifier, number] | undefined {
  const e = skipSpacesBack(text, s, floor);
  const symbol = QUALIFIER_SYMBOLS.get(text[e - 1] ?? '');
  if (symbol && e - 1 >= floor && text[e - 1] !== '+') return [symbol, e - 1];
  if (e === s && s > floor && isLetter(text.charCodeAt(s - 1))) return undefined;
  const lo = Math.max(floor, e - 24);
  const fast = phraseEndingAt(text, lo, e);
  if (fast === null) return undefined;
  if (fast !== undefined) {
    const at = fast[1];
    if (at > floor && isLetter(text.charCodeAt(at - 1))) return slowQualifierBefore(text, lo, e, floor);
    if (fast[2] === 'до' && !isUptoDo(text, at, floor)) return undefined;
    return [fast[0], at];
  }
  return slowQualifierBefore(text, lo, e, floor);
}

/** The string version of the phrase lookup, for windows with characters `phraseEndingAt` leaves to it. */
function slowQualifierBefore(text: string, lo: number, e: number, floor: number): readonly [Qualifier, number] | undefined {
  const window = text.slice(lo, e).toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
  for (const [phrase, q] of QUALIFIER_PHRASES) {
    if (!window.endsWith(phrase)) continue;
    const at = e - phrase.length;
    if (at > floor && isLetter(text.charCodeAt(at - 1))) continue;
    if (phrase === 'до' && !isUptoDo(text, at, floor)) return undefined;
    return [q, at];
  }
  return undefined;
}

/** Verbs of change and ranges make `до` mean "to" (вырос до 30%, с 10 до 15%), not "up to". */
const CHANGE_VERB = /^(?:вырос|возрос|дой|дорас|увелич|сократ|сниз|снижен|повыс|упа|уменьш|довед|довест|нарост|нараст|поднял|подним|опуст|скорректир|измени|прогнозир|ожида)/u;

function isUptoDo(text: string, at: number, floor: number): boolean {
  const w = previousWord(text, at, floor);
  if (w && CHANGE_VERB.test(text.slice(w[0], w[1]).toLowerCase())) return false;
  // "с 10 до 15", "от 5 до 10": a digit shortly before means a range.
  // (Looks below `floor`: the range's first number is usually the figure just found.)
  const window = text.slice(Math.max(0, at - 32), at);
  return !/(?:^|[\s(])(?:с|со|от|from)\s+[\d\s.,\u00a0\u202f]+(?:[\p{L}%$€₽]+\.?\s*)?$/iu.test(window);
}

/** First letters of the qualifying verbs. */
const VERB_FIRSTS = new FirstLetters(QUALIFYING_VERB_PREFIXES.map(([prefix]) => prefix));

/** `text[start, end)` lowercased is `к` or `to`. */
function isKOrTo(text: string, start: number, end: number): boolean {
  const a = text.charCodeAt(start);
  if (end - start === 1) return a === 0x43a || a === 0x41a;
  return end - start === 2 && (a === 116 || a === 84) && (text.charCodeAt(start + 1) === 111 || text.charCodeAt(start + 1) === 79);
}

/** A verb right before the figure that qualifies it (`превысил`, `приблизился к`, `exceeded`). */
function verbQualifierBefore(text: string, s: number, floor: number): Qualifier | null {
  let w = previousWord(text, s, floor);
  if (w && isKOrTo(text, w[0], w[1])) w = previousWord(text, w[0], floor);
  if (!w || !VERB_FIRSTS.mayStartAt(text, w[0])) return null;
  const lower = text.slice(w[0], w[1]).toLowerCase();
  for (const [prefix, q] of QUALIFYING_VERB_PREFIXES) if (lower.startsWith(prefix)) return q;
  return null;
}

/**
 * Reads what precedes the number starting at `s`: currency, qualifier phrase (part of the span)
 * and, when `verbs` is true, a qualifying verb (outside the span).
 */
export function readBefore(text: string, s: number, floor: number, verbs: boolean): BeforeNumber {
  let start = s;
  let currency: string | undefined;
  const cur = currencyBeforeAt(text, s, floor);
  if (cur) { currency = cur[0]; start = cur[1]; }
  const q = qualifierBefore(text, start, floor);
  if (q) return { start: q[1], currency, qualifier: q[0] };
  return { start, currency, qualifier: verbs ? verbQualifierBefore(text, start, floor) : null };
}
