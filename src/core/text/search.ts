/** Binary search over sorted lists, shared by the model's sections and row pieces, the line index, and the brief's sections and figure keys. */

/** Index of the last item whose key is ≤ `value`, or -1 (items sorted by key, ascending). */
export function lastAtOrBefore<T>(list: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the last of the first `length` numbers (sorted, ascending) that is ≤ `value`, or -1. */
export function lastNumberAtOrBefore(sorted: ArrayLike<number>, value: number, length = sorted.length): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first item not ordered before `item` by `compare` (where `item` would be inserted). */
export function firstNotBefore<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
