import type { BatchAssignment } from './reflections.table.js';

/**
 * Rules for assigning page ranges of a scanned batch to members, kept pure so they can be tested on
 * their own: ranges are 1-based and inclusive, lie inside the batch, never overlap, one range per
 * member per batch; posting a range that is already assigned exactly as asked changes nothing.
 */

export interface PageRange { memberId: string; from: number; to: number }

/** An assignment as stored in the batch's jsonb list; a removed one (a mistake undone) frees its pages. */
export interface StoredAssignment extends BatchAssignment { removedAt?: string; removedBy?: string }

export type RangeIssueKind = 'range' | 'overlap' | 'member' | 'too_many';
export interface RangeIssue { kind: RangeIssueKind; path: string; message: string }

export interface AssignmentPlan { fresh: PageRange[]; repeats: StoredAssignment[]; issues: RangeIssue[] }

export const isActive = (a: StoredAssignment) => !a.removedAt;

/** "trang 4" or "trang 4–6". */
export function pagesText(from: number, to: number): string {
  return from === to ? `trang ${from}` : `trang ${from}–${to}`;
}

const overlapOf = (a: { from: number; to: number }, b: { from: number; to: number }) => {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
};

/**
 * Sorts the requested ranges into new ones and exact repeats of active assignments, and lists every
 * problem with a message naming the pages and the member (`nameOf` gives a member's full name).
 */
export function planAssignments(opts: {
  pageCount: number; existing: StoredAssignment[]; requested: PageRange[]; maxPages: number; nameOf: (memberId: string) => string;
}): AssignmentPlan {
  const { pageCount, requested, maxPages, nameOf } = opts;
  const active = opts.existing.filter(isActive);
  const fresh: PageRange[] = [];
  const repeats: StoredAssignment[] = [];
  const issues: RangeIssue[] = [];
  const accepted: Array<PageRange & { row: number }> = [];
  requested.forEach((r, i) => {
    const path = `${i}`;
    const who = `đồng chí ${nameOf(r.memberId)}`;
    const line = requested.length > 1 ? `Dòng ${i + 1}: ` : '';
    if (!Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from < 1 || r.to > pageCount || r.from > r.to) {
      const why = r.from > r.to ? `trang đầu (${r.from}) lớn hơn trang cuối (${r.to})` : `${pagesText(r.from, r.to)} nằm ngoài tập (tập có ${pageCount} trang)`;
      issues.push({ kind: 'range', path, message: `${line}${why}` });
      return;
    }
    const same = active.find((a) => a.memberId === r.memberId && a.from === r.from && a.to === r.to);
    if (same) { repeats.push(same); return; }
    const earlier = active.find((a) => a.memberId === r.memberId);
    if (earlier) {
      issues.push({ kind: 'member', path, message: `${line}${who} đã được gán ${pagesText(earlier.from, earlier.to)} của tập này; hãy gỡ việc gán đó trước khi gán lại` });
      return;
    }
    const twice = accepted.find((a) => a.memberId === r.memberId);
    if (twice) {
      issues.push({ kind: 'member', path, message: `${line}${who} đã có ở dòng ${twice.row + 1}; mỗi đảng viên chỉ được gán một khoảng trang` });
      return;
    }
    for (const a of active) {
      const o = overlapOf(r, a);
      if (o) {
        issues.push({ kind: 'overlap', path, message: `${line}không gán được ${pagesText(r.from, r.to)} cho ${who}: ${pagesText(o.from, o.to)} đã gán cho đồng chí ${nameOf(a.memberId)}` });
        return;
      }
    }
    for (const a of accepted) {
      const o = overlapOf(r, a);
      if (o) {
        issues.push({ kind: 'overlap', path, message: `${line}${pagesText(o.from, o.to)} trùng với dòng ${a.row + 1} (đồng chí ${nameOf(a.memberId)})` });
        return;
      }
    }
    const count = r.to - r.from + 1;
    if (count > maxPages) {
      issues.push({ kind: 'too_many', path, message: `${line}bài của ${who} có ${count} trang, vượt quá số trang tối đa của đợt học tập (${maxPages} trang)` });
      return;
    }
    accepted.push({ ...r, row: i });
    fresh.push(r);
  });
  return { fresh, repeats, issues };
}

/** The first page no active assignment covers, or null when every page is assigned. */
export function firstUnassigned(pageCount: number, assignments: StoredAssignment[]): number | null {
  const taken = new Set<number>();
  for (const a of assignments.filter(isActive)) for (let p = a.from; p <= a.to; p++) taken.add(p);
  for (let p = 1; p <= pageCount; p++) if (!taken.has(p)) return p;
  return null;
}
