/**
 * `summit-notes brief FILE --format html|md|json|csv [-o OUT] [--force] [--lang en|ru]`: the brief of a
 * notes file, on standard output or into OUT (`-o -`: standard output). An existing OUT is refused
 * unless `--force`, and OUT may never be the notes file itself (see outputFile.ts).
 */
import { resolve } from 'node:path';
import { parseNotes } from '../../core/model';
import { BRIEF_FORMATS, renderBriefChunks, type BriefFormat } from '../../core/brief';
import { CliError, EXIT_OK, parseArgs, readNotesFile, type CliCommand, type CliIo } from '../io';
import { LANG_USAGE, joinLangValue, langFlag } from '../lang';
import { writeOutputFile } from '../outputFile';

const USAGE = 'summit-notes brief FILE --format html|md|json|csv [-o OUT] [--force] [--lang en|ru]';

/** A CliIo that can also write files (tests pass a fake; the real process writes with `writeOutputFile`). */
export interface BriefIo extends CliIo {
  /** Writes `data` to `path`; with `exclusive`, rejects with code EEXIST when the file exists. */
  writeFile?(path: string, data: string, exclusive: boolean): Promise<void>;
}

export const command: CliCommand = {
  name: 'brief',
  summary: 'Render the brief of a notes file as HTML, Markdown, JSON or CSV',
  usage: `${USAGE}\n\n  --format F  html (self-contained page), md, json (schema in docs/CLI.md) or csv\n  -o OUT      write to OUT instead of standard output (- for standard output)\n  --force     overwrite OUT when it exists\n${LANG_USAGE}`,
  async run(args, io: BriefIo) {
    const parsed = parseArgs(joinOptionValues(joinLangValue(args)), ['format', 'o', 'force', 'lang'], USAGE);
    const lang = langFlag(parsed, USAGE);
    const positionals = parsed.positionals;
    const format = parsed.flags.get('format');
    const outFlag = parsed.flags.get('o');
    if (outFlag === true) throw new CliError(`-o needs a file name\nusage: ${USAGE}`);
    const out = outFlag;
    if (typeof format !== 'string' || !BRIEF_FORMATS.includes(format as BriefFormat)) throw new CliError(`--format must be one of ${BRIEF_FORMATS.join(', ')}\nusage: ${USAGE}`);
    if (positionals.length !== 1) throw new CliError(`expected exactly one FILE\nusage: ${USAGE}`);
    const file = positionals[0];
    const text = await readNotesFile(io, file);
    // In pieces, each written as soon as it is made: a large brief is never one string.
    const rendered = renderBriefChunks(parseNotes(text), format as BriefFormat, lang);
    if (out === undefined || out === '-') {
      for (const piece of rendered) io.out(piece);
      return EXIT_OK;
    }
    if (file !== '-' && resolve(out) === resolve(file)) throw new CliError(`${out}: refusing to overwrite the notes file itself`);
    if (io.writeFile) {
      try {
        await io.writeFile(out, [...rendered].join(''), !parsed.flags.has('force'));
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
        if (code === 'EEXIST') throw new CliError(`${out}: already exists (use --force to overwrite)`);
        throw new CliError(`${out}: cannot write: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      await writeOutputFile(out, rendered, { force: parsed.flags.has('force'), input: file });
    }
    io.err(`summit-notes brief: wrote ${out}\n`);
    return EXIT_OK;
  },
};

/**
 * Joins `--format html` and `-o out` into `--format=html` and `--o=out`, the form `parseArgs`
 * reads, so both spellings work. A value that is missing stays a bare flag and is reported.
 */
function joinOptionValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg === '-o' || arg === '--output' ? '--o' : arg === '--format' || arg === '-f' ? '--format' : undefined;
    if (name && i + 1 < args.length && !args[i + 1].startsWith('--')) {
      out.push(`${name}=${args[++i]}`);
    } else if (name) {
      out.push(name);
    } else if (arg.startsWith('--output=')) {
      out.push(`--o=${arg.slice('--output='.length)}`);
    } else {
      out.push(arg);
    }
  }
  return out;
}
