/** `summit-notes outline FILE [--json]`: sections → initiatives → their figures and actors. */
import { parseNotes, walkDepthFirst } from '../../core/model';
import { buildOutline, type OutlineNode } from '../../core/editor';
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
    const outline = buildOutline(model);
    if (flags.has('json')) {
      writeOutlineJson({ file, title: model.frontMatter?.title ?? null, language: model.language }, outline, io.out);
    } else {
      const head = model.frontMatter?.title ? `${terminalText(model.frontMatter.title)}\n` : '';
      writeTree(outline, head, io.out);
    }
    return EXIT_OK;
  },
};

function nodeId(node: OutlineNode): string | undefined {
  // An annotation node also carries its section; only a section node shows the section's id.
  return node.kind === 'section' ? node.section?.id : node.annotation?.id;
}

/** Past this depth the text outline stops indenting and shows the depth instead (`(41) figure …`). */
export const MAX_TEXT_INDENT = 40;
/** Past this depth `--json` writes each node's subtree on one line: indentation would grow with the square of the depth. */
export const MAX_JSON_INDENT = 20;
/** Output is handed on in pieces of about this many characters, so a large outline is never one string. */
const CHUNK = 1 << 16;

function nodeJson(node: OutlineNode): Omit<OutlineNodeJson, 'children'> {
  return { kind: node.kind, label: node.label, id: nodeId(node) ?? null, range: rangeJson(node.range) };
}

/**
 * The `--json` document, written as `JSON.stringify(doc, null, 2)` would (one line per subtree
 * below `MAX_JSON_INDENT`), by a loop over an explicit stack: deep nests neither overflow the call
 * stack nor make one large string.
 */
function writeOutlineJson(head: Omit<OutlineJson, 'outline'>, roots: readonly OutlineNode[], out: (text: string) => void): void {
  let buffer = `{\n  "file": ${JSON.stringify(head.file)},\n  "title": ${JSON.stringify(head.title)},\n  "language": ${JSON.stringify(head.language)},\n  "outline": `;
  // One frame per open array: its nodes, the next to write, and the depth of its items (the roots' is 2).
  const stack: { nodes: readonly OutlineNode[]; next: number; depth: number }[] = [];
  const open = (nodes: readonly OutlineNode[], depth: number): void => {
    if (nodes.length === 0) buffer += '[]';
    else {
      buffer += '[';
      stack.push({ nodes, next: 0, depth });
    }
  };
  // A newline and indentation in pretty depths, nothing (or one space after `:`) in compact ones.
  const br = (depth: number): string => (depth > MAX_JSON_INDENT ? '' : `\n${'  '.repeat(depth)}`);
  const colon = (depth: number): string => (depth > MAX_JSON_INDENT ? ':' : ': ');
  open(roots, 2);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const d = frame.depth;
    if (frame.next === frame.nodes.length) {
      stack.pop();
      buffer += `${br(d - 1)}]`;
      // The array closed was a node's `children`: close that node too (the roots' array closes the document).
      buffer += stack.length > 0 ? `${br(d - 2)}}` : '\n}\n';
    } else {
      const node = frame.nodes[frame.next++];
      if (frame.next > 1) buffer += ',';
      const json = nodeJson(node);
      const f = d + 1;
      buffer += `${br(d)}{${br(f)}"kind"${colon(f)}${JSON.stringify(json.kind)},${br(f)}"label"${colon(f)}${JSON.stringify(json.label)},` +
        `${br(f)}"id"${colon(f)}${JSON.stringify(json.id)},${br(f)}"range"${colon(f)}${rangeText(json.range, f)},${br(f)}"children"${colon(f)}`;
      if (node.children.length === 0) buffer += `[]${br(d)}}`;
      else open(node.children, d + 2);
    }
    if (buffer.length >= CHUNK) {
      out(buffer);
      buffer = '';
    }
  }
  if (stack.length === 0 && roots.length === 0) buffer += '\n}\n';
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
 * `MAX_TEXT_INDENT` levels; deeper lines show their depth). Depth first without recursion
 * (`walkDepthFirst`), written out in pieces.
 */
function writeTree(roots: readonly OutlineNode[], head: string, out: (text: string) => void): void {
  let buffer = head;
  walkDepthFirst(roots, (node, depth) => {
    const id = nodeId(node);
    const label = terminalText(node.label.replace(/\s+/g, ' '));
    const marker = node.kind === 'section' ? '#'.repeat(node.section?.level ?? 1) : node.kind;
    const indent = depth > MAX_TEXT_INDENT ? `${'  '.repeat(MAX_TEXT_INDENT)}(${depth}) ` : '  '.repeat(depth);
    buffer += `${indent}${marker} ${label}${id ? `  {#${terminalText(id)}}` : ''}  ${lineCol(node.selectionRange)}\n`;
    if (buffer.length >= CHUNK) {
      out(buffer);
      buffer = '';
    }
  });
  if (buffer) out(buffer);
}
