/** `summit-notes figures FILE [--json|--csv]`: every figure with its normalised value. */
import { initiativeFinder, parseNotes, type Annotation, type Figure } from '../../core/model';
import type { Qualifier } from '../../core/figures';
import { CliError, EXIT_OK, exclusiveFlags, parseArgs, qualifierSign, readNotesFile, terminalText, type CliCommand } from '../io';
import { lineCol, rangeJson, type RangeJson } from '../shapes';
import { csvRow } from '../csv';

const USAGE = 'summit-notes figures FILE [--json|--csv]';

/** One figure in `--json` output. */
export interface FigureJson {
  /** The span's text with nested markup removed. */
  readonly text: string;
  readonly id: string | null;
  readonly value: number | null;
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
  readonly year: number | null;
  readonly metric: string | null;
  /** Where value and unit came from: the span's text or its `value=`/`unit=` attributes. */
  readonly source: Figure['source'];
  /** `#id` of the enclosing initiative, when the figure sits inside one. */
  readonly initiative: string | null;
  /** Title of the innermost section, when any. */
  readonly section: string | null;
  readonly note: string | null;
  readonly range: RangeJson;
}

/** The whole `--json` document. */
export interface FiguresJson {
  readonly file: string;
  readonly language: string;
  readonly figures: readonly FigureJson[];
}

/** Output is handed on in pieces of about this many characters. */
const PIECE = 1 << 16;

const CSV_HEADER = ['line', 'column', 'text', 'value', 'unit', 'qualifier', 'year', 'metric', 'id', 'initiative', 'section', 'note'];

export const command: CliCommand = {
  name: 'figures',
  summary: 'List the figures with their normalised values (text, JSON or CSV)',
  usage: `${USAGE}\n\n  --json  print the figures as JSON (shape in docs/CLI.md)\n  --csv   print the figures as CSV (RFC 4180, header row first)`,
  async run(args, io) {
    const parsed = parseArgs(args, ['json', 'csv'], USAGE);
    exclusiveFlags(parsed, ['json', 'csv'], USAGE);
    if (parsed.positionals.length !== 1) throw new CliError(`expected exactly one FILE\nusage: ${USAGE}`);
    const file = parsed.positionals[0];
    const model = parseNotes(await readNotesFile(io, file));
    const initiativeOf = initiativeFinder();
    // Each figure's record is made, written and let go: never a list of them all, nor one string.
    let buffer = '';
    const write = (text: string): void => {
      buffer += text;
      if (buffer.length >= PIECE) {
        io.out(buffer);
        buffer = '';
      }
    };
    const figures = model.figures;
    if (parsed.flags.has('json')) {
      // As jsonChunks({ file, language, figures } satisfies FiguresJson) writes it: JSON.stringify(…, null, 2).
      write(`{\n  "file": ${JSON.stringify(file)},\n  "language": ${JSON.stringify(model.language)},\n  "figures": ${figures.length ? '[' : '[]'}`);
      for (let i = 0; i < figures.length; i++) {
        write(`${i > 0 ? ',' : ''}\n    ${JSON.stringify(figureJson(figures[i], initiativeOf), null, 2).replace(/\n/g, '\n    ')}`);
      }
      write(`${figures.length ? '\n  ]' : ''}\n}\n`);
    } else if (parsed.flags.has('csv')) {
      write(csvRow(CSV_HEADER));
      for (const figure of figures) {
        const f = figureJson(figure, initiativeOf);
        write(csvRow([f.range.startLine, f.range.startColumn, f.text, f.value, f.unit, f.qualifier, f.year, f.metric, f.id, f.initiative, f.section, f.note]));
      }
    } else {
      for (const figure of figures) {
        const f = figureJson(figure, initiativeOf);
        const value = f.value === null ? '(no value)' : `${qualifierSign(f.qualifier)}${formatNumber(f.value)}${unitSuffix(f.unit)}`;
        const extra = [f.metric, f.year === null ? null : String(f.year)].filter((x) => x !== null).join(', ');
        write(terminalText(`${lineCol(figure.annotation.range)}  ${value}  ← "${f.text}"${extra ? `  (${extra})` : ''}`) + '\n');
      }
    }
    io.out(buffer);
    return EXIT_OK;
  },
};

function figureJson(figure: Figure, initiativeOf: (a: Annotation) => Annotation | undefined): FigureJson {
  const a = figure.annotation;
  const holder = initiativeOf(a);
  const initiative = holder ? holder.id ?? null : null;
  return {
    text: a.plainText,
    id: a.id ?? null,
    value: figure.value ?? null,
    unit: figure.unit ?? null,
    qualifier: figure.qualifier,
    year: figure.year ?? null,
    metric: figure.metric ?? null,
    source: figure.source,
    initiative,
    section: a.section?.title ?? null,
    note: a.attribute('note') ?? null,
    range: rangeJson(a.range),
  };
}

function unitSuffix(unit: string | null): string {
  if (unit === null) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}


/** Plain digits with thin grouping, so 650000000000 reads as 650 000 000 000. */
function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 }).replace(/,/g, ' ');
}
