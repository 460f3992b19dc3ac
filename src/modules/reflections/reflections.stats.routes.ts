import type { App, AppDeps } from '../../server/app.js';
import { CampaignIdParams } from './reflections.schema.js';
import { reflectionStats } from './reflections.stats.js';
import { listReminders, sendReminders } from './reflections.reminders.js';
import { Reminder, ReminderBody, ReminderQuery, ReminderResult, ReflectionStats, StatsQuery } from './reflections.stats.schema.js';
import { z } from 'zod';

const tags = ['reflections'];

export async function registerReflectionStatsRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/campaigns/:id/reflection-stats', {
    schema: {
      tags, params: CampaignIdParams, querystring: StatsQuery, response: { 200: ReflectionStats },
      summary: 'Theo dõi bài thu hoạch theo từng tổ chức trực thuộc: phải nộp, đã nộp, đúng hạn, đã duyệt điểm, phân loại, còn thiếu',
    },
  }, async (req) => reflectionStats(db, req.actor!, req.params.id, req.query.orgId));
  app.post('/api/campaigns/:id/reflection-reminders', {
    schema: { tags, params: CampaignIdParams, body: ReminderBody, response: { 201: ReminderResult }, summary: 'Nhắc nhở các tổ chức cấp dưới chậm nộp bài thu hoạch' },
  }, async (req, reply) => reply.status(201).send(await sendReminders(db, req.actor!, req.params.id, req.body)));
  app.get('/api/reflection-reminders', {
    schema: { tags, querystring: ReminderQuery, response: { 200: z.array(Reminder) }, summary: 'Các lời nhắc của cấp trên gửi tới tổ chức của tôi về bài thu hoạch' },
  }, async (req) => listReminders(db, req.actor!, req.query.campaignId));
}
