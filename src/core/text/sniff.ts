/**
 * Cheap check, without a full parse, whether a Markdown file declares itself a notes file:
 * front matter (a `---` line first, closed by `---` or `...`) holding `summit-notes: 1`.
 * Reads at most the front matter (capped at 64 KiB), so it is safe on any file.
 */
export function declaresSummitNotes(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', i)) return false;
  i += 3;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\r') i++;
  if (text[i] !== '\n') return false;
  const limit = Math.min(text.length, i + 65536);
  while (i < limit) {
    let end = text.indexOf('\n', i + 1);
    if (end < 0 || end > limit) end = limit;
    const line = text.slice(i + 1, end).replace(/\r$/, '');
    if (line === '---' || line === '...') return false;
    if (/^summit-notes[ \t]*:[ \t]*["']?1(?:\.0)?["']?[ \t]*(?:#.*)?$/.test(line)) return true;
    i = end;
  }
  return false;
}
