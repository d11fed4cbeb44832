/** Which links from a notes file's front matter the brief may show as links. */

/**
 * The URL when it is an absolute http(s) URL, else undefined. The brief links only such sources:
 * `javascript:`, `data:` and relative paths are shown as text.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/?#]+/i.test(trimmed)) return undefined;
  // Whitespace and control characters inside a URL are a sign of an injection attempt.
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return undefined;
  }
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
