import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { checkUpload, storeImagePage, type Upload } from './reflections.files.js';
import { checkStagingQuota } from './reflections.uploads.quota.js';
import { reflectionUploads, type ReflectionPage } from './reflections.table.js';

/**
 * Pages staged ahead of a submission, one per request, so a phone on a poor connection sends each page
 * once: the client names a page by a key (the SHA-256 of the compressed photo), asks which keys the
 * server already has, sends the rest, then submits the keys in order. Staged pages belong to the user
 * who sent them; another user's key is simply unknown.
 */

export const CLIENT_KEY = /^[A-Za-z0-9_-]{8,128}$/;
const SHA256 = /^[0-9a-f]{64}$/;

async function findStaged(exec: Executor, actor: Actor, keys: string[]) {
  if (keys.length === 0) return [];
  return exec.select({ clientKey: reflectionUploads.clientKey, page: reflectionUploads.page }).from(reflectionUploads).where(and(
    eq(reflectionUploads.tenantId, actor.tenantId), eq(reflectionUploads.userId, actor.userId), inArray(reflectionUploads.clientKey, keys)));
}

/**
 * Stores one page under the client's key. A key already stored answers with the stored page without
 * decoding the upload again. A SHA-256 key must match the bytes received (a page cut short on the way
 * is refused, not stored). The page is on disk (fsynced) before its row is written.
 */
export async function stagePage(db: Db, files: FileStore, actor: Actor, clientKey: string, upload: Upload | undefined) {
  const [known] = await findStaged(db, actor, [clientKey]);
  if (known) return { clientKey, page: known.page, replayed: true };
  if (!upload) throw new ValidationError('validation.failed', 'no file', { errors: [{ path: 'file', message: 'Chưa gửi kèm ảnh trang viết' }] });
  await checkStagingQuota(db, actor);
  if (SHA256.test(clientKey) && createHash('sha256').update(upload.bytes).digest('hex') !== clientKey) {
    throw new ValidationError('reflection.upload_corrupt', `${upload.name}: bytes do not match key`);
  }
  if (checkUpload(upload) === 'pdf') {
    throw new ValidationError('file.type', `${upload.name}: pdf staged as page`, { title: `Tệp "${upload.name}" là PDF: từng trang gửi trước phải là ảnh (JPEG, PNG, WebP, HEIC)` });
  }
  const page = await storeImagePage(files, upload, { thumbnail: 'page' });
  return db.transaction(async (tx) => {
    // Checked again under the user's lock: pages sent side by side by one phone cannot all slip under
    // the quota on the same count (the check above only spares storing a page that is refused anyway).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reflection-staging:${actor.userId}`}))`);
    // The same page sent twice at once: the first to take the lock stores it, and its row answers the other.
    const [again] = await findStaged(tx, actor, [clientKey]);
    if (again) return { clientKey, page: again.page, replayed: true };
    await checkStagingQuota(tx, actor);
    await tx.insert(reflectionUploads).values({ tenantId: actor.tenantId, userId: actor.userId, clientKey, page });
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.page_stage', entityType: 'reflection_upload', entityId: null, after: { clientKey, fileHash: page.fileHash } });
    return { clientKey, page, replayed: false };
  });
}

/** Which of the keys the server already holds for this user. */
export async function knownKeys(db: Db, actor: Actor, keys: string[]): Promise<string[]> {
  const rows = await findStaged(db, actor, keys.filter((k) => CLIENT_KEY.test(k)));
  const have = new Set(rows.map((r) => r.clientKey));
  return keys.filter((k) => have.has(k));
}

/** The user's staged pages for the keys, in the keys' order; any key not held is named by its page number. */
export async function stagedPages(exec: Executor, actor: Actor, keys: string[]): Promise<ReflectionPage[]> {
  const rows = await findStaged(exec, actor, [...new Set(keys)]);
  const byKey = new Map(rows.map((r) => [r.clientKey, r.page]));
  const missing = keys.map((k, i) => (byKey.has(k) ? null : i + 1)).filter((n): n is number => n !== null);
  if (missing.length) {
    throw new ValidationError('reflection.upload_missing', `${missing.length} staged pages unknown`, {
      title: `Máy chủ chưa nhận được ${missing.length === 1 ? 'trang' : 'các trang'} ${missing.join(', ')}; vui lòng gửi lại ${missing.length === 1 ? 'trang này' : 'các trang này'}`,
      errors: missing.map((n) => ({ path: `pageKeys.${n - 1}`, message: `Máy chủ chưa có ảnh trang ${n}` })),
    });
  }
  return keys.map((k) => byKey.get(k)!);
}
