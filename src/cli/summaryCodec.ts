/**
 * A workspace summary as one compact string, for the way from the summary worker (summaryWorker.ts)
 * to the command's thread: JSON of flat rows of values, no field names, so the receiving thread
 * parses it natively and builds each mention with all its fields in `summariseFile`'s order (one
 * object shape for both threads' mentions). Reading a structured-clone copy instead cost the
 * receiver about half of what summarising the file itself costs; this costs about a fifth.
 * JSON has no `undefined` (written as null: no field that may be undefined is ever null, except
 * `qualifier`, whose absence is null) and no non-finite numbers (a summary holding one is not
 * encoded; the worker sends it as it is).
 */
import type { ArticleInfo, FigureMention, InitiativeMention, WorkspaceFile } from '../core';

type Cell = string | number | boolean | null | readonly string[];

const INITIATIVE_STRIDE = 13;
const FIGURE_STRIDE = 13;
const STRAY_STRIDE = 4;

/** The summary as a string, or undefined when it holds a number JSON cannot carry. */
export function encodeSummary(file: WorkspaceFile): string | undefined {
  const a = file.article;
  const initiatives: Cell[] = [];
  for (const m of file.initiatives) {
    const site = m.trackSite;
    initiatives.push(
      m.start, m.end, m.line, m.index, u(m.id), u(m.track), site ? site.start : -1, site ? site.end : -1, site ? site.written : null,
      m.text, u(m.status), m.areas, m.actors,
    );
  }
  const figures: Cell[] = [];
  for (const f of file.figures) {
    if (!finiteOrUndefined(f.value) || !finiteOrUndefined(f.min) || !Number.isFinite(f.step) || !finiteOrUndefined(f.year)) return undefined;
    figures.push(f.start, f.end, f.line, u(f.id), u(f.metric), u(f.year), u(f.value), u(f.unit), f.qualifier, f.asWritten, f.step, u(f.min), u(f.initiative));
  }
  const strays: Cell[] = [];
  for (const s of file.strayTracks) strays.push(s.start, s.end, s.written, s.line);
  return JSON.stringify([file.path, [u(a.title), u(a.summit), u(a.date), a.language, u(a.sourceName), u(a.sourceUrl)], file.badTracks, initiatives, figures, strays]);
}

/** The summary `encodeSummary` wrote. */
export function decodeSummary(encoded: string): WorkspaceFile {
  const [path, a, badTracks, i, f, s] = JSON.parse(encoded) as [string, (string | null)[], boolean, unknown[], unknown[], unknown[]];
  const date = d<string>(a[2]);
  const article: ArticleInfo = {
    title: d(a[0]), summit: d(a[1]), date, language: a[3] as string, sourceName: d(a[4]), sourceUrl: d(a[5]),
  };
  const initiatives: InitiativeMention[] = [];
  for (let k = 0; k < i.length; k += INITIATIVE_STRIDE) {
    const siteStart = i[k + 6] as number;
    initiatives.push({
      path, start: i[k] as number, end: i[k + 1] as number, line: i[k + 2] as number, date,
      index: i[k + 3] as number,
      id: d(i[k + 4]),
      track: d(i[k + 5]),
      trackSite: siteStart < 0 ? undefined : { start: siteStart, end: i[k + 7] as number, written: i[k + 8] as string },
      text: i[k + 9] as string,
      status: d(i[k + 10]),
      areas: i[k + 11] as string[],
      actors: i[k + 12] as string[],
    });
  }
  const figures: FigureMention[] = [];
  for (let k = 0; k < f.length; k += FIGURE_STRIDE) {
    figures.push({
      path, start: f[k] as number, end: f[k + 1] as number, line: f[k + 2] as number, date,
      id: d(f[k + 3]),
      metric: d(f[k + 4]),
      year: d(f[k + 5]),
      value: d(f[k + 6]),
      unit: d(f[k + 7]),
      qualifier: f[k + 8] as FigureMention['qualifier'],
      asWritten: f[k + 9] as string,
      step: f[k + 10] as number,
      min: d(f[k + 11]),
      initiative: d(f[k + 12]),
    });
  }
  const strayTracks: WorkspaceFile['strayTracks'][number][] = [];
  for (let k = 0; k < s.length; k += STRAY_STRIDE) {
    strayTracks.push({ start: s[k] as number, end: s[k + 1] as number, written: s[k + 2] as string, line: s[k + 3] as number });
  }
  return { path, article, initiatives, figures, strayTracks, badTracks };
}

function u<T>(v: T | undefined): T | null {
  return v === undefined ? null : v;
}

function d<T>(v: unknown): T | undefined {
  return v === null ? undefined : (v as T);
}

function finiteOrUndefined(n: number | undefined): boolean {
  return n === undefined || Number.isFinite(n);
}
