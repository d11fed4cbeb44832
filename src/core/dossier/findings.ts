/**
 * Workspace-level diagnostics about `track=` keys, per file: a key used only once in the
 * workspace while a near key exists (a misspelling, "did you mean"), a value that is not a key,
 * and `track=` on something that is not an initiative. The CLI prints them; the editor shows
 * them beside the file's own diagnostics.
 */
import { nearest, type Severity } from '../model';
import { isValidTrackKey } from './track';
import type { InitiativeMention, Workspace, WorkspaceFile } from './workspace';

export type DossierFindingCode = 'unknown-track' | 'invalid-track' | 'track-not-initiative';

export interface DossierFinding {
  readonly path: string;
  readonly code: DossierFindingCode;
  readonly severity: Severity;
  readonly message: string;
  /** Offsets of the `track=` value in the file. */
  readonly start: number;
  readonly end: number;
  /** Zero-based line of `start`. */
  readonly line: number;
  /** `track`, and `suggestion` for `unknown-track`. */
  readonly data: Readonly<Record<string, string>>;
}

/** How far a key may be from another to count as its misspelling: 1 edit up to 6 characters, 2 up to 12, else 3. */
export function trackDistance(key: string): number {
  return key.length <= 6 ? 1 : key.length <= 12 ? 2 : 3;
}

/** The findings of one file (in text order). */
export function trackFindingsForFile(workspace: Workspace, path: string): DossierFinding[] {
  const file = workspace.files.get(path);
  return file ? fileFindings(workspace, file) : [];
}

/** Every file's findings, by path then offset. Looks only at files with a key used once or a `track=` that is not a key. */
export function trackFindings(workspace: Workspace): DossierFinding[] {
  const paths = new Set<string>();
  for (const list of workspace.tracks.values()) if (list.length === 1) paths.add(list[0].path);
  for (const file of workspace.files.values()) {
    if (file.badTracks) paths.add(file.path);
  }
  const out: DossierFinding[] = [];
  for (const path of [...paths].sort()) {
    const file = workspace.files.get(path);
    if (file) out.push(...fileFindings(workspace, file));
  }
  return out;
}

function fileFindings(workspace: Workspace, file: WorkspaceFile): DossierFinding[] {
  const out: DossierFinding[] = [];
  for (const m of file.initiatives) {
    const site = m.trackSite;
    if (!site) continue;
    const line = m.line;
    if (!isValidTrackKey(site.written)) {
      out.push({
        path: file.path, code: 'invalid-track', severity: 'warning', start: site.start, end: site.end, line,
        message: `'${site.written}' is not a track key: a key starts with a letter and has only letters, digits, '-', '_', ':' and '.'`,
        data: { track: site.written },
      });
      continue;
    }
    const suggestion = misspeltKey(workspace, m);
    if (suggestion) {
      out.push({
        path: file.path, code: 'unknown-track', severity: 'warning', start: site.start, end: site.end, line,
        message: `track key '${m.track}' is used nowhere else in the workspace; did you mean '${suggestion}'?`,
        data: { track: m.track ?? site.written, suggestion },
      });
    }
  }
  for (const stray of file.strayTracks) {
    out.push({
      path: file.path, code: 'track-not-initiative', severity: 'warning', start: stray.start, end: stray.end, line: stray.line,
      message: 'track= links initiatives across files; on a figure or actor it is ignored (a figure inside a tracked initiative belongs to it)',
      data: { track: stray.written },
    });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** For a key used once: the nearest key used more often, else the nearest other key; undefined when none is near. */
function misspeltKey(workspace: Workspace, m: InitiativeMention): string | undefined {
  const key = m.track;
  if (key === undefined || (workspace.tracks.get(key)?.length ?? 0) !== 1) return undefined;
  const distance = trackDistance(key);
  const others = (minUses: number): Iterable<string> => ({
    *[Symbol.iterator]() {
      for (const [k, list] of workspace.tracks) if (k !== key && list.length >= minUses) yield k;
    },
  });
  return nearest(key, others(2), distance) ?? nearest(key, others(1), distance);
}
