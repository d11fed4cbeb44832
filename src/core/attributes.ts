import { NextIndex } from './nextIndex';

/**
 * Pandoc attribute blocks: `{#id .class key=value key="quoted \" value" key='single'}`.
 *
 * Written as a character scanner over the document text (no slicing of the block first) so that a
 * file full of `]{` that never close still parses in linear time: every "find the end of this
 * value" question goes through `AttributeScanner`'s forward-only caches, so no stretch of text is
 * rescanned by the next attempt.
 */

/** One token the block could not read (the block still counts, Pandoc would not accept it). */
export interface AttributeProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** A closed attribute block, as `read` returns it (a fresh object the caller may keep). */
export interface AttributeBlock {
  readonly closed: true;
  /** Offset of `{`. */
  readonly start: number;
  /** Offset just after `}`. */
  readonly end: number;
  readonly id: string | undefined;
  readonly idStart: number;
  readonly classes: string[];
  /** `key=value` pairs in order, quotes removed and escapes resolved. */
  readonly attributes: [string, string][];
  /** Undefined when every token was well formed. */
  readonly problems: readonly AttributeProblem[] | undefined;
}

/** A closed attribute block as the parser's hot path sees it: reused by the next `scan`. */
export interface ScannedBlock {
  readonly closed: true;
  /** Offset of `{`. */
  readonly start: number;
  /** Offset just after `}`. */
  readonly end: number;
  readonly id: string | undefined;
  readonly idStart: number;
  /** Reused buffer: only the first `classCount` entries belong to this block. */
  readonly classes: readonly string[];
  readonly classCount: number;
  /** Reused buffer, flat key, value, key, value …: only the first `attributeCount` entries count. */
  readonly attributes: readonly string[];
  readonly attributeCount: number;
  /** Undefined when every token was well formed. */
  readonly problems: readonly AttributeProblem[] | undefined;
}

interface MutableBlock {
  closed: true;
  start: number;
  end: number;
  id: string | undefined;
  idStart: number;
  classes: string[];
  classCount: number;
  attributes: string[];
  attributeCount: number;
  problems: AttributeProblem[] | undefined;
}

/** An attribute block that never reached its `}` within the paragraph. */
export interface UnclosedAttributeBlock {
  readonly closed: false;
  readonly start: number;
  /** Where a `}` would close the well-formed part (just after its last good token). */
  readonly insertAt: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const DOT = 46;
const DASH = 45;
const EQUALS = 61;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/** Letters start a Pandoc identifier; anything outside ASCII counts as a letter (Cyrillic ids). */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 128;
}

/** ASCII name characters as a table: this test runs on every character of every attribute block. */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CHAR[c] = isNameStart(c) || (c >= 48 && c <= 57) || c === DASH || c === 95 || c === 58 || c === DOT ? 1 : 0;

function isNameChar(c: number): boolean {
  return c >= 128 || NAME_CHAR[c] === 1;
}

/** After a token it cannot read, a block may hold this many more before `}`, else it counts as unclosed. */
const MAX_TOKENS_AFTER_BAD = 8;

/** Reads attribute blocks of one document; keeps forward-only caches so scanning stays linear. */
export class AttributeScanner {
  private stopFrom = Number.MAX_SAFE_INTEGER;
  private stopAt = -1;
  private readonly quoteFrom = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  private readonly quoteAt = [-1, -1];

  private readonly nextBrace: NextIndex;
  private readonly backslash: NextIndex;
  private readonly lineFeed: NextIndex;
  private readonly carriageReturn: NextIndex;

  constructor(private readonly text: string) {
    this.nextBrace = new NextIndex(text, '}');
    this.backslash = new NextIndex(text, '\\');
    this.lineFeed = new NextIndex(text, '\n');
    this.carriageReturn = new NextIndex(text, '\r');
  }

  /** First offset ≥ from holding whitespace or `}` (where an unquoted value ends), or text.length. */
  private nextStop(from: number): number {
    if (from >= this.stopFrom && from <= this.stopAt) return this.stopAt;
    const text = this.text;
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE || isSpace(c)) break;
      if (c === BACKSLASH) i++;
    }
    if (i > text.length) i = text.length;
    this.stopFrom = from;
    this.stopAt = i;
    return i;
  }

  /** First quote char `q` at or after `from` that no backslash escapes, or -1. */
  private nextQuote(q: number, from: number): number {
    const slot = q === DQUOTE ? 0 : 1;
    const cachedAt = this.quoteAt[slot];
    if (from >= this.quoteFrom[slot] && (cachedAt < 0 ? true : from <= cachedAt)) return cachedAt;
    const text = this.text;
    const ch = q === DQUOTE ? '"' : "'";
    let i = text.indexOf(ch, from);
    while (i >= 0) {
      let k = i - 1;
      while (k >= from && text.charCodeAt(k) === BACKSLASH) k--;
      if ((i - 1 - k) % 2 === 0) break;
      i = text.indexOf(ch, i + 1);
    }
    this.quoteFrom[slot] = from;
    this.quoteAt[slot] = i;
    return i;
  }

  /** The result of the last `read`, reused so a span costs no allocation here (valid until the next read). */
  private readonly block: MutableBlock = {
    closed: true, start: 0, end: 0, id: undefined, idStart: -1, classes: [], classCount: 0, attributes: [], attributeCount: 0, problems: undefined,
  };
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
  private firstBad = -1;

  /**
   * Reads the block whose `{` is at `open`, not looking at or past `limit` (the paragraph's end).
   * Returns the block, or an unclosed marker when no `}` comes before `limit`.
   */
  read(open: number, limit: number): AttributeBlock | UnclosedAttributeBlock {
    const b = this.scan(open, limit);
    if (!b.closed) return b;
    const attributes: [string, string][] = [];
    for (let i = 0; i < b.attributeCount; i += 2) attributes.push([b.attributes[i], b.attributes[i + 1]]);
    return { closed: true, start: b.start, end: b.end, id: b.id, idStart: b.idStart, classes: b.classes.slice(0, b.classCount), attributes, problems: b.problems };
  }

  /**
   * As `read`, without allocating: the returned closed block is reused by the next call (copy
   * what you keep) and holds its attributes flat.
   */
  scan(open: number, limit: number): ScannedBlock | UnclosedAttributeBlock {
    const text = this.text;
    // No `}` before the paragraph ends: unclosed, decided without reading the tokens (keeps
    // 100k `]{` in one paragraph linear).
    const brace = this.nextBrace.find(open + 1);
    if (brace < 0 || brace >= limit) return { closed: false, start: open, insertAt: goodPrefixEnd(text, open + 1, limit) };
    const block = this.block;
    block.start = open;
    block.id = undefined;
    block.idStart = -1;
    // Buffers are overwritten, not cleared: setting `length = 0` is a slow runtime call in V8.
    block.classCount = 0;
    block.attributeCount = 0;
    block.problems = undefined;
    this.firstBad = -1;
    let pos = open + 1;
    let tokensAfterBad = 0;
    let lastGood = pos;
    for (;;) {
      while (pos < limit && isSpace(text.charCodeAt(pos))) {
        // After a token it could not read, a line break means prose after a forgotten `}`.
        if (this.firstBad >= 0 && (text.charCodeAt(pos) === LF || text.charCodeAt(pos) === CR)) return { closed: false, start: open, insertAt: lastGood };
        pos++;
      }
      if (pos >= limit) return { closed: false, start: open, insertAt: lastGood };
      if (this.firstBad >= 0 && ++tokensAfterBad > MAX_TOKENS_AFTER_BAD) return { closed: false, start: open, insertAt: lastGood };
      const c = text.charCodeAt(pos);
      if (c === CLOSE_BRACE) {
        block.end = pos + 1;
        return block;
      }
      const tokenStart = pos;
      if (c === HASH || c === DOT) {
        let k = pos + 1;
        while (k < limit && isNameChar(text.charCodeAt(k))) k++;
        const after = k < limit ? text.charCodeAt(k) : -1;
        if (after !== -1 && after !== CLOSE_BRACE && !isSpace(after)) {
          pos = this.skipBad(k, limit);
          const token = text.slice(tokenStart, pos);
          this.problem(tokenStart, pos, `“${token}” is not a valid ${c === HASH ? 'id' : 'class'}: use letters, digits, - _ : .`, { token });
          continue;
        }
        if (k === pos + 1 || !isNameStart(text.charCodeAt(pos + 1))) {
          const token = text.slice(tokenStart, k);
          this.problem(tokenStart, k, k === pos + 1 ? `“${token}” needs a name after it` : `“${token}” must start with a letter`, { token });
        }
        if (c === HASH) {
          if (block.id !== undefined) this.problem(tokenStart, k, `a second id “${text.slice(tokenStart, k)}”: Pandoc keeps only the last`, { token: text.slice(tokenStart, k) });
          block.id = text.slice(pos + 1, k);
          block.idStart = pos + 1;
        } else if (k > pos + 1) {
          this.addClass(this.short(pos + 1, k));
        }
        pos = k;
        if (this.firstBad < 0) lastGood = pos;
        continue;
      }
      if (c === DASH && (pos + 1 >= limit || isSpace(text.charCodeAt(pos + 1)) || text.charCodeAt(pos + 1) === CLOSE_BRACE)) {
        // Pandoc's shorthand for `.unnumbered`.
        this.addClass('unnumbered');
        pos++;
        if (this.firstBad < 0) lastGood = pos;
        continue;
      }
      if (isNameStart(c)) {
        let k = pos + 1;
        while (k < limit && isNameChar(text.charCodeAt(k))) k++;
        if (k < limit && text.charCodeAt(k) === EQUALS) {
          const key = this.short(pos, k);
          const valueStart = k + 1;
          const q = valueStart < limit ? text.charCodeAt(valueStart) : -1;
          if (q === DQUOTE || q === SQUOTE) {
            const close = this.nextQuote(q, valueStart + 1);
            if (close < 0 || close >= limit) {
              return { closed: false, start: open, insertAt: lastGood };
            }
            this.addAttribute(key, this.value(valueStart + 1, close));
            pos = close + 1;
          } else {
            const end = this.nextStop(valueStart);
            const stop = end > limit ? limit : end;
            this.addAttribute(key, this.value(valueStart, stop));
            pos = stop;
          }
          if (this.firstBad < 0) lastGood = pos;
          continue;
        }
        const after = k < limit ? text.charCodeAt(k) : -1;
        if (after === -1 || after === CLOSE_BRACE || isSpace(after)) {
          const word = text.slice(pos, k);
          this.problem(tokenStart, k, `“${word}” is neither #id, .class nor key=value`, { token: word, suggestion: `.${word}` });
          pos = k;
          continue;
        }
      }
      pos = this.skipBad(pos, limit);
      if (pos === tokenStart) pos++;
      const token = text.slice(tokenStart, pos);
      this.problem(tokenStart, pos, `“${token}” is neither #id, .class nor key=value`, { token });
    }
  }

  private addClass(name: string): void {
    const block = this.block;
    block.classes[block.classCount++] = name;
  }

  private addAttribute(key: string, value: string): void {
    const block = this.block;
    block.attributes[block.attributeCount++] = key;
    block.attributes[block.attributeCount++] = value;
  }

  /**
   * text.slice(start, end) for short names and values, reusing the string from the last time the
   * same characters were seen (keys, kinds, `finance`, `proposed` repeat on every span): saves
   * both the garbage and the retained copies.
   */
  private short(start: number, end: number): string {
    const length = end - start;
    if (length > 24 || length === 0) return this.text.slice(start, end);
    const slot = (length * 31 + this.text.charCodeAt(start) * 7 + this.text.charCodeAt(end - 1)) & 1023;
    const known = this.recent[slot];
    if (known !== undefined && known.length === length && sameChars(this.text, start, known)) return known;
    const fresh = this.text.slice(start, end);
    this.recent[slot] = fresh;
    return fresh;
  }

  private value(start: number, end: number): string {
    // Memoised look-ups instead of a character loop: most values hold no escape and no line break.
    const b = this.backslash.find(start);
    const n = this.lineFeed.find(start);
    const r = this.carriageReturn.find(start);
    if ((b >= 0 && b < end) || (n >= 0 && n < end) || (r >= 0 && r < end)) return unescape(this.text, start, end);
    return this.short(start, end);
  }

  private problem(start: number, end: number, message: string, data?: Record<string, string | number>): void {
    (this.block.problems ??= []).push({ start, end, message, data });
    if (this.firstBad < 0) this.firstBad = start;
  }

  private skipBad(from: number, limit: number): number {
    const stop = this.nextStop(from);
    return stop > limit ? limit : stop;
  }
}

/** `text.startsWith(known, start)` as a plain loop: cheaper than the builtin for these short strings. */
function sameChars(text: string, start: number, known: string): boolean {
  for (let i = 0; i < known.length; i++) if (text.charCodeAt(start + i) !== known.charCodeAt(i)) return false;
  return true;
}

/**
 * Where a `}` would close a block that never closes: after its leading run of `#id`, `.class` and
 * `key=value` tokens (a bare word is where the prose starts). Looks at a bounded stretch only.
 */
function goodPrefixEnd(text: string, from: number, limit: number): number {
  const stop = Math.min(limit, from + 256);
  let good = from;
  let i = from;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    if (c === LF || c === CR) break;
    const tokenStart = i;
    let hasEquals = false;
    while (i < stop && !isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === EQUALS) hasEquals = true;
      i++;
    }
    const first = text.charCodeAt(tokenStart);
    if (first === HASH || first === DOT || hasEquals) good = i;
    else break;
  }
  return good;
}

/** The value as Pandoc reads it: backslash escapes resolved, a line break inside quotes read as a space. */
function unescape(text: string, start: number, end: number): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH || c === LF || c === CR) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      out += text[i + 1];
      i++;
    } else if (c === CR) {
      out += ' ';
      if (text.charCodeAt(i + 1) === LF) i++;
    } else if (c === LF) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** CommonMark's escapable characters. */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
