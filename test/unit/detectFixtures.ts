/** Reads the marked detection fixtures of test/fixtures/detect (format in its README). */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

export const DETECT_FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'detect');

export interface ExpectedFigure {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: number;
  readonly unit: string | null;
  readonly qualifier: string | null;
}

export interface MarkedFixture {
  readonly name: string;
  readonly language: string;
  /** The text with the markers removed. */
  readonly text: string;
  readonly figures: readonly ExpectedFigure[];
  readonly initiatives: readonly { start: number; end: number; text: string }[];
}

/** Parses `{{text|value unit qualifier}}` and `<<text>>` markers out of a fixture. */
export function readMarkedFixture(name: string): MarkedFixture {
  const raw = readFileSync(join(DETECT_FIXTURES, name), 'utf8');
  const language = /\.(\w\w)\.txt$/.exec(name)?.[1] ?? 'en';
  let text = '';
  const figures: ExpectedFigure[] = [];
  const initiatives: { start: number; end: number; text: string }[] = [];
  const marker = /\{\{([^|}]*)\|([^}]*)\}\}|<<([^>]*)>>/g;
  let last = 0;
  for (let m = marker.exec(raw); m; m = marker.exec(raw)) {
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    const start = text.length;
    if (m[3] !== undefined) {
      text += m[3];
      initiatives.push({ start, end: text.length, text: m[3] });
    } else {
      text += m[1];
      const [value, unit, qualifier] = m[2].split(' ');
      figures.push({
        start, end: text.length, text: m[1], value: Number(value),
        unit: unit === '-' ? null : unit.replace(/\\u0020/g, ' '),
        qualifier: qualifier === '-' ? null : qualifier,
      });
    }
  }
  text += raw.slice(last);
  return { name, language, text, figures, initiatives };
}

/** Every fixture file whose name starts with `prefix`. */
export function fixtureNames(prefix: string): string[] {
  return readdirSync(DETECT_FIXTURES).filter((f) => f.startsWith(prefix) && f.endsWith('.txt')).sort();
}
