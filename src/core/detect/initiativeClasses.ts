/**
 * Word classes the initiative scorer's features are built from: head nouns by the kind of thing
 * they name, and verbs and cues around a candidate. Lemmas are listed once and matched by stem
 * (`stem.ts`), so every case form and inflection counts ("фонда", "фондом", "funds").
 */
import { stem } from './stem';
import type { InitiativeKind } from './types';

/** What a head noun names: one of the gold kinds, or a meeting (often the summit being reported). */
export type HeadClass = InitiativeKind | 'meeting';

const HEADS: readonly (readonly [HeadClass, string])[] = [
  ['body', 'fund bank centre center office council commission secretariat agency institute body mechanism platform organisation organization hub university committee alliance association facility pool reserve club structure network taskforce task-force consortium panel'],
  ['body', 'фонд банк центр офис совет комиссия секретариат агентство институт орган механизм платформа организация хаб университет комитет альянс ассоциация пул резерв клуб структура сеть представительство консорциум палата группа'],
  ['project', 'programme program project megaproject corridor route plant pipeline railway road highway port zone cluster line bridge scheme initiative park terminal station'],
  ['project', 'программа проект мегапроект коридор маршрут завод трубопровод газопровод нефтепровод дорога магистраль порт зона кластер линия мост путь технопарк терминал станция'],
  ['agreement', 'agreement treaty declaration roadmap strategy plan memorandum deal accord pact charter convention resolution concept statement framework communique communiqué ceasefire truce'],
  ['agreement', 'соглашение договор декларация карта стратегия план меморандум сделка пакт хартия конвенция резолюция концепция заявление договоренность договорённость коммюнике перемирие'],
  ['event', 'forum conference exhibition expo games festival year week olympiad championship dialogue'],
  ['event', 'форум конференция выставка игры фестиваль год неделя олимпиада чемпионат диалог'],
  ['meeting', 'summit meeting session talks visit'],
  ['meeting', 'саммит встреча заседание переговоры визит сессия'],
  ['proposal', 'initiative proposal idea'],
  ['proposal', 'инициатива предложение идея'],
];

/** Verb and cue classes: what governs a candidate and in what mood. */
export type CueClass = 'propose' | 'create' | 'agree' | 'support' | 'hold' | 'develop' | 'report' | 'future' | 'modal' | 'past' | 'new' | 'generic';

const CUES: readonly (readonly [CueClass, string])[] = [
  ['propose', 'propose suggest urge call initiate put forward advocate'],
  ['propose', 'предложить предлагать призвать призывать выступить инициировать выдвинуть'],
  ['create', 'create establish set found launch open form introduce'],
  ['create', 'создать создание учредить учреждение открыть открытие запустить запуск сформировать формирование'],
  ['agree', 'agree sign adopt approve conclude ratify endorse finalise finalize reach'],
  ['agree', 'подписать подписание договориться утвердить одобрить заключить принять ратифицировать согласовать'],
  ['support', 'support back welcome favour favor'],
  ['support', 'поддержать поддерживать поддержка приветствовать'],
  ['hold', 'hold host convene organise organize'],
  ['hold', 'провести проведение проводить организовать'],
  ['develop', 'develop implement build construct expand advance promote strengthen boost provide allocate invest'],
  ['develop', 'развивать развитие реализовать реализация построить строительство разработать разработка расширить продвигать укреплять выделить инвестировать'],
  ['report', 'say note stress add tell emphasise emphasize recall'],
  ['report', 'заявить сказать отметить подчеркнуть добавить напомнить сообщить'],
  ['future', 'will shall plan intend going aim'],
  ['future', 'будет будут планировать намерен намерены станет'],
  ['modal', 'should must need necessary important'],
  ['modal', 'нужно необходимо следует должен должны важно нужны'],
  ['past', 'was were been had since earlier already previously ago'],
  ['past', 'был была было были ранее уже прошлом'],
  ['new', 'new newly'],
  ['new', 'новый новая новое новые'],
  ['generic', 'several many various numerous all other these such number'],
  ['generic', 'ряд несколько множество много многие различные все другие такие эти'],
];

function table<T>(rows: readonly (readonly [T, string])[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const [cls, words] of rows) for (const w of words.split(' ')) if (!out.has(stem(w))) out.set(stem(w), cls);
  return out;
}

let heads: Map<string, HeadClass> | undefined;
let cues: Map<string, CueClass> | undefined;
let prefixes: Set<string> | undefined;

/** Three-letter prefixes of every head and cue stem: a word is stemmed only when it starts with one. */
function prefixSet(): Set<string> {
  if (!prefixes) {
    prefixes = new Set<string>();
    for (const s of [...headTable().keys(), ...cueTable().keys()]) prefixes.add(s.slice(0, 3));
  }
  return prefixes;
}

function headTable(): Map<string, HeadClass> {
  heads ??= table(HEADS);
  return heads;
}

function cueTable(): Map<string, CueClass> {
  cues ??= table(CUES);
  return cues;
}

/** The stem of a lowercased word when it may be a head or a cue (else undefined, without stemming). */
export function classStem(lower: string): string | undefined {
  if (lower.length < 2) return undefined;
  if (!prefixSet().has(lower.slice(0, 3))) return undefined;
  return stem(lower);
}

/** The head class of a lowercased word, if it names a body, project, agreement, event, meeting or proposal. */
export function headClass(lower: string): HeadClass | undefined {
  // "funding", "planning", "according", "proposed" stem to a head but are not one; nor do Russian
  // verbs ("договорились" stems like "договор").
  if (lower.charCodeAt(0) >= 0x400 ? /(?:сь|ся|ли)$/u.test(lower) : lower.endsWith('ing') || lower.endsWith('ed')) return undefined;
  const s = classStem(lower);
  return s === undefined ? undefined : headTable().get(s);
}

/** The cue class of a lowercased word. */
export function cueClass(lower: string): CueClass | undefined {
  const s = classStem(lower);
  return s === undefined ? undefined : cueTable().get(s);
}
