/** `summit-notes detect FILE [--json] [--lang ru|en]`: unannotated figures and initiative suggestions. */
import { detectInNotes, type Detection } from '../../core/detect';
import { jsonChunks } from '../../core/text';
import { CliError, EXIT_OK, parseArgs, qualifierSign, readNotesFile, type CliCommand } from '../io';

const USAGE = 'summit-notes detect FILE [--json] [--lang ru|en]';

/** One candidate in `--json` output (docs/CLI.md). Offsets are UTF-16 into the file's text, BOM removed. */
export interface DetectionJson {
  readonly kind: 'figure' | 'initiative';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Figures: the value in base units; initiatives: null. */
  readonly value: number | null;
  readonly unit: string | null;
  readonly qualifier: string | null;
  /** A range's lower end (`$3–5 bn` → 3000000000), only for ranges. */
  readonly min?: number;
  /** How likely it is what it looks like, 0–1: the scorer's score for initiatives, 1 for figures (rule-based). */
  readonly score: number;
}

export const command: CliCommand = {
  name: 'detect',
  summary: 'List figures not yet annotated and phrases that look like initiatives',
  usage: `${USAGE}\n\n  --json       print the candidates as a JSON array (shape in docs/CLI.md)\n  --lang=ru|en read the text in this language (default: front matter, else detected)`,
  async run(args, io) {
    const { file, json, language } = readArgs(args);
    const text = await readNotesFile(io, file);
    const result = detectInNotes(text, { language, forceLanguage: language !== undefined });
    const all: Detection[] = [...result.figures, ...result.initiatives].sort((a, b) => a.start - b.start || a.end - b.end);
    if (json) {
      for (const piece of jsonChunks(all.map(detectionJson))) io.out(piece);
      return EXIT_OK;
    }
    const lines = lineStarts(text);
    for (const d of all) {
      const where = position(lines, d.start);
      if (d.kind === 'figure') {
        const value = `${qualifierSign(d.qualifier)}${d.value}${d.unit ? ` ${d.unit}` : ''}`;
        io.out(`${where}  figure      ${JSON.stringify(d.text)}  = ${value}\n`);
      } else {
        io.out(`${where}  initiative  ${JSON.stringify(shorten(d.text))}  (${d.reason}; score ${d.score.toFixed(2)})\n`);
      }
    }
    io.out(`${result.figures.length} figure(s), ${result.initiatives.length} initiative suggestion(s) [${result.language}]\n`);
    return EXIT_OK;
  },
};

function readArgs(args: readonly string[]): { file: string; json: boolean; language: string | undefined } {
  // `--lang ru` (two words) as well as `--lang=ru`.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang' && i + 1 < args.length && !args[i + 1].startsWith('-')) { joined.push(`--lang=${args[i + 1]}`); i++; }
    else joined.push(args[i]);
  }
  const parsed = parseArgs(joined, ['json', 'lang'], USAGE);
  if (parsed.positionals.length !== 1) throw new CliError(`expected exactly one FILE\nusage: ${USAGE}`);
  const lang = parsed.flags.get('lang');
  if (lang === true || (lang !== undefined && lang !== 'ru' && lang !== 'en')) throw new CliError(`--lang takes ru or en\nusage: ${USAGE}`);
  return { file: parsed.positionals[0], json: parsed.flags.has('json'), language: lang };
}

function detectionJson(d: Detection): DetectionJson {
  if (d.kind === 'figure') {
    const json: DetectionJson = { kind: 'figure', start: d.start, end: d.end, text: d.text, value: d.value, unit: d.unit ?? null, qualifier: d.qualifier, score: 1 };
    return d.min === undefined ? json : { ...json, min: d.min };
  }
  return { kind: 'initiative', start: d.start, end: d.end, text: d.text, value: null, unit: null, qualifier: null, score: d.score };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** `line:col`, 1-based, columns in UTF-16 units like every other command. */
function position(starts: readonly number[], offset: number): string {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return `${lo + 1}:${offset - starts[lo] + 1}`;
}


function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}
