/**
 * Work that would hold the server's event loop for seconds or minutes (the copy index of a province's
 * reflections) runs on a worker thread: requests keep being answered while it computes.
 */
import { Worker } from 'node:worker_threads';

const BOOT = new URL('./boot.mjs', import.meta.url);

/** The nice value of a background thread: on a shared core the scheduler gives it what requests leave. */
export const BACKGROUND_NICE = 19;

/**
 * Starts `entry` (a module URL, usually `new URL('./x.worker.ts', import.meta.url)`) on a worker thread.
 * The thread runs at the lowest CPU priority unless `priority: 'normal'`: it computes for minutes on the
 * two cores that also answer members' submissions and PostgreSQL's queries, which must come first.
 */
export function startWorker(entry: URL, data: Record<string, unknown> = {}, options: { maxOldGenerationSizeMb?: number; priority?: 'background' | 'normal' } = {}): Worker {
  return new Worker(BOOT, {
    workerData: { ...data, entry: entry.href, nice: options.priority === 'normal' ? null : BACKGROUND_NICE },
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
