/**
 * Diagnostics the parser reports: one severity per code, kept here so the CLI, the editor and the
 * docs agree; the offset-only findings a model keeps until its diagnostics are first read; and
 * the "did you mean" helper used by unknown-kind/-area/-status messages.
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
  'unreadable-value': 'warning',
  'unknown-area': 'warning',
  'unknown-status': 'warning',
  'date-not-iso': 'warning',
  'unreadable': 'error',
};

type Data = Readonly<Record<string, string | number>>;

/**
 * A diagnostic as the model keeps it: offsets only (its Range is made when `model.diagnostics` is
 * first read, against that model's line index), plus where it stands in the order diagnostics are
 * listed: by start, then by the pass that found it (`phase`), then by where in that pass (`seq`).
 */
export interface Finding {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly data: Data | undefined;
  /** PHASE_…: front matter, scan, figures, ids, references. */
  readonly phase: number;
  /** Order within the phase (an offset where the finding was made, or a counter). */
  readonly seq: number;
}

export const PHASE_FRONT_MATTER = 0;
export const PHASE_SCAN = 1;
export const PHASE_FIGURES = 2;
export const PHASE_IDS = 3;
export const PHASE_REFERENCES = 4;

export function finding(code: DiagnosticCode, start: number, end: number, message: string, phase: number, seq: number, data?: Data, severity?: Severity): Finding {
  return { code, severity: severity ?? DIAGNOSTIC_SEVERITY[code], message, start, end, data, phase, seq };
}

/** The order diagnostics are listed in (a stable sort keeps equal keys in the order they came). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.phase - b.phase || a.seq - b.seq;
}

/** Collects the findings of one pass. */
export class DiagnosticList {
  readonly items: Finding[] = [];

  constructor(private readonly phase: number) {}

  /** `seq`: where in the pass (an offset); undefined numbers findings in the order they are added. */
  add(code: DiagnosticCode, start: number, end: number, message: string, data?: Data, severity?: Severity, seq?: number): void {
    this.items.push(finding(code, start, end, message, this.phase, seq ?? this.items.length, data, severity));
  }
}

/** A Diagnostic of the model, with a Range made by `range`. */
export function toDiagnostic(f: Finding, range: (start: number, end: number) => Range): Diagnostic {
  return f.data
    ? { code: f.code, severity: f.severity, message: f.message, range: range(f.start, f.end), data: f.data }
    : { code: f.code, severity: f.severity, message: f.message, range: range(f.start, f.end) };
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
