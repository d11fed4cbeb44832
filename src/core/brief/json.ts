/** The brief as JSON: the brief model itself (schema in docs/CLI.md, "Brief JSON"). */
import type { Brief } from './build';

/** Pretty JSON; absent optional fields are written as `null` so every key is always present. */
export function renderBriefJson(brief: Brief): string {
  return JSON.stringify(brief, (_key, value: unknown) => (value === undefined ? null : value), 2) + '\n';
}
