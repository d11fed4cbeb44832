/**
 * Diagnostics in the document's language. The parser writes its messages in English, in many
 * places and into findings that the incremental parser copies between versions; rather than carry
 * a key and its values through all of that, a message is translated where it is shown, by matching
 * it against the English templates below (`{name}` captures a value) and filling the Russian one.
 * English is therefore untouched by construction, and a message no template knows stays as it is.
 * A unit test produces every diagnostic code and checks that none is left in English.
 */
import type { Diagnostic } from './types';
import { fillTemplate, type OutputLanguage } from '../text';

/** [English template, Russian template]; more specific templates first. */
const MESSAGES: readonly (readonly [string, string])[] = [
  ['Summit Notes could not read this file: {error}', 'Summit Notes не удалось прочитать этот файл: {error}'],
  ['The attribute block “{” after this span is never closed: add “}”.', 'Блок атрибутов «{» после этого фрагмента не закрыт: добавьте «}».'],
  ['This “[” is never closed: add “]” before the attribute block.', 'Скобка «[» не закрыта: добавьте «]» перед блоком атрибутов.'],
  ['Malformed attribute: {detail}.', 'Ошибка в атрибутах: {detail}.'],
  ['The id “{id}” is already used at line {line}.', 'Id «{id}» уже занят в строке {line}.'],
  ['Nothing in this file has the id “{id}”: did you mean “{suggestion}”?', 'В этом файле нет ничего с id «{id}»: может быть, «{suggestion}»?'],
  ['Nothing in this file has the id “{id}”.', 'В этом файле нет ничего с id «{id}».'],
  ['Area “{area}” is not among the areas in the front matter: did you mean “{suggestion}”?', 'Направления «{area}» нет в списке направлений в шапке файла: может быть, «{suggestion}»?'],
  ['Area “{area}” is not among the areas in the front matter.', 'Направления «{area}» нет в списке направлений в шапке файла.'],
  ['Status “{status}” is not one of: {list} (did you mean “{suggestion}”?).', 'Статуса «{status}» нет в списке: {list} (может быть, «{suggestion}»?).'],
  ['Status “{status}” is not one of: {list}.', 'Статуса «{status}» нет в списке: {list}.'],
  [
    'No number can be read from this figure: write it as a number (650 млрд, $1.5 trillion) or add value=….',
    'В этой цифре не удаётся прочитать число: запишите его цифрами (650 млрд, $1.5 trillion) или добавьте value=….',
  ],
  ['Unknown kind “.{kind}”: did you mean “.{suggestion}”?', 'Неизвестный вид «.{kind}»: может быть, «.{suggestion}»?'],
  ['No known kind among {list}: use .initiative, .figure or .actor.', 'Ни один из классов {list} не задаёт вид: используйте .initiative, .figure или .actor.'],
  ['The front matter opened here is never closed: end it with a “---” line.', 'Шапка файла, открытая здесь, не закрыта: завершите её строкой «---».'],
  ['YAML: the key “{key}” appears twice; the last one wins.', 'YAML: ключ «{key}» встречается дважды; действует последний.'],
  // The YAML library's own words stay as they are; the prefix says where they come from.
  ['YAML: {error}', 'Ошибка YAML: {error}'],
  ['The front matter should be “key: value” lines.', 'Шапка файла должна состоять из строк «ключ: значение».'],
  ['“{key}” should be an ISO date: {iso}.', 'Дата «{key}» должна быть в формате ISO: {iso}.'],
  ['“{key}” should be an ISO date (YYYY-MM-DD).', 'Дата «{key}» должна быть в формате ISO (ГГГГ-ММ-ДД).'],
  ['“{key}” should be {expected}.', 'Значение «{key}» должно быть {expected}.'],
];

/** The parts of messages: what an attribute or a front matter value should be, and why an attribute is malformed. */
const PARTS: readonly (readonly [string, string])[] = [
  ['“{token}” is not a valid id: use letters, digits, - _ : .', '«{token}» не годится как id: используйте буквы, цифры, - _ : .'],
  ['“{token}” is not a valid class: use letters, digits, - _ : .', '«{token}» не годится как класс: используйте буквы, цифры, - _ : .'],
  ['“{token}” needs a name after it', 'после «{token}» нужно имя'],
  ['“{token}” must start with a letter', '«{token}» должен начинаться с буквы'],
  ['a second id “{token}”: Pandoc keeps only the last', 'второй id «{token}»: Pandoc оставит только последний'],
  ['“{token}” is neither #id, .class nor key=value', '«{token}» — не #id, не .class и не key=value'],
  ['text', 'текстом'],
  ['a list', 'списком'],
  ['a mapping of id: label (or a list of ids)', 'словарём «id: название» (или списком id)'],
  ['a mapping of term: definition', 'словарём «термин: определение»'],
  ['a mapping with name, url, published', 'словарём с ключами name, url, published'],
];

interface Compiled {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly target: string;
}

function compile(table: readonly (readonly [string, string])[]): Compiled[] {
  return table.map(([en, ru]) => {
    const names: string[] = [];
    let source = '';
    let last = 0;
    for (const m of en.matchAll(/\{(\w+)\}/g)) {
      source += escapeRegExp(en.slice(last, m.index)) + '([\\s\\S]*?)';
      names.push(m[1]);
      last = m.index + m[0].length;
    }
    source += escapeRegExp(en.slice(last));
    return { pattern: new RegExp(`^${source}$`), names, target: ru };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let compiledMessages: Compiled[] | undefined;
let compiledParts: Compiled[] | undefined;

function translate(text: string, table: readonly Compiled[], parts: readonly Compiled[] | undefined): string | undefined {
  for (const entry of table) {
    const m = entry.pattern.exec(text);
    if (!m) continue;
    const values: Record<string, string> = {};
    entry.names.forEach((name, i) => {
      const value = m[i + 1];
      // A value may itself be a known part (why an attribute is malformed, what a value should be).
      if (parts && (name === 'detail' || name === 'expected')) values[name] = translate(value, parts, undefined) ?? value;
      // A list the parser quoted (“.foo”, “.bar”) takes the Russian quotes of the sentence around it.
      else values[name] = name === 'list' ? value.replace(/“([^”]*)”/g, '«$1»') : value;
    });
    return fillTemplate(entry.target, values);
  }
  return undefined;
}

/** A diagnostic message of the parser in `language`; unchanged for English and for messages no template knows. */
export function localiseDiagnosticMessage(text: string, language: OutputLanguage): string {
  if (language === 'en') return text;
  compiledMessages ??= compile(MESSAGES);
  compiledParts ??= compile(PARTS);
  return translate(text, compiledMessages, compiledParts) ?? text;
}

/** The diagnostics with their messages in `language` (the same array for English). */
export function localiseDiagnostics(diagnostics: readonly Diagnostic[], language: OutputLanguage): readonly Diagnostic[] {
  if (language === 'en') return diagnostics;
  return diagnostics.map((d) => ({ ...d, message: localiseDiagnosticMessage(d.message, language) }));
}
