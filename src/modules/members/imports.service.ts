import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { resolveOrgRef } from '../org/index.js';
import { parseMemberSheet } from './members.import-parse.js';
import { importParsedSheet, type ImportResult } from './members.import.js';
import { memberImports } from './imports.table.js';

/**
 * The import screen's flow: upload → parse in the background with progress → preview (every problem
 * by row and column) → commit in one transaction. The file is kept in the content store, so the
 * commit re-reads exactly what was previewed, even after a restart.
 */
const progress = new Map<string, { processed: number; phase: 'parsing' | 'committing' }>();

const running = new Set<Promise<void>>();

/** Waits for background previews, so a shutting-down server does not cut one off mid-write. */
export async function drainImports(): Promise<void> {
  await Promise.allSettled([...running]);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function startImport(db: Db, files: FileStore, actor: Actor, input: { targetOrgId: string; fileName: string; bytes: Buffer }) {
  await requireAccess(db, actor, 'member.manage', input.targetOrgId);
  await resolveOrgRef(db, actor.tenantId, input.targetOrgId); // refuses a dissolved or merged org
  if (input.bytes.length < 4 || !input.bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new ValidationError('import.file_type', 'not a zip container', { errors: [{ path: 'file', message: 'Tệp không phải là bảng tính Excel (.xlsx)' }] });
  }
  const fileHash = await files.put(input.bytes);
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(memberImports).values({
      tenantId: actor.tenantId, id, userId: actor.userId, targetOrgId: input.targetOrgId, fileName: input.fileName, fileHash, status: 'parsing',
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'member_import.upload', entityType: 'member_import', entityId: id, after: { fileName: input.fileName, fileHash } });
  });
  const job = runPreview(db, files, actor, id).finally(() => running.delete(job));
  running.add(job);
  return getImport(db, actor, id);
}

async function runPreview(db: Db, files: FileStore, actor: Actor, id: string) {
  const job = await loadOwn(db, actor, id);
  progress.set(id, { processed: 0, phase: 'parsing' });
  try {
    const parsed = await parseMemberSheet(await files.get(job.fileHash), { onProgress: (n) => progress.set(id, { processed: n, phase: 'parsing' }) });
    const target = await resolveOrgRef(db, actor.tenantId, job.targetOrgId);
    const result = await importParsedSheet(db, actor, { target, parsed, dryRun: true, fileName: job.fileName });
    await setStatus(db, actor, id, result.errors.length ? 'rejected' : 'ready', result, parsed.rows.length, {
      title: parsed.title, issuingOrg: parsed.issuingOrg, sample: parsed.rows.slice(0, 20).map((r) => ({ row: r.row, fullName: r.fullName, birthDate: r.birthDate, gender: r.gender, cardNumber: r.cardNumber, branch: r.branch })),
    });
  } catch (err) {
    console.error(`member import ${id} failed`, err);
    await setStatus(db, actor, id, 'failed', { rows: 0, created: 0, updated: 0, warnings: [], errors: [{ row: 0, column: '', message: 'Không đọc được tệp hoặc đơn vị nhận danh sách không còn hoạt động; hãy kiểm tra lại và tải lên lần nữa' }] }, 0);
  } finally {
    progress.delete(id);
  }
}

export async function commitImport(db: Db, files: FileStore, actor: Actor, id: string) {
  const job = await loadOwn(db, actor, id);
  const claimed = await db.update(memberImports).set({ status: 'committing', updatedAt: new Date() })
    .where(and(eq(memberImports.tenantId, actor.tenantId), eq(memberImports.id, id), eq(memberImports.status, 'ready'))).returning();
  if (claimed.length === 0) throw new ConflictError('import.not_ready', `import ${id} is ${job.status}`);
  progress.set(id, { processed: 0, phase: 'committing' });
  try {
    const parsed = await parseMemberSheet(await files.get(job.fileHash), { onProgress: (n) => progress.set(id, { processed: n, phase: 'committing' }) });
    const target = await resolveOrgRef(db, actor.tenantId, job.targetOrgId);
    const result = await importParsedSheet(db, actor, { target, parsed, dryRun: false, fileName: job.fileName, fileHash: job.fileHash });
    await setStatus(db, actor, id, result.committed ? 'committed' : 'rejected', result, parsed.rows.length);
  } catch (err) {
    await setStatus(db, actor, id, 'ready', null, job.totalRows);
    throw err;
  } finally {
    progress.delete(id);
  }
  return getImport(db, actor, id);
}

export async function getImport(db: Db, actor: Actor, id: string) {
  const job = await loadOwn(db, actor, id);
  const live = progress.get(id);
  const summary = (job.summary ?? null) as (ImportResult & { title?: string | null; issuingOrg?: string | null; sample?: unknown[] }) | null;
  return {
    id: job.id, status: job.status, fileName: job.fileName, targetOrgId: job.targetOrgId,
    totalRows: job.totalRows, processedRows: live?.processed ?? job.processedRows, phase: live?.phase ?? null,
    summary, createdAt: job.createdAt.toISOString(),
  };
}

async function loadOwn(db: Db, actor: Actor, id: string) {
  const [job] = await db.select().from(memberImports).where(and(eq(memberImports.tenantId, actor.tenantId), eq(memberImports.id, id)));
  if (!job || job.userId !== actor.userId) throw new NotFoundError('resource.not_found', `import ${id}`);
  return job;
}

async function setStatus(db: Db, actor: Actor, id: string, status: string, result: ImportResult | null, rows: number, extra: Record<string, unknown> = {}) {
  await db.transaction(async (tx) => {
    const values: Partial<typeof memberImports.$inferInsert> = { status, totalRows: rows, processedRows: rows, updatedAt: new Date() };
    if (result) values.summary = { rows: result.rows, created: result.created, updated: result.updated, errors: result.errors.slice(0, 2000), errorCount: result.errors.length, warnings: result.warnings.slice(0, 500), ...extra };
    await tx.update(memberImports).set(values).where(and(eq(memberImports.tenantId, actor.tenantId), eq(memberImports.id, id)));
    await recordAudit(tx, actor, actor.tenantId, { action: `member_import.${status}`, entityType: 'member_import', entityId: id, after: result && { rows: result.rows, created: result.created, updated: result.updated, errors: result.errors.length } });
  });
}
