import { seededRandom as prng } from '../test/support/random';
export { prng };
/**
 * A deterministic generator of realistic notes files for the benchmarks: front matter, a heading
 * tree with `{#id}`s, paragraphs and lists of prose in Russian or English, about one annotation
 * per 100 bytes (initiatives with nested figures and actors, stand-alone figures and actors),
 * references back to earlier ids, a code span and a fenced block now and then. The same seed
 * and size always give the same text, so runs compare.
 */

export type BenchLanguage = 'ru' | 'en';

export interface GenerateOptions {
  /** Target size in UTF-8 bytes; the text stops at the first paragraph end past it. */
  readonly bytes: number;
  readonly language: BenchLanguage;
  /** PRNG seed (default 1). */
  readonly seed?: number;
}


interface Vocabulary {
  readonly title: string;
  readonly words: readonly string[];
  readonly sectionTitles: readonly string[];
  readonly actors: readonly string[];
  readonly initiatives: readonly string[];
  readonly figures: readonly string[];
  readonly connectors: readonly string[];
  readonly see: string;
}

const RU: Vocabulary = {
  title: 'Заметки о саммите (сгенерировано для замеров)',
  words: ('сотрудничество развитие торговля инвестиции безопасность регион страны участники проект ' +
    'коридор транзит логистика энергетика климат вода технологии искусственный интеллект цифровой ' +
    'экономика банк фонд стратегия диалог партнёрство форум центр площадка стороны решение вопрос ' +
    'предложение инициатива председательство делегация министр президент саммит доклад рост объём').split(' '),
  sectionTitles: ['Безопасность', 'Экономика', 'Транспорт и логистика', 'Технологии', 'Климат и вода', 'Гуманитарные связи', 'Итоги'],
  actors: ['Казахстан', 'Китай', 'Россия', 'Индия', 'Кыргызстан', 'Узбекистан', 'Таджикистан', 'Пакистан', 'Монголия', 'Токаев', 'Си Цзиньпин'],
  initiatives: ['создать Офис ШОС по инвестиционным проектам', 'учредить Банк развития ШОС', 'открыть Центр изучения водных проблем',
    'провести форум по транзитным тарифам', 'запустить экспертный форум по ИИ', 'развивать Транскаспийский маршрут',
    'создать фонд зелёной энергетики', 'проложить коридор Север–Юг'],
  // `N` is a whole number, `D` a decimal (comma in Russian), `G` a grouped number (1 200): each figure reads differently.
  figures: ['более $N млрд', 'почти $N млрд', 'N%', 'до $D трлн', 'около G тыс. тонн', 'свыше N государств',
    '€D млрд', 'N млн тенге', 'не менее N трлн рублей', 'D п.п.', 'N процентов', 'порядка N млн юаней',
    'G тонн', 'D%', 'более G участников', '¥N млрд'],
  connectors: ['В выступлении отмечено, что', 'По словам президента,', 'Участники согласились, что', 'Стороны обсудили, как', 'Кроме того,'],
  see: 'см.',
};

const EN: Vocabulary = {
  title: 'Summit notes (generated for benchmarks)',
  words: ('cooperation development trade investment security region countries members project corridor ' +
    'transit logistics energy climate water technology artificial intelligence digital economy bank fund ' +
    'strategy dialogue partnership forum centre platform parties decision issue proposal initiative ' +
    'chairmanship delegation minister president summit report growth volume').split(' '),
  sectionTitles: ['Security', 'Economy', 'Transport and logistics', 'Technology', 'Climate and water', 'People-to-people ties', 'Outcomes'],
  actors: ['Kazakhstan', 'China', 'Russia', 'India', 'Kyrgyzstan', 'Uzbekistan', 'Tajikistan', 'Pakistan', 'Mongolia', 'Tokayev', 'Xi Jinping'],
  initiatives: ['set up an SCO investment projects office', 'found an SCO Development Bank', 'open a water research centre',
    'hold a forum on transit tariffs', 'launch an expert forum on AI', 'develop the Trans-Caspian route',
    'create a green energy fund', 'build the North–South corridor'],
  figures: ['more than $N bn', 'nearly $N bn', 'N%', 'up to $D trillion', 'about G thousand tonnes', 'over N countries',
    '€D billion', 'N million tenge', 'at least N trillion roubles', 'D percentage points', 'N per cent', 'around N million yuan',
    'G tonnes', 'D%', 'more than G participants', '¥N bn'],
  connectors: ['The speech noted that', 'According to the president,', 'Participants agreed that', 'The parties discussed how', 'In addition,'],
  see: 'see',
};

const FIGURE_PREFIXES = ['fig', 'trade', 'invest', 'gdp', 'share', 'volume', 'fund'];
const ID_WORDS = ['sco', 'bank', 'office', 'corridor', 'water', 'ai', 'energy', 'transit', 'forum', 'tariff', 'green', 'route'];
const AREAS = ['security', 'economy', 'finance', 'transport', 'technology', 'ecology', 'humanitarian'];
const STATUSES = ['proposed', 'supported', 'agreed', 'launched', 'done', 'rejected'];

/** Builds one notes file of about `bytes` UTF-8 bytes. */
export function generateNotes(options: GenerateOptions): string {
  const random = prng(options.seed ?? 1);
  const v = options.language === 'ru' ? RU : EN;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const ids: string[] = [];
  let nextId = 0;
  // Ids as analysts write them: a word or two and a number, never two alike.
  const newId = (prefix: string): string => {
    const id = `${prefix}-${pick(ID_WORDS)}-${(nextId++).toString(36)}`;
    ids.push(id);
    return id;
  };

  const words = (n: number): string => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(v.words));
    return out.join(' ');
  };
  const actor = (): string => `[${pick(v.actors)}]{.actor}`;
  /** A figure pattern with its numbers drawn at random, so no two figures need read alike. */
  const figureText = (): string => pick(v.figures).replace(/[NDG]/g, (slot) => {
    const whole = 1 + Math.floor(random() * 999);
    if (slot === 'N') return String(whole);
    if (slot === 'D') return `${whole % 100}${options.language === 'ru' ? ',' : '.'}${1 + Math.floor(random() * 9)}`;
    const thousands = `${1 + Math.floor(random() * 99)}`;
    const rest = String(Math.floor(random() * 1000)).padStart(3, '0');
    return `${thousands}${options.language === 'ru' ? '\u00a0' : ','}${rest}`;
  });
  const figure = (): string => {
    const year = 2020 + Math.floor(random() * 15);
    return `[${figureText()}]{.figure #${newId(pick(FIGURE_PREFIXES))} metric="${words(2)}" year=${year}}`;
  };
  const initiative = (): string => {
    // Half the initiatives carry a nested figure and an actor, as analysts write them.
    const inner = random() < 0.5 ? ` ${words(2)} ${figure()} ${v.see} ${actor()}` : '';
    const note = random() < 0.2 ? ` note="${words(4)}"` : '';
    return `[${pick(v.initiatives)}${inner}]{.initiative #${newId(pick(['init', 'plan', 'prop']))} area=${pick(AREAS)} status=${pick(STATUSES)} by=${pick(v.actors).replace(/\s+/g, '_')}${note}}`;
  };
  const reference = (): string => (ids.length ? `[${v.see} ${words(1)}](#${pick(ids)})` : words(2));

  /** One sentence of about 100 UTF-8 bytes with one annotation (sometimes a reference too). */
  const sentence = (): string => {
    const r = random();
    const annotation = r < 0.3 ? initiative() : r < 0.65 ? figure() : actor();
    const extra = random() < 0.1 ? ` (${reference()})` : random() < 0.03 ? ' `[code]{.actor}`' : '';
    const lead = random() < 0.3 ? `${pick(v.connectors)} ` : '';
    const filler = annotation.length > 120 ? 1 : options.language === 'ru' ? 1 : 5;
    return `${lead}${words(filler)} ${annotation}${extra}.`;
  };

  const parts: string[] = [
    '---',
    'summit-notes: 1',
    `title: ${v.title}`,
    'summit: Benchmark summit',
    'date: 2025-09-01',
    'place: Tianjin, China',
    'speakers: [Kassym-Jomart Tokayev]',
    'source:',
    '  name: generated',
    '  published: 2025-09-01',
    `language: ${options.language}`,
    'areas:',
    ...AREAS.map((a) => `  ${a}: ${a[0].toUpperCase()}${a.slice(1)}`),
    `statuses: [${STATUSES.join(', ')}]`,
    'glossary:',
    '  SCO: Shanghai Cooperation Organisation',
    'tags: [benchmark]',
    '---',
    '',
  ];
  const encoder = new TextEncoder();
  let bytes = encoder.encode(parts.join('\n')).length;
  const push = (block: string): void => {
    parts.push(block, '');
    bytes += encoder.encode(block).length + 2;
  };

  let section = 0;
  while (bytes < options.bytes) {
    const title = v.sectionTitles[section % v.sectionTitles.length];
    push(`## ${title} ${section + 1} {#${newId('s')}}`);
    section++;
    const paragraphs = 3 + Math.floor(random() * 4);
    for (let p = 0; p < paragraphs && bytes < options.bytes; p++) {
      const kind = random();
      if (kind < 0.15) {
        const items: string[] = [];
        for (let i = 0; i < 3; i++) items.push(`- ${sentence()}`);
        push(items.join('\n'));
      } else if (kind < 0.18) {
        push('```\n' + `[${words(2)}]{.figure} ${words(4)}\n` + '```');
      } else {
        const sentences: string[] = [];
        const n = 3 + Math.floor(random() * 5);
        for (let i = 0; i < n; i++) sentences.push(sentence());
        // Wrap lines at sentence ends, like a pasted and lightly edited article.
        push(sentences.join(random() < 0.5 ? '\n' : ' '));
      }
    }
    if (section % 4 === 0) push(`### ${v.see} ${words(2)} {#${newId('s')}}`);
  }
  return parts.join('\n');
}

/**
 * The notes files of a generated workspace (the dossier and link benches): `fileText(i)` for file
 * i of `fileCount`, about `fileBytes` each. A few distinct bodies per language (generating 10,000
 * different ones would time the generator); each file gets its own front matter (date, summit,
 * source, language) and keys, so no two files are the same text: one initiative in four is tracked
 * (the ones followed across summits), with keys from a pool of one per ten files.
 */
export function workspaceFileMaker(fileCount: number, fileBytes: number, distinctBodies = 16): (i: number) => string {
  const bodies = { ru: [] as string[], en: [] as string[] };
  for (const language of ['ru', 'en'] as const) {
    for (let s = 0; s < distinctBodies; s++) {
      const text = generateNotes({ bytes: fileBytes, language, seed: s + 1 });
      bodies[language].push(text.slice(text.indexOf('\n---', 4) + 4));
    }
  }
  const keyPool = Math.max(10, Math.round(fileCount / 10));
  return (i) => {
    const language = i % 3 === 0 ? 'ru' : 'en';
    const year = 2023 + (i % 3);
    const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    let k = i * 7;
    let n = 0;
    const body = bodies[language][i % distinctBodies].replace(/\{\.initiative /g, (m) => (n++ % 4 === 0 ? `{.initiative track=key-${(k++ * 31) % keyPool} ` : m));
    return [
      '---', 'summit-notes: 1', `title: Generated article ${i}`, `summit: Generated summit ${year}`, `date: ${date}`,
      'source:', `  name: Outlet ${i % 40}`, `  url: https://outlet-${i % 40}.example.org/a/${i}`, `language: ${language}`, '---',
    ].join('\n') + body;
  };
}
