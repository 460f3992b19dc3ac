/**
 * Grouping short texts that say the same thing (tfidf.ts for the vectors):
 *  0. texts equal once folded (the same recommendation re-typed or copied) are one point, weighted;
 *  1. neighbours: cosine ≥ threshold, found by accumulating products along an inverted index
 *     (columns held by more than 10 % of the texts are left to the exact check);
 *  2. star clustering: the text with most neighbours (by weight) opens a cluster and takes its
 *     unassigned neighbours, then the next one — no chaining of A ~ B ~ C into one blob;
 *  3. clusters whose centroids are alike (cosine ≥ mergeThreshold) are merged, most alike first,
 *     each merge checked again on the merged centroids (paraphrases of one request that the stars
 *     split by wording come together);
 *  4. each cluster's representative is the member closest to its centroid.
 * Deterministic: ties go to the earlier text; clusters come largest first, then by first member.
 */
import { normalizeText } from './normalize.js';
import { centroid, cosine, tfidf, type SparseVector } from './tfidf.js';
import { syllablesOfNormalized } from './tokenize.js';

export { cosine, features, tfidf } from './tfidf.js';

export interface ClusterOptions {
  /** Cosine from which two texts are neighbours (default 0.35). */
  threshold?: number;
  /** Cosine between centroids from which two clusters merge (default 0.25). */
  mergeThreshold?: number;
  /** Weight of bigram features against unigrams (default 0.5: paraphrases share words more than word pairs). */
  bigramWeight?: number;
  /**
   * Texts to prefer as representative when nearly as central (within 0.05 cosine) as the most
   * central one, e.g. those written with their accents.
   */
  prefer?: (index: number) => boolean;
  /** The texts are normalized already (normalizeText): skip doing it again. */
  normalized?: boolean;
}

export interface TextCluster {
  /** Indexes of the texts, ascending. */
  members: number[];
  representative: number;
}

type Neighbour = { index: number; sim: number };

/** For each vector, its neighbours (cosine ≥ threshold), most similar first. */
function neighbours(vectors: SparseVector[], threshold: number): Neighbour[][] {
  const n = vectors.length;
  let width = 0;
  for (const v of vectors) for (const c of v.cols) width = Math.max(width, c + 1);
  const start = new Int32Array(width + 1);
  for (const v of vectors) for (const c of v.cols) start[c + 1]++;
  for (let c = 0; c < width; c++) start[c + 1] += start[c];
  const fill = start.slice(0, width);
  const docs = new Int32Array(start[width]), vals = new Float64Array(start[width]);
  vectors.forEach((v, i) => v.cols.forEach((c, k) => { docs[fill[c]] = i; vals[fill[c]++] = v.vals[k]; }));
  const cap = Math.max(200, Math.ceil(0.1 * n));
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const out = vectors.map(() => [] as Neighbour[]);
  for (let i = 0; i < n; i++) {
    const v = vectors[i];
    for (let k = 0; k < v.cols.length; k++) {
      const c = v.cols[k];
      if (start[c + 1] - start[c] > cap) continue;
      for (let p = start[c + 1] - 1; p >= start[c] && docs[p] > i; p--) {
        const j = docs[p];
        if (acc[j] === 0) touched.push(j);
        acc[j] += v.vals[k] * vals[p];
      }
    }
    for (const j of touched) {
      const sim = acc[j] >= threshold - 0.1 ? cosine(v, vectors[j]) : 0;
      if (sim >= threshold) { out[i].push({ index: j, sim }); out[j].push({ index: i, sim }); }
      acc[j] = 0;
    }
    touched.length = 0;
  }
  for (const list of out) list.sort((x, y) => y.sim - x.sim || x.index - y.index);
  return out;
}

function find(parent: number[], x: number): number {
  while (parent[x] !== x) x = parent[x] = parent[parent[x]];
  return x;
}

/** Star clusters of the points (indexes into `vectors`), heaviest neighbourhoods first. */
function stars(near: Neighbour[][], weight: Int32Array): number[][] {
  const degree = near.map((list, i) => list.reduce((s, nb) => s + weight[nb.index], weight[i] - 1));
  const order = [...near.keys()].sort((a, b) => degree[b] - degree[a] || a - b);
  const owner = new Int32Array(near.length).fill(-1);
  const out: number[][] = [];
  for (const seed of order) {
    if (owner[seed] >= 0) continue;
    const members = [seed];
    owner[seed] = out.length;
    for (const { index } of near[seed]) if (owner[index] < 0) { owner[index] = out.length; members.push(index); }
    out.push(members);
  }
  return out;
}

/** Merges clusters whose centroids are alike, most alike first, rechecked on the merged centroids. */
function merge(groups: number[][], vectors: SparseVector[], weight: Int32Array, threshold: number): number[][] {
  const big = [...groups.keys()].filter((g) => groups[g].reduce((s, m) => s + weight[m], 0) > 1);
  const centroids = big.map((g) => centroid(groups[g], vectors, weight));
  const close: [number, number, number][] = [];
  for (const [x, y] of centroidPairs(centroids)) {
    const sim = cosine(centroids[x], centroids[y]);
    if (sim >= threshold) close.push([sim, big[x], big[y]]);
  }
  close.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const parent = groups.map((_, i) => i);
  const members = groups.map((g) => g);
  for (const [, x, y] of close) {
    const rx = find(parent, x), ry = find(parent, y);
    if (rx === ry) continue;
    if (cosine(centroid(members[rx], vectors, weight), centroid(members[ry], vectors, weight)) < threshold) continue;
    const [root, child] = rx < ry ? [rx, ry] : [ry, rx];
    parent[child] = root;
    members[root] = [...members[root], ...members[child]];
  }
  return members.filter((_, i) => find(parent, i) === i);
}

/** Pairs of centroids sharing one of their 12 heaviest columns. */
function centroidPairs(centroids: SparseVector[]): [number, number][] {
  const byColumn = new Map<number, number[]>();
  const top = centroids.map((c) => [...c.cols.keys()].sort((a, b) => c.vals[b] - c.vals[a] || a - b).slice(0, 12).map((k) => c.cols[k]));
  top.forEach((cols, i) => cols.forEach((col) => { const l = byColumn.get(col) ?? []; l.push(i); byColumn.set(col, l); }));
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const list of byColumn.values()) {
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const key = list[a] * centroids.length + list[b];
      if (!seen.has(key)) { seen.add(key); out.push([list[a], list[b]]); }
    }
  }
  return out;
}

/** Clusters `texts` (see the module comment). */
export function clusterTexts(texts: string[], options: ClusterOptions = {}): TextCluster[] {
  const threshold = options.threshold ?? 0.35;
  const mergeThreshold = options.mergeThreshold ?? 0.25;
  const pointOf = new Map<string, number>();
  const originals: number[][] = [];
  const normalized = options.normalized ? texts : texts.map(normalizeText);
  normalized.forEach((t, i) => {
    const key = syllablesOfNormalized(t, { fold: true }).join(' ');
    let p = pointOf.get(key);
    if (p === undefined) { p = originals.length; pointOf.set(key, p); originals.push([]); }
    originals[p].push(i);
  });
  const weight = Int32Array.from(originals, (o) => o.length);
  const vectors = tfidf(originals.map((o) => normalized[o[0]]), options.bigramWeight ?? 0.5, true);
  const groups = merge(stars(neighbours(vectors, threshold), weight), vectors, weight, mergeThreshold);
  return groups
    .map((points) => {
      const c = centroid(points, vectors, weight);
      const sims = points.map((p) => cosine(vectors[p], c));
      const best = Math.max(...sims);
      const candidates = points.map((p, k) => ({ p, sim: sims[k], first: originals[p][0] }));
      const central = candidates.filter((x) => x.sim >= best - 1e-12).sort((x, y) => x.first - y.first)[0];
      const preferred = options.prefer
        ? candidates.filter((x) => x.sim >= best - 0.05).flatMap((x) => originals[x.p].filter(options.prefer!).map((o) => ({ o, sim: x.sim })))
          .sort((x, y) => y.sim - x.sim || x.o - y.o)[0]
        : undefined;
      const members = points.flatMap((p) => originals[p]).sort((a, b) => a - b);
      return { members, representative: preferred ? preferred.o : central.first };
    })
    .sort((a, b) => b.members.length - a.members.length || a.members[0] - b.members[0]);
}
