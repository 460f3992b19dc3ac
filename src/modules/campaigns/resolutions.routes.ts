import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../server/app.js';
import { ValidationError } from '../../kernel/errors/app-error.js';
import * as resolutions from './resolutions.service.js';
import { AddDocumentBody, CreateResolutionBody, DocumentParams, DocumentText, IdParams, ResolutionDetail, ResolutionDocument, ResolutionSummary } from './campaigns.schema.js';

const tags = ['resolutions'];
type Upload = { name: string; bytes: Buffer };
const uploads = new WeakMap<FastifyRequest, Upload>();

/**
 * A multipart upload is read before validation: its text fields become the body (validated by the
 * same schema as the JSON form) and the file waits beside the request.
 */
async function readMultipart(req: FastifyRequest) {
  if (!req.isMultipart()) return;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') { await part.toBuffer(); continue; }
      uploads.set(req, { name: part.filename, bytes: await part.toBuffer() });
    } else fields[part.fieldname] = String(part.value);
  }
  if (!uploads.has(req)) throw new ValidationError('validation.failed', 'file missing', { errors: [{ path: 'file', message: 'Chưa chọn tệp PDF hoặc Word' }] });
  req.body = fields;
}

export async function registerResolutionRoutes(app: App, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/api/resolutions', { schema: { tags, summary: 'Các Nghị quyết người dùng được xem', response: { 200: z.array(ResolutionSummary) } } },
    async (req) => resolutions.listResolutions(db, req.actor!));
  app.post('/api/resolutions', { schema: { tags, summary: 'Đăng ký Nghị quyết cần học tập, quán triệt', body: CreateResolutionBody, response: { 201: ResolutionDetail } } },
    async (req, reply) => reply.status(201).send(await resolutions.createResolution(db, req.actor!, req.body)));
  app.get('/api/resolutions/:id', { schema: { tags, summary: 'Nghị quyết và các văn kiện kèm theo', params: IdParams, response: { 200: ResolutionDetail } } },
    async (req) => resolutions.getResolution(db, req.actor!, req.params.id));
  app.post('/api/resolutions/:id/documents', {
    preValidation: async (req) => readMultipart(req),
    schema: {
      tags, summary: 'Thêm văn kiện (nội dung văn bản, hoặc tệp PDF/DOCX tối đa 30 MB qua multipart/form-data kèm trường file)',
      consumes: ['application/json', 'multipart/form-data'], params: IdParams, body: AddDocumentBody, response: { 201: ResolutionDocument },
    },
  }, async (req, reply) => {
    const doc = await resolutions.addDocument(db, files, req.actor!, req.params.id, { ...req.body, file: uploads.get(req) });
    return reply.status(201).send(doc);
  });
  app.get('/api/resolutions/:id/documents/:docId', { schema: { tags, summary: 'Nội dung văn bản của văn kiện', params: DocumentParams, response: { 200: DocumentText } } },
    async (req) => resolutions.getDocumentText(db, req.actor!, req.params.id, req.params.docId));
  app.get('/api/resolutions/:id/documents/:docId/file', { schema: { tags, summary: 'Tải tệp gốc của văn kiện', params: DocumentParams } },
    async (req, reply) => {
      const file = await resolutions.getDocumentFile(db, files, req.actor!, req.params.id, req.params.docId);
      reply.header('content-type', file.mime);
      reply.header('content-disposition', contentDisposition(file.name));
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(file.bytes);
    });
}

/** `attachment` with an ASCII fallback name and the real one in UTF-8 (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
