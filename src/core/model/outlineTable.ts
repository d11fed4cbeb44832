/**
 * What the outline shows of each entry: its name and its detail line. The one definition the
 * document symbols (and the bench timing them) read.
 *
 * - name: an annotation's plain text, trimmed; a heading's title; `(untitled)` when empty;
 * - detail: `#id · status · area`, and a figure's `metric`, the parts the annotation has.
 *
 * On the parser's own model the labels are read from its row tables, in document order, with
 * one pass over each span's attribute tokens and a cursor over the references instead of a search
 * per span: on a 10 MB file the symbols ask for ~100k of them at once.
 */
import { unescape } from '../text';
import { annotationPlainText, KINDS, plainText, tidyRange } from './views';
import { NotesDocument } from './document';
import { R_START } from './tables';
import type { Annotation, NotesModel } from './types';

/** What an outline entry is: a section, or an annotation of one kind. */
export type OutlineNodeKind = 'section' | 'initiative' | 'figure' | 'actor';


const UNTITLED = '(untitled)';

/** `#id · status · area · metric` of the parts given (string concatenation: no array per entry). */
function joinDetail(id: string | undefined, status: string | undefined, area: string | undefined, metric: string | undefined): string {
  let out = id ? `#${id}` : '';
  if (status) out = out ? `${out} · ${status}` : status;
  if (area) out = out ? `${out} · ${area}` : area;
  if (metric) out = out ? `${out} · ${metric}` : metric;
  return out;
}

/**
 * Reads entries' labels one at a time: `read(item)` (an item of OutlineEntries: an annotation
 * index ≥ 0, or `-1 - section`), then `name`, `detail` and `kind` hold its labels. Reading items in
 * document order is fastest; any order is right.
 */
export class OutlineLabels {
  name = '';
  detail = '';
  kind: OutlineNodeKind = 'section';

  private readonly doc: NotesDocument | undefined;
  /** Interned names of `status` and `area`, and of `metric` (-1: never written, so no span has it). */
  private readonly keys: number[];
  private readonly metricKey: number[];
  private readonly found = new Int32Array(2);
  private readonly ranges = new Int32Array(2);
  /** The first reference at or after `refFrom`. */
  private ref = 0;
  private refFrom = 0;

  constructor(private readonly model: NotesModel) {
    this.doc = model instanceof NotesDocument ? model : undefined;
    const names = this.doc?.names;
    this.keys = [names?.get('status') ?? -1, names?.get('area') ?? -1];
    this.metricKey = [names?.get('metric') ?? -1];
  }

  read(item: number): void {
    if (item < 0) {
      this.name = this.model.allSections[-1 - item].title || UNTITLED;
      this.detail = '';
      this.kind = 'section';
    } else if (this.doc) this.readRow(this.doc, item);
    else this.readAnnotation(this.model.annotations[item]);
  }

  /**
   * Through the model's interface. Two readers on purpose: every model the parser makes has rows
   * and takes `readRow` (no view objects, which a 100k-entry outline cannot afford), while a model
   * made some other way (the NotesModel interface is public) has only this; the unit test of the
   * outline labels holds the two equal on every fixture and sample.
   */
  private readAnnotation(a: Annotation): void {
    this.kind = a.kind ?? 'initiative';
    this.name = a.plainText.trim() || UNTITLED;
    this.detail = joinDetail(a.id, a.attribute('status'), a.attribute('area'), this.kind === 'figure' ? a.attribute('metric') : undefined);
  }

  /** From the row tables: what `readAnnotation` reads, without a view object or a search per part. */
  private readRow(doc: NotesDocument, row: number): void {
    const kind = doc.kindOf(row);
    this.kind = kind === 0 ? 'initiative' : KINDS[kind - 1];
    this.name = this.plainTextOf(doc, row).trim() || UNTITLED;
    const names = doc.names.names;
    const [status, area] = doc.attributeNames(row, this.keys, this.found);
    let metric: string | undefined;
    if (this.kind === 'figure' && this.metricKey[0] >= 0) {
      const at = doc.attributeRanges(row, this.metricKey, this.ranges);
      if (at[0] >= 0) metric = unescape(doc.text, at[0], at[1]);
    }
    this.detail = joinDetail(doc.idOf(row), status < 0 ? undefined : names[status], area < 0 ? undefined : names[area], metric);
  }

  /** annotationPlainText, with the references found by a cursor that moves forward with the rows. */
  private plainTextOf(doc: NotesDocument, row: number): string {
    const from = doc.start(row) + 1;
    const to = doc.close(row);
    const next = row + 1;
    if (next < doc.annotationCount && doc.start(next) < to) return annotationPlainText(doc, row);
    if (from < this.refFrom) this.ref = doc.firstReferenceAtOrAfter(from);
    else while (this.ref < doc.referenceCount && doc.referenceField(this.ref, R_START) < from) this.ref++;
    this.refFrom = from;
    if (this.ref < doc.referenceCount && doc.referenceField(this.ref, R_START) < to) return plainText(doc, from, to, next);
    return tidyRange(doc.text, from, to);
  }
}

/** The labels of every entry (see OutlineLabels), as arrays. */
export function outlineLabels(model: NotesModel, items: Int32Array): { names: string[]; details: string[]; kinds: OutlineNodeKind[] } {
  const labels = new OutlineLabels(model);
  const n = items.length;
  const names = new Array<string>(n);
  const details = new Array<string>(n);
  const kinds = new Array<OutlineNodeKind>(n);
  for (let i = 0; i < n; i++) {
    labels.read(items[i]);
    names[i] = labels.name;
    details[i] = labels.detail;
    kinds[i] = labels.kind;
  }
  return { names, details, kinds };
}
