/**
 * The id findings (duplicate-id, unresolved-reference) of a model read whole, for the model whose
 * diagnostics are read before anything asked for its ids (the CLI's lint and brief, a file just
 * opened): the findings its id state (model/ids.ts) would list, found by hashing each id where it
 * is written. No id becomes a string (only those of a finding do) and no id is interned, so a
 * large file's hundreds of thousands of ids cost a few typed arrays for the time of the check.
 * The id state stays the one source for everything else (the id map, the models edits make);
 * test/unit/diagnosticsIds.test.ts keeps the two equal.
 */
import { nameEnd } from './attributes';
import { nearest, PHASE_REFERENCES, finding, type Finding } from './diagnostics';
import { carrierStart, duplicate, singleBase, SUGGESTION_BUDGET, SUGGESTION_IDS, type IdDocument } from './ids';
import { A_ID, A_START, A_STRIDE, R_ID, R_STRIDE, referenceIdEnd, type Base } from './tables';

/** What the id state contributes to a model's diagnostics. */
export interface IdFindings {
  readonly duplicates: readonly Finding[];
  readonly unresolved: readonly Finding[];
}

/**
 * The id findings of `doc`, when it is one base read whole (what `parseNotes` makes); undefined
 * otherwise (a model an edit made: its id state is derived from the previous one's instead).
 */
export function wholeFileIdFindings(doc: IdDocument): IdFindings | undefined {
  const base = singleBase(doc);
  return base === undefined ? undefined : new IdTable(doc, base).findings();
}

/** Every carrier's id, by where it is written (or the heading's id string), in one open-addressing table. */
class IdTable {
  private readonly text: string;
  /** Per carrier, in document order: its row code (annotation row ≥ 0, heading -1 - index), where its id is written, its hash, its id's first carrier. */
  private readonly code: Int32Array;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly hash: Int32Array;
  private readonly firstOf: Int32Array;
  private readonly slots: Int32Array;
  private count = 0;
  /** How many distinct ids. */
  private size = 0;
  private readonly duplicates: Finding[] = [];

  constructor(private readonly doc: IdDocument, private readonly base: Base) {
    this.text = doc.text;
    let carriers = base.headings.length;
    for (let r = 0; r < base.rowCount; r++) if (base.rows[r * A_STRIDE + A_ID] >= 0) carriers++;
    this.code = new Int32Array(carriers);
    this.from = new Int32Array(carriers);
    this.to = new Int32Array(carriers);
    this.hash = new Int32Array(carriers);
    this.firstOf = new Int32Array(carriers);
    let size = 16;
    while (size < 2 * carriers) size *= 2;
    this.slots = new Int32Array(size);
  }

  findings(): IdFindings {
    try {
      this.readCarriers();
    } catch {
      // Keep what was found so far (as the id state does).
    }
    return { duplicates: this.duplicates, unresolved: this.unresolved() };
  }

  /** The carriers in document order (a heading before an annotation at the same offset), each entered in the table. */
  private readCarriers(): void {
    const { base, text } = this;
    const rows = base.rows;
    const headings = base.headings;
    let h = 0;
    for (let r = 0; r <= base.rowCount; r++) {
      const start = r < base.rowCount ? rows[r * A_STRIDE + A_START] : Number.POSITIVE_INFINITY;
      for (; h < headings.length && headings[h].start <= start; h++) {
        const id = headings[h].id;
        if (id) this.enter(-1 - h, -1 - h, 0, hashOf(id, 0, id.length));
      }
      if (r === base.rowCount) break;
      const at = rows[r * A_STRIDE + A_ID];
      if (at < 0) continue;
      const end = nameEnd(text, at);
      if (end > at) this.enter(r, at, end, hashOf(text, at, end));
    }
  }

  /** Enters carrier `code`, whose id is text[from, to) (or, for a heading, from = -1 - its index). */
  private enter(code: number, from: number, to: number, hash: number): void {
    const i = this.count++;
    this.code[i] = code;
    this.from[i] = from;
    this.to[i] = to;
    this.hash[i] = hash;
    const known = this.find(from, to, hash, i + 1);
    if (known < 0) {
      this.firstOf[i] = i;
      this.size++;
      return;
    }
    this.firstOf[i] = known;
    const first = { base: this.base, row: this.code[known] };
    this.duplicates.push(duplicate(this.doc, this.idOf(i), { base: this.base, row: code }, carrierStart(this.doc, first)));
  }

  /** The first carrier of the id written at [from, to) (from < 0: heading -1 - from's id), or -1; a new id takes the free slot as `entry` (0: not entered). */
  private find(from: number, to: number, hash: number, entry: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) {
        if (entry > 0) this.slots[slot] = entry;
        return -1;
      }
      const c = held - 1;
      if (this.hash[c] === hash && this.same(c, from, to)) return c;
    }
  }

  /** Whether carrier `c`'s id equals the id written at [from, to) (from < 0: a heading's). */
  private same(c: number, from: number, to: number): boolean {
    const text = this.text;
    const mine = this.from[c] < 0 ? this.base.headings[-1 - this.from[c]].id as string : undefined;
    const theirs = from < 0 ? this.base.headings[-1 - from].id as string : undefined;
    const length = theirs === undefined ? to - from : theirs.length;
    if ((mine === undefined ? this.to[c] - this.from[c] : mine.length) !== length) return false;
    const a = mine ?? text;
    const b = theirs ?? text;
    const ai = mine === undefined ? this.from[c] : 0;
    const bi = theirs === undefined ? from : 0;
    for (let k = 0; k < length; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
    return true;
  }

  private idOf(c: number): string {
    return this.from[c] < 0 ? this.base.headings[-1 - this.from[c]].id as string : this.text.slice(this.from[c], this.to[c]);
  }

  /** The unresolved-reference findings, as model/ids.ts words them (with its "did you mean" for files with few ids). */
  private unresolved(): Finding[] {
    const out: Finding[] = [];
    const { doc, text } = this;
    try {
      let budget = this.size <= SUGGESTION_IDS ? SUGGESTION_BUDGET : 0;
      let keys: string[] | undefined;
      // A model read whole: its references are one unshifted run of a base too.
      const pieces = doc.referencePieces;
      const single = pieces.length === 1 && pieces[0].shift === 0 && pieces[0].from === 0 ? pieces[0].base.references : undefined;
      for (let r = 0; r < doc.referenceCount; r++) {
        const start = single ? single[r * R_STRIDE + R_ID] : doc.referenceField(r, R_ID);
        const end = referenceIdEnd(text, start);
        if (end > start && this.find(start, end, hashOf(text, start, end), 0) >= 0) continue;
        const id = text.slice(start, end);
        let suggestion: string | undefined;
        if (budget-- > 0) suggestion = nearest(id, (keys ??= this.orderedIds()), 3);
        out.push(finding('unresolved-reference', start, end, `Nothing in this file has the id “${id}”${suggestion ? `: did you mean “${suggestion}”?` : '.'}`, PHASE_REFERENCES, start, suggestion ? { id, suggestion } : { id }));
      }
    } catch {
      // Report what was found so far.
    }
    return out;
  }

  /** The ids in order of their first carrier (model/ids.ts orderedIds). */
  private orderedIds(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) if (this.firstOf[i] === i) out.push(this.idOf(i));
    return out;
  }
}

function hashOf(s: string, from: number, to: number): number {
  let h = 0;
  for (let k = from; k < to; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
}
