/**
 * The character codes the scanners compare against, in one place. A `const enum`, so tsc and
 * esbuild write the numbers in place: the hot loops of the scanners pay nothing for the names.
 */
export const enum CharCode {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  SQUOTE = 39,
  OPEN_PAREN = 40,
  CLOSE_PAREN = 41,
  DASH = 45,
  DOT = 46,
  LT = 60,
  EQUALS = 61,
  OPEN_BRACKET = 91,
  BACKSLASH = 92,
  CLOSE_BRACKET = 93,
  BACKTICK = 96,
  OPEN_BRACE = 123,
  CLOSE_BRACE = 125,
}
