/**
 * Halls too small (seed 000: a commune with many members holds two conferences). Splits a
 * conference's invitees into sessions that each fit the hall, keeping every branch whole and the
 * sessions close in size. Pure and deterministic: same input, same proposal.
 *
 * How: branches larger than the hall go alone into their own session (flagged, with a warning).
 * For the others, try k = ⌈total / capacity⌉ sessions and upwards: LPT (largest branch first into
 * the least-loaded session); if that overflows, an exact depth-first search with a node budget.
 * The first k that fits wins, then local moves and swaps even out the sizes.
 */

export interface BranchGroup { branchId: string; branchName: string; count: number }

export interface ProposedSession {
  seq: number;
  /** Invitees in the session: its branches plus, in session 1, the guests who are not members. */
  load: number;
  guests: number;
  /** A single branch larger than the hall: it cannot be split, so it sits alone, over capacity. */
  oversized: boolean;
  branches: BranchGroup[];
}

export interface SplitWarning {
  code: 'branch_over_capacity' | 'guests_over_capacity';
  branchId: string | null;
  branchName: string | null;
  count: number;
  message: string;
}

export interface SplitProposal {
  capacity: number;
  total: number;
  guests: number;
  sessions: ProposedSession[];
  warnings: SplitWarning[];
}

const SEARCH_BUDGET = 200_000;

/** Largest first; ties by id, so the result does not depend on the input's order. */
const bySizeDesc = (a: BranchGroup, b: BranchGroup) => b.count - a.count || (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0);
const byName = (a: BranchGroup, b: BranchGroup) => a.branchName.localeCompare(b.branchName, 'vi', { numeric: true }) || bySizeDesc(a, b);

export function proposeSplit(groups: readonly BranchGroup[], capacity: number, opts: { guests?: number } = {}): SplitProposal {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  const guests = Math.max(0, Math.floor(opts.guests ?? 0));
  const sorted = mergeDuplicates(groups).sort(bySizeDesc);
  const oversized = sorted.filter((g) => g.count > capacity);
  const normal = sorted.filter((g) => g.count <= capacity);
  const packed = normal.length > 0 || guests > 0 || oversized.length === 0 ? packNormal(normal, capacity, guests) : [];
  const bins = packed.filter((b, i) => i === 0 || b.items.length > 0);
  const sessions: ProposedSession[] = bins.map((b, i) => ({
    seq: i + 1, load: b.load, guests: i === 0 ? guests : 0, oversized: false, branches: [...b.items].sort(byName),
  }));
  for (const g of oversized) sessions.push({ seq: sessions.length + 1, load: g.count, guests: 0, oversized: true, branches: [g] });
  const total = sorted.reduce((s, g) => s + g.count, 0) + guests;
  return { capacity, total, guests, sessions, warnings: warningsFor(oversized, guests, capacity) };
}

function warningsFor(oversized: BranchGroup[], guests: number, capacity: number): SplitWarning[] {
  const warnings: SplitWarning[] = oversized.map((g) => ({
    code: 'branch_over_capacity', branchId: g.branchId, branchName: g.branchName, count: g.count,
    message: `${g.branchName} có ${g.count} người được mời, nhiều hơn sức chứa ${capacity} chỗ của hội trường: chi bộ được xếp riêng một phiên, cần hội trường lớn hơn`,
  }));
  if (guests > capacity) {
    warnings.push({
      code: 'guests_over_capacity', branchId: null, branchName: null, count: guests,
      message: `Số khách mời (${guests}) nhiều hơn sức chứa ${capacity} chỗ của hội trường phiên 1`,
    });
  }
  return warnings;
}

function mergeDuplicates(groups: readonly BranchGroup[]): BranchGroup[] {
  const byId = new Map<string, BranchGroup>();
  for (const g of groups) {
    const cur = byId.get(g.branchId);
    byId.set(g.branchId, cur ? { ...cur, count: cur.count + g.count } : { ...g, count: Math.max(0, Math.floor(g.count)) });
  }
  return [...byId.values()];
}

interface Bin { load: number; items: BranchGroup[] }

/** Fewest sessions that fit, trying k upwards; with k = n + 1 every branch sits alone and guests apart. */
function packNormal(items: BranchGroup[], capacity: number, guests: number): Bin[] {
  const sum = items.reduce((s, g) => s + g.count, 0) + guests;
  const maxK = items.length + (guests > 0 ? 1 : 0);
  for (let k = Math.max(1, Math.ceil(sum / capacity)); k <= maxK; k++) {
    const bins = lpt(items, k, guests);
    if (maxLoad(bins) <= capacity) return balance(bins);
    const found = search(items, k, capacity, guests);
    if (found) return balance(found);
  }
  // Only when the guests alone overflow the hall: best effort, still every branch whole.
  return balance(lpt(items, Math.max(1, maxK), guests));
}

const maxLoad = (bins: Bin[]) => bins.reduce((m, b) => Math.max(m, b.load), 0);
const emptyBins = (k: number, guests: number): Bin[] => Array.from({ length: k }, (_, i) => ({ load: i === 0 ? guests : 0, items: [] }));

/** Longest processing time first: each branch, largest first, into the least-loaded session (lowest index on ties). */
function lpt(items: BranchGroup[], k: number, guests: number): Bin[] {
  const bins = emptyBins(k, guests);
  for (const g of items) {
    let best = 0;
    for (let i = 1; i < k; i++) if (bins[i].load < bins[best].load) best = i;
    bins[best].items.push(g);
    bins[best].load += g.count;
  }
  return bins;
}

/**
 * Exact search for a packing into k sessions of at most `capacity`, items largest first. Sessions
 * with equal load are interchangeable for what follows, so only one of them is tried per item.
 */
function search(items: BranchGroup[], k: number, capacity: number, guests: number): Bin[] | null {
  const loads = emptyBins(k, guests).map((b) => b.load);
  const choice = new Array<number>(items.length).fill(-1);
  const suffix = items.map((_, i) => items.slice(i).reduce((s, g) => s + g.count, 0));
  let nodes = 0;
  const place = (i: number): boolean => {
    if (i === items.length) return true;
    if (++nodes > SEARCH_BUDGET) return false;
    const free = loads.reduce((s, l) => s + (capacity - l), 0);
    if (suffix[i] > free) return false;
    const tried = new Set<number>();
    for (let b = 0; b < k; b++) {
      if (tried.has(loads[b]) || loads[b] + items[i].count > capacity) continue;
      tried.add(loads[b]);
      loads[b] += items[i].count; choice[i] = b;
      if (place(i + 1)) return true;
      loads[b] -= items[i].count;
    }
    return false;
  };
  if (!place(0)) return null;
  const bins = emptyBins(k, guests);
  items.forEach((g, i) => { bins[choice[i]].items.push(g); bins[choice[i]].load += g.count; });
  return bins;
}

/**
 * Evens out loads without raising the largest: move a branch from a fuller session to an emptier
 * one when it is smaller than their difference, or swap two branches whose sizes differ by less.
 * Each step lowers the sum of squared loads, so it stops; at the end the fullest and emptiest
 * sessions differ by no more than the smallest branch of the fullest (or the guests).
 */
function balance(bins: Bin[]): Bin[] {
  for (let guard = 0; guard < 10_000 && improveOnce(bins); guard++) { /* keep improving */ }
  return bins;
}

function improveOnce(bins: Bin[]): boolean {
  const order = bins.map((_, i) => i).sort((a, b) => bins[b].load - bins[a].load || a - b);
  for (let x = 0; x < order.length; x++) {
    for (let y = order.length - 1; y > x; y--) {
      const a = bins[order[x]]; const b = bins[order[y]];
      const gap = a.load - b.load;
      if (gap <= 0) continue;
      if (tryMove(a, b, gap) || trySwap(a, b, gap)) return true;
    }
  }
  return false;
}

/** Moves the branch whose size is nearest half the gap, if any is strictly between 0 and the gap. */
function tryMove(a: Bin, b: Bin, gap: number): boolean {
  let best = -1;
  a.items.forEach((g, i) => {
    if (g.count > 0 && g.count < gap && (best < 0 || Math.abs(2 * g.count - gap) < Math.abs(2 * a.items[best].count - gap))) best = i;
  });
  if (best < 0) return false;
  const [g] = a.items.splice(best, 1);
  b.items.push(g); a.load -= g.count; b.load += g.count;
  return true;
}

function trySwap(a: Bin, b: Bin, gap: number): boolean {
  for (let i = 0; i < a.items.length; i++) {
    for (let j = 0; j < b.items.length; j++) {
      const d = a.items[i].count - b.items[j].count;
      if (d > 0 && d < gap) {
        const g = a.items[i]; const h = b.items[j];
        a.items[i] = h; b.items[j] = g; a.load -= d; b.load += d;
        return true;
      }
    }
  }
  return false;
}
