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
 *     documents through runs with 2 ≤ df ≤ maxPostings (a dense counter array, reset per document):
 *     Σ df² work, N counters of memory;
 *  4. near-duplicate candidates: LSH banding of the signatures;
 *  5. verification on the exact shingle sets: Jaccard on the whole sets (a text copied by more than
 *     T writers is still caught), containment of the smaller document in the other on the shingles
 *     held by at most T documents (count-min sketch), so phrases every essay on the topic uses do
 *     not make copies; flagged when Jaccard ≥ jaccardThreshold or containment ≥ containmentThreshold,
 *     score = max(Jaccard, containment).
 * Shingles touching text of the sources or of the boilerplate texts are left out when a document is
 * added.
 */
import { repairEncoding } from './encoding.js';
import { CountMinSketch, HashSet32 } from './hash.js';
import { collectLshPairs, MinHasher } from './minhash.js';
import { MAX_DOCS, PairCollector, pairOf } from './pairs.js';
import { DEFAULT_K, distinctSorted, gramsOf, textGrams } from './shingle.js';
import { SourceMatcher } from './source-share.js';
import { syllableStream } from './tokenize.js';
import { U32Store } from './u32-store.js';
import { DEFAULT_WINDOW, winnow } from './winnow.js';

export interface DedupeOptions {
  k?: number;
  window?: number;
  numPerm?: number;
  bands?: number;
  rows?: number;
  jaccardThreshold?: number;
  containmentThreshold?: number;
  /** Texts that never make two documents alike (opening formulas, titles); default DEFAULT_BOILERPLATE. */
  boilerplate?: string[];
  boilerplateDocShare?: number;
  minBoilerplateDocs?: number;
  /** Fingerprints held by more documents than this propose no candidates (work stays ~linear). */
  maxPostings?: number;
  /** Documents with fewer distinct comparable shingles are not compared. */
  minShingles?: number;
  /** A candidate needs this share of the smaller document's fingerprints in common (default 0.1). */
  candidateShare?: number;
  /**
   * Containment counts only from this many shared distinct shingles (default 10, about one long
   * sentence): a 20-shingle note sharing 8 stock phrases with an essay is not a copy.
   */
  minSharedShingles?: number;
}

export interface DocFeatures {
  shingles: Uint32Array;
  fingerprints: Uint32Array;
  signature: Uint32Array | null;
  sourceShare: number;
}

export interface FinishStats {
  documents: number;
  boilerplateThreshold: number;
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

const resolved = (o: DedupeOptions) => ({
  k: o.k ?? DEFAULT_K, window: o.window ?? DEFAULT_WINDOW, numPerm: o.numPerm ?? 128, bands: o.bands ?? 16,
  rows: o.rows ?? 8, jaccardThreshold: o.jaccardThreshold ?? 0.5, containmentThreshold: o.containmentThreshold ?? 0.4,
  boilerplateDocShare: o.boilerplateDocShare ?? 0.05, minBoilerplateDocs: o.minBoilerplateDocs ?? 50,
  maxPostings: o.maxPostings ?? 256, minShingles: o.minShingles ?? 8, candidateShare: o.candidateShare ?? 0.1,
  minSharedShingles: o.minSharedShingles ?? 10,
});

export class DedupeIndex {
  private readonly opts: ReturnType<typeof resolved>;
  private readonly sources: SourceMatcher;
  private readonly boilerplate = new HashSet32();
  private readonly hasher: MinHasher;
  private readonly shingles = new U32Store();
  private readonly fingerprints = new U32Store();
  private readonly signatures = new U32Store();
  private readonly df = new CountMinSketch();
  private shares = new Float64Array(1024);
  /** Figures of the last finish(), for benchmarks. */
  stats: FinishStats | null = null;

  constructor(sources: string[], options: DedupeOptions & { boilerplate: string[] }) {
    this.opts = resolved(options);
    this.sources = new SourceMatcher(sources, this.opts.k);
    for (const text of options.boilerplate) for (const h of textGrams(text, this.opts.k).hashes) this.boilerplate.add(h);
    this.hasher = new MinHasher({ numPerm: this.opts.numPerm });
  }

  get size(): number {
    return this.shingles.count;
  }

  /**
   * Everything kept of one document; pure, so it may run in worker threads. Syllables inside a
   * k-gram found in a source or a boilerplate text are masked, and every k-gram touching a masked
   * syllable is left out: "Nghị quyết nêu rõ: «quote»" leaves no shingle across the quote's edge.
   */
  featurize(text: string): DocFeatures {
    const stream = syllableStream(repairEncoding(text));
    const { k } = this.opts;
    const grams = gramsOf(stream, k);
    const n = stream.count;
    const inSource = new Uint8Array(n);
    const masked = new Uint8Array(n);
    for (let i = 0; i < grams.count; i++) {
      const h = grams.hashes[i], start = grams.starts[i];
      if (this.sources.has(h)) { inSource.fill(1, start, start + k); masked.fill(1, start, start + k); }
      else if (this.boilerplate.has(h)) masked.fill(1, start, start + k);
    }
    const before = new Uint32Array(n + 1); // masked syllables before each position
    for (let i = 0; i < n; i++) before[i + 1] = before[i] + masked[i];
    const skip = new Uint8Array(grams.count);
    const kept = new Uint32Array(grams.count);
    let m = 0;
    for (let i = 0; i < grams.count; i++) {
      const start = grams.starts[i];
      if (before[start + k] - before[start] > 0) skip[i] = 1;
      else kept[m++] = grams.hashes[i];
    }
    let quoted = 0;
    for (let i = 0; i < n; i++) quoted += inSource[i];
    const shingles = distinctSorted(kept.subarray(0, m));
    const fingerprints = distinctSorted(winnow(grams.hashes, this.opts.window, skip).hashes);
    const signature = shingles.length >= this.opts.minShingles ? this.hasher.signature(shingles) : null;
    return { shingles, fingerprints, signature, sourceShare: n === 0 ? 0 : quoted / n };
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
    const n = this.size;
    const threshold = Math.max(this.opts.minBoilerplateDocs, Math.ceil(this.opts.boilerplateDocShare * n));
    const pairs = new PairCollector();
    let t = performance.now();
    this.collectFingerprintPairs(threshold, pairs);
    const fingerprintCandidates = pairs.size;
    const fingerprintMs = performance.now() - t;
    t = performance.now();
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
    this.stats = { documents: n, boilerplateThreshold: threshold, fingerprintCandidates, lshCandidates, fingerprintMs, lshMs, verifyMs: performance.now() - t };
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

  private collectFingerprintPairs(threshold: number, pairs: PairCollector): void {
    const n = this.size;
    const store = this.fingerprints;
    const keys = new Float64Array(store.totalLength);
    let m = 0;
    for (let doc = 0; doc < n; doc++) for (const h of store.get(doc)) keys[m++] = h * MAX_DOCS + doc;
    keys.sort();
    const postings = new Uint32Array(m);
    const starts = new Uint32Array(m + 1);
    const seen = new Uint32Array(n);
    let runs = 0;
    for (let i = 0; i < m; i++) {
      if (i > 0 && Math.floor(keys[i] / MAX_DOCS) !== Math.floor(keys[i - 1] / MAX_DOCS)) starts[++runs] = i;
      const doc = keys[i] % MAX_DOCS;
      postings[i] = doc;
      store.get(doc)[seen[doc]++] = runs; // the doc's fingerprint → its posting run
    }
    starts[m > 0 ? ++runs : 0] = m;
    const maxDf = this.opts.maxPostings; // boilerplate may propose candidates (verification drops them), not unbounded work
    const counts = new Uint32Array(n);
    const own = new Uint32Array(n); // fingerprints that are not boilerplate, per document
    for (let doc = 0; doc < n; doc++) {
      for (const run of store.get(doc)) if (starts[run + 1] - starts[run] <= threshold) own[doc]++;
    }
    const touched: number[] = [];
    for (let a = 0; a < n; a++) {
      for (const run of store.get(a)) {
        const from = starts[run], to = starts[run + 1];
        if (to - from < 2 || to - from > maxDf) continue;
        for (let i = from; i < to; i++) {
          const b = postings[i];
          if (b <= a) continue;
          if (counts[b]++ === 0) touched.push(b);
        }
      }
      for (const b of touched) {
        const shared = counts[b];
        if (shared >= 2 && shared >= this.opts.candidateShare * Math.min(own[a], own[b])) pairs.add(a, b);
        counts[b] = 0;
      }
      touched.length = 0;
    }
  }
}
