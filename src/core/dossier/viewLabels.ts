/**
 * The words of the dossier's editor view, in English and Russian. A dossier spans files in both
 * languages, so the view speaks the editor's display language (the adapter picks it), not a file's;
 * typed keys so a missing translation fails to compile.
 */
import type { OutputLanguage } from '../text';

const EN = {
  title: 'Dossier',
  articles: 'Articles',
  tracked: 'Tracked initiatives',
  mentions: 'Mentions',
  metrics: 'Metrics',
  disagreements: 'Disagreements',
  initiativesHeading: 'Initiatives',
  figuresHeading: 'Figures by metric',
  problemsHeading: 'Problems with track keys',
  articlesHeading: 'Articles',
  noInitiatives: 'No tracked initiatives: give an initiative a key with',
  noMetrics: 'No figures with',
  nothingMatches: 'Nothing matches the filters.',
  date: 'Date',
  summit: 'Summit',
  source: 'Source',
  status: 'Status',
  text: 'Text',
  where: 'Where',
  value: 'Value',
  asWritten: 'As written',
  title_: 'Title',
  language: 'Language',
  file: 'File',
  area: 'Area',
  actor: 'Actor',
  from: 'From',
  to: 'To',
  any: 'Any',
  clear: 'Clear filters',
  filters: 'Filters',
  undated: 'undated',
  sourcesDisagree: 'sources disagree',
  differs: 'differs from the others',
  statusChanged: 'status changed',
  clickHint: 'Click a mention, a value or a place to open it in the editor; a source name opens the article.',
  languages: 'Languages',
  summits: 'Summits',
  suggestLinks: 'Show possible links',
  suggestLinksHint: 'Look for untracked initiatives in other articles that read like each tracked one (takes a moment in a large workspace).',
  maybeSame: 'Maybe the same initiative, not linked yet:',
  linkAs: 'Link as track=',
  linkTitle: 'Adds this key to that mention, in one undoable edit',
};

export type DossierLabelKey = keyof typeof EN;
export type DossierLabels = Readonly<Record<DossierLabelKey, string>>;

const RU: DossierLabels = {
  title: 'Досье',
  articles: 'Статьи',
  tracked: 'Отслеживаемые инициативы',
  mentions: 'Упоминания',
  metrics: 'Показатели',
  disagreements: 'Расхождения',
  initiativesHeading: 'Инициативы',
  figuresHeading: 'Цифры по показателям',
  problemsHeading: 'Ошибки в ключах track',
  articlesHeading: 'Статьи',
  noInitiatives: 'Нет отслеживаемых инициатив: задайте инициативе ключ атрибутом',
  noMetrics: 'Нет цифр с атрибутом',
  nothingMatches: 'Под фильтры ничего не подходит.',
  date: 'Дата',
  summit: 'Саммит',
  source: 'Источник',
  status: 'Статус',
  text: 'Текст',
  where: 'Где',
  value: 'Значение',
  asWritten: 'Как написано',
  title_: 'Заголовок',
  language: 'Язык',
  file: 'Файл',
  area: 'Область',
  actor: 'Участник',
  from: 'С',
  to: 'По',
  any: 'Любой',
  clear: 'Сбросить фильтры',
  filters: 'Фильтры',
  undated: 'без даты',
  sourcesDisagree: 'источники расходятся',
  differs: 'расходится с остальными',
  statusChanged: 'статус изменился',
  clickHint: 'Щёлкните упоминание, значение или место, чтобы открыть его в редакторе; название источника открывает статью.',
  languages: 'Языки',
  summits: 'Саммиты',
  suggestLinks: 'Показать возможные связи',
  suggestLinksHint: 'Искать в других статьях неотслеживаемые инициативы, похожие на каждую отслеживаемую (в большой папке это займёт время).',
  maybeSame: 'Возможно, та же инициатива, ещё не связана:',
  linkAs: 'Связать как track=',
  linkTitle: 'Добавляет этот ключ к тому упоминанию одной правкой, которую можно отменить',
};

/** The view's words in `language`. */
export function dossierLabels(language: OutputLanguage): DossierLabels {
  return language === 'ru' ? RU : EN;
}

/**
 * The words only the dossier's exports (HTML, Markdown, CSV) use, beside the view's, which they
 * also use where the same word is meant. An export speaks one language for the whole workspace
 * (the CLI's `--lang`, else the language most of its articles are written in). The English ones
 * are the exact texts the exports produced before there were two languages.
 */
const EXPORT_EN = {
  filteredBy: 'Filtered by',
  noInitiativesBefore: 'No tracked initiatives (add ',
  noInitiativesAfter: ' to an initiative).',
  maybeSameBefore: 'Maybe the same initiative (no ',
  maybeSameAfter: ' yet):',
  score: 'score',
  add: 'add',
  yes: 'yes',
  kindMention: 'mention',
  kindFigure: 'figure',
  sameWords: 'same words',
  sameBody: 'same body',
  acronym: 'acronym',
  sameId: 'same id',
  filterSummit: 'summit',
  filterArea: 'area',
  filterStatus: 'status',
  filterActor: 'actor',
  filterLanguage: 'language',
  filterFrom: 'from',
  filterTo: 'to',
};

export type DossierExportWordKey = keyof typeof EXPORT_EN;
export type DossierExportWords = Readonly<Record<DossierExportWordKey, string>>;

const EXPORT_RU: DossierExportWords = {
  filteredBy: 'Фильтры:',
  noInitiativesBefore: 'Нет отслеживаемых инициатив (добавьте ',
  noInitiativesAfter: ' к инициативе).',
  maybeSameBefore: 'Возможно, та же инициатива (ещё без ',
  maybeSameAfter: '):',
  score: 'сходство',
  add: 'добавьте',
  yes: 'да',
  kindMention: 'упоминание',
  kindFigure: 'цифра',
  sameWords: 'те же слова',
  sameBody: 'тот же орган',
  acronym: 'аббревиатура',
  sameId: 'тот же id',
  filterSummit: 'саммит',
  filterArea: 'область',
  filterStatus: 'статус',
  filterActor: 'участник',
  filterLanguage: 'язык',
  filterFrom: 'с',
  filterTo: 'по',
};

/** The exports' own words in `language`. */
export function dossierExportWords(language: OutputLanguage): DossierExportWords {
  return language === 'ru' ? EXPORT_RU : EXPORT_EN;
}
