import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import { registerBridgePointRoutes } from './conferences.bridge-points.routes.js';
import * as documents from './conferences.documents.service.js';
import * as conferences from './conferences.service.js';
import * as sessions from './conferences.sessions.service.js';
import {
  AgendaBody, AgendaView, CancelConferenceBody, CommentBody, CommentView, ConferenceDetail, ConferenceIdParams, ConferenceSummary,
  CreateConferenceBody, CreateDocumentBody, DocumentIdParams, DocumentView, ListConferencesQuery, OrganizerOrg, OrganizerQuery,
  SessionsBody, SessionView, SplitProposalView, SplitQuery, UpdateConferenceBody,
} from './conferences.schema.js';

const tags = ['conferences'];
const Created = z.object({ id: z.string(), status: z.string() });
const ref = (c: { id: string; status: string }) => ({ id: c.id, status: c.status });

export async function registerConferenceRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.get('/api/conferences', { schema: { tags, summary: 'Danh sách hội nghị học tập, quán triệt trong phạm vi', querystring: ListConferencesQuery, response: { 200: z.array(ConferenceSummary) } } },
    async (req) => conferences.listConferences(db, req.actor!, req.query));
  app.get('/api/conferences/organizer-orgs', {
    schema: { tags, summary: 'Các tổ chức người dùng được tổ chức hội nghị, kèm thời hạn theo kế hoạch', querystring: OrganizerQuery, response: { 200: z.array(OrganizerOrg) } },
  }, async (req) => conferences.organizerOrgs(db, req.actor!, req.query.campaignId));
  app.post('/api/conferences', { schema: { tags, summary: 'Lên lịch hội nghị (trong thời hạn kế hoạch)', body: CreateConferenceBody, response: { 201: Created } } },
    async (req, reply) => reply.status(201).send(ref(await conferences.createConference(db, req.actor!, req.body))));
  app.get('/api/conferences/:id', { schema: { tags, summary: 'Chi tiết hội nghị: phiên họp, chương trình, điểm cầu, văn bản', params: ConferenceIdParams, response: { 200: ConferenceDetail } } },
    async (req) => conferences.getConferenceDetail(db, req.actor!, req.params.id));
  app.patch('/api/conferences/:id', { schema: { tags, summary: 'Sửa hội nghị chưa diễn ra', params: ConferenceIdParams, body: UpdateConferenceBody, response: { 200: Created } } },
    async (req) => ref(await conferences.updateConference(db, req.actor!, req.params.id, req.body)));
  app.post('/api/conferences/:id/cancel', { schema: { tags, summary: 'Hủy hội nghị', params: ConferenceIdParams, body: CancelConferenceBody, response: { 200: Created } } },
    async (req) => ref(await conferences.cancelConference(db, req.actor!, req.params.id, req.body.reason)));

  app.get('/api/conferences/:id/split-proposal', {
    schema: { tags, summary: 'Đề xuất chia phiên khi hội trường không đủ chỗ (giữ nguyên từng chi bộ)', params: ConferenceIdParams, querystring: SplitQuery, response: { 200: SplitProposalView } },
  }, async (req) => sessions.splitProposal(db, req.actor!, req.params.id, req.query.capacity));
  app.put('/api/conferences/:id/sessions', {
    schema: { tags, summary: 'Áp dụng phương án chia phiên', params: ConferenceIdParams, body: SessionsBody, response: { 200: z.array(SessionView) } },
  }, async (req) => sessions.applySessions(db, req.actor!, req.params.id, req.body));
  app.put('/api/conferences/:id/agenda', {
    schema: { tags, summary: 'Cập nhật chương trình hội nghị (chuyên đề, báo cáo viên)', params: ConferenceIdParams, body: AgendaBody, response: { 200: z.array(AgendaView) } },
  }, async (req) => sessions.setAgenda(db, req.actor!, req.params.id, req.body));

  app.get('/api/conferences/:id/documents', { schema: { tags, summary: 'Văn bản đưa ra thảo luận tại hội nghị', params: ConferenceIdParams, response: { 200: z.array(DocumentView) } } },
    async (req) => documents.listDocuments(db, req.actor!, req.params.id));
  app.post('/api/conferences/:id/documents', {
    schema: { tags, summary: 'Đưa văn bản ra thảo luận (nghị quyết chuyên đề, kế hoạch, đề án)', params: ConferenceIdParams, body: CreateDocumentBody, response: { 201: DocumentView } },
  }, async (req, reply) => reply.status(201).send(await documents.createDocument(db, req.actor!, req.params.id, req.body)));
  app.get('/api/conference-documents/:docId/comments', {
    schema: { tags, summary: 'Ý kiến góp ý theo từng mục của văn bản', params: DocumentIdParams, response: { 200: z.array(CommentView) } },
  }, async (req) => documents.listComments(db, req.actor!, req.params.docId));
  app.post('/api/conference-documents/:docId/comments', {
    schema: { tags, summary: 'Góp ý vào một mục của văn bản', params: DocumentIdParams, body: CommentBody, response: { 201: CommentView } },
  }, async (req, reply) => reply.status(201).send(await documents.addComment(db, req.actor!, req.params.docId, req.body)));

  await registerBridgePointRoutes(app, deps);
}
