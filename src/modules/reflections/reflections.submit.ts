import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { newId } from '../../kernel/db/columns.js';
import { copyIndexJob, requestCopyIndex } from '../copies/index.js';
import { recommendationJob, requestRecommendationRefresh } from '../recommendations/index.js';
import { checkUpload, storeImagePage, type Upload } from './reflections.files.js';
import { stagedPages } from './reflections.uploads.js';
import * as repo from './reflections.repository.js';
import { insertFirstVersion, isReceiptClash, submitContext } from './reflections.submit.repository.js';
import type { ReflectionPage } from './reflections.table.js';
import { toReflection } from './reflections.view.js';

export interface SubmitInput {
  text?: string; recommendations?: string; uploads: Upload[]; idempotencyKey: string | null;
  /** Pages staged ahead by this user (reflections.uploads.ts), in order; they come before any uploaded photos. */
  pageKeys?: string[];
}

const vnTime = (iso: string) => new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric',
}).format(new Date(iso));

/**
 * The signed-in member hands in (or replaces) their reflection. Files are stored (fsynced) first, then
 * the version is committed; only then is the receipt given. The deadline is judged at the moment the
 * request arrived, so a slow upload begun in time is not refused.
 *
 * The deadline rush's hot path, kept to three round trips (the session, this one's checks, the write):
 * a member's first version is one statement (reflections.submit.repository.ts); a later version or a
 * repeated idempotency key takes the locked transaction below. The answer is built from what was
 * written, not read back.
 */
export async function submitMine(db: Db, files: FileStore, actor: Actor, campaignId: string, input: SubmitInput) {
  const arrivedAt = new Date();
  const ctx = await submitContext(db, actor, campaignId, arrivedAt);
  if (!ctx.campaign) throw new NotFoundError('campaign.not_found', `campaign ${campaignId}`);
  if (!actor.memberId) throw new NotFoundError('reflection.not_found', 'actor is not a member');
  const member = ctx.member;
  if (!member) throw new NotFoundError('member.not_found', `member ${actor.memberId}`);
  if (member.left || !member.insideCampaign) throw new RuleViolationError('reflection.not_writer', `member ${actor.memberId} outside campaign ${campaignId}`);
  const rules = ctx.rules;
  checkContent(rules, input);
  if (rules.cutoffAt && arrivedAt > rules.cutoffAt && !ctx.extensionUntil) {
    const cutoff = rules.cutoffAt.toISOString();
    throw new RuleViolationError('reflection.closed', `cutoff ${cutoff}`, {
      title: `Đã quá hạn chót nộp bài thu hoạch (${vnTime(cutoff)}). Đồng chí cần đề nghị chi ủy gia hạn để nộp bài.`,
    });
  }
  const staged = input.pageKeys?.length ? await stagedPages(db, actor, input.pageKeys) : [];
  const uploaded = await storeUploads(files, input.uploads);
  const stored = { ...uploaded, pages: [...staged, ...uploaded.pages] };
  const version: repo.NewVersion = {
    text: input.text || null, recommendations: input.recommendations || null, ...stored,
    source: 'member', submittedBy: actor.userId, idempotencyKey: input.idempotencyKey,
  };
  const typed = !!(input.text || input.recommendations);
  const target = { tenantId: actor.tenantId, campaignId, memberId: member.id, branchId: member.branchId };
  const result = await retryReceiptClash(async () => (await firstVersion(db, actor, target, version, typed))
    ?? (await laterVersion(db, actor, target, version)));
  // Only typed text is compared and read for recommendations; the copy index and the pools catch up
  // shortly (the first version queued both in its own statement). Since the reflection is stored, a
  // failed request must not fail the receipt.
  if (result.queueCopyIndex && typed) {
    await requestCopyIndex(db, actor.tenantId, campaignId).catch(() => undefined);
    await requestRecommendationRefresh(db, actor.tenantId, campaignId).catch(() => undefined);
  }
  return {
    receipt: { number: result.version.receiptNumber, submittedAt: result.version.submittedAt.toISOString(), serverTime: new Date().toISOString() },
    replayed: result.replayed,
    reflection: toReflection(result.reflection, result.versions),
  };
}

type Target = { tenantId: string; campaignId: string; memberId: string; branchId: string };
type VersionView = Parameters<typeof toReflection>[1][number];
interface Submitted {
  replayed: boolean; version: VersionView; versions: VersionView[];
  reflection: Parameters<typeof toReflection>[0];
  /** The copy index is still to be asked for (the locked path does it after its commit). */
  queueCopyIndex: boolean;
}

function submitAudit(reflectionId: string, v: { id: string; seq: number; receiptNumber: string }, stored: repo.NewVersion) {
  return {
    action: 'reflection.submit', entityType: 'reflection', entityId: reflectionId,
    after: { versionId: v.id, seq: v.seq, receiptNumber: v.receiptNumber, pages: stored.pages.length, pdf: !!stored.pdf },
  };
}

/** The member's first version in one statement, or null when they have a reflection already. */
async function firstVersion(db: Db, actor: Actor, t: Target, v: repo.NewVersion, typed: boolean): Promise<Submitted | null> {
  const reflectionId = newId();
  const versionId = newId();
  const submittedAt = new Date();
  const receiptNumber = repo.receiptNumber(submittedAt);
  const done = await insertFirstVersion(db, {
    ...t, reflectionId, versionId, submittedAt, receiptNumber, version: v,
    audit: { actor, event: submitAudit(reflectionId, { id: versionId, seq: 1, receiptNumber }, v) },
    jobs: typed ? [copyIndexJob(t.tenantId, t.campaignId), recommendationJob(t.tenantId, t.campaignId)] : [],
  });
  if (!done) return null;
  const version = {
    id: versionId, seq: 1, text: v.text, recommendations: v.recommendations, pages: v.pages, pdfHash: v.pdf?.fileHash ?? null, pdfBytes: v.pdf?.bytes ?? null,
    source: v.source, submittedBy: v.submittedBy, submittedAt, receiptNumber,
  };
  return {
    replayed: false, version, versions: [version], queueCopyIndex: false,
    reflection: { id: reflectionId, ...t, status: 'submitted', submittedAt, currentVersionId: versionId },
  };
}

/**
 * A later version, or the answer already given for the same idempotency key: the reflection row is
 * locked, so concurrent submits of one member queue here and the key check and the number are race-free.
 */
async function laterVersion(db: Db, actor: Actor, t: Target, v: repo.NewVersion): Promise<Submitted> {
  return db.transaction(async (tx) => {
    const row = (await repo.lockExistingReflection(tx, t.tenantId, t.campaignId, t.memberId)) ?? (await repo.lockReflection(tx, t));
    const versions = await repo.versionsOf(tx, t.tenantId, row.id);
    const earlier = v.idempotencyKey ? versions.find((x) => x.idempotencyKey === v.idempotencyKey) : undefined;
    if (earlier) return { replayed: true, version: earlier, versions, reflection: row, queueCopyIndex: false };
    const version = await repo.appendVersion(tx, t.tenantId, row.id, v, versions.reduce((n, x) => Math.max(n, x.seq), 0) + 1);
    await recordAudit(tx, actor, t.tenantId, submitAudit(row.id, version, v));
    return {
      replayed: false, version, versions: [...versions, version], queueCopyIndex: true,
      reflection: { ...row, currentVersionId: version.id, status: 'submitted', submittedAt: version.submittedAt },
    };
  });
}

/** A random receipt number that clashes with one given the same day makes nothing: try another. */
async function retryReceiptClash<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= 3 || !isReceiptClash(err)) throw err;
    }
  }
}

function checkContent(settings: { mustHandwrite: boolean; maxPages: number }, input: SubmitInput) {
  const kinds = [...input.uploads.map(checkUpload), ...(input.pageKeys ?? []).map(() => 'staged' as const)];
  const pdfs = kinds.filter((k) => k === 'pdf').length;
  if (pdfs > 0 && kinds.length > 1) {
    throw new ValidationError('validation.failed', 'pdf mixed with files', { title: 'Chỉ tải lên một tệp PDF, hoặc các ảnh chụp trang viết, không gửi cả hai' });
  }
  if (pdfs === 0 && kinds.length > settings.maxPages) {
    throw new RuleViolationError('reflection.too_many_pages', `${kinds.length} pages`, { title: `Bài thu hoạch tối đa ${settings.maxPages} trang ảnh; đồng chí đã chọn ${kinds.length} trang` });
  }
  if (kinds.length === 0 && settings.mustHandwrite) throw new RuleViolationError('reflection.handwriting_required', 'text only');
  if (kinds.length === 0 && !input.text && !input.recommendations) throw new ValidationError('reflection.empty', 'nothing submitted');
}

async function storeUploads(files: FileStore, uploads: Upload[]): Promise<{ pages: ReflectionPage[]; pdf: { fileHash: string; bytes: number } | null }> {
  if (uploads.length === 1 && checkUpload(uploads[0]) === 'pdf') {
    const [pdf] = uploads;
    return { pages: [], pdf: { fileHash: await files.put(pdf.chunks ?? pdf.bytes), bytes: pdf.size ?? pdf.bytes.length } };
  }
  const pages: ReflectionPage[] = [];
  for (const upload of uploads) pages.push(await storeImagePage(files, upload, { thumbnail: 'page' }));
  return { pages, pdf: null };
}
