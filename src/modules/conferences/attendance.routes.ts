import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import { campaignCoverage } from './attendance.coverage.js';
import { confirmMakeup, listMakeups, planMakeup } from './attendance.makeups.js';
import { myCampaigns } from './attendance.member.js';
import { addGuests, addMemberInvitees, listRoster } from './attendance.roster.js';
import { checkIn, closeConference, markAttendance } from './attendance.service.js';
import { checkInBulk } from './attendance.checkin.js';
import {
  AttendanceBody, CampaignIdParams, CheckInBody, CheckInResult, CheckInsBody, CheckInsResult, ConferenceIdParams, Counts, Coverage, GuestsBody, MakeupConfirmBody,
  MakeupItem, MakeupPlanBody, MakeupQuery, MembersBody, MyCampaign, Roster, RosterQuery,
} from './attendance.schema.js';

const tags = ['attendance'];

export async function registerAttendanceRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/conferences/:id/invitations', {
    schema: { tags, summary: 'Danh sách mời và điểm danh của hội nghị', params: ConferenceIdParams, querystring: RosterQuery, response: { 200: Roster } },
  }, async (req) => listRoster(db, req.actor!, req.params.id, req.query));
  app.post('/api/conferences/:id/invitations', {
    schema: { tags, summary: 'Mời thêm đảng viên (đối tượng lập danh sách riêng)', params: ConferenceIdParams, body: MembersBody, response: { 200: z.object({ added: z.number() }) } },
  }, async (req) => addMemberInvitees(db, req.actor!, req.params.id, req.body.memberIds));
  app.post('/api/conferences/:id/guests', {
    schema: { tags, summary: 'Mời khách không phải đảng viên', params: ConferenceIdParams, body: GuestsBody, response: { 200: z.object({ added: z.number() }) } },
  }, async (req) => addGuests(db, req.actor!, req.params.id, req.body.guests));
  app.post('/api/conferences/:id/check-in', {
    schema: { tags, summary: 'Điểm danh bằng mã QR (quét hai lần chỉ tính một lần)', params: ConferenceIdParams, body: CheckInBody, response: { 200: CheckInResult } },
  }, async (req) => checkIn(db, req.actor!, req.params.id, req.body.code));
  app.post('/api/conferences/:id/check-ins', {
    schema: { tags, summary: 'Gửi một lần các lượt quét mã QR đã lưu khi mất kết nối (tối đa 2.000; kết quả theo từng mã, đúng thứ tự)', params: ConferenceIdParams, body: CheckInsBody, response: { 200: CheckInsResult } },
  }, async (req) => checkInBulk(db, req.actor!, req.params.id, req.body.codes));
  app.post('/api/conferences/:id/attendance', {
    schema: { tags, summary: 'Điểm danh theo danh sách: có mặt, vắng (có lý do), bỏ đánh dấu', params: ConferenceIdParams, body: AttendanceBody, response: { 200: z.object({ changed: z.number() }) } },
  }, async (req) => markAttendance(db, req.actor!, req.params.id, req.body.marks));
  app.post('/api/conferences/:id/close', {
    schema: { tags, summary: 'Kết thúc hội nghị: người chưa điểm danh là vắng và vào danh sách học bù', params: ConferenceIdParams, response: { 200: Counts } },
  }, async (req) => closeConference(db, req.actor!, req.params.id));

  app.get('/api/campaigns/:id/coverage', {
    schema: { tags, summary: 'Tiến độ học tập theo từng tổ chức trực thuộc', params: CampaignIdParams, querystring: z.object({ orgId: z.uuid().optional() }), response: { 200: Coverage } },
  }, async (req) => campaignCoverage(db, req.actor!, req.params.id, req.query.orgId));
  app.get('/api/campaigns/:id/makeups', {
    schema: { tags, summary: 'Danh sách học bù', params: CampaignIdParams, querystring: MakeupQuery, response: { 200: z.array(MakeupItem) } },
  }, async (req) => listMakeups(db, req.actor!, req.params.id, req.query));
  app.patch('/api/makeups/:id', {
    schema: { tags, summary: 'Bố trí học bù: buổi học bù hoặc tự nghiên cứu có hướng dẫn', params: z.object({ id: z.uuid() }), body: MakeupPlanBody, response: { 200: z.object({ id: z.uuid(), status: z.literal('pending') }) } },
  }, async (req) => planMakeup(db, req.actor!, req.params.id, req.body));
  app.post('/api/makeups/:id/confirm', {
    schema: { tags, summary: 'Chi ủy xác nhận đảng viên đã học bù', params: z.object({ id: z.uuid() }), body: MakeupConfirmBody, response: { 200: z.object({ id: z.uuid(), status: z.literal('completed'), alreadyConfirmed: z.boolean() }) } },
  }, async (req) => confirmMakeup(db, req.actor!, req.params.id, req.body));

  app.get('/api/me/campaigns', {
    schema: { tags, summary: 'Học tập của tôi: hội nghị, mã QR, điểm danh, học bù', response: { 200: z.array(MyCampaign) } },
  }, async (req) => myCampaigns(db, req.actor!));
}
