import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import { ValidationError } from '../../kernel/errors/app-error.js';
import * as audiences from './materials.audiences.service.js';
import { MAX_FILE_BYTES } from './materials.content.js';
import * as read from './materials.read.service.js';
import { materialReaders } from './materials.readers.service.js';
import {
  AudienceView, CreateAudienceBody, CreateMaterialBody, ListMaterialsQuery, MaterialDetail, MaterialIdParams, MaterialList,
  MaterialReaders, MaterialRecord, MyMaterial, MyMaterialsQuery, ReadersQuery, UpdateMaterialBody,
} from './materials.schema.js';
import * as materials from './materials.service.js';

const tags = ['materials'];
const params = MaterialIdParams;

export async function registerMaterialRoutes(app: App, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/api/material-audiences', { schema: { tags, summary: 'Danh mục đối tượng của phiên bản tài liệu', response: { 200: z.array(AudienceView) } } },
    async (req) => audiences.listAudiences(db, req.actor!));
  app.post('/api/material-audiences', { schema: { tags, summary: 'Thêm đối tượng (điều kiện theo thông tin đảng viên)', body: CreateAudienceBody, response: { 201: AudienceView } } },
    async (req, reply) => reply.status(201).send(await audiences.createAudience(db, req.actor!, req.body)));

  app.get('/api/materials', { schema: { tags, summary: 'Tài liệu của đợt học tập: bản gốc, phiên bản theo đối tượng, số người đã đọc', querystring: ListMaterialsQuery, response: { 200: MaterialList } } },
    async (req) => read.listMaterials(db, req.actor!, req.query));
  app.get('/api/materials/mine', { schema: { tags, summary: 'Tài liệu dành cho đảng viên đang đăng nhập', querystring: MyMaterialsQuery, response: { 200: z.array(MyMaterial) } } },
    async (req) => read.myMaterials(db, req.actor!, req.query.campaignId));
  app.get('/api/materials/:id', { schema: { tags, summary: 'Đọc tài liệu (ghi nhận lượt mở)', params, response: { 200: MaterialDetail } } },
    async (req) => read.getMaterial(db, req.actor!, req.params.id));
  app.get('/api/materials/:id/readers', { schema: { tags, summary: 'Ai đã đọc: theo tổ chức trực thuộc, hoặc danh sách đảng viên của một chi bộ', params, querystring: ReadersQuery, response: { 200: MaterialReaders } } },
    async (req) => materialReaders(db, req.actor!, req.params.id, req.query));
  app.get('/api/materials/:id/file', { schema: { tags, summary: 'Tải tệp đính kèm của tài liệu', params } }, async (req, reply) => {
    const file = await read.getMaterialFile(db, files, req.actor!, req.params.id);
    const inline = file.mime !== 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    reply.header('content-type', file.mime);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="tai-lieu"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    return reply.send(file.bytes);
  });

  app.post('/api/materials', { schema: { tags, summary: 'Soạn tài liệu hoặc phiên bản cho một đối tượng', body: CreateMaterialBody, response: { 201: MaterialRecord } } },
    async (req, reply) => reply.status(201).send(await materials.createMaterial(db, req.actor!, req.body)));
  app.patch('/api/materials/:id', { schema: { tags, summary: 'Sửa tài liệu khi còn là bản nháp', params, body: UpdateMaterialBody, response: { 200: MaterialRecord } } },
    async (req) => materials.updateMaterial(db, req.actor!, req.params.id, req.body));
  app.post('/api/materials/:id/publish', { schema: { tags, summary: 'Phát hành tài liệu', params, response: { 200: MaterialRecord } } },
    async (req) => materials.publishMaterial(db, req.actor!, req.params.id));
  app.post('/api/materials/:id/withdraw', { schema: { tags, summary: 'Thu hồi tài liệu (vẫn lưu hồ sơ)', params, response: { 200: MaterialRecord } } },
    async (req) => materials.withdrawMaterial(db, req.actor!, req.params.id));
  app.post('/api/materials/:id/file', {
    schema: { tags, summary: 'Đính kèm tệp (PDF, Word, ảnh; tối đa 30 MB)', params, consumes: ['multipart/form-data'], response: { 200: MaterialRecord } },
  }, async (req) => {
    const upload = await readUpload(req);
    return materials.attachFile(db, files, req.actor!, req.params.id, upload);
  });
}

/** The one file part of a multipart upload; a file over the limit is refused with a clear message. */
async function readUpload(req: FastifyRequest) {
  const tooLarge = () => new ValidationError('file.too_large', 'file over 30 MB', { errors: [{ path: 'file', message: 'Tệp đính kèm vượt quá 30 MB' }] });
  let part;
  try {
    part = await req.file({ limits: { fileSize: MAX_FILE_BYTES } });
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (!part) throw new ValidationError('validation.failed', 'file missing', { errors: [{ path: 'file', message: 'Chưa chọn tệp đính kèm' }] });
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
}
