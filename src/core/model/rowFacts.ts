/**
 * What a model works out from its tables on first use (model/document.ts): figure readings and
 * the per-span checks (unknown kind, area and status against the vocabulary, figures without a
 * value). Both are kept with the scanned rows (model/tables.ts `Base`), so the models later edits make
 * reuse them for every row they did not re-read. Neither throws: a failure reads as "nothing
 * found" for that span. (The id map and its findings are in model/ids.ts.)
 */
import { PHASE_FIGURES, PHASE_SCAN, finding, nearest, type Finding } from './diagnostics';
import { parseFigure, scanNumber } from '../figures';
import { NAME_AREA, NAME_QUALIFIER, NAME_STATUS, NAME_UNIT, NAME_VALUE, NAME_YEAR } from './interner';
import { own } from '../text';
import { unescape } from '../text';
import { isDigit, isLetter } from '../text';
import { annotationPlainText } from './views';
import type { ViewDocument } from './views';
import type { FrontMatter } from './types';
import { FIGURE_KIND, type FigureReading, type Piece } from './tables';
import { ANNOTATION_KINDS, DEFAULT_STATUSES } from './types';
import type { ParsedFigure, Qualifier } from './types';


/**
 * What the figure readings and span checks read of their model. The document (document.ts) is
 * the one implementation; this file names the interface so the two do not import each other.
 */
export interface FactsDocument extends ViewDocument {
  readonly language: string;
  readonly frontMatter: FrontMatter | undefined;
  readonly readings: ReadonlyMap<string, ParsedFigure> | undefined;
  figureReading(row: number): FigureReading;
}

/** Classes Pandoc itself gives meaning to: a span carrying only these is not a misspelt kind. */
const PANDOC_CLASSES = new Set(['underline', 'smallcaps', 'mark', 'unnumbered']);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const YEAR = /^\d{4}$/;
/** A number in another notation (hexadecimal, binary, octal, an exponent glued to letters): `0x10`, `0b1`, `1e5x`. */
const LITERAL = /^[-+]?(?:0[xXbBoO][0-9a-fA-F]|(?:\d+\.?\d*|\.\d+)[eE][-+]?\d)/;
/** The attributes a figure reads, in the order `readFigureRow` takes them (`metric=` is read when asked for). */
const FIGURE_KEYS: readonly number[] = [NAME_VALUE, NAME_UNIT, NAME_YEAR, NAME_QUALIFIER];
/** The values `qualifier=` takes (the corpus vocabulary); anything else leaves the text's reading. */
const QUALIFIERS: ReadonlySet<string> = new Set<Qualifier>(['more_than', 'less_than', 'about', 'up_to', 'at_least']);

function isQualifier(word: string): word is Qualifier {
  return QUALIFIERS.has(word);
}
const NOTHING: ParsedFigure = { value: undefined, unit: undefined, qualifier: null, magnitude: 1, numberStart: undefined, numberEnd: undefined };

export function readingKey(language: string, text: string): string {
  return `${language}\u0000${text}`;
}

/** Offsets of the `value=`, `unit=`, `year=`, `qualifier=` values of the row being read (model/rows.ts attributeRanges). */
const figureAttributes = new Int32Array(2 * FIGURE_KEYS.length);

/** One figure annotation's value: its plain text through parseFigure, then `value=`, `unit=`, `year=`, `qualifier=`. */
export function readFigureRow(doc: FactsDocument, row: number): FigureReading {
  try {
    const plainText = annotationPlainText(doc, row);
    const language = doc.language;
    return readFigureFrom(doc, row, doc.readings?.get(readingKey(language, plainText)) ?? safeParseFigure(plainText, language));
  } catch {
    return UNREAD;
  }
}

const UNREAD: FigureReading = Object.freeze({ value: undefined, unit: undefined, qualifier: null, year: undefined, source: 'text' });

/**
 * {@link readFigureRow} of a figure whose plain text the caller has read already (`read`: what
 * parseFigure read of that text), for a caller that needs the text and the parse too (the
 * workspace summary: model/spanRows.ts).
 */
export function readFigureFrom(doc: FactsDocument, row: number, read: ParsedFigure): FigureReading {
  try {
    // Readings outlive this version of the text (kept with the rows): figureReadingOf keeps none of its strings.
    const a = figureAttributesOf(doc, row, attributesRead);
    return figureReadingOf(doc.language, read, a.value, a.unit, a.year, a.qualifier);
  } catch {
    return UNREAD;
  }
}

/** A figure span's `value=`, `unit=`, `qualifier=` as written (escapes resolved, undefined when absent) and its `year=` read. */
export interface FigureAttributes {
  value: string | undefined;
  unit: string | undefined;
  year: number | undefined;
  qualifier: string | undefined;
}

/** readFigureFrom's scratch (one figure at a time). */
const attributesRead: FigureAttributes = { value: undefined, unit: undefined, year: undefined, qualifier: undefined };

/** What {@link readFigureFrom} reads of row `row`'s attributes, written into `into` (strings cut from the text: copy those kept). */
export function figureAttributesOf(doc: FactsDocument, row: number, into: FigureAttributes): FigureAttributes {
  const at = doc.attributeRanges(row, FIGURE_KEYS, figureAttributes);
  const text = doc.text;
  into.value = at[0] >= 0 ? unescape(text, at[0], at[1]) : undefined;
  into.unit = at[2] >= 0 ? unescape(text, at[2], at[3]) : undefined;
  into.year = yearAt(text, at[4], at[5]);
  into.qualifier = at[6] >= 0 ? unescape(text, at[6], at[7]) : undefined;
  return into;
}

/** `year=` written at text[from, to) as a year (undefined: absent, from < 0, or not four digits). */
export function yearAt(text: string, from: number, to: number): number | undefined {
  if (from < 0) return undefined;
  // The usual `year=2024`: four digits as written, read without a string.
  if (to - from === 4 && isDigit(text.charCodeAt(from)) && isDigit(text.charCodeAt(from + 1)) && isDigit(text.charCodeAt(from + 2)) && isDigit(text.charCodeAt(from + 3))) {
    return (text.charCodeAt(from) - 48) * 1000 + (text.charCodeAt(from + 1) - 48) * 100 + (text.charCodeAt(from + 2) - 48) * 10 + (text.charCodeAt(from + 3) - 48);
  }
  const yearAttribute = unescape(text, from, to);
  return YEAR.test(yearAttribute.trim()) ? Number(yearAttribute.trim()) : undefined;
}

/**
 * {@link readFigureFrom} from what it reads of the span: what parseFigure read of its plain text,
 * `value=`, `unit=`, `qualifier=` as written (escapes resolved; undefined when absent) and the
 * year `year=` gives. For a reader that keeps these and reads the figure later (the workspace summary).
 */
export function figureReadingOf(
  language: string, read: ParsedFigure, valueAttribute: string | undefined, unitAttribute: string | undefined,
  year: number | undefined, qualifierAttribute: string | undefined,
): FigureReading {
  try {
    let value = read.value;
    let unit = read.unit;
    let source: 'text' | 'attribute' = 'text';
    let unreadableValue = false;
    if (valueAttribute !== undefined && valueAttribute.trim() !== '') {
      const plain = valueAttribute.trim();
      const number = NUMBER.test(plain) ? Number(plain) : Number.NaN;
      if (Number.isFinite(number)) {
        value = number;
        source = 'attribute';
      } else {
        // 1e400 (no finite number), 0x10 or 1e5x (a literal of some other notation) and words
        // without a number are unreadable: no value, and a diagnostic, never a part of them read as a number.
        const fromAttribute = NUMBER.test(plain) || LITERAL.test(plain) ? NOTHING : safeParseFigure(plain, language);
        if (fromAttribute.value !== undefined && Number.isFinite(fromAttribute.value)) {
          value = fromAttribute.value;
          unit = fromAttribute.unit ?? unit;
          source = 'attribute';
        } else {
          value = undefined;
          unreadableValue = true;
        }
      }
    }
    if (unitAttribute !== undefined && unitAttribute.trim() !== '') unit = unitAttribute.trim();
    let qualifier = read.qualifier;
    if (qualifierAttribute !== undefined) {
      // `qualifier=more_than`: a qualifier the span's text does not carry ("превысил [$650 млрд]").
      const written = qualifierAttribute.trim();
      if (isQualifier(written)) qualifier = written;
    }
    const reading: FigureReading = { value, unit: unit === undefined ? undefined : own(unit), qualifier, year, source };
    return unreadableValue ? { ...reading, unreadableValue: true } : reading;
  } catch {
    return UNREAD;
  }
}

/** parseFigure, reading a failure (a bug) as "no figure". */
export function safeParseFigure(text: string, language: string): ParsedFigure {
  try {
    return parseFigure(text, language);
  } catch {
    return NOTHING;
  }
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * Appends the per-span findings of the rows of `piece` to `out`: unknown kind, `area=`/`status=`
 * outside the vocabulary (listed with the scan's findings, at the span's `]`), figures without a
 * value. Each row's findings are kept with its base (in the base's offsets, per vocabulary), so a
 * model an edit makes checks only its new rows.
 */
export function checkFindings(doc: FactsDocument, piece: Piece, out: Finding[], verdicts: Verdicts): void {
  const { base, shift } = piece;
  const key = vocabularyKey(doc);
  // A run of rows checked before (by an earlier model holding the same run): its findings at once.
  const runKey = `${piece.from}:${piece.to}:${key}`;
  let found = base.runChecks.get(runKey);
  if (found === undefined) {
    let cache = base.checks.get(key);
    if (cache === undefined) {
      // Typing in the front matter's vocabulary makes a new key per keystroke: keep the latest few.
      if (base.checks.size >= 4) base.checks.delete(base.checks.keys().next().value as string);
      base.checks.set(key, (cache = new Array<readonly Finding[] | undefined>(base.rowCount)));
    }
    const list: Finding[] = [];
    const areas = doc.frontMatter?.areas;
    for (let r = piece.from, row = piece.first; r < piece.to; r++, row++) {
      let own = cache[r];
      if (own === undefined) {
        const made = rowFindings(doc, row, verdicts, areas);
        // Stored in the base's own offsets: this model's minus its shift.
        own = cache[r] = made === undefined ? NO_FINDINGS : shift === 0 ? made : made.map((f) => shifted(f, -shift));
      }
      for (let k = 0; k < own.length; k++) list.push(own[k]);
    }
    // Edits cut runs at new places: keep the latest few.
    if (base.runChecks.size >= 64) base.runChecks.clear();
    base.runChecks.set(runKey, (found = list));
  }
  for (const f of found) out.push(shift === 0 ? f : shifted(f, shift));
}

/** What the per-span checks depend on besides the row itself: the language and the vocabulary. */
function vocabularyKey(doc: FactsDocument): string {
  const fm = doc.frontMatter;
  // JSON, not a join: joined, no areas and one area named "" (a front matter being typed) made the
  // same key, and a model edited from an earlier one reused the other vocabulary's findings.
  return `${doc.language}\u0000${fm ? JSON.stringify([...fm.areas.keys()]) : '-'}\u0000${JSON.stringify(fm?.statuses ?? DEFAULT_STATUSES)}`;
}

/** A finding moved by `delta`, with the offsets in its data (`at`, `first`) too. */
export function shifted(f: Finding, delta: number): Finding {
  let data = f.data;
  if (data && (typeof data.at === 'number' || typeof data.first === 'number')) {
    const moved: Record<string, string | number> = { ...data };
    if (typeof data.at === 'number') moved.at = data.at + delta;
    if (typeof data.first === 'number') moved.first = data.first + delta;
    data = moved;
  }
  return { ...f, start: f.start + delta, end: f.end + delta, seq: f.seq + delta, data };
}

/** Whether an area or a status (an interned value) is in the vocabulary, remembered per value during one check. */
export interface Verdicts {
  readonly areas: Map<number, boolean>;
  readonly statuses: Map<number, boolean>;
}

const AREA_STATUS: readonly number[] = [NAME_AREA, NAME_STATUS];
const STATUS_ONLY: readonly number[] = [NAME_STATUS];
const VALUE_ONLY: readonly number[] = [NAME_VALUE];
/** rowFindings' scratch: where `value=`'s value is. */
const valueRange = new Int32Array(2);
/** rowFindings' scratch: the row's area and status as interned names. */
const areaStatus = new Int32Array(2);

/** The row's own findings; undefined when it has none (most rows: no array is made for them). */
function rowFindings(doc: FactsDocument, row: number, verdicts: Verdicts, areas: ReadonlyMap<string, string> | undefined): Finding[] | undefined {
  let out: Finding[] | undefined;
  try {
    const kind = doc.kindOf(row);
    if (kind === 0) {
      const classes = doc.classesOf(row);
      if (classes.length > 0) {
        const close = doc.close(row);
        unknownKind(classes, close + 1, doc.end(row), close, (out ??= []));
      }
    }
    const names = doc.names.names;
    // Values compared as interned names: no string is made for a value in the vocabulary.
    // (An area is looked at only when the front matter lists areas.)
    const withAreas = areas !== undefined && areas.size > 0;
    const found = doc.attributeNames(row, withAreas ? AREA_STATUS : STATUS_ONLY, areaStatus);
    const area = withAreas ? found[0] : -1;
    const status = withAreas ? found[1] : found[0];
    if (area >= 0 && areas) {
      let ok = verdicts.areas.get(area);
      if (ok === undefined) verdicts.areas.set(area, (ok = areas.has(names[area])));
      if (!ok) {
        const close = doc.close(row);
        const blockStart = close + 1;
        const blockEnd = doc.end(row);
        for (const one of names[area].split(/[\s,]+/)) {
          if (one === '' || areas.has(one)) continue;
          const suggestion = nearest(one, areas.keys(), 3);
          (out ??= []).push(finding('unknown-area', blockStart, blockEnd, `Area “${one}” is not among the areas in the front matter${suggestion ? `: did you mean “${suggestion}”?` : '.'}`, PHASE_SCAN, close, suggestion ? { area: one, suggestion } : { area: one }));
        }
      }
    }
    if (status >= 0) {
      const statuses = doc.frontMatter?.statuses ?? DEFAULT_STATUSES;
      let ok = verdicts.statuses.get(status);
      if (ok === undefined) verdicts.statuses.set(status, (ok = statuses.includes(names[status])));
      if (!ok) {
        const close = doc.close(row);
        const value = names[status];
        const suggestion = nearest(value, statuses, 3);
        (out ??= []).push(finding('unknown-status', close + 1, doc.end(row), `Status “${value}” is not one of: ${statuses.join(', ')}${suggestion ? ` (did you mean “${suggestion}”?)` : ''}.`, PHASE_SCAN, close, suggestion ? { status: value, suggestion } : { status: value }));
      }
    }
    // Most figures surely have a value: they are read only where a finding can arise.
    const reading = kind === FIGURE_KIND && !surelyHasValue(doc, row) ? doc.figureReading(row) : undefined;
    if (reading?.unreadableValue) {
      const at = doc.attributeRanges(row, VALUE_ONLY, valueRange);
      const written = at[0] >= 0 ? unescape(doc.text, at[0], at[1]).trim() : '';
      const close = doc.close(row);
      (out ??= []).push(finding('unreadable-value', at[0] >= 0 ? at[0] : close + 1, at[0] >= 0 ? at[1] : doc.end(row),
        `value=${written.length > 40 ? `${written.slice(0, 40)}…` : written} is not a number that can be read: write it as digits (value=1500000000000 or value=1.5e12) or as text (value="1,5 трлн").`,
        PHASE_FIGURES, doc.start(row), { value: written }));
    } else if (reading && reading.value === undefined) {
      const start = doc.start(row);
      const close = doc.close(row);
      (out ??= []).push(finding('figure-without-value', start + 1, close, 'No number can be read from this figure: write it as a number (650 млрд, $1.5 trillion) or add value=….', PHASE_FIGURES, start, {
        insert: ' value=',
        at: doc.end(row) - 1,
      }));
    }
  } catch {
    // A check that fails reports nothing rather than taking the model down.
  }
  return out === undefined || out.length === 0 ? undefined : out;
}

/**
 * Whether figure row `row` surely reads with a value and no unreadable `value=` (so it has no
 * finding), told without reading it whole: a `value=` that is a plain finite number, or else a
 * plain text whose first digit starts a number not glued to a word (parseFigure reads its first
 * such number; its prefix and suffix change the value, never whether there is one). False when
 * unsure: the figure is then read. test/unit/diagnosticsIds.test.ts checks it never errs.
 */
export function surelyHasValue(doc: FactsDocument, row: number): boolean {
  const at = doc.attributeRanges(row, VALUE_ONLY, valueRange);
  if (at[0] >= 0) {
    const written = unescape(doc.text, at[0], at[1]).trim();
    if (written !== '') return NUMBER.test(written) && Number.isFinite(Number(written));
  }
  // The usual figure holds no span, link, escape or line break: its plain text is its content as
  // written, read in place; any other is read through its plain text.
  const text = doc.text;
  const from = doc.start(row) + 1;
  const to = doc.close(row);
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 91 || c === 92 || c === 10 || c === 13) {
      const plain = annotationPlainText(doc, row);
      return readsANumber(plain, 0, plain.length, doc.language);
    }
  }
  return readsANumber(text, from, to, doc.language);
}

/** Whether parseFigure surely reads a number from text[from, to): its first digit, not glued to a letter, starts one. */
function readsANumber(text: string, from: number, to: number, language: string): boolean {
  let i = from;
  while (i < to && !isDigit(text.charCodeAt(i))) i++;
  if (i === to || (i > from && isLetter(text.charCodeAt(i - 1)))) return false;
  return scanNumber(text, i, to, language) !== undefined;
}

function unknownKind(classes: readonly string[], start: number, end: number, seq: number, out: Finding[]): void {
  if (classes.every((c) => PANDOC_CLASSES.has(c))) return;
  let suggestion: string | undefined;
  let misspelt = classes[0];
  for (const c of classes) {
    const near = nearest(c, ANNOTATION_KINDS, 3);
    if (near) {
      suggestion = near;
      misspelt = c;
      break;
    }
  }
  const message = suggestion
    ? `Unknown kind “.${misspelt}”: did you mean “.${suggestion}”?`
    : `No known kind among ${classes.map((c) => `“.${c}”`).join(', ')}: use .initiative, .figure or .actor.`;
  out.push(finding('unknown-kind', start, end, message, PHASE_SCAN, seq, suggestion ? { class: misspelt, suggestion } : { class: misspelt }));
}
