/**
 * Summit Notes core: pure TypeScript (no `vscode`, no Node built-ins) that runs in the extension
 * host, a web worker, the CLI and plain mocha. It is six subsystems, each entered only through its
 * own index.ts; this file is the door for everything outside src/core/. Imports run one way:
 *
 *   text ← figures ← model ← detect ← article
 *                          ← editor
 *                          ← brief
 *              text, figures, model, brief ← dossier (across files)
 */
export * from './text';
export * from './figures';
export * from './model';
export * from './detect';
export * from './article';
export * from './brief';
export * from './editor';
export * from './dossier';
