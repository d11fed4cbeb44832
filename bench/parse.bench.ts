/**
 * parseNotes against markdown-it's `parse` on the same generated notes files (1 MB and 10 MB,
 * Russian and English), and the heap the model retains. Goals (issue 3): parseNotes ≥ 10× the
 * throughput of markdown-it's parse, and a model no larger than 3× the text in memory.
 */
import MarkdownIt from 'markdown-it';
import { parseNotes, type NotesModel } from '../src/core';
import { benchArgs, fixed, mbPerSecond, measure, notesText, printTable, retainedHeap, stringHeapBytes, utf8Bytes } from './harness';

const THROUGHPUT_GOAL = 10;
const HEAP_GOAL = 3;

const args = benchArgs();
const md = new MarkdownIt();
const rows: string[][] = [[
  'input', 'MB', 'annot.', 'per 100 B', 'parseNotes MB/s', 'markdown-it MB/s', 'ratio', 'model heap MB', 'heap/text', 'heap/UTF-8',
]];
let worstRatio = Number.POSITIVE_INFINITY;
let worstHeap = 0;

for (const sizeMb of args.sizesMb) {
  for (const language of ['ru', 'en'] as const) {
    const text = notesText(sizeMb, language);
    const bytes = utf8Bytes(text);
    // Fewer runs on big inputs: each is long enough to time well on its own.
    const runs = args.quick ? 3 : sizeMb >= 10 ? 3 : 7;
    let model: NotesModel | undefined;
    const ours = measure(() => { model = parseNotes(text); }, runs);
    const theirs = measure(() => md.parse(text, {}), runs);
    const annotations = model?.annotations.length ?? 0;
    model = undefined;
    // Touch what features touch, so lazily built parts are counted too.
    const heap = retainedHeap(() => {
      const m = parseNotes(text);
      for (const a of m.annotations) void a.range.startPosition;
      return m;
    });
    const ourMbps = mbPerSecond(bytes, ours.medianMs);
    const theirMbps = mbPerSecond(bytes, theirs.medianMs);
    const ratio = ourMbps / theirMbps;
    const heapPerText = heap.bytes / stringHeapBytes(text);
    worstRatio = Math.min(worstRatio, ratio);
    worstHeap = Math.max(worstHeap, heapPerText);
    rows.push([
      `${language} ${sizeMb} MB`, fixed(bytes / 1e6, 2), String(annotations), fixed(annotations / (bytes / 100), 2),
      fixed(ourMbps), fixed(theirMbps), `${fixed(ratio, 2)}×`, fixed(heap.bytes / 1e6), `${fixed(heapPerText, 2)}×`,
      `${fixed(heap.bytes / bytes, 2)}×`,
    ]);
    if (heap.value.diagnostics.length > annotations / 100) {
      console.log(`note: ${language} ${sizeMb} MB has ${heap.value.diagnostics.length} diagnostics (generator and parser disagree?)`);
    }
  }
}

console.log('\nparseNotes vs markdown-it parse (median of runs; MB = 10^6 UTF-8 bytes)\n');
printTable(rows);
console.log(`\nthroughput ratio (worst): ${fixed(worstRatio, 2)}× — goal ≥ ${THROUGHPUT_GOAL}×: ${worstRatio >= THROUGHPUT_GOAL ? 'met' : 'NOT met'}`);
console.log(`model heap / text heap (worst): ${fixed(worstHeap, 2)}× — goal ≤ ${HEAP_GOAL}×: ${worstHeap <= HEAP_GOAL ? 'met' : 'NOT met'}`);
console.log('(text heap = the string as V8 holds it: 1 byte per char when all Latin-1, else 2; heap/UTF-8 is against the file size)');
