/**
 * Training the initiative scorer (`npm run train`) and cross-validating it (`npm run eval -- --cv`):
 * a logistic regression fitted by full-batch gradient descent, so the same examples in the same
 * order always give the same weights (no random start, no shuffling). Pure; the scripts read the
 * corpus and write the JSON.
 */
import { ruleCandidates } from './initiatives';
import { candidateScore, scoreCandidates, type InitiativeWeights, type ScoredCandidate } from './initiativeScorer';
import { selectSuggestions } from './initiativeSelection';
import type { SuggestedInitiative, TextRange } from './types';

/** One candidate as a training example: its features and whether it overlaps a gold initiative. */
export interface Example {
  readonly features: readonly string[];
  readonly label: 0 | 1;
}

/** An article with its gold initiative spans. */
export interface LabelledText {
  readonly name: string;
  readonly text: string;
  readonly language: string;
  readonly gold: readonly TextRange[];
}

export interface TrainOptions {
  readonly iterations?: number;
  readonly rate?: number;
  /** L2 penalty per example. */
  readonly l2?: number;
}

const NO_WEIGHTS: InitiativeWeights = { bias: 0, weights: {} };

/** Every candidate of `text` with its features (scores meaningless: no weights). */
export function candidatesOf(text: string, language: string): ScoredCandidate[] {
  return scoreCandidates(text, language, ruleCandidates(text, language), NO_WEIGHTS, true);
}

/** The training examples of one article: each candidate, labelled 1 when it overlaps a gold span. */
export function examplesOf(candidates: readonly ScoredCandidate[], gold: readonly TextRange[]): Example[] {
  return candidates.map((c) => ({ features: c.features, label: gold.some((g) => g.start < c.end && c.start < g.end) ? 1 : 0 }));
}

/** Fits a logistic regression; deterministic for the same examples in the same order. */
export function trainLogistic(examples: readonly Example[], options: TrainOptions = {}): InitiativeWeights {
  const iterations = options.iterations ?? 400;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 0.01;
  const names = [...new Set(examples.flatMap((e) => e.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => Int32Array.from(e.features.map((f) => index.get(f) ?? 0)));
  const w = new Float64Array(names.length);
  let bias = 0;
  const n = Math.max(1, examples.length);
  const grad = new Float64Array(names.length);
  // AdaGrad step sizes: rare features still move.
  const g2 = new Float64Array(names.length).fill(1e-8);
  let gb2 = 1e-8;
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < rows.length; i++) {
      let z = bias;
      for (const j of rows[i]) z += w[j];
      const err = 1 / (1 + Math.exp(-z)) - examples[i].label;
      gb += err;
      for (const j of rows[i]) grad[j] += err;
    }
    for (let j = 0; j < w.length; j++) {
      const g = grad[j] / n + l2 * w[j];
      g2[j] += g * g;
      w[j] -= (rate * g) / Math.sqrt(g2[j]);
    }
    gb /= n;
    gb2 += gb * gb;
    bias -= (rate * gb) / Math.sqrt(gb2);
  }
  const weights: Record<string, number> = {};
  names.forEach((name, j) => {
    const v = Math.round(w[j] * 1e4) / 1e4;
    if (v !== 0) weights[name] = v;
  });
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

/** Leave-one-out folds: for each item, that item held out and all the others to train on. */
export function leaveOneOut<T>(items: readonly T[]): { readonly heldOut: T; readonly train: readonly T[] }[] {
  return items.map((heldOut, i) => ({ heldOut, train: items.filter((_, j) => j !== i) }));
}

/** Trains on the given articles (in the order given). */
export function trainOn(texts: readonly LabelledText[], options?: TrainOptions): InitiativeWeights {
  return trainLogistic(texts.flatMap((t) => examplesOf(candidatesOf(t.text, t.language), t.gold)), options);
}

/** Suggestions of one article from precomputed candidates, rescored with `weights`, at `minScore`. */
export function suggestWith(text: string, candidates: readonly ScoredCandidate[], weights: InitiativeWeights, minScore: number): SuggestedInitiative[] {
  return selectSuggestions(text, candidates.map((c) => ({ ...c, score: candidateScore(c, weights) })), minScore);
}
