/**
 * Partial-copy candidates from winnowing fingerprints (step 3 of DedupeIndex.finish): postings
 * sorted once, per-document counting of shared fingerprints under a work budget, and a one-sided
 * search for documents with too few rare fingerprints.
 */
import type { ResolvedOptions } from './dedupe-features.js';
import type { PairCollector } from './pairs.js';
import type { U32Store } from './u32-store.js';

/**
 * The largest document frequency d such that counting through every run with df ≤ d costs at most
 * the budget (Σ df(df − 1)/2 ≤ pairBudgetPerDoc · N), and at most T and maxPostings.
 */
function postingCap(starts: Uint32Array, runs: number, threshold: number, n: number, opts: ResolvedOptions): number {
  const limit = Math.min(threshold, opts.maxPostings, n);
  const runsWithDf = new Float64Array(Math.max(2, limit + 1));
  for (let r = 0; r < runs; r++) {
    const df = starts[r + 1] - starts[r];
    if (df >= 2 && df <= limit) runsWithDf[df]++;
  }
  const budget = opts.pairBudgetPerDoc * n;
  let cost = 0, cap = 1;
  for (let d = 2; d < runsWithDf.length; d++) {
    cost += (runsWithDf[d] * d * (d - 1)) / 2;
    if (cost > budget) break;
    cap = d;
  }
  return cap;
}

interface Postings {
  /** Documents of each fingerprint's run, ascending; run r spans starts[r] .. starts[r + 1]. */
  docs: Uint32Array;
  starts: Uint32Array;
  runs: number;
}

/**
 * Sorts every (fingerprint, document) once and rewrites each document's fingerprints as run ids. The
 * pairs are laid down in document order and sorted by fingerprint with a stable radix sort (two 16-bit
 * passes), so each run's documents stay ascending: linear time (a comparison sort of 50 million keys
 * took half a minute at 500,000 documents).
 */
function buildPostings(store: U32Store): Postings {
  const n = store.count;
  const m = store.totalLength;
  let hs = new Uint32Array(m), ds = new Uint32Array(m);
  const views = Array.from({ length: n }, (_, doc) => store.get(doc)); // one view per document, not per visit
  let k = 0;
  for (let doc = 0; doc < n; doc++) for (const h of views[doc]) { hs[k] = h; ds[k++] = doc; }
  let hs2 = new Uint32Array(m), ds2 = new Uint32Array(m);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[((hs[i] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < m; i++) {
      const at = counts[(hs[i] >>> shift) & 0xffff]++;
      hs2[at] = hs[i]; ds2[at] = ds[i];
    }
    [hs, hs2] = [hs2, hs];
    [ds, ds2] = [ds2, ds];
  }
  const starts = new Uint32Array(m + 1);
  const seen = new Uint32Array(n);
  let runs = 0;
  for (let i = 0; i < m; i++) {
    if (i > 0 && hs[i] !== hs[i - 1]) starts[++runs] = i;
    const doc = ds[i];
    views[doc][seen[doc]++] = runs; // both sorted by hash: the doc's k-th fingerprint is its k-th visit
  }
  starts[m > 0 ? ++runs : 0] = m;
  return { docs: ds, starts, runs };
}

/** Dense per-document counters, reset after each document. */
class Tally {
  readonly counts: Uint32Array;
  readonly rarity: Float64Array; // Σ 1/df over the shared fingerprints
  readonly touched: Uint32Array;
  size = 0;
  constructor(n: number) {
    this.counts = new Uint32Array(n);
    this.rarity = new Float64Array(n);
    this.touched = new Uint32Array(n);
  }
  add(b: number, weight: number): void {
    if (this.counts[b]++ === 0) this.touched[this.size++] = b;
    this.rarity[b] += weight;
  }
  drain(visit: (b: number, shared: number, rarity: number) => void): void {
    for (let x = 0; x < this.size; x++) {
      const b = this.touched[x];
      visit(b, this.counts[b], this.rarity[b]);
      this.counts[b] = 0;
      this.rarity[b] = 0;
    }
    this.size = 0;
  }
}

/**
 * What the counting step reads, as flat typed arrays (in SharedArrayBuffers when `shared`, so several
 * threads can count disjoint sets of documents over the same memory: countCandidates).
 */
export interface CountInput {
  /** Postings: documents of each fingerprint run, ascending; run r spans starts[r] .. starts[r + 1]. */
  docs: Uint32Array;
  starts: Uint32Array;
  /** Each document's fingerprint run ids: flat[offsets[d] .. offsets[d + 1]]. */
  flat: Uint32Array;
  offsets: Uint32Array;
  /** Fingerprints of each document that are not boilerplate. */
  own: Uint32Array;
  n: number;
  maxDf: number;
  candidateShare: number;
  candidateRarity: number;
}

/**
 * The documents pairs counting proposes for a ∈ {from, from + step, …}: shared fingerprints with df ≤
 * maxDf, enough of them (a share of the smaller document) or rare enough. Pure; threads split the
 * documents by `from`/`step` and together find exactly the pairs one thread finds.
 */
export function countCandidates(input: CountInput, from: number, step: number, emit: (a: number, b: number) => void): void {
  const { docs, starts, flat, offsets, own, n, maxDf } = input;
  const tally = new Tally(n);
  for (let a = from; a < n; a += step) {
    for (let k = offsets[a]; k < offsets[a + 1]; k++) {
      const run = flat[k];
      const d = starts[run + 1] - starts[run];
      if (d < 2 || d > maxDf) continue;
      const w = 1 / d;
      for (let i = starts[run + 1] - 1; i >= starts[run] && docs[i] > a; i--) tally.add(docs[i], w);
    }
    tally.drain((b, shared, rarity) => {
      if (shared >= 2 && (shared >= input.candidateShare * Math.min(own[a], own[b]) || rarity >= input.candidateRarity)) emit(a, b);
    });
  }
}

function sharedU32(length: number, shared: boolean): Uint32Array {
  return shared ? new Uint32Array(new SharedArrayBuffer(Math.max(1, length) * 4)) : new Uint32Array(length);
}

export interface PreparedCount { input: CountInput; threshold: number; sortMs: number; runsMs: number }

/** Sorts the postings and lays out what countCandidates reads (see CountInput). */
export function prepareFingerprintCount(store: U32Store, threshold: number, opts: ResolvedOptions, shared = false): PreparedCount {
  const n = store.count;
  let t = performance.now();
  const postings = buildPostings(store);
  const toShared = (a: Uint32Array) => { if (!shared) return a; const c = sharedU32(a.length, true); c.set(a); return c; };
  const docs = toShared(postings.docs), starts = toShared(postings.starts);
  const sortMs = performance.now() - t;
  t = performance.now();
  const maxDf = postingCap(starts, postings.runs, threshold, n, opts);
  const offsets = sharedU32(n + 1, shared);
  for (let doc = 0; doc < n; doc++) offsets[doc + 1] = offsets[doc] + store.length(doc);
  const flat = sharedU32(offsets[n], shared);
  const own = sharedU32(n, shared);
  for (let doc = 0; doc < n; doc++) {
    const runs = store.get(doc);
    flat.set(runs, offsets[doc]);
    let m = 0;
    for (const run of runs) if (starts[run + 1] - starts[run] <= threshold) m++;
    own[doc] = m;
  }
  const runsMs = performance.now() - t;
  return {
    input: { docs, starts, flat, offsets, own, n, maxDf, candidateShare: opts.candidateShare, candidateRarity: opts.candidateRarity },
    threshold, sortMs, runsMs,
  };
}

/**
 * Documents with too few rare fingerprints (short notes made of stock phrases and a copied passage)
 * get a one-sided search through all their non-boilerplate fingerprints: Σ df work for each of them,
 * not Σ df², and a candidate is a document holding a good part of them.
 */
export function collectSparsePairs(p: PreparedCount, opts: ResolvedOptions, pairs: PairCollector): void {
  const { docs, starts, flat, offsets, own, n, maxDf } = p.input;
  const tally = new Tally(n);
  for (let a = 0; a < n; a++) {
    let usable = 0, work = 0;
    for (let k = offsets[a]; k < offsets[a + 1]; k++) {
      const d = starts[flat[k] + 1] - starts[flat[k]];
      if (d >= 2 && d <= maxDf) usable++;
      if (d <= p.threshold) work += d;
    }
    if (usable >= 6 || own[a] < 3 || work > opts.pairBudgetPerDoc * 50) continue;
    for (let k = offsets[a]; k < offsets[a + 1]; k++) {
      const run = flat[k];
      const d = starts[run + 1] - starts[run];
      if (d < 2 || d > p.threshold) continue;
      for (let i = starts[run]; i < starts[run + 1]; i++) if (docs[i] !== a) tally.add(docs[i], 0);
    }
    tally.drain((b, shared) => { if (shared >= Math.max(3, 0.3 * own[a])) pairs.add(a, b); });
  }
}
