/**
 * The markup that annotates a detected figure without losing what detection read. A span's text
 * is read again by `parseFigure` once annotated; what detection took from outside the span (a
 * verb's qualifier: "превысил $650 млрд" → more than; a unit from the sentence: "1300 компаний, из
 * которых 880" → companies) is written as attributes, so the annotation means what the hint said.
 */
import type { DetectedFigure } from '../detect';
import { parseFigure } from '../figures';
import { annotationMarkup } from './textEdits';

/** Attributes (`key=value`, in order) that a detected figure needs beyond its text. */
export function detectedFigureAttributes(figure: Pick<DetectedFigure, 'text' | 'value' | 'unit' | 'qualifier'>, language: string): string[] {
  const read = parseFigure(figure.text, language);
  const out: string[] = [];
  if (read.value !== figure.value) out.push(`value=${figure.value}`);
  if (figure.unit !== undefined && read.unit !== figure.unit) out.push(`unit=${/^[^\s"'{}=\\]+$/u.test(figure.unit) ? figure.unit : `"${figure.unit.replace(/["\\]/gu, '\\$&')}"`}`);
  if (figure.qualifier !== null && read.qualifier !== figure.qualifier) out.push(`qualifier=${figure.qualifier}`);
  return out;
}

/**
 * `[text]{.figure …}` for a detected figure: `escapedText` is its text as it goes between the
 * brackets, the attributes those `detectedFigureAttributes` gives.
 */
export function detectedFigureMarkup(figure: Pick<DetectedFigure, 'text' | 'value' | 'unit' | 'qualifier'>, escapedText: string, language: string): string {
  const attributes = detectedFigureAttributes(figure, language);
  const markup = annotationMarkup(escapedText, 'figure');
  return attributes.length === 0 ? markup : `${markup.slice(0, -1)} ${attributes.join(' ')}}`;
}
