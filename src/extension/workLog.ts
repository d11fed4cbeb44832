/**
 * A log of the extension's work on the extension host (which feature, how long), for the
 * integration test that checks typing stays responsive.
 */
import * as vscode from 'vscode';
import { testHooks } from './testHooks';

/** One piece of our work on the extension host: which feature, how long, when it ended. */
export interface WorkEntry {
  readonly what: string;
  readonly ms: number;
  /** `performance.now()` when it ended. */
  readonly at: number;
}

/** Pieces shorter than this are not kept: the log is for what holds the extension host up. */
const MIN_MS = 0.5;
const CAPACITY = 2000;

/**
 * How long each feature's work took on the extension host (providers, timers after an edit):
 * the extension host runs one thing at a time, so a slow piece delays every change event and
 * request behind it, also other extensions'. Read by the integration test that types into a
 * 1 MB file; pieces over 100 ms on a large file also go to the Summit Notes log.
 */
class WorkLog {
  private readonly entries: WorkEntry[] = [];
  private next = 0;

  add(what: string, ms: number): void {
    if (ms < MIN_MS) return;
    const entry = { what, ms, at: performance.now() };
    if (this.entries.length < CAPACITY) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % CAPACITY;
  }

  /** Entries that ended after `since` (`performance.now()` time), oldest first. */
  since(since: number): WorkEntry[] {
    const ordered = this.entries.length < CAPACITY ? this.entries : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.filter((e) => e.at > since);
  }
}

export const workLog = new WorkLog();

/** Time spent in `timed` calls nested inside the current one (subtracted from it). */
let nestedMs = 0;

/**
 * Runs `body`, noting its own time under `what`: time spent in `timed` calls inside it (the
 * model, asked for by the first feature that needs it) is noted under their own names instead.
 */
export function timed<T>(what: string, body: () => T): T {
  const t0 = performance.now();
  const outer = nestedMs;
  nestedMs = 0;
  try {
    return body();
  } finally {
    const total = performance.now() - t0;
    workLog.add(what, total - nestedMs);
    nestedMs = outer + total;
  }
}

/** The test hook the integration test reads the log with. */
export function registerWorkLog(): vscode.Disposable {
  return testHooks.provide('workLog', (since?: number) => workLog.since(since ?? 0));
}
