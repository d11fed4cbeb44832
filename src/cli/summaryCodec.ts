/**
 * Workspace summaries in batches, for the way from the summary worker (summaryWorker.ts) to the
 * command's thread: a batch is two typed arrays (its integers and its other numbers, transferred,
 * not copied), one string holding every text of its mentions end to end, and the small strings
 * many mentions repeat (statuses, keys, metrics, units, summits…) and the area and actor lists
 * once each. The receiving thread reads the arrays in order and builds each mention with all its
 * fields in `summariseFile`'s order (one object shape for both threads' mentions); a text is a
 * slice of the batch's string. JSON of the same summaries carried every text as a string of its
 * own and cost the receiver about half of what summarising the file itself costs (at 2,000 files
 * / 40 MB, 0.4-0.75 s to parse 30 MB of JSON against 1.0-1.2 s to parse and summarise). Every
 * number travels exactly (a Float64Array holds any), `undefined` by a flag or by -1.
 */
import { adoptSummary, type ArticleInfo, type FigureMention, type InitiativeMention, type WorkspaceFile } from '../core';

/** A batch as it is posted (`transfer` lists the buffers to move rather than copy). */
export interface SummaryBatch {
  readonly count: number;
  readonly ints: Int32Array;
  readonly numbers: Float64Array;
  /** The texts, end to end. */
  readonly texts: string;
  /** The repeated strings, each once, and the lists of them (by their indexes in `strings`). */
  readonly strings: readonly string[];
  readonly lists: readonly (readonly number[])[];
}

/** A figure's numbers that may be undefined, one bit each in its flags. */
const HAS_YEAR = 1;
const HAS_VALUE = 2;
const HAS_MIN = 4;

/** Integers appended to a typed array that grows (cheaper than an array of numbers copied at the end). */
class Ints {
  array = new Int32Array(1 << 14);
  length = 0;

  push(n: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = n;
  }

  /** The integers so far, in an array of their own; the writer starts again empty. */
  take(): Int32Array {
    const out = this.array.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/** Summaries added one by one, then made one batch. */
export class SummaryBatchWriter {
  private readonly ints = new Ints();
  private numbers: number[] = [];
  private texts: string[] = [];
  private textLength = 0;
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private lists: number[][] = [];
  private listIndex = new Map<readonly string[], number>();
  private count = 0;

  /** Characters of text held so far (what a batch's size is judged by). */
  get chars(): number {
    return this.textLength;
  }

  get size(): number {
    return this.count;
  }

  add(file: WorkspaceFile): void {
    const ints = this.ints;
    const a = file.article;
    this.text(file.path);
    this.text(a.title);
    this.shared(a.summit);
    this.shared(a.date);
    this.shared(a.language);
    this.shared(a.sourceName);
    this.text(a.sourceUrl);
    ints.push(file.badTracks ? 1 : 0);
    // Reading the lists makes the mentions (texts tidied, figures read): that work is done here.
    const initiatives = file.initiatives;
    ints.push(initiatives.length);
    for (const m of initiatives) {
      ints.push(m.start);
      ints.push(m.end);
      ints.push(m.line);
      ints.push(m.index);
      this.text(m.id);
      this.shared(m.track);
      const site = m.trackSite;
      if (site) {
        ints.push(site.start);
        ints.push(site.end);
        this.shared(site.written);
      } else ints.push(-1);
      this.text(m.text);
      this.shared(m.status);
      this.list(m.areas);
      this.list(m.actors);
    }
    const figures = file.figures;
    ints.push(figures.length);
    for (const f of figures) {
      ints.push(f.start);
      ints.push(f.end);
      ints.push(f.line);
      this.text(f.id);
      this.shared(f.metric);
      this.shared(f.unit);
      this.shared(f.qualifier ?? undefined);
      this.text(f.asWritten);
      ints.push(f.initiative ?? -1);
      ints.push((f.year === undefined ? 0 : HAS_YEAR) | (f.value === undefined ? 0 : HAS_VALUE) | (f.min === undefined ? 0 : HAS_MIN));
      this.numbers.push(f.step);
      if (f.year !== undefined) this.numbers.push(f.year);
      if (f.value !== undefined) this.numbers.push(f.value);
      if (f.min !== undefined) this.numbers.push(f.min);
    }
    ints.push(file.strayTracks.length);
    for (const s of file.strayTracks) {
      ints.push(s.start);
      ints.push(s.end);
      ints.push(s.line);
      this.shared(s.written);
    }
    this.count++;
  }

  /** The batch of every summary added since the last one; the writer starts again empty. */
  take(): { batch: SummaryBatch; transfer: ArrayBuffer[] } {
    const batch: SummaryBatch = {
      count: this.count,
      ints: this.ints.take(),
      numbers: Float64Array.from(this.numbers),
      texts: this.texts.join(''),
      strings: this.strings,
      lists: this.lists,
    };
    this.numbers = [];
    this.texts = [];
    this.textLength = 0;
    this.strings = [];
    this.stringIndex.clear();
    this.lists = [];
    this.listIndex.clear();
    this.count = 0;
    return { batch, transfer: [batch.ints.buffer as ArrayBuffer, batch.numbers.buffer as ArrayBuffer] };
  }

  /** A text of its own: its place in the batch's texts, or -1. */
  private text(s: string | undefined): void {
    if (s === undefined) {
      this.ints.push(-1);
      return;
    }
    this.ints.push(this.textLength);
    this.ints.push(s.length);
    this.texts.push(s);
    this.textLength += s.length;
  }

  /** A repeated string: its index among the batch's strings, or -1. */
  private shared(s: string | undefined): void {
    this.ints.push(s === undefined ? -1 : this.stringNumber(s));
  }

  private stringNumber(s: string): number {
    let n = this.stringIndex.get(s);
    if (n === undefined) {
      n = this.strings.push(s) - 1;
      this.stringIndex.set(s, n);
    }
    return n;
  }

  /** A list (the summaries share equal lists, so a list is looked up by identity first). */
  private list(items: readonly string[]): void {
    let n = this.listIndex.get(items);
    if (n === undefined) {
      n = this.lists.push(items.map((s) => this.stringNumber(s))) - 1;
      this.listIndex.set(items, n);
    }
    this.ints.push(n);
  }
}

/**
 * The summaries of a batch, in the order they were added, sharing this thread's strings as
 * `adoptSummary` makes a summary from elsewhere share them.
 */
export function readSummaryBatch(batch: SummaryBatch): WorkspaceFile[] {
  const { strings, lists } = adoptedShared(batch);
  const { ints, numbers, texts } = batch;
  let p = 0;
  let q = 0;
  const text = (): string | undefined => {
    const start = ints[p++];
    return start < 0 ? undefined : texts.slice(start, start + ints[p++]);
  };
  const shared = (): string | undefined => {
    const n = ints[p++];
    return n < 0 ? undefined : strings[n];
  };
  const files: WorkspaceFile[] = [];
  for (let k = 0; k < batch.count; k++) {
    const path = text() as string;
    const title = text();
    const summit = shared();
    const date = shared();
    const article: ArticleInfo = {
      title, summit, date, language: shared() as string, sourceName: shared(), sourceUrl: text(),
    };
    const badTracks = ints[p++] === 1;
    const initiatives: InitiativeMention[] = new Array(ints[p++]);
    for (let i = 0; i < initiatives.length; i++) {
      const start = ints[p++];
      const end = ints[p++];
      const line = ints[p++];
      const index = ints[p++];
      const id = text();
      const track = shared();
      const siteStart = ints[p++];
      const trackSite = siteStart < 0 ? undefined : { start: siteStart, end: ints[p++], written: shared() as string };
      initiatives[i] = {
        path, start, end, line, date, index, id, track, trackSite,
        text: text() as string, status: shared(), areas: lists[ints[p++]], actors: lists[ints[p++]],
      };
    }
    const figures: FigureMention[] = new Array(ints[p++]);
    for (let i = 0; i < figures.length; i++) {
      const start = ints[p++];
      const end = ints[p++];
      const line = ints[p++];
      const id = text();
      const metric = shared();
      const unit = shared();
      const qualifier = (shared() ?? null) as FigureMention['qualifier'];
      const asWritten = text() as string;
      const initiative = ints[p++];
      const has = ints[p++];
      const step = numbers[q++];
      const year = has & HAS_YEAR ? numbers[q++] : undefined;
      const value = has & HAS_VALUE ? numbers[q++] : undefined;
      const min = has & HAS_MIN ? numbers[q++] : undefined;
      figures[i] = {
        path, start, end, line, date, id, metric, year, value, unit, qualifier, asWritten, step, min,
        initiative: initiative < 0 ? undefined : initiative,
      };
    }
    const strayTracks: WorkspaceFile['strayTracks'][number][] = new Array(ints[p++]);
    for (let i = 0; i < strayTracks.length; i++) {
      const start = ints[p++];
      const end = ints[p++];
      const line = ints[p++];
      strayTracks[i] = { start, end, written: shared() as string, line };
    }
    files.push({ path, article, initiatives, figures, strayTracks, badTracks });
  }
  return files;
}

/**
 * The batch's repeated strings and lists as this thread keeps them: `adoptSummary` of one made-up
 * summary whose initiatives' statuses are those strings and whose areas are those lists, so each
 * is looked up in this thread's pool once per batch, not once per mention.
 */
function adoptedShared(batch: SummaryBatch): { strings: readonly string[]; lists: readonly (readonly string[])[] } {
  const count = Math.max(batch.strings.length, batch.lists.length);
  const initiatives: InitiativeMention[] = [];
  for (let n = 0; n < count; n++) {
    const list = batch.lists[n];
    initiatives.push({
      path: '', start: 0, end: 0, line: 0, date: undefined, index: n, id: undefined, track: undefined, trackSite: undefined,
      text: '', status: batch.strings[n], areas: list ? list.map((s) => batch.strings[s]) : [], actors: [],
    });
  }
  const probe: WorkspaceFile = {
    path: '',
    article: { title: undefined, summit: undefined, date: undefined, language: '', sourceName: undefined, sourceUrl: undefined },
    initiatives, figures: [], strayTracks: [], badTracks: false,
  };
  const adopted = adoptSummary(probe).initiatives;
  return {
    strings: adopted.slice(0, batch.strings.length).map((m) => m.status as string),
    lists: adopted.slice(0, batch.lists.length).map((m) => m.areas),
  };
}
