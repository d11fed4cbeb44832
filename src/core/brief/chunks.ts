/**
 * The shapes of the brief's chunked sections and how they join into HTML, on their own (no
 * imports) so the preview's webview code, which is compiled without markdown-it's types, shares
 * them with the renderer (src/shared/previewMessages.ts).
 */

/**
 * A section whose body is a list of chunks (each one element: an initiative, a row of key
 * figures, a block of the text): `open + chunks.join('') + close` is its HTML, and the preview
 * re-sends only the chunks that changed. With `lines`, the element holding the chunks carries
 * `data-chunks`.
 */
export interface BriefChunks {
  readonly open: string;
  readonly chunks: readonly string[];
  readonly close: string;
}

/** A section made of groups (one element each) of chunks: the initiatives, grouped by area. */
export interface BriefGroups {
  readonly open: string;
  readonly groups: readonly BriefChunks[];
  readonly close: string;
}

/**
 * Everything the live preview shows of a brief, in the pieces it sends and compares
 * (the first message to the webview, src/shared/previewMessages.ts): the brief's sections and the annotated text
 * block by block.
 */
export interface BriefPreviewContent {
  readonly header: string;
  readonly initiatives: BriefGroups;
  readonly figures: BriefChunks;
  readonly actors: string;
  readonly text: BriefChunks;
  /** The first source line of each text chunk. */
  readonly textLines: readonly number[];
  /** The source line of each `data-entry` index. */
  readonly entryLines: readonly number[];
}

/** Joins a chunked section into one HTML string. */
export function joinChunks(part: BriefChunks): string {
  return part.open + part.chunks.join('') + part.close;
}

/** Joins a grouped section into one HTML string. */
export function joinGroups(part: BriefGroups): string {
  return part.open + part.groups.map(joinChunks).join('') + part.close;
}
