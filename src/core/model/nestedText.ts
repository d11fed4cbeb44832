/**
 * The text of spans that hold other spans, in time linear in the nesting depth. `plainText`
 * (model.ts) reads a span's whole stretch and cuts the markup of every span and link inside it:
 * right for one span, but asked for each of n spans nested in each other it reads n stretches of
 * up to n spans each (quadratic; 10,000 nested figures took seconds to lint). Here a span's text
 * is its own stretches between its direct children plus the children's texts, each kept once per
 * model, so every span and link is read once however deep the nest. `plainText` stays the
 * definition: a differential test holds the two equal, and a link that crosses a span's edge (the
 * two readings could differ there) sends the span back to it.
 */
import type { RowReader } from './rows';

/** What this file reads of its model: the rows and each row's children (the document implements it). */
interface NestedDocument extends RowReader {
  childRows(row: number): Int32Array;
}
import { R_CLOSE, R_START } from './tables';

/** Per model, per row of a span inside a span: its untidied text, `null` when a link crosses an edge, undefined when not read yet. */
const texts = new WeakMap<NestedDocument, (string | null | undefined)[]>();

/**
 * The text of row `row`'s content with the markup of nested spans and links cut, before `tidy`
 * (escapes and line breaks are resolved on the whole, as `plainText` does); undefined when a link
 * crosses the edge of the span or of one inside it (read it with `plainText` then). Nested rows
 * are read children first, by a loop over an explicit stack: no recursion on depth.
 */
export function nestedRawText(doc: NestedDocument, row: number): string | undefined {
  let memo = texts.get(doc);
  if (memo === undefined) texts.set(doc, (memo = new Array<string | null | undefined>(doc.annotationCount)));
  if (memo[row] === undefined) {
    // One frame per span being read: its row and its direct children (looked up once).
    const stack = [{ row, kids: doc.childRows(row), waited: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame.waited) {
        frame.waited = true;
        let waiting = false;
        for (let i = 0; i < frame.kids.length; i++) {
          const k = frame.kids[i];
          if (memo[k] === undefined && hasChildren(doc, k)) {
            stack.push({ row: k, kids: doc.childRows(k), waited: false });
            waiting = true;
          }
        }
        if (waiting) continue;
      }
      const own = ownText(doc, frame.row, frame.kids, memo);
      stack.pop();
      // The spans inside are kept for the spans holding them; the one asked for is only handed
      // back: most are asked once (a brief's initiative), and keeping every one held a copy of
      // every such span's text for the model's life (about 10 MB at 50 MB).
      if (stack.length === 0) return own ?? undefined;
      memo[frame.row] = own;
    }
  }
  return memo[row] ?? undefined;
}

/** Whether row `k` holds a span: the next row (document order) starts inside it. */
function hasChildren(doc: NestedDocument, k: number): boolean {
  return k + 1 < doc.annotationCount && doc.start(k + 1) < doc.close(k);
}

/** Row `r`'s text from its stretches and its children's texts (all children with children are read). */
function ownText(doc: NestedDocument, r: number, kids: Int32Array, memo: readonly (string | null | undefined)[]): string | null {
  const to = doc.close(r);
  let cursor = doc.start(r) + 1;
  let out = '';
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    const start = doc.start(k);
    const before = stretch(doc, cursor, start);
    if (before === null) return null;
    const inner = hasChildren(doc, k) ? memo[k] : stretch(doc, start + 1, doc.close(k));
    if (inner === null || inner === undefined) return null;
    out += before + inner;
    cursor = doc.end(k);
  }
  const after = stretch(doc, cursor, to);
  return after === null ? null : out + after;
}

/** text[from, to) with each link's `[` and `](#id)` cut; null when a link starting here ends past `to`. */
function stretch(doc: NestedDocument, from: number, to: number): string | null {
  const text = doc.text;
  if (from >= to) return '';
  let out = '';
  let cursor = from;
  for (let i = doc.firstReferenceAtOrAfter(from); i < doc.referenceCount; i++) {
    const start = doc.referenceField(i, R_START);
    if (start >= to) break;
    const end = doc.referenceIdEnd(i) + 1;
    if (end > to || start < cursor) return null;
    const close = doc.referenceField(i, R_CLOSE);
    out += text.slice(cursor, start) + text.slice(start + 1, close);
    cursor = end;
  }
  return cursor === from ? text.slice(from, to) : out + text.slice(cursor, to);
}
