/**
 * The editor's hot paths over the core model, on generated notes files of each `--sizes` (default
 * 1 and 10 MB; the goals of issue 5 are for the 10 MB file with ~100k annotations):
 *   - the model after a one-character edit, as the editor makes it (editNotes; every kind of edit
 *     is measured by incremental.bench.ts) ≤ 16 ms, and as a full parseNotes for comparison
 *   - hover lookup (hoverAt at random offsets) ≤ 1 ms at p99
 *   - document symbols (the flat outline, every node's positions in one sweep, names and details:
 *     what the adapter reads) ≤ 50 ms
 *   - the Initiatives tree's children for 10k initiatives (grouping + labels) ≤ 100 ms
 * Also, without a budget of their own: the first hover after an edit (it builds the per-model
 * lookups), document symbols with the editor's objects (stand-ins of vscode's classes), workspace
 * symbol entries, and the highlighting of one screen and its margin, and of the overview ruler.
 * Printed as times (CPU time of the process, see `cpuMs` in harness.ts) and as a share of each
 * budget; markdown-it's parse of the same text is printed as the in-run reference for how fast this
 * machine is right now.
 */
import MarkdownIt from 'markdown-it';
import { editNotes, parseNotes, type Annotation, type NotesModel, type TextChange } from '../src/core';
import { highlightsIn, rulerMarks } from '../src/core/editor/highlights';
import { hoverAt } from '../src/core/editor/hoverText';
import { GROUP_BY, groupAnnotations } from '../src/core/editor/initiativeGroups';
import { PositionCursor } from '../src/core/editor/linePositions';
import { limitOutline, outlineEntries } from '../src/core/editor/outline';
import { symbolRange, symbolSelection, updateSymbolTable } from '../src/core/editor/symbolTable';
import { workspaceSymbolEntries } from '../src/core/editor/symbolEntries';
import { prng } from './generate';
import { benchArgs, cpuMs, editedText, fixed, measure, notesText, printTable, utf8Bytes } from './harness';

const args = benchArgs();
const language = 'en' as const;
const runs = args.quick ? 3 : 7;
/** markdown-it's parse speed on such text on an unloaded machine (issue 3), to scale busy-machine times. */
const REFERENCE_MBPS = 39;

/** Stand-ins of vscode's Position, Range and DocumentSymbol: the objects the adapter makes per symbol. */
class Pos {
  constructor(readonly line: number, readonly character: number) {
    if (line < 0 || character < 0) throw new Error('illegal position');
  }
}
class Rng {
  readonly start: Pos;
  readonly end: Pos;
  constructor(a: number, b: number, c: number, d: number) {
    this.start = new Pos(a, b);
    this.end = new Pos(c, d);
  }
}
class Sym {
  children: Sym[] = [];
  constructor(readonly name: string, readonly detail: string, readonly kind: number, readonly range: Rng, readonly selectionRange: Rng) {}
}

/** What the symbols adapter does: the core's symbol table (updateSymbolTable), and with `objects` a symbol object per entry. */
function documentSymbols(model: NotesModel, objects: boolean, max = 0): number {
  const { table } = updateSymbolTable(model, undefined, undefined, max);
  const symbols: Sym[] = objects ? new Array<Sym>(table.length) : [];
  let n = 0;
  for (let i = 0; i < table.length; i++) {
    const range = symbolRange(table, i);
    const selection = symbolSelection(table, i);
    if (objects) {
      const symbol = new Sym(table.names[i], table.details[i], 0, new Rng(range[0], range[1], range[2], range[3]), new Rng(selection[0], selection[1], selection[2], selection[3]));
      symbols[i] = symbol;
      const parent = table.parents[i];
      if (parent >= 0) symbols[parent].children.push(symbol);
    }
    n += table.names[i].length + table.details[i].length + range[0] + selection[3];
  }
  return n;
}

function benchSize(sizeMb: number): void {
  const text = notesText(sizeMb, language);
  const random = prng(7);
  const rows: string[][] = [['measure', 'input', 'median ms', 'p99 ms', 'budget ms', 'share of budget', 'share, unloaded*']];
  let scale = 1;
  const row = (name: string, input: string, median: number, p99: number | undefined, budget: number | undefined): void => {
    const share = budget === undefined ? undefined : (p99 ?? median) / budget;
    rows.push([name, input, fixed(median, 2), p99 === undefined ? '' : fixed(p99, 3), budget === undefined ? '—' : String(budget),
      share === undefined ? '' : `${fixed(share, 2)}×`, share === undefined ? '' : `${fixed(share * scale, 2)}×`]);
  };
  const label = `${language} ${fixed(utf8Bytes(text) / 1e6, 1)} MB`;

  // Reference: markdown-it on the same text, same run.
  const md = new MarkdownIt();
  const reference = measure(() => md.parse(text, {}), Math.min(runs, 3));
  // This run's markdown-it speed against the unloaded one: a factor < 1 means the machine is busy now.
  scale = Math.min(1, utf8Bytes(text) / 1e6 / (reference.medianMs / 1000) / REFERENCE_MBPS);

  // 1. The model after a one-character edit in the middle of the file: what the editor's model
  // cache does (editNotes: a letter typed, then deleted again, chained), and a full parse.
  const middle = text.indexOf('\n\n', Math.floor(text.length / 2));
  const typeX: TextChange = { offset: middle, deleted: 0, inserted: 'x' };
  const deleteX: TextChange = { offset: middle, deleted: 1, inserted: '' };
  const withX = editedText(text, typeX);
  let edited: NotesModel = parseNotes(text);
  let typed = false;
  const incremental = measure(() => {
    edited = typed ? editNotes(edited, deleteX, text) : editNotes(edited, typeX, withX);
    typed = !typed;
    return edited;
  }, runs * 10);
  row('model after a 1-char edit (editNotes)', label, incremental.medianMs, undefined, 16);
  const edit = measure(() => parseNotes(withX), sizeMb > 5 ? Math.min(runs, 3) : runs);
  row('  … as a full parseNotes', label, edit.medianMs, undefined, undefined);
  const model = parseNotes(text);
  const annotations = model.annotations.length;

  // 2. Hover lookup: offsets inside annotations (the realistic case) and anywhere.
  const hoverTimes: number[] = [];
  hoverAt(model, model.annotations[0]?.range.start ?? 0);
  for (let i = 0; i < 20_000; i++) {
    const a = model.annotations[Math.floor(random() * annotations)];
    const offset = i % 4 === 0 ? Math.floor(random() * text.length) : a.contentRange.start + Math.floor(random() * Math.max(1, a.contentRange.end - a.contentRange.start));
    hoverTimes.push(cpuMs(() => hoverAt(model, offset)));
  }
  hoverTimes.sort((x, y) => x - y);
  row('hover lookup (20k random offsets)', label, hoverTimes[hoverTimes.length >> 1], hoverTimes[Math.floor(hoverTimes.length * 0.99)], 1);
  // The first hover on a model (each edit makes a new one) builds the lookup it needs.
  const firstHover = (pick: (m: NotesModel) => Annotation | undefined): number[] => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = parseNotes(text);
      const a = pick(fresh);
      times.push(cpuMs(() => hoverAt(fresh, a?.contentRange.start ?? 0)));
    }
    return times.sort((x, y) => x - y);
  };
  const firstFigure = firstHover((m) => m.figures.find((f) => f.metric)?.annotation);
  row('first hover on a figure after an edit', label, firstFigure[1], undefined, undefined);
  const firstActor = firstHover((m) => m.annotations.find((a) => a.kind === 'actor'));
  row('first hover on an actor after an edit', label, firstActor[1], undefined, undefined);

  // 3. Document symbols: the flat outline, positions of every node, names and details.
  const symbols = measure(() => documentSymbols(model, false), runs);
  row('document symbols (outline + positions + names)', label, symbols.medianMs, undefined, 50);
  const symbolObjects = measure(() => documentSymbols(model, true), runs);
  row('  … and the editor objects (stand-ins)', label, symbolObjects.medianMs, undefined, undefined);
  // What the editor sends by default: within summitNotes.outline.maxSymbols (5000).
  const limited = limitOutline(model, outlineEntries(model), 5000);
  const withinLimit = measure(() => documentSymbols(model, true, 5000), runs);
  row(`  … within the default limit (${limited.entries.length} symbols, ${limited.depth})`, label, withinLimit.medianMs, undefined, undefined);
  const workspace = measure(() => workspaceSymbolEntries(model).length, runs);
  row('workspace symbol entries of the file', label, workspace.medianMs, undefined, undefined);

  // 4. Highlighting: 60 visible lines and 120 lines of margin each side, at random places; the ruler.
  const lines = model.positionAt(text.length).line + 1;
  const windows = measure(() => {
    let n = 0;
    for (let i = 0; i < 20; i++) {
      const top = Math.floor(random() * lines);
      const from = model.offsetAt({ line: Math.max(0, top - 120), character: 0 });
      const to = model.offsetAt({ line: top + 180, character: 0 });
      const found = highlightsIn(model, from, to);
      const cursor = PositionCursor.of(model);
      for (const flat of Object.values(found)) for (const offset of flat) n += cursor.lineOf(offset);
    }
    return n;
  }, runs);
  row('highlighting near the visible lines (per paint)', label, windows.medianMs / 20, undefined, undefined);
  const ruler = measure(() => rulerMarks(model), runs);
  const runCount = Object.values(rulerMarks(model)).reduce((n, r) => n + r.length / 2, 0);
  row(`overview ruler marks (${runCount} runs)`, label, ruler.medianMs, undefined, undefined);

  // 5. Tree children for 10k initiatives: cut the text where the 10 000th initiative ends.
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

  console.log(`\nEditor hot paths (${annotations} annotations, ${lines} lines in ${label}; markdown-it parse of it: ${fixed(reference.medianMs, 0)} ms as this run's reference)\n`);
  printTable(rows);
  console.log(`* scaled by this run's markdown-it speed against its ${REFERENCE_MBPS} MB/s on an unloaded machine (factor ${fixed(scale, 3)})`);
  const over = rows.slice(1).filter((r) => r[6] && Number(r[6].replace('×', '')) > 1).map((r) => r[0]);
  console.log(over.length ? `over budget (unloaded): ${over.join('; ')}` : 'every measure within its budget (unloaded)');
}

for (const size of args.sizesMb) benchSize(size);
