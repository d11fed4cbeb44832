/**
 * Detection over a notes file: what to leave alone (front matter, code, HTML comments, existing
 * annotations and references) and which language to read the text in.
 */
import { parseNotes } from '../model';
import type { NotesModel } from '../model';
import { detectFigures } from './figures';
import { suggestInitiatives } from './initiatives';
import { detectLanguage } from './language';
import type { DetectedFigure, SuggestedInitiative, TextRange } from './types';

/** Everything detection found in a notes file. */
export interface NotesDetection {
  /** The language the text was read in: front matter `language:`, else the option, else detected. */
  readonly language: string;
  readonly figures: readonly DetectedFigure[];
  readonly initiatives: readonly SuggestedInitiative[];
  /** The ranges that were left alone. */
  readonly skipped: readonly TextRange[];
  /** The `minScore` initiative suggestions were kept at (incremental updates keep using it). */
  readonly minScore?: number;
}

/** Options for `detectInNotes`. */
export interface NotesDetectionOptions {
  /** Used when the front matter names no language; detected from the text when absent too. */
  readonly language?: string;
  /** Read the text in `language` even when the front matter names another. */
  readonly forceLanguage?: boolean;
  /** A model of the same text when the caller has one (saves a parse). */
  readonly model?: NotesModel;
  /** Initiative suggestions scored below this are left out (default `DEFAULT_MIN_SCORE`). */
  readonly minScore?: number;
}

/**
 * Detects figures and initiative suggestions in a notes file, skipping what is already annotated
 * and what is never prose (front matter, fenced/indented code, code spans, HTML comments).
 */
export function detectInNotes(text: string, options: NotesDetectionOptions = {}): NotesDetection {
  let model = options.model;
  if (!model) {
    try {
      model = parseNotes(text, options.language ? { language: options.language } : undefined);
    } catch {
      model = undefined; // Detection still works on the text; only annotation skipping is lost.
    }
  }
  const skipped = notesSkipRanges(text, model);
  const language = (options.forceLanguage ? options.language : undefined) ?? model?.frontMatter?.language ?? options.language
    ?? detectLanguage(withoutRanges(text, skipped));
  const figures = detectFigures(text, language, skipped);
  return {
    language,
    figures,
    initiatives: suggestInitiatives(text, language, skipped, { minScore: options.minScore, figures }),
    skipped,
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
  };
}

const LANGUAGE_SAMPLE = 20_000;

/** The prose the language is guessed from: the text without `ranges` (markup, code), about 20k characters. */
export function withoutRanges(text: string, ranges: readonly TextRange[]): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) out += text.slice(at, r.start);
    at = Math.max(at, r.end);
    if (out.length > LANGUAGE_SAMPLE) break;
  }
  return out + text.slice(at, at + LANGUAGE_SAMPLE);
}

/**
 * The ranges detection must not enter in a notes file: front matter, fenced and indented code,
 * code spans, HTML comments, and (when a model is given) every annotation and reference.
 * Sorted by start; may overlap.
 */
export function notesSkipRanges(text: string, model?: NotesModel): TextRange[] {
  const ranges: TextRange[] = [];
  if (model?.frontMatterRange) ranges.push(model.frontMatterRange);
  else {
    const fm = frontMatterEnd(text);
    if (fm > 0) ranges.push({ start: 0, end: fm });
  }
  blockCode(text, ranges);
  inlineCode(text, ranges);
  for (const a of model?.annotations ?? []) if (!a.parent) ranges.push({ start: a.range.start, end: a.range.end });
  for (const r of model?.references ?? []) ranges.push({ start: r.range.start, end: r.range.end });
  return ranges.sort((a, b) => a.start - b.start);
}

function frontMatterEnd(text: string): number {
  if (!/^---\r?\n/u.test(text)) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/mu;
  const rest = text.slice(4);
  const m = close.exec(rest);
  return m ? 4 + m.index + m[0].length : 0;
}

/** Fenced (``` or ~~~) and indented code blocks, line by line. */
function blockCode(text: string, out: TextRange[]): void {
  let fence: { char: string; length: number; start: number } | undefined;
  let previousBlank = true;
  let indentedStart = -1;
  for (let s = 0; s <= text.length;) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const line = text.slice(s, e);
    const m = /^ {0,3}(`{3,}|~{3,})/u.exec(line);
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && line.trim() === m[1]) {
        out.push({ start: fence.start, end: e });
        fence = undefined;
      }
    } else if (m) {
      fence = { char: m[1][0], length: m[1].length, start: s };
    } else {
      const indented = /^(?: {4}|\t)/u.test(line) && line.trim() !== '';
      if (indented && (previousBlank || indentedStart >= 0)) { if (indentedStart < 0) indentedStart = s; }
      else if (line.trim() !== '' && indentedStart >= 0) { out.push({ start: indentedStart, end: s }); indentedStart = -1; }
      previousBlank = line.trim() === '';
    }
    s = e + 1;
  }
  if (fence) out.push({ start: fence.start, end: text.length });
  if (indentedStart >= 0) out.push({ start: indentedStart, end: text.length });
}

/** Code spans (a backtick run closed by one of the same length within 2,000 characters) and HTML comments. */
function inlineCode(text: string, out: TextRange[]): void {
  // Per run length, how far a failed search already looked: keeps 100k lone backticks linear.
  const searched = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      const end = close < 0 ? text.length : close + 3;
      out.push({ start: i, end });
      i = end - 1;
    } else if (ch === '`') {
      let run = i;
      while (run < text.length && text[run] === '`') run++;
      const length = run - i;
      const limit = Math.min(text.length, run + 2000);
      const closer = findRun(text, Math.max(run, searched.get(length) ?? run), length, limit);
      if (closer < 0) searched.set(length, limit);
      if (closer >= 0) {
        out.push({ start: i, end: closer + length });
        i = closer + length - 1;
      } else i = run - 1;
    }
  }
}

function findRun(text: string, from: number, length: number, limit: number): number {
  for (let p = from; p < limit; p++) {
    if (text[p] !== '`') continue;
    let q = p;
    while (q < text.length && text[q] === '`') q++;
    if (q - p === length) return p;
    p = q - 1;
  }
  return -1;
}
