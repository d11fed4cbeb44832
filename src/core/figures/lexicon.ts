/**
 * The words figures are read with, Russian and English: magnitudes, currencies, percent words,
 * qualifiers, units and the nouns that count entities. Pure data; `figures/parseFigure.ts` and the detector
 * read them through the small lookup functions at the end.
 *
 * Words are matched lowercased. Russian nouns are listed by stem (the part every case form starts
 * with), since a count noun after a numeral can be in any of several cases.
 */
import type { Qualifier } from './types';

/** Magnitude words (whole words, lowercased) → multiplier. */
export const MAGNITUDE_WORDS: ReadonlyMap<string, number> = new Map([
  ['тыс', 1e3], ['тысяча', 1e3], ['тысячи', 1e3], ['тысяч', 1e3], ['тысячу', 1e3], ['тысячами', 1e3],
  ['млн', 1e6], ['миллион', 1e6], ['миллиона', 1e6], ['миллионов', 1e6], ['миллионами', 1e6],
  ['млрд', 1e9], ['миллиард', 1e9], ['миллиарда', 1e9], ['миллиардов', 1e9], ['миллиардами', 1e9],
  ['трлн', 1e12], ['триллион', 1e12], ['триллиона', 1e12], ['триллионов', 1e12], ['триллионами', 1e12],
  ['thousand', 1e3], ['thousands', 1e3], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
  ['trillion', 1e12], ['trillions', 1e12],
  // Indian usage: a lakh is 10⁵, a crore 10⁷ ("Rs 500 crore").
  ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7],
  ['k', 1e3], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

/**
 * Short magnitudes that are only magnitudes when written straight after the digits or next to a
 * currency (`5m`, `$5 m`); `5 m` alone is five metres, `5 b` nothing.
 */
export const ATTACHED_MAGNITUDES: ReadonlyMap<string, number> = new Map([['m', 1e6], ['b', 1e9], ['м', 1e6]]);

/** Abbreviations whose trailing dot belongs to them (`тыс.`, `руб.`), unlike `млрд.` at a sentence end. */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set(['тыс', 'руб', 'долл', 'дол', 'юан', 'тг', 'км', 'га', 'чел', 'ед', 'шт', 'млн', 'млрд', 'трлн']);
/** Of the dotted abbreviations, those whose dot is usually a sentence end when the next word starts a sentence. */
export const DOT_OPTIONAL: ReadonlySet<string> = new Set(['млн', 'млрд', 'трлн', 'км', 'га']);

/** Currency symbols → ISO 4217. Longest first where one is a prefix of another. */
export const CURRENCY_SYMBOLS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'], ['CN¥', 'CNY'], ['A$', 'AUD'], ['C$', 'CAD'], ['HK$', 'HKD'],
  ['R$', 'BRL'], ['S$', 'SGD'],
  ['$', 'USD'], ['€', 'EUR'], ['₽', 'RUB'], ['¥', 'CNY'], ['₸', 'KZT'], ['£', 'GBP'], ['₹', 'INR'], ['₩', 'KRW'], ['₺', 'TRY'],
  ['₱', 'PHP'], ['₦', 'NGN'], ['₴', 'UAH'], ['₼', 'AZN'], ['₾', 'GEL'], ['₫', 'VND'], ['₪', 'ILS'], ['৳', 'BDT'],
];

/**
 * Currencies written with Latin letters right before the number, case as written: `R2.5 billion`
 * (rand, glued, and only with a magnitude after it when detecting), `Rs 500 crore`, `Rs. 200`
 * (rupees). Longest first.
 */
export const LETTER_CURRENCIES: readonly (readonly [string, string])[] = [['Rs.', 'INR'], ['Rs', 'INR'], ['R', 'ZAR']];

/** ISO 4217 codes we accept written out (`USD 5 bn`, `5 млрд USD`), plus the renminbi's RMB. */
export const ISO_CODES: ReadonlyMap<string, string> = new Map([
  ...['USD', 'EUR', 'RUB', 'CNY', 'KZT', 'GBP', 'JPY', 'INR', 'UZS', 'KGS', 'TJS', 'TMT', 'BYN', 'AMD', 'AZN', 'TRY', 'AED', 'SAR', 'KRW', 'CHF', 'IRR', 'PKR', 'MNT', 'HKD', 'BRL', 'ZAR',
    'QAR', 'KWD', 'OMR', 'BHD', 'EGP', 'ETB', 'NGN', 'IDR', 'MYR', 'THB', 'VND', 'PHP', 'SGD', 'AUD', 'CAD', 'UAH', 'GEL', 'ILS',
    'MXN', 'ARS', 'BDT', 'LKR', 'NPR', 'AFN', 'MDL', 'IQD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF']
    .map((c) => [c.toLowerCase(), c] as const),
  ['rmb', 'CNY'], ['rur', 'RUB'],
]);

/** Currency words (lowercased) by prefix → ISO code; a word matches when it starts with the prefix. */
export const CURRENCY_WORD_PREFIXES: readonly (readonly [string, string])[] = [
  ['доллар', 'USD'], ['долл', 'USD'], ['евро', 'EUR'], ['рубл', 'RUB'], ['юан', 'CNY'], ['жэньминьби', 'CNY'],
  ['тенге', 'KZT'], ['иен', 'JPY'], ['йен', 'JPY'], ['фунт', 'GBP'], ['сомони', 'TJS'], ['манат', 'TMT'],
  ['dollar', 'USD'], ['euro', 'EUR'], ['rouble', 'RUB'], ['ruble', 'RUB'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['tenge', 'KZT'], ['yen', 'JPY'], ['pounds sterling', 'GBP'], ['rupee', 'INR'],
  ['рупи', 'INR'], ['дирхам', 'AED'], ['риял', 'SAR'], ['рэнд', 'ZAR'], ['гривн', 'UAH'], ['гривен', 'UAH'], ['найр', 'NGN'], ['ринггит', 'MYR'],
  ['dirham', 'AED'], ['riyal', 'SAR'], ['naira', 'NGN'], ['ringgit', 'MYR'], ['rupiah', 'IDR'], ['hryvni', 'UAH'],
];
/** Currency words that must match whole (short or ambiguous as prefixes). */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['руб', 'RUB'], ['р', 'RUB'], ['тг', 'KZT'], ['сум', 'UZS'], ['сумов', 'UZS'], ['сома', 'KGS'], ['сомов', 'KGS'], ['сом', 'KGS'],
  ['реалов', 'BRL'], ['реала', 'BRL'], ['лир', 'TRY'], ['лиры', 'TRY'], ['лари', 'GEL'], ['ранд', 'ZAR'], ['рандов', 'ZAR'],
  ['rand', 'ZAR'], ['reais', 'BRL'], ['lira', 'TRY'], ['lire', 'TRY'], ['liras', 'TRY'], ['lari', 'GEL'], ['soums', 'UZS'], ['manats', 'TMT'],
]);

/**
 * A country's adjective before a currency word names the currency ("Saudi riyals", "Qatari
 * riyals", "Canadian dollars", "катарских риалов"). Lowercased, by prefix for the Russian forms.
 */
export const CURRENCY_ADJECTIVES: readonly (readonly [string, string])[] = [
  ['saudi', 'SAR'], ['qatari', 'QAR'], ['omani', 'OMR'], ['kuwaiti', 'KWD'], ['bahraini', 'BHD'], ['emirati', 'AED'], ['uae', 'AED'],
  ['iranian', 'IRR'], ['indian', 'INR'], ['pakistani', 'PKR'], ['philippine', 'PHP'], ['mexican', 'MXN'], ['brazilian', 'BRL'],
  ['canadian', 'CAD'], ['australian', 'AUD'], ['singapore', 'SGD'], ['egyptian', 'EGP'], ['turkish', 'TRY'], ['hong', 'HKD'],
  ['саудовск', 'SAR'], ['катарск', 'QAR'], ['оманск', 'OMR'], ['кувейтск', 'KWD'], ['иранск', 'IRR'], ['индийск', 'INR'],
  ['бразильск', 'BRL'], ['турецк', 'TRY'], ['египетск', 'EGP'], ['белорусск', 'BYN'], ['киргизск', 'KGS'], ['кыргызск', 'KGS'],
  ['узбекск', 'UZS'], ['таджикск', 'TJS'], ['туркменск', 'TMT'], ['азербайджанск', 'AZN'], ['армянск', 'AMD'], ['казахстанск', 'KZT'],
];
/** Currency words that need such an adjective (alone they name several currencies). */
export const ADJECTIVE_CURRENCY_WORDS: ReadonlySet<string> = new Set([
  'rial', 'rials', 'riyal', 'riyals', 'dinar', 'dinars', 'peso', 'pesos', 'dollar', 'dollars', 'rupee', 'rupees', 'pound', 'pounds',
  'lira', 'real', 'reais', 'manat', 'manats', 'риал', 'риала', 'риалов', 'риял', 'рияла', 'риялов', 'динар', 'динара', 'динаров', 'песо',
  'рубль', 'рубля', 'рублей', 'рублях', 'сом', 'сома', 'сомов', 'сум', 'сумов', 'сомони', 'манат', 'маната', 'манатов', 'драм', 'драма',
  'драмов', 'тенге', 'рупий', 'рупии', 'лир', 'лиры', 'фунт', 'фунта', 'фунтов', 'реал', 'реала', 'реалов', 'доллар', 'доллара', 'долларов',
]);

/** Percent words by prefix → `%`; percentage points → `pp`. */
export const PERCENT_WORD_PREFIXES: readonly (readonly [string, string])[] = [
  ['процентн', 'pp?'], ['процент', '%'], ['percentage point', 'pp'], ['percent', '%'], ['per cent', '%'], ['pct', '%'],
];
/** Whole-word spellings of percentage points. */
export const POINT_WORDS: ReadonlySet<string> = new Set(['п.п.', 'п. п.', 'п.п', 'пп', 'pp', 'p.p.', 'ppt', 'ppts']);

/**
 * Qualifier phrases written before the number, lowercased, longest first within each language so
 * `более чем` wins over `более`. Which word maps to which follows the corpus gold files: `some`,
 * `nearly`, `почти` read as `about`; `до` and `no more than` as `up_to`.
 */
export const QUALIFIER_PHRASES: readonly (readonly [string, Qualifier])[] = [
  ['более чем', 'more_than'], ['больше чем', 'more_than'], ['не менее чем', 'at_least'], ['не менее', 'at_least'],
  ['не меньше', 'at_least'], ['как минимум', 'at_least'], ['по меньшей мере', 'at_least'], ['по крайней мере', 'at_least'],
  ['не более чем', 'up_to'], ['не более', 'up_to'], ['не больше', 'up_to'], ['менее чем', 'less_than'],
  ['более', 'more_than'], ['больше', 'more_than'], ['свыше', 'more_than'], ['порядка', 'about'], ['около', 'about'],
  ['примерно', 'about'], ['приблизительно', 'about'], ['почти', 'about'], ['практически', 'about'], ['ориентировочно', 'about'],
  ['менее', 'less_than'], ['меньше', 'less_than'], ['до', 'up_to'], ['минимум', 'at_least'], ['максимум', 'up_to'],
  ['more than', 'more_than'], ['in excess of', 'more_than'], ['upwards of', 'more_than'], ['just over', 'more_than'],
  ['over', 'more_than'], ['above', 'more_than'], ['at least', 'at_least'], ['no less than', 'at_least'],
  ['not less than', 'at_least'], ['no fewer than', 'at_least'], ['a minimum of', 'at_least'], ['up to', 'up_to'],
  ['no more than', 'up_to'], ['not more than', 'up_to'], ['as many as', 'up_to'], ['as much as', 'up_to'],
  ['a maximum of', 'up_to'], ['less than', 'less_than'], ['fewer than', 'less_than'], ['under', 'less_than'],
  ['below', 'less_than'], ['approximately', 'about'], ['roughly', 'about'], ['around', 'about'], ['about', 'about'],
  ['nearly', 'about'], ['almost', 'about'], ['close to', 'about'], ['some', 'about'], ['circa', 'about'],
  ['an estimated', 'about'], ['just under', 'about'],
];
/** Symbols that qualify the number written straight after them. */
export const QUALIFIER_SYMBOLS: ReadonlyMap<string, Qualifier> = new Map([
  ['~', 'about'], ['≈', 'about'], ['>', 'more_than'], ['<', 'less_than'], ['≥', 'at_least'], ['≤', 'up_to'], ['+', 'more_than'],
]);

/**
 * Verbs just before a figure that say how the value relates to it (`превысил $650 млрд`,
 * `приблизился к $70 млрд`, `exceeded $5 bn`). They qualify the figure but are not part of its span.
 * Matched by prefix on the word before the figure (after an optional `к`/`to`).
 */
export const QUALIFYING_VERB_PREFIXES: readonly (readonly [string, Qualifier])[] = [
  ['превыси', 'more_than'], ['превыша', 'more_than'], ['превзош', 'more_than'], ['exceed', 'more_than'],
  ['surpass', 'more_than'], ['topped', 'more_than'], ['tops', 'more_than'], ['приблизи', 'about'], ['приближа', 'about'],
  ['approach', 'about'],
];

/** Units of measure and multiples → short English unit. Whole words, lowercased. */
export const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['т', 'tonnes'], ['t', 'tonnes'], ['тонна', 'tonnes'], ['тонны', 'tonnes'], ['тонн', 'tonnes'], ['тоннами', 'tonnes'],
  ['tonnes', 'tonnes'], ['tonne', 'tonnes'], ['tons', 'tonnes'], ['ton', 'tonnes'],
  ['км', 'km'], ['km', 'km'], ['километр', 'km'], ['километра', 'km'], ['километров', 'km'], ['kilometres', 'km'], ['kilometers', 'km'],
  ['miles', 'miles'], ['m', 'm'], ['метров', 'm'], ['метра', 'm'], ['metres', 'm'], ['meters', 'm'],
  ['га', 'hectares'], ['гектаров', 'hectares'], ['гектара', 'hectares'], ['hectares', 'hectares'], ['ha', 'hectares'],
  ['мвт', 'MW'], ['mw', 'MW'], ['megawatts', 'MW'], ['мегаватт', 'MW'], ['гвт', 'GW'], ['gw', 'GW'], ['gigawatts', 'GW'], ['гигаватт', 'GW'],
  ['квт', 'kW'], ['kw', 'kW'], ['квт·ч', 'kWh'], ['kwh', 'kWh'], ['твт·ч', 'TWh'], ['twh', 'TWh'], ['гвт·ч', 'GWh'], ['gwh', 'GWh'],
  ['кг', 'kg'], ['kg', 'kg'], ['баррелей', 'barrels'], ['барреля', 'barrels'], ['barrels', 'barrels'], ['bpd', 'barrels per day'],
  ['teu', 'TEU'], ['x', 'times'], ['х', 'times'], ['×', 'times'], ['раз', 'times'], ['раза', 'times'], ['times', 'times'], ['fold', 'times'],
]);

/** Multi-word units (lowercased, single spaces) → unit. Checked before single words. */
export const UNIT_PHRASES: readonly (readonly [string, string])[] = [
  ['куб. м', 'cubic meters'], ['куб.м', 'cubic meters'], ['кубических метров', 'cubic meters'], ['кубометров', 'cubic meters'],
  ['кубометра', 'cubic meters'], ['cubic meters', 'cubic meters'], ['cubic metres', 'cubic meters'], ['bcm', 'cubic meters'],
  ['рабочих мест', 'jobs'], ['рабочие места', 'jobs'], ['рабочих места', 'jobs'], ['metric tons', 'tonnes'], ['square kilometres', 'km²'],
  ['кв. км', 'km²'], ['кв. м', 'm²'], ['млн т', 'tonnes'], ['квт·ч', 'kWh'], ['гвт·ч', 'GWh'], ['твт·ч', 'TWh'],
];

/**
 * Russian count nouns by stem → unit. A word counts when it starts with the stem and is at most
 * a case ending longer (so `стран` matches `стран`, `страны`, `странами` but not `странный`).
 */
export const RU_COUNT_STEMS: readonly (readonly [string, string])[] = [
  ['стран', 'countries'], ['государств', 'countries'], ['держав', 'countries'],
  ['человек', 'people'], ['чел', 'people'], ['участник', 'people'], ['делегат', 'people'], ['министр', 'people'], ['журналист', 'people'],
  ['представител', 'people'], ['эксперт', 'people'], ['специалист', 'people'], ['сотрудник', 'people'], ['работник', 'people'],
  ['лидер', 'people'], ['предпринимател', 'people'], ['бизнесмен', 'people'], ['гост', 'people'], ['посетител', 'people'],
  ['волонтер', 'people'], ['волонтёр', 'people'], ['студент', 'people'], ['жител', 'people'], ['гражданин', 'people'], ['граждан', 'people'],
  ['спикер', 'people'], ['глав', 'people'], ['руководител', 'people'], ['чиновник', 'people'], ['учен', 'people'],
  ['компани', 'companies'], ['предприяти', 'companies'], ['фирм', 'companies'], ['организаци', 'organisations'],
  ['соглашени', 'agreements'], ['договор', 'agreements'], ['контракт', 'contracts'], ['сделк', 'deals'], ['сделок', 'deals'],
  ['документ', 'documents'], ['меморандум', 'memoranda'], ['проект', 'projects'], ['мероприяти', 'events'], ['сесси', 'sessions'],
  ['площадк', 'platforms'], ['платформ', 'platforms'], ['центр', 'centres'], ['город', 'cities'], ['регион', 'regions'],
  ['инвестор', 'investors'], ['объект', 'facilities'], ['завод', 'plants'], ['школ', 'schools'], ['университет', 'universities'],
  ['инициатив', 'initiatives'], ['вагон', 'wagons'], ['контейнер', 'containers'], ['рейс', 'flights'], ['автомобил', 'vehicles'],
  ['тонн', 'tonnes'], ['километр', 'km'], ['гектар', 'hectares'],
  ['год', 'years'], ['лет', 'years'], ['месяц', 'months'], ['недел', 'weeks'], ['дн', 'days'], ['ден', 'days'], ['сут', 'days'],
  ['десятилети', 'decades'], ['страниц', 'pages'],
];

/** English count nouns (lowercased, as written) → unit. Unknown plurals count as themselves. */
export const EN_COUNT_NOUNS: ReadonlyMap<string, string> = new Map([
  ...['countries', 'nations', 'states', 'economies'].map((w) => [w, 'countries'] as const),
  ...['people', 'persons', 'participants', 'delegates', 'representatives', 'journalists', 'executives', 'ministers', 'leaders',
    'officials', 'visitors', 'guests', 'experts', 'specialists', 'employees', 'workers', 'entrepreneurs', 'businessmen',
    'businesspeople', 'attendees', 'speakers', 'students', 'residents', 'citizens', 'counterparts', 'volunteers', 'scientists',
    'heads', 'members', 'staff'].map((w) => [w, 'people'] as const),
  ...['companies', 'firms', 'businesses', 'enterprises'].map((w) => [w, 'companies'] as const),
  ['agreements', 'agreements'], ['accords', 'agreements'], ['treaties', 'agreements'], ['contracts', 'contracts'], ['deals', 'deals'],
  ['memoranda', 'memoranda'], ['memorandums', 'memoranda'], ['documents', 'documents'], ['projects', 'projects'],
  ['centers', 'centres'], ['centres', 'centres'], ['jobs', 'jobs'], ['years', 'years'], ['months', 'months'], ['days', 'days'],
  ['weeks', 'weeks'], ['hours', 'hours'], ['decades', 'decades'],
]);

/** Words that end the search for a count noun after a number (prepositions, verbs, articles…). */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set([
  'of', 'in', 'at', 'on', 'to', 'from', 'for', 'with', 'by', 'and', 'or', 'but', 'than', 'as', 'per', 'a', 'an', 'the', 'this',
  'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had',
  'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'do', 'does', 'did', 'not', 'it', 'they', 'we', 'he', 'she',
  'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'while', 'into', 'over', 'under', 'up', 'down', 'out', 'about',
  'after', 'before', 'since', 'until', 'between', 'among', 'across', 'through', 'during', 'each', 'every', 'so', 'if', 'also',
  'only', 'just', 'more', 'less', 'said', 'says', 'according', 'including', 'such', 'there', 'here', 'than', 'each', 'other',
]);

/** Words after which a plural-looking word is not a noun ("was", "this" …) handled by the stop list; these end in -s but are not count nouns. */
export const EN_NOT_NOUNS: ReadonlySet<string> = new Set([
  'is', 'was', 'has', 'as', 'its', 'this', 'thus', 'various', 'previous', 'serious', 'numerous', 'famous', 'us', 'plus', 'less',
  'across', 'always', 'perhaps', 'towards', 'afterwards', 'nations', 'bus', 'status', 'focus', 'process', 'access', 'news',
  'analysis', 'basis', 'crisis', 'congress', 'business', 'progress', 'success', 'versus', 'whereas', 'gas', 'does', 'goes',
  'says', 'means', 'makes', 'takes', 'gives', 'comes', 'becomes', 'remains', 'seems', 'shows', 'reaches', 'includes',
  'rates', 'prices', 'figures', 'terms', 'levels', 'results', 'numbers', 'totals', 'earlier', 'ago',
]);

/** Month names (lowercased, by stem) that make a neighbouring small number a date. */
export const MONTH_STEMS: readonly string[] = [
  'январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр',
];
export const EN_MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Words that make the next number a label, not a quantity ("статья 5", "page 12", "No. 3"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'статья', 'статьи', 'статье', 'пункт', 'пункта', 'пункте', 'глава', 'часть', 'части', 'раздел', 'раздела', 'страница',
  'стр', 'номер', 'no', 'nr', 'article', 'section', 'chapter', 'page', 'item', 'paragraph', 'clause', 'number',
  'line', 'version', 'level', 'phase', 'stage', 'round', 'season', 'episode', 'volume', 'vol', 'room', 'gate', 'terminal',
  'версия', 'этап', 'этапа', 'фаза', 'тур', 'раунд', 'сезон', 'том', 'зал', 'корпус', 'блок', 'линия', 'линии', 'вариант',
]);

/** Units that make a figure a duration, not a quantity ("20 лет", "for 10 years", "в течение 6 месяцев"). */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['years', 'months', 'weeks', 'days', 'hours', 'decades']);

/** Counts that only number parts of a text ("the communiqué runs to 40 pages"): not figures. */
export const TEXT_PART_UNITS: ReadonlySet<string> = new Set(['pages', 'paragraphs']);

/** Nouns after "N-member" whose members are countries ("a 32-member alliance"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'alliance', 'bloc', 'organization', 'organisation', 'group', 'grouping', 'union', 'club', 'coalition', 'community', 'association',
]);

/** Words before a number that make it an age or an anniversary ("turns 25", "aged 65", "исполнилось 30"). */
export const AGE_WORDS: ReadonlySet<string> = new Set([
  'turns', 'turned', 'turning', 'turn', 'aged', 'age', 'исполнилось', 'исполнится', 'исполняется', 'исполнилась', 'исполнился',
  'возрасте', 'возрастом', 'возраст',
]);

/**
 * The word after a hyphen that makes "N-word" a quantity: "a 300-member delegation" → 300 people,
 * "a 10-nation bloc" → 10 countries, "a 2,000-km pipeline" → 2000 km. Durations and ages
 * ("10-year", "25-year-old") and parts of a text ("10-point plan") are not in the list.
 */
export const COMPOUND_UNITS: ReadonlyMap<string, string> = new Map([
  ['member', 'people'], ['strong', 'people'], ['person', 'people'], ['man', 'people'], ['nation', 'countries'], ['country', 'countries'],
  ['km', 'km'], ['kilometre', 'km'], ['kilometer', 'km'], ['mile', 'miles'], ['tonne', 'tonnes'], ['ton', 'tonnes'],
  ['megawatt', 'MW'], ['mw', 'MW'], ['gigawatt', 'GW'], ['gw', 'GW'], ['seat', 'seats'], ['bed', 'beds'], ['company', 'companies'],
  ['hectare', 'hectares'],
]);

/** Words that say a 4-digit number before them is a year ("в 2024 году", "2026 год", "FY 2025"). */
export const YEAR_WORD_PREFIXES: readonly string[] = ['год', 'гг', 'г', 'year', 'fy'];

/**
 * The Russian stem table as a lookup: the unit of `word` (lowercased) when it is one of the
 * count nouns, allowing up to four letters of case ending after the stem.
 */
export function ruCountUnit(word: string): string | undefined {
  for (const [stem, unit] of RU_COUNT_STEMS) {
    if (word.startsWith(stem) && word.length - stem.length <= 4) {
      // `глав` must not catch `главный`, `учен` not `ученый`: adjectives end in -ый/-ий/-ой/-ая/-ое/-ые/-ых.
      // (Not -ий: компаний, соглашений, государств are nouns.)
      if (/(?:ый|ой|ая|ое|ые|ых|ого|ому|ыми|ной|ная)$/u.test(word) && !word.startsWith('человек')) continue;
      if (stem === 'чел' && word !== 'чел') continue;
      if ((stem === 'дн' || stem === 'ден' || stem === 'сут') && !/^(?:дней|дня|день|дням|сутки|суток)$/u.test(word)) continue;
      return unit;
    }
  }
  return undefined;
}
