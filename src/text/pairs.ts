/**
 * Candidate document pairs as numbers (a · 2^21 + b, a < b) in a growable Float64Array: 8 bytes a
 * pair, sorted and de-duplicated at the end, so millions of candidates need neither objects nor a Set.
 * Document indexes must stay below 2^21 (2,097,152 documents per run).
 */

export const MAX_DOCS = 1 << 21;

export function pairKey(a: number, b: number): number {
  return a < b ? a * MAX_DOCS + b : b * MAX_DOCS + a;
}

export function pairOf(key: number): [number, number] {
  const b = key % MAX_DOCS;
  return [(key - b) / MAX_DOCS, b];
}

export class PairCollector {
  private keys = new Float64Array(1024);
  size = 0;

  add(a: number, b: number): void {
    if (a === b) return;
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.size++] = pairKey(a, b);
  }

  /** The distinct pair keys in ascending order (by a, then b). */
  distinct(): Float64Array {
    const sorted = this.keys.subarray(0, this.size).sort();
    let m = 0;
    for (let i = 0; i < sorted.length; i++) if (m === 0 || sorted[m - 1] !== sorted[i]) sorted[m++] = sorted[i];
    return sorted.slice(0, m);
  }
}
