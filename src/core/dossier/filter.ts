/**
 * The dossier's filters: their fields and how a filter sent from outside (the dossier's webview, a
 * test) is cleaned. Imports nothing, so the webview's message types share it (src/shared/dossierMessages.ts).
 */

/** Filters, all optional, all applied together. */
export interface DossierFilter {
  /** Case-insensitive part of the article's `summit:`. */
  readonly summit?: string;
  /** One of the initiative's `area=` ids. */
  readonly area?: string;
  /** The mention's `status=`. */
  readonly status?: string;
  /** Case-insensitive part of an actor's name (`by=` or a nested actor). */
  readonly actor?: string;
  /** The article's language. */
  readonly language?: string;
  /** ISO dates, inclusive; undated articles are left out when either is given. */
  readonly from?: string;
  readonly to?: string;
}

/** Every filter field, in the order the filter bar shows them. */
export const DOSSIER_FILTER_FIELDS = ['summit', 'area', 'status', 'actor', 'language', 'from', 'to'] as const;

/** The filter fields that pick one of a set of values (the dates are a range instead). */
export type DossierFacet = Exclude<(typeof DOSSIER_FILTER_FIELDS)[number], 'from' | 'to'>;

/**
 * Every value of some facets, a list per facet named by its plural (`summits`, `statuses`, …): what
 * an initiative gathers over its timeline, and the filter bar's choices over the whole dossier.
 */
export type DossierFacetLists<K extends DossierFacet = DossierFacet> = {
  readonly [F in K as F extends 'status' ? 'statuses' : `${F}s`]: readonly string[];
};

/** The filter fields of `value` that are non-empty strings, trimmed (anything else is dropped). */
export function cleanDossierFilter(value: unknown): DossierFilter {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const k of DOSSIER_FILTER_FIELDS) {
    const v = (value as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim().slice(0, 200);
  }
  return out;
}
