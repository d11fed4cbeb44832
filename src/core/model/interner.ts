/**
 * Short names (class names, attribute keys, a few attribute values) as small integers, looked up
 * by the characters of the document text without slicing it first: the parser's hot path keeps
 * numbers, and a string exists once per distinct name. Append-only, so models made by an edit
 * (model/edit.ts) share their predecessor's interner safely.
 */
import { own } from '../text';

/** Names the parser asks about by number; interned first, so their ids are these constants. */
export const NAME_INITIATIVE = 0;
export const NAME_FIGURE = 1;
export const NAME_ACTOR = 2;
export const NAME_UNNUMBERED = 3;
export const NAME_AREA = 4;
export const NAME_STATUS = 5;
export const NAME_VALUE = 6;
export const NAME_UNIT = 7;
export const NAME_YEAR = 8;
export const NAME_METRIC = 9;
export const NAME_QUALIFIER = 10;
const PRESET = ['initiative', 'figure', 'actor', 'unnumbered', 'area', 'status', 'value', 'unit', 'year', 'metric', 'qualifier'];

/**
 * The annotation kind a class names, as the rows store it (model/tables.ts `A_KIND`: 1 initiative,
 * 2 figure, 3 actor, in the order of views.ts `KINDS`), or 0 for any other class.
 */
export function rowKindOfClass(classId: number): number {
  return classId === NAME_INITIATIVE ? 1 : classId === NAME_FIGURE ? 2 : classId === NAME_ACTOR ? 3 : 0;
}

/**
 * ASCII characters that can be in a name (letters, digits, `-`, `_`, `:`, `.`; anything outside
 * ASCII counts as a letter): the scanners test every character of every attribute block with it.
 */
export const NAME_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CHARS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 58 || c === 46 ? 1 : 0;

/** The preset names interned once (each new Interner starts as a copy of it); undefined while it is made. */
const preset: { interner: Interner | undefined } = { interner: undefined };

export class Interner {
  /** id → name. */
  readonly names: string[];
  /** Open addressing: slot → id + 1 (0 = empty). */
  private slots: Int32Array;
  private hashes: number[];
  private singles: (readonly string[] | undefined)[] = [];
  /** By first character (ASCII): the name to try first (see `knownAt`), -1 for none. */
  private readonly lastByFirst = new Int32Array(128).fill(-1);

  constructor() {
    // Every model has one: a copy of the preset one costs less than interning the preset names.
    const from = preset.interner;
    if (from) {
      this.names = from.names.slice();
      this.slots = from.slots.slice();
      this.hashes = from.hashes.slice();
    } else {
      this.names = [];
      this.slots = new Int32Array(1024);
      this.hashes = [];
      for (const name of PRESET) this.intern(name);
    }
  }

  /** `[name]`, frozen and shared: most spans carry exactly one class. */
  single(id: number): readonly string[] {
    return (this.singles[id] ??= Object.freeze([this.names[id]]));
  }

  /** The id of `name`, or -1 when it was never seen. */
  get(name: string): number {
    return typeof name === 'string' ? this.find(name, 0, name.length, hashOf(name, 0, name.length)) : -1;
  }

  /** The id of `name`, interning it when new. */
  intern(name: string): number {
    const h = hashOf(name, 0, name.length);
    const known = this.find(name, 0, name.length, h);
    return known >= 0 ? known : this.add(own(name), h);
  }

  /**
   * The name last noted ({@link noteFirst}) with the first letter of the one at text[from], when
   * the text there is that name, whole (the next character, before `limit`, cannot be in a name);
   * else -1. A block's names come from a small set (`.figure`, `metric=`, `year=` …): most are
   * answered so, compared in place instead of read, hashed and looked up.
   */
  knownAt(text: string, from: number, limit: number): number {
    const first = text.charCodeAt(from);
    const id = first < 128 ? this.lastByFirst[first] : -1;
    if (id < 0) return -1;
    const name = this.names[id];
    const end = from + name.length;
    if (end > limit || !text.startsWith(name, from)) return -1;
    if (end < limit) {
      const d = text.charCodeAt(end);
      if (d >= 128 || NAME_CHARS[d] === 1) return -1;
    }
    return id;
  }

  /** Notes name `id` as the one {@link knownAt} tries first for its first letter; returns it. */
  noteFirst(id: number): number {
    const first = this.names[id].charCodeAt(0);
    if (first < 128) this.lastByFirst[first] = id;
    return id;
  }

  /** The id of text[start, end), interning it when new. */
  idOf(text: string, start: number, end: number): number {
    let h = 0;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    return this.idOfHashed(text, start, end, h);
  }

  /** `idOf` when the caller folded the characters already: h = h * 31 + c over text[start, end), from 0. */
  idOfHashed(text: string, start: number, end: number, folded: number): number {
    const h = (Math.imul(folded, 31) + end - start) | 0;
    const known = this.find(text, start, end, h);
    return known >= 0 ? known : this.add(own(text.slice(start, end)), h);
  }

  /** The id of the name equal to text[start, end) (whose hash is `h`), or -1. */
  private find(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.hashes[id] === h) {
        const name = this.names[id];
        if (name.length === end - start && same(text, start, name)) return id;
      }
    }
  }

  private add(name: string, h: number): number {
    const id = this.names.length;
    this.names.push(name);
    this.hashes.push(h);
    if ((id + 1) * 2 > this.slots.length) this.grow();
    else this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  /** Makes room for `count` more names at once (one rehash instead of one per doubling). */
  reserve(count: number): void {
    let size = this.slots.length;
    while ((this.names.length + count) * 2 > size) size *= 2;
    if (size > this.slots.length) this.grow(size);
  }

  private grow(size = this.slots.length * 2): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.names.length; id++) this.place(id, this.hashes[id]);
  }
}


preset.interner = new Interner();

function hashOf(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (Math.imul(h, 31) + end - start) | 0;
}

function same(text: string, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (text.charCodeAt(start + i) !== name.charCodeAt(i)) return false;
  return true;
}
