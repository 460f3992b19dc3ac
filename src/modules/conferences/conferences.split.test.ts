import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { proposeSplit, type BranchGroup, type SplitProposal } from './conferences.split.js';

const group = (i: number, count: number): BranchGroup => ({ branchId: `b${String(i).padStart(3, '0')}`, branchName: `Chi bộ ${i + 1}`, count });
const groupsArb = (maxCount: number, maxLength = 30) =>
  fc.array(fc.integer({ min: 0, max: maxCount }), { minLength: 0, maxLength }).map((counts) => counts.map((c, i) => group(i, c)));
const capacityArb = fc.integer({ min: 1, max: 120 });
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const normalSessions = (p: SplitProposal) => p.sessions.filter((s) => !s.oversized);

/** The fewest sessions that can hold these branches whole (all ≤ capacity), guests in session 1, by trying every assignment. */
function optimum(counts: number[], capacity: number, guests: number): number {
  const total = sum(counts) + guests;
  for (let k = Math.max(1, Math.ceil(total / capacity)); ; k++) {
    const loads = Array.from({ length: k }, (_, i) => (i === 0 ? guests : 0));
    const fits = (i: number): boolean => i === counts.length || loads.some((l, b) => {
      if (l + counts[i] > capacity) return false;
      loads[b] += counts[i];
      const ok = fits(i + 1);
      loads[b] -= counts[i];
      return ok;
    });
    if (loads[0] <= capacity && fits(0)) return k;
  }
}

describe('proposeSplit', () => {
  it('splits a commune of eight branches into two balanced sessions for a 150-seat hall', () => {
    const counts = [42, 38, 35, 31, 28, 24, 19, 15];
    const p = proposeSplit(counts.map((c, i) => group(i, c)), 150);
    expect(p.total).toBe(232);
    expect(p.sessions.map((s) => s.load)).toEqual([116, 116]);
    expect(p.warnings).toEqual([]);
  });

  it('keeps one session when everyone fits', () => {
    const p = proposeSplit([group(0, 30), group(1, 20)], 100);
    expect(p.sessions).toHaveLength(1);
    expect(p.sessions[0].branches.map((b) => b.branchName)).toEqual(['Chi bộ 1', 'Chi bộ 2']);
  });

  it('puts a branch larger than the hall alone in its own session and says so, instead of failing', () => {
    const p = proposeSplit([group(0, 130), group(1, 40), group(2, 30)], 100);
    expect(p.sessions).toHaveLength(2);
    expect(p.sessions[1]).toMatchObject({ oversized: true, load: 130, branches: [{ branchId: 'b000' }] });
    expect(p.warnings).toEqual([expect.objectContaining({ code: 'branch_over_capacity', branchId: 'b000', count: 130 })]);
    expect(p.warnings[0].message).toContain('nhiều hơn sức chứa 100 chỗ');
  });

  it('counts guests who are not members in session 1', () => {
    const p = proposeSplit([group(0, 50), group(1, 50), group(2, 40)], 100, { guests: 30 });
    expect(p.sessions[0].guests).toBe(30);
    expect(p.sessions.map((s) => s.load)).toEqual([80, 90]);
  });

  it('is deterministic whatever the input order', () => {
    const gs = [17, 33, 8, 25, 41, 12, 29].map((c, i) => group(i, c));
    const a = proposeSplit(gs, 60);
    const b = proposeSplit([...gs].reverse(), 60);
    expect(b).toEqual(a);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => proposeSplit([group(0, 3)], 0)).toThrow(RangeError);
  });
});

describe('proposeSplit properties', () => {
  test.prop([groupsArb(150), capacityArb, fc.integer({ min: 0, max: 40 })])('every branch sits in exactly one session and no one is lost', (groups, capacity, guests) => {
    const p = proposeSplit(groups, capacity, { guests });
    const placed = p.sessions.flatMap((s) => s.branches.map((b) => b.branchId)).sort();
    expect(placed).toEqual(groups.map((g) => g.branchId).sort());
    expect(sum(p.sessions.map((s) => s.load))).toBe(sum(groups.map((g) => g.count)) + guests);
    for (const s of p.sessions) expect(s.load).toBe(sum(s.branches.map((b) => b.count)) + s.guests);
    expect(p.sessions.map((s) => s.seq)).toEqual(p.sessions.map((_, i) => i + 1));
  });

  test.prop([groupsArb(150), capacityArb, fc.integer({ min: 0, max: 40 })])('no session is over capacity unless it holds one branch larger than the hall', (groups, capacity, guests) => {
    fc.pre(guests <= capacity);
    const p = proposeSplit(groups, capacity, { guests });
    for (const s of p.sessions) {
      if (s.load > capacity) expect(s).toMatchObject({ oversized: true, branches: [expect.objectContaining({ count: s.load })] });
    }
    expect(p.warnings.map((w) => w.branchId)).toEqual(groups.filter((g) => g.count > capacity).sort((a, b) => b.count - a.count || (a.branchId < b.branchId ? -1 : 1)).map((g) => g.branchId));
  });

  /*
   * How many sessions. ⌈total / capacity⌉ is a lower bound but not always reachable: three
   * branches of 6 cannot share halls of 10 in two sessions. What holds:
   * - list-scheduling bound: with k = ⌈T / (c − p)⌉ sessions (p the largest branch) LPT already fits,
   *   since a branch joins the least-loaded session, loaded at most T / k ≤ c − p; we try k upwards,
   *   so we never use more;
   * - hence k ≤ ⌈T / c⌉ + 1 whenever p·(T + c) ≤ c² (then T / (c − p) ≤ T / c + 1): small branches;
   * - and for up to 7 branches it is exactly the optimum, found by trying every assignment.
   */
  test.prop([groupsArb(60, 40), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 0, max: 15 })])('never needs more sessions than the list-scheduling bound', (groups, capacity, guests) => {
    const normal = groups.filter((g) => g.count <= capacity);
    const T = sum(normal.map((g) => g.count)) + guests;
    const p = Math.max(0, ...normal.map((g) => g.count));
    fc.pre(p < capacity && guests <= capacity);
    const k = normalSessions(proposeSplit(groups, capacity, { guests })).length;
    expect(k).toBeLessThanOrEqual(Math.max(1, Math.min(Math.ceil(T / (capacity - p)), normal.length + 1)));
    if (p * (T + capacity) <= capacity * capacity) expect(k).toBeLessThanOrEqual(Math.max(1, Math.ceil(T / capacity)) + 1);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 60, max: 150 }), fc.integer({ min: 0, max: 20 })])('uses the fewest sessions possible for small communes', (counts, capacity, guests) => {
    const k = proposeSplit(counts.map((c, i) => group(i, c)), capacity, { guests }).sessions.length;
    expect(k).toBe(optimum(counts, capacity, guests));
  });

  test.prop([groupsArb(150), capacityArb])('sessions differ in size by no more than the largest branch', (groups, capacity) => {
    const sessions = normalSessions(proposeSplit(groups, capacity));
    const loads = sessions.map((s) => s.load);
    const largest = Math.max(0, ...groups.filter((g) => g.count <= capacity).map((g) => g.count));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(largest);
  });

  test.prop([groupsArb(80), capacityArb])('the same branches give the same proposal in any order', (groups, capacity) => {
    const shuffled = [...groups].sort((a, b) => (a.branchId.split('').reverse().join('') < b.branchId.split('').reverse().join('') ? -1 : 1));
    expect(proposeSplit(shuffled, capacity)).toEqual(proposeSplit(groups, capacity));
  });
});
