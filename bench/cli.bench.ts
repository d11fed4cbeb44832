/**
 * The CLI as whole processes: wall time and peak memory (resident set) of each command on a
 * generated notes file, side by side with a process that only parses the same file with
 * markdown-it (the reference: what any Markdown tool pays to start and read it). The goals are
 * issue 15's, each judged at the size the issue measured it on, and above: `lint` at least 3×
 * faster than the reference on 13.8 MB; every command's peak below 5× the file on 50 MB. Below
 * those sizes the numbers are printed without a verdict: a fixed cost (Node's start, about 45 MB
 * of memory) weighs more on a smaller file. Beside the whole peak, "added by the file" takes off
 * the same command's peak on an empty notes file, showing how memory grows with the input.
 * Needs `npm run build` first (it runs `dist/cli.js`, the shipped bundle).
 *   --sizes=13.8,50 file sizes in MB (default the issue's two; --quick 1)
 *   --runs=N        processes per command (default 3)
 *   --cli=PATH      another bundle to measure (e.g. an earlier build kept for comparison)
 *   --commands=lint only the commands starting with these words (e.g. lint,outline; default all)
 *   --before=PATH   an earlier bundle measured too, in the same runs (rows marked "before")
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixed, MB, notesText, printTable } from './harness';

const root = join(__dirname, '..', '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = argv.includes('--quick');
const runs = Math.max(1, Number(option('runs') ?? 3));
const cli = resolve(option('cli') ?? join(root, 'dist', 'cli.js'));
const before = option('before') === undefined ? undefined : resolve(option('before') as string);
/** The bundles measured: the earlier one (if any) first, its rows marked. */
const bundles: readonly { readonly path: string; readonly mark: string }[] = [...(before ? [{ path: before, mark: ' (before)' }] : []), { path: cli, mark: '' }];

/** Peak resident memory of every command below this many times the file's size, on files this large or larger. */
const MEMORY_GOAL = 5;
const MEMORY_GOAL_FROM_MB = 50;
/** `lint` as a whole process at least this many times faster than the reference, on files this large or larger. */
const SPEED_GOAL = 3;
const SPEED_GOAL_FROM_MB = 13.8;
const sizes = (option('sizes') ?? (quick ? '1' : `${SPEED_GOAL_FROM_MB},${MEMORY_GOAL_FROM_MB}`)).split(',').map(Number).filter((n) => n > 0);

const ALL_COMMANDS: readonly (readonly string[])[] = [
  ['lint'], ['figures', '--json'], ['figures', '--csv'], ['outline'], ['outline', '--json'],
  ['brief', '--format', 'html'], ['brief', '--format', 'json'], ['brief', '--format', 'md'], ['brief', '--format', 'csv'],
];
const only = option('commands')?.split(',').filter((c) => c !== '');
const COMMANDS = only ? ALL_COMMANDS.filter((args) => only.includes(args[0])) : ALL_COMMANDS;

interface ProcessSample {
  readonly ms: number;
  readonly peakBytes: number;
  readonly status: number | null;
}

/** Runs `node -r hook ARGS` with stdout discarded; the hook reports the peak resident set on exit. */
function runProcess(hook: string, args: readonly string[]): ProcessSample {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', hook, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peak = /PEAK_RSS_KB (\d+)/.exec(r.stderr ?? '');
  return { ms, peakBytes: peak ? Number(peak[1]) * 1024 : Number.NaN, status: r.status };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  for (const { path } of bundles) {
    if (!existsSync(path)) {
      console.log(`${path} not found: run \`npm run build\` first`);
      return;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'summit-cli-bench-'));
  try {
    const hook = join(dir, 'peak.cjs');
    writeFileSync(hook, "process.on('exit', () => { process.stderr.write('\\nPEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'); });\n");
    const reference = join(dir, 'markdown-it.cjs');
    writeFileSync(reference, `const md = require(${JSON.stringify(join(root, 'node_modules', 'markdown-it'))})();\n` +
      "md.parse(require('fs').readFileSync(process.argv[2], 'utf8'), {});\n");
    // Each command's memory on an empty notes file: what it holds whatever the input.
    const empty = join(dir, 'empty.summit.md');
    writeFileSync(empty, '');
    const emptyPeak = new Map<string, number>();
    for (const args of COMMANDS) {
      for (const { path, mark } of bundles) {
        const peaks = Array.from({ length: runs }, () => runProcess(hook, [path, ...args, empty]).peakBytes);
        emptyPeak.set(`${args.join(' ')}${mark}`, median(peaks));
      }
    }
    for (const size of sizes) {
      const file = join(dir, `notes-${size}.summit.md`);
      writeFileSync(file, notesText(size, 'ru'));
      const bytes = size * MB;
      const rows: string[][] = [['process', 'median ms', 'peak MB', 'peak / file', 'added by the file / file', 'reference / this', 'goals']];
      const referenceMs: number[] = [];
      const referencePeak: number[] = [];
      const samples = new Map<string, ProcessSample[]>();
      // Alternate the reference and the commands so a busy machine weighs on both alike.
      for (let run = 0; run < runs; run++) {
        const r = runProcess(hook, [reference, file]);
        referenceMs.push(r.ms);
        referencePeak.push(r.peakBytes);
        for (const args of COMMANDS) {
          for (const { path, mark } of bundles) {
            const key = `${args.join(' ')}${mark}`;
            const list = samples.get(key) ?? [];
            list.push(runProcess(hook, [path, ...args, file]));
            samples.set(key, list);
          }
        }
      }
      const ref = median(referenceMs);
      const refPeak = median(referencePeak);
      rows.push(['markdown-it parse (reference)', fixed(ref, 0), fixed(refPeak / MB, 0), fixed(refPeak / bytes, 2), '', '1.0', '']);
      let met = 0;
      let judged = 0;
      for (const [key, list] of samples) {
        const ms = median(list.map((s) => s.ms));
        const peak = median(list.map((s) => s.peakBytes));
        const failed = list.some((s) => s.status !== 0 && s.status !== 1) ? ' (failed)' : '';
        // Every command has the memory goal; lint has the speed goal too; each judged from its size on.
        const added = peak - (emptyPeak.get(key) ?? 0);
        const judgeMemory = size >= MEMORY_GOAL_FROM_MB;
        const isLint = key.split(' ')[0] === 'lint';
        const judgeSpeed = isLint && size >= SPEED_GOAL_FROM_MB;
        const memoryOk = !judgeMemory || peak / bytes < MEMORY_GOAL;
        const speedOk = !judgeSpeed || ref / ms >= SPEED_GOAL;
        if (judgeMemory || judgeSpeed) judged++;
        if ((judgeMemory || judgeSpeed) && memoryOk && speedOk) met++;
        const goals = [
          ...(judgeMemory ? [`memory ${memoryOk ? 'met' : 'NOT met'}`] : []),
          ...(judgeSpeed ? [`speed ${speedOk ? 'met' : 'NOT met'}`] : []),
        ].join(', ') || '-';
        rows.push([`summit-notes ${key}${failed}`, fixed(ms, 0), fixed(peak / MB, 0), fixed(peak / bytes, 2), fixed(added / bytes, 2), fixed(ref / ms, 2), goals]);
      }
      console.log(`\n${size} MB notes file, ${runs} processes each (goals: lint ≥ ${SPEED_GOAL}× the reference from ${SPEED_GOAL_FROM_MB} MB on; peak / file < ${MEMORY_GOAL} from ${MEMORY_GOAL_FROM_MB} MB on)`);
      printTable(rows);
      console.log(judged ? `${met} of ${judged} commands meet the goals judged at this size` : `no goal is judged at ${size} MB (speed from ${SPEED_GOAL_FROM_MB} MB, memory from ${MEMORY_GOAL_FROM_MB} MB): numbers only`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
