/**
 * parseNotes against markdown-it's `parse` on the same generated notes files (1 MB and 10 MB,
 * Russian and English), and the memory the model retains. Goals (issue 3): parseNotes ≥ 10× the
 * throughput of markdown-it's parse, and a model no larger than 3× the text in memory.
 *
 * parseNotes reads the structure (every span, reference, heading and the front matter) into
 * tables; the objects, figure values, ids and diagnostics are made when first asked for. So two
 * figures for ours, side by side with markdown-it in one run:
 *   - "parseNotes": the call alone;
 *   - "+ everything": the call and then what the editor's features read (every annotation with
 *     kind, id, status, parent and range positions, every figure's value, the diagnostics, the
 *     ids, every reference's target, every section) — see `readEverything`.
 * With `--compare=DIR` (another checkout, compiled) its parseNotes, alone and + everything, joins
 * the same rounds, and a second table gives this build's CPU time against it: a before/after
 * comparison that the machine's load and the order of runs touch alike.
 */
import MarkdownIt from 'markdown-it';
import { parseNotes, type NotesModel } from '../src/core';
import {
  benchArgs, compareBuild, fixed, mbPerSecond, measureSideBySide, notesText, printTable, readEverything, retainedHeap, stringHeapBytes, utf8Bytes,
} from './harness';

const THROUGHPUT_GOAL = 10;
const HEAP_GOAL = 3;

const args = benchArgs();
const md = new MarkdownIt();
const rows: string[][] = [[
  'input', 'MB', 'annot.', 'per 100 B', 'parseNotes MB/s', '+ everything MB/s', 'markdown-it MB/s', 'ratio', 'ratio, + everything', 'model MB', 'model/text', 'model/UTF-8',
]];
const other = args.compare === undefined ? undefined : compareBuild(args.compare);
const compareRows: string[][] = [['input', 'parseNotes ms', 'compare ms', 'change', '+ everything ms', 'compare ms', 'change']];
/** This build's time against the other's, as a signed percentage (positive: this one is slower). */
const change = (ours: number, theirs: number): string => `${ours >= theirs ? '+' : '−'}${fixed(Math.abs(ours / theirs - 1) * 100)}%`;
let worstRatio = Number.POSITIVE_INFINITY;
let worstEverything = Number.POSITIVE_INFINITY;
let worstHeap = 0;

for (const sizeMb of args.sizesMb) {
  for (const language of ['ru', 'en'] as const) {
    const text = notesText(sizeMb, language);
    const bytes = utf8Bytes(text);
    // Fewer runs on big inputs: each is long enough to time well on its own.
    const runs = args.quick ? 5 : sizeMb >= 10 ? 5 : 25;
    let annotations = 0;
    const fns: Record<string, () => unknown> = {
      ours: () => parseNotes(text),
      everything: () => { const m = parseNotes(text); annotations = m.annotations.length; return readEverything(m); },
      markdownIt: () => md.parse(text, {}),
    };
    if (other) {
      fns.compare = () => other.core.parseNotes(text);
      fns.compareEverything = () => other.readEverything(other.core.parseNotes(text));
    }
    const t = measureSideBySide(fns, runs);
    if (other) {
      compareRows.push([
        `${language} ${sizeMb} MB`, fixed(t.ours.medianMs, 2), fixed(t.compare.medianMs, 2), change(t.ours.medianMs, t.compare.medianMs),
        fixed(t.everything.medianMs, 2), fixed(t.compareEverything.medianMs, 2), change(t.everything.medianMs, t.compareEverything.medianMs),
      ]);
    }
    // The model as features leave it: everything they read has been made.
    const heap = retainedHeap((): NotesModel => {
      const m = parseNotes(text);
      readEverything(m);
      return m;
    });
    const ourMbps = mbPerSecond(bytes, t.ours.medianMs);
    const everythingMbps = mbPerSecond(bytes, t.everything.medianMs);
    const theirMbps = mbPerSecond(bytes, t.markdownIt.medianMs);
    const ratio = ourMbps / theirMbps;
    const ratioEverything = everythingMbps / theirMbps;
    const heapPerText = heap.bytes / stringHeapBytes(text);
    worstRatio = Math.min(worstRatio, ratio);
    worstEverything = Math.min(worstEverything, ratioEverything);
    worstHeap = Math.max(worstHeap, heapPerText);
    rows.push([
      `${language} ${sizeMb} MB`, fixed(bytes / 1e6, 2), String(annotations), fixed(annotations / (bytes / 100), 2),
      fixed(ourMbps), fixed(everythingMbps), fixed(theirMbps), `${fixed(ratio, 2)}×`, `${fixed(ratioEverything, 2)}×`,
      fixed(heap.bytes / 1e6), `${fixed(heapPerText, 2)}×`, `${fixed(heap.bytes / bytes, 2)}×`,
    ]);
    if (heap.value.diagnostics.length > annotations / 100) {
      console.log(`note: ${language} ${sizeMb} MB has ${heap.value.diagnostics.length} diagnostics (generator and parser disagree?)`);
    }
  }
}

console.log('\nparseNotes vs markdown-it parse, side by side (CPU time, lower quartile of interleaved runs; MB = 10^6 UTF-8 bytes)');
console.log('"parseNotes" is the call alone; "+ everything" also reads what the features read (see bench/harness.ts readEverything)\n');
printTable(rows);
console.log(`\nthroughput ratio, parseNotes (worst): ${fixed(worstRatio, 2)}× — goal ≥ ${THROUGHPUT_GOAL}×: ${worstRatio >= THROUGHPUT_GOAL ? 'met' : 'NOT met'}`);
console.log(`throughput ratio, parseNotes + everything features read (worst): ${fixed(worstEverything, 2)}×`);
console.log(`model memory / text heap (worst): ${fixed(worstHeap, 2)}× — goal ≤ ${HEAP_GOAL}×: ${worstHeap <= HEAP_GOAL ? 'met' : 'NOT met'}`);
console.log('(model memory = JS heap + typed-array buffers retained, after everything was read; text heap = the string as V8 holds it: 1 byte per char when all Latin-1, else 2)');
if (other) {
  console.log(`\nthis build against ${other.dir} in the same rounds (CPU ms, lower quartile; change: + means this build is slower)\n`);
  printTable(compareRows);
}
