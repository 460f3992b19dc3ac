/**
 * One featurizing thread of the parallel copy index (copies.parallel.ts): the text engine's per-document
 * work (repair, normalization, syllables, shingles, winnowing, MinHash, share of the Resolution), which
 * is pure and most of the cost. Features go back as transferred typed arrays, in the order received.
 * At the end it also counts shared fingerprints for its share of the documents (finishParallel).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { countCandidates, createDedupeIndex, type CountInput, type DocFeatures } from '../../text/index.js';

const index = createDedupeIndex(workerData.sources as string[]);

/** The counting step of finish() for the documents from, from + step, …, over the shared arrays. */
function count(input: CountInput, from: number, step: number): Uint32Array {
  let out = new Uint32Array(1 << 16), size = 0;
  countCandidates(input, from, step, (a, b) => {
    if (size + 2 > out.length) { const grown = new Uint32Array(out.length * 2); grown.set(out); out = grown; }
    out[size++] = a; out[size++] = b;
  });
  return out.slice(0, size);
}

parentPort!.on('message', (m: { texts: string[] } | { count: CountInput; from: number; step: number }) => {
  try {
    if ('count' in m) {
      const pairs = count(m.count, m.from, m.step);
      parentPort!.postMessage({ pairs }, [pairs.buffer as ArrayBuffer]);
      return;
    }
    const features: DocFeatures[] = m.texts.map((t) => index.featurize(t));
    const transfer: ArrayBuffer[] = [];
    for (const f of features) {
      transfer.push(f.shingles.buffer as ArrayBuffer, f.fingerprints.buffer as ArrayBuffer);
      if (f.signature) transfer.push(f.signature.buffer as ArrayBuffer);
    }
    parentPort!.postMessage({ features }, [...new Set(transfer)]);
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
