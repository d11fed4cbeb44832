/**
 * Stretches detection leaves alone, walked forward once: sorted, merged, and queried with
 * non-decreasing positions so the whole walk is linear.
 */
import type { TextRange } from './types';

export class SkipCursor {
  private readonly ranges: TextRange[];
  private k = 0;

  constructor(skip: readonly TextRange[] | undefined) {
    const sorted = (skip ?? []).filter((r) => r.end > r.start).map((r) => ({ start: r.start, end: r.end }))
      .sort((a, b) => a.start - b.start);
    const merged: { start: number; end: number }[] = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else merged.push(r);
    }
    this.ranges = merged;
  }

  /** The skipped range containing `pos`, if any. Positions must not decrease between calls. */
  covering(pos: number): TextRange | undefined {
    while (this.k < this.ranges.length && this.ranges[this.k].end <= pos) this.k++;
    const r = this.ranges[this.k];
    return r && r.start <= pos ? r : undefined;
  }

  /** Where the next skipped range after `pos` starts (Infinity when none). Call after `covering(pos)`. */
  nextStart(pos: number): number {
    const r = this.ranges[this.k];
    return r && r.start > pos ? r.start : r && r.start <= pos ? pos : Infinity;
  }

  /** Where the last skipped range before `pos` ends (0 when none). Call after `covering(pos)`. */
  previousEnd(): number {
    return this.k > 0 ? this.ranges[this.k - 1].end : 0;
  }
}
