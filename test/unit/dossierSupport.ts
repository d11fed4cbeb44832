/** The dossier fixture workspace (test/fixtures/dossier) and small builders for notes text in tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotesSource } from '../../src/core';

/** test/fixtures/dossier, from out/test/unit. */
export const DOSSIER_FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'dossier');

/** Every notes file of the fixture workspace, by name. */
export function fixtureWorkspace(): NotesSource[] {
  return readdirSync(DOSSIER_FIXTURES).filter((f) => f.endsWith('.summit.md')).sort()
    .map((path) => ({ path, text: readFileSync(join(DOSSIER_FIXTURES, path), 'utf8') }));
}

/** A notes file with front matter and the given body lines. */
export function notes(front: { date?: string; summit?: string; language?: string; source?: string; url?: string }, ...body: string[]): string {
  const lines = ['---', 'summit-notes: 1'];
  if (front.summit) lines.push(`summit: ${front.summit}`);
  if (front.date) lines.push(`date: ${front.date}`);
  if (front.source || front.url) {
    lines.push('source:');
    if (front.source) lines.push(`  name: ${front.source}`);
    if (front.url) lines.push(`  url: ${front.url}`);
  }
  lines.push(`language: ${front.language ?? 'en'}`, '---', '', ...body, '');
  return lines.join('\n');
}
