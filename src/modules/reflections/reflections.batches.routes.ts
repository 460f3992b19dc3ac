import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import { ValidationError } from '../../kernel/errors/app-error.js';
import { assignPages, removeAssignment } from './reflections.batch-assign.js';
import { batchBranches, batchDetail, batchFile, createBatch, listBranchBatches } from './reflections.batches.js';
import {
  AssignBody, AssignmentParams, AssignResult, BatchDetail, BatchFields, BatchFileParams, BatchIdParams, BatchQuery, BatchSummary, BranchList,
  ClientKey, KeysQuery, KeysResult, UploadFields, UploadResult,
} from './reflections.batches.schema.js';
import { MAX_FILE_BYTES } from './reflections.files.js';
import { multipartReader, uploadsOf } from './reflections.multipart.js';
import { MAX_BATCH_PDF_BYTES } from './reflections.pdf.js';
import { CampaignQuery } from './reflections.schema.js';
import { knownKeys, stagePage } from './reflections.uploads.js';

const tags = ['reflections'];

/** The branch's batch scans (one PDF or photos, page ranges assigned to members) and staged page uploads. */
export async function registerReflectionBatchRoutes(app: App, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/api/reflections/batch-branches', {
    schema: { tags, summary: 'Các chi bộ mà người dùng thu bài thu hoạch trong đợt học tập (để quét bài)', querystring: CampaignQuery, response: { 200: BranchList } },
  }, async (req) => batchBranches(db, req.actor!, req.query.campaignId));
  app.post('/api/reflections/batches', {
    preValidation: multipartReader({ files: 101, fileSize: MAX_BATCH_PDF_BYTES }),
    schema: {
      tags, consumes: ['multipart/form-data', 'application/json'], querystring: BatchQuery, body: BatchFields.optional(), response: { 201: BatchDetail },
      summary: 'Chi ủy tải lên tập bài thu hoạch đã quét của chi bộ: một tệp PDF (tối đa 60 MB, 500 trang) hoặc các ảnh trang (tệp hoặc trường pageKeys là mảng JSON mã các trang đã gửi trước)',
    },
  }, async (req, reply) => {
    const batch = await createBatch(db, files, req.actor!, req.query, { uploads: uploadsOf(req), pageKeys: req.body?.pageKeys ?? [] });
    return reply.status(201).send(batch);
  });
  app.get('/api/reflections/batches', {
    schema: { tags, summary: 'Các tập bài thu hoạch đã quét của một chi bộ trong đợt học tập', querystring: BatchQuery, response: { 200: z.array(BatchSummary) } },
  }, async (req) => listBranchBatches(db, req.actor!, req.query));
  app.get('/api/reflections/batches/:id', {
    schema: { tags, summary: 'Một tập bài đã quét: các trang, việc gán trang và danh sách đảng viên của chi bộ', params: BatchIdParams, response: { 200: BatchDetail } },
  }, async (req) => batchDetail(db, req.actor!, req.params.id));
  app.get('/api/reflections/batches/:id/files/:hash', {
    schema: { tags, summary: 'Tệp PDF, ảnh trang hoặc ảnh thu nhỏ của một tập bài đã quét (chỉ chi ủy của chi bộ)', params: BatchFileParams },
  }, async (req, reply) => {
    const file = await batchFile(db, files, req.actor!, req.params.id, req.params.hash);
    reply.header('content-type', file.mime).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=86400');
    return reply.send(file.bytes);
  });
  app.post('/api/reflections/batches/:id/assignments', {
    schema: {
      tags, params: BatchIdParams, body: AssignBody, response: { 200: AssignResult },
      summary: 'Gán các khoảng trang (from–to, tính từ 1, gồm cả hai đầu) của tập bài quét cho đảng viên của chi bộ; mỗi khoảng thành một lần nộp, gửi lại cùng khoảng không thêm lần nộp',
    },
  }, async (req) => assignPages(db, files, req.actor!, req.params.id, req.body));
  app.delete('/api/reflections/batches/:id/assignments/:versionId', {
    schema: { tags, summary: 'Gỡ việc gán trang nhầm: lần nộp đó không còn là bản đang dùng của đảng viên, các trang được gán lại', params: AssignmentParams, response: { 200: BatchDetail } },
  }, async (req) => removeAssignment(db, req.actor!, req.params.id, req.params.versionId));

  app.post('/api/reflections/uploads', {
    preValidation: multipartReader({ files: 1, fileSize: MAX_FILE_BYTES }),
    schema: {
      tags, consumes: ['multipart/form-data'], body: UploadFields, response: { 200: UploadResult, 201: UploadResult },
      summary: 'Gửi trước một ảnh trang viết (tiêu đề X-Client-Key hoặc trường clientKey: mã SHA-256 của ảnh); gửi lại cùng mã trả về trang đã lưu',
    },
  }, async (req, reply) => {
    const header = req.headers['x-client-key'];
    const parsed = ClientKey.safeParse(req.body?.clientKey ?? (typeof header === 'string' ? header.trim() : undefined));
    if (!parsed.success) throw new ValidationError('validation.failed', 'client key', { errors: [{ path: 'clientKey', message: 'Thiếu hoặc sai mã trang (clientKey)' }] });
    const result = await stagePage(db, files, req.actor!, parsed.data, uploadsOf(req)[0]);
    return reply.status(result.replayed ? 200 : 201).send(result);
  });
  app.get('/api/reflections/uploads', {
    schema: { tags, summary: 'Những trang (theo mã, phân cách bằng dấu phẩy) máy chủ đã nhận của người dùng', querystring: KeysQuery, response: { 200: KeysResult } },
  }, async (req) => ({ keys: await knownKeys(db, req.actor!, req.query.keys.split(',').map((k) => k.trim()).filter(Boolean).slice(0, 500)) }));
}
