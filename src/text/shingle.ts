/**
 * Shingles: hashes of k consecutive folded syllables. A k-gram never crosses a sentence end, so
 * shuffling the sentences of an essay leaves its shingle set as it was; sentences shorter than k
 * (headings, "Kính gửi: …") give none. Sets are sorted Uint32Arrays of distinct hashes.
 */
import { repairEncoding } from './encoding.js';
import { hashRange } from './hash.js';
import { syllableStream, type SyllableStream } from './tokenize.js';

export const DEFAULT_K = 5;

export interface Grams {
  /** Hash of each k-gram, in text order. */
  hashes: Uint32Array;
  /** Index of the first syllable of each k-gram. */
  starts: Uint32Array;
  count: number;
}

/** The k-grams of a syllable stream, sentence by sentence. */
export function gramsOf(stream: SyllableStream, k = DEFAULT_K): Grams {
  const n = stream.count;
  const hashes = new Uint32Array(Math.max(0, n - k + 1));
  const starts = new Uint32Array(hashes.length);
  let count = 0;
  let sentence = 0;
  for (let i = 0; i < n; i++) {
    if (stream.breaks[i]) sentence = i;
    const begin = i - k + 1;
    if (begin < sentence) continue;
    hashes[count] = hashRange(stream.hashes, begin, k, k);
    starts[count++] = begin;
  }
  return { hashes: hashes.subarray(0, count), starts: starts.subarray(0, count), count };
}

/** k-grams of a raw text (legacy encodings repaired, accents folded). */
export function textGrams(text: string, k = DEFAULT_K): Grams {
  return gramsOf(syllableStream(repairEncoding(text)), k);
}

/** Sorted distinct values, leaving out those `skip` rejects. */
export function distinctSorted(values: Uint32Array, skip?: (h: number) => boolean): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if ((m > 0 && sorted[m - 1] === v) || (skip && skip(v))) continue;
    sorted[m++] = v;
  }
  return sorted.slice(0, m);
}

/** The shingle set of a text: sorted distinct k-gram hashes. */
export function shingleSet(text: string, k = DEFAULT_K): Uint32Array {
  return distinctSorted(textGrams(text, k).hashes);
}

/** |a ∩ b| for sorted distinct arrays. */
export function intersectionSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i], y = b[j];
    if (x === y) { n++; i++; j++; } else if (x < y) i++; else j++;
  }
  return n;
}

/** Exact Jaccard similarity |a ∩ b| / |a ∪ b| of two shingle sets (0 when both are empty). */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/** Share of a's shingles found in b, |a ∩ b| / |a| (0 when a is empty). */
export function containment(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}
