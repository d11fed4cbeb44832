/**
 * Loads the TextMate grammar with vscode-textmate + vscode-oniguruma, as VS Code does: used by
 * the grammar snapshot tests and the grammar benchmark, so both tokenize with the same setup.
 *
 * Any scope other than ours gets the grammar at `embedded[scope]` when one is given (VS Code's
 * Markdown grammar in the benchmark), else an empty one: vscode-textmate drops a rule whose
 * include it cannot resolve at all, which would hide the front matter rule.
 */
import { readFileSync } from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const ROOT_SCOPE = 'text.summit-notes';

let onig: Promise<textmate.IOnigLib> | undefined;

/** The oniguruma WASM, loaded once per process (loadWASM may not be called twice). */
export function onigLib(): Promise<textmate.IOnigLib> {
  onig ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onig;
}

/** A fresh registry's grammar for `path` (root scope {@link ROOT_SCOPE}); throws when it does not load. */
export async function loadGrammar(path: string, embedded: Readonly<Record<string, string>> = {}): Promise<textmate.IGrammar> {
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = scopeName === ROOT_SCOPE ? path : embedded[scopeName];
      return file
        ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file)
        : textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`);
    },
  });
  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (!grammar) throw new Error(`${path}: the grammar does not load`);
  return grammar;
}
