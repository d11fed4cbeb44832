/**
 * Suggested links: initiatives in other files that look like the same one but share no `track=`
 * key. Two mentions are compared by their names' concepts (names.ts) after matching acronyms
 * against the other's initials; the score is the Jaccard overlap of the two concept sets, raised
 * to 0.9 when their ids are the same. A pair is suggested from {@link SUGGESTION_THRESHOLD} up,
 * and only when it shares two concepts or a body or acronym (one common word such as "bank" is
 * not enough). Mentions tracked under two different keys are never suggested: the analyst said
 * they differ.
 */
import type { InitiativeMention, Workspace } from './workspace';
import { expandAcronyms, initialsAcronym, nameTokens, type NameToken } from './names';
import { slugify } from '../text';

/** The lowest score that is suggested. */
export const SUGGESTION_THRESHOLD = 0.5;

/** Another mention that looks like the same initiative. */
export interface LinkSuggestion {
  readonly path: string;
  /** Annotation index in that file. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly date: string | undefined;
  readonly text: string;
  readonly id: string | undefined;
  /** Its track key, when it has one (then the quick fix adds this key to the asking mention). */
  readonly track: string | undefined;
  /** 0–1. */
  readonly score: number;
  /** Why, in words: `same words`, `acronym NDB`, `same body (sco)`, `same id`. */
  readonly reasons: readonly string[];
  /** The key the quick fix would write on the untracked side(s). */
  readonly proposedKey: string;
}

interface Entry {
  readonly mention: InitiativeMention;
  readonly tokens: readonly NameToken[];
  readonly acronyms: readonly string[];
  readonly idSlug: string | undefined;
}

/** The lookup from concepts to mentions, built once per workspace on first use. */
class SuggestionIndex {
  readonly entries = new Map<InitiativeMention, Entry>();
  private readonly postings = new Map<string, Entry[]>();

  constructor(workspace: Workspace) {
    for (const file of workspace.files.values()) {
      for (const m of file.initiatives) {
        const entry = makeEntry(m);
        this.entries.set(m, entry);
        for (const key of indexKeys(entry)) {
          const list = this.postings.get(key);
          if (list) list.push(entry);
          else this.postings.set(key, [entry]);
        }
      }
    }
  }

  candidates(entry: Entry): Set<Entry> {
    const out = new Set<Entry>();
    for (const key of indexKeys(entry)) for (const other of this.postings.get(key) ?? []) out.add(other);
    return out;
  }
}

function makeEntry(m: InitiativeMention): Entry {
  const tokens = nameTokens(m.text);
  const acronyms = tokens.filter((t) => t.concept.startsWith('#')).map((t) => t.concept);
  const idSlug = m.id ? slugify(m.id, { maxWords: 12 }) : undefined;
  return { mention: m, tokens, acronyms, idSlug };
}

function indexKeys(entry: Entry): Set<string> {
  const keys = new Set<string>(entry.tokens.map((t) => t.concept));
  const initials = initialsAcronym(entry.tokens);
  if (initials) keys.add(initials);
  if (entry.idSlug) keys.add(`id:${entry.idSlug}`);
  return keys;
}

const indexes = new WeakMap<Workspace, SuggestionIndex>();

function indexOf(workspace: Workspace): SuggestionIndex {
  let index = indexes.get(workspace);
  if (!index) {
    index = new SuggestionIndex(workspace);
    indexes.set(workspace, index);
  }
  return index;
}

/** How alike two mentions' names are: a score and the reasons, or undefined below the bar. */
export function compareNames(a: InitiativeMention, b: InitiativeMention): { score: number; reasons: string[] } | undefined {
  return compareEntries(makeEntry(a), makeEntry(b));
}

function compareEntries(a: Entry, b: Entry): { score: number; reasons: string[] } | undefined {
  const reasons: string[] = [];
  const ta = new Set(expandAcronyms(a.tokens, b.acronyms).map((t) => t.concept));
  const tb = new Set(expandAcronyms(b.tokens, a.acronyms).map((t) => t.concept));
  let shared = 0;
  let strong = false;
  for (const c of ta) {
    if (!tb.has(c)) continue;
    shared++;
    if (c.startsWith('@')) {
      strong = true;
      reasons.push(`same body (${c.slice(1)})`);
    } else if (c.startsWith('#')) {
      strong = true;
      reasons.push(`acronym ${c.slice(1).toUpperCase()}`);
    }
  }
  const union = ta.size + tb.size - shared;
  let score = union === 0 ? 0 : shared / union;
  if (shared >= 2 || (shared === 1 && strong)) {
    if (shared > reasons.length) reasons.unshift('same words');
  } else score = 0;
  if (a.idSlug && a.idSlug === b.idSlug) {
    score = Math.max(score, 0.9);
    reasons.push('same id');
  }
  if (score < SUGGESTION_THRESHOLD) return undefined;
  return { score: Math.round(score * 100) / 100, reasons };
}

/**
 * Initiatives in other files that look like the mention at annotation `index` of `path`, best
 * first. Empty when the file or annotation is unknown or is not an initiative.
 */
export function linkSuggestions(workspace: Workspace, path: string, index: number): LinkSuggestion[] {
  const file = workspace.files.get(path);
  const mention = file?.initiatives.find((m) => m.index === index);
  return mention ? suggestionsFor(workspace, mention) : [];
}

/** {@link linkSuggestions} for a mention of the workspace. */
export function suggestionsFor(workspace: Workspace, mention: InitiativeMention): LinkSuggestion[] {
  const index = indexOf(workspace);
  const entry = index.entries.get(mention) ?? makeEntry(mention);
  const out: LinkSuggestion[] = [];
  for (const other of index.candidates(entry)) {
    const m = other.mention;
    if (m.path === mention.path) continue;
    if (m.track !== undefined && mention.track !== undefined) continue;
    const verdict = compareEntries(entry, other);
    if (!verdict) continue;
    out.push({
      path: m.path, index: m.index, start: m.start, end: m.end, line: m.line, date: m.date, text: m.text, id: m.id, track: m.track,
      score: verdict.score, reasons: verdict.reasons, proposedKey: mention.track ?? m.track ?? proposeKey(mention, m),
    });
  }
  out.sort((x, y) => y.score - x.score || (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start));
  return out;
}

/** A key for two untracked mentions: an id when one has one (the English-looking one first), else a slug of the text. */
function proposeKey(a: InitiativeMention, b: InitiativeMention): string {
  const ids = [a.id, b.id].filter((x): x is string => !!x);
  const latin = ids.find((id) => /^[a-z0-9:._-]+$/i.test(id));
  const base = latin ?? ids[0] ?? slugify(/[\u0400-\u04ff]/.test(a.text) ? b.text : a.text, { maxWords: 4 });
  const key = slugify(base, { maxWords: 6 });
  return /^[a-z]/.test(key) ? key : `i-${key || 'initiative'}`;
}
