import type { Actor } from '../../kernel/access/actor.js';
import { requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { normalizeText } from '../../text/index.js';
import { getCampaignBrief } from '../campaigns/index.js';
import { ensureDefaultAudiences } from './materials.audiences.service.js';
import {
  assertPublishable, assertQa, cleanFileName, cleanQa, detectFileType, MAX_FILE_BYTES, type MaterialKind,
} from './materials.content.js';
import * as repo from './materials.repository.js';
import type { QaItem } from './materials.table.js';
import { auditDigest, toRecord } from './materials.views.js';

export interface CreateMaterialInput {
  campaignId?: string; orgId?: string; kind?: MaterialKind; title: string; summary?: string; body?: string; qa?: QaItem[];
  masterId?: string; audienceCode?: string;
}

const invalid = (path: string, message: string) =>
  new ValidationError('validation.failed', `${path}: ${message}`, { errors: [{ path, message }], title: message });

interface Author { actor: Actor | null; userId: string; authorize: boolean }

/**
 * Where a new material goes: a master names campaign, publisher and kind; a variant takes them from
 * its master, whose publisher the author must manage before anything else is said about the request.
 */
async function placement(tx: Executor, tenantId: string, by: Author, input: CreateMaterialInput) {
  if (!input.masterId) {
    if (input.audienceCode) throw invalid('audienceCode', 'Đối tượng chỉ dùng cho phiên bản của một tài liệu gốc');
    if (!input.campaignId) throw invalid('campaignId', 'Chưa chọn đợt học tập');
    if (!input.orgId) throw invalid('orgId', 'Chưa chọn tổ chức ban hành tài liệu');
    if (!input.kind) throw invalid('kind', 'Chưa chọn loại tài liệu');
    return { campaignId: input.campaignId, orgId: input.orgId, kind: input.kind, masterId: null, audienceCode: null };
  }
  const master = await repo.findMaterial(tx, tenantId, input.masterId);
  const notFound = new NotFoundError('material.not_found', `master ${input.masterId}`);
  if (!master) throw notFound;
  if (by.authorize) {
    // Out of scope reads exactly as missing (the same code), so an id reveals nothing.
    await requireAccess(tx, by.actor!, 'material.manage', master.orgId).catch((err: unknown) => { throw err instanceof NotFoundError ? notFound : err; });
  }
  if (master.masterId) throw invalid('masterId', 'Chỉ tạo phiên bản từ tài liệu gốc, không từ một phiên bản khác');
  if (!input.audienceCode) throw invalid('audienceCode', 'Chưa chọn đối tượng của phiên bản');
  if (input.campaignId && input.campaignId !== master.campaignId) throw invalid('campaignId', 'Phiên bản thuộc cùng đợt học tập với tài liệu gốc');
  if (input.orgId && input.orgId !== master.orgId) throw invalid('orgId', 'Phiên bản do chính tổ chức ban hành tài liệu gốc ban hành');
  if (input.kind && input.kind !== master.kind) throw invalid('kind', 'Phiên bản phải cùng loại với tài liệu gốc');
  return { campaignId: master.campaignId, orgId: master.orgId, kind: master.kind as MaterialKind, masterId: master.id, audienceCode: input.audienceCode };
}

/** Checks and inserts, without authorization: callers decide who may (the route's actor, or the demo seeder). */
async function insertChecked(tx: Executor, tenantId: string, by: Author, input: CreateMaterialInput) {
  const place = await placement(tx, tenantId, by, input);
  if (by.authorize && !place.masterId) await requireAccess(tx, by.actor!, 'material.manage', place.orgId);
  const campaign = await getCampaignBrief(tx, tenantId, place.campaignId);
  if (!campaign) throw new NotFoundError('campaign.not_found', `campaign ${place.campaignId}`);
  if (!(await repo.isInSubtree(tx, tenantId, campaign.orgId, place.orgId))) throw new RuleViolationError('material.outside_campaign');
  if (place.audienceCode) {
    await ensureDefaultAudiences(tx, tenantId, by.actor);
    if (!(await repo.findAudience(tx, tenantId, place.audienceCode))) throw new RuleViolationError('material.audience_unknown', `audience ${place.audienceCode}`);
  }
  const qa = cleanQa(input.qa ?? []);
  assertQa(place.kind, qa);
  const row = await repo.insertMaterial(tx, {
    tenantId, id: newId(), ...place, title: normalizeText(input.title), summary: normalizeText(input.summary ?? ''),
    body: normalizeText(input.body ?? ''), qa, createdBy: by.userId,
  });
  if (!row) throw new ConflictError('material.variant_exists', `variant ${place.masterId}/${place.audienceCode}`);
  await recordAudit(tx, by.actor, tenantId, { action: 'material.create', entityType: 'material', entityId: row.id, after: auditDigest(row) });
  return row;
}

export async function createMaterial(db: Db, actor: Actor, input: CreateMaterialInput) {
  return toRecord(await db.transaction((tx) => insertChecked(tx, actor.tenantId, { actor, userId: actor.userId, authorize: true }, input)));
}

/** Loads a material the actor may manage, locked for the rest of the transaction. */
async function managed(tx: Executor, actor: Actor, id: string) {
  const row = await repo.findMaterial(tx, actor.tenantId, id, true);
  if (!row) throw new NotFoundError('material.not_found');
  await requireAccess(tx, actor, 'material.manage', row.orgId);
  return row;
}

export async function updateMaterial(db: Db, actor: Actor, id: string, patch: { title?: string; summary?: string; body?: string; qa?: QaItem[] }) {
  return toRecord(await db.transaction(async (tx) => {
    const before = await managed(tx, actor, id);
    if (before.status !== 'draft') throw new ConflictError('material.state', `material ${id} is ${before.status}`);
    const fields: Partial<repo.MaterialRow> = {};
    if (patch.title !== undefined) fields.title = normalizeText(patch.title);
    if (patch.summary !== undefined) fields.summary = normalizeText(patch.summary);
    if (patch.body !== undefined) fields.body = normalizeText(patch.body);
    if (patch.qa !== undefined) {
      fields.qa = cleanQa(patch.qa);
      assertQa(before.kind as MaterialKind, fields.qa);
    }
    const after = await repo.updateMaterial(tx, actor.tenantId, id, fields);
    await recordAudit(tx, actor, actor.tenantId, { action: 'material.update', entityType: 'material', entityId: id, before: auditDigest(before), after: auditDigest(after) });
    return after;
  }));
}

/** Attaches (or replaces) the file of a draft: PDF, DOCX, JPEG or PNG judged by content, at most 30 MB. */
export async function attachFile(db: Db, files: FileStore, actor: Actor, id: string, upload: { fileName: string; bytes: Buffer }) {
  const current = await repo.findMaterial(db, actor.tenantId, id);
  if (!current) throw new NotFoundError('material.not_found');
  await requireAccess(db, actor, 'material.manage', current.orgId);
  if (upload.bytes.length > MAX_FILE_BYTES) throw fileError('file.too_large', 'Tệp đính kèm vượt quá 30 MB');
  const type = detectFileType(upload.bytes);
  if (!type) throw fileError('file.type', 'Tệp đính kèm phải là PDF, Word (.docx) hoặc ảnh JPEG, PNG; nội dung tệp không đúng loại này');
  const hash = await files.put(upload.bytes);
  return toRecord(await db.transaction(async (tx) => {
    const before = await managed(tx, actor, id);
    if (before.status !== 'draft') throw new ConflictError('material.state', `material ${id} is ${before.status}`);
    const after = await repo.updateMaterial(tx, actor.tenantId, id, {
      fileHash: hash, fileName: cleanFileName(upload.fileName, type), fileMime: type.mime, fileSize: upload.bytes.length,
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'material.attach_file', entityType: 'material', entityId: id, before: auditDigest(before), after: auditDigest(after) });
    return after;
  }));
}

function fileError(code: 'file.type' | 'file.too_large', message: string) {
  return new ValidationError(code, message, { errors: [{ path: 'file', message }] });
}

/** draft → published; publishing again changes nothing. A withdrawn material stays withdrawn. */
export async function publishMaterial(db: Db, actor: Actor, id: string) {
  return toRecord(await db.transaction(async (tx) => {
    const before = await managed(tx, actor, id);
    return publishRow(tx, actor, before);
  }));
}

async function publishRow(tx: Executor, actor: Actor | null, before: repo.MaterialRow) {
  if (before.status === 'published') return before;
  if (before.status !== 'draft') throw new ConflictError('material.state', `material ${before.id} is ${before.status}`);
  assertPublishable(before);
  const after = await repo.updateMaterial(tx, before.tenantId, before.id, { status: 'published', publishedAt: new Date() });
  await recordAudit(tx, actor, before.tenantId, { action: 'material.publish', entityType: 'material', entityId: before.id, before: { status: before.status }, after: { status: after.status, publishedAt: after.publishedAt } });
  return after;
}

/** Soft withdrawal: the material stays on record, members no longer see it. */
export async function withdrawMaterial(db: Db, actor: Actor, id: string) {
  return toRecord(await db.transaction(async (tx) => {
    const before = await managed(tx, actor, id);
    if (before.status === 'withdrawn') return before;
    const after = await repo.updateMaterial(tx, actor.tenantId, id, { status: 'withdrawn' });
    await recordAudit(tx, actor, actor.tenantId, { action: 'material.withdraw', entityType: 'material', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return after;
  }));
}

/**
 * For the demo seeder: creates a material (and publishes it unless `publish: false`) without an
 * authorization check, with the same content rules and audit entries as the API.
 */
export async function seedMaterial(tx: Executor, tenantId: string, by: Actor | string, input: CreateMaterialInput & { publish?: boolean }) {
  const actor = typeof by === 'string' ? null : by;
  const userId = typeof by === 'string' ? by : by.userId;
  const row = await insertChecked(tx, tenantId, { actor, userId, authorize: false }, input);
  return toRecord(input.publish === false ? row : await publishRow(tx, actor, row));
}
