/**
 * Shared helpers for `bench/*.bench.ts`. `npm run bench` compiles the project and runs every
 * `out/bench/*.bench.js` in its own Node process (with `--expose-gc`), passing on its arguments:
 *   --sizes=1,10   sizes of the generated notes files in MB (default 1,10)
 *   --quick        1 MB only, fewer runs
 *   --compare=DIR  another checkout (its root, compiled with `tsc -p .`) whose core a bench that
 *                  supports it (parse) measures in the same process, side by side with this one
 * A bench file is a plain script: build inputs with `notesText`, time with `measure`, print with
 * `printTable`. Speed goals are ratios against a reference measured in the same run (markdown-it),
 * never absolute times, so a slow or busy machine does not change the verdict.
 */
import { join, resolve } from 'node:path';
import type { NotesModel } from '../src/core';
import { generateNotes, type BenchLanguage } from './generate';

/** 1 MB = 1 000 000 bytes of UTF-8 text. */
export const MB = 1_000_000;

export interface BenchArgs {
  readonly sizesMb: readonly number[];
  readonly quick: boolean;
  /** `--compare=DIR`: the root of another compiled checkout, resolved. */
  readonly compare: string | undefined;
}

export function benchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const quick = argv.includes('--quick');
  const sizesArg = argv.find((a) => a.startsWith('--sizes='));
  const sizesMb = sizesArg
    ? sizesArg.slice('--sizes='.length).split(',').map(Number).filter((n) => n > 0)
    : quick ? [1] : [1, 10];
  const compareArg = argv.find((a) => a.startsWith('--compare='));
  const compare = compareArg ? resolve(compareArg.slice('--compare='.length)) : undefined;
  return { sizesMb, quick, compare };
}

/**
 * What a bench compares of another checkout (`--compare=DIR`): its compiled core and its own copy
 * of `readEverything` (one function fed both builds' models would be slower for both).
 */
export interface CompareBuild {
  readonly dir: string;
  readonly core: typeof import('../src/core');
  readonly readEverything: (model: NotesModel) => number;
}

/** The checkout named by `--compare`, loaded from its out/ (it must have been compiled). */
export function compareBuild(dir: string): CompareBuild {
  const out = join(dir, 'out');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  const load = (path: string): unknown => require(join(out, path)) as unknown;
  const harness = load('bench/harness.js') as { readEverything?: (model: NotesModel) => number };
  return {
    dir,
    core: load('src/core/index.js') as typeof import('../src/core'),
    readEverything: harness.readEverything ?? readEverything,
  };
}

const cache = new Map<string, string>();
/** The generated notes file of `sizeMb` MB in `language` (seed 1), cached per process. */
export function notesText(sizeMb: number, language: BenchLanguage): string {
  const key = `${sizeMb}:${language}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = generateNotes({ bytes: Math.round(sizeMb * MB), language, seed: 1 });
    cache.set(key, text);
  }
  return text;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Bytes V8 needs for the string's characters: one per char when all are Latin-1, else two. */
export function stringHeapBytes(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/**
 * CPU time (user + system) of this process while `fn` runs, in ms. Not wall time: on a machine
 * shared with other jobs the wall clock also counts the time this process waited for a core (one
 * run measured markdown-it's parse of 1 MB at 270 ms, the next at 743 ms).
 */
export function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times (CPU time, see `cpuMs`); the median is the figure to quote. */
export function measure(fn: () => unknown, runs: number, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn));
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], runs };
}

/**
 * Times several functions side by side: after `warmup` rounds, `runs` rounds each calling every
 * function once, in turn, so all of them see the same load and the same garbage collector. CPU
 * time (user + system) of the process; the lower quartile is the figure to quote (steadier than
 * the median on a busy machine, less lucky than the minimum). Each turn calls the function twice
 * and times the second call: it then pays for the garbage its own first call left, not for the
 * collection of another function's (markdown-it's tokens, the objects "+ everything" makes),
 * which otherwise lands on whichever function comes next. Every other round runs the functions
 * in reverse order, so none always follows the same neighbour (with a fixed order the function
 * after the reference always met the reference's collections still in progress).
 */
export function measureSideBySide<K extends string>(fns: Readonly<Record<K, () => unknown>>, runs: number, warmup = 2): Record<K, Timing> {
  const keys = Object.keys(fns) as K[];
  const times = {} as Record<K, number[]>;
  for (const k of keys) times[k] = [];
  const reversed = [...keys].reverse();
  for (let round = -warmup; round < runs; round++) {
    for (const k of round & 1 ? reversed : keys) {
      fns[k]();
      const ms = cpuMs(fns[k]);
      if (round >= 0) times[k].push(ms);
    }
  }
  const out = {} as Record<K, Timing>;
  for (const k of keys) {
    const sorted = times[k].sort((a, b) => a - b);
    out[k] = { medianMs: sorted[Math.floor(sorted.length / 4)], minMs: sorted[0], runs };
  }
  return out;
}

/** MB/s for `bytes` processed in `ms`. */
export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / MB / (ms / 1000);
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
  // Twice: the first pass may only schedule finalisation of what the second frees.
  collect();
  collect();
}

/**
 * Memory retained by what `build` returns (kept alive while measuring), in bytes: the JS heap
 * and typed arrays' buffers. Inputs made before the call (the text) are not counted.
 */
export function retainedHeap<T>(build: () => T): { value: T; bytes: number } {
  gc();
  const before = heapAndBuffers();
  const value = build();
  gc();
  const bytes = heapAndBuffers() - before;
  return { value, bytes };
}

/** The JS heap plus ArrayBuffer contents (a typed array's numbers live outside `heapUsed`). */
function heapAndBuffers(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Prints rows as an aligned table (first row is the header). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export function fixed(n: number, digits = 1): string {
  return n.toFixed(digits);
}

/**
 * Reads what the editor's features read of a model, so that parts a model makes on first use are
 * paid for: every annotation with its kind, id, status, parent and range (line and character of
 * both ends), every figure's value, the diagnostics, the ids, every reference's target and every
 * section's range and title. Returns a number so the work cannot be optimised away.
 */
export function readEverything(model: NotesModel): number {
  let n = 0;
  for (const a of model.annotations) {
    const r = a.range;
    n += r.startPosition.line + r.endPosition.character + (a.kind ? 1 : 0) + (a.id ? 1 : 0) + (a.parent ? 1 : 0);
    if (a.kind === 'initiative' && a.attribute('status') !== undefined) n++;
  }
  for (const f of model.figures) if (f.value !== undefined) n++;
  n += model.diagnostics.length + model.ids.size;
  for (const r of model.references) if (r.target) n++;
  for (const s of model.allSections) n += s.range.endPosition.line + s.title.length;
  return n;
}

/**
 * `text` with `edit` applied, as one flat string: the editor's getText() is flat, while a
 * concatenation is a rope V8 flattens (copying the whole text) on first read, which would be
 * timed as ours.
 */
export function editedText(text: string, edit: { readonly offset: number; readonly deleted: number; readonly inserted: string }): string {
  const next = `${text.slice(0, edit.offset)}${edit.inserted}${text.slice(edit.offset + edit.deleted)}`;
  // eslint-disable-next-line no-control-regex
  void /\u0001/.test(next);
  return next;
}
