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
  const owned = own(s);
  return keepBounded(strings, POOL_LIMIT, owned, owned);
}

export function keptOrUndefined(s: string | undefined): string | undefined {
  return s === undefined ? undefined : kept(s);
}

/** Slots of the memo in front of the pool for values read from a text (see `keptAt`). */
const SLOTS = 1 << 12;
const slotStrings = new Array<string | undefined>(SLOTS).fill(undefined);

/**
 * The attribute value written at text[start, end) (escapes resolved), kept. Values repeat
 * (statuses, areas, metrics): a memo of one string per slot, the slot chosen by the value's
 * length and three of its characters, answers most of them by comparing characters in place —
 * no string cut, hashed and looked up. A value holding an escape or a line break is never
 * memoised (its characters differ from its value).
 */
export function keptAt(text: string, start: number, end: number): string {
  const n = end - start;
  if (n === 0) return '';
  const slot = (Math.imul(text.charCodeAt(start), 31) + Math.imul(text.charCodeAt(end - 1), 7) + text.charCodeAt(start + (n >> 1)) + Math.imul(n, 131)) & (SLOTS - 1);
  const memo = slotStrings[slot];
  if (memo !== undefined && memo.length === n && sameAt(text, start, memo)) return memo;
  if (hasEscapeOrBreak(text, start, end)) return kept(unescape(text, start, end));
  const value = kept(text.slice(start, end));
  slotStrings[slot] = value;
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
