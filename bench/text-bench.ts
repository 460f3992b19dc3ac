/**
 * The text engine's dedupe at province scale, the way the server runs it (copies.parallel.ts: one
 * featurizing thread per core feeding one index): generated reflections with planted copies
 * (src/text/testing/dedupe-bench.ts), streamed a page at a time — generation is not timed — against an
 * exact-hash baseline in the same run, with precision/recall on the planted set and what was missed.
 */
import { ParallelDedupeIndex } from '../src/modules/copies/copies.parallel.js';
import { repairEncoding } from '../src/text/encoding.js';
import { hashRange } from '../src/text/hash.js';
import { syllableStream } from '../src/text/tokenize.js';
import { benchDoc, quality } from '../src/text/testing/dedupe-bench.js';
import { RESOLUTION_TEXT } from '../src/text/testing/essays.js';

const PAGE = 2000;

export async function runParallelDedupeBench(docs: number, seed = 1) {
  const index = new ParallelDedupeIndex([RESOLUTION_TEXT]);
  const family = new Int32Array(docs);
  const kinds: string[] = [];
  const exact = new Map<number, number[]>();
  let dedupeMs = 0, baselineMs = 0, chars = 0;
  let sampled = 0;
  try {
    for (let start = 0; start < docs; start += PAGE) {
      const texts: string[] = [];
      for (let i = start; i < Math.min(docs, start + PAGE); i++) {
        const doc = benchDoc(i, seed);
        family[i] = doc.family; kinds.push(doc.kind); chars += doc.text.length;
        texts.push(doc.text);
      }
      let t = performance.now();
      await index.addPage(texts);
      dedupeMs += performance.now() - t;
      t = performance.now();
      texts.forEach((text, k) => {
        const stream = syllableStream(repairEncoding(text));
        const key = hashRange(stream.hashes, 0, stream.count) * 2 ** 21 + (stream.count % 2 ** 21);
        const group = exact.get(key);
        if (group) group.push(start + k); else exact.set(key, [start + k]);
      });
      baselineMs += performance.now() - t;
      sampled = Math.max(sampled, process.memoryUsage().rss);
    }
    let t = performance.now();
    const flagged = await index.finish();
    dedupeMs += performance.now() - t;
    t = performance.now();
    const baselinePairs: [number, number][] = [];
    for (const group of exact.values()) for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) baselinePairs.push([group[x], group[y]]);
    baselineMs += performance.now() - t;
    const q = quality(flagged.map((p) => [p.a, p.b]), docs, kinds, family);
    const b = quality(baselinePairs, docs, kinds, family);
    return {
      documents: docs, averageChars: Math.round(chars / docs), plantedCopies: family.reduce((n, f, i) => n + (f >= 0 && f !== i ? 1 : 0), 0),
      dedupeSeconds: +(dedupeMs / 1000).toFixed(1), docsPerSecond: Math.round(docs / (dedupeMs / 1000)),
      recall: +q.recall.toFixed(4), precision: +q.precision.toFixed(4), flagged: q.flagged, missedByKind: JSON.stringify(q.missedByKind),
      baselineRecall: +b.recall.toFixed(4), baselinePrecision: +b.precision.toFixed(4), baselineSeconds: +(baselineMs / 1000).toFixed(1),
      finishStats: JSON.stringify(index.stats),
    };
  } finally {
    await index.close();
  }
}
