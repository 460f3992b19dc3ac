/**
 * The text engine's dedupe index fed by several threads: each page of texts is cut into one slice per
 * featurizing worker (copies.featurize.worker.ts), the features come back in order and are added to one
 * index; finish() has the same threads count shared fingerprints (its costliest step) over shared
 * memory, each for every k-th document. Featurizing and counting are ~85% of a province's run and scale
 * with the cores; the pairs are exactly those of the single-threaded index.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { request, startWorker } from '../../kernel/workers/spawn.js';
import { createDedupeIndex, type DedupeIndex, type DocFeatures, type IndexPair } from '../../text/index.js';

export class ParallelDedupeIndex {
  private readonly index: DedupeIndex;
  private readonly workers: Worker[];

  constructor(sources: string[], threads = Math.max(1, os.availableParallelism())) {
    this.index = createDedupeIndex(sources);
    this.workers = Array.from({ length: threads }, () => startWorker(new URL('./copies.featurize.worker.ts', import.meta.url), { sources }));
  }

  get size(): number { return this.index.size; }

  /** Featurizes a page across the workers and adds it, in order. */
  async addPage(texts: string[]): Promise<void> {
    if (texts.length === 0) return;
    const per = Math.ceil(texts.length / this.workers.length);
    const slices = this.workers.map((w, i) => texts.slice(i * per, (i + 1) * per)).filter((s) => s.length > 0);
    const results = await Promise.all(slices.map((slice, i) => request<{ features: DocFeatures[] }>(this.workers[i], { texts: slice })));
    for (const r of results) for (const f of r.features) this.index.addFeatures(f);
  }

  /** finish() with the fingerprint counting split across the same threads (shared memory, no copies). */
  finish(): Promise<IndexPair[]> {
    const k = this.workers.length;
    return this.index.finishParallel((input) => Promise.all(this.workers.map((w, i) =>
      request<{ pairs: Uint32Array }>(w, { count: input, from: i, step: k }).then((r) => r.pairs))));
  }
  sourceShare(doc: number): number { return this.index.sourceShare(doc); }
  get stats() { return this.index.stats; }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
