/** `summit-notes outline FILE [--json]`: sections → initiatives → their figures and actors. */
import { SpanRows, parseNotes, type NotesModel } from '../../core/model';
import { outlineEntries, type OutlineEntries, type OutlineNode } from '../../core/editor';
import type { Range } from '../../core/text';
import { CliError, EXIT_OK, parseArgs, readNotesFile, terminalText, type CliCommand } from '../io';
import { lineCol, rangeJson, type RangeJson } from '../shapes';

const USAGE = 'summit-notes outline FILE [--json]';

/** One outline node in `--json` output. */
export interface OutlineNodeJson {
  readonly kind: OutlineNode['kind'];
  readonly label: string;
  /** The heading's or annotation's `#id`, when it has one. */
  readonly id: string | null;
  readonly range: RangeJson;
  readonly children: readonly OutlineNodeJson[];
}

/** The whole `--json` document. */
export interface OutlineJson {
  readonly file: string;
  readonly title: string | null;
  readonly language: string;
  readonly outline: readonly OutlineNodeJson[];
}

export const command: CliCommand = {
  name: 'outline',
  summary: 'Print the outline: sections, their initiatives, and the figures and actors inside them',
  usage: `${USAGE}\n\n  --json  print the outline as JSON (shape in docs/CLI.md)`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, ['json'], USAGE);
    if (positionals.length !== 1) throw new CliError(`expected exactly one FILE\nusage: ${USAGE}`);
    const file = positionals[0];
    const model = parseNotes(await readNotesFile(io, file));
    // The outline's flat table (entries in document order, each with its parent), not a tree of
    // node objects: each node is made, written and let go.
    const entries = outlineEntries(model);
    if (flags.has('json')) {
      writeOutlineJson({ file, title: model.frontMatter?.title ?? null, language: model.language }, model, entries, io.out);
    } else {
      const head = model.frontMatter?.title ? `${terminalText(model.frontMatter.title)}\n` : '';
      writeTree(model, entries, head, io.out);
    }
    return EXIT_OK;
  },
};

/** What the outputs show of one outline entry: an OutlineNode of `buildOutline`, without its children. */
interface EntryNode {
  readonly kind: OutlineNode['kind'];
  readonly label: string;
  readonly id: string | undefined;
  readonly range: Range;
  readonly selectionRange: Range;
  /** The heading's level (sections only). */
  readonly level: number | undefined;
}

/** Entry `i` of `entries` as `buildOutline` would make its node (an annotation's read from the rows, no view object). */
function entryNode(model: NotesModel, facts: SpanRows, entries: OutlineEntries, i: number): EntryNode {
  const item = entries.items[i];
  if (item >= 0) {
    const start = facts.start(item);
    return {
      kind: facts.kind(item) ?? 'initiative', label: facts.plainText(item).trim(), id: facts.id(item),
      range: model.range(start, facts.end(item)), selectionRange: model.range(start + 1, facts.close(item)), level: undefined,
    };
  }
  const s = model.allSections[-1 - item];
  return { kind: 'section', label: s.title || '(untitled)', id: s.id, range: s.range, selectionRange: s.headingRange, level: s.level };
}

/** Each entry's depth in the outline (0 at the top): parents come before their children. */
function entryLevels(entries: OutlineEntries): Int32Array {
  const levels = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const parent = entries.parents[i];
    levels[i] = parent >= 0 ? levels[parent] + 1 : 0;
  }
  return levels;
}

/** Past this depth the text outline stops indenting and shows the depth instead (`(41) figure …`). */
export const MAX_TEXT_INDENT = 40;
/** Past this depth `--json` writes each node's subtree on one line: indentation would grow with the square of the depth. */
export const MAX_JSON_INDENT = 20;
/** Output is handed on in pieces of about this many characters, so a large outline is never one string. */
const CHUNK = 1 << 16;

/**
 * The `--json` document, written as `JSON.stringify(doc, null, 2)` would (one line per subtree
 * below `MAX_JSON_INDENT`), entry by entry in document order: an entry at depth L is an item of
 * an array whose items stand at JSON depth 2 + 2L; moving to a shallower entry closes the arrays
 * (and the nodes holding them) in between. Deep nests neither recurse nor make one large string.
 */
function writeOutlineJson(head: Omit<OutlineJson, 'outline'>, model: NotesModel, entries: OutlineEntries, out: (text: string) => void): void {
  let buffer = `{\n  "file": ${JSON.stringify(head.file)},\n  "title": ${JSON.stringify(head.title)},\n  "language": ${JSON.stringify(head.language)},\n  "outline": `;
  const n = entries.length;
  if (n === 0) {
    out(`${buffer}[]\n}\n`);
    return;
  }
  // A newline and indentation in pretty depths, nothing (or one space after `:`) in compact ones.
  const br = (depth: number): string => (depth > MAX_JSON_INDENT ? '' : `\n${'  '.repeat(depth)}`);
  const colon = (depth: number): string => (depth > MAX_JSON_INDENT ? ':' : ': ');
  /** Closes the array of entries at depth `level` and the node holding it (the roots' closes the document). */
  const close = (level: number): string => {
    const d = 2 + 2 * level;
    return `${br(d - 1)}]${level > 0 ? br(d - 2) + '}' : '\n}\n'}`;
  };
  const levels = entryLevels(entries);
  const facts = new SpanRows(model);
  buffer += '[';
  // The depth of the entries of the innermost open array.
  let open = 0;
  for (let i = 0; i < n; i++) {
    const level = levels[i];
    for (; open > level; open--) buffer += close(open);
    // The first item of an array follows its parent (or opens the roots').
    if (i > 0 && entries.parents[i] !== i - 1) buffer += ',';
    const node = entryNode(model, facts, entries, i);
    const d = 2 + 2 * level;
    const f = d + 1;
    buffer += `${br(d)}{${br(f)}"kind"${colon(f)}${JSON.stringify(node.kind)},${br(f)}"label"${colon(f)}${JSON.stringify(node.label)},` +
      `${br(f)}"id"${colon(f)}${JSON.stringify(node.id ?? null)},${br(f)}"range"${colon(f)}${rangeText(rangeJson(node.range), f)},${br(f)}"children"${colon(f)}`;
    if (i + 1 < n && entries.parents[i + 1] === i) {
      buffer += '[';
      open = level + 1;
    } else {
      buffer += `[]${br(d)}}`;
      open = level;
    }
    if (buffer.length >= CHUNK) {
      out(buffer);
      buffer = '';
    }
  }
  for (; open >= 0; open--) buffer += close(open);
  out(buffer);
}

/** A range object at depth `depth` (its fields one deeper), as `JSON.stringify(…, null, 2)` writes it. */
function rangeText(range: RangeJson, depth: number): string {
  if (depth + 1 > MAX_JSON_INDENT) return JSON.stringify(range);
  const inner = `\n${'  '.repeat(depth + 1)}`;
  const fields = Object.entries(range).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{${fields.join(',')}\n${'  '.repeat(depth)}}`;
}

/**
 * Indented text: `  initiative  Label  #id  12:5`, two spaces per level (up to
 * `MAX_TEXT_INDENT` levels; deeper lines show their depth). Entry by entry, written out in pieces.
 */
function writeTree(model: NotesModel, entries: OutlineEntries, head: string, out: (text: string) => void): void {
  let buffer = head;
  const levels = entryLevels(entries);
  const facts = new SpanRows(model);
  for (let i = 0; i < entries.length; i++) {
    const node = entryNode(model, facts, entries, i);
    const depth = levels[i];
    const label = terminalText(node.label.replace(/\s+/g, ' '));
    const marker = node.kind === 'section' ? '#'.repeat(node.level ?? 1) : node.kind;
    const indent = depth > MAX_TEXT_INDENT ? `${'  '.repeat(MAX_TEXT_INDENT)}(${depth}) ` : '  '.repeat(depth);
    buffer += `${indent}${marker} ${label}${node.id ? `  {#${terminalText(node.id)}}` : ''}  ${lineCol(node.selectionRange)}\n`;
    if (buffer.length >= CHUNK) {
      out(buffer);
      buffer = '';
    }
  }
  if (buffer) out(buffer);
}
