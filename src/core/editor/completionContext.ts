/**
 * Where the cursor stands for completion: inside a span's `{…}` attribute block (a class, an
 * attribute key or a value) or after `](#` (an id). Reads only the current line up to the cursor.
 */

export type CompletionContext =
  /** After `.` in an attribute block: a class (the kinds). */
  | { readonly kind: 'class'; readonly prefix: string; readonly start: number; readonly present: AttributeBlockSoFar }
  /** A bare word in an attribute block: an attribute key (or a kind class when none is given yet). */
  | { readonly kind: 'attribute-key'; readonly prefix: string; readonly start: number; readonly present: AttributeBlockSoFar }
  /** After `key=` (optionally a quote): a value for `key`. */
  | { readonly kind: 'attribute-value'; readonly key: string; readonly prefix: string; readonly start: number; readonly quoted: boolean; readonly present: AttributeBlockSoFar }
  /** After `](#`: the id of an annotation or heading. */
  | { readonly kind: 'reference-id'; readonly prefix: string; readonly start: number };

/** What the attribute block holds before the cursor. */
export interface AttributeBlockSoFar {
  readonly classes: readonly string[];
  readonly keys: readonly string[];
}

/** How far back on the line we look; attribute blocks are short. */
const LOOK_BACK = 2000;

/** The completion context at `offset`, or undefined when the cursor is in ordinary text. */
export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - LOOK_BACK);
  const before = text.slice(lineStart, offset);
  const ref = /\]\(#([^\s()#]*)$/.exec(before);
  if (ref) return { kind: 'reference-id', prefix: ref[1], start: offset - ref[1].length };
  const open = before.lastIndexOf('{');
  if (open < 1 || before[open - 1] !== ']' || before.indexOf('}', open) >= 0) return undefined;
  // Split the block so far into tokens, honouring quotes.
  const tokens: string[] = [];
  let token = '';
  let quote = '';
  for (const c of before.slice(open + 1)) {
    if (quote) {
      token += c;
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      token += c;
      quote = c;
    } else if (c === ' ' || c === '\t') {
      if (token) tokens.push(token);
      token = '';
    } else token += c;
  }
  const present: AttributeBlockSoFar = {
    classes: tokens.filter((t) => t.startsWith('.')).map((t) => t.slice(1)),
    keys: tokens.filter((t) => t.includes('=')).map((t) => t.slice(0, t.indexOf('='))),
  };
  const start = offset - token.length;
  if (token.startsWith('.')) return { kind: 'class', prefix: token.slice(1), start: start + 1, present };
  if (token.startsWith('#')) return undefined;
  const eq = token.indexOf('=');
  if (eq >= 0) {
    const raw = token.slice(eq + 1);
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    const prefix = quoted ? raw.slice(1) : raw;
    return { kind: 'attribute-value', key: token.slice(0, eq), prefix, start: offset - prefix.length, quoted, present };
  }
  if (quote) return undefined;
  return { kind: 'attribute-key', prefix: token, start, present };
}

/** Attribute keys each kind uses, in the order an analyst fills them in. */
export const ATTRIBUTE_KEYS: Readonly<Record<string, readonly { readonly key: string; readonly description: string }[]>> = {
  initiative: [
    { key: 'area', description: 'Policy area, from the `areas:` vocabulary in the front matter.' },
    { key: 'status', description: 'Where the initiative stands: proposed, supported, agreed, launched, done, rejected.' },
    { key: 'by', description: 'Who proposed it (a country, a leader, an organisation).' },
    { key: 'note', description: 'Your memo about it.' },
  ],
  figure: [
    { key: 'metric', description: 'What the number measures, e.g. "intra-SCO trade".' },
    { key: 'year', description: 'The year the figure refers to.' },
    { key: 'value', description: 'The value, when the text does not give a readable number.' },
    { key: 'unit', description: 'The unit (USD, %, tonnes…), overriding what the text says.' },
    { key: 'note', description: 'Your memo about it.' },
  ],
  actor: [{ key: 'note', description: 'Your memo about it.' }],
};
