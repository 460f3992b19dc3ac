/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003): from the k-gram hashes of a text keep, in every
 * window of w consecutive k-grams, the minimum (the rightmost one on ties: "robust winnowing"), each
 * position once. Any passage shared by two texts and at least w + k − 1 syllables long yields a shared
 * fingerprint; about 2/(w + 1) of the k-grams are kept.
 *
 * FingerprintIndex is the incremental index for the application (a campaign's reflections, added as
 * they arrive): containment of one document in another, the documents sharing a document's
 * fingerprints, and the shared passages. Fingerprints of boilerplate — found in more than
 * `maxDocShare` of the documents (once there are `minDocs` of them), or in the supplied boilerplate
 * texts such as the Resolution's title and the opening formula — are ignored.
 */
import { HashSet32 } from './hash.js';
import { DEFAULT_K, textGrams } from './shingle.js';

export const DEFAULT_WINDOW = 8;

export interface Winnowed {
  hashes: Uint32Array;
  /** Index of the k-gram (= of its first syllable's k-gram) each fingerprint was taken from. */
  positions: Uint32Array;
  count: number;
}

/** Winnowed fingerprints of a k-gram hash sequence; k-grams flagged in `skip` are never chosen. */
export function winnow(hashes: Uint32Array, w = DEFAULT_WINDOW, skip?: Uint8Array): Winnowed {
  const n = hashes.length;
  const outHashes = new Uint32Array(n);
  const outPositions = new Uint32Array(n);
  let count = 0;
  let min = -1;
  for (let end = Math.min(w, n) - 1; end < n; end++) {
    const start = Math.max(0, end - w + 1);
    if (min < start) {
      min = -1;
      for (let i = end; i >= start; i--) if (!skip?.[i] && (min < 0 || hashes[i] < hashes[min])) min = i;
      if (min < 0) continue;
    } else if (!skip?.[end] && hashes[end] <= hashes[min]) min = end;
    else continue;
    outHashes[count] = hashes[min];
    outPositions[count++] = min;
  }
  return { hashes: outHashes.slice(0, count), positions: outPositions.slice(0, count), count };
}

export interface FingerprintOptions {
  k?: number;
  w?: number;
  /** Texts whose k-grams never count (titles, opening formulas, the Resolution's own sentences). */
  boilerplate?: string[];
  maxDocShare?: number;
  minDocs?: number;
}

type DocId = string | number;

interface IndexedDoc {
  id: DocId;
  /** Fingerprints in text order, with the first syllable of their k-gram. */
  hashes: Uint32Array;
  starts: Uint32Array;
  distinct: Set<number>;
}

export interface SharedPassage {
  /** Syllable ranges [start, end) in each document (indexes into syllables(text)). */
  a: [number, number];
  b: [number, number];
}

export class FingerprintIndex {
  private readonly k: number;
  private readonly w: number;
  private readonly maxDocShare: number;
  private readonly minDocs: number;
  private readonly boilerplate = new HashSet32();
  private readonly docs = new Map<DocId, IndexedDoc>();
  private readonly postings = new Map<number, Set<DocId>>();

  constructor(options: FingerprintOptions = {}) {
    this.k = options.k ?? DEFAULT_K;
    this.w = options.w ?? DEFAULT_WINDOW;
    this.maxDocShare = options.maxDocShare ?? 0.05;
    this.minDocs = options.minDocs ?? 20;
    for (const text of options.boilerplate ?? []) for (const h of textGrams(text, this.k).hashes) this.boilerplate.add(h);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Indexes a document (replacing an earlier text with the same id). */
  add(id: DocId, text: string): void {
    this.remove(id);
    const grams = textGrams(text, this.k);
    const skip = Uint8Array.from(grams.hashes, (h) => (this.boilerplate.has(h) ? 1 : 0));
    const fp = winnow(grams.hashes, this.w, skip);
    const starts = Uint32Array.from(fp.positions, (p) => grams.starts[p]);
    const doc: IndexedDoc = { id, hashes: fp.hashes, starts, distinct: new Set(fp.hashes) };
    this.docs.set(id, doc);
    for (const h of doc.distinct) {
      let set = this.postings.get(h);
      if (!set) this.postings.set(h, (set = new Set()));
      set.add(id);
    }
  }

  remove(id: DocId): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const h of doc.distinct) {
      const set = this.postings.get(h);
      set?.delete(id);
      if (set && set.size === 0) this.postings.delete(h);
    }
    this.docs.delete(id);
  }

  /** True for a fingerprint of the boilerplate texts or one found in too many documents. */
  isBoilerplate(hash: number): boolean {
    if (this.boilerplate.has(hash)) return true;
    const df = this.postings.get(hash)?.size ?? 0;
    return this.docs.size >= this.minDocs && df > this.maxDocShare * this.docs.size;
  }

  private counted(doc: IndexedDoc): number[] {
    return [...doc.distinct].filter((h) => !this.isBoilerplate(h));
  }

  /** Share of a's (non-boilerplate) fingerprints found in b, 0..1. */
  containment(a: DocId, b: DocId): number {
    const da = this.docs.get(a), db = this.docs.get(b);
    if (!da || !db) return 0;
    const own = this.counted(da);
    return own.length === 0 ? 0 : own.filter((h) => db.distinct.has(h)).length / own.length;
  }

  /** Documents holding at least `minContainment` of id's fingerprints, or of whose id holds as much. */
  query(id: DocId, minContainment = 0.4): { id: DocId; containment: number; reverse: number }[] {
    const doc = this.docs.get(id);
    if (!doc) return [];
    const others = new Set<DocId>();
    for (const h of this.counted(doc)) for (const other of this.postings.get(h) ?? []) if (other !== id) others.add(other);
    return [...others]
      .map((other) => ({ id: other, containment: this.containment(id, other), reverse: this.containment(other, id) }))
      .filter((m) => Math.max(m.containment, m.reverse) >= minContainment)
      .sort((x, y) => Math.max(y.containment, y.reverse) - Math.max(x.containment, x.reverse) || String(x.id).localeCompare(String(y.id)));
  }

  /** The passages a and b share, as merged syllable ranges, in a's order. */
  sharedPassages(a: DocId, b: DocId): SharedPassage[] {
    const da = this.docs.get(a), db = this.docs.get(b);
    if (!da || !db) return [];
    const firstInB = new Map<number, number>();
    db.hashes.forEach((h, i) => { if (!firstInB.has(h)) firstInB.set(h, db.starts[i]); });
    const out: SharedPassage[] = [];
    da.hashes.forEach((h, i) => {
      const bStart = firstInB.get(h);
      if (bStart === undefined || this.isBoilerplate(h)) return;
      const aStart = da.starts[i];
      const last = out[out.length - 1];
      if (last && aStart <= last.a[1] && bStart >= last.b[0] && bStart <= last.b[1]) {
        last.a[1] = Math.max(last.a[1], aStart + this.k);
        last.b[1] = Math.max(last.b[1], bStart + this.k);
      } else out.push({ a: [aStart, aStart + this.k], b: [bStart, bStart + this.k] });
    });
    return out;
  }
}
