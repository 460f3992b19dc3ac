import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { NotFoundError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { isReachable, reachableSql } from './campaigns.access.js';
import * as repo from './resolutions.repository.js';
import { inspectDocumentFile, MAX_DOCUMENT_BYTES } from './resolutions.files.js';

export interface CreateResolutionInput { orgId: string; title: string; congress: string; term: string; adoptedOn?: string | null }

export async function createResolution(db: Db, actor: Actor, input: CreateResolutionInput) {
  await requireAccess(db, actor, 'campaign.manage', input.orgId);
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertResolution(tx, {
      tenantId: actor.tenantId, id: newId(), orgId: input.orgId, title: input.title, congress: input.congress,
      term: input.term, adoptedOn: input.adoptedOn ?? null, createdBy: actor.userId,
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'resolution.create', entityType: 'resolution', entityId: row.id, after: row });
    return row.id;
  });
  return getResolution(db, actor, id);
}

export async function listResolutions(db: Db, actor: Actor) {
  return repo.listResolutions(db, actor.tenantId, reachableSql(actor, sql`r.org_id`));
}

/** The resolution if the actor may see it (its org's subtree meets their scope), else 404. */
export async function visibleResolution(exec: Executor, actor: Actor, id: string) {
  const resolution = await repo.findResolution(exec, actor.tenantId, id);
  if (!resolution || !(await isReachable(exec, actor, resolution.orgId))) throw new NotFoundError('resolution.not_found', `resolution ${id}`);
  return resolution;
}

export async function getResolution(db: Db, actor: Actor, id: string) {
  const resolution = await visibleResolution(db, actor, id);
  const documents = await repo.listDocuments(db, actor.tenantId, id);
  return {
    ...resolution,
    documents: documents.map(documentView),
    canManage: await can(db, actor, 'campaign.manage', resolution.orgId),
  };
}

function documentView(d: repo.DocumentMeta) {
  return {
    id: d.id, kind: d.kind as 'resolution', title: d.title, textLength: d.textLength, createdAt: d.createdAt,
    file: d.fileName && d.fileMime ? { name: d.fileName, mime: d.fileMime, size: d.fileSize ?? 0 } : null,
  };
}

export interface AddDocumentInput {
  kind: string; title: string; body?: string;
  file?: { name: string; bytes: Buffer };
}

/** Adds a document as text, as a PDF/DOCX file, or both; the text is what later copy checks read. */
export async function addDocument(db: Db, files: FileStore, actor: Actor, resolutionId: string, input: AddDocumentInput) {
  const resolution = await visibleResolution(db, actor, resolutionId);
  await requireAccess(db, actor, 'campaign.manage', resolution.orgId);
  const body = input.body?.trim() ? input.body.normalize('NFC') : null;
  if (!body && !input.file) {
    throw new ValidationError('validation.failed', 'neither text nor file', { errors: [{ path: 'body', message: 'Cần nhập nội dung văn bản hoặc tải lên tệp PDF/DOCX' }] });
  }
  const stored = input.file ? await storeFile(files, input.file) : null;
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertDocument(tx, {
      tenantId: actor.tenantId, id: newId(), resolutionId, kind: input.kind, title: input.title, body,
      fileHash: stored?.hash ?? null, fileName: stored?.name ?? null, fileMime: stored?.mime ?? null, fileSize: stored?.size ?? null,
    });
    const { body: _b, ...meta } = row;
    await recordAudit(tx, actor, actor.tenantId, { action: 'resolution.document_add', entityType: 'resolution', entityId: resolutionId, after: { ...meta, textLength: body?.length ?? 0 } });
    return row.id;
  });
  const docs = await repo.listDocuments(db, actor.tenantId, resolutionId);
  return documentView(docs.find((d) => d.id === id)!);
}

async function storeFile(files: FileStore, file: { name: string; bytes: Buffer }) {
  if (file.bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ValidationError('file.too_large', `${file.bytes.length} bytes`, {
      params: { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 }, errors: [{ path: 'file', message: `Tệp lớn hơn ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` }],
    });
  }
  const kind = inspectDocumentFile(file.bytes);
  if (!kind) throw new ValidationError('file.type', 'not a PDF or DOCX', { errors: [{ path: 'file', message: 'Chỉ nhận tệp PDF hoặc Word (.docx)' }] });
  const hash = await files.put(file.bytes);
  return { hash, name: cleanFileName(file.name, kind.ext), mime: kind.mime, size: file.bytes.length };
}

function cleanFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"]/g, '').normalize('NFC').trim().slice(0, 200);
  return base || `tai-lieu.${ext}`;
}

export async function getDocumentText(db: Db, actor: Actor, resolutionId: string, docId: string) {
  await visibleResolution(db, actor, resolutionId);
  const doc = await repo.findDocument(db, actor.tenantId, resolutionId, docId);
  if (!doc) throw new NotFoundError('resource.not_found', `document ${docId}`);
  const [meta] = (await repo.listDocuments(db, actor.tenantId, resolutionId)).filter((d) => d.id === docId);
  return { ...documentView(meta), body: doc.body };
}

export async function getDocumentFile(db: Db, files: FileStore, actor: Actor, resolutionId: string, docId: string) {
  await visibleResolution(db, actor, resolutionId);
  const doc = await repo.findDocument(db, actor.tenantId, resolutionId, docId);
  if (!doc?.fileHash) throw new NotFoundError('resource.not_found', `file of document ${docId}`);
  return { name: doc.fileName ?? 'tai-lieu', mime: doc.fileMime ?? 'application/octet-stream', bytes: await files.get(doc.fileHash) };
}
