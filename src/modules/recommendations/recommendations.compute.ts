/**
 * Where the pools' computing runs. Extraction costs ~2.5 ms of CPU per typed reflection and gathering
 * grows with the square of a pool's new sentences (5,000 alike: ~25 s), so a page of texts or a large
 * pool goes to a thread of its own at background priority while requests keep being answered; a few
 * texts or a small pool are computed in place (starting the thread costs more than they do).
 */
import type { Worker } from 'node:worker_threads';
import { request, startWorker } from '../../kernel/workers/spawn.js';
import { planGathering, sentencesOfVersion, type GatheringPlan } from './recommendations.plan.js';

/** Up to this many versions are read in place (~50 ms). */
const INLINE_VERSIONS = 20;
/** Up to this many texts (new entries + existing groups) are clustered in place (~20 ms). */
const INLINE_TEXTS = 300;

export type ComputeMessage =
  | { type: 'sentences'; versions: Array<{ text: string | null; recommendations: string | null }> }
  | { type: 'plan'; entries: Array<{ id: string; text: string }>; groups: Array<{ id: string; title: string; count: number }> };

export interface PoolCompute {
  sentences(versions: Array<{ text: string | null; recommendations: string | null }>): Promise<string[][]>;
  plan(entries: Array<{ id: string; text: string }>, groups: Array<{ id: string; title: string; count: number }>): Promise<GatheringPlan>;
  /** Ends the thread, if one was started. */
  close(): Promise<void>;
}

export interface PoolComputeOptions {
  inlineVersions?: number;
  inlineTexts?: number;
  /** 'normal' for an officer's own request; the background job's thread yields to requests. */
  priority?: 'background' | 'normal';
  /** Ends the thread (its pending computation fails) when the job is stopped. */
  signal?: AbortSignal;
}

/** A computing context for one run (a job, a "gather now"): its thread starts at the first large input. */
export function poolCompute(options: PoolComputeOptions = {}): PoolCompute {
  const inlineVersions = options.inlineVersions ?? INLINE_VERSIONS;
  const inlineTexts = options.inlineTexts ?? INLINE_TEXTS;
  let worker: Worker | null = null;
  const stop = () => { void worker?.terminate(); };
  options.signal?.addEventListener('abort', stop, { once: true });
  const thread = () => {
    options.signal?.throwIfAborted();
    return (worker ??= startWorker(new URL('./recommendations.compute.worker.ts', import.meta.url), {}, { priority: options.priority ?? 'background' }));
  };
  return {
    async sentences(versions) {
      if (versions.length <= inlineVersions) return versions.map((v) => sentencesOfVersion(v.text, v.recommendations));
      return (await request<{ sentences: string[][] }>(thread(), { type: 'sentences', versions } satisfies ComputeMessage)).sentences;
    },
    async plan(entries, groups) {
      if (entries.length + groups.length <= inlineTexts) return planGathering(entries, groups);
      return (await request<{ plan: GatheringPlan }>(thread(), { type: 'plan', entries, groups } satisfies ComputeMessage)).plan;
    },
    async close() {
      options.signal?.removeEventListener('abort', stop);
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}

/** Runs `fn` with a computing context, and ends its thread afterwards whatever happens. */
export async function withPoolCompute<T>(options: PoolComputeOptions, fn: (compute: PoolCompute) => Promise<T>): Promise<T> {
  const compute = poolCompute(options);
  try {
    return await fn(compute);
  } finally {
    await compute.close();
  }
}
