import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { firstUnassigned, planAssignments, type PageRange, type StoredAssignment } from './reflections.batch-rules.js';

const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
const nameOf = (id: string) => `Tên ${id}`;
const rangeArb = fc.record({ memberId: fc.constantFrom(...MEMBERS), from: fc.integer({ min: -1, max: 14 }), to: fc.integer({ min: -1, max: 14 }) });

/** Applies requests one after another as the service does, keeping only what each plan accepts. */
function applyAll(pageCount: number, requests: PageRange[][], maxPages: number) {
  const existing: StoredAssignment[] = [];
  for (const requested of requests) {
    const plan = planAssignments({ pageCount, existing, requested, maxPages, nameOf });
    if (plan.issues.length) continue; // all or none
    for (const r of plan.fresh) existing.push({ ...r, versionId: `v${existing.length}`, assignedBy: 'u', assignedAt: '' });
  }
  return existing;
}

describe('planAssignments', () => {
  test.prop([fc.integer({ min: 1, max: 12 }), fc.array(fc.array(rangeArb, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), fc.integer({ min: 1, max: 12 })])(
    'whatever is asked, accepted ranges stay inside the batch, never overlap, one per member, within the page limit',
    (pageCount, requests, maxPages) => {
      const assigned = applyAll(pageCount, requests, maxPages);
      const seen = new Set<number>();
      for (const a of assigned) {
        expect(a.from).toBeGreaterThanOrEqual(1);
        expect(a.to).toBeLessThanOrEqual(pageCount);
        expect(a.to - a.from + 1).toBeLessThanOrEqual(maxPages);
        for (let p = a.from; p <= a.to; p++) { expect(seen.has(p)).toBe(false); seen.add(p); }
      }
      expect(new Set(assigned.map((a) => a.memberId)).size).toBe(assigned.length);
    });

  test.prop([fc.integer({ min: 1, max: 12 }), fc.array(fc.array(rangeArb, { minLength: 1, maxLength: 4 }), { maxLength: 8 })])(
    'posting what is already assigned again adds nothing and raises nothing',
    (pageCount, requests) => {
      const existing = applyAll(pageCount, requests, 12);
      if (existing.length === 0) return;
      const again = planAssignments({ pageCount, existing, requested: existing.map(({ memberId, from, to }) => ({ memberId, from, to })), maxPages: 12, nameOf });
      expect(again).toEqual({ fresh: [], repeats: existing, issues: [] });
    });

  test.prop([fc.integer({ min: 1, max: 12 }), fc.array(fc.array(rangeArb, { minLength: 1, maxLength: 4 }), { maxLength: 8 })])(
    'a removed assignment frees its pages and its member',
    (pageCount, requests) => {
      const existing = applyAll(pageCount, requests, 12).map((a) => ({ ...a, removedAt: '2026-01-01T00:00:00Z' }));
      const requested = existing.map(({ memberId, from, to }) => ({ memberId, from, to }));
      expect(planAssignments({ pageCount, existing, requested, maxPages: 12, nameOf }).fresh).toEqual(requested);
      expect(firstUnassigned(pageCount, existing)).toBe(1);
    });

  test.prop([fc.integer({ min: 1, max: 12 }), fc.array(fc.array(rangeArb, { minLength: 1, maxLength: 4 }), { maxLength: 8 })])(
    'the first unassigned page is the lowest page no active assignment covers',
    (pageCount, requests) => {
      const existing = applyAll(pageCount, requests, 12);
      const covered = (p: number) => existing.some((a) => a.from <= p && p <= a.to);
      const expected = Array.from({ length: pageCount }, (_, i) => i + 1).find((p) => !covered(p)) ?? null;
      expect(firstUnassigned(pageCount, existing)).toBe(expected);
    });

  test('messages name the pages and the member', () => {
    const existing: StoredAssignment[] = [{ memberId: 'm1', from: 1, to: 3, versionId: 'v', assignedBy: 'u', assignedAt: '' }];
    const plan = (requested: PageRange[]) => planAssignments({ pageCount: 7, existing, requested, maxPages: 10, nameOf }).issues.map((i) => i.message);
    expect(plan([{ memberId: 'm2', from: 2, to: 5 }])).toEqual(['không gán được trang 2–5 cho đồng chí Tên m2: trang 2–3 đã gán cho đồng chí Tên m1']);
    expect(plan([{ memberId: 'm2', from: 5, to: 4 }])).toEqual(['trang đầu (5) lớn hơn trang cuối (4)']);
    expect(plan([{ memberId: 'm2', from: 4, to: 5 }, { memberId: 'm3', from: 5, to: 5 }])).toEqual(['Dòng 2: trang 5 trùng với dòng 1 (đồng chí Tên m2)']);
  });
});
