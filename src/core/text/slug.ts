/**
 * Id slugs for new annotations: `[open an SCO office at the AIFC]` → `open-sco-office-aifc`.
 * Cyrillic (Russian, Kazakh, Ukrainian letters) is transliterated, or kept as letters when the
 * analyst prefers ids in the language of the notes.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh and Ukrainian letters that appear in names of places and organisations.
  ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/** Words that make an id longer without making it easier to recognise. */
const FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'in', 'on', 'for', 'at', 'by', 'with',
  'и', 'в', 'во', 'на', 'по', 'с', 'со', 'о', 'об', 'для', 'к', 'ко', 'из', 'от', 'за']);

export interface SlugOptions {
  /** Transliterate Cyrillic to Latin letters (default true); false keeps Cyrillic letters in the id. */
  readonly transliterate?: boolean;
  /** At most this many words (default 6). */
  readonly maxWords?: number;
}

function isLatinOrDigit(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

function isCyrillic(c: string): boolean {
  return c >= '\u0400' && c <= '\u04ff';
}

/**
 * A Pandoc-safe id made from `text`: lower case, words joined by `-`, filler words dropped (unless
 * nothing else is left), at most `maxWords` words. Empty when the text has no letters or digits.
 */
export function slugify(text: string, options: SlugOptions = {}): string {
  const transliterate = options.transliterate ?? true;
  const maxWords = options.maxWords ?? 6;
  const words: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word) words.push(word);
    word = '';
  };
  for (const c of text.toLowerCase()) {
    if (isLatinOrDigit(c)) word += c;
    else if (isCyrillic(c)) {
      const latin = CYRILLIC[c];
      if (!transliterate) word += c;
      else if (latin !== undefined) word += latin;
      // Cyrillic letters outside the table (rare) are dropped rather than guessed.
    } else if (c === '\u0301' || c === '\u2019' || c === "'") {
      // Stress marks and apostrophes sit inside words.
    } else flush();
  }
  flush();
  const meaningful = words.filter((w) => !FILLER.has(w));
  return (meaningful.length ? meaningful : words).slice(0, maxWords).join('-');
}

/**
 * `base` when `isTaken(base)` is false, else `base-2`, `base-3`…; `fallback` when `base` is empty.
 */
export function uniqueSlug(base: string, isTaken: (id: string) => boolean, fallback = 'item'): string {
  const root = base || fallback;
  if (!isTaken(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
