/**
 * The sentences the dossier's exports (HTML, Markdown, CSV) share, in one output language, and the
 * language a dossier speaks by default: the one most of its articles are written in.
 */
import type { Dossier, DossierCounts, MetricValue } from './build';
import { describeFigureValue } from '../figures';
import type { DossierFilter } from './filter';
import { dossierExportWords, type DossierExportWordKey } from './viewLabels';
import { countOf, nounFor, outputLanguage, pluralCategory, type OutputLanguage } from '../text';

/** The language most of `dossier`'s articles are written in; English on a tie or when there are none. */
export function dossierLanguage(dossier: Dossier): OutputLanguage {
  let ru = 0;
  for (const a of dossier.articles) if (outputLanguage(a.language) === 'ru') ru++;
  return ru * 2 > dossier.articles.length ? 'ru' : 'en';
}

/** The adjective "tracked" agrees with the count in Russian (1 отслеживаемая, 2 отслеживаемые, 5 отслеживаемых). */
const TRACKED_RU = { one: 'отслеживаемая', few: 'отслеживаемые', many: 'отслеживаемых' } as const;

/** `3 article(s) · 1 tracked initiative(s) · …` (plain text: the caller escapes nothing, there is nothing from the notes). */
export function countsLine(c: DossierCounts, language: OutputLanguage): string {
  if (language === 'en') {
    return `${c.articles} article(s) · ${c.initiatives} tracked initiative(s) · ${c.mentions} mention(s) · ${c.metrics} metric(s) · ${c.disagreements} disagreement(s)`;
  }
  const tracked = `${c.initiatives} ${TRACKED_RU[pluralCategory(c.initiatives, language)]} ${nounFor(language, c.initiatives, 'initiative')}`;
  return [
    countOf(language, c.articles, 'article'), tracked, countOf(language, c.mentions, 'mention'),
    countOf(language, c.metrics, 'metric'), countOf(language, c.disagreements, 'disagreement'),
  ].join(' · ');
}

const FILTER_WORDS: Readonly<Record<keyof DossierFilter, DossierExportWordKey>> = {
  summit: 'filterSummit', area: 'filterArea', status: 'filterStatus', actor: 'filterActor',
  language: 'filterLanguage', from: 'filterFrom', to: 'filterTo',
};

/** The filters that are set, as `[name, value]` with the name in `language` (values as given, unescaped). */
export function filterEntries(filter: DossierFilter, language: OutputLanguage): [string, string][] {
  const words = dossierExportWords(language);
  return Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => [k in FILTER_WORDS ? words[FILTER_WORDS[k as keyof DossierFilter]] : k, String(v)]);
}

/**
 * A suggestion's reasons in `language`. The suggester gives them as a few fixed English phrases
 * (`same words`, `same body (sco)`, `acronym BRICS`, `same id`); any other is shown as it is.
 */
export function reasonsText(reasons: readonly string[], language: OutputLanguage): string {
  if (language === 'en') return reasons.join(', ');
  const w = dossierExportWords(language);
  return reasons.map((r) => {
    if (r === 'same words') return w.sameWords;
    if (r === 'same id') return w.sameId;
    if (r.startsWith('same body ')) return `${w.sameBody}${r.slice('same body'.length)}`;
    if (r.startsWith('acronym ')) return `${w.acronym}${r.slice('acronym'.length)}`;
    return r;
  }).join(', ');
}

/** A figure's value as read (`about 750,000,000,000 USD`), its qualifier in `language`. */
export function valueWords(v: MetricValue, language: OutputLanguage): string {
  return language === 'en' ? v.normalised : describeFigureValue(v.value, v.unit, v.qualifier, language);
}
