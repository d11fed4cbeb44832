// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

// The core runs in the extension host, a web worker, the CLI and plain mocha: no editor API and
// no Node built-ins may reach it.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.cache/**', '.vscode-test/**', '.shots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests (.only).' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is editor-free: pass what it needs in instead.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in a web worker: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['../*/*', '!../*/index'], message: 'Another subsystem is entered through its index.ts: import from \'../subsystem\'.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    // Outside the core, the core is entered through its doors (src/core/index.ts or a subsystem's
    // index.ts), never through a file inside a subsystem.
    files: ['src/extension/**/*.ts', 'src/cli/**/*.ts', 'src/shared/**/*.ts', 'src/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/core/*/*', '!**/core/*/index'], message: 'Enter the core through its doors: \'../core\' or \'../core/<subsystem>\'.' }],
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'test/**/*.cjs', 'eslint.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/preview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
