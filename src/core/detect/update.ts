/**
 * Detection after an edit, for the editor's hints: the paragraphs the edit touched are read
 * again, everything else is taken from the previous result (moved by the edit's length change).
 * Detection reads a line, a sentence or a list under its header at most, never across a blank
 * line, so a stretch that starts and ends at blank lines reads the same alone as in the file.
 * Whatever could reach further (front matter, code fences, HTML comments, the language guessed
 * from the start of the text) takes a full `detectInNotes`.
 */
import { detectFigures } from './figures';
import { suggestInitiatives } from './initiatives';
import { detectLanguage } from './language';
import { detectInNotes, notesSkipRanges, withoutRanges, type NotesDetection } from './notes';
import type { Detection, TextRange } from './types';
import type { NotesModel, TextChange } from '../model';

/** One change, as the editor reports it (the model's TextChange): in the text as it was just before this change. */
export type DetectionEdit = TextChange;

/** The detection after an edit, and what was read again for it. */
export interface DetectionUpdate {
  readonly detection: NotesDetection;
  /** The stretch read again, or undefined when the whole text was (or nothing changed). */
  readonly reread: { readonly start: number; readonly end: number } | undefined;
}

/**
 * Detection of `model.text`, from `previous` (the detection of `previousText`) and the edits that
 * led from that text to this one, in order. The detection equals `detectInNotes(model.text, { model })`.
 */
export function updateDetection(previous: NotesDetection | undefined, previousText: string | undefined,
  edits: readonly DetectionEdit[], model: NotesModel, minScore?: number): DetectionUpdate {
  const text = model.text;
  const full = (): DetectionUpdate => ({ detection: detectInNotes(text, { model, minScore }), reread: undefined });
  // Suggestions kept at another threshold cannot be spliced into these.
  if (previous && previous.minScore !== minScore) return full();
  if (previous && previousText === text && edits.length === 0) return { detection: previous, reread: undefined };
  if (!previous || previousText === undefined || edits.length === 0) return full();
  // What changed, as one stretch: text before the lowest offset any edit touched is unchanged,
  // and so is the text after the shortest tail any edit left alone.
  let length = previousText.length;
  let head = Number.POSITIVE_INFINITY;
  let tail = Number.POSITIVE_INFINITY;
  for (const e of edits) {
    if (e.offset < 0 || e.deleted < 0 || e.offset + e.deleted > length) return full();
    head = Math.min(head, e.offset);
    tail = Math.min(tail, length - e.offset - e.deleted);
    length += e.inserted.length - e.deleted;
  }
  if (length !== text.length) return full();
  const oldEnd = previousText.length - tail;
  const newEnd = text.length - tail;
  if (head > oldEnd || head > newEnd) return full();
  const frontMatterEnd = model.frontMatterRange?.end ?? 0;
  if (head <= frontMatterEnd + 1) return full();
  const skipped = notesSkipRanges(text, model);
  // The language is read as detectInNotes reads it; when the edit changed it, everything reads anew.
  const language = model.frontMatter?.language ?? detectLanguage(withoutRanges(text, skipped));
  if (language !== previous.language) return full();

  // The paragraphs around the change: from the blank line before it to the blank line after it.
  const start = paragraphStart(text, head);
  const end = paragraphEnd(text, newEnd);
  const delta = text.length - previousText.length;
  const oldStart = start;
  const oldStop = end - delta;
  // An old item across either edge means the edges were not paragraph breaks after all.
  const crosses = (d: Detection): boolean => (d.start < oldStart && d.end > oldStart) || (d.start < oldStop && d.end > oldStop);
  if (previous.figures.some(crosses) || previous.initiatives.some(crosses)) return full();
  // Detection reads the text and the stretches it must leave alone (code, comments, annotations):
  // outside the paragraphs both are as before, or (a fence opened, a code span now pairs with a
  // farther backtick, a comment closed) the whole text is read again.
  if (!sameRanges(outside(previous.skipped, oldStart, oldStop, delta), outside(skipped, start, end, 0))) return full();

  const inside: TextRange[] = [];
  for (const r of skipped) {
    if (r.end <= start || r.start >= end) continue;
    inside.push({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start });
  }
  const stretch = text.slice(start, end);
  const moved = <T extends Detection>(d: T, by: number): T => ({ ...d, start: d.start + by, end: d.end + by });
  const splice = <T extends Detection>(old: readonly T[], fresh: readonly T[]): T[] => {
    const out: T[] = [];
    for (const d of old) if (d.end <= oldStart) out.push(d);
    for (const d of fresh) out.push(moved(d, start));
    for (const d of old) if (d.start >= oldStop) out.push(delta === 0 ? d : moved(d, delta));
    return out;
  };
  const figures = detectFigures(stretch, previous.language, inside);
  const detection: NotesDetection = {
    language: previous.language,
    figures: splice(previous.figures, figures),
    initiatives: splice(previous.initiatives, suggestInitiatives(stretch, previous.language, inside, { minScore, figures })),
    skipped,
    ...(minScore !== undefined ? { minScore } : {}),
  };
  return { detection, reread: { start, end } };
}

/**
 * The parts of `ranges` (sorted by start, as `notesSkipRanges` gives them) before `from` and after
 * `to`, the latter moved by `shift`, merged where they touch: the same stretches give the same
 * list however they were split. Both kinds of part come out in order, so one pass, no sort.
 */
function outside(ranges: readonly TextRange[], from: number, to: number, shift: number): number[] {
  const flat: number[] = [];
  const push = (s: number, e: number): void => {
    const n = flat.length;
    if (n > 0 && s <= flat[n - 1]) {
      if (e > flat[n - 1]) flat[n - 1] = e;
    } else flat.push(s, e);
  };
  for (const r of ranges) if (r.end > r.start && r.start < from) push(r.start, Math.min(r.end, from));
  for (const r of ranges) if (r.end > r.start && r.end > to) push(Math.max(r.start, to) + shift, r.end + shift);
  return flat;
}

function sameRanges(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Where the paragraph holding `offset` starts: just after the blank line before it (or 0). */
function paragraphStart(text: string, offset: number): number {
  const lf = text.lastIndexOf('\n\n', offset - 1);
  const crlf = text.lastIndexOf('\n\r\n', offset - 1);
  const at = Math.max(lf, crlf);
  return at < 0 ? 0 : at + 1;
}

/** Where the paragraph holding `offset` ends: at the start of the blank line after it (or the text's end). */
function paragraphEnd(text: string, offset: number): number {
  const candidates = [text.indexOf('\n\n', offset), text.indexOf('\n\r\n', offset)].filter((i) => i >= 0);
  return candidates.length ? Math.min(...candidates) + 1 : text.length;
}
