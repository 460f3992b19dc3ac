/**
 * The copy index computed on a worker thread (copies.job.ts drives it): `start` with the Resolution's
 * texts, `add` pages of typed texts, `finish` → the flagged pairs (positions in the order added) and each
 * text's share taken from the Resolution. The index is the text engine's, fed by one featurizing thread
 * per core (copies.parallel.ts).
 */
import { parentPort } from 'node:worker_threads';
import { ParallelDedupeIndex } from './copies.parallel.js';

export type IndexMessage =
  | { type: 'start'; sources: string[] }
  | { type: 'add'; texts: string[] }
  | { type: 'finish' };

export interface IndexOutcome { pairs: Array<{ a: number; b: number; score: number }>; shares: Float64Array }

let index: ParallelDedupeIndex | null = null;

parentPort!.on('message', async (m: IndexMessage) => {
  try {
    if (m.type === 'start') { index = new ParallelDedupeIndex(m.sources); parentPort!.postMessage({ ok: true }); return; }
    if (!index) throw new Error('index not started');
    if (m.type === 'add') { await index.addPage(m.texts); parentPort!.postMessage({ ok: true }); return; }
    const pairs = (await index.finish()).map((p) => ({ a: p.a, b: p.b, score: p.score }));
    const shares = new Float64Array(index.size);
    for (let i = 0; i < shares.length; i++) shares[i] = index.sourceShare(i);
    await index.close();
    parentPort!.postMessage({ pairs, shares } satisfies IndexOutcome, [shares.buffer]);
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
