/**
 * Pandoc attribute blocks: `{#id .class key=value key="quoted \" value" key='single'}`.
 *
 * Written as a character scanner over the document text (no slicing of the block first) so that a
 * file full of `]{` that never close still parses in linear time: every "find the end of this
 * value" question goes through `AttributeScanner`'s forward-only caches, so no stretch of text is
 * rescanned by the next attempt.
 */
import { Interner, NAME_CHARS as NAME_CHAR_TABLE, NAME_UNNUMBERED } from './interner';
import { CharCode, NextIndex, own, unescape } from '../text';

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

/** A closed attribute block with its names and values as strings: reused by the next `scan`. */
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

/**
 * A closed attribute block as the parser's hot path sees it: numbers only, no strings. Reused by
 * the next `scanTokens` (copy what you keep).
 */
export interface TokenBlock {
  readonly closed: true;
  /** Offset of `{`. */
  readonly start: number;
  /** Offset just after `}`. */
  readonly end: number;
  /** The last `#id`'s name is text[idStart, idEnd); idStart is -1 when the block has no id. */
  readonly idStart: number;
  readonly idEnd: number;
  /** Interned class names (see `AttributeScanner.names`): only the first `classCount` count. */
  readonly classIds: Int32Array;
  readonly classCount: number;
  /**
   * `key=value` pairs, ATTRIBUTE_STRIDE numbers each: interned key, value start, value end (the
   * value is text[start, end) with escapes still in it). Only the first `attributeCount` pairs count.
   */
  readonly attributes: Int32Array;
  readonly attributeCount: number;
  /** Undefined when every token was well formed. */
  readonly problems: readonly AttributeProblem[] | undefined;
}

/** Numbers per pair in `ScannedBlock.attributes` (and in the model's attribute table). */
export const ATTRIBUTE_STRIDE = 3;

interface MutableBlock {
  closed: true;
  start: number;
  end: number;
  idStart: number;
  idEnd: number;
  classIds: Int32Array;
  classCount: number;
  attributes: Int32Array;
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


function isSpace(c: number): boolean {
  return c === CharCode.SPACE || c === CharCode.TAB || c === CharCode.LF || c === CharCode.CR;
}

/** Letters start a Pandoc identifier; anything outside ASCII counts as a letter (Cyrillic ids). */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 128;
}

/** ASCII name characters as a table (model/interner.ts), read through a module-local name: tsc's CommonJS output reads an imported one as a property at every use. */
const NAME_CHARS = NAME_CHAR_TABLE;

/** The end of the name (id, class or key) starting at `from`: the first character that cannot be in one (at most `limit`). */
export function nameEnd(text: string, from: number, limit = text.length): number {
  let k = from;
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (c < 128 && NAME_CHARS[c] === 0) break;
    k++;
  }
  return k;
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
  /** The hash of the name `hashedNameEnd` read last: h = h * 31 + c over its characters, from 0. */
  private nameHash = 0;
  /** Class names and keys by number; the parser's model shares it. */
  readonly names: Interner;

  constructor(private readonly text: string, names?: Interner) {
    this.names = names ?? new Interner();
    this.nextBrace = new NextIndex(text, '}');
  }

  /** First offset ≥ from holding whitespace or `}` (where an unquoted value ends), or text.length. */
  private nextStop(from: number): number {
    if (from >= this.stopFrom && from <= this.stopAt) return this.stopAt;
    const text = this.text;
    let i = from;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === CharCode.CLOSE_BRACE || isSpace(c)) break;
      if (c === CharCode.BACKSLASH) i++;
    }
    if (i > text.length) i = text.length;
    this.stopFrom = from;
    this.stopAt = i;
    return i;
  }

  /** First quote char `q` at or after `from` that no backslash escapes, or -1. */
  private nextQuote(q: number, from: number): number {
    const slot = q === CharCode.DQUOTE ? 0 : 1;
    const cachedAt = this.quoteAt[slot];
    if (from >= this.quoteFrom[slot] && (cachedAt < 0 ? true : from <= cachedAt)) return cachedAt;
    const text = this.text;
    const ch = q === CharCode.DQUOTE ? '"' : "'";
    let i = text.indexOf(ch, from);
    while (i >= 0) {
      let k = i - 1;
      while (k >= from && text.charCodeAt(k) === CharCode.BACKSLASH) k--;
      if ((i - 1 - k) % 2 === 0) break;
      i = text.indexOf(ch, i + 1);
    }
    this.quoteFrom[slot] = from;
    this.quoteAt[slot] = i;
    return i;
  }

  /** The result of the last `scanTokens`, reused so a span costs no allocation here (valid until the next scan). */
  private readonly block: MutableBlock = {
    closed: true, start: 0, end: 0, idStart: -1, idEnd: -1, classIds: new Int32Array(8), classCount: 0,
    attributes: new Int32Array(8 * ATTRIBUTE_STRIDE), attributeCount: 0, problems: undefined,
  };
  private firstBad = -1;
  /** The result of the last `scan`, reused likewise. */
  private readonly strings: {
    closed: true; start: number; end: number; id: string | undefined; idStart: number; classes: string[]; classCount: number;
    attributes: string[]; attributeCount: number; problems: readonly AttributeProblem[] | undefined;
  } = { closed: true, start: 0, end: 0, id: undefined, idStart: -1, classes: [], classCount: 0, attributes: [], attributeCount: 0, problems: undefined };

  /**
   * Reads the block whose `{` is at `open`, not looking at or past `limit` (the paragraph's end).
   * Returns the block, or an unclosed marker when no `}` comes before `limit`.
   */
  read(open: number, limit: number): AttributeBlock | UnclosedAttributeBlock {
    const b = this.scanTokens(open, limit);
    if (!b.closed) return b;
    const names = this.names.names;
    const classes: string[] = [];
    for (let i = 0; i < b.classCount; i++) classes.push(names[b.classIds[i]]);
    const attributes: [string, string][] = [];
    for (let i = 0; i < b.attributeCount; i++) {
      const k = i * ATTRIBUTE_STRIDE;
      attributes.push([names[b.attributes[k]], unescape(this.text, b.attributes[k + 1], b.attributes[k + 2])]);
    }
    const id = b.idStart < 0 ? undefined : this.text.slice(b.idStart, b.idEnd);
    return { closed: true, start: b.start, end: b.end, id, idStart: b.idStart, classes, attributes, problems: b.problems };
  }

  /**
   * As `read`, the returned closed block reused by the next call (copy what you keep), its
   * attributes flat.
   */
  scan(open: number, limit: number): ScannedBlock | UnclosedAttributeBlock {
    const b = this.scanTokens(open, limit);
    if (!b.closed) return b;
    const names = this.names.names;
    const out = this.strings;
    for (let i = 0; i < b.classCount; i++) out.classes[i] = names[b.classIds[i]];
    for (let i = 0; i < b.attributeCount; i++) {
      const k = i * ATTRIBUTE_STRIDE;
      out.attributes[2 * i] = names[b.attributes[k]];
      out.attributes[2 * i + 1] = unescape(this.text, b.attributes[k + 1], b.attributes[k + 2]);
    }
    out.start = b.start;
    out.end = b.end;
    out.id = b.idStart < 0 ? undefined : this.text.slice(b.idStart, b.idEnd);
    out.idStart = b.idStart;
    out.classCount = b.classCount;
    out.attributeCount = 2 * b.attributeCount;
    out.problems = b.problems;
    return out;
  }

  /**
   * Reads the block as numbers (interned names, offsets), allocating nothing: the returned closed
   * block is reused by the next call (copy what you keep).
   */
  scanTokens(open: number, limit: number): TokenBlock | UnclosedAttributeBlock {
    const text = this.text;
    // No `}` before the paragraph ends: unclosed, decided without reading the tokens (keeps
    // 100k `]{` in one paragraph linear).
    const brace = this.nextBrace.find(open + 1);
    if (brace < 0 || brace >= limit) return { closed: false, start: open, insertAt: goodPrefixEnd(text, open + 1, limit) };
    const block = this.block;
    block.start = open;
    block.idStart = -1;
    block.idEnd = -1;
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
        if (this.firstBad >= 0 && (text.charCodeAt(pos) === CharCode.LF || text.charCodeAt(pos) === CharCode.CR)) return { closed: false, start: open, insertAt: lastGood };
        pos++;
      }
      if (pos >= limit) return { closed: false, start: open, insertAt: lastGood };
      if (this.firstBad >= 0 && ++tokensAfterBad > MAX_TOKENS_AFTER_BAD) return { closed: false, start: open, insertAt: lastGood };
      const c = text.charCodeAt(pos);
      if (c === CharCode.CLOSE_BRACE) {
        block.end = pos + 1;
        return block;
      }
      const tokenStart = pos;
      if (c === CharCode.HASH || c === CharCode.DOT) {
        let k = pos + 1;
        // A class is most often the one last met with the same first letter: compared in place.
        let known = c === CharCode.DOT ? this.names.knownAt(text, k, limit) : -1;
        if (known >= 0) k += this.names.names[known].length;
        else k = c === CharCode.HASH ? nameEnd(text, k, limit) : this.hashedNameEnd(k, limit);
        const after = k < limit ? text.charCodeAt(k) : -1;
        if (after !== -1 && after !== CharCode.CLOSE_BRACE && !isSpace(after)) {
          pos = this.skipBad(k, limit);
          const token = text.slice(tokenStart, pos);
          this.problem(tokenStart, pos, `“${token}” is not a valid ${c === CharCode.HASH ? 'id' : 'class'}: use letters, digits, - _ : .`, { token });
          continue;
        }
        if (k === pos + 1 || !isNameStart(text.charCodeAt(pos + 1))) {
          const token = text.slice(tokenStart, k);
          this.problem(tokenStart, k, k === pos + 1 ? `“${token}” needs a name after it` : `“${token}” must start with a letter`, { token });
        }
        if (c === CharCode.HASH) {
          if (block.idStart >= 0) this.problem(tokenStart, k, `a second id “${text.slice(tokenStart, k)}”: Pandoc keeps only the last`, { token: text.slice(tokenStart, k) });
          block.idStart = pos + 1;
          block.idEnd = k;
        } else if (k > pos + 1) {
          if (known < 0) known = this.names.noteFirst(this.names.idOfHashed(text, pos + 1, k, this.nameHash));
          this.addClass(known);
        }
        pos = k;
        if (this.firstBad < 0) lastGood = pos;
        continue;
      }
      if (c === CharCode.DASH && (pos + 1 >= limit || isSpace(text.charCodeAt(pos + 1)) || text.charCodeAt(pos + 1) === CharCode.CLOSE_BRACE)) {
        // Pandoc's shorthand for `.unnumbered`.
        this.addClass(NAME_UNNUMBERED);
        pos++;
        if (this.firstBad < 0) lastGood = pos;
        continue;
      }
      if (isNameStart(c)) {
        const known = this.names.knownAt(text, pos, limit);
        const k = known >= 0 ? pos + this.names.names[known].length : this.hashedNameEnd(pos, limit);
        if (k < limit && text.charCodeAt(k) === CharCode.EQUALS) {
          const key = known >= 0 ? known : this.names.noteFirst(this.names.idOfHashed(text, pos, k, this.nameHash));
          const valueStart = k + 1;
          const q = valueStart < limit ? text.charCodeAt(valueStart) : -1;
          if (q === CharCode.DQUOTE || q === CharCode.SQUOTE) {
            const close = this.nextQuote(q, valueStart + 1);
            if (close < 0 || close >= limit) {
              return { closed: false, start: open, insertAt: lastGood };
            }
            this.addAttribute(key, valueStart + 1, close);
            pos = close + 1;
          } else {
            const end = this.nextStop(valueStart);
            const stop = end > limit ? limit : end;
            this.addAttribute(key, valueStart, stop);
            pos = stop;
          }
          if (this.firstBad < 0) lastGood = pos;
          continue;
        }
        const after = k < limit ? text.charCodeAt(k) : -1;
        if (after === -1 || after === CharCode.CLOSE_BRACE || isSpace(after)) {
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

  /** The end of the name at `from` (at most `limit`), its hash for the interner left in `nameHash`. */
  private hashedNameEnd(from: number, limit: number): number {
    const text = this.text;
    let h = 0;
    let k = from;
    while (k < limit) {
      const d = text.charCodeAt(k);
      if (d < 128 && NAME_CHARS[d] === 0) break;
      h = (Math.imul(h, 31) + d) | 0;
      k++;
    }
    this.nameHash = h;
    return k;
  }

  private addClass(name: number): void {
    const block = this.block;
    if (block.classCount === block.classIds.length) {
      const grown = new Int32Array(block.classIds.length * 2);
      grown.set(block.classIds);
      block.classIds = grown;
    }
    block.classIds[block.classCount++] = name;
  }

  private addAttribute(key: number, start: number, end: number): void {
    const block = this.block;
    const k = block.attributeCount * ATTRIBUTE_STRIDE;
    if (k === block.attributes.length) {
      const grown = new Int32Array(block.attributes.length * 2);
      grown.set(block.attributes);
      block.attributes = grown;
    }
    block.attributes[k] = key;
    block.attributes[k + 1] = start;
    block.attributes[k + 2] = end;
    block.attributeCount++;
  }

  private problem(start: number, end: number, message: string, data?: Record<string, string | number>): void {
    // Copies: a problem outlives this version of the text (an edit carries it to the next model).
    if (data) for (const key of Object.keys(data)) if (typeof data[key] === 'string') data[key] = own(data[key]);
    (this.block.problems ??= []).push({ start, end, message: own(message), data });
    if (this.firstBad < 0) this.firstBad = start;
  }

  private skipBad(from: number, limit: number): number {
    const stop = this.nextStop(from);
    return stop > limit ? limit : stop;
  }
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
    if (c === CharCode.SPACE || c === CharCode.TAB) {
      i++;
      continue;
    }
    if (c === CharCode.LF || c === CharCode.CR) break;
    const tokenStart = i;
    let hasEquals = false;
    while (i < stop && !isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === CharCode.EQUALS) hasEquals = true;
      i++;
    }
    const first = text.charCodeAt(tokenStart);
    if (first === CharCode.HASH || first === CharCode.DOT || hasEquals) good = i;
    else break;
  }
  return good;
}
