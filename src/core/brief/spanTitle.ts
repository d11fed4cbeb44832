/**
 * An annotation's tooltip in the rendered notes: kind, id, area label, status, proposer, the
 * figure's normalised value and the note, in the notes file's language.
 */
import { describeFigureValue, parseFigure } from '../figures';
import type { AnnotationKind } from '../model';
import { CharCode, outputLanguage, type OutputLanguage } from '../text';
import { figureKey, readBlock, type SpanMeta, type SummitMarkdownContext } from './spanMeta';

/** The attributes a title or the rendered span uses, read in one pass (last one wins, as Pandoc). */
export interface SpanAttributes {
  area: string | undefined;
  status: string | undefined;
  by: string | undefined;
  metric: string | undefined;
  year: string | undefined;
  value: string | undefined;
  unit: string | undefined;
  note: string | undefined;
}

export function spanAttributes(meta: SpanMeta): SpanAttributes {
  const out: SpanAttributes = { area: undefined, status: undefined, by: undefined, metric: undefined, year: undefined, value: undefined, unit: undefined, note: undefined };
  const attributes = meta.attributes;
  // Indexes, not `for (const [k, v] of …)`: destructuring walks each pair with an iterator.
  for (let i = 0; i < attributes.length; i++) {
    const k = attributes[i][0];
    const v = attributes[i][1];
    switch (k) {
      case 'area': out.area = v; break;
      case 'status': out.status = v; break;
      case 'by': out.by = v; break;
      case 'metric': out.metric = v; break;
      case 'year': out.year = v; break;
      case 'value': out.value = v; break;
      case 'unit': out.unit = v; break;
      case 'note': out.note = v; break;
    }
  }
  return out;
}

const KIND_LABELS: Readonly<Record<AnnotationKind, string>> = { initiative: 'Initiative', figure: 'Figure', actor: 'Actor' };

/** The tooltip's words in the notes file's language (a static table: a tooltip is made for every span). */
const TITLE_WORDS: Readonly<Record<OutputLanguage, { kinds: Readonly<Record<AnnotationKind, string>>; span: string; area: string; status: string; by: string; note: string }>> = {
  en: { kinds: KIND_LABELS, span: 'Span', area: ' · area: ', status: ' · status: ', by: ' · by ', note: ' · note: ' },
  ru: {
    kinds: { initiative: 'Инициатива', figure: 'Цифра', actor: 'Участник' },
    span: 'Фрагмент', area: ' · направление: ', status: ' · статус: ', by: ' · инициатор: ', note: ' · примечание: ',
  },
};

/** The tooltip of an annotation: kind, id, area label, status, proposer, value, note. */
export function spanTitle(meta: SpanMeta, context: SummitMarkdownContext, attributes: SpanAttributes = spanAttributes(meta)): string {
  const lang = outputLanguage(context.language);
  const words = TITLE_WORDS[lang];
  const kindLabel = meta.kind ? words.kinds[meta.kind] : words.span;
  let title = meta.id ? `${kindLabel} #${meta.id}` : kindLabel;
  const { area, status, by } = attributes;
  if (area) title += `${words.area}${context.areas?.get(area) ?? area}`;
  if (status) title += `${words.status}${status}`;
  if (by) title += `${words.by}${by}`;
  if (meta.kind === 'figure') {
    const { metric, year, value: override, unit } = attributes;
    if (metric) title += year ? ` · ${metric} (${year})` : ` · ${metric}`;
    let described = context.figureValues?.get(figureKey(meta.text, override, unit));
    if (described === undefined) {
      const parsed = parseFigure(plainSpanText(meta.text), context.language ?? 'en');
      const value = override !== undefined && override.trim() !== '' && Number.isFinite(Number(override)) ? Number(override) : parsed.value;
      described = describeFigureValue(value, unit ?? parsed.unit, parsed.qualifier, lang);
    }
    if (described) title += ` · = ${described}`;
  }
  if (attributes.note) title += `${words.note}${attributes.note}`;
  return title;
}

/** Span text without nested spans' markup, for figure reading (`[a [b]{.x}]` → `a b`). */
function plainSpanText(text: string): string {
  if (text.indexOf('[') < 0 && text.indexOf(']{') < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CharCode.OPEN_BRACKET) continue;
    if (c === CharCode.CLOSE_BRACKET && text.charCodeAt(i + 1) === CharCode.OPEN_BRACE) {
      const block = readBlock(text, i + 1);
      if (block) { i = block.end - 1; continue; }
    }
    out += text[i];
  }
  return out;
}
