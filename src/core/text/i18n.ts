/**
 * The words the notes produce (hovers, diagnostics, the brief and its exports, the CLI's output),
 * in the language of the **document** (`language:` in its front matter), not the editor's: an
 * analyst with an English editor still hands on a Russian brief for a Russian note. Two languages,
 * English the default for every other; typed keys so a missing translation fails to compile.
 * This is not the editor's l10n (that one is `vscode.l10n` in the adapters, for the UI).
 */

import { CharCode } from './charCodes';
import { isDigit } from './characters';

/** A language the notes can speak. */
export type OutputLanguage = 'en' | 'ru';

/** Every output language, English (the default) first. */
export const OUTPUT_LANGUAGES: readonly OutputLanguage[] = ['en', 'ru'];

/** The output language for a language tag (`ru`, `ru-RU`, `RU` → `ru`); English for any other or none. */
export function outputLanguage(tag: string | undefined): OutputLanguage {
  if (!tag) return 'en';
  // The usual tags answer without a string made: this runs for every span of a rendered file.
  if (tag === 'en' || tag === 'ru') return tag;
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0];
  return primary === 'ru' ? 'ru' : 'en';
}

/** The form a noun takes after a number: Russian has three (1 инициатива, 2 инициативы, 5 инициатив). */
export type PluralCategory = 'one' | 'few' | 'many';

/** The plural category of `n` (CLDR rules; English uses `one` and `many`). Fractions take `few` in Russian (1,5 инициативы). */
export function pluralCategory(n: number, language: OutputLanguage): PluralCategory {
  if (language === 'en') return n === 1 ? 'one' : 'many';
  if (!Number.isInteger(n)) return 'few';
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}

/** A noun's forms after a number. */
export interface Noun {
  readonly one: string;
  readonly few: string;
  readonly many: string;
}

const EN_NOUNS = {
  initiative: { one: 'initiative', few: 'initiatives', many: 'initiatives' },
  figure: { one: 'figure', few: 'figures', many: 'figures' },
  actor: { one: 'actor', few: 'actors', many: 'actors' },
  reference: { one: 'reference', few: 'references', many: 'references' },
  section: { one: 'section', few: 'sections', many: 'sections' },
  subsection: { one: 'subsection', few: 'subsections', many: 'subsections' },
  error: { one: 'error', few: 'errors', many: 'errors' },
  warning: { one: 'warning', few: 'warnings', many: 'warnings' },
  time: { one: 'time', few: 'times', many: 'times' },
  mention: { one: 'mention', few: 'mentions', many: 'mentions' },
  article: { one: 'article', few: 'articles', many: 'articles' },
  metric: { one: 'metric', few: 'metrics', many: 'metrics' },
  disagreement: { one: 'disagreement', few: 'disagreements', many: 'disagreements' },
} as const satisfies Record<string, Noun>;

/** A noun the notes count. */
export type NounKey = keyof typeof EN_NOUNS;

const RU_NOUNS: Readonly<Record<NounKey, Noun>> = {
  initiative: { one: 'инициатива', few: 'инициативы', many: 'инициатив' },
  figure: { one: 'цифра', few: 'цифры', many: 'цифр' },
  actor: { one: 'участник', few: 'участника', many: 'участников' },
  reference: { one: 'ссылка', few: 'ссылки', many: 'ссылок' },
  section: { one: 'раздел', few: 'раздела', many: 'разделов' },
  subsection: { one: 'подраздел', few: 'подраздела', many: 'подразделов' },
  error: { one: 'ошибка', few: 'ошибки', many: 'ошибок' },
  warning: { one: 'предупреждение', few: 'предупреждения', many: 'предупреждений' },
  time: { one: 'раз', few: 'раза', many: 'раз' },
  mention: { one: 'упоминание', few: 'упоминания', many: 'упоминаний' },
  article: { one: 'статья', few: 'статьи', many: 'статей' },
  metric: { one: 'показатель', few: 'показателя', many: 'показателей' },
  disagreement: { one: 'расхождение', few: 'расхождения', many: 'расхождений' },
};

/**
 * The English messages. `{name}` is filled by {@link message}; every other brace is literal.
 * These are the exact texts the notes produced before there were two languages.
 */
const EN = {
  // Hovers
  'hover.initiative': 'Initiative',
  'hover.figure': 'Figure',
  'hover.actor': 'Actor',
  'hover.span': 'Span',
  'hover.section': 'Section',
  'hover.glossary': 'Glossary',
  'hover.area': 'Area: {value}',
  'hover.status': 'Status: {value}',
  'hover.proposedBy': 'Proposed by: {value}',
  'hover.inSection': 'Section: {value}',
  'hover.referenced': 'Referenced: {count}',
  'hover.figures': 'Figures:',
  'hover.actors': 'Actors: {value}',
  'hover.andMore': '… and {count} more',
  'hover.noValue': 'no readable value',
  'hover.metric': 'Metric: {value}',
  'hover.year': 'Year: {value}',
  'hover.qualifier': 'Qualifier: {value}',
  'hover.valueFromAttributes': 'Value from the `value=`/`unit=` attributes',
  'hover.sameMetric': 'Same metric in this file ({count}):',
  'hover.line': 'line {line}',
  'hover.mentioned': '{name} — mentioned {count} in this file',
  'hover.proposed': 'Proposed {count}:',
  'hover.note': 'Note:',
  'hover.statuses': 'Statuses: {value}',
  'hover.referenceTo': 'Reference',
  'hover.referenceToWord': 'to',
  'hover.nothingHasId': 'Nothing in this file carries this id.',
  // Figure qualifiers
  'qualifier.more_than': 'more than',
  'qualifier.less_than': 'less than',
  'qualifier.about': 'about',
  'qualifier.up_to': 'up to',
  'qualifier.at_least': 'at least',
  // The brief and its exports
  'brief.untitled': 'Untitled brief',
  'brief.documentTitle': 'Brief',
  'brief.summit': 'Summit',
  'brief.date': 'Date',
  'brief.place': 'Place',
  'brief.speakers': 'Speakers',
  'brief.source': 'Source',
  'brief.sourceFallback': 'source',
  'brief.initiatives': 'Initiatives',
  'brief.noInitiatives': 'No initiatives annotated yet.',
  'brief.noArea': 'No area',
  'brief.keyFigures': 'Key figures',
  'brief.noFigures': 'No figures annotated yet.',
  'brief.actors': 'Actors',
  'brief.noActors': 'No actors annotated yet.',
  'brief.annotatedText': 'Annotated text',
  'brief.metric': 'Metric',
  'brief.valueAsWritten': 'Value as written',
  'brief.normalisedValue': 'Normalised value',
  'brief.year': 'Year',
  'brief.where': 'Where',
  'brief.proposedBy': 'proposed by {value}',
  'brief.actorsOf': 'actors: {value}',
  'brief.inSection': 'in “{value}”',
  'brief.figureFallback': 'figure',
} as const;

/** A message of the notes' output. */
export type MessageKey = keyof typeof EN;

const RU: Readonly<Record<MessageKey, string>> = {
  'hover.initiative': 'Инициатива',
  'hover.figure': 'Цифра',
  'hover.actor': 'Участник',
  'hover.span': 'Фрагмент',
  'hover.section': 'Раздел',
  'hover.glossary': 'Глоссарий',
  'hover.area': 'Направление: {value}',
  'hover.status': 'Статус: {value}',
  'hover.proposedBy': 'Инициатор: {value}',
  'hover.inSection': 'Раздел: {value}',
  'hover.referenced': 'Ссылаются: {count}',
  'hover.figures': 'Цифры:',
  'hover.actors': 'Участники: {value}',
  'hover.andMore': '… и ещё {count}',
  'hover.noValue': 'число не распознано',
  'hover.metric': 'Показатель: {value}',
  'hover.year': 'Год: {value}',
  'hover.qualifier': 'Уточнение: {value}',
  'hover.valueFromAttributes': 'Значение взято из атрибутов `value=`/`unit=`',
  'hover.sameMetric': 'Тот же показатель в этом файле ({count}):',
  'hover.line': 'строка {line}',
  'hover.mentioned': '{name} — в этом файле упоминается {count}',
  'hover.proposed': 'Предложенные инициативы ({count}):',
  'hover.note': 'Примечание:',
  'hover.statuses': 'Статусы: {value}',
  'hover.referenceTo': 'Ссылка',
  'hover.referenceToWord': 'на',
  'hover.nothingHasId': 'В этом файле нет ничего с таким id.',
  'qualifier.more_than': 'более',
  'qualifier.less_than': 'менее',
  'qualifier.about': 'около',
  'qualifier.up_to': 'до',
  'qualifier.at_least': 'не менее',
  'brief.untitled': 'Справка без названия',
  'brief.documentTitle': 'Справка',
  'brief.summit': 'Саммит',
  'brief.date': 'Дата',
  'brief.place': 'Место',
  'brief.speakers': 'Выступающие',
  'brief.source': 'Источник',
  'brief.sourceFallback': 'источник',
  'brief.initiatives': 'Инициативы',
  'brief.noInitiatives': 'Инициативы пока не размечены.',
  'brief.noArea': 'Без направления',
  'brief.keyFigures': 'Ключевые цифры',
  'brief.noFigures': 'Цифры пока не размечены.',
  'brief.actors': 'Участники',
  'brief.noActors': 'Участники пока не размечены.',
  'brief.annotatedText': 'Размеченный текст',
  'brief.metric': 'Показатель',
  'brief.valueAsWritten': 'Как в тексте',
  'brief.normalisedValue': 'Приведённое значение',
  'brief.year': 'Год',
  'brief.where': 'Где',
  'brief.proposedBy': 'инициатор: {value}',
  'brief.actorsOf': 'участники: {value}',
  'brief.inSection': 'раздел «{value}»',
  'brief.figureFallback': 'цифра',
};

const CATALOGUES: Readonly<Record<OutputLanguage, Readonly<Record<MessageKey, string>>>> = { en: EN, ru: RU };
const NOUNS: Readonly<Record<OutputLanguage, Readonly<Record<NounKey, Noun>>>> = { en: EN_NOUNS, ru: RU_NOUNS };

/** `[A-Za-z0-9_]`, the characters of a placeholder's name (`\w`). */
function isNameCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code) || code === 95;
}

/**
 * Fills `{name}` placeholders (`name` of `[A-Za-z0-9_]`) of a template; a name without a value
 * stays as written. A scan by index rather than a `replace` with a callback: every hover, diagnostic
 * and line of the brief fills a few, and the callback's cost showed in the hover's profile.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  let open = template.indexOf('{');
  if (open < 0) return template;
  let out = '';
  let from = 0;
  while (open >= 0) {
    let end = open + 1;
    while (end < template.length && isNameCode(template.charCodeAt(end))) end++;
    if (end > open + 1 && template.charCodeAt(end) === CharCode.CLOSE_BRACE) {
      const name = template.slice(open + 1, end);
      if (name in values) {
        out += template.slice(from, open) + String(values[name]);
        from = end + 1;
      }
      open = template.indexOf('{', end + 1);
    } else {
      open = template.indexOf('{', open + 1);
    }
  }
  return from === 0 ? template : out + template.slice(from);
}

/** A template cut at its placeholders: text at even indices, a placeholder's name at odd ones. */
type TemplateParts = readonly string[];

function templateParts(template: string): TemplateParts {
  const parts: string[] = [];
  let from = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    parts.push(template.slice(from, m.index), m[1]);
    from = m.index + m[0].length;
  }
  parts.push(template.slice(from));
  return parts;
}

/** Every catalogue cut once, so a message fills its placeholders without scanning the template again. */
const CATALOGUE_PARTS = Object.fromEntries(OUTPUT_LANGUAGES.map((language) => [
  language, Object.fromEntries(Object.entries(CATALOGUES[language]).map(([key, template]) => [key, templateParts(template)])),
])) as Readonly<Record<OutputLanguage, Readonly<Record<MessageKey, TemplateParts>>>>;

/** The message `key` in `language`, with its placeholders filled. */
export function message(language: OutputLanguage, key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
  const parts = CATALOGUE_PARTS[language][key];
  if (parts.length === 1 || values === undefined) return CATALOGUES[language][key];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in values ? String(values[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** The noun's form after `n`: `initiatives` / `инициативы`. */
export function nounFor(language: OutputLanguage, n: number, noun: NounKey): string {
  return NOUNS[language][noun][pluralCategory(n, language)];
}

/** `3 initiatives`, `3 инициативы`, `1 actor`, `5 участников`. */
export function countOf(language: OutputLanguage, n: number, noun: NounKey): string {
  return `${n} ${nounFor(language, n, noun)}`;
}

/** Every message key (for tests that hold the catalogues together). */
export const MESSAGE_KEYS = Object.keys(EN) as MessageKey[];
/** Every noun key. */
export const NOUN_KEYS = Object.keys(EN_NOUNS) as NounKey[];
