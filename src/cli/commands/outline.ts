/** `summit-notes outline FILE [--json]`: sections → initiatives → their figures and actors. */
import { buildOutline, parseNotes, type OutlineNode } from '../../core';
import { CliError, EXIT_OK, jsonOut, parseArgs, readNotesFile, type CliCommand } from '../io';
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
      const doc: OutlineJson = {
        file,
        title: model.frontMatter?.title ?? null,
        language: model.language,
        outline: outline.map(nodeJson),
      };
      io.out(jsonOut(doc));
    } else {
      const lines: string[] = [];
      if (model.frontMatter?.title) lines.push(model.frontMatter.title);
      writeTree(outline, 0, lines);
      io.out(lines.length ? lines.join('\n') + '\n' : '');
    }
    return EXIT_OK;
  },
};

function nodeId(node: OutlineNode): string | undefined {
  // An annotation node also carries its section; only a section node shows the section's id.
  return node.kind === 'section' ? node.section?.id : node.annotation?.id;
}

function nodeJson(node: OutlineNode): OutlineNodeJson {
  return {
    kind: node.kind,
    label: node.label,
    id: nodeId(node) ?? null,
    range: rangeJson(node.range),
    children: node.children.map(nodeJson),
  };
}

/** Indented text: `  initiative  Label  #id  12:5`, two spaces per level. */
function writeTree(nodes: readonly OutlineNode[], depth: number, lines: string[]): void {
  for (const node of nodes) {
    const id = nodeId(node);
    const label = node.label.replace(/\s+/g, ' ');
    const marker = node.kind === 'section' ? '#'.repeat(node.section?.level ?? 1) : node.kind;
    lines.push(`${'  '.repeat(depth)}${marker} ${label}${id ? `  {#${id}}` : ''}  ${lineCol(node.selectionRange)}`);
    writeTree(node.children, depth + 1, lines);
  }
}
