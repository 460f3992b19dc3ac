/**
 * The worker loop: every `intervalMs` it takes due jobs of the registered kinds one at a time and runs
 * their handler, until none is due. Handlers get the job and an AbortSignal that fires on stop();
 * they must not hold a transaction while they compute (PGlite has one connection: an open
 * transaction makes every request wait). A long job's lock is refreshed while it runs, so only a
 * job whose process died looks stale and is queued again.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/client.js';
import { claim, complete, DEFAULT_RETRY, fail, heartbeat, purgeDone, release, requeueStale, type Job, type RetryPolicy } from './queue.js';

export interface JobContext {
  db: Db;
  /** Fires when the worker stops: a handler that checks it may give up early (the job is queued again). */
  signal: AbortSignal;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

/** Handlers by job kind: the worker claims only the kinds it has a handler for. */
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions {
  intervalMs?: number;
  /** A running job whose lock is older than this is taken for abandoned (default 15 minutes). */
  staleAfterMs?: number;
  retry?: RetryPolicy;
  /** Errors of the loop itself and failed jobs (default: console.error). */
  onError?: (err: unknown, job?: Job) => void;
  /**
   * Kinds that wait while the server is busy (a deadline rush): the copy index and the recommendation
   * pools can be a few minutes late, a member's receipt cannot. They wait at most `maxDeferMs` (default
   * 10 minutes) in a row, so a rush of hours still sees them run.
   */
  deferWhenBusy?: { kinds: string[]; maxDeferMs?: number; load?: LoadProbe };
}

/** Tells whether the server was busy since the last `reset` (the end of the worker's last round). */
export interface LoadProbe { busy(): boolean; reset(): void }

/**
 * This thread's event loop was busy more than `threshold` of the time since `reset`: requests are being
 * served at a rate that leaves little room for background work (at 100 submissions a second the server's
 * loop is busy ~57% of the time, at 50 a second about 30%; idle, under 5%).
 */
export function eventLoopLoad(threshold = 0.3): LoadProbe {
  let since = performance.eventLoopUtilization();
  return {
    busy: () => performance.eventLoopUtilization(performance.eventLoopUtilization(), since).utilization > threshold,
    reset: () => { since = performance.eventLoopUtilization(); },
  };
}

export interface JobWorker {
  /** Runs due jobs now until none is left; resolves with how many ran. */
  drain(): Promise<number>;
  /** Stops taking jobs, aborts the running one and waits for it (at most `waitMs`). */
  stop(waitMs?: number): Promise<void>;
}

export function startJobWorker(db: Db, handlers: JobHandlers, options: WorkerOptions = {}): JobWorker {
  const intervalMs = options.intervalMs ?? 2000;
  const staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
  const retry = options.retry ?? DEFAULT_RETRY;
  const onError = options.onError ?? ((err, job) => console.error(job ? `Công việc nền ${job.kind} (${job.key}) lỗi:` : 'Lỗi vòng xử lý công việc nền:', err));
  const kinds = Object.keys(handlers);
  const controller = new AbortController();
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastStaleCheck = 0;
  const deferrable = new Set(options.deferWhenBusy?.kinds ?? []);
  const maxDeferMs = options.deferWhenBusy?.maxDeferMs ?? 10 * 60_000;
  const load = options.deferWhenBusy?.load ?? eventLoopLoad();
  let deferringSince: number | null = null;

  /** The kinds to take now: all, or, while the server is busy and not for too long, the urgent ones. */
  function kindsNow(): string[] {
    if (deferrable.size === 0) return kinds;
    if (!load.busy()) { deferringSince = null; return kinds; }
    deferringSince ??= Date.now();
    if (Date.now() - deferringSince >= maxDeferMs) { deferringSince = null; return kinds; }
    return kinds.filter((k) => !deferrable.has(k));
  }

  async function runOne(job: Job): Promise<void> {
    const beat = setInterval(() => { heartbeat(db, job).catch(() => undefined); }, Math.max(1000, staleAfterMs / 3));
    beat.unref();
    try {
      await handlers[job.kind](job, { db, signal: controller.signal });
      await complete(db, job);
    } catch (err) {
      if (controller.signal.aborted) { await release(db, job).catch(() => undefined); return; }
      onError(err, job);
      await fail(db, job, err, retry);
    } finally {
      clearInterval(beat);
    }
  }

  async function loop(): Promise<number> {
    let ran = 0;
    if (Date.now() - lastStaleCheck > Math.min(60_000, staleAfterMs)) {
      lastStaleCheck = Date.now();
      await requeueStale(db, staleAfterMs, retry);
      await purgeDone(db);
    }
    // Judged once per round, on the time since the last round ended: the jobs' own work is not load.
    // (A round begun just before a rush finishes its jobs; only this thread's loop is watched, not
    // PostgreSQL or the disk — their heavy computing runs at the lowest priority anyway.)
    const takeable = kindsNow();
    try {
      while (!stopped) {
        const job = await claim(db, takeable);
        if (!job) break;
        await runOne(job);
        ran++;
      }
    } finally {
      load.reset();
    }
    return ran;
  }

  function drain(): Promise<number> {
    if (running) return running.then(() => drain());
    running = loop().finally(() => { running = null; });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      drain().catch((err) => onError(err)).finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  schedule();
  return {
    drain,
    async stop(waitMs = 10_000) {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller.abort();
      if (running) await Promise.race([running.catch(() => 0), new Promise((r) => setTimeout(r, waitMs).unref())]);
    },
  };
}
