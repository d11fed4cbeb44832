/**
 * `summit-notes dossier DIR [--format html|md|csv|json] [-o OUT] [--force] [filters…]`: every
 * `*.summit.md` under DIR read into one workspace, and its dossier (tracked initiatives' timelines,
 * figures by metric with disagreements, `track=` findings, suggested links) rendered on standard
 * output or into OUT. OUT is refused when it exists (unless `--force`) and is never a notes file.
 */
import { promises as fs } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildDossier, DOSSIER_FORMATS, filterDossier, fromFiles, isIsoDate, parseNotes, renderDossier, summariseFile,
  type DossierFilter, type DossierFormat, type WorkspaceFile,
} from '../../core';
import { CliError, EXIT_OK, EXIT_USAGE, isCliError, parseArgs, readNotesFile, type CliCommand, type CliIo } from '../io';
import { SummaryWorker, displayPath } from '../summaryWorker';

const USAGE = 'summit-notes dossier DIR [--format html|md|csv|json] [-o OUT] [--force] [--summit S] [--area A] [--status S] [--actor A] [--language L] [--from DATE] [--to DATE]';

/** How many files are read ahead of the one being parsed. */
const READ_AHEAD = 8;

/** From this many files on, a second core (when one is free) summarises some of them (a worker costs tens of milliseconds to start). */
const WORKER_MIN_FILES = 200;

type ReadResult = { readonly text: string } | { readonly error: unknown };

const VALUE_OPTIONS = ['format', 'o', 'summit', 'area', 'status', 'actor', 'language', 'from', 'to'] as const;

/** A CliIo that can also list a folder and write files (tests pass a fake; the real process uses node:fs). */
export interface DossierIo extends CliIo {
  /** Every `*.summit.md` under `dir` (recursively, hidden folders and node_modules skipped), as paths joinable to `dir`. */
  listNotesFiles?(dir: string): Promise<string[]>;
  /** Writes `data` to `path`; with `exclusive`, rejects with code EEXIST when the file exists. */
  writeFile?(path: string, data: string, exclusive: boolean): Promise<void>;
  /**
   * Let a second thread read and summarise some of the files: always (true), never (false), or
   * when the folder is large and a core is free (undefined). Only an io that `readsDisk` has one.
   */
  summaryWorker?: boolean;
  /** For tests: the second thread stops (fails) when it takes this many-th file. */
  summaryWorkerStopsAt?: number;
}

async function nodeListNotesFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    // Dirents do not follow symbolic links, so a link loop cannot make the walk endless.
    const entries = await fs.readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') await walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.summit.md')) out.push(path);
    }
  };
  const stat = await fs.stat(dir);
  if (!stat.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  await walk(dir);
  return out;
}

async function nodeWriteFile(path: string, data: string, exclusive: boolean): Promise<void> {
  await fs.writeFile(path, data, { encoding: 'utf8', flag: exclusive ? 'wx' : 'w' });
}

/** `--name value` and `-o value` into `--name=value`, the form `parseArgs` reads. */
function joinOptionValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const bare = arg === '-o' || arg === '--output' ? 'o' : arg === '-f' ? 'format' : arg.startsWith('--') ? arg.slice(2) : undefined;
    if (bare !== undefined && (VALUE_OPTIONS as readonly string[]).includes(bare) && !arg.includes('=')) {
      if (i + 1 < args.length && !args[i + 1].startsWith('--')) out.push(`--${bare}=${args[++i]}`);
      else out.push(`--${bare}`);
    } else if (arg.startsWith('--output=')) out.push(`--o=${arg.slice('--output='.length)}`);
    else out.push(arg);
  }
  return out;
}

function stringFlag(flags: ReadonlyMap<string, string | true>, name: string): string | undefined {
  const v = flags.get(name);
  if (v === true) throw new CliError(`--${name === 'o' ? 'o' : name} needs a value\nusage: ${USAGE}`);
  return v;
}

/**
 * True when a second thread would get a core of its own: two cores or more, and the load of the
 * last minute leaves one free (where the load is not known it reads 0). On a busy machine a
 * second thread only shares this one's time and adds the cost of handing summaries over.
 */
function hasIdleCore(): boolean {
  const cores = availableParallelism();
  return cores > 1 && loadavg()[0] <= cores - 1;
}

/** What `summariseFolder` gives: the summaries by path relative to DIR, and how many files could not be read. */
export interface FolderSummaries {
  readonly files: Map<string, WorkspaceFile>;
  readonly unreadable: number;
  /** Summaries the second thread made (0 without one), and files it took but left to this thread. */
  readonly byWorker: number;
  readonly leftByWorker: number;
}

/**
 * The summaries of `paths` (files under `dir`, in this order), keyed by their path relative to
 * `dir`, and how many could not be read (each reported on `io.err`, in the order of `paths`). Each
 * file is summarised as soon as it is parsed: its text and model are not kept. Reads run a few
 * files ahead of the parse (at most READ_AHEAD texts wait in memory), so an asynchronous read
 * overlaps the parsing. With a second core, a worker (summaryWorker.ts) takes files from the same
 * counter as this thread, reads and summarises them itself, and sends their summaries in batches,
 * taken here between files; summaries are put in the order of `paths`, and the files the worker
 * took without answering are done here at the end.
 */
export async function summariseFolder(dir: string, paths: readonly string[], io: DossierIo): Promise<FolderSummaries> {
  const summaries: (WorkspaceFile | undefined)[] = new Array(paths.length);
  const refusals: (string | undefined)[] = new Array(paths.length);
  const useWorker = io.readsDisk === true && (io.summaryWorker ?? (paths.length >= WORKER_MIN_FILES && hasIdleCore()));
  const worker = useWorker ? startWorker(dir, paths, summaries, refusals, io.summaryWorkerStopsAt) : undefined;
  let counter = 0;
  const take = worker ? () => worker.take() : () => counter++;
  // Each file read as `readNotesFile` reads one: through the process's notes reader when it has
  // one (a small file read whole, synchronously, and decoded; a file over 16 MB checked in pieces
  // so that its bytes are never held beside its text), else its bytes at once, asynchronously.
  // Synchronous reads cost less than asynchronous ones through the thread pool (at 2,000 files /
  // 40 MB, 2.0 s of CPU against 2.4 s, and less wall time on a busy machine).
  const read = (i: number): Promise<ReadResult> =>
    readNotesFile(io, paths[i]).then((text): ReadResult => ({ text }), (error: unknown): ReadResult => ({ error }));
  const settle = (i: number, result: ReadResult): void => {
    if ('error' in result) {
      // The process's reader is another bundle's (the CLI's entry), with its own CliError class.
      if (!isCliError(result.error)) throw result.error;
      refusals[i] = result.error.message;
    } else {
      summaries[i] = summariseFile(displayPath(dir, paths[i]), parseNotes(result.text));
    }
  };
  let leftByWorker = 0;
  try {
    const ahead: { readonly index: number; readonly read: Promise<ReadResult> }[] = [];
    const readAhead = (): void => {
      while (ahead.length < READ_AHEAD) {
        const index = take();
        if (index >= paths.length) return;
        ahead.push({ index, read: read(index) });
      }
    };
    readAhead();
    for (let next = ahead.shift(); next !== undefined; next = ahead.shift()) {
      const result = await next.read;
      readAhead();
      settle(next.index, result);
      worker?.poll();
    }
    if (worker) {
      await worker.finish();
      // Files the worker took and did not answer (it failed, or the codec cannot carry a summary).
      for (let i = 0; i < paths.length; i++) {
        if (summaries[i] !== undefined || refusals[i] !== undefined) continue;
        settle(i, await read(i));
        leftByWorker++;
      }
    }
  } finally {
    await worker?.stop();
  }
  const files = new Map<string, WorkspaceFile>();
  let unreadable = 0;
  for (let i = 0; i < paths.length; i++) {
    const file = summaries[i];
    if (file) files.set(file.path, file);
    const refusal = refusals[i];
    if (refusal !== undefined) {
      unreadable++;
      io.err(`summit-notes dossier: ${refusal} (left out)\n`);
    }
  }
  return { files, unreadable, byWorker: worker?.answered ?? 0, leftByWorker };
}

/** A worker whose answers fill `summaries` and `refusals`, or undefined when no thread can be started. */
function startWorker(dir: string, paths: readonly string[], summaries: (WorkspaceFile | undefined)[], refusals: (string | undefined)[], stopAt: number | undefined): SummaryWorker | undefined {
  try {
    return new SummaryWorker(dir, paths, {
      summary: (index, file) => { summaries[index] ??= file; },
      refused: (index, message) => { refusals[index] ??= message; },
    }, stopAt);
  } catch {
    // No second thread (a runtime without one, or too many threads): this thread does every file.
    return undefined;
  }
}

export const command: CliCommand = {
  name: 'dossier',
  summary: 'Follow initiatives and figures across every notes file of a folder (HTML, Markdown, CSV or JSON)',
  usage: `${USAGE}\n\n  --format F  html (self-contained page, the default), md, csv or json (schema in docs/CLI.md)\n  -o OUT      write to OUT instead of standard output\n  --force     overwrite OUT when it exists\n  --summit S  articles whose summit: contains S (any case)\n  --area A    initiatives with area A (figures: of the initiative they stand in)\n  --status S  mentions with status S\n  --actor A   mentions whose by= or nested actor contains A (any case)\n  --language L  articles in language L (a filter; --lang is the output language of brief and lint)\n  --from D, --to D  articles dated from / up to D (YYYY-MM-DD, inclusive)`,
  async run(args, io: DossierIo) {
    const parsed = parseArgs(joinOptionValues(args), [...VALUE_OPTIONS, 'force'], USAGE);
    const flags = parsed.flags;
    const format = stringFlag(flags, 'format') ?? 'html';
    if (!DOSSIER_FORMATS.includes(format as DossierFormat)) throw new CliError(`--format must be one of ${DOSSIER_FORMATS.join(', ')}\nusage: ${USAGE}`);
    const out = stringFlag(flags, 'o');
    const filter: DossierFilter = {
      summit: stringFlag(flags, 'summit'),
      area: stringFlag(flags, 'area'),
      status: stringFlag(flags, 'status'),
      actor: stringFlag(flags, 'actor'),
      language: stringFlag(flags, 'language'),
      from: stringFlag(flags, 'from'),
      to: stringFlag(flags, 'to'),
    };
    for (const name of ['from', 'to'] as const) {
      const date = filter[name];
      if (date !== undefined && !isIsoDate(date)) throw new CliError(`--${name} must be a date YYYY-MM-DD, not '${date}'\nusage: ${USAGE}`);
    }
    if (parsed.positionals.length !== 1) throw new CliError(`expected exactly one DIR\nusage: ${USAGE}`);
    const dir = parsed.positionals[0];

    let paths: string[];
    try {
      paths = await (io.listNotesFiles ?? nodeListNotesFiles)(dir);
    } catch (e) {
      const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
      throw new CliError(`${dir}: cannot list: ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : e instanceof Error ? e.message : String(e)}`);
    }
    paths.sort();
    const { files, unreadable } = await summariseFolder(dir, paths, io);
    if (out !== undefined && (out.endsWith('.summit.md') || paths.some((p) => resolve(p) === resolve(out)))) {
      throw new CliError(`${out}: refusing to write over a notes file`);
    }
    const dossier = filterDossier(buildDossier(fromFiles(files)), filter);
    const rendered = renderDossier(dossier, format as DossierFormat);
    if (out === undefined) io.out(rendered);
    else {
      const write = io.writeFile ?? nodeWriteFile;
      try {
        await write(out, rendered, !flags.has('force'));
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
        if (code === 'EEXIST') throw new CliError(`${out}: already exists (use --force to overwrite)`);
        throw new CliError(`${out}: cannot write: ${e instanceof Error ? e.message : String(e)}`);
      }
      io.err(`summit-notes dossier: wrote ${out} (${files.size} notes file(s))\n`);
    }
    return unreadable ? EXIT_USAGE : EXIT_OK;
  },
};
