/**
 * The words that announce an initiative, Russian and English: verbs of proposing, supporting,
 * creating, holding, launching and agreeing, and nouns that name a proposal, project or agreement.
 * Matched lowercased on whole words (exact forms) or by stem where a noun declines.
 */
import type { InitiativeKind } from './types';

/** How a trigger word behaves. */
export interface Trigger {
  readonly kind: InitiativeKind;
  /** `verb`: the initiative follows it; `noun`: it names the initiative (modifiers before it count too). */
  readonly role: 'verb' | 'noun';
  /** Only a trigger when the previous word is one of these (`will develop`, `to hold`). */
  readonly after?: readonly string[];
  /** Only a trigger when the next word is one of these (`call for`, `set up`, `agreed to`). */
  readonly before?: readonly string[];
}

const v = (kind: InitiativeKind, extra: Partial<Trigger> = {}): Trigger => ({ kind, role: 'verb', ...extra });
const noun = (kind: InitiativeKind): Trigger => ({ kind, role: 'noun' });

/** Auxiliaries that turn a plain verb into a commitment: "China will develop", "agreed to provide". */
const FUTURE = ['will', 'shall', 'to', "'ll"];

function forms(words: string, trigger: Trigger): [string, Trigger][] {
  return words.split(' ').map((w) => [w, trigger]);
}

/** Exact word forms → trigger. */
export const TRIGGER_WORDS: ReadonlyMap<string, Trigger> = new Map<string, Trigger>([
  // English: proposing and supporting.
  ...forms('propose proposed proposes proposing suggest suggested suggests urge urged urges', v('proposal')),
  ...forms('call calls called calling', v('proposal', { before: ['for'] })),
  ...forms('support supports supported supporting backed backs endorse endorsed endorses', v('proposal')),
  ...forms('announce announced announces unveil unveiled', v('proposal')),
  ...forms('initiative initiatives proposal proposals', noun('proposal')),
  // Creating and opening bodies.
  ...forms('establish established establishes establishing create created creates creating found founded', v('body')),
  ...forms('set sets', v('body', { before: ['up'] })),
  ...forms('open opens opened', v('body', { after: [...FUTURE, 'was', 'were', 'be', 'been', 'is', 'newly', 'officially'] })),
  // Events and projects.
  ...forms('hold host convene organise organize', v('event', { after: FUTURE })),
  ...forms('launch launched launches launching build construct implement', v('project')),
  ...forms('construction', v('project', { before: ['of'] })),
  ...forms('develop provide allocate invest fund expand introduce start', v('proposal', { after: FUTURE })),
  ...forms('project projects megaproject corridor corridors', noun('project')),
  // Agreements.
  ...forms('sign signed signs signing conclude concluded approve approved approves adopt adopted adopts ratified', v('agreement')),
  ...forms('agree agreed agrees', v('agreement', { before: ['to', 'on', 'upon'] })),
  ...forms('deal agreement memorandum treaty accord pact roadmap declaration', noun('agreement')),
  // Russian: proposing and supporting.
  ...forms('предложил предложила предложили предлагает предлагаем предлагают предложено предложить предложение', v('proposal')),
  ...forms('призвал призвала призвали призывает призываем призывают', v('proposal')),
  ...forms('поддерживает поддерживаем поддерживают поддержал поддержала поддержали поддержать поддержка поддержку поддержки', v('proposal')),
  ...forms('выступил выступила выступили', v('proposal', { before: ['с'] })),
  ...forms('нужны нужно необходимо необходимы', v('proposal')),
  ...forms('инициатива инициативу инициативы инициативой инициативе инициатив', noun('proposal')),
  // Creating, opening, holding, launching, building.
  ...forms('создать создание создания созданию созданием создаст создадут создан создана созданы', v('body')),
  ...forms('учредить учреждение учреждения учреждению учредили учрежден учреждена', v('body')),
  ...forms('открыть открытие открытия открыт открыта открыто открыты откроет откроют открыли', v('body')),
  ...forms('провести проведение проведения проведению проведет проведут', v('event')),
  ...forms('запустить запуск запуска запустили запустит', v('project')),
  ...forms('реализовать реализует реализуют реализация реализации', v('project')),
  ...forms('построить строительство строительства построят', v('project')),
  ...forms('разработать разработка разработку', v('proposal')),
  // Agreements.
  ...forms('подписали подписать подписание подписания подписал подписала подписаны подписано подписан', v('agreement')),
  ...forms('заключили заключило заключил заключить заключение заключения заключено заключены договорились', v('agreement')),
  ...forms('утвердили утвердить утвердил одобрили одобрить', v('agreement')),
  ...forms('соглашение соглашению соглашением соглашении договор меморандум меморандума дорожную', noun('agreement')),
]);

/** Noun stems (for words that decline or compound: мегапроекта, коридоры). */
export const TRIGGER_STEMS: readonly (readonly [string, Trigger])[] = [
  ['мегапроект', noun('project')], ['проект', noun('project')], ['коридор', noun('project')],
];

/** Words before a trigger noun that make it generic, not one initiative ("ряд инициатив", "several projects"). */
export const GENERIC_BEFORE: ReadonlySet<string> = new Set([
  'ряд', 'ряда', 'несколько', 'множество', 'много', 'многие', 'различные', 'всех', 'все', 'several', 'many', 'various', 'numerous',
  'all', 'other', 'these', 'those', 'such', 'number', 'другие', 'другими', 'таких', 'эти', 'этих',
]);

/** `нов*`/`new` before these nouns names a new initiative ("новое торговое соглашение", "new strategy"). */
export const NEW_WORDS: ReadonlySet<string> = new Set(['новое', 'новой', 'новая', 'новую', 'нового', 'новые', 'новых', 'new']);
export const NEW_NOUN_STEMS: readonly string[] = [
  'соглашени', 'стратеги', 'программ', 'план', 'договор', 'механизм', 'фонд', 'банк', 'центр', 'организаци', 'платформ',
  'agreement', 'strategy', 'programme', 'program', 'plan', 'mechanism', 'fund', 'bank', 'centre', 'center', 'platform', 'treaty',
];

/** A list introduced by a line ending in ':' that contains one of these stems lists initiatives. */
export const LIST_HEADER_STEMS: readonly string[] = [
  'инициатив', 'предложени', 'соглашени', 'договоренност', 'договорённост', 'проект', 'initiative', 'proposal', 'agreement', 'project',
];

/** Prepositions that, straight after a verb, show it has no object of its own. */
export const OBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'in', 'on', 'during', 'by', 'from', 'since', 'with', 'for', 'to', 'worth', 'в', 'во', 'на', 'за', 'при', 'с', 'со', 'до', 'после']);

/** Words after a comma that start a new clause, ending the initiative's span ("…, подчеркнув важность"). */
export const CLAUSE_BREAKERS: ReadonlySet<string> = new Set([
  'подчеркнув', 'отметив', 'заявив', 'сказал', 'сообщил', 'который', 'которая', 'которое', 'которые', 'которых', 'что', 'где',
  'но', 'однако', 'said', 'which', 'who', 'but', 'while', 'whereas', 'although', 'he', 'she', 'they', 'according',
]);
