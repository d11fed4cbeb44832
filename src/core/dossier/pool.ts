/**
 * The pool of small strings the workspace's files share (statuses, units, metrics, areas, actors,
 * summits, outlets, keys): each kept once per thread, however many files repeat it. Bounded: past
 * its limit it starts afresh (strings kept before stay with the files that hold them).
 */
import { keepBounded, own } from '../text';

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
