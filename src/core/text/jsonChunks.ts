/**
 * Pretty JSON written in pieces: the same text as `JSON.stringify(value, replacer, 2) + '\n'`,
 * but arrays and plain objects near the top are walked member by member, so a large document is
 * handed on as it is made and never held as one string. Below `depth` levels each member is
 * stringified whole. The replacer, when given, must not depend on its key (it is called with the
 * member's key near the top and with '' for a member stringified whole).
 */
export type JsonReplacer = (key: string, value: unknown) => unknown;

/**
 * How each of our JSON documents opens (the brief's and the dossier's, docs/CLI.md): the version
 * of its schema, then what it holds in numbers. The document's own members follow.
 */
export interface ExportEnvelope<Counts> {
  readonly schemaVersion: number;
  readonly counts: Counts;
}

/**
 * A list whose items are made only as it is walked, its length known first: what a long list of
 * an output document is, so that its items are made, written and let go one by one. `jsonChunks`
 * writes it as the JSON array of its items; `JSON.stringify` (through `toJSON`) makes the same
 * array whole.
 */
export class MadeList<T> implements Iterable<T> {
  constructor(readonly length: number, private readonly items: () => Iterator<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.items();
  }

  toJSON(): T[] {
    return [...this];
  }
}

/**
 * Output handed on in pieces (JSON, the brief's formats, the CLI's lists) is cut at about this
 * many characters. Small enough that a piece, made one string when it is written, stays below
 * V8's large-object size (128 KB; two bytes a character for Cyrillic): a larger one is made in
 * the old generation, where it stays until the next full collection. At 64K characters, the
 * pieces of a 50 MB file's brief grew the heap by 4 MB every young collection (20–40 MB of peak).
 */
export const OUTPUT_PIECE = 1 << 14;
const PIECE = OUTPUT_PIECE;

/**
 * `lines` joined with `separator` (and `end` after the last), handed on in pieces of about
 * {@link OUTPUT_PIECE} characters: what a long Markdown, HTML or CSV document is written as, so
 * that it is never one string.
 */
export function* linePieces(lines: Iterable<string>, separator = '\n', end = ''): Generator<string> {
  let buffer = '';
  let first = true;
  for (const line of lines) {
    buffer += first ? line : separator + line;
    first = false;
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + end;
}

export function* jsonChunks(value: unknown, replacer?: JsonReplacer, depth = 3): Generator<string> {
  const sink: Sink = { text: '' };
  yield* walk(replace(replacer, '', value), replacer, '', depth, sink);
  yield `${sink.text}\n`;
}

/**
 * Where the walk writes: the text not handed on yet. A piece is handed on (yielded up the chain of
 * walks) only once the text is long enough, not per member: passing every small string up through
 * each level's `yield*` cost more than making it (2,000 files' dossier, 137 MB of JSON: 1.7–3.3 s
 * against 1.2–1.5 s for JSON.stringify of the whole).
 */
interface Sink {
  text: string;
}
function replace(replacer: JsonReplacer | undefined, key: string, value: unknown): unknown {
  // A made list stays one (walked item by item below) unless the replacer changes it.
  if (value instanceof MadeList) return replacer ? replacer(key, value) : value;
  // JSON.stringify calls toJSON before the replacer.
  const own = typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function'
    ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
  return replacer ? replacer(key, own) : own;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An array or object the walk goes into (above `depth`), rather than stringifying it whole. */
function walkable(value: unknown): boolean {
  return ((Array.isArray(value) || value instanceof MadeList) && value.length > 0) || isPlainObject(value);
}

function* walk(value: unknown, replacer: JsonReplacer | undefined, indent: string, depth: number, sink: Sink): Generator<string> {
  const inner = `${indent}  `;
  if (depth > 0 && (Array.isArray(value) || value instanceof MadeList) && value.length > 0) {
    sink.text += '[';
    let i = 0;
    for (const member of value as Iterable<unknown>) {
      const item = replace(replacer, String(i), member);
      sink.text += `${i > 0 ? ',' : ''}\n${inner}`;
      if (skipped(item)) sink.text += 'null';
      else if (depth > 1 && walkable(item)) yield* walk(item, replacer, inner, depth - 1, sink);
      else sink.text += leaf(item, replacer, inner);
      if (sink.text.length >= PIECE) {
        yield sink.text;
        sink.text = '';
      }
      i++;
    }
    sink.text += `\n${indent}]`;
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    let first = true;
    for (const key of Object.keys(value)) {
      const item = replace(replacer, key, value[key]);
      if (skipped(item)) continue;
      sink.text += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      if (depth > 1 && walkable(item)) yield* walk(item, replacer, inner, depth - 1, sink);
      else sink.text += leaf(item, replacer, inner);
      if (sink.text.length >= PIECE) {
        yield sink.text;
        sink.text = '';
      }
    }
    sink.text += first ? '{}' : `\n${indent}}`;
    return;
  }
  sink.text += leaf(value, replacer, indent);
}

/**
 * A leaf, or a member below `depth`: whole, its lines indented to where it stands. A JSON string
 * never holds a raw line break, so every one is the layout's.
 */
function leaf(value: unknown, replacer: JsonReplacer | undefined, indent: string): string {
  const text = JSON.stringify(value, replacer, 2) as string | undefined;
  return text === undefined ? 'null' : indent && text.indexOf('\n') >= 0 ? text.replace(/\n/g, `\n${indent}`) : text;
}
