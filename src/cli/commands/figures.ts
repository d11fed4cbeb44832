/** `summit-notes figures FILE [--json|--csv]`: every figure with its normalised value. */
import { SpanRows, parseNotes, type Figure, type NotesModel } from '../../core/model';
import type { Qualifier } from '../../core/figures';
import { CliError, EXIT_OK, exclusiveFlags, parseArgs, qualifierSign, readNotesFile, terminalText, type CliCommand } from '../io';
import { rangeJson, type RangeJson } from '../shapes';
import { csvRow } from '../csv';
import { OUTPUT_PIECE } from '../../core/text';

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

/** Pieces are handed on at about this many characters (see OUTPUT_PIECE). */
const PIECE = OUTPUT_PIECE;

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
    let buffer = '';
    const write = (text: string): void => {
      buffer += text;
      if (buffer.length >= PIECE) {
        io.out(buffer);
        buffer = '';
      }
    };
    // Each figure read from the model's rows as it is reached (FigureRows): no view object per
    // annotation or figure, no list of them all.
    const figures = new FigureRows(model);
    if (parsed.flags.has('json')) {
      // As jsonChunks({ file, language, figures } satisfies FiguresJson) writes it: JSON.stringify(…, null, 2).
      write(`{\n  "file": ${JSON.stringify(file)},\n  "language": ${JSON.stringify(model.language)},\n  "figures": ${figures.count ? '[' : '[]'}`);
      let first = true;
      for (const f of figures) {
        write(`${first ? '' : ','}\n    ${JSON.stringify(f, null, 2).replace(/\n/g, '\n    ')}`);
        first = false;
      }
      write(`${figures.count ? '\n  ]' : ''}\n}\n`);
    } else if (parsed.flags.has('csv')) {
      write(csvRow(CSV_HEADER));
      for (const f of figures) {
        write(csvRow([f.range.startLine, f.range.startColumn, f.text, f.value, f.unit, f.qualifier, f.year, f.metric, f.id, f.initiative, f.section, f.note]));
      }
    } else {
      for (const f of figures) {
        const value = f.value === null ? '(no value)' : `${qualifierSign(f.qualifier)}${formatNumber(f.value)}${unitSuffix(f.unit)}`;
        const extra = [f.metric, f.year === null ? null : String(f.year)].filter((x) => x !== null).join(', ');
        write(terminalText(`${f.range.startLine}:${f.range.startColumn}  ${value}  ← "${f.text}"${extra ? `  (${extra})` : ''}`) + '\n');
      }
    }
    io.out(buffer);
    return EXIT_OK;
  },
};

/**
 * The figures of a model in document order, each one's record made as it is reached, from the
 * rows (SpanRows): the enclosing initiative found through parent indexes with every
 * ancestor's answer kept, the section by a cursor over the sections (figures come in order).
 */
class FigureRows implements Iterable<FigureJson> {
  readonly count: number;
  private readonly facts: SpanRows;

  constructor(private readonly model: NotesModel) {
    this.facts = new SpanRows(model);
    let count = 0;
    for (let i = 0; i < this.facts.count; i++) if (this.facts.kind(i) === 'figure') count++;
    this.count = count;
  }

  *[Symbol.iterator](): Iterator<FigureJson> {
    const facts = this.facts;
    const sections = this.model.allSections;
    const titles = new Map<number, string>();
    // Per annotation: the index of the initiative holding it, -1 none, -2 not known yet.
    const holders = new Int32Array(facts.count).fill(-2);
    let s = 0;
    for (let i = 0; i < facts.count; i++) {
      const figure = facts.kind(i) === 'figure' ? facts.figure(i) : undefined;
      if (!figure) continue;
      const start = facts.start(i);
      // `annotation.section`: the last section starting at or before the figure.
      while (s < sections.length && sections[s].headingRange.start <= start) s++;
      let section: string | null = null;
      if (s > 0) {
        section = titles.get(s - 1) ?? null;
        if (section === null) titles.set(s - 1, (section = sections[s - 1].title));
      }
      const holder = this.initiativeOf(i, holders);
      yield {
        text: facts.plainText(i),
        id: facts.id(i) ?? null,
        value: figure.value ?? null,
        unit: figure.unit ?? null,
        qualifier: figure.qualifier,
        year: figure.year ?? null,
        metric: facts.attribute(i, 'metric') ?? null,
        source: figure.source,
        initiative: holder >= 0 ? facts.id(holder) ?? null : null,
        section,
        note: facts.attribute(i, 'note') ?? null,
        range: rangeJson(this.model.range(start, facts.end(i))),
      };
    }
  }

  /** The innermost initiative around annotation `i` (not itself), as `initiativeFinder` finds it. */
  private initiativeOf(i: number, holders: Int32Array): number {
    const facts = this.facts;
    const path: number[] = [];
    let found = -1;
    for (let p = facts.parent(i); p >= 0; p = facts.parent(p)) {
      if (facts.kind(p) === 'initiative') {
        found = p;
        break;
      }
      if (holders[p] !== -2) {
        found = holders[p];
        break;
      }
      path.push(p);
    }
    for (const q of path) holders[q] = found;
    return found;
  }
}

function unitSuffix(unit: string | null): string {
  if (unit === null) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}


/** Plain digits with thin grouping, so 650000000000 reads as 650 000 000 000. */
function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 }).replace(/,/g, ' ');
}
