/**
 * Append-only storage of many small Uint32Array records (one per document) in large chunks: 4 bytes a
 * value plus 12 bytes a record, no per-record object for the garbage collector to walk.
 */

const CHUNK = 1 << 22; // 4M values, 16 MB

export class U32Store {
  private readonly chunks: Uint32Array[] = [];
  private used = CHUNK;
  /** chunk, offset, length of each record */
  private meta = new Uint32Array(3 * 1024);
  count = 0;
  totalLength = 0;

  /** Stores a copy of `values`; returns the record's index. */
  append(values: ArrayLike<number>): number {
    const n = values.length;
    if (this.used + n > CHUNK || this.chunks.length === 0) {
      this.chunks.push(new Uint32Array(Math.max(CHUNK, n)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    this.chunks[chunk].set(values, this.used);
    if (3 * (this.count + 1) > this.meta.length) {
      const grown = new Uint32Array(this.meta.length * 2);
      grown.set(this.meta);
      this.meta = grown;
    }
    this.meta[3 * this.count] = chunk;
    this.meta[3 * this.count + 1] = this.used;
    this.meta[3 * this.count + 2] = n;
    this.used += n;
    this.totalLength += n;
    return this.count++;
  }

  /** A view (not a copy) of record i. */
  get(i: number): Uint32Array {
    const offset = this.meta[3 * i + 1];
    return this.chunks[this.meta[3 * i]].subarray(offset, offset + this.meta[3 * i + 2]);
  }

  length(i: number): number {
    return this.meta[3 * i + 2];
  }

  /** Shortens record i in place (after filtering its values to the front). */
  truncate(i: number, length: number): void {
    const old = this.meta[3 * i + 2];
    if (length > old) throw new RangeError('U32Store.truncate cannot grow a record');
    this.meta[3 * i + 2] = length;
    this.totalLength -= old - length;
  }
}
