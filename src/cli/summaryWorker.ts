/**
 * The second thread of `dossier` on a large folder (node:worker_threads). The two threads share
 * the folder's files without a message per file: each takes the index of the next file to do
 * from one shared counter (a SharedArrayBuffer, `Atomics.add`). The worker reads and decodes the
 * files it takes itself (the process's reader, notesFile.ts: the same checks and decoding as the
 * command's thread), parses and summarises them (`summariseFile`, the same pure core), and posts
 * their summaries back in batches, as one compact string each (summaryCodec.ts). The command's
 * thread takes the batches between its own files (`receiveMessageOnPort`: its loop never returns
 * to the event loop, its reads being synchronous) and `adoptSummary` makes each copy share that
 * thread's strings. A file the worker took and did not answer (it failed, or the codec cannot
 * carry its summary) is left to the command's thread. The worker runs this very file (in the
 * bundle: the bundle holding it), told apart by its `workerData`.
 */
import { promises as fs } from 'node:fs';
import { relative, sep } from 'node:path';
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { parseNotes, summariseFile, type WorkspaceFile } from '../core';
import { isCliError, readNotesFile, type CliIo } from './io';
import { readNotesTextFromDisk } from './notesFile';
import { SummaryBatchWriter, readSummaryBatch, type SummaryBatch } from './summaryCodec';

const ROLE = 'summit-notes-folder';

/** The worker posts its summaries when their texts reach this many characters (and once at the end). */
const BATCH_CHARS = 1 << 18;

/** What the worker is started with. */
interface Setup {
  readonly role: typeof ROLE;
  readonly dir: string;
  readonly paths: readonly string[];
  /** One Int32: the index of the next file to take, for both threads. */
  readonly next: SharedArrayBuffer;
  readonly port: MessagePort;
  /** For tests: the worker stops (an uncaught error) when it takes this many-th file, answering neither it nor its batch. */
  readonly stopAt?: number;
}

/** Some files' answers: their summaries (in the order of `indexes`) and the refusals of those that could not be read. */
interface Batch {
  readonly indexes: readonly number[];
  readonly summaries: SummaryBatch;
  readonly refused: readonly (readonly [number, string])[];
  /** The worker's last batch: every file it took is answered or left. */
  readonly last: boolean;
}

/** A path as the dossier shows it: relative to the folder, with `/`. */
export function displayPath(dir: string, path: string): string {
  const rel = relative(dir, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** What the command's thread does with the worker's answers: a file's summary, or why it could not be read. */
export interface Answers {
  summary(index: number, file: WorkspaceFile): void;
  refused(index: number, message: string): void;
}

export class SummaryWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly next: Int32Array;
  /** Settled once the worker has posted its last batch, or stopped. */
  private readonly ended: Promise<void>;
  private endNow: () => void = () => undefined;
  private over = false;
  /** Summaries the worker made and this thread took. */
  answered = 0;

  /** Starts the worker on `paths` (files under `dir`); throws when a thread cannot be started. */
  constructor(dir: string, paths: readonly string[], private readonly answers: Answers, stopAt?: number) {
    const next = new SharedArrayBuffer(4);
    this.next = new Int32Array(next);
    const channel = new MessageChannel();
    this.port = channel.port1;
    const setup: Setup = { role: ROLE, dir, paths, next, port: channel.port2, stopAt };
    this.worker = new Worker(__filename, { workerData: setup, transferList: [channel.port2] });
    this.ended = new Promise<void>((resolve) => { this.endNow = resolve; });
    // Events arrive only when this thread waits (in `finish`); a worker that fails ends the wait,
    // and its files are then done by this thread.
    this.worker.on('error', () => this.endNow());
    this.worker.on('exit', () => this.endNow());
  }

  /** The index of the next file for this thread (past the last file: none is left). */
  take(): number {
    return Atomics.add(this.next, 0, 1);
  }

  /** Takes the answers the worker has posted so far, without waiting. */
  poll(): void {
    for (let m = this.receive(); m !== undefined; m = this.receive()) this.read(m);
  }

  /** Waits until the worker has answered every file it took, or stopped; then stops it. */
  async finish(): Promise<void> {
    this.poll();
    if (!this.over) {
      this.port.on('message', (batch: Batch) => this.read(batch));
      await this.ended;
    }
    this.poll();
    await this.stop();
  }

  /** Stops the worker; answers it has not posted yet are dropped. */
  async stop(): Promise<void> {
    this.over = true;
    this.port.close();
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private receive(): Batch | undefined {
    return this.over ? undefined : (receiveMessageOnPort(this.port)?.message as Batch | undefined);
  }

  private read(batch: Batch): void {
    const files = readSummaryBatch(batch.summaries);
    for (let k = 0; k < files.length; k++) this.answers.summary(batch.indexes[k], files[k]);
    this.answered += files.length;
    for (const [index, message] of batch.refused) this.answers.refused(index, message);
    if (batch.last) {
      this.over = true;
      this.endNow();
    }
  }
}

/** The worker's reads: `readNotesFile` through the process's reader (nothing else is used). */
const diskIo: CliIo = {
  out: () => undefined,
  err: () => undefined,
  readFile: (path) => fs.readFile(path),
  readStdin: () => Promise.resolve(new Uint8Array()),
  readNotesText: readNotesTextFromDisk,
  readsDisk: true,
};

async function work(setup: Setup): Promise<void> {
  const { dir, paths, port } = setup;
  const next = new Int32Array(setup.next);
  const summaries = new SummaryBatchWriter();
  let indexes: number[] = [];
  let refused: [number, string][] = [];
  const post = (last: boolean): void => {
    const { batch, transfer } = summaries.take();
    const message: Batch = { indexes, summaries: batch, refused, last };
    port.postMessage(message, transfer);
    indexes = [];
    refused = [];
  };
  for (let taken = 1; ; taken++) {
    const i = Atomics.add(next, 0, 1);
    if (i >= paths.length) break;
    if (taken === setup.stopAt) throw new Error('the summary worker stopped (a test)');
    let text: string;
    try {
      text = await readNotesFile(diskIo, paths[i]);
    } catch (e) {
      // Anything but a refusal is left to the command's thread, which reports it as it does its own.
      if (isCliError(e)) refused.push([i, e.message]);
      continue;
    }
    let file: WorkspaceFile;
    try {
      file = summariseFile(displayPath(dir, paths[i]), parseNotes(text));
      // Its mentions made here (texts tidied, figures read), before any of it goes into the batch.
      if (file.initiatives.length + file.figures.length < 0) continue;
    } catch {
      // Left to the command's thread (which then fails the same way, as it would alone).
      continue;
    }
    summaries.add(file);
    indexes.push(i);
    if (summaries.chars >= BATCH_CHARS) post(false);
  }
  post(true);
}

if (!isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE) {
  void work(workerData as Setup);
}
