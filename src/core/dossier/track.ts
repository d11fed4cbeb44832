/**
 * `track=KEY` on an initiative: the workspace-wide key that makes mentions in different files,
 * languages and years one initiative. Keys follow the format's name rule (a letter, then letters,
 * digits, `-`, `_`, `:`, `.`) and compare case-insensitively, so `SCO-dev-bank` and
 * `sco-dev-bank` are one key (the lower-case form is the one shown).
 */
import type { Annotation } from '../model';

/** The attribute that carries the key. */
export const TRACK_ATTRIBUTE = 'track';

const KEY_RULE = /^\p{L}[\p{L}\p{N}_:.-]*$/u;

/** True when `key` may be used as a track key (before case folding). */
export function isValidTrackKey(key: string): boolean {
  return key.length <= 200 && KEY_RULE.test(key);
}

/** The form keys are compared and shown in. */
export function normaliseTrackKey(key: string): string {
  return key.toLowerCase();
}

/** Where `track=` stands in an annotation: the value as written and its offsets in the file. */
export interface TrackSite {
  /** The value as written (quotes removed). */
  readonly written: string;
  /** Offsets of the value (inside the quotes when quoted). */
  readonly start: number;
  readonly end: number;
}

const TRACK_IN_BLOCK = /(^|[\s{])track=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s}]*))/g;

/**
 * The last `track=` of the annotation's attribute block (the last one wins, as for every key),
 * with the offsets of its value; undefined when the annotation has none. `value` is the
 * attribute's value when the caller has read it already.
 */
export function trackSite(text: string, a: Annotation, value: string | undefined = a.attribute(TRACK_ATTRIBUTE)): TrackSite | undefined {
  return value === undefined ? undefined : trackSiteIn(text, a.attributeRange.start, a.attributeRange.end, value);
}

/** {@link trackSite} of the attribute block text[blockStart, blockEnd) whose `track=` reads `value`. */
export function trackSiteIn(text: string, blockStart: number, blockEnd: number, value: string): TrackSite {
  const block = text.slice(blockStart, blockEnd);
  let start = -1;
  let length = 0;
  TRACK_IN_BLOCK.lastIndex = 0;
  for (let m = TRACK_IN_BLOCK.exec(block); m; m = TRACK_IN_BLOCK.exec(block)) {
    const quoted = m[2] ?? m[3];
    const raw = quoted ?? m[4] ?? '';
    start = m.index + m[1].length + 'track='.length + (quoted === undefined ? 0 : 1);
    length = raw.length;
  }
  // The attribute reader resolved escapes; prefer its value, keep our offsets.
  return start >= 0 ? { written: value, start: blockStart + start, end: blockStart + start + length } : { written: value, start: blockStart, end: blockEnd };
}
