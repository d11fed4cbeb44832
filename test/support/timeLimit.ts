import { Worker } from 'worker_threads';

/**
 * Runs `source` (CommonJS, evaluated in a worker thread) with `workerData`, and resolves with the
 * first message it posts. A slow path fails the test after `limitMs` instead of hanging the suite:
 * the worker is terminated, which a stuck loop in the main thread could not be.
 */
export function runWithTimeLimit<T>(source: string, workerData: unknown, limitMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${what} took longer than ${limitMs} ms`));
    }, limitMs);
    worker.once('message', (result: T) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
