import { describe, expect, it } from 'vitest';
import { createRandom32 } from './hash.js';
import { estimateJaccard, lshCandidatePairs, MinHasher } from './minhash.js';
import { containment, jaccard, shingleSet } from './shingle.js';
import { generateEssay } from './testing/essays.js';

function setsWithJaccard(j: number, size: number, seed: number): [Uint32Array, Uint32Array] {
  const random = createRandom32(seed);
  const shared = Math.round((2 * j * size) / (1 + j));
  const common = Array.from({ length: shared }, random);
  const a = [...common, ...Array.from({ length: size - shared }, random)];
  const b = [...common, ...Array.from({ length: size - shared }, random)];
  return [Uint32Array.from(new Set(a)).sort(), Uint32Array.from(new Set(b)).sort()];
}

describe('shingle sets', () => {
  it('ignore accents, encodings and sentence order', () => {
    const essay = generateEssay(3);
    const shuffled = [...essay.sentences].reverse().join(' ');
    const inBody = shingleSet(essay.sentences.join(' '));
    expect(jaccard(shingleSet(shuffled), inBody)).toBe(1);
    expect(jaccard(shingleSet(essay.text.normalize('NFD')), shingleSet(essay.text))).toBe(1);
  });

  it('compute exact Jaccard and containment', () => {
    const a = Uint32Array.from([1, 2, 3, 4]), b = Uint32Array.from([3, 4, 5, 6, 7, 8]);
    expect(jaccard(a, b)).toBeCloseTo(2 / 8);
    expect(containment(a, b)).toBe(0.5);
    expect(containment(b, a)).toBeCloseTo(2 / 6);
    expect(jaccard(new Uint32Array(), new Uint32Array())).toBe(0);
  });
});

describe('MinHasher', () => {
  it('estimates Jaccard within sampling error (128 permutations)', () => {
    const hasher = new MinHasher();
    for (const [j, seed] of [[0.2, 1], [0.5, 2], [0.8, 3], [0.95, 4]]) {
      const errors: number[] = [];
      for (let r = 0; r < 20; r++) {
        const [a, b] = setsWithJaccard(j, 400, seed * 100 + r);
        errors.push(estimateJaccard(hasher.signature(a), hasher.signature(b)) - jaccard(a, b));
      }
      const bias = errors.reduce((s, e) => s + e, 0) / errors.length;
      const rmse = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
      expect(Math.abs(bias)).toBeLessThan(0.04);
      expect(rmse).toBeLessThan(0.07); // sqrt(J(1−J)/128) ≤ 0.044
    }
  });

  it('is deterministic for a seed', () => {
    const set = Uint32Array.from([5, 9, 1000]);
    expect(new MinHasher({ seed: 7 }).signature(set)).toEqual(new MinHasher({ seed: 7 }).signature(set));
  });
});

describe('LSH banding', () => {
  it('pairs near-duplicates and not unrelated sets', () => {
    const hasher = new MinHasher();
    const [a, b] = setsWithJaccard(0.9, 300, 11);
    const [c] = setsWithJaccard(0.1, 300, 12);
    const pairs = lshCandidatePairs([a, c, b].map((s) => hasher.signature(s)));
    expect(pairs).toEqual([[0, 2]]);
  });
});
