import type { Db } from '../kernel/db/client.js';
import { startJobWorker, type JobWorker, type WorkerOptions } from '../kernel/jobs/worker.js';
import { copyJobHandlers } from '../modules/copies/index.js';
import { recommendationJobHandlers } from '../modules/recommendations/index.js';

/**
 * The server's background jobs: the copy index and the recommendation pools of typed reflections. Both
 * wait while the server is busy (a deadline rush) — members' receipts first, the officers' lists a few
 * minutes later — and their computing threads run at the lowest CPU priority (kernel/workers/spawn.ts).
 */
export function startBackgroundJobs(db: Db, options: Pick<WorkerOptions, 'onError'> = {}): JobWorker {
  const handlers = { ...copyJobHandlers, ...recommendationJobHandlers };
  return startJobWorker(db, handlers, { intervalMs: 5000, deferWhenBusy: { kinds: Object.keys(handlers) }, ...options });
}
