/**
 * Fast 32-bit hashing for syllables and k-grams, a seeded PRNG, and two compact structures keyed by
 * 32-bit hashes (a set and a count-min sketch). Everything works on unsigned 32-bit integers held in
 * typed arrays, so millions of keys cost a few bytes each and no strings are kept.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** murmur3's finalizer: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finished by fmix32 (the scanner in tokenize.ts computes the same). */
export function hashString32(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/** Start and step of the FNV-1a hash used by hashString32, for scanners that hash as they read. */
export const fnvStart = FNV_OFFSET;
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Hash of values[start .. start+length) in order (murmur3 body and tail mixing). */
export function hashRange(values: ArrayLike<number>, start: number, length: number, seed = 0x9747b28c): number {
  let h = seed ^ length;
  for (let i = start; i < start + length; i++) {
    let k = Math.imul(values[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h);
}

/** Deterministic PRNG (mulberry32): returns unsigned 32-bit integers. */
export function createRandom32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Open-addressing set of 32-bit hashes (linear probing, load ≤ 0.5). */
export class HashSet32 {
  private table: Uint32Array;
  private mask: number;
  private hasZero = false;
  size = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.table = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  add(h: number): void {
    h >>>= 0;
    if (h === 0) {
      if (!this.hasZero) { this.hasZero = true; this.size++; }
      return;
    }
    if ((this.size + 1) * 2 > this.table.length) this.grow();
    let i = fmix32(h) & this.mask;
    for (;;) {
      const v = this.table[i];
      if (v === h) return;
      if (v === 0) { this.table[i] = h; this.size++; return; }
      i = (i + 1) & this.mask;
    }
  }

  has(h: number): boolean {
    h >>>= 0;
    if (h === 0) return this.hasZero;
    let i = fmix32(h) & this.mask;
    for (;;) {
      const v = this.table[i];
      if (v === h) return true;
      if (v === 0) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = this.table.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let i = fmix32(v) & this.mask;
      while (this.table[i] !== 0) i = (i + 1) & this.mask;
      this.table[i] = v;
    }
  }
}

const ROW_MULTIPLIERS = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f];

/**
 * Count-min sketch with conservative update: how many documents hold each shingle, never
 * under-counted, in `depth × 2^logWidth` 16-bit saturating counters (1 MB by default, cache-friendly) whatever the
 * number of distinct keys. Estimates exceed the truth only by collisions: at 500,000 essays of 600
 * words about 10³ documents, against a boilerplate threshold of 25,000 (5 %).
 */
export class CountMinSketch {
  private readonly rows: Uint16Array;
  private readonly shift: number;

  constructor(private readonly depth = 2, logWidth = 18) {
    if (depth > ROW_MULTIPLIERS.length) throw new RangeError(`depth ≤ ${ROW_MULTIPLIERS.length}`);
    this.rows = new Uint16Array(depth << logWidth);
    this.shift = 32 - logWidth;
  }

  private slot(h: number, d: number): number {
    return (d << (32 - this.shift)) + (Math.imul(h ^ (h >>> 15), ROW_MULTIPLIERS[d]) >>> this.shift);
  }

  add(h: number): void {
    const min = this.estimate(h);
    if (min === 0xffff) return;
    for (let d = 0; d < this.depth; d++) {
      const slot = this.slot(h, d);
      if (this.rows[slot] === min) this.rows[slot] = min + 1;
    }
  }

  estimate(h: number): number {
    let min = 0xffff;
    for (let d = 0; d < this.depth; d++) {
      const v = this.rows[this.slot(h, d)];
      if (v < min) min = v;
    }
    return min;
  }
}
