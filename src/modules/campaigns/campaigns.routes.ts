import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import * as campaigns from './campaigns.service.js';
import { getCascade } from './campaigns.cascade.js';
import { CampaignDetail, CampaignSummary, CascadeQuery, CascadeView, CreateCampaignBody, IdParams } from './campaigns.schema.js';
import { registerPlanRoutes } from './plans.routes.js';
import { registerResolutionRoutes } from './resolutions.routes.js';

const tags = ['campaigns'];

export async function registerCampaignRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  await registerResolutionRoutes(app, deps);
  app.get('/api/campaigns', { schema: { tags, summary: 'Các đợt học tập, quán triệt người dùng tham gia', response: { 200: z.array(CampaignSummary) } } },
    async (req) => campaigns.listCampaigns(db, req.actor!));
  app.post('/api/campaigns', {
    schema: { tags, summary: 'Phát động đợt học tập, quán triệt (tạo kèm dự thảo kế hoạch của cấp phát động)', body: CreateCampaignBody, response: { 201: CampaignDetail } },
  }, async (req, reply) => reply.status(201).send(await campaigns.createCampaign(db, req.actor!, req.body)));
  app.get('/api/campaigns/:id', { schema: { tags, summary: 'Đợt học tập, quán triệt', params: IdParams, response: { 200: CampaignDetail } } },
    async (req) => campaigns.getCampaign(db, req.actor!, req.params.id));
  app.get('/api/campaigns/:id/plans', {
    schema: { tags, summary: 'Tình hình ban hành kế hoạch của các tổ chức trực thuộc (mặc định: tổ chức của người dùng)', params: IdParams, querystring: CascadeQuery, response: { 200: CascadeView } },
  }, async (req) => getCascade(db, req.actor!, req.params.id, req.query.parentOrgId));
  await registerPlanRoutes(app, deps);
}
