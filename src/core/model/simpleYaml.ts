/**
 * The fast path of the front matter: most notes files open with a few `key: value` lines, at most
 * one level of nested `  key: value` lines (`source:` with `name:` and `url:`, `areas:`,
 * `glossary:`), and lists of plain values (`tags: [a, b]`, or `speakers:` with `  - name` lines).
 * Such YAML is read here line by line, giving exactly what the YAML package would (the same values,
 * the same node offsets), at a small fraction of its cost and without loading the package;
 * anything else — quotes, comments, blank lines, nested lists or mappings in a list, anchors, tags,
 * block scalars, multi-line values, duplicate keys, tabs, CR, a value YAML could read as null, a
 * boolean or a number other than a plain whole number — returns undefined, and the caller reads
 * the block with the YAML package as before.
 */

/** A top-level value's node offsets (in the YAML source): [start, end) of the value, or of the nested mapping or list. */
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
/**
 * A nested `  key: value` line. The key is any plain text YAML reads as a string alike in a key
 * and here (`three evils`, `МФЦА`): no indicator or digit first, no colon, `#`, tab or bracket.
 */
const NESTED_LINE = /^ {2}([^\s\-?:,[\]{}#&*!|>'"%@`0-9.+~<=\\][^:#\t[\]{},]*?):( +)(.*?) *$/;
/** An item of a block list: `- value`, at the key's indentation or two spaces in. */
const ITEM_LINE = /^( {2})?- +(.*?) *$/;
/** Keys the YAML core schema reads as something other than a string. */
const SPECIAL_WORD = /^(?:null|true|false|~)$/i;
/** A whole number YAML and `Number` read alike (no sign, no leading zero, well inside 2^53). */
const WHOLE = /^(?:0|[1-9][0-9]{0,14})$/;
/** An ISO date, which the core schema leaves a string. */
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Characters a plain value may not start with (indicators), or may not hold anywhere here. */
const BAD_FIRST = /^[-?:,[\]{}#&*!|>'"%@`.+]/;
const BAD_ANYWHERE = /[#\t[\]{}]|: |:$/;
/** What an item of a flow list (`[a, b]`) may not hold besides: any colon (`a:b` reads otherwise there). */
const BAD_IN_FLOW = /[:,]/;
/** A flow list on one line: `[` … `]`, nothing after. */
const FLOW_LIST = /^\[([^[\]{}]*)\]$/;

/** A plain scalar's value as the core schema reads it, or undefined when this path does not decide. */
function scalar(value: string): string | number | undefined {
  if (value === '' || BAD_FIRST.test(value) || BAD_ANYWHERE.test(value) || SPECIAL_WORD.test(value)) return undefined;
  const c = value.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (WHOLE.test(value)) return Number(value);
    // No number YAML reads holds a space (`25th SCO summit` stays text).
    return ISO_DATE.test(value) || value.includes(' ') ? value : undefined;
  }
  return value;
}

/** The items of a one-line flow list of plain values (`[a, b c, 3]`), or undefined. */
function flowList(value: string): (string | number)[] | undefined {
  const m = FLOW_LIST.exec(value);
  if (!m) return undefined;
  const inner = m[1];
  if (/^ *$/.test(inner)) return [];
  const items: (string | number)[] = [];
  for (const raw of inner.split(',')) {
    const item = raw.trim();
    // trim() takes more than spaces (tabs, no-break spaces): only spaces may surround an item.
    if (raw.replace(/^ +| +$/g, '') !== item || BAD_IN_FLOW.test(item)) return undefined;
    const v = scalar(item);
    if (v === undefined) return undefined;
    items.push(v);
  }
  return items;
}

/** The top-level key whose nested mapping or block list is being read. */
interface Open {
  readonly key: string;
  start: number;
  /** Undecided until the first nested line. */
  kind: 'map' | 'list' | undefined;
  /** A list's items' indentation (`''` or two spaces). */
  indent: string;
  readonly map: Record<string, unknown>;
  readonly list: (string | number)[];
  readonly nested: { key: string; start: number; end: number }[];
}

/** Reads `source` when it is simple YAML (see the file comment); undefined otherwise. */
export function readSimpleYaml(source: string): SimpleYaml | undefined {
  if (source.length === 0 || source.includes('\r') || source.charCodeAt(source.length - 1) !== 10) return undefined;
  const data: Record<string, unknown> = {};
  const entries: SimpleYamlEntry[] = [];
  let at = 0;
  let open: Open | undefined;
  const close = (end: number): boolean => {
    if (!open) return true;
    if (open.kind === undefined) return false;
    if (open.kind === 'list') {
      entries.push({ key: open.key, start: open.start, end });
      data[open.key] = open.list;
    } else {
      entries.push({ key: open.key, start: open.start, end, nested: open.nested });
      data[open.key] = open.map;
    }
    open = undefined;
    return true;
  };
  while (at < source.length) {
    const nl = source.indexOf('\n', at);
    const line = source.slice(at, nl);
    const item = open && open.kind !== 'map' ? ITEM_LINE.exec(line) : null;
    if (item && open) {
      const indent = item[1] ?? '';
      if (open.kind === undefined) {
        open.kind = 'list';
        open.indent = indent;
        open.start = at + indent.length;
      } else if (indent !== open.indent) return undefined;
      const value = scalar(item[2]);
      if (value === undefined) return undefined;
      open.list.push(value);
    } else if (line.charCodeAt(0) === 32) {
      const m = open && open.kind !== 'list' ? NESTED_LINE.exec(line) : null;
      if (!m || !open) return undefined;
      const value = scalar(m[3]);
      if (value === undefined || m[1].endsWith(' ') || Object.prototype.hasOwnProperty.call(open.map, m[1]) || SPECIAL_WORD.test(m[1]) || m[1] === '__proto__') return undefined;
      if (open.kind === undefined) {
        open.kind = 'map';
        open.start = at + 2;
      }
      const start = at + 2 + m[1].length + 1 + m[2].length;
      open.map[m[1]] = value;
      open.nested.push({ key: m[1], start, end: start + m[3].length });
    } else {
      if (!close(at)) return undefined;
      const m = KEY_LINE.exec(line);
      if (!m || SPECIAL_WORD.test(m[1]) || Object.prototype.hasOwnProperty.call(data, m[1]) || m[1] === '__proto__') return undefined;
      if (m[3] === undefined || m[3] === '') {
        open = { key: m[1], start: -1, kind: undefined, indent: '', map: {}, list: [], nested: [] };
      } else {
        const value = m[3].charCodeAt(0) === 91 ? flowList(m[3]) : scalar(m[3]);
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
