/**
 * What the dedupe engine keeps of a document: its distinct shingles (5 folded syllables inside one
 * sentence), winnowed fingerprints and MinHash signature, without what comes from the sources or the
 * boilerplate texts, and the share of its syllables found in the sources.
 */
import { repairEncoding } from './encoding.js';
import { HashSet32 } from './hash.js';
import { MinHasher } from './minhash.js';
import { DEFAULT_K, distinctSorted, gramsOf, textGrams } from './shingle.js';
import { SourceMatcher } from './source-share.js';
import { syllableStream } from './tokenize.js';
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
  /** Fingerprints held by more documents than this never propose candidates (default: no limit but the budget). */
  maxPostings?: number;
  /**
   * Work budget of candidate generation, in pair counts per document (default 6,000): fingerprints
   * are used rarest first, up to the document frequency whose Σ df² fits the budget.
   */
  pairBudgetPerDoc?: number;
  /** Documents with fewer distinct comparable shingles are not compared. */
  minShingles?: number;
  /** A candidate needs this share of the smaller document's fingerprints in common (default 0.1)… */
  candidateShare?: number;
  /** …or shared fingerprints so rare that Σ 1/df reaches this (default 0.15). */
  candidateRarity?: number;
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

export const resolveOptions = (o: DedupeOptions) => ({
  k: o.k ?? DEFAULT_K, window: o.window ?? DEFAULT_WINDOW, numPerm: o.numPerm ?? 128, bands: o.bands ?? 16,
  rows: o.rows ?? 8, jaccardThreshold: o.jaccardThreshold ?? 0.5, containmentThreshold: o.containmentThreshold ?? 0.4,
  boilerplateDocShare: o.boilerplateDocShare ?? 0.05, minBoilerplateDocs: o.minBoilerplateDocs ?? 50,
  maxPostings: o.maxPostings ?? Infinity, pairBudgetPerDoc: o.pairBudgetPerDoc ?? 6000, minShingles: o.minShingles ?? 8, candidateShare: o.candidateShare ?? 0.1, candidateRarity: o.candidateRarity ?? 0.15,
  minSharedShingles: o.minSharedShingles ?? 10,
});

export type ResolvedOptions = ReturnType<typeof resolveOptions>;

export class Featurizer {
  private readonly sources: SourceMatcher;
  private readonly boilerplate = new HashSet32();
  private readonly hasher: MinHasher;

  constructor(sources: string[], boilerplate: string[], private readonly opts: ResolvedOptions) {
    this.sources = new SourceMatcher(sources, opts.k);
    for (const text of boilerplate) for (const h of textGrams(text, opts.k).hashes) this.boilerplate.add(h);
    this.hasher = new MinHasher({ numPerm: opts.numPerm });
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
}
