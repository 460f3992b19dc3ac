/**
 * Work that would hold the server's event loop for seconds or minutes (the copy index of a province's
 * reflections) runs on a worker thread: requests keep being answered while it computes.
 */
import { Worker } from 'node:worker_threads';

const BOOT = new URL('./boot.mjs', import.meta.url);

/** Starts `entry` (a module URL, usually `new URL('./x.worker.ts', import.meta.url)`) on a worker thread. */
export function startWorker(entry: URL, data: Record<string, unknown> = {}, options: { maxOldGenerationSizeMb?: number } = {}): Worker {
  return new Worker(BOOT, {
    workerData: { ...data, entry: entry.href },
    resourceLimits: options.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } : undefined,
  });
}

/** Sends a message and waits for the worker's next message (or its error / unexpected exit). */
export function request<T>(worker: Worker, message: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanup = () => { worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit); };
    const onMessage = (m: T | { error: string }) => {
      cleanup();
      if (m && typeof m === 'object' && 'error' in m) reject(new Error((m as { error: string }).error));
      else resolve(m as T);
    };
    const onError = (err: Error) => { cleanup(); reject(err); };
    const onExit = (code: number) => { cleanup(); reject(new Error(`worker exited with code ${code}`)); };
    worker.on('message', onMessage); worker.on('error', onError); worker.on('exit', onExit);
    worker.postMessage(message, transfer);
  });
}
