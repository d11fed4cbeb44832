/**
 * From scored initiative candidates to suggestions: those at or above `minScore`, not touching a
 * skipped range, overlapping ones merged into one carrying the highest score.
 */
import type { RawCandidate } from './initiativeCandidates';
import { SkipCursor } from './skip';
import type { InitiativeKind, SuggestedInitiative, TextRange } from './types';

/**
 * Suggestions from scored candidates: those at or above `minScore`, not touching a skipped range,
 * overlapping ones merged into one (its score is the highest, its reason and kind that candidate's).
 */
export function selectSuggestions(text: string, scored: readonly (RawCandidate & { readonly score: number })[], minScore: number, skip?: readonly TextRange[]): SuggestedInitiative[] {
  const kept = scored.filter((c) => c.score >= minScore).sort((a, b) => a.start - b.start || b.end - a.end);
  const selection = new SuggestionMerger(text, skip);
  for (const c of kept) selection.add(c, c.score);
  return selection.suggestions();
}

/**
 * `selectSuggestions` fed one kept candidate at a time, in order (by start, the longer first, ties
 * in the order met): the scorer's lines come in text order and each line's candidates sorted so,
 * so suggesting merges as it scores and builds no object per kept candidate.
 */
export class SuggestionMerger {
  private readonly skipper: SkipCursor;
  private readonly out: { start: number; end: number; reason: string; kind: InitiativeKind; score: number }[] = [];

  constructor(private readonly text: string, skip?: readonly TextRange[]) {
    this.skipper = new SkipCursor(skip);
  }

  add(c: RawCandidate, score: number): void {
    const skipper = this.skipper;
    if (skipper.covering(c.start)) return;
    // A stretch that already holds an annotation has been marked up by the analyst.
    if (skipper.nextStart(c.start) < c.end) return;
    const last = this.out[this.out.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (score > last.score) {
        last.reason = c.reason;
        last.kind = c.kind;
        last.score = score;
      }
      return;
    }
    this.out.push({ start: c.start, end: c.end, reason: c.reason, kind: c.kind, score });
  }

  suggestions(): SuggestedInitiative[] {
    return this.out.map((c) => ({
      kind: 'initiative', start: c.start, end: c.end, text: this.text.slice(c.start, c.end), reason: c.reason, initiativeKind: c.kind,
      score: Math.round(c.score * 1000) / 1000,
    }));
  }
}
