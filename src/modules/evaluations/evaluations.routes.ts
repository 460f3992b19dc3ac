import type { App, AppDeps } from '../../server/app.js';
import { exportSheet } from './evaluations.export.js';
import {
  ApproveBody, ApproveResult, Evaluation, Mine, SaveBody, SaveParams, Scheme, SchemeBody, SchemesQuery, Sheet, SheetQuery, YearQuery,
} from './evaluations.schema.js';
import * as service from './evaluations.service.js';

const tags = ['evaluations'];

export async function registerEvaluationRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/evaluations/schemes', {
    schema: { tags, summary: 'Quy định đánh giá, xếp loại đảng viên (tiêu chí, điểm tối đa, ngưỡng xếp loại); với year: quy định áp dụng cho năm đó', querystring: SchemesQuery, response: { 200: Scheme.array() } },
  }, async (req) => service.listSchemes(db, req.actor!, req.query.year));
  app.post('/api/evaluations/schemes', {
    schema: { tags, summary: 'Thêm quy định đánh giá, xếp loại mới áp dụng từ một năm (tổng 100 điểm, ngưỡng xếp loại giảm dần)', body: SchemeBody, response: { 201: Scheme } },
  }, async (req, reply) => reply.status(201).send(await service.createScheme(db, req.actor!, req.body)));
  app.get('/api/evaluations', {
    schema: { tags, summary: 'Bảng đánh giá, xếp loại đảng viên của chi bộ trong năm, kèm kết quả học tập (dự hội nghị, học bù, bài thu hoạch)', querystring: SheetQuery, response: { 200: Sheet } },
  }, async (req) => service.sheet(db, req.actor!, req.query.branchId, req.query.year));
  app.get('/api/evaluations/mine', {
    schema: { tags, summary: 'Kết quả đánh giá, xếp loại của tôi trong năm (sau khi Bí thư chi bộ duyệt) và kết quả học tập', querystring: YearQuery, response: { 200: Mine } },
  }, async (req) => service.mine(db, req.actor!, req.query.year));
  app.get('/api/evaluations/export.xlsx', {
    schema: { tags, summary: 'Xuất bảng đánh giá, xếp loại đảng viên của chi bộ ra Excel', querystring: SheetQuery },
  }, async (req, reply) => {
    const { fileName, buffer } = await exportSheet(db, req.actor!, req.query.branchId, req.query.year);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="xep-loai-dang-vien-${req.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    return reply.send(buffer);
  });
  app.put('/api/evaluations/:memberId/:year', {
    schema: { tags, summary: 'Chi ủy chấm điểm, ghi lý do và minh chứng (bản dự thảo); tổng điểm và xếp loại do máy chủ tính', params: SaveParams, body: SaveBody, response: { 200: Evaluation } },
  }, async (req) => service.save(db, req.actor!, req.params.memberId, req.params.year, req.body));
  app.post('/api/evaluations/approve', {
    schema: { tags, summary: 'Bí thư chi bộ duyệt kết quả đánh giá, xếp loại (các bản đã chấm đủ tiêu chí); đã duyệt thì khóa', body: ApproveBody, response: { 200: ApproveResult } },
  }, async (req) => service.approve(db, req.actor!, req.body));
}
