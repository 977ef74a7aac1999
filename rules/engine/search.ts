/**
 * Binary search, written once: the first index in [from, to) at which `isAfter` holds, for a
 * test that is false up to some index and true from there on (to when it never holds). Sorted
 * offsets, findings sorted by start and blocks laid out one below the other are all searched
 * with it.
 */
export function firstIndex(to: number, isAfter: (index: number) => boolean, from = 0): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index of a sorted list whose value is at least `value` (the list's length when none is). */
export function lowerBound(values: readonly number[], value: number): number {
  return firstIndex(values.length, (i) => values[i]! >= value);
}

/** The last index of a sorted list whose value is at most `value` (-1 when none is). */
export function lastAtOrBefore(values: readonly number[], value: number): number {
  return firstIndex(values.length, (i) => values[i]! > value) - 1;
}
