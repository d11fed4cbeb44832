/**
 * Shared by the parser's tests: where the parse fixtures live, and the compact, reviewable JSON
 * summary of a model that `NAME.expected.json` holds (ranges as "start-end (line:char-line:char)").
 */
import * as fs from 'fs';
import * as path from 'path';
import type { NotesModel, Range } from '../../src/core';

/** `test/fixtures/parse`, found from the compiled test (out/test/unit) or the source. */
export const PARSE_FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'parse');

/** Every `NAME.summit.md` fixture name, sorted. */
export function fixtureNames(): string[] {
  return fs.readdirSync(PARSE_FIXTURES).filter((f) => f.endsWith('.summit.md')).map((f) => f.slice(0, -'.summit.md'.length)).sort();
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(PARSE_FIXTURES, `${name}.summit.md`), 'utf8');
}

function r(range: Range | undefined): string | undefined {
  if (!range) return undefined;
  const s = range.startPosition;
  const e = range.endPosition;
  return `${range.start}-${range.end} (${s.line}:${s.character}-${e.line}:${e.character})`;
}

/** What a fixture's expectations pin down. */
export function summarise(model: NotesModel): unknown {
  const fm = model.frontMatter;
  return {
    language: model.language,
    frontMatter: fm && {
      range: r(model.frontMatterRange),
      data: fm.data,
      formatVersion: fm.formatVersion, title: fm.title, summit: fm.summit, date: fm.date, place: fm.place,
      speakers: fm.speakers, source: fm.source, language: fm.language,
      areas: Object.fromEntries(fm.areas), statuses: fm.statuses, glossary: Object.fromEntries(fm.glossary), tags: fm.tags,
    },
    sections: model.allSections.map((s) => ({
      level: s.level, title: s.title, id: s.id, heading: r(s.headingRange), range: r(s.range),
      parent: s.parent ? model.allSections.indexOf(s.parent) : undefined,
    })),
    annotations: model.annotations.map((a) => ({
      kind: a.kind, id: a.id, classes: a.classes, attributes: a.attributes, text: a.text, plainText: a.plainText,
      range: r(a.range), content: r(a.contentRange), attributesAt: r(a.attributeRange),
      parent: a.parent?.index, section: a.section ? model.allSections.indexOf(a.section) : undefined,
      figure: a.figure && { hasValue: a.figure.value !== undefined, source: a.figure.source, year: a.figure.year, metric: a.figure.metric },
    })),
    references: model.references.map((ref) => ({
      targetId: ref.targetId, text: ref.text, range: r(ref.range), target: r(ref.target && ('headingRange' in ref.target ? ref.target.headingRange : ref.target.range)),
    })),
    diagnostics: model.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: r(d.range), data: d.data })),
  };
}
