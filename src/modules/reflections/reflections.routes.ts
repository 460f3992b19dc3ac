import type { FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../server/app.js';
import { RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { MAX_FILE_BYTES, type Upload } from './reflections.files.js';
import {
  CampaignIdParams, CampaignQuery, Extension, ExtensionBody, FileParams, MemberRef, MyReflection, Settings, SettingsBody, SubmitFields, SubmitResult,
} from './reflections.schema.js';
import * as service from './reflections.service.js';

const tags = ['reflections'];
/** Hard cap on files per request; the campaign's own page limit is checked in the service. */
const MAX_FILES = 31;
const uploads = new WeakMap<FastifyRequest, Upload[]>();

/** Reads every file of the multipart request beside it; text fields become the validated body. */
async function readMultipart(req: FastifyRequest) {
  if (!req.isMultipart()) return;
  const fields: Record<string, string> = {};
  const list: Upload[] = [];
  try {
    for await (const part of req.parts({ limits: { files: MAX_FILES, fileSize: MAX_FILE_BYTES } })) {
      if (part.type === 'file') list.push({ name: part.filename || `tệp ${list.length + 1}`, bytes: await part.toBuffer() });
      else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    throw uploadError(err as { code?: string }, list.length);
  }
  uploads.set(req, list);
  req.body = fields;
}

function uploadError(err: { code?: string }, count: number) {
  if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ValidationError('file.too_large', 'file over limit', { title: `Tệp thứ ${count + 1} vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB` });
  }
  if (err.code === 'FST_FILES_LIMIT') return new RuleViolationError('reflection.too_many_pages', 'too many files');
  return err as Error;
}

export async function registerReflectionRoutes(app: App, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/api/campaigns/:id/reflection-settings', { schema: { tags, summary: 'Cách thu bài thu hoạch của đợt học tập', params: CampaignIdParams, response: { 200: Settings } } },
    async (req) => service.getSettings(db, req.actor!, req.params.id));
  app.put('/api/campaigns/:id/reflection-settings', {
    schema: { tags, summary: 'Đặt yêu cầu viết tay, hạn nộp, hạn chót và số trang tối đa của bài thu hoạch', params: CampaignIdParams, body: SettingsBody, response: { 200: Settings } },
  }, async (req) => service.putSettings(db, req.actor!, req.params.id, req.body));
  app.get('/api/reflections/mine', { schema: { tags, summary: 'Bài thu hoạch của tôi (mọi phiên bản) trong đợt học tập', querystring: CampaignQuery, response: { 200: MyReflection } } },
    async (req) => service.mine(db, req.actor!, req.query.campaignId));
  app.post('/api/reflections/mine', {
    preValidation: async (req) => readMultipart(req),
    schema: {
      tags, consumes: ['multipart/form-data'], querystring: CampaignQuery, body: SubmitFields, response: { 201: SubmitResult },
      summary: 'Nộp hoặc nộp lại bài thu hoạch: trường text, recommendations và các tệp ảnh (JPEG, PNG, WebP, HEIC) hoặc một tệp PDF, tối đa 15 MB mỗi tệp; gửi kèm tiêu đề Idempotency-Key để nộp lại an toàn',
    },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.trim() ? key.trim().slice(0, 200) : null;
    const result = await service.submitMine(db, files, req.actor!, req.query.campaignId, { ...req.body, uploads: uploads.get(req) ?? [], idempotencyKey });
    return reply.status(201).send(result);
  });
  app.post('/api/reflections/paper', { schema: { tags, summary: 'Chi ủy ghi nhận đảng viên đã nộp bài thu hoạch trên giấy', body: MemberRef, response: { 200: SubmitResult.omit({ receipt: true }) } } },
    async (req) => service.recordPaper(db, req.actor!, req.body.campaignId, req.body.memberId));
  app.post('/api/reflections/extensions', { schema: { tags, summary: 'Chi ủy gia hạn nộp bài thu hoạch cho một đảng viên', body: ExtensionBody, response: { 201: Extension } } },
    async (req, reply) => reply.status(201).send(await service.grantExtension(db, req.actor!, req.body)));
  app.get('/api/reflection-files/:hash', { schema: { tags, summary: 'Ảnh trang viết, ảnh thu nhỏ hoặc tệp PDF của bài thu hoạch', params: FileParams } },
    async (req, reply) => {
      const file = await service.getFile(db, files, req.actor!, req.params.hash);
      reply.header('content-type', file.mime).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=86400');
      return reply.send(file.bytes);
    });
}
