import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { requireCampaignAccess } from '../campaigns/index.js';
import { requestCopyIndex } from '../copies/index.js';
import { checkUpload, storeImagePage, type Upload } from './reflections.files.js';
import { stagedPages } from './reflections.uploads.js';
import * as repo from './reflections.repository.js';
import { requireWriter } from './reflections.access.js';
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
 * one transaction adds the version; only then is the receipt given. The deadline is judged at the
 * moment the request arrived, so a slow upload begun in time is not refused.
 */
export async function submitMine(db: Db, files: FileStore, actor: Actor, campaignId: string, input: SubmitInput) {
  const arrivedAt = new Date();
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  if (!actor.memberId) throw new NotFoundError('reflection.not_found', 'actor is not a member');
  const member = await requireWriter(db, actor.tenantId, campaign, actor.memberId);
  const settings = await repo.findSettings(db, actor.tenantId, campaignId);
  checkContent(settings, input);
  if (settings.cutoffAt && arrivedAt > new Date(settings.cutoffAt)
    && !(await repo.activeExtension(db, actor.tenantId, campaignId, member.id, arrivedAt))) {
    throw new RuleViolationError('reflection.closed', `cutoff ${settings.cutoffAt}`, {
      title: `Đã quá hạn chót nộp bài thu hoạch (${vnTime(settings.cutoffAt)}). Đồng chí cần đề nghị chi ủy gia hạn để nộp bài.`,
    });
  }
  const staged = input.pageKeys?.length ? await stagedPages(db, actor, input.pageKeys) : [];
  const uploaded = await storeUploads(files, input.uploads);
  const stored = { ...uploaded, pages: [...staged, ...uploaded.pages] };
  const result = await db.transaction(async (tx) => {
    const row = await repo.lockReflection(tx, { tenantId: actor.tenantId, campaignId, memberId: member.id, branchId: member.branchId });
    const earlier = input.idempotencyKey ? await repo.versionByKey(tx, actor.tenantId, row.id, input.idempotencyKey) : null;
    if (earlier) return { replayed: true, version: earlier, reflectionId: row.id };
    const version = await repo.appendVersion(tx, actor.tenantId, row.id, {
      text: input.text || null, recommendations: input.recommendations || null, ...stored,
      source: 'member', submittedBy: actor.userId, idempotencyKey: input.idempotencyKey,
    });
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'reflection.submit', entityType: 'reflection', entityId: row.id,
      after: { versionId: version.id, seq: version.seq, receiptNumber: version.receiptNumber, pages: stored.pages.length, pdf: !!stored.pdf },
    });
    return { replayed: false, version, reflectionId: row.id };
  });
  // Only typed text is compared; the copy index catches up shortly, and since the reflection is stored a
  // failed request must not fail the receipt.
  if (!result.replayed && (input.text || input.recommendations)) await requestCopyIndex(db, actor.tenantId, campaignId).catch(() => undefined);
  const row = await repo.findReflection(db, actor.tenantId, campaignId, member.id);
  return {
    receipt: { number: result.version.receiptNumber, submittedAt: result.version.submittedAt.toISOString(), serverTime: new Date().toISOString() },
    replayed: result.replayed,
    reflection: toReflection(row!, await repo.versionsOf(db, actor.tenantId, result.reflectionId)),
  };
}

function checkContent(settings: repo.SettingsView, input: SubmitInput) {
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
    return { pages: [], pdf: { fileHash: await files.put(uploads[0].bytes), bytes: uploads[0].bytes.length } };
  }
  const pages: ReflectionPage[] = [];
  for (const upload of uploads) pages.push(await storeImagePage(files, upload, { thumbnail: 'page' }));
  return { pages, pdf: null };
}
