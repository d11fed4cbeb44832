/**
 * Workspace summaries made on a second thread (node:worker_threads), so that `dossier` on a large
 * folder uses two cores: the command's own thread reads the files and summarises some of them,
 * and hands others' texts to this worker, which parses and summarises them (`summariseFile`, the
 * same pure core) and posts the summary back as a compact string (summaryCodec.ts);
 * `adoptSummary` makes the copy share the receiving thread's strings. The worker runs this very file (in the bundle: the bundle holding it), told
 * apart by its `workerData`.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { adoptSummary, parseNotes, summariseFile, type WorkspaceFile } from '../core';
import { decodeSummary, encodeSummary } from './summaryCodec';

const ROLE = 'summit-notes-summary';

interface Job {
  readonly id: number;
  readonly path: string;
  readonly text: string;
}

/** The summary as a compact string (summaryCodec.ts), or as it is when that cannot carry it. */
type Answer =
  | { readonly id: number; readonly encoded: string }
  | { readonly id: number; readonly file: WorkspaceFile }
  | { readonly id: number; readonly error: string };

interface Waiting {
  resolve(file: WorkspaceFile): void;
  reject(error: Error): void;
}

export class SummaryWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failed: Error | undefined;

  constructor() {
    this.worker = new Worker(__filename, { workerData: { role: ROLE } });
    this.worker.on('message', (answer: Answer) => {
      const w = this.waiting.get(answer.id);
      if (!w) return;
      this.waiting.delete(answer.id);
      if ('encoded' in answer) w.resolve(adoptSummary(decodeSummary(answer.encoded)));
      else if ('file' in answer) w.resolve(adoptSummary(answer.file));
      else w.reject(new Error(answer.error));
    });
    const fail = (error: Error): void => {
      this.failed ??= error;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the summary worker stopped (exit code ${code})`)));
  }

  /** Texts handed over and not answered yet. */
  get pending(): number {
    return this.waiting.size;
  }

  /** The summary of `text` (as `summariseFile(path, parseNotes(text))`), made on the worker's thread. */
  summarise(path: string, text: string): Promise<WorkspaceFile> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<WorkspaceFile>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const job: Job = { id, path, text };
      this.worker.postMessage(job);
    });
  }

  /** Stops the worker (answers still waiting are rejected). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === ROLE) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    let answer: Answer;
    try {
      const file = summariseFile(job.path, parseNotes(job.text));
      const encoded = encodeSummary(file);
      answer = encoded === undefined ? { id: job.id, file } : { id: job.id, encoded };
    } catch (e) {
      answer = { id: job.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(answer);
  });
}
