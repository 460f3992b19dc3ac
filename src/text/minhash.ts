/**
 * MinHash signatures and LSH banding for near-duplicate documents.
 *
 * A signature holds, for each of `numPerm` seeded hash functions h_p(x) = a_p·x + b_p (mod 2^32, a_p
 * odd: a permutation of the 32-bit shingle hashes, themselves well mixed), the minimum over the
 * document's shingle set; two signatures agree at a position with probability ≈ Jaccard. LSH cuts
 * the signature into `bands` bands of `rows` rows; documents agreeing on a whole band become a
 * candidate pair, with probability 1 − (1 − J^rows)^bands. The default 16 × 8 aims at near-duplicates
 * proper (J = 0.8: 0.95, J = 0.9: 0.9998, a re-typed copy is J ≈ 1) and keeps chance candidates rare
 * among essays on one topic (J = 0.15: 4·10⁻⁶ a pair, so ~5·10⁵ at 500,000 essays, where 32 × 4 would
 * give 10⁹); edited and partial copies are found by winnowing instead. Candidates are then verified
 * on the exact shingle sets.
 */
import { createRandom32, hashRange } from './hash.js';
import { PairCollector, pairOf } from './pairs.js';

export interface MinHashOptions {
  numPerm?: number;
  seed?: number;
}

export class MinHasher {
  readonly numPerm: number;
  private readonly a: Int32Array;
  private readonly b: Int32Array;

  constructor(options: MinHashOptions = {}) {
    this.numPerm = options.numPerm ?? 128;
    const random = createRandom32(options.seed ?? 0x5eed_1a5e);
    this.a = new Int32Array(this.numPerm);
    this.b = new Int32Array(this.numPerm);
    for (let p = 0; p < this.numPerm; p++) {
      this.a[p] = random() | 1;
      this.b[p] = random();
    }
  }

  /** Signature of a shingle set (all 0xffffffff for an empty set). */
  signature(shingles: ArrayLike<number>, out = new Uint32Array(this.numPerm)): Uint32Array {
    const { a, b, numPerm } = this;
    const n = shingles.length;
    for (let p = 0; p < numPerm; p++) {
      const ap = a[p], bp = b[p];
      let min = 0xffffffff;
      for (let i = 0; i < n; i++) {
        const v = (Math.imul(shingles[i], ap) + bp) >>> 0;
        if (v < min) min = v;
      }
      out[p] = min;
    }
    return out;
  }
}

/** Share of equal positions: an estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

export interface LshOptions {
  bands?: number;
  rows?: number;
  /**
   * Buckets larger than this (a text copied by hundreds) pair each member with the bucket's first
   * `maxBucket` members only, keeping the work linear; default 512.
   */
  maxBucket?: number;
}

/**
 * Adds to `pairs` every pair of documents whose signatures agree on at least one band. `signatureOf`
 * returns null for documents left out (too short to compare).
 */
export function collectLshPairs(
  count: number,
  signatureOf: (doc: number) => Uint32Array | null,
  pairs: PairCollector,
  options: LshOptions = {},
): void {
  const bands = options.bands ?? 16;
  const rows = options.rows ?? 8;
  const maxBucket = options.maxBucket ?? 512;
  const keys = new Float64Array(count);
  for (let band = 0; band < bands; band++) {
    let m = 0;
    for (let doc = 0; doc < count; doc++) {
      const sig = signatureOf(doc);
      if (sig) keys[m++] = hashRange(sig, band * rows, rows, band) * 2 ** 21 + doc;
    }
    const sorted = keys.subarray(0, m).sort();
    for (let i = 0; i < m;) {
      const bucket = Math.floor(sorted[i] / 2 ** 21);
      let j = i + 1;
      while (j < m && Math.floor(sorted[j] / 2 ** 21) === bucket) j++;
      for (let x = i + 1; x < j; x++) {
        const dx = sorted[x] % 2 ** 21;
        for (let y = i; y < Math.min(x, i + maxBucket); y++) pairs.add(sorted[y] % 2 ** 21, dx);
      }
      i = j;
    }
  }
}

/** Candidate pairs [a, b] (a < b, ascending) among signatures, by LSH banding. */
export function lshCandidatePairs(signatures: Uint32Array[], options: LshOptions = {}): [number, number][] {
  const pairs = new PairCollector();
  collectLshPairs(signatures.length, (doc) => signatures[doc], pairs, options);
  return Array.from(pairs.distinct(), pairOf);
}
