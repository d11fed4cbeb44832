/** Small string helpers that the scanners and the figure reader share. */

/**
 * A copy of `s` that does not keep a longer string alive. V8 makes a slice of 13 characters or
 * more a view into the string it was cut from; a name kept by a structure that outlives one
 * version of a document (the interner, the id map, what a scanned base caches) must not hold on
 * to that version's whole text.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, s.length);
}

/**
 * Keeps `value` under `key` in `map` and returns it; a map already holding `limit` entries starts
 * afresh first (a bound on what a long-lived memo holds, not an eviction policy).
 */
export function keepBounded<K, V>(map: Map<K, V>, limit: number, key: K, value: V): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
