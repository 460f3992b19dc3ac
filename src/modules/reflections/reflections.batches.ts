import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { sql, type Db, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { requireCampaignAccess } from '../campaigns/index.js';
import { isActive, type StoredAssignment } from './reflections.batch-rules.js';
import * as batches from './reflections.batches.repository.js';
import { checkUpload, detectKind, MAX_FILE_BYTES, storeImagePage, type Upload } from './reflections.files.js';
import { MAX_BATCH_PAGES, MAX_BATCH_PDF_BYTES, openPdf, pdfOfPages, range } from './reflections.pdf.js';
import type { ReflectionPage } from './reflections.table.js';
import { stagedPages } from './reflections.uploads.js';

/**
 * A branch's batch scan: the committee scans the stack of papers collected at the branch as one PDF or
 * a set of photos, then assigns page ranges to members (reflections.batch-assign.ts). Only who holds
 * reflection.collect on the branch sees or touches its batches; anyone else gets 404.
 */

export interface BatchTarget { campaignId: string; branchId: string }

/** The campaign and branch after the access checks: collect right on the branch, branch inside the campaign. */
async function requireBranch(db: Db, actor: Actor, t: BatchTarget) {
  const campaign = await requireCampaignAccess(db, actor, t.campaignId);
  await requireAccess(db, actor, 'reflection.collect', t.branchId);
  const info = await batches.branchInfo(db, actor.tenantId, t.branchId, campaign.orgId);
  if (!info) throw new NotFoundError('org.not_found', `org ${t.branchId}`);
  if (!info.inside || !info.leaf) throw new RuleViolationError('reflection.batch_outside', `org ${t.branchId} not a branch of campaign ${t.campaignId}`);
  return { campaign, branchName: info.name };
}

/** The batch if the actor may collect on its branch; otherwise, like a missing one, 404. */
export async function requireBatch(db: Executor, actor: Actor, batchId: string) {
  const batch = await batches.findBatch(db, actor.tenantId, batchId);
  if (!batch || !(await can(db, actor, 'reflection.collect', batch.branchId))) {
    throw new NotFoundError('reflection.batch_not_found', `batch ${batchId} missing or out of scope`);
  }
  return { batch, campaign: await requireCampaignAccess(db, actor, batch.campaignId) };
}

/** A whole scanned stack may be a larger PDF than one member's file; photos keep the page limits. */
function checkBatchUpload(file: Upload) {
  if (detectKind(file.bytes) !== 'pdf' || file.bytes.length <= MAX_FILE_BYTES) return checkUpload(file);
  if (file.bytes.length > MAX_BATCH_PDF_BYTES) {
    throw new ValidationError('file.too_large', `${file.name}: ${file.bytes.length} bytes`, {
      title: `Tệp "${file.name}" vượt quá ${MAX_BATCH_PDF_BYTES / 1024 / 1024} MB; hãy quét với độ phân giải thấp hơn hoặc chia thành nhiều tệp`,
    });
  }
  return 'pdf' as const;
}

/** Stores the upload (one PDF, or photos and/or staged pages) and records the batch. */
export async function createBatch(db: Db, files: FileStore, actor: Actor, t: BatchTarget, input: { uploads: Upload[]; pageKeys: string[] }) {
  await requireBranch(db, actor, t);
  const kinds = input.uploads.map(checkBatchUpload);
  const isPdf = kinds.includes('pdf');
  if (isPdf && (kinds.length > 1 || input.pageKeys.length > 0)) {
    throw new ValidationError('validation.failed', 'pdf mixed with pages', { title: 'Tải lên một tệp PDF của cả tập, hoặc các ảnh chụp trang; không gửi cả hai' });
  }
  if (!isPdf && kinds.length + input.pageKeys.length === 0) {
    throw new ValidationError('validation.failed', 'empty batch', { title: 'Chưa có tệp PDF hay ảnh trang nào được gửi lên' });
  }
  let stored: { kind: 'pdf' | 'photos'; pdfHash: string | null; pages: ReflectionPage[]; pageCount: number };
  if (isPdf) {
    const { doc, pageCount } = await openPdf(input.uploads[0]);
    // Re-made from its pages: the scanner's document information and metadata are not kept.
    const clean = await pdfOfPages(doc, range(0, pageCount - 1), input.uploads[0].name);
    stored = { kind: 'pdf', pdfHash: await files.put(clean), pages: [], pageCount };
  } else {
    const count = kinds.length + input.pageKeys.length;
    if (count > MAX_BATCH_PAGES) {
      throw new RuleViolationError('reflection.too_many_pages', `${count} pages`, { title: `Một tập tối đa ${MAX_BATCH_PAGES} trang; đã gửi ${count} trang` });
    }
    const pages = await stagedPages(db, actor, input.pageKeys);
    for (const upload of input.uploads) pages.push(await storeImagePage(files, upload));
    stored = { kind: 'photos', pdfHash: null, pages, pageCount: pages.length };
  }
  const batch = await db.transaction(async (tx) => {
    const row = await batches.insertBatch(tx, { tenantId: actor.tenantId, id: newId(), ...t, ...stored, assignments: [], uploadedBy: actor.userId });
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'reflection.batch_upload', entityType: 'reflection_batch', entityId: row.id,
      after: { ...t, kind: row.kind, pageCount: row.pageCount, pdfHash: row.pdfHash },
    });
    return row;
  });
  return batchDetail(db, actor, batch.id);
}

export async function listBranchBatches(db: Db, actor: Actor, t: BatchTarget) {
  await requireBranch(db, actor, t);
  const rows = await batches.listBatches(db, actor.tenantId, t.campaignId, t.branchId);
  return rows.map((b) => ({
    id: b.id, kind: b.kind as 'pdf' | 'photos', pageCount: b.pageCount, createdAt: b.createdAt.toISOString(),
    assignedPages: assignedPageCount(b.assignments as StoredAssignment[]),
    assignedMembers: (b.assignments as StoredAssignment[]).filter(isActive).length,
  }));
}

const assignedPageCount = (list: StoredAssignment[]) => list.filter(isActive).reduce((n, a) => n + a.to - a.from + 1, 0);

/** The batch with its assignments (removed ones included, marked) and the branch's members and their reflections. */
export async function batchDetail(db: Db, actor: Actor, batchId: string) {
  const { batch } = await requireBatch(db, actor, batchId);
  const roster = await batches.branchRoster(db, actor.tenantId, batch.campaignId, batch.branchId);
  const list = batch.assignments as StoredAssignment[];
  const names = await batches.memberNames(db, actor.tenantId, [...new Set(list.map((a) => a.memberId))]);
  const branch = await batches.branchInfo(db, actor.tenantId, batch.branchId, batch.branchId);
  return {
    id: batch.id, campaignId: batch.campaignId, branchId: batch.branchId, branchName: branch?.name ?? '',
    kind: batch.kind as 'pdf' | 'photos', pageCount: batch.pageCount, pdfHash: batch.pdfHash, pages: batch.pages,
    createdAt: batch.createdAt.toISOString(), uploadedBy: batch.uploadedBy, assignedPages: assignedPageCount(list),
    assignments: list.map((a) => ({
      memberId: a.memberId, memberName: names.get(a.memberId) ?? '', from: a.from, to: a.to, versionId: a.versionId,
      assignedBy: a.assignedBy, assignedAt: a.assignedAt, removedAt: a.removedAt ?? null,
    })),
    members: roster,
  };
}

/** Branches where the actor collects reflections in this campaign, for the batch screen's picker. */
export async function batchBranches(db: Db, actor: Actor, campaignId: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  return batches.collectableBranches(db, actor.tenantId, campaign.orgId, orgScopeSql(actor, 'reflection.collect', sql`o.id`));
}

/** The batch's PDF, a page or a thumbnail: only a file of this batch, only for its branch's collectors. */
export async function batchFile(db: Db, files: FileStore, actor: Actor, batchId: string, hash: string) {
  const { batch } = await requireBatch(db, actor, batchId);
  if (batch.pdfHash === hash) return { mime: 'application/pdf', bytes: await files.get(hash) };
  const page = batch.pages.find((p) => p.fileHash === hash || p.thumbHash === hash);
  if (!page) throw new NotFoundError('resource.not_found', `file ${hash} not in batch ${batchId}`);
  return { mime: page.fileHash === hash ? page.mime : 'image/jpeg', bytes: await files.get(hash) };
}
