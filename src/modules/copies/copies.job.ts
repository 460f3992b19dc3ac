/**
 * The copy-index job of one campaign: every current typed text (text and recommendations of the
 * current version; typed parts of scanned reflections included) against each other and against the
 * Resolution's documents, with the text engine's dedupe index.
 *
 * Reads in pages outside any transaction, computes on a worker thread (copies.index.worker.ts) so the
 * server's event loop keeps answering requests for the minutes a province takes, then replaces the
 * campaign's pairs, source shares and run in one short transaction. Memory: the index keeps ~3 KB of
 * typed arrays per text (no text), so 500,000 reflections take about 1.5 GB in the worker; the ids kept
 * here add ~150 MB.
 */
import type { Db } from '../../kernel/db/client.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { JobHandlers } from '../../kernel/jobs/worker.js';
import { request, startWorker } from '../../kernel/workers/spawn.js';
import type { IndexMessage, IndexOutcome } from './copies.index.worker.js';
import { resolutionTextsOfCampaign } from '../campaigns/index.js';
import * as repo from './copies.repository.js';

export const COPY_INDEX_JOB = 'copy-index';
const PAGE = 1000;

export interface IndexResult { documents: number; pairs: number; seconds: number }

export async function rebuildCopyIndex(db: Db, tenantId: string, campaignId: string, signal?: AbortSignal): Promise<IndexResult> {
  const started = performance.now();
  const sources = (await resolutionTextsOfCampaign(db, tenantId, campaignId)).map((d) => d.body);
  const worker = startWorker(new URL('./copies.index.worker.ts', import.meta.url), {}, { maxOldGenerationSizeMb: 3072 });
  const stop = () => { void worker.terminate(); };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const send = <T>(m: IndexMessage) => request<T>(worker, m);
    await send({ type: 'start', sources });
    const docs: Array<{ reflectionId: string; versionId: string; branchId: string }> = [];
    for (let after: string | null = null; ;) {
      const page = await repo.typedTextsPage(db, tenantId, campaignId, after, PAGE);
      // The next page is read while the worker indexes this one.
      const added = send({ type: 'add', texts: page.map((row) => row.text) });
      for (const row of page) docs.push({ reflectionId: row.reflectionId, versionId: row.versionId, branchId: row.branchId });
      await added;
      signal?.throwIfAborted();
      if (page.length < PAGE) break;
      after = page[page.length - 1].memberId;
    }
    const outcome = await send<IndexOutcome>({ type: 'finish' });
    const pairs: repo.PairRow[] = outcome.pairs.map((p) => {
      const [x, y] = docs[p.a].reflectionId < docs[p.b].reflectionId ? [docs[p.a], docs[p.b]] : [docs[p.b], docs[p.a]];
      return { a: x.reflectionId, b: y.reflectionId, branchA: x.branchId, branchB: y.branchId, score: Math.round(p.score * 10000) / 10000 };
    });
    const shares: repo.ShareRow[] = docs.map((d, i) => ({ ...d, share: Math.round(outcome.shares[i] * 10000) / 10000 }));
    const run = { documents: docs.length, pairs: pairs.length, seconds: Math.round(performance.now() - started) / 1000 };
    signal?.throwIfAborted();
    await db.transaction(async (tx) => {
      await repo.replaceIndex(tx, tenantId, campaignId, { pairs, shares, run });
      await recordAudit(tx, null, tenantId, { action: 'copies.index', entityType: 'campaign', entityId: campaignId, after: run });
    });
    return { ...run, seconds: Math.round(performance.now() - started) / 1000 };
  } finally {
    signal?.removeEventListener('abort', stop);
    await worker.terminate();
  }
}

/** The worker's handlers of this module (src/server/background.ts registers them). */
export const copyJobHandlers: JobHandlers = {
  [COPY_INDEX_JOB]: async (job, { db, signal }) => {
    await rebuildCopyIndex(db, job.tenantId, String(job.payload.campaignId ?? job.key), signal);
  },
};
