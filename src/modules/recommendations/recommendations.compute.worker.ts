/**
 * The computing thread of the pools (recommendations.compute.ts): extraction of recommendation sentences
 * and the clustering that gathers them, which take seconds for thousands of texts and would otherwise
 * hold the server's event loop. Runs at background priority (kernel/workers/spawn.ts).
 */
import { parentPort } from 'node:worker_threads';
import { planGathering, sentencesOfVersion } from './recommendations.plan.js';
import type { ComputeMessage } from './recommendations.compute.js';

parentPort!.on('message', (m: ComputeMessage) => {
  try {
    if (m.type === 'sentences') parentPort!.postMessage({ sentences: m.versions.map((v) => sentencesOfVersion(v.text, v.recommendations)) });
    else parentPort!.postMessage({ plan: planGathering(m.entries, m.groups) });
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
