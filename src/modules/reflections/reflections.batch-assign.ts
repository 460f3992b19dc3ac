import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { AppError, ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { requireWriter } from './reflections.access.js';
import { isActive, pagesText, planAssignments, type PageRange, type RangeIssue, type StoredAssignment } from './reflections.batch-rules.js';
import { batchDetail, requireBatch } from './reflections.batches.js';
import * as batches from './reflections.batches.repository.js';
import { openPdf, pdfOfPages, range } from './reflections.pdf.js';
import * as repo from './reflections.repository.js';
import type { ReflectionPage } from './reflections.table.js';

type Batch = batches.BatchRow;
type Content = { pages: ReflectionPage[]; pdf: { fileHash: string; bytes: number } | null };
const keyOf = (r: PageRange) => `${r.memberId}:${r.from}-${r.to}`;

/**
 * The branch committee assigns page ranges of a batch to members of the branch. Each new range becomes
 * a version of that member's reflection (source 'branch'): a PDF of just those pages, or those photos.
 * Every range is checked first; then the files are stored (fsynced), and one transaction adds every
 * version, its receipt and the batch's list, or nothing. A range already assigned exactly so adds nothing.
 * The member's cut-off does not apply (the branch collected the papers on time); the version's
 * submittedAt is the moment of the assignment.
 */
export async function assignPages(db: Db, files: FileStore, actor: Actor, batchId: string, requested: PageRange[]) {
  const { batch, campaign } = await requireBatch(db, actor, batchId);
  const roster = await batches.branchRoster(db, actor.tenantId, batch.campaignId, batch.branchId);
  const inBranch = new Map(roster.map((m) => [m.id, m.fullName]));
  const outside = requested.findIndex((r) => !inBranch.has(r.memberId));
  if (outside >= 0) {
    throw new RuleViolationError('reflection.batch_member', `member ${requested[outside].memberId} not in branch ${batch.branchId}`, {
      title: `${requested.length > 1 ? `Dòng ${outside + 1}: đ` : 'Đ'}ảng viên được chọn không sinh hoạt tại chi bộ của tập bài quét này`,
    });
  }
  for (const memberId of new Set(requested.map((r) => r.memberId))) {
    await requireWriter(db, actor.tenantId, campaign, memberId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'reflection.not_writer') {
        throw new RuleViolationError('reflection.not_writer', err.detail, { title: `Đồng chí ${inBranch.get(memberId)} không thuộc diện viết bài thu hoạch của đợt học tập này` });
      }
      throw err;
    });
  }
  const { maxPages } = await repo.findSettings(db, actor.tenantId, batch.campaignId);
  const earlierNames = await batches.memberNames(db, actor.tenantId, (batch.assignments as StoredAssignment[]).map((a) => a.memberId));
  const nameOf = (id: string) => inBranch.get(id) ?? earlierNames.get(id) ?? '(đã chuyển sinh hoạt)';
  const plan = (existing: StoredAssignment[]) => planAssignments({ pageCount: batch.pageCount, existing, requested, maxPages, nameOf });
  const first = plan(batch.assignments as StoredAssignment[]);
  if (first.issues.length) throw issuesError(first.issues);
  const contents = await prepareContents(files, batch, first.fresh);

  const created = await db.transaction(async (tx) => {
    const locked = (await batches.findBatch(tx, actor.tenantId, batch.id, true))!;
    const list = [...(locked.assignments as StoredAssignment[])];
    // Checked again under the batch's lock: a concurrent assignment may have taken some pages.
    const again = plan(list);
    if (again.issues.length) throw issuesError(again.issues);
    const made = [];
    for (const r of again.fresh) {
      const content = contents.get(keyOf(r));
      if (!content) throw new ConflictError('resource.conflict', `batch ${batch.id} changed meanwhile`);
      const row = await repo.lockReflection(tx, { tenantId: actor.tenantId, campaignId: batch.campaignId, memberId: r.memberId, branchId: batch.branchId });
      const version = await repo.appendVersion(tx, actor.tenantId, row.id, {
        text: null, recommendations: null, ...content, source: 'branch', submittedBy: actor.userId, idempotencyKey: `batch:${batch.id}:${list.length}`,
      });
      list.push({ memberId: r.memberId, from: r.from, to: r.to, versionId: version.id, assignedBy: actor.userId, assignedAt: version.submittedAt.toISOString() });
      await recordAudit(tx, actor, actor.tenantId, {
        action: 'reflection.batch_assign', entityType: 'reflection', entityId: row.id,
        after: { batchId: batch.id, from: r.from, to: r.to, versionId: version.id, seq: version.seq, receiptNumber: version.receiptNumber, pdf: content.pdf?.fileHash ?? null, pages: content.pages.length },
      });
      made.push({ memberId: r.memberId, memberName: nameOf(r.memberId), from: r.from, to: r.to, versionId: version.id, receiptNumber: version.receiptNumber });
    }
    if (made.length) await batches.saveAssignments(tx, actor.tenantId, batch.id, list);
    return made;
  });
  return { created, batch: await batchDetail(db, actor, batch.id) };
}

/** Cuts each new range out of the batch before the transaction: a PDF of those pages (stored), or the photos. */
async function prepareContents(files: FileStore, batch: Batch, fresh: PageRange[]): Promise<Map<string, Content>> {
  const out = new Map<string, Content>();
  if (fresh.length === 0) return out;
  if (batch.kind !== 'pdf') {
    for (const r of fresh) out.set(keyOf(r), { pages: batch.pages.slice(r.from - 1, r.to), pdf: null });
    return out;
  }
  const { doc } = await openPdf({ name: 'PDF', bytes: await files.get(batch.pdfHash!) });
  for (const r of fresh) {
    const bytes = await pdfOfPages(doc, range(r.from - 1, r.to - 1));
    out.set(keyOf(r), { pages: [], pdf: { fileHash: await files.put(bytes), bytes: bytes.length } });
  }
  return out;
}

function issuesError(issues: RangeIssue[]) {
  const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
  const title = sentence(issues[0].message) + (issues.length > 1 ? ` (và ${issues.length - 1} lỗi khác)` : '');
  const errors = issues.map((i) => ({ path: i.path, message: sentence(i.message) }));
  const kind = issues[0].kind;
  if (kind === 'range') return new ValidationError('reflection.batch_range', 'bad page range', { title, errors });
  if (kind === 'too_many') return new RuleViolationError('reflection.too_many_pages', 'range over max pages', { title, errors });
  return new RuleViolationError('reflection.batch_overlap', 'pages or member already assigned', { title, errors });
}

/**
 * Undoes an assignment made by mistake. The version stays in the member's history (nothing is
 * deleted) but is withdrawn: the member's previous version becomes current again (or none), the
 * member no longer may fetch those pages, and the pages are free to assign to the right member.
 * Refused once the member has a newer version or grading of this one has begun.
 */
export async function removeAssignment(db: Db, actor: Actor, batchId: string, versionId: string) {
  const { batch } = await requireBatch(db, actor, batchId);
  await db.transaction(async (tx) => {
    const locked = (await batches.findBatch(tx, actor.tenantId, batch.id, true))!;
    const list = [...(locked.assignments as StoredAssignment[])];
    const index = list.findIndex((a) => a.versionId === versionId && isActive(a));
    if (index < 0) throw new NotFoundError('resource.not_found', `assignment ${versionId} not in batch ${batch.id}`);
    const a = list[index];
    // The row exists (the assignment made it); this only locks it.
    const reflection = await repo.lockReflection(tx, { tenantId: actor.tenantId, campaignId: batch.campaignId, memberId: a.memberId, branchId: batch.branchId });
    if (reflection.currentVersionId !== versionId || reflection.gradeStatus !== 'ungraded' || (await batches.isVersionGraded(tx, actor.tenantId, versionId))) {
      throw new RuleViolationError('reflection.batch_assignment_locked', `version ${versionId} superseded or graded`, {
        title: `Không gỡ được ${pagesText(a.from, a.to)}: bài thu hoạch của đảng viên này đã có bản mới hơn hoặc đã được chấm`,
      });
    }
    const versions = await repo.versionsOf(tx, actor.tenantId, reflection.id);
    const withdrawn = versions.find((v) => v.id === versionId)!;
    const skip = await batches.withdrawnVersionIds(tx, actor.tenantId, batch.campaignId);
    const previous = versions.filter((v) => v.seq < withdrawn.seq && !skip.has(v.id)).at(-1) ?? null;
    await batches.restoreCurrent(tx, actor.tenantId, reflection.id, previous);
    const hashes = [...withdrawn.pages.flatMap((p) => [p.fileHash, p.thumbHash]), ...(withdrawn.pdfHash ? [withdrawn.pdfHash] : [])];
    await batches.releaseFiles(tx, actor.tenantId, reflection.id, hashes, versionId);
    list[index] = { ...a, removedAt: new Date().toISOString(), removedBy: actor.userId };
    await batches.saveAssignments(tx, actor.tenantId, batch.id, list);
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'reflection.batch_unassign', entityType: 'reflection', entityId: reflection.id,
      before: { batchId: batch.id, from: a.from, to: a.to, versionId }, after: { currentVersionId: previous?.id ?? null },
    });
  });
  return batchDetail(db, actor, batch.id);
}
