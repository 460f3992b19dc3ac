import type { BatchAssignment } from './batch-api';

/** Page ranges as the committee types them: "3-5", "3–5", "3 - 5" or "3"; pages are 1-based. */
export interface Range { from: number; to: number }

export function parseRange(text: string, pageCount: number): Range | string {
  const m = /^\s*(\d{1,4})\s*(?:[-–—]\s*(\d{1,4})\s*)?$/.exec(text);
  if (!m) return 'Nhập trang dạng "3-5" hoặc "3"';
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  if (from < 1 || to > pageCount) return `Tập chỉ có trang 1–${pageCount}`;
  if (from > to) return 'Trang đầu phải nhỏ hơn hoặc bằng trang cuối';
  return { from, to };
}

export const rangeText = (r: Range) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`);
export const pagesLabel = (r: Range) => (r.from === r.to ? `Trang ${r.from}` : `Trang ${r.from}–${r.to}`);

/** For each page (index 0 = page 1), the active assignment holding it, if any. */
export function pageOwners(pageCount: number, assignments: BatchAssignment[]): Array<BatchAssignment | null> {
  const owners: Array<BatchAssignment | null> = Array.from({ length: pageCount }, () => null);
  for (const a of assignments) if (!a.removedAt) for (let p = a.from; p <= a.to; p++) owners[p - 1] = a;
  return owners;
}

/**
 * The range to offer next: from the first free page, as long as the last range assigned (papers in a
 * stack tend to be alike), stopping before the next page already taken. Null when every page is taken.
 */
export function suggestRange(owners: Array<BatchAssignment | null>, lastLength: number): Range | null {
  const from = owners.findIndex((o) => !o) + 1;
  if (from === 0) return null;
  let to = from;
  while (to < owners.length && to - from + 1 < lastLength && !owners[to]) to++;
  return { from, to };
}
