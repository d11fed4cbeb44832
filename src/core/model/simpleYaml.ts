/**
 * The fast path of the front matter: most notes files open with a few `key: value` lines and at
 * most one level of nested `  key: value` lines (`source:` with `name:` and `url:`). Such YAML is
 * read here line by line, giving exactly what the YAML package would (the same values, the same
 * node offsets), at a small fraction of its cost; anything else — quotes, comments, lists, flow
 * collections, anchors, tags, block scalars, multi-line values, duplicate keys, tabs, CR, a value
 * YAML could read as null, a boolean or a number other than a plain whole number — returns
 * undefined, and the caller reads the block with the YAML package as before.
 */

/** A top-level value's node offsets (in the YAML source): [start, end) of the value, or of the nested mapping. */
export interface SimpleYamlEntry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** The nested keys' value offsets, for a nested mapping. */
  readonly nested?: readonly { readonly key: string; readonly start: number; readonly end: number }[];
}

export interface SimpleYaml {
  readonly data: Record<string, unknown>;
  readonly entries: readonly SimpleYamlEntry[];
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:( +)(.*?))? *$/;
const NESTED_LINE = /^ {2}([A-Za-z_][A-Za-z0-9_-]*):( +)(.*?) *$/;
/** Keys the YAML core schema reads as something other than a string. */
const SPECIAL_WORD = /^(?:null|true|false|~)$/i;
/** A whole number YAML and `Number` read alike (no sign, no leading zero, well inside 2^53). */
const WHOLE = /^(?:0|[1-9][0-9]{0,14})$/;
/** An ISO date, which the core schema leaves a string. */
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Characters a plain value may not start with (indicators), or may not hold anywhere here. */
const BAD_FIRST = /^[-?:,[\]{}#&*!|>'"%@`.+]/;
const BAD_ANYWHERE = /[#\t[\]{}]|: |:$/;

/** A plain scalar's value as the core schema reads it, or undefined when this path does not decide. */
function scalar(value: string): string | number | undefined {
  if (value === '' || BAD_FIRST.test(value) || BAD_ANYWHERE.test(value) || SPECIAL_WORD.test(value)) return undefined;
  const c = value.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (WHOLE.test(value)) return Number(value);
    return ISO_DATE.test(value) ? value : undefined;
  }
  return value;
}

/** Reads `source` when it is simple YAML (see the file comment); undefined otherwise. */
export function readSimpleYaml(source: string): SimpleYaml | undefined {
  if (source.length === 0 || source.includes('\r') || source.charCodeAt(source.length - 1) !== 10) return undefined;
  const data: Record<string, unknown> = {};
  const entries: SimpleYamlEntry[] = [];
  let at = 0;
  // The top-level key whose nested mapping is being read.
  let open: { key: string; start: number; map: Record<string, unknown>; nested: { key: string; start: number; end: number }[] } | undefined;
  const close = (end: number): boolean => {
    if (!open) return true;
    if (open.nested.length === 0) return false;
    entries.push({ key: open.key, start: open.start, end, nested: open.nested });
    data[open.key] = open.map;
    open = undefined;
    return true;
  };
  while (at < source.length) {
    const nl = source.indexOf('\n', at);
    const line = source.slice(at, nl);
    if (line.charCodeAt(0) === 32) {
      const m = open ? NESTED_LINE.exec(line) : null;
      if (!m || !open) return undefined;
      const value = scalar(m[3]);
      if (value === undefined || Object.prototype.hasOwnProperty.call(open.map, m[1]) || SPECIAL_WORD.test(m[1]) || m[1] === '__proto__') return undefined;
      if (open.nested.length === 0) open.start = at + 2;
      const start = at + 2 + m[1].length + 1 + m[2].length;
      open.map[m[1]] = value;
      open.nested.push({ key: m[1], start, end: start + m[3].length });
    } else {
      if (!close(at)) return undefined;
      const m = KEY_LINE.exec(line);
      if (!m || SPECIAL_WORD.test(m[1]) || Object.prototype.hasOwnProperty.call(data, m[1]) || m[1] === '__proto__') return undefined;
      if (m[3] === undefined || m[3] === '') {
        open = { key: m[1], start: -1, map: {}, nested: [] };
      } else {
        const value = scalar(m[3]);
        if (value === undefined) return undefined;
        const start = at + m[1].length + 1 + m[2].length;
        data[m[1]] = value;
        entries.push({ key: m[1], start, end: start + m[3].length });
      }
    }
    at = nl + 1;
  }
  if (!close(source.length)) return undefined;
  return entries.length ? { data, entries } : undefined;
}
