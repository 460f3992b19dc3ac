/**
 * How much of a document was taken from source texts (the Resolution and its documents): the share
 * of its syllables covered by k-grams that also occur in a source. Accents, encodings and tone
 * placement do not matter (folded syllables); a quoted sentence counts whole, a common 3-word phrase
 * does not count at all (k = 5 by default).
 */
import { repairEncoding } from './encoding.js';
import { HashSet32 } from './hash.js';
import { DEFAULT_K, gramsOf, textGrams, type Grams } from './shingle.js';
import { syllableStream } from './tokenize.js';

export class SourceMatcher {
  readonly k: number;
  private readonly grams = new HashSet32(1024);

  constructor(sources: string[], k = DEFAULT_K) {
    this.k = k;
    for (const text of sources) for (const h of textGrams(text, k).hashes) this.grams.add(h);
  }

  get size(): number {
    return this.grams.size;
  }

  /** True when the k-gram hash occurs in a source. */
  has(hash: number): boolean {
    return this.grams.has(hash);
  }

  /** Share (0..1) of `syllableCount` syllables covered by the grams found in the sources. */
  coverage(grams: Grams, syllableCount: number): number {
    if (syllableCount === 0 || this.grams.size === 0) return 0;
    let covered = 0;
    let coveredUntil = 0;
    for (let i = 0; i < grams.count; i++) {
      if (!this.grams.has(grams.hashes[i])) continue;
      const start = grams.starts[i];
      const end = start + this.k;
      covered += end - Math.max(start, coveredUntil);
      coveredUntil = end;
    }
    return covered / syllableCount;
  }

  /** Share (0..1) of the text's syllables found in the sources. */
  share(text: string): number {
    const stream = syllableStream(repairEncoding(text));
    return this.coverage(gramsOf(stream, this.k), stream.count);
  }
}

/** Share (0..1) of `text` found in `sources` (see SourceMatcher for many documents). */
export function sourceShare(text: string, sources: string[], k = DEFAULT_K): number {
  return new SourceMatcher(sources, k).share(text);
}
