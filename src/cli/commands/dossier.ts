/**
 * `summit-notes dossier DIR [--format html|md|csv|json] [-o OUT] [--force] [--lang en|ru] [filters…]`: every
 * `*.summit.md` under DIR read into one workspace, and its dossier (tracked initiatives' timelines,
 * figures by metric with disagreements, `track=` findings, suggested links) rendered on standard
 * output or into OUT. OUT is refused when it exists (unless `--force`) and is never a notes file.
 * Its words are in `--lang`, else in the language most of its articles (after the filters) are written in.
 */
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  buildDossier, DOSSIER_FORMATS, dossierLanguage, filterDossier, fromFiles, isIsoDate, parseNotes, renderDossierChunks, summariseFile,
  type DossierFilter, type DossierFormat, type WorkspaceFile,
} from '../../core';
import { CliError, EXIT_OK, EXIT_USAGE, isCliError, parseArgs, readNotesFile, type CliCommand, type CliIo } from '../io';
import { joinLangValue, langFlag } from '../lang';
import { writeOutputFile } from '../outputFile';

const USAGE = 'summit-notes dossier DIR [--format html|md|csv|json] [-o OUT] [--force] [--lang en|ru] [--summit S] [--area A] [--status S] [--actor A] [--language L] [--from DATE] [--to DATE]';

/** How many files are read ahead of the one being parsed. */
const READ_AHEAD = 8;

type ReadResult = { readonly text: string } | { readonly error: unknown };

const VALUE_OPTIONS = ['format', 'o', 'summit', 'area', 'status', 'actor', 'language', 'from', 'to'] as const;

/** A CliIo that can also list a folder and write files (tests pass a fake; the real process uses node:fs). */
export interface DossierIo extends CliIo {
  /** Every `*.summit.md` under `dir` (recursively, hidden folders and node_modules skipped), as paths joinable to `dir`. */
  listNotesFiles?(dir: string): Promise<string[]>;
  /** Writes `data` to `path`; with `exclusive`, rejects with code EEXIST when the file exists. */
  writeFile?(path: string, data: string, exclusive: boolean): Promise<void>;
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

/** A path as the dossier shows it: relative to DIR, with `/`. */
function displayPath(dir: string, path: string): string {
  const rel = relative(dir, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * The summaries of `paths` (files under `dir`, in this order), keyed by their path relative to
 * `dir`, and how many could not be read (each reported on `io.err`). Each file is summarised as
 * soon as it is parsed: its text and model are not kept. Reads run a few files ahead of the parse
 * (at most READ_AHEAD texts wait in memory), so an asynchronous read overlaps the parsing.
 * One thread does it all: a second one (a worker taking files from a shared counter, reading and
 * summarising them itself and sending the summaries in batches) was slower at 2,000 files /
 * 40 MB on two cores, and saved a third of the time at best at 10,000 files / 200 MB (see
 * docs/CLI.md, `dossier`).
 */
export async function summariseFolder(dir: string, paths: readonly string[], io: DossierIo): Promise<{ files: Map<string, WorkspaceFile>; unreadable: number }> {
  const files = new Map<string, WorkspaceFile>();
  let unreadable = 0;
  const reads: (Promise<ReadResult> | undefined)[] = [];
  // Each file read as `readNotesFile` reads one: through the process's notes reader when it has
  // one (a small file read whole, synchronously, and decoded; a file over 16 MB checked in pieces
  // so that its bytes are never held beside its text), else its bytes at once, asynchronously.
  // Synchronous reads cost less than asynchronous ones through the thread pool (at 2,000 files /
  // 40 MB, 2.0 s of CPU against 2.4 s, and less wall time on a busy machine).
  const startRead = (i: number): void => {
    reads[i] = readNotesFile(io, paths[i]).then((text): ReadResult => ({ text }), (error: unknown): ReadResult => ({ error }));
  };
  for (let i = 0; i < Math.min(READ_AHEAD, paths.length); i++) startRead(i);
  for (let i = 0; i < paths.length; i++) {
    const read = await (reads[i] as Promise<ReadResult>);
    reads[i] = undefined;
    if (i + READ_AHEAD < paths.length) startRead(i + READ_AHEAD);
    if ('error' in read) {
      // The process's reader is another bundle's (the CLI's entry), with its own CliError class.
      if (!isCliError(read.error)) throw read.error;
      unreadable++;
      io.err(`summit-notes dossier: ${read.error.message} (left out)\n`);
      continue;
    }
    const file = summariseFile(displayPath(dir, paths[i]), parseNotes(read.text));
    files.set(file.path, file);
  }
  return { files, unreadable };
}

export const command: CliCommand = {
  name: 'dossier',
  summary: 'Follow initiatives and figures across every notes file of a folder (HTML, Markdown, CSV or JSON)',
  usage: `${USAGE}\n\n  --format F  html (self-contained page, the default), md, csv or json (schema in docs/CLI.md)\n  -o OUT      write to OUT instead of standard output\n  --force     overwrite OUT when it exists\n  --lang L    en or ru: the language of the output's words (default: the language most of the articles, after the filters, are written in; en on a tie)\n  --summit S  articles whose summit: contains S (any case)\n  --area A    initiatives with area A (figures: of the initiative they stand in)\n  --status S  mentions with status S\n  --actor A   mentions whose by= or nested actor contains A (any case)\n  --language L  articles in language L (a filter; --lang is the output language)\n  --from D, --to D  articles dated from / up to D (YYYY-MM-DD, inclusive)`,
  async run(args, io: DossierIo) {
    const parsed = parseArgs(joinOptionValues(joinLangValue(args)), [...VALUE_OPTIONS, 'force', 'lang'], USAGE);
    const flags = parsed.flags;
    const lang = langFlag(parsed, USAGE);
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
    // In pieces, each written as soon as it is made: a large workspace's dossier is never one string.
    const pieces = renderDossierChunks(dossier, format as DossierFormat, lang ?? dossierLanguage(dossier));
    if (out === undefined) for (const piece of pieces) io.out(piece);
    else {
      if (io.writeFile) {
        try {
          await io.writeFile(out, [...pieces].join(''), !flags.has('force'));
        } catch (e) {
          const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
          if (code === 'EEXIST') throw new CliError(`${out}: already exists (use --force to overwrite)`);
          throw new CliError(`${out}: cannot write: ${e instanceof Error ? e.message : String(e)}`);
        }
      } else {
        // Through a temporary file renamed into place, as `brief -o` writes: an interrupted write leaves no cut file.
        await writeOutputFile(out, pieces, { force: flags.has('force') });
      }
      io.err(`summit-notes dossier: wrote ${out} (${files.size} notes file(s))\n`);
    }
    return unreadable ? EXIT_USAGE : EXIT_OK;
  },
};
