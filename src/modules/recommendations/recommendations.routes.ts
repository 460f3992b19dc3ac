import type { App, AppDeps } from '../../server/app.js';
import * as board from './recommendations.board.js';
import * as s from './recommendations.schema.js';
import { answersForOrg, groupDetail, myRecommendations, poolView } from './recommendations.service.js';

const tags = ['recommendations'];

export async function registerRecommendationRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/campaigns/:id/recommendations', {
    schema: {
      tags, params: s.IdParams, querystring: s.PoolQuery, response: { 200: s.PoolView },
      summary: 'Kiến nghị của một cấp ủy trong đợt học tập: các nhóm kiến nghị (gom từ bài thu hoạch của các chi bộ trực thuộc và từ kiến nghị cấp dưới chuyển lên) với số lượng, nơi đề xuất, trả lời; các cấp ủy cấp dưới',
    },
  }, async (req) => poolView(db, req.actor!, req.params.id, req.query));
  app.post('/api/campaigns/:id/recommendations/refresh', {
    schema: { tags, params: s.IdParams, body: s.RefreshBody, response: { 200: s.RefreshResult }, summary: 'Tổng hợp ngay các kiến nghị mới từ bài thu hoạch đã nộp vào danh sách của cấp ủy' },
  }, async (req) => board.refreshPool(db, req.actor!, req.params.id, req.body.orgId));
  app.get('/api/campaigns/:id/recommendation-answers', {
    schema: {
      tags, params: s.IdParams, querystring: s.PoolQuery, response: { 200: s.OrgAnswers },
      summary: 'Kiến nghị của một chi bộ (hoặc cấp ủy) đã được cấp trên tổng hợp thế nào, và các trả lời của cấp trên',
    },
  }, async (req) => answersForOrg(db, req.actor!, req.params.id, req.query));
  app.get('/api/me/campaigns/:id/recommendations', {
    schema: { tags, params: s.IdParams, response: { 200: s.MyRecommendations }, summary: 'Kiến nghị trong bài thu hoạch của tôi và trả lời của cấp trên' },
  }, async (req) => myRecommendations(db, req.actor!, req.params.id));
  app.get('/api/recommendation-groups/:id', {
    schema: { tags, params: s.IdParams, response: { 200: s.GroupDetail }, summary: 'Một nhóm kiến nghị với từng ý kiến và nơi đề xuất' },
  }, async (req) => groupDetail(db, req.actor!, req.params.id));
  app.patch('/api/recommendation-groups/:id', {
    schema: { tags, params: s.IdParams, body: s.UpdateGroupBody, response: { 200: s.GroupDetail }, summary: 'Sửa tiêu đề, ghi chú; chọn là kiến nghị xác đáng hoặc loại' },
  }, async (req) => { await board.updateGroup(db, req.actor!, req.params.id, req.body); return groupDetail(db, req.actor!, req.params.id); });
  app.post('/api/recommendation-groups/merge', {
    schema: { tags, body: s.MergeBody, response: { 200: s.GroupDetail }, summary: 'Gộp các nhóm kiến nghị cùng nội dung vào một nhóm' },
  }, async (req) => { await board.mergeGroups(db, req.actor!, req.body); return groupDetail(db, req.actor!, req.body.targetId); });
  app.post('/api/recommendation-groups/:id/split', {
    schema: { tags, params: s.IdParams, body: s.SplitBody, response: { 200: s.SplitResult }, summary: 'Tách một số ý kiến ra thành nhóm kiến nghị mới' },
  }, async (req) => ({ id: await board.splitGroup(db, req.actor!, req.params.id, req.body) }));
  app.post('/api/recommendation-groups/:id/forward', {
    schema: { tags, params: s.IdParams, body: s.ForwardBody, response: { 200: s.GroupDetail }, summary: 'Chuyển kiến nghị xác đáng lên Ban Tuyên giáo cấp trên và/hoặc trình Ban Thường vụ cấp mình' },
  }, async (req) => { await board.forwardGroup(db, req.actor!, req.params.id, req.body); return groupDetail(db, req.actor!, req.params.id); });
  app.post('/api/recommendation-groups/:id/withdraw', {
    schema: { tags, params: s.IdParams, response: { 200: s.GroupDetail }, summary: 'Rút lại kiến nghị đã chuyển lên cấp trên' },
  }, async (req) => { await board.withdrawForward(db, req.actor!, req.params.id); return groupDetail(db, req.actor!, req.params.id); });
  app.put('/api/recommendation-groups/:id/answer', {
    schema: { tags, params: s.IdParams, body: s.AnswerBody, response: { 200: s.GroupDetail }, summary: 'Trả lời, giải quyết kiến nghị; trả lời được chuyển xuống các cấp và chi bộ đã đề xuất' },
  }, async (req) => { await board.answerGroup(db, req.actor!, req.params.id, req.body); return groupDetail(db, req.actor!, req.params.id); });
}
