import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CountMinSketch, createRandom32, HashSet32, hashString32 } from './hash.js';

describe('HashSet32', () => {
  test.prop([fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 50 })])(
    'behaves like a Set of 32-bit numbers', (added, probes) => {
      const set = new HashSet32(4);
      added.forEach((h) => set.add(h));
      const reference = new Set(added);
      expect(set.size).toBe(reference.size);
      for (const h of [...added, ...probes, 0]) expect(set.has(h)).toBe(reference.has(h));
    });
});

describe('CountMinSketch', () => {
  it('never under-counts and is exact without collisions', () => {
    const cms = new CountMinSketch(2, 12);
    const random = createRandom32(1);
    const truth = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const h = random() % 500;
      cms.add(h);
      truth.set(h, (truth.get(h) ?? 0) + 1);
    }
    let exact = 0;
    for (const [h, n] of truth) {
      expect(cms.estimate(h)).toBeGreaterThanOrEqual(n);
      if (cms.estimate(h) === n) exact++;
    }
    expect(exact / truth.size).toBeGreaterThan(0.9);
  });
});

describe('hashString32', () => {
  it('is stable and spreads', () => {
    expect(hashString32('viet')).toBe(hashString32('viet'));
    const hashes = new Set(Array.from({ length: 10000 }, (_, i) => hashString32(`s${i}`)));
    expect(hashes.size).toBe(10000);
  });
});
