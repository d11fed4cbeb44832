/**
 * Every word the extension shows has a Russian entry, and no entry is left over: the `%key%`
 * placeholders of package.json against package.nls.json and package.nls.ru.json, and the
 * `vscode.l10n.t('…')` messages of src/extension against l10n/bundle.l10n.ru.json.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const readJson = (path: string): Record<string, unknown> => JSON.parse(read(path)) as Record<string, unknown>;

/** Every `%key%` string value in package.json. */
export function manifestKeys(manifest: unknown): Set<string> {
  const keys = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      if (m) keys.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(manifest);
  return keys;
}

/** A JavaScript string literal's value (the escapes a message can hold). */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The messages of every `l10n.t(…)` call in `source`; throws on a call whose message is not a plain string literal. */
export function l10nMessages(source: string, file: string): string[] {
  const out: string[] = [];
  const call = /\bl10n\.t\(\s*/g;
  for (let m = call.exec(source); m; m = call.exec(source)) {
    const rest = source.slice(call.lastIndex);
    const literal = /^(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)/.exec(rest);
    if (!literal) throw new Error(`${file}: l10n.t must be called with a string literal: ${rest.slice(0, 60)}`);
    out.push(unquote(literal[0]));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

describe('UI translations (VS Code l10n)', () => {
  const manifest = readJson('package.json');
  const nls = readJson('package.nls.json');
  const nlsRu = readJson('package.nls.ru.json');
  const bundleRu = readJson('l10n/bundle.l10n.ru.json');

  it('package.json names its l10n folder', () => {
    assert.equal(manifest.l10n, './l10n');
  });

  it('every %key% of package.json has an English and a Russian entry, and neither file has unused keys', () => {
    const used = manifestKeys(manifest);
    assert.ok(used.size > 40, `only ${used.size} placeholders`);
    assert.deepEqual([...used].filter((k) => !(k in nls)), [], 'missing in package.nls.json');
    assert.deepEqual([...used].filter((k) => !(k in nlsRu)), [], 'missing in package.nls.ru.json');
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'unused in package.nls.json');
    assert.deepEqual(Object.keys(nlsRu).filter((k) => !used.has(k)), [], 'unused in package.nls.ru.json');
  });

  it('contributed titles, descriptions, view names and walkthrough texts are placeholders, not English', () => {
    const contributes = manifest.contributes as Record<string, unknown>;
    const literal: string[] = [];
    const check = (where: string, value: unknown): void => {
      if (typeof value === 'string' && !/^%[^%\s]+%$/.test(value)) literal.push(`${where}: ${value}`);
    };
    for (const c of contributes.commands as Record<string, unknown>[]) { check(`${String(c.command)}.title`, c.title); check(`${String(c.command)}.category`, c.category); }
    const config = contributes.configuration as { title: unknown; properties: Record<string, Record<string, unknown>> };
    check('configuration.title', config.title);
    for (const [name, p] of Object.entries(config.properties)) {
      check(name, p.description);
      check(name, p.markdownDescription);
      for (const d of (p.enumDescriptions as unknown[] | undefined) ?? []) check(name, d);
    }
    for (const views of Object.values(contributes.views as Record<string, Record<string, unknown>[]>)) for (const v of views) check(String(v.id), v.name);
    for (const w of contributes.viewsWelcome as Record<string, unknown>[]) check('viewsWelcome', w.contents);
    for (const c of contributes.colors as Record<string, unknown>[]) check(String(c.id), c.description);
    for (const w of contributes.walkthroughs as Record<string, unknown>[]) {
      check(String(w.id), w.title);
      check(String(w.id), w.description);
      for (const s of w.steps as Record<string, unknown>[]) { check(String(s.id), s.title); check(String(s.id), s.description); }
    }
    assert.deepEqual(literal, []);
  });

  it('every vscode.l10n.t message of the extension has a Russian entry, and the bundle has no unused ones', () => {
    const used = new Set(sourceFiles('src/extension').flatMap((f) => l10nMessages(read(f), f)));
    assert.ok(used.size > 40, `only ${used.size} messages`);
    assert.deepEqual([...used].filter((k) => !(k in bundleRu)), [], 'missing in l10n/bundle.l10n.ru.json');
    assert.deepEqual(Object.keys(bundleRu).filter((k) => !used.has(k)), [], 'unused in l10n/bundle.l10n.ru.json');
  });

  it('Russian entries are Russian and keep their placeholders', () => {
    const pairs: [string, string, unknown][] = [
      ...Object.entries(nls).map(([k, en]): [string, string, unknown] => [k, String(en), nlsRu[k]]),
      ...Object.keys(bundleRu).map((en): [string, string, unknown] => [en, en, bundleRu[en]]),
    ];
    for (const [key, en, ru] of pairs) {
      assert.equal(typeof ru, 'string', key);
      const text = ru as string;
      assert.ok(/[а-яё]/i.test(text) || !/[a-z]{3}/i.test(en.replace(/`[^`]*`|\{\d+\}|\$\([^)]*\)|\([^)]*\)|Summit Notes|[A-Za-z]+(\.[A-Za-z]+)+|\b(HTML|JSON|CSV|Markdown|YAML|MB)\b/g, '')), `${key}: not Russian: ${text}`);
      const placeholders = (s: string): string[] => (s.match(/\{\d+\}|\$\([a-z-]+\)|command:[\w.]+/g) ?? []).sort();
      assert.deepEqual(placeholders(text), placeholders(en), `${key}: placeholders differ`);
    }
  });

  it('reads messages from calls and refuses a call without a literal', () => {
    assert.deepEqual(l10nMessages("vscode.l10n.t('It\\'s {0}', x); l10n.t(\"b\")", 'x.ts'), ["It's {0}", 'b']);
    assert.throws(() => l10nMessages('vscode.l10n.t(message)', 'x.ts'), /string literal/);
  });
});
