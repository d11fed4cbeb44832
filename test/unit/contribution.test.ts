/**
 * The static parts of the language contribution (package.json, language-configuration.json,
 * snippets) stay in step with each other and with the core's vocabularies.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNOTATION_KINDS, DEFAULT_STATUSES } from '../../src/core';

const root = join(__dirname, '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface Manifest {
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
  };
}
interface LanguageConfiguration {
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
  brackets: [string, string][];
  wordPattern: { pattern: string; flags: string };
}
type Snippets = Record<string, { prefix: string[]; body: string | string[] }>;

describe('language contribution', () => {
  const manifest = readJson('package.json') as Manifest;

  it('points package.json at files that exist, for the summit-notes language', () => {
    const language = manifest.contributes.languages.find((l) => l.id === 'summit-notes');
    assert.ok(language);
    assert.deepEqual(language.extensions, ['.summit.md']);
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'summit-notes');
    assert.equal(grammar?.scopeName, 'text.summit-notes');
    const snippets = manifest.contributes.snippets.find((s) => s.language === 'summit-notes');
    for (const path of [language.configuration, grammar?.path, snippets?.path]) {
      assert.ok(path && existsSync(join(root, path)), `${path} exists`);
    }
    assert.equal((readJson(grammar?.path ?? '') as { scopeName: string }).scopeName, 'text.summit-notes');
  });

  describe('language-configuration.json', () => {
    const config = readJson('language-configuration.json') as LanguageConfiguration;

    it('auto-closes and surrounds with [] {} and ""', () => {
      for (const [open, close] of [['[', ']'], ['{', '}'], ['"', '"']]) {
        assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), `auto-close ${open}${close}`);
        assert.ok(config.surroundingPairs.some(([o, c]) => o === open && c === close), `surround ${open}${close}`);
      }
      assert.ok(config.brackets.some(([o, c]) => o === '[' && c === ']'));
    });

    it('takes Cyrillic words and hyphenated ids as one word, without the # or a trailing hyphen', () => {
      const word = new RegExp(config.wordPattern.pattern, `g${config.wordPattern.flags}`);
      const words = 'Офис ШОС {#офис-шос} sco-invest-office- $650 млрд Север–Юг'.match(word);
      assert.deepEqual(words, ['Офис', 'ШОС', 'офис-шос', 'sco-invest-office', '650', 'млрд', 'Север', 'Юг']);
    });
  });

  describe('snippets', () => {
    const snippets = readJson('snippets/summit-notes.code-snippets') as Snippets;
    const body = (name: string): string => {
      const s = snippets[name];
      assert.ok(s, name);
      return Array.isArray(s.body) ? s.body.join('\n') : s.body;
    };
    const choices = (text: string): string[][] => [...text.matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((m) => m[1].split(','));

    it('has notes, initiative, figure and actor', () => {
      const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
      for (const p of ['notes', 'initiative', 'figure', 'actor']) assert.ok(prefixes.includes(p), p);
    });

    it('gives each snippet that wraps the selection one prefix, so "Surround With" lists it once', () => {
      // VS Code makes one snippet per prefix, and "Surround With" lists every one of them.
      for (const [name, s] of Object.entries(snippets)) {
        if (body(name).includes('TM_SELECTED_TEXT')) assert.equal(s.prefix.length, 1, `${name}: ${s.prefix.join(', ')}`);
      }
    });

    it('offers exactly the default statuses and the known kinds as choices', () => {
      assert.deepEqual(choices(body('Initiative')), [[...DEFAULT_STATUSES]]);
      assert.deepEqual(choices(body('Annotation of any kind')), [[...ANNOTATION_KINDS]]);
    });

    it('starts a notes file with the full front matter', () => {
      const text = body('New notes file');
      for (const key of ['summit-notes', 'title', 'summit', 'date', 'place', 'speakers', 'source', 'language', 'areas', 'statuses', 'glossary', 'tags']) {
        assert.match(text, new RegExp(`^${key}:`, 'm'), key);
      }
      assert.match(text, new RegExp(`^statuses: \\[${DEFAULT_STATUSES.join(', ')}\\]$`, 'm'));
    });
  });
});
