/**
 * The block scanner: one pass over the lines after the front matter. It finds headings (ATX and
 * setext, with a trailing `{#id}` block), skips the regions where nothing is recognised (fenced
 * and indented code, HTML comment blocks), and hands every paragraph, list item and heading text
 * to the inline scanner. CommonMark's block rules, reduced to what notes need.
 */
import type { AttributeScanner } from './attributes';
import { FenceCloser } from './fences';
import { own } from '../text';
import { NextIndex } from '../text';
import type { InlineScanner } from './spans';
import { CharCode } from '../text';

/** A heading as found; the parser turns these into sections. */
export interface HeadingRecord {
  readonly level: number;
  /** Start of the heading's first line. */
  readonly start: number;
  /** End of its last line (before the line break). */
  readonly end: number;
  /** The title text, without markers and attribute block (may span lines for setext). */
  readonly titleStart: number;
  readonly titleEnd: number;
  /** `{#id}` at the end of the heading. */
  readonly id: string | undefined;
  /** Offset of the id's first character, -1 when none. */
  readonly idAt: number;
}


/**
 * Where the block scan met code and comments, for an edit to know how far its effects can reach
 * (model/edit.ts): closed blocks, and openers that stayed plain text because nothing closes them.
 */
export interface BlockNotes {
  /** Fenced code blocks and HTML comment blocks, [start, end) pairs in document order. */
  readonly skipped: number[];
  /** Fence openers with no closing line after them: line start, fence character, run length. */
  readonly openFences: number[];
  /** `<!--` starting a block with no `-->` after it. */
  readonly openComments: number[];
}

/**
 * Scans the body [from, to) — `to` the end of the text, or the end of a blank line — and returns
 * its headings in document order. Fences close only before `to`; a comment block may run past it
 * (the caller of a partial scan checks `notes`).
 */
export function scanBlocks(text: string, from: number, inline: InlineScanner, attributes: AttributeScanner, to = text.length, notes?: BlockNotes): HeadingRecord[] {
  const headings: HeadingRecord[] = [];
  const length = to;
  let paraStart = -1;
  let paraEnd = -1;
  let fenceChar = 0;
  let fenceLength = 0;
  let fenceStart = 0;
  const commentClose = new NextIndex(text, '-->');
  const fences = new FenceCloser(text, from, to);

  const flush = (): void => {
    if (paraStart >= 0) inline.scan(paraStart, paraEnd);
    paraStart = -1;
  };

  let s = from;
  while (s < length) {
    let next = text.indexOf('\n', s);
    let e: number;
    if (next < 0 || next >= length) {
      e = length;
      next = length;
    } else {
      e = next;
      next++;
    }
    if (e > s && text.charCodeAt(e - 1) === CharCode.CR) e--;
    const lineStart = s;
    s = next;

    if (fenceChar !== 0) {
      if (closesFence(text, lineStart, e, fenceChar, fenceLength)) {
        fenceChar = 0;
        notes?.skipped.push(fenceStart, next);
      }
      continue;
    }
    // Indentation in columns (a tab runs to the next multiple of 4).
    let f = lineStart;
    let column = 0;
    while (f < e) {
      const c = text.charCodeAt(f);
      if (c === CharCode.SPACE) column++;
      else if (c === CharCode.TAB) column += 4 - (column % 4);
      else break;
      f++;
    }
    if (f === e) {
      flush();
      continue;
    }
    if (column >= 4) {
      // Indented code, unless it continues a paragraph (CommonMark's lazy continuation).
      if (paraStart >= 0) paraEnd = e;
      continue;
    }
    const c = text.charCodeAt(f);
    if (c === 35 /* # */) {
      const heading = atxHeading(text, lineStart, f, e, attributes);
      if (heading) {
        flush();
        headings.push(heading);
        if (heading.titleEnd > heading.titleStart) inline.scan(heading.titleStart, heading.titleEnd);
        continue;
      }
    } else if (c === 96 /* ` */ || c === 126 /* ~ */) {
      let n = 0;
      while (f + n < e && text.charCodeAt(f + n) === c) n++;
      if (n >= 3 && (c === 126 || indexIn(text, '`', f + n, e) < 0)) {
        if (fences.closes(c, n, lineStart)) {
          flush();
          fenceChar = c;
          fenceLength = n;
          fenceStart = lineStart;
          continue;
        }
        notes?.openFences.push(lineStart, c, n);
      }
    } else if (c === 60 /* < */ && paraStart < 0 && text.startsWith('<!--', f)) {
      // An HTML comment block, as Pandoc reads it: only when it closes, ending right after `-->`
      // (text after it on that line is read again). Inside a paragraph it is an inline comment.
      const close = commentClose.find(f + 4);
      if (close >= 0) {
        s = close + 3;
        notes?.skipped.push(f, s);
        continue;
      }
      notes?.openComments.push(f);
    } else if ((c === 61 /* = */ || c === 45 /* - */) && isUnderline(text, f, e, c)) {
      if (paraStart >= 0) {
        const heading = setextHeading(text, paraStart, paraEnd, e, c === 61 ? 1 : 2, attributes);
        paraStart = -1;
        headings.push(heading);
        if (heading.titleEnd > heading.titleStart) inline.scan(heading.titleStart, heading.titleEnd);
        continue;
      }
      if (c === 45) continue; // a thematic break
    } else if (c === 62 /* > */ && isBlankAfterQuote(text, f, e)) {
      flush(); // an empty quoted line ends the quoted paragraph
      continue;
    } else if (startsListItem(text, f, e, c)) {
      flush(); // each list item is its own paragraph, as Pandoc sees it
    }
    if (paraStart < 0) paraStart = lineStart;
    paraEnd = e;
  }
  flush();
  return headings;
}

/** `text.indexOf(needle, from)` limited to [from, to): never searches past the line. */
function indexIn(text: string, needle: string, from: number, to: number): number {
  const first = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return i;
  }
  return -1;
}

function closesFence(text: string, s: number, e: number, ch: number, length: number): boolean {
  let f = s;
  while (f < e && f - s < 4 && text.charCodeAt(f) === CharCode.SPACE) f++;
  if (f - s > 3) return false;
  let n = 0;
  while (f + n < e && text.charCodeAt(f + n) === ch) n++;
  if (n < length) return false;
  for (let k = f + n; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== CharCode.SPACE && c !== CharCode.TAB) return false;
  }
  return true;
}

function isUnderline(text: string, f: number, e: number, ch: number): boolean {
  let k = f;
  while (k < e && text.charCodeAt(k) === ch) k++;
  // `-` alone could be an empty list item; CommonMark accepts one `-` under a paragraph, we need two.
  if (k - f < (ch === 45 ? 2 : 1)) return false;
  for (; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== CharCode.SPACE && c !== CharCode.TAB) return false;
  }
  return true;
}

function isBlankAfterQuote(text: string, f: number, e: number): boolean {
  for (let k = f + 1; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== CharCode.SPACE && c !== CharCode.TAB && c !== 62) return false;
  }
  return true;
}

function startsListItem(text: string, f: number, e: number, c: number): boolean {
  if (c === 45 || c === 42 || c === 43) return spaceAt(text, f + 1, e);
  let k = f;
  while (k < e && k - f < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  if (k === f || k >= e) return false;
  const d = text.charCodeAt(k);
  return (d === 46 || d === 41) && spaceAt(text, k + 1, e);
}

/** A space or tab at `k`, or the line's end. */
function spaceAt(text: string, k: number, e: number): boolean {
  return k >= e || text.charCodeAt(k) === CharCode.SPACE || text.charCodeAt(k) === CharCode.TAB;
}

function atxHeading(text: string, lineStart: number, f: number, e: number, attributes: AttributeScanner): HeadingRecord | undefined {
  let level = 0;
  while (f + level < e && text.charCodeAt(f + level) === 35) level++;
  if (level > 6) return undefined;
  const after = f + level;
  if (after < e && text.charCodeAt(after) !== CharCode.SPACE && text.charCodeAt(after) !== CharCode.TAB) return undefined;
  let titleStart = after;
  while (titleStart < e && isBlank(text.charCodeAt(titleStart))) titleStart++;
  let titleEnd = trimEnd(text, titleStart, e);
  // An optional closing run of `#`, preceded by a space.
  let k = titleEnd;
  while (k > titleStart && text.charCodeAt(k - 1) === 35) k--;
  if (k < titleEnd && (k === titleStart || isBlank(text.charCodeAt(k - 1)))) titleEnd = trimEnd(text, titleStart, k);
  const split = trailingBlock(text, titleStart, titleEnd, attributes);
  return { level, start: lineStart, end: e, titleStart, titleEnd: split.titleEnd, id: split.id, idAt: split.idAt };
}

function setextHeading(text: string, paraStart: number, paraEnd: number, e: number, level: number, attributes: AttributeScanner): HeadingRecord {
  let titleStart = paraStart;
  while (titleStart < paraEnd && isBlank(text.charCodeAt(titleStart))) titleStart++;
  const titleEnd = trimEnd(text, titleStart, paraEnd);
  const split = trailingBlock(text, titleStart, titleEnd, attributes);
  return { level, start: paraStart, end: e, titleStart, titleEnd: split.titleEnd, id: split.id, idAt: split.idAt };
}

/** A `{…}` block that ends the heading text is the heading's attributes (Pandoc's `# Title {#id}`). */
function trailingBlock(text: string, titleStart: number, titleEnd: number, attributes: AttributeScanner): { titleEnd: number; id: string | undefined; idAt: number } {
  if (titleEnd <= titleStart || text.charCodeAt(titleEnd - 1) !== 125) return { titleEnd, id: undefined, idAt: -1 };
  let open = titleEnd - 2;
  while (open >= titleStart && text.charCodeAt(open) !== 123) open--;
  if (open < titleStart || (open > titleStart && text.charCodeAt(open - 1) === 92)) return { titleEnd, id: undefined, idAt: -1 };
  const block = attributes.scanTokens(open, titleEnd);
  if (!block.closed || block.end !== titleEnd || block.problems) return { titleEnd, id: undefined, idAt: -1 };
  return { titleEnd: trimEnd(text, titleStart, open), id: block.idStart < 0 ? undefined : own(text.slice(block.idStart, block.idEnd)), idAt: block.idStart };
}

function isBlank(c: number): boolean {
  return c === CharCode.SPACE || c === CharCode.TAB || c === CharCode.LF || c === CharCode.CR;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}
