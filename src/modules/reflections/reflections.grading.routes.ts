import type { App, AppDeps } from '../../server/app.js';
import { ValidationError } from '../../kernel/errors/app-error.js';
import { bulkGrades } from './reflections.grading.bulk.js';
import { approveGrades, correctGrade, gradingBranches, gradingQueue, reflectionForGrading, saveDraft, submitGrade } from './reflections.grading.js';
import { exportGrades, importGrades } from './reflections.grading.io.js';
import {
  ApproveBody, ApproveResult, BranchQuery, CampaignOnlyQuery, GradingBranches, BulkBody, BulkResult, CorrectionBody, ExportQuery, GradeBody, GradeResult, ImportQuery, ImportResult,
  MarkerParams, Queue, ReflectionForGrading, ReflectionParams,
} from './reflections.grading.schema.js';

const tags = ['reflection-grading'];
const MAX_SHEET_BYTES = 5 * 1024 * 1024;

export async function registerReflectionGradingRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/reflections', {
    schema: { tags, summary: 'Danh sách chấm bài thu hoạch của một chi bộ: mọi đảng viên phải viết hoặc đã nộp, trạng thái và kết quả chấm', querystring: BranchQuery, response: { 200: Queue } },
  }, async (req) => gradingQueue(db, req.actor!, req.query.campaignId, req.query.branchId));

  app.get('/api/reflections/grading-branches', {
    schema: { tags, summary: 'Các chi bộ mà người dùng chấm hoặc duyệt bài thu hoạch trong đợt học tập', querystring: CampaignOnlyQuery, response: { 200: GradingBranches } },
  }, async (req) => gradingBranches(db, req.actor!, req.query.campaignId));

  app.get('/api/reflections/grades.xlsx', {
    schema: { tags, summary: 'Xuất kết quả chấm bài thu hoạch của chi bộ ra Excel', querystring: ExportQuery },
  }, async (req, reply) => {
    const { fileName, bytes } = await exportGrades(db, req.actor!, req.query);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="ket-qua-cham.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    return reply.send(bytes);
  });

  app.post('/api/reflections/grades/import', {
    schema: {
      tags, consumes: ['multipart/form-data'], querystring: ImportQuery, response: { 200: ImportResult },
      summary: 'Nhập kết quả chấm từ tệp Excel (trường file): xem trước lỗi theo dòng và cột; với commit=true ghi tất cả hoặc không dòng nào',
    },
  }, async (req) => {
    const file = req.isMultipart() ? await req.file({ limits: { fileSize: MAX_SHEET_BYTES } }) : undefined;
    if (!file) throw new ValidationError('validation.failed', 'file missing', { errors: [{ path: 'file', message: 'Chưa chọn tệp Excel' }] });
    const bytes = await file.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new ValidationError('file.too_large', 'sheet too large', { title: 'Tệp Excel vượt quá 5 MB' });
      throw err;
    });
    return importGrades(db, req.actor!, req.query, bytes);
  });

  app.post('/api/reflections/grades/bulk', {
    schema: { tags, summary: 'Nhập bảng kết quả chấm đã thống nhất trên giấy: ghi nhận bài nộp giấy nếu chưa có, lưu và gửi duyệt; tất cả hoặc không dòng nào', body: BulkBody, response: { 200: BulkResult } },
  }, async (req) => bulkGrades(db, req.actor!, req.body));

  app.get('/api/reflections/:id', {
    schema: { tags, summary: 'Một bài thu hoạch để chấm: các phiên bản, phiếu chấm, thang đánh giá, bài trước và bài sau trong danh sách', params: ReflectionParams, response: { 200: ReflectionForGrading } },
  }, async (req) => reflectionForGrading(db, req.actor!, req.params.id));

  app.put('/api/reflections/:id/grades/:marker', {
    schema: { tags, summary: 'Lưu nháp phiếu chấm (mức theo từng tiêu chí, nhận xét, xếp loại; xếp loại mặc định theo gợi ý)', params: MarkerParams, body: GradeBody, response: { 200: GradeResult } },
  }, async (req) => saveDraft(db, req.actor!, req.params.id, req.params.marker, req.body));

  app.post('/api/reflections/:id/grades/:marker/submit', {
    schema: { tags, summary: 'Gửi phiếu chấm để Bí thư chi bộ duyệt (phải đánh giá đủ các tiêu chí); gửi lại không thay đổi gì', params: MarkerParams, response: { 200: GradeResult } },
  }, async (req) => submitGrade(db, req.actor!, req.params.id, req.params.marker));

  app.post('/api/reflections/:id/approve', {
    schema: { tags, summary: 'Bí thư chi bộ duyệt kết quả chấm (có thể đặt xếp loại cuối cùng); duyệt lại không thay đổi gì', params: ReflectionParams, body: ApproveBody, response: { 200: ApproveResult } },
  }, async (req) => approveGrades(db, req.actor!, req.params.id, req.body ?? {}));

  app.post('/api/reflections/:id/corrections', {
    schema: { tags, summary: 'Lập phiếu đính chính kết quả chấm đã duyệt (ghi rõ lý do); kết quả cũ giữ nguyên đến khi phiếu mới được duyệt', params: ReflectionParams, body: CorrectionBody, response: { 201: GradeResult } },
  }, async (req, reply) => reply.status(201).send(await correctGrade(db, req.actor!, req.params.id, req.body)));
}
