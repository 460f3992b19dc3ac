/**
 * Dedupe benchmark on generated essays, streamed (never all in memory): in every block of 100
 * documents, one original, its 12 planted copies (DEFAULT_PLANTS: every re-typing alone and combined)
 * and 87 independent essays on the same topic. Measures throughput (generation excluded), the
 * precision/recall of the flagged pairs, and the same for an exact-hash baseline (hash of the
 * repaired, accent-folded syllables: catches re-encodings, not edits, shuffles or partial copies).
 */
import { createDedupeIndex } from '../dedupe.js';
import { repairEncoding } from '../encoding.js';
import { hashRange } from '../hash.js';
import { syllableStream } from '../tokenize.js';
import { generateEssay, RESOLUTION_TEXT, Rng } from './essays.js';
import { DEFAULT_PLANTS, makeCopy } from './planted.js';

export interface BenchOptions { docs: number; seed: number }

const BLOCK = 100;
const PLANTS = DEFAULT_PLANTS.length;

/** Document i of the benchmark corpus and its family (original index, or −1 for an independent essay). */
export function benchDoc(i: number, seed: number): { text: string; family: number; kind: string } {
  const block = Math.floor(i / BLOCK), pos = i % BLOCK;
  if (pos > PLANTS) return { text: generateEssay(seed * 1_000_003 + i).text, family: -1, kind: 'independent' };
  const original = generateEssay(seed * 7919 + block);
  if (pos === 0) return { text: original.text, family: block * BLOCK, kind: 'original' };
  const plant = DEFAULT_PLANTS[pos - 1];
  return { text: makeCopy(original, plant, new Rng(seed + i)), family: block * BLOCK, kind: Array.isArray(plant) ? plant.join('+') : plant };
}

interface Quality { flagged: number; recall: number; precision: number; missedByKind: Record<string, number> }

export function quality(pairs: [number, number][], docs: number, kinds: string[], family: Int32Array): Quality {
  const planted = new Set<number>();
  for (let i = 0; i < docs; i++) if (family[i] >= 0 && family[i] !== i) planted.add(i);
  let same = 0;
  const found = new Set<number>();
  for (const [a, b] of pairs) {
    if (family[a] >= 0 && family[a] === family[b]) {
      same++;
      if (a === family[a]) found.add(b);
    }
  }
  const missedByKind: Record<string, number> = {};
  for (const c of planted) if (!found.has(c)) missedByKind[kinds[c]] = (missedByKind[kinds[c]] ?? 0) + 1;
  return {
    flagged: pairs.length,
    recall: planted.size === 0 ? 1 : found.size / planted.size,
    precision: pairs.length === 0 ? 1 : same / pairs.length,
    missedByKind,
  };
}

export function runDedupeBench(options: BenchOptions) {
  const { docs, seed } = options;
  const index = createDedupeIndex([RESOLUTION_TEXT]);
  const family = new Int32Array(docs);
  const kinds: string[] = [];
  const exact = new Map<number, number[]>();
  let generateMs = 0, addMs = 0, baselineMs = 0, chars = 0;
  for (let i = 0; i < docs; i++) {
    let t = performance.now();
    const doc = benchDoc(i, seed);
    generateMs += performance.now() - t;
    family[i] = doc.family;
    kinds.push(doc.kind);
    chars += doc.text.length;
    t = performance.now();
    index.add(doc.text);
    addMs += performance.now() - t;
    t = performance.now();
    const stream = syllableStream(repairEncoding(doc.text));
    const key = hashRange(stream.hashes, 0, stream.count) * 2 ** 21 + (stream.count % 2 ** 21);
    const group = exact.get(key);
    if (group) group.push(i); else exact.set(key, [i]);
    baselineMs += performance.now() - t;
  }
  let t = performance.now();
  const flagged = index.finish();
  const finishMs = performance.now() - t;
  t = performance.now();
  const baselinePairs: [number, number][] = [];
  for (const group of exact.values()) for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) baselinePairs.push([group[x], group[y]]);
  baselineMs += performance.now() - t;
  const seconds = (ms: number) => +(ms / 1000).toFixed(2);
  const dedupeSeconds = (addMs + finishMs) / 1000;
  return {
    documents: docs,
    averageChars: Math.round(chars / docs),
    plantedCopies: family.reduce((n, f, i) => n + (f >= 0 && f !== i ? 1 : 0), 0),
    seconds: { generate: seconds(generateMs), add: seconds(addMs), finish: seconds(finishMs), dedupe: +dedupeSeconds.toFixed(2) },
    docsPerSecond: Math.round(docs / dedupeSeconds),
    finishStats: index.stats,
    quality: quality(flagged.map((p) => [p.a, p.b]), docs, kinds, family),
    baseline: { name: 'exact hash of folded syllables', seconds: seconds(baselineMs), ...quality(baselinePairs, docs, kinds, family) },
  };
}
