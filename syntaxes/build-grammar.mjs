/* global process, console */
// Builds syntaxes/summit-notes.tmLanguage.json from the readable pieces below.
// Usage: node syntaxes/build-grammar.mjs          (writes the JSON)
//        node syntaxes/build-grammar.mjs --check  (exit 1 when the committed JSON is stale)
//
// Design (see docs/FORMAT.md for the format itself):
// - The root grammar embeds YAML front matter and includes VS Code's Markdown grammar for the body.
// - Annotations and references are added by *injections* into the scopes of a notes file outside
//   code, comments, front matter, headings (the heading rule includes them itself) and our own
//   spans: with L: priority inside paragraphs and tables, so they win over Markdown's link rules
//   at the same position but never fire inside code spans or fences (see injectionSelectors).
//   Inside a span, its content includes them directly (any depth, by recursion through
//   `#span-content`), so no injection ever fires at a span's own level.
// - No rule uses captures with patterns on body text (vscode-textmate re-scans the line prefix for
//   each, which makes a line with many spans quadratic); spans and their parts are regions.
// - A span is a region that starts by consuming its `[`: its begin lookahead checks, on the same
//   line, that the bracket closes (balanced to any depth, by a recursive subexpression call) and
//   is followed by `{…}` naming the kind. Inside it, the content region (from the `[` to its `]`),
//   then the attribute block. Every quantifier in a lookahead is possessive or bounded by a
//   delimiter, so each attempt is linear and cannot backtrack catastrophically; Oniguruma bounds
//   the recursion at 20 nested calls, so brackets nested deeper inside one span fail its lookahead.
// - TextMate sees one line at a time, so at a `[` whose `]{…}` is on a later line nothing is
//   known. The line that closes such a span is recognised from its other end: from the start of
//   the line, text with balanced brackets followed by `]{…}` is the end of a span begun earlier
//   (a *continuation*): it gets the kind's scopes, and its `]` and attribute block the same scopes
//   as a span on one line. `…](#id)` likewise ends a reference begun on an earlier line.
// - A setext heading's title is an ordinary paragraph line until the `===`/`---` line below it,
//   which TextMate cannot see yet; so an attribute block starting with `#id` that ends a
//   paragraph line is scoped as attributes (Pandoc reads it only on a heading).
// - Known limits: the lines between the first and the last line of a multi-line span are not
//   scoped; of several spans begun on earlier lines that close on the same line, only the first
//   is; a continuation is not recognised when the text before its `]` holds an escaped bracket;
//   brackets nested more than 20 deep inside one span.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'summit-notes.tmLanguage.json');
const S = 'summit-notes';

// One unit of span content: a character other than brackets/backslash/newline, or an escape.
const plain = String.raw`[^\[\]\\\n]|\\.`;
// Balanced brackets at any depth (up to Oniguruma's limit on nested subexpression calls): the
// group calls itself. Possessive, so each character is consumed exactly once per attempt.
const nested = String.raw`(?<nest>\[(?:${plain}|\g<nest>)*+\])`;
const content = String.raw`(?:${plain}|${nested})*+`;
// The text before a continuation's `]`: as `content`, but an escaped bracket ends it (`\[x]{.a}`
// is far more often a deliberately escaped span than the end of one begun on an earlier line).
const continuedPlain = String.raw`[^\[\]\\\n]|\\[^\[\]\n]`;
const continuedNested = String.raw`(?<nest>\[(?:${continuedPlain}|\g<nest>)*+\])`;
const continuedContent = String.raw`(?:${continuedPlain}|${continuedNested})*+`;
// Inside `{…}`: anything but a brace, quote or newline, or a whole quoted string.
const attrUnit = String.raw`[^{}"'\n]|"(?:[^"\\\n]|\\.)*+"|'(?:[^'\\\n]|\\.)*+'`;
const attrBlock = String.raw`\{(?:${attrUnit})*+\}`;

/** Lookahead body from a `{`: a closed attribute block holding class `.kind` (any block without a kind). */
function kindBlock(kind) {
  return kind ? String.raw`\{(?:${attrUnit})*?(?<=[{\s])\.${kind}(?=[\s}])(?:${attrUnit})*+\}` : attrBlock;
}

/** A quoted attribute value right after `=`, with backslash escapes; never runs past the line. */
function quotedValue(quote, kind) {
  return {
    name: `string.quoted.${kind}.${S}`,
    begin: String.raw`(?<==)${quote}`,
    end: String.raw`${quote}|$`,
    beginCaptures: { 0: { name: `punctuation.definition.string.begin.${S}` } },
    endCaptures: { 0: { name: `punctuation.definition.string.end.${S}` } },
    patterns: [{ include: '#string-escape' }],
  };
}

/** The attribute block's parts: `#id`, `.class`, `key=value`, `key="value"`. */
const attributeParts = [
  {
    match: String.raw`(#)([^\s{}"'=]+)`,
    name: `meta.attribute.id.${S}`,
    captures: {
      1: { name: `punctuation.definition.id.${S}` },
      2: { name: `entity.name.tag.id.${S}` },
    },
  },
  {
    match: String.raw`(\.)(initiative|figure|actor)(?=[\s}]|$)`,
    name: `meta.attribute.class.kind.${S}`,
    captures: {
      1: { name: `punctuation.definition.class.${S}` },
      2: { name: `entity.other.attribute-name.class.kind.$2.${S}` },
    },
  },
  {
    match: String.raw`(\.)([^\s{}"'=.#][^\s{}"'=]*)`,
    name: `meta.attribute.class.${S}`,
    captures: {
      1: { name: `punctuation.definition.class.${S}` },
      2: { name: `entity.other.attribute-name.class.${S}` },
    },
  },
  {
    // key="value" / key='value': the key here, the quoted value as a region below (a region, not
    // a capture with patterns: vscode-textmate re-scans the line prefix for those).
    match: String.raw`([A-Za-z_][\w.:-]*+)(=)(?=["'])`,
    name: `meta.attribute.key-value.${S}`,
    captures: {
      1: { name: `entity.other.attribute-name.${S}` },
      2: { name: `punctuation.separator.key-value.${S}` },
    },
  },
  quotedValue('"', 'double'),
  quotedValue("'", 'single'),
  {
    match: String.raw`([A-Za-z_][\w.:-]*+)(=)([^\s{}"']*+)`,
    name: `meta.attribute.key-value.${S}`,
    captures: {
      1: { name: `entity.other.attribute-name.${S}` },
      2: { name: `punctuation.separator.key-value.${S}` },
      3: { name: `string.unquoted.${S}` },
    },
  },
  // Anything else in the block is what the parser reports as a malformed attribute.
  { match: String.raw`[^\s{}]+`, name: `invalid.illegal.attribute.${S}` },
];

// Extra scope names on a span and on its content: the injection selectors test for them.
const SPAN = `meta.span.${S}`;
const CONTENT = `meta.span-content.${S}`;

/**
 * A span's inside, shared by a span on one line and a continuation:
 *   the content (from where the span's begin left off to its `]`, which it consumes)
 *   `{` attributes `}`    meta.attributes
 * The content begins at `\G`, the end of the span's begin match, and nowhere else.
 */
function spanInside(suffix) {
  return [
    {
      begin: String.raw`\G`,
      end: String.raw`\]|$`,
      endCaptures: { 0: { name: `punctuation.definition.annotation.end.${S}` } },
      contentName: `meta.annotation.content.${suffix} ${CONTENT}`,
      patterns: [{ include: '#span-content' }],
    },
    { include: '#attribute-block' },
  ];
}

/**
 * A span on one line: `meta.annotation.KIND` from its `[` (which the begin consumes; the
 * lookahead decides the kind) to the `}` of its attribute block. The end `(?<=\})(?!\G)` fires
 * right after the block's `}`: the content consumed its `]`, so the region is at its own level
 * only after `[` and around the block.
 */
function annotation(kind) {
  const suffix = kind ? `${kind}.${S}` : S;
  return {
    name: `meta.annotation.${suffix} ${SPAN}`,
    begin: String.raw`\[(?=${content}\]${kindBlock(kind)})`,
    beginCaptures: { 0: { name: `punctuation.definition.annotation.begin.${S}` } },
    end: String.raw`(?<=\})(?!\G)|$`,
    patterns: spanInside(suffix),
  };
}

/**
 * Where a line's text starts: `\G` inside Markdown's paragraph, which begins after indentation,
 * a list marker or `>` (the anchor of its first scan on the line); `^` without Markdown. Each
 * injection gets the one it needs: a lone `\G` or `^` lets Oniguruma skip every other position
 * at once, where `(?:^|\G)` costs a test at each.
 */
const LINE_START = { paragraph: String.raw`\G`, plain: '^' };

/**
 * The line that ends a span begun on an earlier line: from the start of the line's text,
 * balanced text and then `]{…}`. Only there: tried after every `}` as well, the lookahead would
 * scan to the end of the line each time, quadratic on a line of many spans. Zero-width begin.
 */
function continuation(kind, start) {
  const suffix = kind ? `${kind}.${S}` : S;
  return {
    name: `meta.annotation.${suffix} ${SPAN} meta.annotation.continuation.${S}`,
    begin: String.raw`${start}(?=${continuedContent}\]${kindBlock(kind)})`,
    end: String.raw`(?<=\})(?!\G)|$`,
    patterns: spanInside(suffix),
  };
}

// `(#id)` after a reference's `]`: its captures, numbered from `first`.
const referenceTarget = String.raw`(\()((#)([^\s()#]+))(\))`;
function referenceTargetCaptures(first) {
  return {
    [first]: { name: `punctuation.definition.link.begin.${S}` },
    [first + 1]: { name: `markup.underline.link.reference.${S}` },
    [first + 2]: { name: `punctuation.definition.id.${S}` },
    [first + 3]: { name: `entity.name.tag.id.reference.${S}` },
    [first + 4]: { name: `punctuation.definition.link.end.${S}` },
  };
}

/** `…](#id)` ending a reference whose `[` is on an earlier line (see `continuation`). */
function referenceContinuation(start) {
  return {
    name: `meta.reference.${S} meta.reference.continuation.${S}`,
    contentName: `string.other.link.title.${S}`,
    begin: String.raw`${start}(?=${continuedContent}\]${referenceTarget})`,
    end: String.raw`(\])${referenceTarget}|$`,
    endCaptures: {
      1: { name: `punctuation.definition.link.title.end.${S}` },
      ...referenceTargetCaptures(2),
    },
    patterns: [{ include: '#balanced-brackets' }],
  };
}

/**
 * What the injections bring. At the start of a paragraph line a continuation comes first and wins
 * over a span starting there (the span is then inside the continuation, which is what Pandoc reads
 * when an earlier line opened one); the trailing attribute block of a setext title, then spans,
 * references and escapes. `start` is where the line's text begins (see LINE_START); without it,
 * only spans, references and escapes (table cells, emphasis inside a span).
 */
function injected(start) {
  const spans = [{ include: '#escape' }, { include: '#annotation' }, { include: '#reference' }];
  if (start === undefined) return { patterns: spans };
  return {
    patterns: [
      continuation('initiative', start), continuation('figure', start), continuation('actor', start), continuation(undefined, start),
      referenceContinuation(start),
      { include: '#trailing-attributes' },
      ...spans,
    ],
  };
}

/**
 * Where annotations and references are recognised: everywhere in a notes file except code,
 * comments, front matter, attribute blocks, strings, headings (our heading rule includes them
 * itself) and inside our own spans (their content includes them directly). In Markdown's inline
 * contexts (paragraphs, table cells) the injections have L: priority, so `[x]{.actor}` wins over
 * Markdown's link rules at the same `[`. Elsewhere they have R: priority, so Markdown's paragraph
 * starts first at the beginning of a line (and the annotation then sits inside it); without the
 * Markdown grammar (the unit tests) the R: part is what recognises them. The parts exclude each
 * other so no position is scanned twice, and each context has one injection (one more scanner call
 * per step costs more than a few more rules in the same scanner).
 * One more part reaches into Markdown emphasis inside a span's content (`[a **[b]{.actor}**]{…}`),
 * but not into the spans found there (they include what they need themselves).
 */
function injectionSelectors() {
  const excluded = `-comment -markup.raw -markup.inline.raw -markup.fenced_code -meta.front-matter -meta.embedded -meta.attributes.${S} -string -markup.heading`;
  const inline = ['meta.paragraph.markdown', 'markup.table.markdown'];
  const outside = `-${SPAN} ${excluded}`;
  const emphasis = ['markup.bold.markdown', 'markup.italic.markdown'];
  return {
    // Paragraph lines (continuations and trailing attribute blocks included).
    paragraph: `L:text.${S} meta.paragraph.markdown ${outside}`,
    // Outside Markdown's inline contexts (and everywhere without the Markdown grammar): likewise.
    plain: `R:text.${S} ${inline.map((scope) => `-${scope}`).join(' ')} ${outside}`,
    // Table cells and emphasis inside a span's content: spans, references and escapes only.
    spansOnly: [
      `L:text.${S} markup.table.markdown ${outside}`,
      `L:text.${S} ${CONTENT} (${emphasis.join(' | ')}) ${emphasis.map((scope) => `-(${scope} ${SPAN})`).join(' ')} ${excluded}`,
    ].join(', '),
  };
}

const selectors = injectionSelectors();

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Summit Notes',
  scopeName: `text.${S}`,
  comment: 'Generated by syntaxes/build-grammar.mjs: edit that file, then run it.',
  patterns: [
    { include: '#front-matter' },
    { include: '#heading' },
    { include: 'text.html.markdown' },
  ],
  injections: {
    [selectors.paragraph]: injected(LINE_START.paragraph),
    [selectors.plain]: injected(LINE_START.plain),
    [selectors.spansOnly]: injected(undefined),
  },
  repository: {
    'front-matter': {
      begin: String.raw`\A(-{3})[ \t]*$`,
      end: String.raw`^(-{3}|\.{3})[ \t]*$`,
      name: `meta.front-matter.${S}`,
      contentName: 'meta.embedded.block.frontmatter',
      beginCaptures: { 1: { name: `punctuation.definition.front-matter.begin.${S}` } },
      endCaptures: { 1: { name: `punctuation.definition.front-matter.end.${S}` } },
      patterns: [{ include: 'source.yaml' }],
    },
    heading: {
      // ATX heading with an optional Pandoc attribute block: `## Economy {#economy}`. Scoped like
      // Markdown's own headings so themes colour them the same.
      // The lazy title stops before a trailing attribute block; each attempt of the block scans
      // only to the next brace, so a line full of braces stays linear.
      match: String.raw`^[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]*(${attrBlock}))?[ \t]*$`,
      name: `markup.heading.markdown meta.heading.${S}`,
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#heading-inline' }] },
        // Headings are short lines, so captures-with-patterns cost nothing here.
        3: { patterns: [{ include: '#attribute-block' }] },
      },
    },
    'heading-inline': {
      patterns: [
        { include: '#escape' },
        { include: '#annotation' },
        { include: '#reference' },
        { include: 'text.html.markdown#inline' },
      ],
    },
    escape: {
      // A backslash escape suppresses annotations (`\[not a span]`), as in Pandoc.
      match: String.raw`\\[\\\[\]{}()#.*_\x60!<>+-]`,
      name: `constant.character.escape.${S}`,
    },
    annotation: {
      patterns: [annotation('initiative'), annotation('figure'), annotation('actor'), annotation(undefined)],
    },
    'span-content': {
      // Spans, references and escapes first: at the same `[` they win over Markdown's link rules.
      patterns: [
        { include: '#escape' },
        { include: '#annotation' },
        { include: '#reference' },
        { include: 'text.html.markdown#inline' },
        { include: '#plain-brackets' },
      ],
    },
    'plain-brackets': {
      // `[x]` inside a span that is not itself a span or link: keeps the outer span's `]` honest.
      begin: String.raw`\[`,
      end: String.raw`\]|$`,
      patterns: [{ include: '#span-content' }],
    },
    reference: {
      match: String.raw`(\[)(${content})(\])${referenceTarget}`,
      name: `meta.reference.${S}`,
      captures: {
        1: { name: `punctuation.definition.link.title.begin.${S}` },
        2: { name: `string.other.link.title.${S}` },
        // 3 is the recursive group inside the title.
        4: { name: `punctuation.definition.link.title.end.${S}` },
        ...referenceTargetCaptures(5),
      },
    },
    'balanced-brackets': {
      // Unscoped: only keeps a nested `[…]` (and escapes) from ending a reference continuation.
      patterns: [
        { match: String.raw`\\.` },
        { begin: String.raw`\[`, end: String.raw`\]|$`, patterns: [{ include: '#balanced-brackets' }] },
      ],
    },
    'trailing-attributes': {
      // `Title {#id}` at the end of a paragraph line: a setext heading's attributes once the
      // `===`/`---` line below arrives. Only blocks that start with an `#id` (a paragraph line
      // ending in `{.actor}` is more likely an unclosed span than a heading).
      name: `meta.attributes.${S} meta.attributes.trailing.${S}`,
      begin: String.raw`\{(?<![\]\\]\{)(?=[ \t]*#(?:${attrUnit})*+\}[ \t]*$)`,
      end: String.raw`\}|$`,
      beginCaptures: { 0: { name: `punctuation.definition.attributes.begin.${S}` } },
      endCaptures: { 0: { name: `punctuation.definition.attributes.end.${S}` } },
      patterns: attributeParts,
    },
    'attribute-block': {
      name: `meta.attributes.${S}`,
      begin: String.raw`\{`,
      end: String.raw`\}|$`,
      beginCaptures: { 0: { name: `punctuation.definition.attributes.begin.${S}` } },
      endCaptures: { 0: { name: `punctuation.definition.attributes.end.${S}` } },
      patterns: attributeParts,
    },
    'string-escape': {
      match: String.raw`\\.`,
      name: `constant.character.escape.${S}`,
    },
  },
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== json) {
    console.error('syntaxes/summit-notes.tmLanguage.json is stale: run node syntaxes/build-grammar.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(out, json);
  console.log('wrote syntaxes/summit-notes.tmLanguage.json');
}
