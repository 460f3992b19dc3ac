import type { App, AppDeps } from '../../server/app.js';
import { MAX_FILE_BYTES } from './reflections.files.js';
import { multipartReader, uploadsOf } from './reflections.multipart.js';
import {
  CampaignIdParams, CampaignQuery, Extension, ExtensionBody, FileParams, MemberRef, MyReflection, Settings, SettingsBody, SettingsDetail, SubmitFields, SubmitResult,
} from './reflections.schema.js';
import * as service from './reflections.service.js';

const tags = ['reflections'];
/** Hard cap on files per request; the campaign's own page limit is checked in the service. */
const MAX_FILES = 31;

export async function registerReflectionRoutes(app: App, { database, files }: AppDeps) {
  const db = database.db;
  app.get('/api/campaigns/:id/reflection-settings', { schema: { tags, summary: 'Cách thu bài thu hoạch của đợt học tập', params: CampaignIdParams, response: { 200: SettingsDetail } } },
    async (req) => service.getSettings(db, req.actor!, req.params.id));
  app.put('/api/campaigns/:id/reflection-settings', {
    schema: { tags, summary: 'Đặt yêu cầu viết tay, hạn nộp, hạn chót và số trang tối đa của bài thu hoạch', params: CampaignIdParams, body: SettingsBody, response: { 200: Settings } },
  }, async (req) => service.putSettings(db, req.actor!, req.params.id, req.body));
  app.get('/api/reflections/mine', { schema: { tags, summary: 'Bài thu hoạch của tôi (mọi phiên bản) trong đợt học tập', querystring: CampaignQuery, response: { 200: MyReflection } } },
    async (req) => service.mine(db, req.actor!, req.query.campaignId));
  app.post('/api/reflections/mine', {
    preValidation: multipartReader({ files: MAX_FILES, fileSize: MAX_FILE_BYTES }),
    schema: {
      tags, consumes: ['multipart/form-data'], querystring: CampaignQuery, body: SubmitFields, response: { 201: SubmitResult },
      summary: 'Nộp hoặc nộp lại bài thu hoạch: trường text, recommendations và các tệp ảnh (JPEG, PNG, WebP, HEIC) hoặc một tệp PDF, tối đa 15 MB mỗi tệp, hoặc trường pageKeys (mảng JSON mã các trang đã gửi trước qua /api/reflections/uploads, theo thứ tự); gửi kèm tiêu đề Idempotency-Key để nộp lại an toàn',
    },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.trim() ? key.trim().slice(0, 200) : null;
    const result = await service.submitMine(db, files, req.actor!, req.query.campaignId, { ...req.body, uploads: uploadsOf(req), idempotencyKey });
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
