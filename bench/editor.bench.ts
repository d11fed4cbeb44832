/**
 * The editor's hot paths over the core model, on the generated 10 MB notes file (issue 5):
 *   - the model after a one-character edit (no incremental parse exists: a full parseNotes) ≤ 16 ms
 *   - hover lookup (hoverAt at random offsets) ≤ 1 ms at p99
 *   - document symbols (buildOutline + every node's positions, as the adapter converts them) ≤ 50 ms
 *   - the Initiatives tree's children for 10k initiatives (grouping + labels) ≤ 100 ms
 * Printed as times and as a share of each budget; markdown-it's parse of the same text is printed
 * as the in-run reference for how fast this machine is right now.
 */
import MarkdownIt from 'markdown-it';
import { buildOutline, parseNotes, type NotesModel, type OutlineNode } from '../src/core';
import { hoverAt } from '../src/core/hoverText';
import { GROUP_BY, groupAnnotations } from '../src/core/initiativeGroups';
import { prng } from './generate';
import { benchArgs, fixed, measure, notesText, printTable, utf8Bytes } from './harness';

const args = benchArgs();
const sizeMb = Math.max(...args.sizesMb);
const language = 'en' as const;
const text = notesText(sizeMb, language);
const runs = args.quick ? 3 : 7;
const random = prng(7);
/** markdown-it's parse speed on such text on an unloaded machine (issue 3), to scale busy-machine times. */
const REFERENCE_MBPS = 39;
const rows: string[][] = [['measure', 'input', 'median ms', 'p99 ms', 'budget ms', 'share of budget', 'share, unloaded*']];
let scale = 1;
const row = (name: string, input: string, median: number, p99: number | undefined, budget: number): void => {
  const share = (p99 ?? median) / budget;
  rows.push([name, input, fixed(median, 2), p99 === undefined ? '' : fixed(p99, 3), String(budget), `${fixed(share, 2)}×`, `${fixed(share * scale, 2)}×`]);
};
const label = `${language} ${fixed(utf8Bytes(text) / 1e6, 1)} MB`;

// Reference: markdown-it on the same text, same run.
const md = new MarkdownIt();
const reference = measure(() => md.parse(text, {}), Math.min(runs, 3));
// This run's markdown-it speed against the unloaded one: a factor < 1 means the machine is busy now.
scale = Math.min(1, utf8Bytes(text) / 1e6 / (reference.medianMs / 1000) / REFERENCE_MBPS);

// 1. The model after a one-character edit in the middle of the file.
let model: NotesModel = parseNotes(text);
const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
let edits = 0;
const edit = measure(() => {
  edits++;
  const edited = `${text.slice(0, middle)}${edits % 2 ? 'x' : 'y'}${text.slice(middle)}`;
  model = parseNotes(edited);
}, runs);
row('model after a 1-char edit (full parseNotes)', label, edit.medianMs, undefined, 16);
model = parseNotes(text);
const annotations = model.annotations.length;

// 2. Hover lookup: offsets inside annotations (the realistic case) and anywhere.
const hoverTimes: number[] = [];
hoverAt(model, model.annotations[0]?.range.start ?? 0); // the first hover builds the per-model indexes
for (let i = 0; i < 20_000; i++) {
  const a = model.annotations[Math.floor(random() * annotations)];
  const offset = i % 4 === 0 ? Math.floor(random() * text.length) : a.contentRange.start + Math.floor(random() * Math.max(1, a.contentRange.end - a.contentRange.start));
  const t0 = process.hrtime.bigint();
  hoverAt(model, offset);
  hoverTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
hoverTimes.sort((x, y) => x - y);
row('hover lookup (20k random offsets)', label, hoverTimes[hoverTimes.length >> 1], hoverTimes[Math.floor(hoverTimes.length * 0.99)], 1);
const fresh = parseNotes(text);
const t0 = process.hrtime.bigint();
hoverAt(fresh, fresh.figures[0]?.annotation.contentRange.start ?? 0);
const firstHoverMs = Number(process.hrtime.bigint() - t0) / 1e6;

// 3. Document symbols: the outline and the positions of every node (what the adapter converts).
const touch = (nodes: readonly OutlineNode[]): number => {
  let n = 0;
  for (const node of nodes) {
    n += node.range.startPosition.line + node.range.endPosition.line + node.selectionRange.startPosition.character + node.selectionRange.endPosition.character;
    n += touch(node.children);
  }
  return n;
};
const symbols = measure(() => touch(buildOutline(model)), runs);
row('document symbols (outline + positions)', label, symbols.medianMs, undefined, 50);

// 4. Tree children for 10k initiatives: cut the text where the 10 000th initiative ends.
const initiatives = model.annotations.filter((a) => a.kind === 'initiative');
const tenK = initiatives[Math.min(9_999, initiatives.length - 1)];
const cut = text.indexOf('\n\n', tenK.range.end);
const treeModel = parseNotes(cut > 0 ? text.slice(0, cut) : text);
const treeCount = treeModel.annotations.filter((a) => a.kind === 'initiative').length;
for (const groupBy of GROUP_BY) {
  const tree = measure(() => {
    let n = 0;
    for (const group of groupAnnotations(treeModel, groupBy)) {
      n += group.label.length;
      // What getTreeItem reads for each child: label, id, status, area.
      for (const a of group.annotations) n += a.plainText.length + (a.id?.length ?? 0) + (a.attribute('status')?.length ?? 0);
    }
    return n;
  }, runs);
  row(`tree children by ${groupBy}`, `${treeCount} initiatives`, tree.medianMs, undefined, 100);
}

console.log(`\nEditor hot paths (${annotations} annotations in ${label}; markdown-it parse of it: ${fixed(reference.medianMs, 0)} ms as this run's reference)\n`);
printTable(rows);
console.log(`\nfirst hover on a fresh model (builds its metric and actor indexes): ${fixed(firstHoverMs, 1)} ms`);
console.log(`* scaled by this run's markdown-it speed against its ${REFERENCE_MBPS} MB/s on an unloaded machine (factor ${fixed(scale, 3)})`);
const over = rows.slice(1).filter((r) => Number(r[6].replace('×', '')) > 1).map((r) => r[0]);
console.log(over.length ? `over budget (unloaded): ${over.join('; ')}` : 'every measure within its budget (unloaded)');
