/**
 * article/ — turning a journalist's article (plain text, or Markdown; HTML is read to text by the
 * lazily loaded reader in src/shared/) into the text of a new notes file: front matter filled in
 * from what the article says (title, language, source, date), the body escaped so it stays text.
 */
export { importArticle, MAX_HTML_CHARS, htmlTooLargeMessage } from './importArticle';
export type { ArticleInput } from './importArticle';
