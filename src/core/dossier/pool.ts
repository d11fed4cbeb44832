/**
 * The pool of small strings the workspace's files share (statuses, units, metrics, areas, actors,
 * summits, outlets, keys): each kept once per thread, however many files repeat it. Bounded: past
 * its limit it starts afresh (strings kept before stay with the files that hold them). `keptAt`
 * finds a value written in a text in the pool without cutting a string for it.
 */
import { hasEscapeOrBreak, keepBounded, own, unescape } from '../text';

/** Most strings the pool holds are a few characters; past this many it starts afresh (a bound, not a cache policy). */
export const POOL_LIMIT = 1 << 16;
const strings = new Map<string, string>();

/** `s`, shared with every earlier file that kept an equal string. */
export function kept(s: string): string {
  const k = strings.get(s);
  if (k !== undefined) return k;
  const owned = flatCopy(s);
  return keepBounded(strings, POOL_LIMIT, owned, owned);
}

/**
 * A copy of `s` in one flat piece that keeps no other string alive. `own` gives a slice of a
 * copy, which V8 keeps as a view: reading a view's characters goes through it at every read, and
 * `keptAt` compares the pool's strings character by character hundreds of thousands of times (a
 * metric of 24 characters took several times as long as a flat one). Joining two parts makes a
 * new flat string; a string under 13 characters is never a view (V8 copies such slices).
 */
function flatCopy(s: string): string {
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}

export function keptOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : kept(s);
}

/** Slots of the memo in front of the pool for values read from a text (see `keptAt`). */
const SLOTS = 1 << 13;
const slotStrings = new Array<string | undefined>(SLOTS).fill(undefined);

/**
 * The attribute value written at text[start, end) (escapes resolved), kept. Values repeat
 * (statuses, areas, metrics, keys, actors): a memo in front of the pool answers most of them by
 * comparing characters in place, with no string cut, hashed and looked up. A value may stand in
 * either of two slots, both chosen by a hash of all its characters: values that differ in one
 * place only (`key-13` and `key-23`, `Xi Jinping` and `Xi_Jinping`) do not take turns in one
 * slot, and a few thousand distinct values seldom push each other out. A value holding an escape
 * or a line break is never memoised (its characters differ from its value).
 */
export function keptAt(text: string, start: number, end: number): string {
  const n = end - start;
  if (n === 0) return '';
  let h = n;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  // Mixed, so that both slots depend on every character (short values differ in the low bits only).
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  const first = h & (SLOTS - 1);
  const memo = slotStrings[first];
  if (memo !== undefined && memo.length === n && sameAt(text, start, memo)) return memo;
  const second = (h >>> 16) & (SLOTS - 1);
  const other = slotStrings[second];
  if (other !== undefined && other.length === n && sameAt(text, start, other)) return other;
  if (hasEscapeOrBreak(text, start, end)) return kept(unescape(text, start, end));
  const value = kept(text.slice(start, end));
  // A free slot first; else the first, so the second keeps what was there.
  slotStrings[memo === undefined || other !== undefined ? first : second] = value;
  return value;
}

/** Whether `text` holds `s` at `start` (a loop: for the few characters of a value, cheaper than `startsWith`). */
function sameAt(text: string, start: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(start + i) !== s.charCodeAt(i)) return false;
  return true;
}

/** Area lists by `area=` as written (kept). */
const areaLists = new Map<string, readonly string[]>();
const NO_AREAS: readonly string[] = Object.freeze([]);

/** The areas `area=` lists (split at spaces and commas), the list shared with every earlier mention that wrote the same. */
export function areasOf(area: string | undefined): readonly string[] {
  if (!area) return NO_AREAS;
  return areaLists.get(area) ?? keepBounded(areaLists, POOL_LIMIT, own(area), Object.freeze(area.split(/[\s,]+/).filter((s) => s.length > 0).map(kept)));
}
