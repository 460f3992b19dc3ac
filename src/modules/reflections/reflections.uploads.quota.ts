/**
 * Limits on staged pages (reflections.uploads.ts) and their cleanup. A staged page serves one upload
 * session: once submitted, the version keeps its own copy of the page record. So staged rows older than
 * STAGED_TTL_DAYS are deleted, whether a submission used them or not.
 *
 * Only the rows are deleted, never the stored files: the file store is content-addressed and shared (the
 * same bytes may be a submitted page, a batch page, a material...), nothing counts the references to a
 * hash across modules, and FileStore.put skips writing bytes it already holds, so a file deleted while
 * another request stages the same bytes would leave that request pointing at nothing. Deleting files
 * safely needs a reference table (see the report of this change).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { scopeRoots } from '../../kernel/access/policy.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { RuleViolationError } from '../../kernel/errors/app-error.js';

export const STAGED_TTL_DAYS = 7;
const MB = 1024 * 1024;

/**
 * Per user, over the staged pages of the last STAGED_TTL_DAYS days. A member stages at most a few
 * reflections' pages (30 a reflection at most); who collects a branch's papers stages batch scans
 * (up to 500 pages a batch).
 */
export const STAGING_QUOTA = {
  member: { pages: 100, bytes: 300 * MB },
  collector: { pages: 1500, bytes: 3000 * MB },
} as const;

export const stagingQuotaOf = (actor: Actor) => (scopeRoots(actor, 'reflection.collect').length > 0 ? STAGING_QUOTA.collector : STAGING_QUOTA.member);

/** Refuses one more staged page when the user's pages of the last days reach the quota (422, in Vietnamese). */
export async function checkStagingQuota(exec: Executor, actor: Actor): Promise<void> {
  const quota = stagingQuotaOf(actor);
  const [used] = await queryRows<{ pages: number; bytes: string | number }>(exec, sql`
    select count(*)::int as pages, coalesce(sum((page->>'bytes')::bigint), 0)::bigint as bytes
    from reflection_uploads
    where tenant_id = ${actor.tenantId} and user_id = ${actor.userId}::uuid
      and created_at > now() - make_interval(days => ${STAGED_TTL_DAYS})`);
  const bytes = Number(used.bytes);
  if (used.pages < quota.pages && bytes < quota.bytes) return;
  throw new RuleViolationError('reflection.upload_quota', `${used.pages} pages, ${bytes} bytes staged`, {
    params: { pages: used.pages, limitPages: quota.pages, limitMb: quota.bytes / MB },
    title: `Đồng chí đã gửi trước ${used.pages.toLocaleString('vi-VN')} trang ảnh (${Math.round(bytes / MB).toLocaleString('vi-VN')} MB) trong ${STAGED_TTL_DAYS} ngày qua, `
      + `đạt giới hạn ${quota.pages.toLocaleString('vi-VN')} trang hoặc ${(quota.bytes / MB).toLocaleString('vi-VN')} MB cho mỗi người. `
      + `Hãy nộp bài với các trang đã gửi; ảnh gửi trước quá ${STAGED_TTL_DAYS} ngày sẽ được tự động xóa.`,
  });
}

/**
 * Deletes staged page rows older than `olderThanDays` (default STAGED_TTL_DAYS), in slices so no
 * statement holds many row locks; the stored files stay (see above). Returns the number of rows deleted.
 */
export async function purgeStagedUploads(exec: Executor, opts: { olderThanDays?: number; slice?: number } = {}): Promise<number> {
  const days = opts.olderThanDays ?? STAGED_TTL_DAYS;
  const slice = opts.slice ?? 5000;
  let total = 0;
  for (;;) {
    const rows = await queryRows<{ n: number }>(exec, sql`
      with old as (
        select tenant_id, user_id, client_key from reflection_uploads
        where created_at < now() - make_interval(days => ${days}) limit ${slice}
      ), gone as (
        delete from reflection_uploads u using old
        where u.tenant_id = old.tenant_id and u.user_id = old.user_id and u.client_key = old.client_key
        returning 1
      )
      select count(*)::int as n from gone`);
    total += rows[0].n;
    if (rows[0].n < slice) return total;
  }
}
