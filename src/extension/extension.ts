/**
 * The start-up shell: activation recognises notes files and loads the features (features.ts, a
 * bundle of its own) on first use.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { registerLanguageDetection } from './languageDetection';
import { LANGUAGE_ID } from './notesLanguage';
import type { TestHooks } from './testHooks';

type FeaturesModule = typeof import('./features');

/** The ids of the brief's and the dossier's webview panels (in briefPreview.ts and dossierPanel.ts, not imported: they live in the features bundle). */
const BRIEF_VIEW_TYPE = 'summitNotes.brief';
const DOSSIER_VIEW_TYPE = 'summitNotes.dossier';

/**
 * Start-up is a small shell: it recognises notes files (language detection) and loads everything
 * else — the features, their own bundle dist/features.js — on first use:
 * - a notes file is open or opens (its highlighting, outline and problems need them at once);
 * - any Summit Notes command runs (a proxy per command loads them, then runs the real one);
 * - VS Code's Markdown preview asks for the markdown-it plugin;
 * - a brief or dossier panel is being restored, or the Initiatives view lists the whole workspace.
 * So a plain Markdown file (which activates the extension too, to look for `summit-notes: 1`)
 * costs only the shell.
 */
export function activate(context: vscode.ExtensionContext): SummitNotesApi {
  const started = Date.now();
  let features: FeaturesModule | undefined;
  const proxies: vscode.Disposable[] = [];
  const waiting: vscode.Disposable[] = [];
  const load = (why: string): FeaturesModule | undefined => {
    if (features) return features;
    const t0 = Date.now();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- its own bundle, loaded on first use (scripts/build.mjs)
      const module = require('./features') as FeaturesModule;
      // The proxies give way to the real commands, which the features register.
      for (const d of proxies.splice(0)) d.dispose();
      for (const d of waiting.splice(0)) d.dispose();
      context.subscriptions.push(module.registerFeatures(context, log));
      features = module;
      log(`features loaded in ${Date.now() - t0} ms (${why})`);
    } catch (err) {
      log(`could not load the features: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
    return features;
  };

  context.subscriptions.push(registerLanguageDetection());
  const contributed = (context.extension?.packageJSON as { contributes?: { commands?: { command?: unknown }[] } } | undefined)
    ?.contributes?.commands ?? [];
  const ids = contributed.map((c) => c.command)
    .filter((id): id is string => typeof id === 'string' && id !== 'summitNotes.treatAsNotes');
  for (const id of new Set(ids)) {
    proxies.push(vscode.commands.registerCommand(id, (...args: unknown[]) => {
      // Loaded, the real command has replaced this proxy; not loaded, running `id` again would loop.
      if (!load(`command ${id}`)) {
        void vscode.window.showErrorMessage('Summit Notes could not start its features; see Output → Summit Notes.');
        return undefined;
      }
      return vscode.commands.executeCommand(id, ...args);
    }));
  }
  const isNotes = (doc: vscode.TextDocument): boolean => doc.languageId === LANGUAGE_ID;
  waiting.push(vscode.workspace.onDidOpenTextDocument((doc) => {
    if (isNotes(doc)) load('a notes file opened');
  }));
  context.subscriptions.push({ dispose: () => { for (const d of [...proxies, ...waiting]) d.dispose(); } });

  // What needs the features right away, loaded just after activation returns.
  const needed = vscode.workspace.textDocuments.some(isNotes) ? 'a notes file is open'
    : webviewTabOpen() ? 'a brief or the dossier is being restored'
      : vscode.workspace.getConfiguration('summitNotes').get<string>('tree.scope') === 'workspace' ? 'the Initiatives view lists the workspace'
        : undefined;
  if (needed) {
    const timer = setTimeout(() => load(needed), 0);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  log(`activated in ${Date.now() - started} ms`);
  return {
    extendMarkdownIt: (md) => load('the Markdown preview')?.extendMarkdownIt(md) ?? md,
    testHooks: {
      call: (name, ...args) => {
        const loaded = load(`test hook ${name}`);
        if (!loaded) throw new Error('Summit Notes could not start its features');
        return loaded.testHooks.call(name, ...args);
      },
    },
  };
}

/** Whether a brief or dossier panel is open (restored after a reload, waiting for its serializer). */
function webviewTabOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) =>
    tab.input instanceof vscode.TabInputWebview && (tab.input.viewType.endsWith(BRIEF_VIEW_TYPE) || tab.input.viewType.endsWith(DOSSIER_VIEW_TYPE))));
}

/**
 * What `activate` returns. VS Code's built-in Markdown preview calls `extendMarkdownIt`
 * (`markdown.markdownItPlugins` in package.json) so plain Markdown previews show annotations too.
 */
export interface SummitNotesApi {
  extendMarkdownIt(md: MarkdownIt.MarkdownIt): MarkdownIt.MarkdownIt;
  /** For the integration tests: what they read of the extension's state (testHooks.ts); loads the features first. */
  readonly testHooks: Pick<TestHooks, 'call'>;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

let channel: vscode.LogOutputChannel | undefined;
/** The extension's log (Output → Summit Notes). */
export function log(message: string): void {
  channel ??= vscode.window.createOutputChannel('Summit Notes', { log: true });
  channel.info(message);
}
