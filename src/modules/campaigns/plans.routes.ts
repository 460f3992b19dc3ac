import type { App, AppDeps } from '../../server/app.js';
import * as plans from './plans.service.js';
import { CreatePlanBody, IdParams, IssuePlanBody, PlanView, ReturnPlanBody, UpdatePlanBody } from './campaigns.schema.js';

const tags = ['plans'];
const response = { 200: PlanView };

export async function registerPlanRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.post('/api/campaigns/:id/plans', {
    schema: { tags, summary: 'Cấp ủy cấp dưới xây dựng kế hoạch của mình, kế thừa kế hoạch cấp trên đã ban hành', params: IdParams, body: CreatePlanBody, response: { 201: PlanView } },
  }, async (req, reply) => reply.status(201).send(await plans.createPlan(db, req.actor!, req.params.id, req.body.orgId)));
  app.get('/api/plans/:id', { schema: { tags, summary: 'Kế hoạch học tập, quán triệt', params: IdParams, response } },
    async (req) => plans.getPlan(db, req.actor!, req.params.id));
  app.patch('/api/plans/:id', { schema: { tags, summary: 'Sửa dự thảo kế hoạch (thời hạn không muộn hơn kế hoạch cấp trên)', params: IdParams, body: UpdatePlanBody, response } },
    async (req) => plans.updatePlan(db, req.actor!, req.params.id, req.body));
  app.post('/api/plans/:id/submit', { schema: { tags, summary: 'Trình Ban Thường vụ duyệt kế hoạch', params: IdParams, response } },
    async (req) => plans.submitPlan(db, req.actor!, req.params.id));
  app.post('/api/plans/:id/approve', { schema: { tags, summary: 'Phê duyệt kế hoạch', params: IdParams, response } },
    async (req) => plans.approvePlan(db, req.actor!, req.params.id));
  app.post('/api/plans/:id/return', { schema: { tags, summary: 'Trả lại kế hoạch để sửa (kèm ý kiến)', params: IdParams, body: ReturnPlanBody, response } },
    async (req) => plans.returnPlan(db, req.actor!, req.params.id, req.body.note));
  app.post('/api/plans/:id/issue', { schema: { tags, summary: 'Ban hành kế hoạch (số, ký hiệu và ngày ban hành)', params: IdParams, body: IssuePlanBody, response } },
    async (req) => plans.issuePlan(db, req.actor!, req.params.id, req.body));
}
