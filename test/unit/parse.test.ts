import * as assert from 'assert';
import { buildOutline, isIsoDate, parseNotes, reparseNotes, toIsoDate } from '../../src/core';

describe('parseNotes', () => {
  it('reads kind, id, classes and attributes of a span', () => {
    const m = parseNotes('[open an office]{.initiative #office area=finance note="a \\"quoted\\" memo"}');
    const [a] = m.annotations;
    assert.strictEqual(a.kind, 'initiative');
    assert.strictEqual(a.id, 'office');
    assert.deepStrictEqual(a.classes, ['initiative']);
    assert.deepStrictEqual(a.attributes, [['area', 'finance'], ['note', 'a "quoted" memo']]);
    assert.strictEqual(a.attribute('note'), 'a "quoted" memo');
    assert.strictEqual(a.attribute('missing'), undefined);
    assert.strictEqual(m.ids.get('office'), a);
  });

  it('takes the first known kind class and keeps every class', () => {
    const [a] = parseNotes('[x]{.important .actor .figure}').annotations;
    assert.strictEqual(a.kind, 'actor');
    assert.deepStrictEqual(a.classes, ['important', 'actor', 'figure']);
  });

  it('counts offsets in UTF-16 code units through Cyrillic and emoji', () => {
    const text = 'Прием 😀 [Астана]{.actor}';
    const [a] = parseNotes(text).annotations;
    assert.strictEqual(a.range.start, text.indexOf('['));
    assert.strictEqual(a.range.start, 9); // 5 letters, space, 2 units of the emoji, space
    assert.strictEqual(a.text, 'Астана');
    assert.deepStrictEqual(a.range.startPosition, { line: 0, character: 9 });
  });

  it('gives positions across CRLF, a lone CR and a BOM as VS Code does', () => {
    const m = parseNotes('\ufeffa\r\nb\rc\n[d]{.actor}');
    const [a] = m.annotations;
    assert.deepStrictEqual(a.range.startPosition, { line: 3, character: 0 });
    assert.deepStrictEqual(m.positionAt(1), { line: 0, character: 1 });
    assert.strictEqual(m.offsetAt({ line: 1, character: 0 }), 4);
    assert.strictEqual(m.offsetAt({ line: 1, character: 99 }), 5, 'clamped before the line break');
    assert.strictEqual(m.offsetAt(m.positionAt(a.range.end)), a.range.end);
  });

  it('finds the innermost annotation, the section and the reference at an offset', () => {
    const text = '# S {#s}\n\n[a [b]{.figure} c]{.initiative #i} [to i](#i)\n';
    const m = parseNotes(text);
    assert.strictEqual(m.annotationAt(text.indexOf('b'))?.kind, 'figure');
    assert.strictEqual(m.annotationAt(text.indexOf(' c') + 1)?.kind, 'initiative');
    assert.strictEqual(m.annotationAt(text.indexOf(' c'))?.kind, 'figure', 'just after `}` still counts');
    assert.strictEqual(m.annotationAt(0), undefined);
    assert.strictEqual(m.sectionAt(text.indexOf('c]'))?.id, 's');
    assert.strictEqual(m.referenceAt(text.indexOf('to i'))?.targetId, 'i');
    assert.strictEqual(m.referencesTo('i').length, 1);
    assert.strictEqual(m.references[0].target, m.ids.get('i'));
  });

  it('links parents and children and strips nested markup from plainText', () => {
    const m = parseNotes('[a [b [c]{.actor}]{.figure} d]{.initiative}');
    const [outer, mid, inner] = m.annotations;
    assert.strictEqual(mid.parent, outer);
    assert.strictEqual(inner.parent, mid);
    assert.deepStrictEqual(outer.children, [mid]);
    assert.strictEqual(outer.plainText, 'a b c d');
    assert.strictEqual(outer.text, 'a [b [c]{.actor}]{.figure} d');
  });

  it('reads figures through parseFigure, with value= and unit= winning', () => {
    const m = parseNotes('[twelve]{.figure value=12 unit=USD year=2024 metric=trade}');
    const f = m.figures[0];
    assert.strictEqual(f.value, 12);
    assert.strictEqual(f.unit, 'USD');
    assert.strictEqual(f.year, 2024);
    assert.strictEqual(f.metric, 'trade');
    assert.strictEqual(f.source, 'attribute');
    assert.strictEqual(m.annotations[0].figure, f);
  });

  it('never throws on input that is not text', () => {
    const m = parseNotes(undefined as unknown as string);
    assert.strictEqual(m.text, '');
    assert.deepStrictEqual(m.annotations, []);
  });

  it('reads the front matter: version, key ranges, unknown keys, duplicate keys', () => {
    const text = '---\nsummit-notes: 1\ntitle: T\nreviewed: true\ntitle: U\n---\n';
    const m = parseNotes(text);
    const fm = m.frontMatter;
    assert.ok(fm);
    assert.strictEqual(fm.formatVersion, 1);
    assert.strictEqual(fm.data.reviewed, true);
    assert.strictEqual(fm.title, 'U', 'the last of two equal keys wins');
    assert.strictEqual(text.slice(fm.keyRanges.get('reviewed')?.start, fm.keyRanges.get('reviewed')?.end), 'true');
    assert.deepStrictEqual(m.diagnostics.map((d) => [d.code, d.severity, text.slice(d.range.start, d.range.end)]), [['yaml-error', 'error', 'title']]);
    assert.deepStrictEqual(fm.statuses, ['proposed', 'supported', 'agreed', 'launched', 'done', 'rejected']);
  });

  it('takes the language from the front matter, else the option, else en', () => {
    assert.strictEqual(parseNotes('---\nlanguage: RU\n---\n', { language: 'en' }).language, 'ru');
    assert.strictEqual(parseNotes('text', { language: 'ru' }).language, 'ru');
    assert.strictEqual(parseNotes('text').language, 'en');
  });

  it('serialises to JSON without cycles', () => {
    const m = parseNotes('---\ntitle: T\nareas: {a: A}\n---\n# H\n[x [y]{.actor}]{.initiative #i} [i](#i)\n');
    const json = JSON.parse(JSON.stringify(m)) as { annotations: { parent?: number }[]; frontMatter: { areas: Record<string, string> } };
    assert.strictEqual(json.annotations[1].parent, 0);
    assert.deepStrictEqual(json.frontMatter.areas, { a: 'A' });
  });
});

describe('buildOutline', () => {
  it('nests sections, then initiatives, then their figures and actors', () => {
    const m = parseNotes([
      '[early]{.actor}',
      '# Economy',
      '[A plan with [$5 bn]{.figure} and [China]{.actor}]{.initiative #p} and [loose]{.figure}.',
      '## Detail',
      '[Kazakhstan]{.actor}',
    ].join('\n'));
    const outline = buildOutline(m);
    assert.deepStrictEqual(outline.map((n) => n.kind), ['actor', 'section']);
    const economy = outline[1];
    assert.deepStrictEqual(economy.children.map((n) => `${n.kind}:${n.label}`), ['initiative:A plan with $5 bn and China', 'figure:loose', 'section:Detail']);
    assert.deepStrictEqual(economy.children[0].children.map((n) => n.kind), ['figure', 'actor']);
    assert.deepStrictEqual(economy.children[2].children.map((n) => n.label), ['Kazakhstan']);
  });
});

describe('dates', () => {
  it('knows ISO dates', () => {
    assert.strictEqual(isIsoDate('2025-09-01'), true);
    assert.strictEqual(isIsoDate('2025-02-30'), false);
    assert.strictEqual(isIsoDate('01.09.2025'), false);
  });
  it('rewrites common forms as ISO', () => {
    assert.strictEqual(toIsoDate('01.09.2025'), '2025-09-01');
    assert.strictEqual(toIsoDate('2025/9/1'), '2025-09-01');
    assert.strictEqual(toIsoDate('1 September 2025'), '2025-09-01');
    assert.strictEqual(toIsoDate('September 1, 2025'), '2025-09-01');
    assert.strictEqual(toIsoDate('1 сентября 2025 г.'), '2025-09-01');
    assert.strictEqual(toIsoDate('3 марта 2024'), '2024-03-03');
    assert.strictEqual(toIsoDate('9 мая 2024 года'), '2024-05-09');
    assert.strictEqual(toIsoDate('sometime soon'), undefined);
  });
});

describe('reparseNotes', () => {
  it('gives the same model as parseNotes, reusing the previous figure readings', () => {
    const before = parseNotes('# A\n[more than $5 bn]{.figure} and [30%]{.figure}\n');
    const text = '# A\n[more than $5 bn]{.figure} and [31%]{.figure} [x]{.actor}\n';
    const again = reparseNotes(before, text);
    const fresh = parseNotes(text);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(fresh)));
    assert.strictEqual(again.figures[0].value, fresh.figures[0].value);
    assert.strictEqual(reparseNotes(undefined, text).annotations.length, 3);
  });
});
