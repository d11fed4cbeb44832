/* global process, console */
// Builds syntaxes/summit-notes.tmLanguage.json from the readable pieces below.
// Usage: node syntaxes/build-grammar.mjs          (writes the JSON)
//        node syntaxes/build-grammar.mjs --check  (exit 1 when the committed JSON is stale)
//
// Design (see docs/FORMAT.md for the format itself):
// - The root grammar embeds YAML front matter and includes VS Code's Markdown grammar for the body.
// - Annotations and references are added by an *injection* into every scope under
//   `text.summit-notes` except code, comments, front matter and our own attribute blocks: with L:
//   priority inside paragraphs, tables and span content, so they win over Markdown's link rules at
//   the same position but never fire inside code spans or fences (see injectionSelector).
// - No rule uses captures with patterns on body text (vscode-textmate re-scans the line prefix for
//   each, which makes a line with many spans quadratic); spans and their parts are regions.
// - An annotation is a begin/end region so its content keeps Markdown highlighting; the begin
//   lookahead checks, on the same line, that the bracket closes (balanced up to two nested levels)
//   and is followed by `{…}` naming the kind. Every quantifier in a lookahead is possessive or
//   bounded by a delimiter, so each attempt is linear and cannot backtrack catastrophically.
// - Known limits (TextMate sees one line at a time): a span whose `]{…}` is on a later line, or
//   nested more than three deep, is left to Markdown; `{#id}` on setext headings is not scoped.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'summit-notes.tmLanguage.json');
const S = 'summit-notes';

// One unit of span content: a character other than brackets/backslash/newline, or an escape.
const plain = String.raw`[^\[\]\\\n]|\\.`;
// Balanced brackets, two levels deep (possessive: each character is consumed exactly once).
const nest2 = String.raw`\[(?:${plain})*+\]`;
const nest1 = String.raw`\[(?:${plain}|${nest2})*+\]`;
const content = String.raw`(?:${plain}|${nest1})*+`;
// Inside `{…}`: anything but a brace, quote or newline, or a whole quoted string.
const attrUnit = String.raw`[^{}"'\n]|"(?:[^"\\\n]|\\.)*+"|'(?:[^'\\\n]|\\.)*+'`;
const attrBlock = String.raw`\{(?:${attrUnit})*+\}`;

/** Lookahead after `[`: the span closes on this line with a closed `]{…}` holding class `.kind`. */
function kindLookahead(kind) {
  return String.raw`(?=${content}\]\{(?:${attrUnit})*?(?<=[{\s])\.${kind}(?=[\s}])(?:${attrUnit})*+\})`;
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

/**
 * An annotation is three regions, none using captures-with-patterns (vscode-textmate re-scans the
 * line prefix for those, which turns a line with many spans quadratic):
 *   meta.annotation.KIND       zero-width begin at `[` (the lookahead decides the kind)
 *     `[` content `]`          meta.annotation.content.KIND, nested spans inside
 *     `{` attributes `}`       meta.attributes
 * The outer region ends right after the `}`. `(?!\G)` keeps it from ending at its own start when
 * the span follows another one (`…}[next]{…}`), and `$` bounds any mistake to the line.
 */
function annotation(kind) {
  const suffix = kind ? `${kind}.${S}` : S;
  return {
    name: `meta.annotation.${suffix} ${WRAPPER}`,
    begin: kind ? String.raw`(?=\[${kindLookahead(kind)})` : String.raw`(?=\[${content}\]${attrBlock})`,
    end: String.raw`(?<=\})(?!\G)|$`,
    patterns: [
      {
        begin: String.raw`\[`,
        end: String.raw`\]|$`,
        beginCaptures: { 0: { name: `punctuation.definition.annotation.begin.${S}` } },
        endCaptures: { 0: { name: `punctuation.definition.annotation.end.${S}` } },
        contentName: `meta.annotation.content.${suffix} ${CONTENT}`,
        patterns: [{ include: '#span-content' }],
      },
      { include: '#attribute-block' },
    ],
  };
}

// Extra scope names on the outer region and on its content, only for the injection selector.
const WRAPPER = `meta.span.${S}`;
const CONTENT = `meta.span-content.${S}`;

/**
 * The injection must not fire on the outer region itself (it would push the same span again at
 * the same `[`), but must fire inside a span's content. Scope selectors match subsequences, so
 * "the innermost WRAPPER has no CONTENT below it" is spelled out for each nesting depth the
 * lookahead allows.
 */
function notAtWrapperLevel() {
  const terms = [];
  for (let depth = 0; depth < 4; depth++) {
    const open = Array(depth).fill(`${WRAPPER} ${CONTENT}`).concat(WRAPPER).join(' ');
    terms.push(`(${open} -(${open} ${CONTENT}))`);
  }
  return `-(${terms.join(' | ')})`;
}

/**
 * Where annotations and references are recognised: everywhere in a notes file except code,
 * comments, front matter, attribute blocks and headings (our heading rule includes them itself).
 * Inside Markdown's inline contexts (paragraphs, table cells) and inside a span's content the
 * injection has L: priority, so `[x]{.actor}` wins over Markdown's link rules at the same `[`.
 * Elsewhere it has R: priority, so Markdown's paragraph starts first at the beginning of a line
 * (and the annotation then sits inside it); without the Markdown grammar (the unit tests) the R:
 * part is what recognises them. The parts exclude each other so no position is scanned twice.
 */
function injectionSelector() {
  const excluded = `-comment -markup.raw -markup.inline.raw -markup.fenced_code -meta.front-matter -meta.embedded -meta.attributes.${S} -string -markup.heading ${notAtWrapperLevel()}`;
  const inline = ['meta.paragraph.markdown', 'markup.table.markdown'];
  return [
    ...inline.map((scope) => `L:text.${S} ${scope} -${CONTENT} ${excluded}`),
    `L:text.${S} ${CONTENT} ${excluded}`,
    `R:text.${S} ${inline.map((scope) => `-${scope}`).join(' ')} -${CONTENT} ${excluded}`,
  ].join(', ');
}

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
    [injectionSelector()]: {
      patterns: [{ include: '#escape' }, { include: '#annotation' }, { include: '#reference' }],
    },
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
      patterns: [
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
      match: String.raw`(\[)((?:${plain}|${nest1})*+)(\])(\()((#)([^\s()#]+))(\))`,
      name: `meta.reference.${S}`,
      captures: {
        1: { name: `punctuation.definition.link.title.begin.${S}` },
        2: { name: `string.other.link.title.${S}` },
        3: { name: `punctuation.definition.link.title.end.${S}` },
        4: { name: `punctuation.definition.link.begin.${S}` },
        5: { name: `markup.underline.link.reference.${S}` },
        6: { name: `punctuation.definition.id.${S}` },
        7: { name: `entity.name.tag.id.reference.${S}` },
        8: { name: `punctuation.definition.link.end.${S}` },
      },
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
