/** Pandoc's backslash escapes and line breaks inside values: finding them and reading them away. */
import { CharCode } from './charCodes';

/** Whether text[start, end) holds a backslash or a line break (what `unescape` and plain texts rewrite). */
export function hasEscapeOrBreak(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === CharCode.BACKSLASH || c === CharCode.LF || c === CharCode.CR) return true;
  }
  return false;
}

/** The value as Pandoc reads it: backslash escapes resolved, a line break inside quotes read as a space. */
export function unescape(text: string, start: number, end: number): string {
  if (!hasEscapeOrBreak(text, start, end)) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CharCode.BACKSLASH && i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      out += text[i + 1];
      i++;
    } else if (c === CharCode.CR) {
      out += ' ';
      if (text.charCodeAt(i + 1) === CharCode.LF) i++;
    } else if (c === CharCode.LF) {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** CommonMark's escapable characters. */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
