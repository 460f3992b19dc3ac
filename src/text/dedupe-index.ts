/**
 * The copy-detection engine behind dedupe(): documents stream in one at a time (add), only compact
 * typed arrays are kept (distinct shingle hashes, winnowed fingerprints, a MinHash signature and the
 * source share: ~3 KB for a 600-word essay, no text, no strings), and finish() finds the pairs.
 *
 * finish():
 *  1. boilerplate threshold T = max(minBoilerplateDocs, boilerplateDocShare · N) documents;
 *  2. postings: every (fingerprint, doc) sorted once in a Float64Array; each document's fingerprint
 *     list is rewritten into the ids of its posting runs (same order, since both are sorted by hash);
 *  3. partial-copy candidates: for each document, count the fingerprints it shares with later
 *     documents through runs with 2 ≤ df ≤ cap (a dense counter array, reset per document): Σ df²
 *     work, N counters of memory; the cap is the largest df whose Σ df² fits a budget of
 *     pairBudgetPerDoc · N, so rare fingerprints (the telling ones) are always used and the work
 *     stays linear in N whatever the corpus; a pair is a candidate when it shares ≥ candidateShare
 *     of the smaller one's fingerprints, or fingerprints rare enough that Σ 1/df ≥ candidateRarity
 *     (two documents sharing a few passages nobody else wrote, in a corpus full of stock phrases);
 *  4. near-duplicate candidates: LSH banding of the signatures;
 *  5. verification on the exact shingle sets: Jaccard on the whole sets (a text copied by more than
 *     T writers is still caught), containment of the smaller document in the other on the shingles
 *     held by at most T documents (count-min sketch), so phrases every essay on the topic uses do
 *     not make copies; flagged when Jaccard ≥ jaccardThreshold, or containment ≥ containmentThreshold
 *     with at least minSharedShingles shingles in common; score = max(Jaccard, containment).
 * Shingles touching text of the sources or of the boilerplate texts are left out when a document is
 * added.
 */
import { Featurizer, resolveOptions, type DedupeOptions, type DocFeatures, type ResolvedOptions } from './dedupe-features.js';
import { CountMinSketch, HashSet32 } from './hash.js';
import { collectLshPairs } from './minhash.js';
import { MAX_DOCS, PairCollector, pairOf } from './pairs.js';
import { U32Store } from './u32-store.js';
import { collectSparsePairs, countCandidates, prepareFingerprintCount, type CountInput } from './dedupe-candidates.js';

export type { DedupeOptions, DocFeatures } from './dedupe-features.js';

export interface FinishStats {
  documents: number;
  boilerplateThreshold: number;
  /** Fingerprints held by more documents than this proposed no candidates (the work budget). */
  postingCap: number;
  /** Parts of fingerprintMs: sorting the postings, building the runs, counting shared fingerprints. */
  sortMs: number;
  runsMs: number;
  countMs: number;
  fingerprintCandidates: number;
  lshCandidates: number;
  fingerprintMs: number;
  lshMs: number;
  verifyMs: number;
}

export interface IndexPair {
  a: number;
  b: number;
  score: number;
  jaccard: number;
  containment: number;
}

export class DedupeIndex {
  private readonly opts: ResolvedOptions;
  private readonly featurizer: Featurizer;
  private readonly shingles = new U32Store();
  private readonly fingerprints = new U32Store();
  private readonly signatures = new U32Store();
  private readonly df = new CountMinSketch();
  private shares = new Float64Array(1024);
  /** Figures of the last finish(), for benchmarks. */
  stats: FinishStats | null = null;
  private cap = 0;
  private timing = { sortMs: 0, runsMs: 0, countMs: 0 };

  constructor(sources: string[], options: DedupeOptions & { boilerplate: string[] }) {
    this.opts = resolveOptions(options);
    this.featurizer = new Featurizer(sources, options.boilerplate, this.opts);
  }

  get size(): number {
    return this.shingles.count;
  }

  /** Everything kept of one document (see Featurizer); pure, so it may run in worker threads. */
  featurize(text: string): DocFeatures {
    return this.featurizer.featurize(text);
  }

  add(text: string): number {
    return this.addFeatures(this.featurize(text));
  }

  addFeatures(f: DocFeatures): number {
    const doc = this.shingles.count;
    if (doc >= MAX_DOCS) throw new RangeError(`at most ${MAX_DOCS} documents per run`);
    this.shingles.append(f.shingles);
    this.fingerprints.append(f.fingerprints);
    this.signatures.append(f.signature ?? []);
    for (let i = 0; i < f.shingles.length; i++) this.df.add(f.shingles[i]);
    if (doc === this.shares.length) {
      const grown = new Float64Array(doc * 2);
      grown.set(this.shares);
      this.shares = grown;
    }
    this.shares[doc] = f.sourceShare;
    return doc;
  }

  sourceShare(doc: number): number {
    return this.shares[doc];
  }

  /** Flagged pairs (a < b, ascending). Call once, after the last add. */
  finish(): IndexPair[] {
    const run = this.beginFinish(false);
    countCandidates(run.prepared.input, 0, 1, (a, b) => run.pairs.add(a, b));
    return this.endFinish(run);
  }

  /**
   * finish() with the counting step (most of its time) done by `count`, e.g. on several threads over
   * the shared arrays of `input` (countCandidates with disjoint from/step); it returns the proposed
   * pairs as flat [a, b, a, b, …] arrays. The pairs flagged are exactly finish()'s.
   */
  async finishParallel(count: (input: CountInput) => Promise<Uint32Array[]>): Promise<IndexPair[]> {
    const run = this.beginFinish(true);
    for (const flat of await count(run.prepared.input)) for (let i = 0; i + 1 < flat.length; i += 2) run.pairs.add(flat[i], flat[i + 1]);
    return this.endFinish(run);
  }

  private beginFinish(shared: boolean) {
    const n = this.size;
    const threshold = Math.max(this.opts.minBoilerplateDocs, Math.ceil(this.opts.boilerplateDocShare * n));
    const started = performance.now();
    const prepared = prepareFingerprintCount(this.fingerprints, threshold, this.opts, shared);
    return { n, threshold, started, prepared, countStarted: performance.now(), pairs: new PairCollector() };
  }

  private endFinish(run: ReturnType<DedupeIndex['beginFinish']>): IndexPair[] {
    const { n, threshold, pairs, prepared } = run;
    collectSparsePairs(prepared, this.opts, pairs);
    this.cap = prepared.input.maxDf;
    this.timing = { sortMs: prepared.sortMs, runsMs: prepared.runsMs, countMs: performance.now() - run.countStarted };
    const fingerprintCandidates = pairs.size;
    const fingerprintMs = performance.now() - run.started;
    let t = performance.now();
    collectLshPairs(n, (doc) => (this.signatures.length(doc) > 0 ? this.signatures.get(doc) : null), pairs, {
      bands: this.opts.bands, rows: this.opts.rows,
    });
    const lshCandidates = pairs.size - fingerprintCandidates;
    const lshMs = performance.now() - t;
    t = performance.now();
    const common = new HashSet32(1024);
    const own = new Int32Array(n).fill(-1); // shingles held by at most `threshold` documents, per document
    const out: IndexPair[] = [];
    for (const key of pairs.distinct()) {
      const [a, b] = pairOf(key);
      const sa = this.shingles.get(a), sb = this.shingles.get(b);
      const ownA = this.countOwn(a, threshold, common, own), ownB = this.countOwn(b, threshold, common, own);
      let inter = 0, interOwn = 0;
      for (let i = 0, j = 0; i < sa.length && j < sb.length;) {
        const x = sa[i], y = sb[j];
        if (x === y) { inter++; if (!common.has(x)) interOwn++; i++; j++; } else if (x < y) i++; else j++;
      }
      const jaccard = sa.length + sb.length === 0 ? 0 : inter / (sa.length + sb.length - inter);
      const smaller = Math.min(ownA, ownB);
      const containment = smaller < this.opts.minShingles || interOwn < this.opts.minSharedShingles ? 0 : interOwn / smaller;
      if (jaccard >= this.opts.jaccardThreshold || containment >= this.opts.containmentThreshold) {
        out.push({ a, b, score: Math.max(jaccard, containment), jaccard, containment });
      }
    }
    this.stats = { documents: n, boilerplateThreshold: threshold, postingCap: this.cap, ...this.timing, fingerprintCandidates, lshCandidates, fingerprintMs, lshMs, verifyMs: performance.now() - t };
    return out;
  }

  /** Counts (once) the document's shingles held by at most `threshold` documents; adds the others to `common`. */
  private countOwn(doc: number, threshold: number, common: HashSet32, own: Int32Array): number {
    if (own[doc] >= 0) return own[doc];
    let m = 0;
    for (const h of this.shingles.get(doc)) {
      if (this.df.estimate(h) <= threshold) m++;
      else common.add(h);
    }
    return (own[doc] = m);
  }
}
