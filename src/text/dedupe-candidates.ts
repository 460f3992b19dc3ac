/**
 * Partial-copy candidates from winnowing fingerprints (step 3 of DedupeIndex.finish): postings
 * sorted once, per-document counting of shared fingerprints under a work budget, and a one-sided
 * search for documents with too few rare fingerprints.
 */
import type { ResolvedOptions } from './dedupe-features.js';
import { MAX_DOCS, type PairCollector } from './pairs.js';
import type { U32Store } from './u32-store.js';

export interface CandidateRun {
  /** Fingerprints held by more documents than this proposed no candidates by counting. */
  cap: number;
  timing: { sortMs: number; runsMs: number; countMs: number };
}

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

/** Sorts every (fingerprint, document) once and rewrites each document's fingerprints as run ids. */
function buildPostings(store: U32Store): Postings {
  const n = store.count;
  const keys = new Float64Array(store.totalLength);
  let m = 0;
  for (let doc = 0; doc < n; doc++) for (const h of store.get(doc)) keys[m++] = h * MAX_DOCS + doc;
  keys.sort();
  const docs = new Uint32Array(m);
  const starts = new Uint32Array(m + 1);
  const seen = new Uint32Array(n);
  let runs = 0;
  for (let i = 0; i < m; i++) {
    if (i > 0 && Math.floor(keys[i] / MAX_DOCS) !== Math.floor(keys[i - 1] / MAX_DOCS)) starts[++runs] = i;
    const doc = keys[i] % MAX_DOCS;
    docs[i] = doc;
    store.get(doc)[seen[doc]++] = runs; // both sorted by hash: the doc's k-th fingerprint is its k-th visit
  }
  starts[m > 0 ? ++runs : 0] = m;
  return { docs, starts, runs };
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

export function collectFingerprintPairs(store: U32Store, threshold: number, opts: ResolvedOptions, pairs: PairCollector): CandidateRun {
  const n = store.count;
  let t = performance.now();
  const { docs, starts, runs } = buildPostings(store);
  const sortMs = performance.now() - t;
  t = performance.now();
  const maxDf = postingCap(starts, runs, threshold, n, opts);
  const df = (run: number) => starts[run + 1] - starts[run];
  const own = new Uint32Array(n); // fingerprints that are not boilerplate, per document
  for (let doc = 0; doc < n; doc++) for (const run of store.get(doc)) if (df(run) <= threshold) own[doc]++;
  const runsMs = performance.now() - t;
  t = performance.now();
  const tally = new Tally(n);
  for (let a = 0; a < n; a++) {
    for (const run of store.get(a)) {
      const d = df(run);
      if (d < 2 || d > maxDf) continue;
      for (let i = starts[run + 1] - 1; i >= starts[run] && docs[i] > a; i--) tally.add(docs[i], 1 / d);
    }
    tally.drain((b, shared, rarity) => {
      if (shared >= 2 && (shared >= opts.candidateShare * Math.min(own[a], own[b]) || rarity >= opts.candidateRarity)) pairs.add(a, b);
    });
  }
  // Documents with too few rare fingerprints (short notes made of stock phrases and a copied
  // passage) get a one-sided search through all their non-boilerplate fingerprints: Σ df work for
  // each of them, not Σ df², and a candidate is a document holding a good part of them.
  for (let a = 0; a < n; a++) {
    let usable = 0, work = 0;
    for (const run of store.get(a)) {
      const d = df(run);
      if (d >= 2 && d <= maxDf) usable++;
      if (d <= threshold) work += d;
    }
    if (usable >= 6 || own[a] < 3 || work > opts.pairBudgetPerDoc * 50) continue;
    for (const run of store.get(a)) {
      const d = df(run);
      if (d < 2 || d > threshold) continue;
      for (let i = starts[run]; i < starts[run + 1]; i++) if (docs[i] !== a) tally.add(docs[i], 0);
    }
    tally.drain((b, shared) => { if (shared >= Math.max(3, 0.3 * own[a])) pairs.add(a, b); });
  }
  return { cap: maxDf, timing: { sortMs, runsMs, countMs: performance.now() - t } };
}
