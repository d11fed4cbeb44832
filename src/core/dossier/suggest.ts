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
  readonly tokens: readonly NameToken[];
  readonly acronyms: readonly string[];
  readonly idSlug: string | undefined;
  /** The concepts and id slug as one string: mentions that read alike share it. */
  readonly signature: string;
  /** How many distinct concepts. */
  readonly concepts: number;
}

/** Mentions that read alike (one signature): compared once, for all of them. */
interface Wording {
  readonly entry: Entry;
  /** By path, then offset (once the index is built). */
  readonly mentions: InitiativeMention[];
}

/** The lookup from concepts to wordings, built once per workspace on first use. */
class SuggestionIndex {
  readonly wordings = new Map<string, Wording>();
  private readonly postings = new Map<string, Wording[]>();

  /** With `untrackedOnly`, only mentions without a key are looked up (what the dossier suggests). */
  constructor(workspace: Workspace, untrackedOnly: boolean) {
    const sameText = new Map<string, Entry>();
    for (const file of workspace.files.values()) {
      for (const m of file.initiatives) {
        if (untrackedOnly && m.track !== undefined) continue;
        const entry = makeEntry(m, sameText);
        const known = this.wordings.get(entry.signature);
        if (known) {
          known.mentions.push(m);
          continue;
        }
        const wording: Wording = { entry, mentions: [m] };
        this.wordings.set(entry.signature, wording);
        for (const key of indexKeys(entry, true)) {
          const list = this.postings.get(key);
          if (list) list.push(wording);
          else this.postings.set(key, [wording]);
        }
      }
    }
    // In place order, so that a few best can be read off the front (see expand); stable, so
    // mentions at the same place keep the workspace's order.
    for (const wording of this.wordings.values()) if (wording.mentions.length > 1) wording.mentions.sort(byPlace);
  }

  /**
   * Wordings that may pass compareEntries with `entry`: found by a body, acronym, initials or id
   * key, or sharing enough concept pairs for the Jaccard bar (s shared concepts of a + b need
   * s ≥ (a + b) / 3; one more is allowed for acronyms that merge words).
   */
  candidates(entry: Entry): Wording[] {
    const pairs = new Map<Wording, number>();
    const direct = new Set<Wording>();
    for (const key of indexKeys(entry, false)) {
      const list = this.postings.get(key);
      if (!list) continue;
      if (key.includes('|')) for (const w of list) pairs.set(w, (pairs.get(w) ?? 0) + 1);
      else for (const w of list) direct.add(w);
    }
    const a = conceptCount(entry);
    for (const [w, p] of pairs) {
      if (direct.has(w)) continue;
      const shared = (1 + Math.sqrt(1 + 8 * p)) / 2;
      if (shared + 1 >= (a + conceptCount(w.entry)) / 3) direct.add(w);
    }
    return [...direct];
  }
}

function conceptCount(entry: Entry): number {
  return Math.min(PAIRED_CONCEPTS, entry.concepts);
}

/** Entries by mention: mentions are shared between workspace versions, so are their entries. */
const entryCache = new WeakMap<InitiativeMention, Entry>();

/**
 * The mention's entry, made once per mention; with `sameText`, once per text and id among the
 * mentions asked with the same map (a name repeated across thousands of files is read once).
 */
function makeEntry(m: InitiativeMention, sameText?: Map<string, Entry>): Entry {
  let entry = entryCache.get(m);
  if (entry) return entry;
  const key = sameText && (m.id === undefined ? m.text : `${m.text}\u0000${m.id}`);
  entry = key === undefined ? undefined : sameText?.get(key);
  if (!entry) {
    const tokens = nameTokens(m.text);
    const acronyms = tokens.filter((t) => t.concept.startsWith('#')).map((t) => t.concept);
    const idSlug = m.id ? slugify(m.id, { maxWords: 12 }) : undefined;
    const concepts = [...new Set(tokens.map((t) => t.concept))].sort();
    entry = { tokens, acronyms, idSlug, signature: `${concepts.join(' ')}\u0000${idSlug ?? ''}`, concepts: concepts.length };
    if (key !== undefined) sameText?.set(key, entry);
  }
  entryCache.set(m, entry);
  return entry;
}

/** Concepts paired up for lookup: at most this many of a name's concepts. */
const PAIRED_CONCEPTS = 12;

/**
 * The lookup keys of a name. A suggestion needs two shared concepts, or one body or acronym
 * between two short names, or the same id (see compareEntries), so names are looked up by pairs
 * of concepts (`bank|devel`), by the acronym of their initials, by id, and by a body or acronym
 * alone only where that can be enough: a stored name of at most three concepts (`asStored`).
 * Common single words ("sco", "bank") then never make every name a candidate of every other.
 */
function indexKeys(entry: Entry, asStored: boolean): Set<string> {
  const concepts = [...new Set(entry.tokens.map((t) => t.concept))];
  const keys = new Set<string>();
  const paired = concepts.slice(0, PAIRED_CONCEPTS).sort();
  for (let i = 0; i < paired.length; i++) for (let j = i + 1; j < paired.length; j++) keys.add(`${paired[i]}|${paired[j]}`);
  if (!asStored || concepts.length <= 3) for (const c of concepts) if (c.startsWith('@') || c.startsWith('#')) keys.add(c);
  const initials = initialsAcronym(entry.tokens);
  if (initials) keys.add(initials);
  if (entry.idSlug) keys.add(`id:${entry.idSlug}`);
  return keys;
}

const indexes = new WeakMap<Workspace, SuggestionIndex>();
const untrackedIndexes = new WeakMap<Workspace, SuggestionIndex>();

function indexOf(workspace: Workspace, untrackedOnly = false): SuggestionIndex {
  const cache = untrackedOnly ? untrackedIndexes : indexes;
  let index = cache.get(workspace);
  if (!index) {
    index = new SuggestionIndex(workspace, untrackedOnly);
    cache.set(workspace, index);
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

/** {@link linkSuggestions} for a mention of the workspace (at most {@link MAX_SUGGESTIONS}). */
export function suggestionsFor(workspace: Workspace, mention: InitiativeMention): LinkSuggestion[] {
  const index = indexOf(workspace);
  const entry = makeEntry(mention);
  const matches: Match[] = [];
  const shown = (m: InitiativeMention): boolean => m.path !== mention.path && (m.track === undefined || mention.track === undefined);
  for (const other of index.candidates(entry)) {
    const verdict = compareEntries(entry, other.entry);
    if (verdict) matches.push({ verdict, mentions: other.mentions, shown });
  }
  return expand(matches, (m) => mention.track ?? m.track ?? proposeKey(mention, m));
}

/**
 * The untracked mentions in other files that look like any of `mentions` (one tracked
 * initiative's timeline), each once with its best score, at most {@link MAX_SUGGESTIONS}.
 * Mentions that read alike are compared once, so a key mentioned in hundreds of files, or a
 * wording repeated in hundreds of untracked mentions, costs its distinct wordings.
 */
export function untrackedSuggestions(workspace: Workspace, key: string, mentions: readonly InitiativeMention[]): LinkSuggestion[] {
  const index = indexOf(workspace, true);
  if (index.wordings.size === 0) return [];
  const asked = new Map<string, { entry: Entry; paths: Set<string> }>();
  const sameText = new Map<string, Entry>();
  for (const m of mentions) {
    const entry = makeEntry(m, sameText);
    const seen = asked.get(entry.signature);
    if (seen) seen.paths.add(m.path);
    else asked.set(entry.signature, { entry, paths: new Set([m.path]) });
  }
  const best = new Map<Wording, { verdict: Verdict; paths: Set<string> }>();
  for (const { entry, paths } of asked.values()) {
    for (const other of index.candidates(entry)) {
      const verdict = compareEntries(entry, other.entry);
      if (!verdict) continue;
      const seen = best.get(other);
      if (!seen) best.set(other, { verdict, paths: new Set(paths) });
      else {
        if (seen.verdict.score < verdict.score) seen.verdict = verdict;
        for (const p of paths) seen.paths.add(p);
      }
    }
  }
  const matches: Match[] = [];
  for (const [wording, { verdict, paths }] of best) {
    // "In other files": leave out a mention only when every wording that matched it is from its own file.
    const only = paths.size === 1 ? paths.values().next().value : undefined;
    matches.push({ verdict, mentions: wording.mentions, shown: (m) => m.path !== only });
  }
  return expand(matches, () => key);
}

/** The most suggestions returned for one mention or one initiative (best first). */
export const MAX_SUGGESTIONS = 50;

type Verdict = { score: number; reasons: string[] };

/** A wording that passed, its mentions in place order and which of them may be suggested. */
interface Match {
  readonly verdict: Verdict;
  readonly mentions: readonly InitiativeMention[];
  readonly shown: (m: InitiativeMention) => boolean;
}

/**
 * The best {@link MAX_SUGGESTIONS} of the matches' shown mentions as suggestions: by score, then
 * path, then offset, ties in the order of the matches and of their mentions (as a stable sort of
 * every pair would put them). A wording repeated in thousands of files has as many mentions, so
 * they are never all listed: each wording's mentions are kept in place order (SuggestionIndex),
 * and of each match only the first few still wanted are read.
 */
function expand(matches: readonly Match[], keyFor: (m: InitiativeMention) => string): LinkSuggestion[] {
  const byScore = matches.map((m, order) => ({ m, order })).sort((x, y) => y.m.verdict.score - x.m.verdict.score || x.order - y.order);
  const kept: { verdict: Verdict; mention: InitiativeMention }[] = [];
  for (let i = 0; i < byScore.length && kept.length < MAX_SUGGESTIONS;) {
    // The matches of one score compete by place only: their mention lists, each in place order,
    // merged (a heap of their heads, ties to the earlier match) until enough are taken.
    const heads = new PlaceHeap();
    const score = byScore[i].m.verdict.score;
    for (; i < byScore.length && byScore[i].m.verdict.score === score; i++) heads.add(byScore[i].m, i, -1);
    for (let head = heads.take(); head && kept.length < MAX_SUGGESTIONS; head = heads.take()) {
      kept.push({ verdict: head.match.verdict, mention: head.match.mentions[head.at] });
      heads.add(head.match, head.order, head.at);
    }
  }
  return kept.map(({ verdict, mention }) => toSuggestion(mention, verdict, keyFor(mention)));
}

/** A match's next shown mention (`at`), and the match's place among those of its score. */
interface Head {
  readonly match: Match;
  readonly order: number;
  readonly at: number;
}

/** The heads of several matches' mention lists, the one at the first place (then the earliest match) on top. */
class PlaceHeap {
  private readonly heap: Head[] = [];

  /** Adds the match's first shown mention after `after`, if it has one. */
  add(match: Match, order: number, after: number): void {
    let at = after + 1;
    while (at < match.mentions.length && !match.shown(match.mentions[at])) at++;
    if (at === match.mentions.length) return;
    const heap = this.heap;
    heap.push({ match, order, at });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  take(): Head | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && before(heap[l], heap[min])) min = l;
        if (r < heap.length && before(heap[r], heap[min])) min = r;
        if (min === i) break;
        [heap[i], heap[min]] = [heap[min], heap[i]];
        i = min;
      }
    }
    return top;
  }
}

function before(a: Head, b: Head): boolean {
  const byIt = byPlace(a.match.mentions[a.at], b.match.mentions[b.at]);
  return byIt < 0 || (byIt === 0 && a.order < b.order);
}

/** Path, then offset. */
function byPlace(a: InitiativeMention, b: InitiativeMention): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start;
}

function toSuggestion(m: InitiativeMention, verdict: Verdict, proposedKey: string): LinkSuggestion {
  return {
    path: m.path, index: m.index, start: m.start, end: m.end, line: m.line, date: m.date, text: m.text, id: m.id, track: m.track,
    score: verdict.score, reasons: verdict.reasons, proposedKey,
  };
}


/** A key for two untracked mentions: an id when one has one (the English-looking one first), else a slug of the text. */
function proposeKey(a: InitiativeMention, b: InitiativeMention): string {
  const ids = [a.id, b.id].filter((x): x is string => !!x);
  const latin = ids.find((id) => /^[a-z0-9:._-]+$/i.test(id));
  const base = latin ?? ids[0] ?? slugify(/[\u0400-\u04ff]/.test(a.text) ? b.text : a.text, { maxWords: 4 });
  const key = slugify(base, { maxWords: 6 });
  return /^[a-z]/.test(key) ? key : `i-${key || 'initiative'}`;
}
