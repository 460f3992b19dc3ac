/** Seeded randomness for the demo generator: no Math.random, so the same seed gives the same province. */

/** mulberry32: tiny, fast, good enough for demo data. */
export class Rng {
  private a: number;
  constructor(seed: number) {
    // Mix all the bits of an integer seed (beyond 32 bits too) into the 32-bit state.
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    this.a = (lo ^ Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b)) >>> 0;
    for (let i = 0; i < 4; i++) this.next();
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** Integer in [lo, hi], skewed towards lo when skew > 1. */
  skewed(lo: number, hi: number, skew: number): number {
    return lo + Math.floor(Math.pow(this.next(), skew) * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
}

/** A weighted choice, prepared once. */
export class Picker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;
  constructor(table: ReadonlyArray<readonly [T, number]>) {
    this.items = table.map((e) => e[0]);
    let sum = 0;
    this.cumulative = table.map((e) => (sum += e[1]));
    this.total = sum;
  }
  pick(rng: Rng): T {
    return this.items[this.pickIndex(rng)];
  }
  pickIndex(rng: Rng): number {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (x < c[i]) return i;
    return c.length - 1;
  }
  item(i: number): T {
    return this.items[i];
  }
}

export const uniform = <T>(items: readonly T[]): Picker<T> => new Picker(items.map((x) => [x, 1] as const));
