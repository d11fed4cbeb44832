/**
 * What the markdown-it plugin's parse and render halves share: the context a caller passes in
 * `env`, the plugin's options, what an annotation token carries, and the small attribute-block reader.
 */
import { AttributeScanner, type AnnotationKind, type AttributeBlock } from '../model';

/** What the plugin may know about the notes file (vocabulary, language); all optional. */
export interface SummitMarkdownContext {
  /** Area id → label (front matter `areas`). */
  readonly areas?: ReadonlyMap<string, string>;
  /** Figure language (front matter `language`), decides `1,500`. */
  readonly language?: string;
  /**
   * Turns a relative image path into a URL the host may load (the preview maps it into the note's
   * folder with `asWebviewUri`); images it returns undefined for keep markdown-it's own `src`.
   */
  readonly resolveImage?: (src: string) => string | undefined;
  /**
   * The normalised value of a figure span, when the caller already has the notes model (keyed by
   * {@link figureKey}); saves reading the figure a second time. Missing keys fall back to parseFigure.
   */
  readonly figureValues?: ReadonlyMap<string, string>;
  /**
   * The first this many lines are not Markdown (the notes file's front matter): the block parser
   * steps over them, so the text is parsed as it is, with its own line numbers, and never copied.
   */
  readonly skipLines?: number;
}

/** The key of a figure span in {@link SummitMarkdownContext.figureValues}: its text and value/unit overrides. */
export function figureKey(text: string, value: string | undefined, unit: string | undefined): string {
  // The common case (no overrides) is the text itself: no string to build per span.
  return value === undefined && unit === undefined ? text : `${text}\u0000${value ?? ''}\u0000${unit ?? ''}`;
}

export interface SummitMarkdownOptions {
  /**
   * Put `data-line` (zero-based source line) and class `code-line` on block elements, as VS Code's
   * own Markdown engine does; our preview turns this on, the built-in preview already does it.
   * `'relative'`: every `data-line` (and an annotation's `meta.line`) counts from the first line of the
   * top-level block it stands in, so a block's HTML does not change when lines above it are added
   * or removed (the live preview adds the block's own line when it shows it).
   */
  readonly blockLines?: boolean | 'relative';
  /**
   * A span whose text no inline rule would act on becomes one `summit_span` token carrying that
   * text (rendered exactly as open, text, close) instead of three tokens and a nested
   * tokenisation. Only for an instance with markdown-it's own rules alone, `linkify` and
   * `typographer` off (our `createNotesMarkdown`): another plugin's rule could act on characters
   * this check lets through. VS Code's preview keeps the three tokens.
   */
  readonly leafSpans?: boolean;
}

/** The key under which callers pass a {@link SummitMarkdownContext} in markdown-it's `env`. */
export const SUMMIT_ENV_KEY = 'summitNotes';

/** What an annotation token carries in `token.meta`. */
export interface SpanMeta {
  readonly kind: AnnotationKind | undefined;
  readonly id: string | undefined;
  readonly classes: readonly string[];
  readonly attributes: readonly (readonly [string, string])[];
  /** The span's source text inside the brackets. */
  readonly text: string;
  /** Zero-based source line (relative to its top-level block with `blockLines: 'relative'`). */
  line?: number;
}

export function contextOf(env: unknown): SummitMarkdownContext {
  const value = (env as Record<string, unknown> | undefined)?.[SUMMIT_ENV_KEY];
  return value && typeof value === 'object' ? (value as SummitMarkdownContext) : {};
}

/** Reads one attribute block of a short string (a heading's text, a span's text). */
export function readBlock(src: string, open: number): AttributeBlock | undefined {
  const block = new AttributeScanner(src).read(open, src.length);
  return block.closed ? block : undefined;
}
