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
};

/** The view's words in `language`. */
export function dossierLabels(language: OutputLanguage): DossierLabels {
  return language === 'ru' ? RU : EN;
}
