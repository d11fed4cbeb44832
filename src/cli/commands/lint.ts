/**
 * `summit-notes lint FILE… [--json] [--lang en|ru]`: every diagnostic of every file, one line each
 * (`file:line:col severity code message`), exit 1 when any is an error.
 */
import { parseNotes, type Diagnostic, type DiagnosticCode, type Severity } from '../../core/model';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseArgs, readNotesFile, terminalText, type CliCommand } from '../io';
import { lineCol, rangeJson, type RangeJson } from '../shapes';
import { LANG_USAGE, joinLangValue, langFlag } from '../lang';
import { jsonChunks, outputLanguage } from '../../core/text';
import { localiseDiagnostics } from '../../core/model';

const USAGE = 'summit-notes lint FILE… [--json] [--lang en|ru]';

/** One problem in `--json` output. */
export interface ProblemJson {
  readonly file: string;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly range: RangeJson;
}

/** A file that could not be linted at all (unreadable, binary, not UTF-8). */
export interface UnreadableJson {
  readonly file: string;
  readonly message: string;
}

/** The whole `--json` document. */
export interface LintJson {
  readonly problems: readonly ProblemJson[];
  readonly unreadable: readonly UnreadableJson[];
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly other: number };
}

export const command: CliCommand = {
  name: 'lint',
  summary: 'Check notes files and print one line per problem; exit 1 when there are errors',
  usage: `${USAGE}\n\n  --json      print the problems as JSON (shape in docs/CLI.md)\n${LANG_USAGE}\n\n` +
    'Each problem: FILE:LINE:COL SEVERITY CODE MESSAGE (1-based line and column).\n' +
    'Exit code: 0 no errors, 1 errors found, 2 usage error or a file that cannot be read.',
  async run(args, io) {
    const parsed = parseArgs(joinLangValue(args), ['json', 'lang'], USAGE);
    const { flags, positionals } = parsed;
    const lang = langFlag(parsed, USAGE);
    if (positionals.length === 0) throw new CliError(`expected at least one FILE\nusage: ${USAGE}`);
    const problems: ProblemJson[] = [];
    const unreadable: UnreadableJson[] = [];
    // Files are linted one by one so a single unreadable file does not hide the others' problems.
    for (const file of positionals) {
      let text: string;
      try {
        text = await readNotesFile(io, file);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        unreadable.push({ file, message: e.message });
        io.err(`summit-notes lint: ${terminalText(e.message, true)}\n`);
        continue;
      }
      const model = parseNotes(text);
      const diagnostics = [...localiseDiagnostics(model.diagnostics, lang ?? outputLanguage(model.language))].sort(byPosition);
      for (const d of diagnostics) {
        problems.push({ file, severity: d.severity, code: d.code, message: d.message, range: rangeJson(d.range) });
        if (!flags.has('json')) io.out(`${terminalText(file)}:${lineCol(d.range)} ${d.severity} ${d.code} ${terminalText(oneLine(d.message))}\n`);
      }
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.filter((p) => p.severity === 'warning').length;
    if (flags.has('json')) {
      const doc: LintJson = {
        problems,
        unreadable,
        summary: { files: positionals.length, errors, warnings, other: problems.length - errors - warnings },
      };
      for (const piece of jsonChunks(doc)) io.out(piece);
    }
    if (unreadable.length) return EXIT_USAGE;
    return errors ? EXIT_PROBLEMS : EXIT_OK;
  },
};

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

/** Keeps the one-problem-per-line promise even if a message holds a newline. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
