/**
 * Diagnostics the parser reports: one severity per code, kept here so the CLI, the editor and the
 * docs agree, plus the "did you mean" helper used by unknown-kind/-area/-status messages.
 */
import type { Diagnostic, DiagnosticCode, Range, Severity } from './types';

/** The severity each code is reported with. Errors make the file mean something else in Pandoc. */
export const DIAGNOSTIC_SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
  'yaml-error': 'error',
  'front-matter-type': 'warning',
  'duplicate-id': 'error',
  'unresolved-reference': 'warning',
  'unclosed-span': 'error',
  'unclosed-attributes': 'error',
  'malformed-attribute': 'error',
  'unknown-kind': 'warning',
  'figure-without-value': 'warning',
  'unknown-area': 'warning',
  'unknown-status': 'warning',
  'date-not-iso': 'warning',
  'too-large': 'information',
};

type Data = Readonly<Record<string, string | number>>;

/** Collects diagnostics for one parse. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];

  constructor(private readonly range: (start: number, end: number) => Range) {}

  add(code: DiagnosticCode, start: number, end: number, message: string, data?: Data, severity?: Severity): void {
    const diagnostic: Diagnostic = data
      ? { code, severity: severity ?? DIAGNOSTIC_SEVERITY[code], message, range: this.range(start, end), data }
      : { code, severity: severity ?? DIAGNOSTIC_SEVERITY[code], message, range: this.range(start, end) };
    this.items.push(diagnostic);
  }

  /** Document order (stable for equal starts), the order editors and the CLI list them in. */
  sorted(): Diagnostic[] {
    return this.items.sort((a, b) => a.range.start - b.range.start);
  }
}

/**
 * The candidate closest to `word` by edit distance (case-insensitive), when it is within
 * `maxDistance`; undefined otherwise. Words longer than 64 characters are not compared.
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance = 3): string | undefined {
  if (word.length > 64) return undefined;
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    if (candidate.length > 64 || Math.abs(candidate.length - w.length) >= bestDistance) continue;
    const d = editDistance(w, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
