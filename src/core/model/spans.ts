/**
 * The inline scanner: finds `[…]{…}` bracketed spans, `[text](#id)` references, and the places
 * where nothing is recognised (code spans, inline HTML comments, backslash escapes) in one
 * paragraph at a time. One forward pass that jumps from one character that matters to the next
 * with memoised indexOf; brackets match with an explicit stack (no recursion,
 * so 10k-deep nesting is fine); every "find the closer" question goes through a forward-only memo
 * so unclosed openers cost linear time in total.
 */
import { AttributeScanner } from './attributes';
import { isAsciiPunctuation } from '../text';
import type { TokenBlock, UnclosedAttributeBlock } from './attributes';
import { NextIndex } from '../text';
import { CharCode } from '../text';

/**
 * What the scanner found, handed over as it goes (the parser turns them into the model). Spans
 * and references come out as their `]` is reached, so a nested one comes before its parent: each
 * call says how many spans (references) the sink had when its `[` was seen, which tells the sink
 * how many it holds inside it; `paragraphEnd` lets it put the paragraph's spans in document order.
 */
export interface InlineSink {
  /** Spans handed over so far (read when a `[` is seen). */
  readonly spanCount: number;
  /** References handed over so far. */
  readonly referenceCount: number;
  /** `[` at `open`, `]` at `close`, then a closed attribute block; `spansBefore` = spanCount at the `[`. */
  span(open: number, close: number, block: TokenBlock, spansBefore: number): void;
  /** `[` at `open`, `]` at `close`, `(#` then the id in [idStart, idEnd), then `)`. */
  reference(open: number, close: number, idStart: number, idEnd: number, referencesBefore: number): void;
  /** `[` … `]{` whose `}` never comes within the paragraph. */
  unclosedAttributes(open: number, close: number, block: UnclosedAttributeBlock): void;
  /** `[` never closed, followed in the paragraph by an attribute block that has no `]` before it. */
  unclosedSpan(open: number, block: TokenBlock): void;
  /** The end of one `scan` (a paragraph, list item or heading text). */
  paragraphEnd(): void;
}


/**
 * What can start something: outside brackets a span or link, code, an escape, a comment (the
 * first OUTSIDE of these); inside them also a `]` and a `{`.
 */
const OPENERS = ['[', '`', '\\', '<', ']', '{'];
const OUTSIDE = 4;

/** Characters that can start something; every other character is skipped by the hot loop. */
const SPECIAL = new Uint8Array(128);
for (const c of [CharCode.BACKSLASH, CharCode.BACKTICK, CharCode.LT, CharCode.OPEN_BRACKET, CharCode.CLOSE_BRACKET, CharCode.OPEN_BRACE]) SPECIAL[c] = 1;

/** Scans paragraphs of one document. */
export class InlineScanner {
  private readonly backticks: NextIndex;
  private readonly commentClose: NextIndex;
  /** Next offset of each of OPENERS (-1: none after, -2: not searched yet); see nextInteresting. */
  private readonly nextOpener = [-2, -2, -2, -2, -2, -2];
  /** Offsets of the open `[`s; `depth` of them count (the array is reused, never shrunk). */
  private readonly stack: number[] = [];
  /** The sink's span and reference counts when each open `[` was seen. */
  private readonly spansAt: number[] = [];
  private readonly referencesAt: number[] = [];
  private depth = 0;
  /** Per paragraph: the last position of each backtick run length, once a failed search went to the end. */
  private runEnds = new Map<number, number>();
  private runsScanned = false;

  constructor(
    private readonly text: string,
    private readonly attributes: AttributeScanner,
    private readonly sink: InlineSink,
  ) {
    this.backticks = new NextIndex(text, '`');
    this.commentClose = new NextIndex(text, '-->');
  }

  /** Scans [start, end): one paragraph, heading text or list item. */
  scan(start: number, end: number): void {
    const text = this.text;
    const stack = this.stack;
    this.depth = 0;
    if (this.runsScanned) {
      this.runEnds = new Map();
      this.runsScanned = false;
    }
    let i = start;
    while (i < end) {
      // Jump to the next character that can matter with native indexOf (memoised) instead of
      // looking at every character: outside brackets `[`, code, comments and escapes; inside
      // them `]` and `{` too.
      i = this.nextInteresting(i, this.depth > 0 ? OPENERS.length : OUTSIDE);
      if (i >= end) break;
      const c = text.charCodeAt(i);
      if (c >= 128 || SPECIAL[c] === 0) {
        i++;
        continue;
      }
      switch (c) {
        case CharCode.BACKSLASH:
          i += i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1)) ? 2 : 1;
          break;
        case CharCode.BACKTICK:
          i = this.codeSpan(i, end);
          break;
        case CharCode.LT:
          i = this.comment(i, end);
          break;
        case CharCode.OPEN_BRACKET:
          this.spansAt[this.depth] = this.sink.spanCount;
          this.referencesAt[this.depth] = this.sink.referenceCount;
          stack[this.depth++] = i;
          i++;
          break;
        case CharCode.CLOSE_BRACKET:
          i = this.depth > 0 ? this.closeBracket(stack[--this.depth], i, end, this.depth) : i + 1;
          break;
        default: // CharCode.OPEN_BRACE
          i = this.danglingBlock(i, end);
      }
    }
    this.sink.paragraphEnd();
  }

  /**
   * The first of OPENERS[0, count) at or after `from` (text.length when none). Each character's
   * next position is kept until the scan passes it (scans only move forward), so the text is
   * searched about once per character.
   */
  private nextInteresting(from: number, count: number): number {
    const text = this.text;
    const next = this.nextOpener;
    let best = text.length;
    for (let k = 0; k < count; k++) {
      let at = next[k];
      if (at < from && at !== -1) next[k] = at = text.indexOf(OPENERS[k], from);
      if (at >= 0 && at < best) best = at;
    }
    return best;
  }

  /** After `]` at `close` matched `[` at `open`: a span, a reference, or plain brackets. */
  private closeBracket(open: number, close: number, end: number, level: number): number {
    const text = this.text;
    const next = close + 1 < end ? text.charCodeAt(close + 1) : -1;
    if (next === CharCode.OPEN_BRACE) {
      const block = this.attributes.scanTokens(close + 1, end);
      if (block.closed) {
        this.sink.span(open, close, block, this.spansAt[level]);
        return block.end;
      }
      this.sink.unclosedAttributes(open, close, block);
      return close + 2;
    }
    if (next === CharCode.OPEN_PAREN && close + 2 < end && text.charCodeAt(close + 2) === CharCode.HASH) {
      let k = close + 3;
      while (k < end) {
        const d = text.charCodeAt(k);
        if (d === CharCode.CLOSE_PAREN || d === 32 || d === 9 || d === 10 || d === 13) break;
        k++;
      }
      if (k < end && text.charCodeAt(k) === CharCode.CLOSE_PAREN && k > close + 3) {
        this.sink.reference(open, close, close + 3, k, this.referencesAt[level]);
        return k + 1;
      }
    }
    return close + 1;
  }

  /** `{.kind …}` or `{#id …}` with no `]` before it while a `[` is open: a span missing its `]`. */
  private danglingBlock(brace: number, end: number): number {
    if (this.depth === 0 || brace + 1 >= end) return brace + 1;
    const next = this.text.charCodeAt(brace + 1);
    if (next !== CharCode.DOT && next !== CharCode.HASH) return brace + 1;
    // `\]{…}` or a stray `]{…}`: the writer escaped or misplaced the `]` on purpose; not a missing one.
    if (this.text.charCodeAt(brace - 1) === CharCode.CLOSE_BRACKET) return brace + 1;
    const block = this.attributes.scanTokens(brace, end);
    if (!block.closed) return brace + 1;
    this.sink.unclosedSpan(this.stack[--this.depth], block);
    return block.end;
  }

  /** A run of backticks at `i`: skip the whole code span when a closing run of the same length exists. */
  private codeSpan(i: number, end: number): number {
    const text = this.text;
    let n = 1;
    while (i + n < end && text.charCodeAt(i + n) === CharCode.BACKTICK) n++;
    const after = i + n;
    if (this.runsScanned && (this.runEnds.get(n) ?? -1) < after) return after;
    let j = after;
    for (;;) {
      j = this.backticks.find(j);
      if (j < 0 || j >= end) break;
      let m = 1;
      while (j + m < end && text.charCodeAt(j + m) === CharCode.BACKTICK) m++;
      if (m === n) return j + m;
      this.runEnds.set(m, j);
      j += m;
    }
    // No closer: every run after here is now known, so later openers decide at once.
    this.runsScanned = true;
    return after;
  }

  /** `<!--` … `-->` inside a paragraph is skipped whole; an unclosed one is plain text. */
  private comment(i: number, end: number): number {
    const text = this.text;
    if (text.charCodeAt(i + 1) !== 33 || text.charCodeAt(i + 2) !== 45 || text.charCodeAt(i + 3) !== 45) return i + 1;
    const close = this.commentClose.find(i + 4);
    if (close < 0 || close + 3 > end) return i + 4;
    return close + 3;
  }
}
