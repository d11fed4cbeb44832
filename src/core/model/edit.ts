/**
 * The model after an edit, re-reading only what the edit can have changed. Spans, links and
 * headings never cross a blank line, so the stretch to read again runs from the blank line before
 * the edit to the blank line after it (widened past any fenced code or comment block it falls
 * in). That stretch is scanned on its own; the rows before it are kept as they are and the rows
 * after it are kept with their offsets moved — both shared with the previous model, whose tables
 * never change (model/tables.ts). Code fences and comments can reach further: a fence or `<!--` opened
 * in the stretch and closed after it, or a closer typed for an opener before it, widen the
 * stretch to cover them. Front matter edits read the YAML again and move the body. Anything
 * else (a paste that replaces most of the file, a front matter that no longer closes) is parsed
 * whole. The result always equals `parseNotes(text)`: test/unit/incremental.test.ts checks that
 * over thousands of random edits of every kind.
 */
import type { BlockNotes } from './blocks';
import type { Finding } from './diagnostics';
import { shifted } from './rowFacts';
import { forEachCloserLine } from './fences';
import { NotesDocument } from './document';
import { languageOf, readFrontMatterOf, reparseNotes, scanBody } from './parse';
import { deriveIdState, type Carrier, type IdState } from './ids';
import { A_ID, A_START, A_STRIDE, type Piece } from './tables';
import { TextRange, lineStartsIn } from '../text';
import type { LineIndex } from '../text';
import type { FrontMatter, NotesModel, ParseOptions } from './types';

/** One text change as the editor reports it (VS Code's `contentChanges` entry, by offsets). */
export interface TextChange {
  /** Offset in the previous text where the replaced stretch starts. */
  readonly offset: number;
  /** Length of the replaced stretch in the previous text. */
  readonly deleted: number;
  /** What replaces it. */
  readonly inserted: string;
}

/** Past this share of the file, reading the stretch again costs about what a parse does: parse. */
const MAX_SHARE = 0.5;

/**
 * The model of `text`, which is `previous`'s text with `edit` applied: the parts the edit cannot
 * have changed are shared with `previous` (which stays as it was and may still be used), the rest
 * read again. Without a previous model or an edit, or when the edit reaches too far, a parse.
 * Always equal to `parseNotes(text, options)`; never throws.
 */
export function editNotes(previous: NotesModel | undefined, edit: TextChange | undefined, text: string, options?: ParseOptions): NotesModel {
  try {
    if (previous instanceof NotesDocument && edit && fits(previous, edit, text)) {
      const next = applyEdit(previous, edit, text, options);
      if (next) return next;
    }
  } catch {
    // Fall through to a parse: reading part of the file again is an optimisation only.
  }
  return reparseNotes(previous, text, options);
}

/** Does `edit` lead from the previous text to `text`? (Checked where it is cheap.) */
function fits(doc: NotesDocument, edit: TextChange, text: string): boolean {
  const { offset, deleted, inserted } = edit;
  if (typeof inserted !== 'string' || !(offset >= 0 && deleted >= 0 && offset + deleted <= doc.text.length)) return false;
  if (doc.text.length - deleted + inserted.length !== text.length || !text.startsWith(inserted, offset)) return false;
  // The characters on either side of the edit must be the old ones.
  return (offset === 0 || text.charCodeAt(offset - 1) === doc.text.charCodeAt(offset - 1))
    && (offset + deleted === doc.text.length || text.charCodeAt(offset + inserted.length) === doc.text.charCodeAt(offset + deleted));
}

/** The pieces of the new model, and the rest of what it is made of. */
interface Splice {
  readonly annotationPieces: Piece[];
  readonly annotationCount: number;
  readonly referencePieces: Piece[];
  readonly referenceCount: number;
  readonly headingPieces: Piece[];
  readonly headingCount: number;
  readonly findings: Finding[];
  readonly blocks: BlockNotes;
  /** The stretch read again (old offsets), and the carriers of ids it held and holds (model/ids.ts). */
  readonly from: number;
  readonly to: number;
  readonly removed: readonly Carrier[];
  readonly added: readonly Carrier[];
}

function applyEdit(doc: NotesDocument, edit: TextChange, text: string, options: ParseOptions | undefined): NotesModel | undefined {
  const old = doc.text;
  const offset = edit.offset;
  const cut = offset + edit.deleted;
  const delta = edit.inserted.length - edit.deleted;
  const lines = doc.lines.edited(text, offset, cut, edit.inserted.length);

  // The front matter: read again when the edit is in it (or on the first line, where one may start).
  let frontMatter = doc.frontMatter;
  let frontMatterFindings = doc.findings.filter((f) => f.phase === 0);
  let frontMatterEnd = doc.frontMatterRange?.end ?? 0;
  const frontMatterStart = doc.frontMatterRange?.start ?? 0;
  const firstLineEnd = old.indexOf('\n');
  // An opening `---` that nothing closes is reported with where a closing one would go (the first
  // blank line), anywhere in the file: then every edit reads it again.
  // So is a `---` first line with nothing after it yet (any text after it opens a front matter).
  const unclosed = frontMatterFindings.some((f) => f.code === 'yaml-error' && f.data?.insert === '---\n')
    || (doc.frontMatterRange === undefined && /^\ufeff?---[ \t]*\r?$/.test(old.slice(0, firstLineEnd < 0 ? old.length : firstLineEnd)));
  if (offset < doc.bodyStart || offset <= (firstLineEnd < 0 ? old.length : firstLineEnd) || unclosed) {
    if (offset < doc.bodyStart && cut > doc.bodyStart) return undefined;
    const fm = readFrontMatterOf(text, lines);
    const expected = offset < doc.bodyStart ? doc.bodyStart + delta : doc.bodyStart;
    if (fm.bodyStart !== expected) return undefined;
    frontMatter = fm.frontMatter;
    frontMatterFindings = fm.findings as Finding[];
    frontMatterEnd = fm.block?.end ?? 0;
    if (offset < doc.bodyStart) {
      // The body did not change: every row moves by delta.
      const body = shiftAll(doc, delta);
      return model(doc, text, lines, options, frontMatter, frontMatterFindings, fm.block?.start ?? 0, frontMatterEnd, fm.bodyStart, body, edit);
    }
  } else if (frontMatter) {
    frontMatter = withLines(frontMatter, lines);
  }

  // The stretch of the old text to read again: [from, to), blank line to blank line.
  let from = regionStart(doc, offset);
  let to = regionEnd(doc, Math.max(cut, offset));
  for (let attempt = 0; ; attempt++) {
    if (attempt > 8 || to - from > MAX_SHARE * old.length + 4096) return undefined;
    const newTo = to + delta;
    const slice = text.slice(from, newTo);
    // Openers before the stretch that nothing closed, which the new text may now close.
    const earlier = reopenedBefore(doc, from, slice);
    if (earlier >= 0) {
      from = regionStart(doc, earlier);
      continue;
    }
    const scan = scanBody(slice, 0, slice.length, doc.names);
    // Openers in the stretch that it does not close, which something after it may close.
    const reach = closedAfter(text, newTo, scan.blocks);
    if (reach >= 0) {
      to = regionEnd(doc, Math.max(reach - delta, to));
      continue;
    }
    const body = splice(doc, from, to, delta, scan);
    return model(doc, text, lines, options, frontMatter, frontMatterFindings, frontMatterStart, frontMatterEnd, doc.bodyStart, body, edit);
  }
}

function model(doc: NotesDocument, text: string, lines: LineIndex, options: ParseOptions | undefined, frontMatter: FrontMatter | undefined, frontMatterFindings: Finding[], frontMatterStart: number, frontMatterEnd: number, bodyStart: number, body: Splice, edit: TextChange): NotesModel {
  const next = new NotesDocument({
    text, lines, language: languageOf(frontMatter, options), names: doc.names, frontMatter, frontMatterStart, frontMatterEnd,
    annotationPieces: body.annotationPieces, annotationCount: body.annotationCount,
    referencePieces: body.referencePieces, referenceCount: body.referenceCount,
    headingPieces: body.headingPieces, headingCount: body.headingCount,
    findings: frontMatterFindings.length ? [...frontMatterFindings, ...body.findings] : body.findings,
    bodyStart, blocks: body.blocks,
  });
  // The previous model's ids carry over, looked at again only where the edit reached.
  if (doc.hasIdState) {
    const cut = edit.offset + edit.deleted;
    const linesMoved = lineStartsIn(doc.text, edit.offset, cut + 1) !== lineStartsIn(text, edit.offset, edit.offset + edit.inserted.length + 1);
    const state: IdState = deriveIdState(next, {
      previous: doc, state: doc.idState, from: body.from, to: body.to, delta: edit.inserted.length - edit.deleted,
      linesMoved, carriers: { removed: body.removed, added: body.added },
    });
    next.adoptIdState(state);
  }
  return next;
}

/** The front matter with its key ranges on the new line index (their offsets did not move). */
function withLines(fm: FrontMatter, lines: LineIndex): FrontMatter {
  const keyRanges = new Map<string, TextRange>();
  for (const [key, r] of fm.keyRanges) keyRanges.set(key, new TextRange(r.start, r.end, lines));
  return { ...fm, keyRanges };
}

// ── Where the stretch starts and ends ─────────────────────────────────────────────────────────

function lineStartOf(text: string, offset: number): number {
  // (lastIndexOf clamps a negative start to 0 and would still look at offset 0.)
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Only spaces and tabs (and a final `\r`) in [s, e): a line the block scanner reads as blank. */
function isBlank(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && !(c === 13 && k === e - 1)) return false;
  }
  return true;
}

/** The fenced code or comment block of the old text that `offset` stands strictly inside, as its index in `skipped`, or -1. */
function skippedAround(doc: NotesDocument, offset: number): number {
  const skipped = doc.blocks.skipped;
  let lo = 0;
  let hi = skipped.length / 2 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (skipped[2 * mid] < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && offset < skipped[2 * found + 1] ? found : -1;
}

/** The start of the line after the last blank line before `offset`'s line (outside any block), or the body's start. */
function regionStart(doc: NotesDocument, offset: number): number {
  const old = doc.text;
  let p = lineStartOf(old, Math.max(offset, doc.bodyStart));
  for (;;) {
    if (p <= doc.bodyStart) return doc.bodyStart;
    const inside = skippedAround(doc, p);
    if (inside >= 0) {
      p = lineStartOf(old, doc.blocks.skipped[2 * inside]);
      continue;
    }
    const previous = lineStartOf(old, p - 1);
    if (isBlank(old, previous, p - 1)) return p;
    p = previous;
  }
}

/** Just after the first blank line after `offset`'s line (outside any block), or the end of the text. */
function regionEnd(doc: NotesDocument, offset: number): number {
  const old = doc.text;
  let nl = old.indexOf('\n', offset);
  for (;;) {
    if (nl < 0) return old.length;
    const p = nl + 1;
    const inside = skippedAround(doc, p);
    if (inside >= 0) {
      nl = old.indexOf('\n', Math.max(p, doc.blocks.skipped[2 * inside + 1] - 1));
      continue;
    }
    const e = old.indexOf('\n', p);
    const end = e < 0 ? old.length : e;
    if (p < old.length && isBlank(old, p, end)) return e < 0 ? old.length : e + 1;
    if (p >= old.length) return old.length;
    nl = e;
  }
}

/**
 * An opener before `from` that stayed plain text because nothing closed it (a fence, a `<!--`
 * block), which the new stretch may close: its offset (the earliest), or -1.
 */
function reopenedBefore(doc: NotesDocument, from: number, slice: string): number {
  const { openFences, openComments } = doc.blocks;
  let earliest = -1;
  if (openComments.length > 0 && openComments[0] < from && slice.includes('-->')) earliest = openComments[0];
  if (openFences.length > 0 && openFences[0] < from && (slice.includes('```') || slice.includes('~~~'))) {
    for (let i = 0; i < openFences.length && openFences[i] < from; i += 3) {
      if (closerIn(slice, 0, slice.length, openFences[i + 1], openFences[i + 2]) >= 0) {
        if (earliest < 0 || openFences[i] < earliest) earliest = openFences[i];
        break;
      }
    }
  }
  return earliest;
}

/**
 * Where the furthest opener of the stretch that the stretch does not close is closed in the
 * text after it (`after` onwards): the end of the closing fence line or of `-->`; -1 when none is.
 */
function closedAfter(text: string, after: number, blocks: BlockNotes): number {
  let reach = -1;
  if (blocks.openComments.length > 0) {
    const close = text.indexOf('-->', after);
    if (close >= 0) reach = close + 3;
  }
  for (let i = 0; i < blocks.openFences.length; i += 3) {
    const line = closerIn(text, after, text.length, blocks.openFences[i + 1], blocks.openFences[i + 2]);
    if (line >= 0) {
      const nl = text.indexOf('\n', line);
      reach = Math.max(reach, nl < 0 ? text.length : nl + 1);
    }
  }
  return reach;
}

/** The start of the first line in text[from, to) that closes a fence of `ch` of at least `length`, or -1. */
function closerIn(text: string, from: number, to: number, ch: number, length: number): number {
  let found = -1;
  forEachCloserLine(text, from, to, ch, (start, run) => {
    if (run < length) return false;
    found = start;
    return true;
  });
  return found;
}

// ── Putting the new model together ────────────────────────────────────────────────────────────

/** Every row, heading, finding and block of the body moved by `delta` (an edit in the front matter). */
function shiftAll(doc: NotesDocument, delta: number): Splice {
  return {
    annotationPieces: doc.annotationPieces.map((p) => ({ ...p, shift: p.shift + delta })),
    annotationCount: doc.annotationCount,
    referencePieces: doc.referencePieces.map((p) => ({ ...p, shift: p.shift + delta })),
    referenceCount: doc.referenceCount,
    headingPieces: doc.headingPieces.map((p) => ({ ...p, shift: p.shift + delta })),
    headingCount: doc.headingCount,
    findings: doc.findings.filter((f) => f.phase !== 0).map((f) => shifted(f, delta)),
    blocks: movedBlocks(doc.blocks, 0, 0, delta, undefined, 0),
    from: 0, to: 0, removed: [], added: [],
  };
}

/**
 * The new body: the old rows (headings, findings, blocks) before `from`, the stretch's new ones
 * (offsets relative to `from`), the old ones from `to` on moved by `delta`.
 */
function splice(doc: NotesDocument, from: number, to: number, delta: number, scan: ReturnType<typeof scanBody>): Splice {
  const base = scan.base;
  const firstRow = doc.firstAnnotationAtOrAfter(from);
  const afterRow = doc.firstAnnotationAtOrAfter(to);
  const annotations = splicePieces(doc.annotationPieces, firstRow, afterRow, base.rowCount
    ? { base, from: 0, to: base.rowCount, first: firstRow, shift: from } : undefined, base.rowCount, delta);
  const firstRef = doc.firstReferenceAtOrAfter(from);
  const afterRef = doc.firstReferenceAtOrAfter(to);
  const references = splicePieces(doc.referencePieces, firstRef, afterRef, base.referenceCount
    ? { base, from: 0, to: base.referenceCount, first: firstRef, shift: from } : undefined, base.referenceCount, delta);

  const firstHeading = firstHeadingAtOrAfter(doc, from);
  const afterHeading = firstHeadingAtOrAfter(doc, to);
  const headingCount = base.headings.length;
  const headings = splicePieces(doc.headingPieces, firstHeading, afterHeading, headingCount
    ? { base, from: 0, to: headingCount, first: firstHeading, shift: from } : undefined, headingCount, delta);

  const findings: Finding[] = [];
  for (const f of doc.findings) if (f.phase !== 0 && f.start < from) findings.push(f);
  for (const f of scan.findings) findings.push(shifted(f, from));
  for (const f of doc.findings) if (f.phase !== 0 && f.start >= to) findings.push(shifted(f, delta));

  // The carriers of ids the stretch held (old rows and headings) and holds (the new base's).
  const removed: Carrier[] = [];
  for (const p of doc.annotationPieces) {
    const end = p.first + p.to - p.from;
    for (let row = Math.max(p.first, firstRow); row < Math.min(end, afterRow); row++) {
      const r = row - p.first + p.from;
      if (p.base.rows[r * A_STRIDE + A_ID] >= 0) removed.push({ base: p.base, row: r });
    }
  }
  for (const p of doc.headingPieces) {
    const end = p.first + p.to - p.from;
    for (let h = Math.max(p.first, firstHeading); h < Math.min(end, afterHeading); h++) {
      const i = h - p.first + p.from;
      if (p.base.headings[i].id) removed.push({ base: p.base, row: -1 - i });
    }
  }
  // In document order: a heading before a span that starts where it does.
  const added: Carrier[] = [];
  let h = 0;
  for (let r = 0; r <= base.rowCount; r++) {
    const start = r < base.rowCount ? base.rows[r * A_STRIDE + A_START] : Number.POSITIVE_INFINITY;
    for (; h < headingCount && base.headings[h].start <= start; h++) if (base.headings[h].id) added.push({ base, row: -1 - h });
    if (r < base.rowCount && base.rows[r * A_STRIDE + A_ID] >= 0) added.push({ base, row: r });
  }
  return {
    annotationPieces: annotations, annotationCount: doc.annotationCount - (afterRow - firstRow) + base.rowCount,
    referencePieces: references, referenceCount: doc.referenceCount - (afterRef - firstRef) + base.referenceCount,
    headingPieces: headings, headingCount: doc.headingCount - (afterHeading - firstHeading) + headingCount,
    findings, blocks: movedBlocks(doc.blocks, from, to, delta, scan.blocks, from), from, to, removed, added,
  };
}

/**
 * Model rows [0, firstRow) kept, [firstRow, afterRow) replaced by `middle` (`count` rows), the
 * rest kept and moved: pieces are cut where needed, never copied.
 */
function splicePieces(pieces: readonly Piece[], firstRow: number, afterRow: number, middle: Piece | undefined, count: number, delta: number): Piece[] {
  const out: Piece[] = [];
  const moved = count - (afterRow - firstRow);
  for (const p of pieces) {
    const end = p.first + p.to - p.from;
    if (p.first < firstRow) {
      const keep = Math.min(end, firstRow) - p.first;
      out.push(keep === p.to - p.from ? p : { base: p.base, from: p.from, to: p.from + keep, first: p.first, shift: p.shift });
    }
  }
  if (middle) out.push(middle);
  for (const p of pieces) {
    const end = p.first + p.to - p.from;
    if (end > afterRow) {
      const skip = Math.max(0, afterRow - p.first);
      out.push({ base: p.base, from: p.from + skip, to: p.to, first: p.first + skip + moved, shift: p.shift + delta });
    }
  }
  return out;
}

/** Index of the first heading of `doc` starting at or after `offset` (headingCount when none), by its pieces. */
function firstHeadingAtOrAfter(doc: NotesDocument, offset: number): number {
  for (const p of doc.headingPieces) {
    const headings = p.base.headings;
    if (headings[p.to - 1].start + p.shift < offset) continue;
    let lo = p.from;
    let hi = p.to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (headings[mid].start + p.shift < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - p.from + p.first;
  }
  return doc.headingCount;
}

/** The old blocks before `from`, the stretch's (relative to `at`), the old ones from `to` on moved by `delta`. */
function movedBlocks(old: BlockNotes, from: number, to: number, delta: number, middle: BlockNotes | undefined, at: number): BlockNotes {
  const skipped: number[] = [];
  const openFences: number[] = [];
  const openComments: number[] = [];
  for (let i = 0; i < old.skipped.length; i += 2) if (old.skipped[i] < from) skipped.push(old.skipped[i], old.skipped[i + 1]);
  for (let i = 0; i < old.openFences.length; i += 3) if (old.openFences[i] < from) openFences.push(old.openFences[i], old.openFences[i + 1], old.openFences[i + 2]);
  for (const c of old.openComments) if (c < from) openComments.push(c);
  if (middle) {
    for (let i = 0; i < middle.skipped.length; i += 2) skipped.push(middle.skipped[i] + at, middle.skipped[i + 1] + at);
    for (let i = 0; i < middle.openFences.length; i += 3) openFences.push(middle.openFences[i] + at, middle.openFences[i + 1], middle.openFences[i + 2]);
    for (const c of middle.openComments) openComments.push(c + at);
  }
  for (let i = 0; i < old.skipped.length; i += 2) if (old.skipped[i] >= to) skipped.push(old.skipped[i] + delta, old.skipped[i + 1] + delta);
  for (let i = 0; i < old.openFences.length; i += 3) if (old.openFences[i] >= to) openFences.push(old.openFences[i] + delta, old.openFences[i + 1], old.openFences[i + 2]);
  for (const c of old.openComments) if (c >= to) openComments.push(c + delta);
  return { skipped, openFences, openComments };
}
