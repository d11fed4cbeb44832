/**
 * What the editor shows and does with `track=` keys and suggested links, worked out over the
 * workspace model as offsets and words: the key under the cursor, the mention under the cursor,
 * the key a suggested link writes, the "Also in N articles?" hover text and the `track=` findings'
 * messages, in the notes' language. The adapters in src/extension/ only convert.
 */
import { message, pluralCategory, type OutputLanguage } from '../text';
import { isValidTrackKey, normaliseTrackKey, TRACK_ATTRIBUTE, trackSite } from './track';
import type { Workspace } from './workspace';
import { summariseFile, type ArticleInfo, type InitiativeMention, type WorkspaceFile } from './summarise';
import type { LinkSuggestion } from './suggest';
import { nearest, type Annotation, type NotesModel } from '../model';
import { trackDistance, trackFindingsForFile, type DossierFinding } from './findings';

/** A track key at an offset: on the `track=` value itself, or anywhere in a tracked initiative. */
export interface TrackKeyAt {
  /** The normalised key. */
  readonly key: string;
  /** True when the offset is on the `track=` value. */
  readonly onValue: boolean;
  /** The value's offsets (on the value) or the initiative's whole span. */
  readonly start: number;
  readonly end: number;
}

/**
 * The track key at `offset`: the innermost initiative around it that carries a valid key. Undefined
 * outside initiatives and on initiatives (and their parents) without a key.
 */
export function trackKeyAt(model: NotesModel, offset: number): TrackKeyAt | undefined {
  for (let a: Annotation | undefined = model.annotationAt(offset); a; a = a.parent) {
    if (a.kind !== 'initiative' || a.attribute(TRACK_ATTRIBUTE) === undefined) continue;
    const site = trackSite(model.text, a);
    if (!site || !isValidTrackKey(site.written)) continue;
    const key = normaliseTrackKey(site.written);
    const onValue = offset >= site.start && offset <= site.end;
    return onValue ? { key, onValue, start: site.start, end: site.end } : { key, onValue, start: a.range.start, end: a.range.end };
  }
  return undefined;
}

/**
 * The innermost initiative at `offset` of the file `path` (whose current model is `model`) as a
 * workspace mention: the workspace's own when it still matches the model (same place, text and key),
 * else one made from the model, so a workspace that lags the last keystroke still answers.
 */
export function initiativeMentionAt(workspace: Workspace, path: string, model: NotesModel, offset: number): InitiativeMention | undefined {
  let a = model.annotationAt(offset);
  while (a && a.kind !== 'initiative') a = a.parent;
  if (!a) return undefined;
  const known = workspace.files.get(path)?.initiatives.find((m) => m.index === a.index);
  if (known && known.start === a.range.start && known.end === a.range.end && known.text === a.plainText
    && known.trackSite?.written === a.attribute(TRACK_ATTRIBUTE)) return known;
  return summaryOf(path, model).initiatives.find((m) => m.index === a.index);
}

/** One summary per model (per document version) when the workspace lags: asks at each cursor move share it. */
const summaries = new WeakMap<NotesModel, WorkspaceFile>();

function summaryOf(path: string, model: NotesModel): WorkspaceFile {
  let file = summaries.get(model);
  if (!file || file.path !== path) summaries.set(model, (file = summariseFile(path, model)));
  return file;
}

/**
 * True when `older` and `newer` hold the same files, the same objects (unchanged since), except
 * perhaps the file `path`. Suggestions for a mention of `path` look only at other files, so while
 * only `path` changed (the analyst typing in it) the older workspace answers as well, and its
 * suggestion lookup, built once per workspace, is not built again at every edit.
 */
export function sameOtherFiles(older: Workspace, newer: Workspace, path: string): boolean {
  if (older === newer) return true;
  const others = (ws: Workspace): number => ws.files.size - (ws.files.has(path) ? 1 : 0);
  if (others(older) !== others(newer)) return false;
  for (const [p, file] of newer.files) {
    if (p !== path && older.files.get(p) !== file) return false;
  }
  return true;
}

/**
 * The key a suggested link writes: the key one side already has, else the proposed key; a
 * proposed key that another initiative already uses gets a number (`-2`, `-3`, …), so linking two
 * untracked mentions never joins them to an unrelated initiative by accident.
 */
export function linkKey(workspace: Workspace, asking: InitiativeMention, suggestion: LinkSuggestion): string {
  const existing = asking.track ?? suggestion.track;
  if (existing) return existing;
  const base = normaliseTrackKey(suggestion.proposedKey);
  if (!workspace.tracks.has(base)) return base;
  for (let n = 2; ; n++) {
    const key = `${base}-${n}`;
    if (!workspace.tracks.has(key)) return key;
  }
}

/**
 * The suggestions a link may follow: not those whose key is itself flagged as a misspelling
 * (`unknown-track`), since linking would copy the typo and, the key then being used twice,
 * silence its warning. That mention's own problem offers the right key first.
 */
export function linkableSuggestions(workspace: Workspace, suggestions: readonly LinkSuggestion[]): LinkSuggestion[] {
  const misspelt = new Map<string, boolean>();
  return suggestions.filter((s) => {
    if (s.track === undefined) return true;
    const at = `${s.path}\u0000${s.track}`;
    let flagged = misspelt.get(at);
    if (flagged === undefined) {
      flagged = (workspace.tracks.get(s.track)?.length ?? 0) === 1
        && trackFindingsForFile(workspace, s.path).some((f) => f.code === 'unknown-track' && f.data.track === s.track);
      misspelt.set(at, flagged);
    }
    return !flagged;
  });
}

/** The most suggestions the hover lists; the rest are counted. */
export const MAX_HOVER_SUGGESTIONS = 8;

/** The hover's words in each output language. */
const WORDS: Readonly<Record<OutputLanguage, {
  readonly alsoIn: (n: number) => string;
  readonly untitled: string;
  readonly link: (key: string) => string;
  readonly reasons: Readonly<Record<string, string>>;
  readonly acronym: string;
  readonly body: string;
}>> = {
  en: {
    alsoIn: (n) => `Also in ${n} ${pluralCategory(n, 'en') === 'one' ? 'article' : 'articles'}?`,
    untitled: 'untitled',
    link: (key) => `Link as track=${key}`,
    reasons: { 'same words': 'same words', 'same id': 'same id' },
    acronym: 'acronym',
    body: 'same body',
  },
  ru: {
    alsoIn: (n) => `Также в ${n} ${pluralCategory(n, 'ru') === 'one' ? 'статье' : 'статьях'}?`,
    untitled: 'без названия',
    link: (key) => `Связать: track=${key}`,
    reasons: { 'same words': 'те же слова', 'same id': 'тот же id' },
    acronym: 'аббревиатура',
    body: 'тот же орган',
  },
};

/** A suggestion's reason (`same words`, `acronym NDB`, `same body (sco)`, `same id`) in `language`. */
export function reasonText(reason: string, language: OutputLanguage): string {
  const words = WORDS[language];
  const known = words.reasons[reason];
  if (known) return known;
  if (reason.startsWith('acronym ')) return `${words.acronym} ${reason.slice('acronym '.length)}`;
  if (reason.startsWith('same body ')) return `${words.body} ${reason.slice('same body '.length)}`;
  return reason;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The last part of a path or URI, decoded (what a file is called when its article has no title). */
export function fileLabel(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** What the hover needs of the workspace and the editor. */
export interface AlsoInHoverInput {
  readonly suggestions: readonly LinkSuggestion[];
  readonly language: OutputLanguage;
  /** The article a suggestion's file holds. */
  readonly articleOf: (path: string) => ArticleInfo | undefined;
  /** The key the link writes for a suggestion ({@link linkKey}). */
  readonly keyOf: (suggestion: LinkSuggestion) => string;
  /** A Markdown link that links with the suggestion (the editor makes it a command link). */
  readonly linkTo: (suggestion: LinkSuggestion, label: string) => string;
}

/**
 * "Also in N articles?": the other articles whose initiatives look like this one (title, date,
 * summit, the matched text and why), each with a link that adds the key. Empty when there is no
 * suggestion.
 */
export function alsoInHover(input: AlsoInHoverInput): string {
  const { suggestions, language } = input;
  if (suggestions.length === 0) return '';
  const words = WORDS[language];
  const articles = new Set(suggestions.map((s) => s.path)).size;
  const lines = [`**${words.alsoIn(articles)}**`, ''];
  for (const s of suggestions.slice(0, MAX_HOVER_SUGGESTIONS)) {
    const article = input.articleOf(s.path);
    const title = article?.title ?? (fileLabel(s.path) || words.untitled);
    const place = [s.date ?? article?.date, article?.summit].filter((x): x is string => !!x).map(escapeMarkdown).join(' · ');
    const why = s.reasons.map((r) => reasonText(r, language)).join(', ');
    const link = input.linkTo(s, escapeMarkdown(words.link(input.keyOf(s))));
    lines.push(`- *${escapeMarkdown(clip(title, 100))}*${place ? ` (${place})` : ''}: “${escapeMarkdown(clip(s.text, 120))}”${why ? ` — ${escapeMarkdown(why)}` : ''} · ${link}`);
  }
  const more = suggestions.length - MAX_HOVER_SUGGESTIONS;
  if (more > 0) lines.push('', message(language, 'hover.andMore', { count: more }));
  return lines.join('\n');
}

/**
 * A `track=` finding's message in `language` (the core's English message as is for `en`); for
 * `unknown-track`, the other near keys (`near`, from {@link nearTrackKeys}) are named after it.
 */
export function trackFindingMessage(finding: DossierFinding, language: OutputLanguage, near: readonly string[] = []): string {
  const also = near.filter((k) => k !== finding.data.suggestion);
  if (finding.code === 'unknown-track' && also.length) {
    const list = also.map((k) => (language === 'ru' ? `«${k}»` : `'${k}'`)).join(', ');
    return `${trackFindingMessage(finding, language)} ${language === 'ru' ? `Также близки: ${list}.` : `Also near: ${list}.`}`;
  }
  if (language === 'en') return finding.message;
  const track = finding.data.track ?? '';
  switch (finding.code) {
    case 'unknown-track':
      return `ключ track «${track}» больше нигде в рабочей области не встречается; может быть, «${finding.data.suggestion ?? ''}»?`;
    case 'invalid-track':
      return `«${track}» — не ключ track: ключ начинается с буквы и состоит только из букв, цифр, «-», «_», «:» и «.»`;
    case 'track-not-initiative':
      return 'track= связывает инициативы разных файлов; у цифры или участника он не учитывается (цифра внутри отслеживаемой инициативы относится к ней)';
  }
}

/**
 * The keys a misspelt key may have meant: the finding's suggestion first, then other keys of the
 * workspace as near (by the same distance rule), at most `max`.
 */
export function nearTrackKeys(workspace: Workspace, finding: DossierFinding, max = 3): string[] {
  const key = finding.data.track;
  const out: string[] = [];
  if (finding.data.suggestion) out.push(finding.data.suggestion);
  if (!key) return out;
  const distance = trackDistance(key);
  while (out.length < max) {
    const next = nearest(key, [...workspace.tracks.keys()].filter((k) => k !== key && !out.includes(k)), distance);
    if (!next) break;
    out.push(next);
  }
  return out;
}
