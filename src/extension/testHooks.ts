/**
 * What the integration tests read of the extension's state (what the status bar shows, the tree's
 * snapshot, the painted decorations, the brief's rendered version): named hooks offered through
 * the API `activate` returns, never as commands, so neither the command list nor the palette of a
 * user holds them. Features add a hook with `testHooks.provide` and dispose it with themselves.
 */
import * as vscode from 'vscode';

type Hook = (...args: never[]) => unknown;

export class TestHooks {
  private readonly hooks = new Map<string, Hook>();

  /** Offers `hook` under `name` until the returned Disposable is disposed. */
  provide(name: string, hook: Hook): vscode.Disposable {
    this.hooks.set(name, hook);
    return new vscode.Disposable(() => {
      if (this.hooks.get(name) === hook) this.hooks.delete(name);
    });
  }

  /** Runs the hook `name` (the test's side of `provide`). */
  call(name: string, ...args: unknown[]): unknown {
    const hook = this.hooks.get(name) as ((...a: unknown[]) => unknown) | undefined;
    if (!hook) throw new Error(`No test hook named ${name}`);
    return hook(...args);
  }
}

/** The extension's one set of hooks; module-level because features register from many files. */
export const testHooks = new TestHooks();
