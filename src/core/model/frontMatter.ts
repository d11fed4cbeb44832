/**
 * The YAML front matter: where the `---` block is, what it says (typed, with every unknown key
 * kept), and the problems in it (YAML errors with positions, wrong types, non-ISO dates).
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { toIsoDate, isIsoDate } from '../text';
import type { DiagnosticList } from './diagnostics';
import { own } from '../text';
import { readSimpleYaml } from './simpleYaml';
import { DEFAULT_STATUSES } from './types';
import type { FrontMatter, Range, SourceInfo } from './types';

/** Where the front matter block sits. */
export interface FrontMatterBlock {
  /** The opening `---` (after a BOM). */
  readonly start: number;
  /** The YAML text between the fences. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Just after the closing fence line (its line break included): where the body begins. */
  readonly end: number;
}

/** Finds a front matter block opening on the first line. Reports an opening fence that never closes. */
export function findFrontMatter(text: string, diagnostics: DiagnosticList): FrontMatterBlock | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const first = lineAt(text, start);
  if (!isFence(text, start, first.end, false)) return undefined;
  if (first.next >= text.length) return undefined;
  let s = first.next;
  let firstBlank = -1;
  while (s < text.length) {
    const line = lineAt(text, s);
    if (isFence(text, s, line.end, true)) return { start, contentStart: first.next, contentEnd: s, end: line.next };
    if (firstBlank < 0 && isBlankLine(text, s, line.end)) firstBlank = s;
    s = line.next;
  }
  const at = firstBlank >= 0 ? firstBlank : text.length;
  diagnostics.add('yaml-error', start, first.end, 'The front matter opened here is never closed: end it with a “---” line.', {
    insert: '---\n',
    at,
  });
  return undefined;
}

function lineAt(text: string, s: number): { end: number; next: number } {
  const nl = text.indexOf('\n', s);
  if (nl < 0) return { end: text.length, next: text.length };
  return { end: nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, next: nl + 1 };
}

function isFence(text: string, s: number, e: number, closing: boolean): boolean {
  const dashes = text.startsWith('---', s);
  if (!dashes && !(closing && text.startsWith('...', s))) return false;
  for (let k = s + 3; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function isBlankLine(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Reads the block's YAML into typed front matter; problems go to `diagnostics`. */
export function readFrontMatter(
  text: string,
  block: FrontMatterBlock,
  range: (start: number, end: number) => Range,
  diagnostics: DiagnosticList,
): FrontMatter {
  const base = block.contentStart;
  // A copy: what YAML reads from it (kept by later models while the front matter is unchanged) must not hold on to this version's whole text.
  const source = own(text.slice(block.contentStart, block.contentEnd));
  const keyRanges = new Map<string, Range>();
  let data: Record<string, unknown> = {};
  // Most front matter is a few plain `key: value` lines: read without the YAML package (the same result).
  const simple = readSimpleYaml(source);
  if (simple) {
    for (const e of simple.entries) {
      keyRanges.set(e.key, range(base + e.start, base + e.end));
      if (e.nested) for (const n of e.nested) keyRanges.set(`${e.key}.${n.key}`, range(base + n.start, base + n.end));
    }
    return typed(simple.data, keyRanges, diagnostics, block);
  }
  try {
    // uniqueKeys is quadratic in the yaml package (5 s for 20k keys): duplicates are checked below.
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    for (const error of doc.errors) {
      diagnostics.add('yaml-error', base + error.pos[0], base + Math.max(error.pos[0], error.pos[1]), `YAML: ${firstLine(error.message)}`, { yamlCode: error.code });
    }
    for (const warning of doc.warnings) {
      diagnostics.add('yaml-error', base + warning.pos[0], base + Math.max(warning.pos[0], warning.pos[1]), `YAML: ${firstLine(warning.message)}`, { yamlCode: warning.code }, 'warning');
    }
    const contents = doc.contents;
    if (isMap(contents)) {
      for (const pair of contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        if (keyRanges.has(key) && pair.key && isScalar(pair.key) && pair.key.range) {
          const at = pair.key.range;
          diagnostics.add('yaml-error', base + at[0], base + at[1], `YAML: the key “${key}” appears twice; the last one wins.`, { yamlCode: 'DUPLICATE_KEY', key });
        }
        const node = (pair.value ?? pair.key) as Node | null;
        const r = node?.range;
        if (r) keyRanges.set(key, range(base + r[0], base + r[1]));
        // Nested keys a diagnostic points at get a dotted entry (`source.published`).
        if (isMap(pair.value)) {
          for (const inner of pair.value.items) {
            const innerRange = isScalar(inner.key) && (inner.value as Node | null)?.range;
            if (innerRange) keyRanges.set(`${key}.${String((inner.key as { value: unknown }).value)}`, range(base + innerRange[0], base + innerRange[1]));
          }
        }
      }
      const js: unknown = doc.toJS({ maxAliasCount: 100 });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    } else if (contents !== null && doc.errors.length === 0) {
      diagnostics.add('front-matter-type', block.contentStart, block.contentEnd, 'The front matter should be “key: value” lines.');
    }
  } catch (error) {
    // toJS throws on alias bombs and similar; the file still parses, without front matter data.
    diagnostics.add('yaml-error', block.start, block.end, `YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`);
  }
  return typed(data, keyRanges, diagnostics, block);
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}

function typed(data: Record<string, unknown>, keyRanges: ReadonlyMap<string, Range>, diagnostics: DiagnosticList, block: FrontMatterBlock): FrontMatter {
  const wrongType = (key: string, expected: string): void => {
    const r = keyRanges.get(key);
    diagnostics.add('front-matter-type', r?.start ?? block.start, r?.end ?? block.contentStart, `“${key}” should be ${expected}.`, { key });
  };
  const text = (key: string, value: unknown = data[key]): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    wrongType(key, 'text');
    return undefined;
  };
  const list = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.filter((v) => v !== null && typeof v !== 'object').map(String);
    if (typeof value === 'string') return [value];
    wrongType(key, 'a list');
    return [];
  };
  const map = (key: string, allowList: boolean): Map<string, string> => {
    const value = data[key];
    const out = new Map<string, string>();
    if (value === undefined || value === null) return out;
    if (allowList && Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v !== 'object') out.set(String(v), String(v));
      return out;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      wrongType(key, allowList ? 'a mapping of id: label (or a list of ids)' : 'a mapping of term: definition');
      return out;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(k, v === null || v === undefined ? k : typeof v === 'object' ? JSON.stringify(v) : String(v));
    return out;
  };

  const date = text('date');
  if (date !== undefined) checkDate('date', date, keyRanges.get('date'), diagnostics, block);
  const source = readSource(data.source, (expected) => wrongType('source', expected));
  if (source?.published !== undefined) checkDate('source.published', source.published, keyRanges.get('source.published') ?? keyRanges.get('source'), diagnostics, block);
  const statusList = data.statuses === undefined || data.statuses === null ? undefined : [...map('statuses', true).keys()];
  const version = data['summit-notes'];
  return {
    data,
    formatVersion: typeof version === 'number' ? version : typeof version === 'string' && version.trim() !== '' && !Number.isNaN(Number(version)) ? Number(version) : undefined,
    title: text('title'),
    summit: text('summit'),
    date,
    place: text('place'),
    speakers: list('speakers'),
    source,
    language: text('language')?.trim().toLowerCase() || undefined,
    areas: map('areas', true),
    statuses: statusList && statusList.length > 0 ? statusList : DEFAULT_STATUSES,
    glossary: map('glossary', false),
    tags: list('tags'),
    keyRanges,
  };
}

function readSource(value: unknown, wrongType: (expected: string) => void): SourceInfo | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return { name: value, url: undefined, published: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) {
    wrongType('a mapping with name, url, published');
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const str = (x: unknown): string | undefined => (x === undefined || x === null || typeof x === 'object' ? undefined : String(x));
  return { name: str(v.name), url: str(v.url), published: str(v.published) };
}

function checkDate(key: string, value: string, where: Range | undefined, diagnostics: DiagnosticList, block: FrontMatterBlock): void {
  if (isIsoDate(value.trim())) return;
  const iso = toIsoDate(value);
  const start = where?.start ?? block.start;
  const end = where?.end ?? block.contentStart;
  const message = iso ? `“${key}” should be an ISO date: ${iso}.` : `“${key}” should be an ISO date (YYYY-MM-DD).`;
  diagnostics.add('date-not-iso', start, end, message, iso ? { key, iso } : { key });
}
