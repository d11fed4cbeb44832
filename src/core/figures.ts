import type { ParsedFigure } from './types';

/** Placeholder until figure normalisation lands. */
export function parseFigure(_text: string, _language?: string): ParsedFigure {
  return { value: undefined, unit: undefined, qualifier: null, magnitude: 1, numberStart: undefined, numberEnd: undefined };
}
