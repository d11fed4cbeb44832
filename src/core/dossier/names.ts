/**
 * What an initiative's words mean, for suggested links: its text reduced to a small set of
 * concepts that read the same in Russian and English. Each word is transliterated with the id
 * slugger (`slugify`), its ending cut (Russian endings for Cyrillic words, a plural `s` for
 * Latin ones) and cut to five letters; a short glossary maps Russian stems to English ones
 * (`развития` → `devel`), and the table of summit bodies maps every spelling of a body to one
 * concept (`ШОС`, `SCO`, `Shanghai Cooperation Organisation` → `@sco`). Verbs of founding
 * (`create`, `учредить`) and filler words carry nothing and are dropped.
 */
import { keepBounded, slugify } from '../text';

/**
 * Common summit bodies: a canonical name and its spellings in English and Russian (acronyms and
 * full names). Documented in docs/FORMAT.md ("Suggested links"); extend it with one line.
 */
export const SUMMIT_BODIES: readonly (readonly [string, readonly string[]])[] = [
  ['sco', ['SCO', 'Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'ШОС', 'Шанхайская организация сотрудничества']],
  ['brics', ['BRICS', 'БРИКС']],
  ['ndb', ['NDB', 'New Development Bank', 'НБР', 'Новый банк развития']],
  ['eaeu', ['EAEU', 'EEU', 'Eurasian Economic Union', 'ЕАЭС', 'Евразийский экономический союз']],
  ['edb', ['EDB', 'Eurasian Development Bank', 'ЕАБР', 'Евразийский банк развития']],
  ['cis', ['CIS', 'Commonwealth of Independent States', 'СНГ', 'Содружество Независимых Государств']],
  ['csto', ['CSTO', 'Collective Security Treaty Organization', 'Collective Security Treaty Organisation', 'ОДКБ', 'Организация Договора о коллективной безопасности']],
  ['cica', ['CICA', 'Conference on Interaction and Confidence-Building Measures in Asia', 'СВМДА', 'Совещание по взаимодействию и мерам доверия в Азии']],
  ['ots', ['OTS', 'Organization of Turkic States', 'Organisation of Turkic States', 'ОТГ', 'Организация тюркских государств']],
  ['aiib', ['AIIB', 'Asian Infrastructure Investment Bank', 'АБИИ', 'Азиатский банк инфраструктурных инвестиций']],
  ['aifc', ['AIFC', 'Astana International Financial Centre', 'МФЦА', 'Международный финансовый центр Астана']],
  ['un', ['UN', 'United Nations', 'ООН', 'Организация Объединённых Наций']],
  ['eu', ['EU', 'European Union', 'ЕС', 'Европейский союз']],
  ['asean', ['ASEAN', 'АСЕАН']],
  ['g20', ['G20', 'G-20', 'Group of Twenty', 'Группа двадцати', 'Большая двадцатка']],
];

/** Russian word → English word with the same meaning, as they appear in names of initiatives. */
const GLOSSARY: readonly (readonly [string, string])[] = [
  ['банк', 'bank'], ['развития', 'development'], ['фонд', 'fund'], ['офис', 'office'], ['центр', 'centre'],
  ['коридор', 'corridor'], ['совет', 'council'], ['секретариат', 'secretariat'], ['энергетики', 'energy'],
  ['зелёной', 'green'], ['водных', 'water'], ['вода', 'water'], ['цифровой', 'digital'], ['торговли', 'trade'],
  ['платёжной', 'payment'], ['системы', 'system'], ['клуб', 'club'], ['агентство', 'agency'],
  ['проектов', 'projects'], ['инфраструктуры', 'infrastructure'], ['безопасности', 'security'],
  ['климата', 'climate'], ['технологий', 'technology'], ['экономического', 'economic'], ['новый', 'new'],
  ['международный', 'international'], ['сотрудничества', 'cooperation'], ['хаб', 'hub'], ['маршрут', 'route'],
  ['исследований', 'research'], ['институт', 'institute'], ['комиссия', 'commission'], ['сеть', 'network'],
  ['площадка', 'platform'], ['тарифов', 'tariffs'], ['валюты', 'currency'], ['расчётов', 'settlements'],
  ['искусственного', 'artificial'], ['интеллекта', 'intelligence'], ['сухой', 'dry'], ['порт', 'port'],
  ['железной', 'railway'], ['дороги', 'road'], ['университет', 'university'], ['кредитной', 'credit'], ['линии', 'line'], ['капитал', 'capital'],
  // English spellings that differ: one concept for both.
  ['center', 'centre'], ['organization', 'organisation'], ['program', 'programme'],
];

/** Verbs of founding and filler words in both languages: they say nothing about which initiative. */
const STOP_WORDS = [
  'a', 'an', 'the', 'of', 'to', 'and', 'in', 'on', 'for', 'at', 'by', 'with', 'as', 'its', 'their', 'from',
  'create', 'creating', 'creation', 'set', 'up', 'setting', 'found', 'founding', 'establish', 'establishing', 'establishment',
  'launch', 'launching', 'expand', 'expanding', 'expansion', 'open', 'opening', 'hold', 'holding', 'start', 'starting', 'build', 'building', 'joint', 'plan', 'proposal',
  'и', 'в', 'во', 'на', 'по', 'с', 'со', 'о', 'об', 'для', 'к', 'ко', 'из', 'от', 'за', 'при', 'его', 'их',
  'создать', 'создание', 'создания', 'учредить', 'учреждение', 'учреждения', 'открыть', 'открытие', 'запустить', 'запуск',
  'провести', 'проведение', 'расширить', 'расширение', 'начать', 'построить', 'строительство', 'совместный', 'совместного', 'совместной', 'план', 'предложение',
];

const CYRILLIC = /[\u0400-\u04ff]/;
const RU_ENDING = /(iyami|yami|ami|iya|iye|iyu|ie|ii|yy|iy|oy|ey|aya|yaya|oe|ee|ogo|ego|omu|emu|ykh|ikh|ym|im|om|em|ov|ev|a|y|u|e|i|o)$/;

/** Words repeat across a workspace: each is stemmed once (bounded, cleared when full). */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** A word's stem as suggested links compare it (see the module comment). */
export function stem(word: string): string {
  return stems.get(word) ?? keepBounded(stems, STEM_CACHE_LIMIT, word, readStem(word));
}

function readStem(word: string): string {
  const latin = slugify(word, { maxWords: 1 });
  if (!latin) return '';
  let s = latin;
  if (CYRILLIC.test(word)) {
    const cut = s.replace(RU_ENDING, '');
    if (cut.length >= 3) s = cut;
  } else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s.length > 5 ? s.slice(0, 5) : s;
}

const STOP = new Set(STOP_WORDS.map(stem));
const TRANSLATE = new Map<string, string>(GLOSSARY.map(([ru, en]) => [stem(ru), stem(en)]));

/** True for a word written as an acronym: two to six capitals (Latin or Cyrillic), digits allowed after the first. */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(word);
}

function acronymKey(word: string): string {
  return slugify(word, { maxWords: 1 });
}

interface BodySpelling {
  readonly concept: string;
  readonly stems: readonly string[];
}

/** Every spelling of every body as stems; longest first so a full name wins over its first word. */
const BODY_SPELLINGS: readonly BodySpelling[] = SUMMIT_BODIES.flatMap(([concept, spellings]) =>
  spellings.map((s) => ({ concept: `@${concept}`, stems: wordsOf(s).map((w) => (isAcronym(w) ? `#${acronymKey(w)}` : stem(w))).filter((x) => x && !STOP.has(x)) })),
).filter((b) => b.stems.length > 0).sort((a, b) => b.stems.length - a.stems.length);

/** Spellings by the concept of their first word, so a position is checked only against those that can start there. */
const BODIES_BY_FIRST = new Map<string, BodySpelling[]>();
for (const b of BODY_SPELLINGS) {
  for (const first of new Set([b.stems[0], TRANSLATE.get(b.stems[0]) ?? b.stems[0]])) {
    const list = BODIES_BY_FIRST.get(first);
    if (list) list.push(b);
    else BODIES_BY_FIRST.set(first, [b]);
  }
}

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** One word of a name, reduced. */
export interface NameToken {
  /** `@body`, `#acronym` or a stem. */
  readonly concept: string;
  /** First letter of the word (transliterated), for matching acronyms; '' for bodies and acronyms. */
  readonly initial: string;
}

/** A name (an initiative's text or id) reduced to concepts, in order. */
export function nameTokens(text: string): NameToken[] {
  const raw: NameToken[] = [];
  for (const w of wordsOf(text)) {
    if (isAcronym(w)) {
      raw.push({ concept: `#${acronymKey(w)}`, initial: '' });
      continue;
    }
    const s = stem(w);
    if (!s || STOP.has(s)) continue;
    raw.push({ concept: TRANSLATE.get(s) ?? s, initial: s.charAt(0) });
  }
  // Bodies: the longest spelling that matches at each position becomes one concept.
  const out: NameToken[] = [];
  for (let i = 0; i < raw.length;) {
    const body = BODIES_BY_FIRST.get(raw[i].concept)?.find((b) => b.stems.every((s, k) => i + k < raw.length && sameConcept(raw[i + k].concept, s)));
    if (body) {
      out.push({ concept: body.concept, initial: '' });
      i += body.stems.length;
    } else out.push(raw[i++]);
  }
  return out;
}

function sameConcept(concept: string, spellingStem: string): boolean {
  return concept === spellingStem || concept === (TRANSLATE.get(spellingStem) ?? spellingStem);
}

/**
 * `tokens` with every run of words whose initials spell one of `acronyms` replaced by that
 * acronym (`New Development Bank` with `#ndb` → `#ndb`), so "NDB" in one text and the full
 * name in another meet.
 */
export function expandAcronyms(tokens: readonly NameToken[], acronyms: readonly string[]): NameToken[] {
  if (acronyms.length === 0) return tokens.slice();
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length;) {
    let matched = false;
    for (const acronym of acronyms) {
      const letters = acronym.slice(1);
      if (i + letters.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < letters.length && ok; k++) ok = tokens[i + k].initial === letters[k];
      if (ok) {
        out.push({ concept: acronym, initial: '' });
        i += letters.length;
        matched = true;
        break;
      }
    }
    if (!matched) out.push(tokens[i++]);
  }
  return out;
}

/** The acronym the initials of all of a name's words make (`#ndb` for New Development Bank), if two to six words. */
export function initialsAcronym(tokens: readonly NameToken[]): string | undefined {
  if (tokens.length < 2 || tokens.length > 6 || tokens.some((t) => !t.initial)) return undefined;
  return `#${tokens.map((t) => t.initial).join('')}`;
}
