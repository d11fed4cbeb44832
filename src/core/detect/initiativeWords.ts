/**
 * The words that announce an initiative, Russian and English: verbs of proposing, supporting,
 * creating, holding, launching and agreeing, and nouns that name a proposal, project or agreement.
 * Matched lowercased on whole words (exact forms) or by stem where a noun declines.
 */
import type { InitiativeKind } from './types';
import TRIGGER_TABLE from './initiativeTriggers.json';

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

const noun = (kind: InitiativeKind): Trigger => ({ kind, role: 'noun' });

/**
 * Exact word forms → trigger. The table is data (initiativeTriggers.json, one row per group of
 * forms sharing a trigger: English proposing, supporting, creating, holding, launching, agreeing,
 * then the same in Russian); `after` lists such as "will, shall, to, 'll" turn a plain verb into a
 * commitment ("China will develop", "agreed to provide").
 */
export const TRIGGER_WORDS: ReadonlyMap<string, Trigger> = new Map<string, Trigger>(
  (TRIGGER_TABLE as readonly TriggerRow[]).flatMap(({ words, ...trigger }) => {
    const shared: Trigger = Object.freeze(trigger);
    return words.split(' ').map((w): [string, Trigger] => [w, shared]);
  }),
);

/** A row of initiativeTriggers.json: space-separated word forms and the trigger they share. */
interface TriggerRow extends Trigger {
  readonly words: string;
}

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
