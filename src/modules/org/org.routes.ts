import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import * as orgs from './org.service.js';
import {
  CreateOrgBody, DissolveOrgBody, MergeOrgBody, MoveOrgBody, OrgDetail, OrgIdParams, OrgLevel, OrgRecord, OrgSummary,
  OrgSearchHit, OrgVersion, UpdateOrgBody,
} from './org.schema.js';

const tags = ['orgs'];
const record = (o: orgs.OrgRecordLike) => ({
  id: o.id, parentId: o.parentId, name: o.name, code: o.code, kind: o.kind, levelId: o.levelId, path: o.path, depth: o.depth, status: o.status,
});

export async function registerOrgRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/orgs', { schema: { tags, summary: 'Các tổ chức gốc trong phạm vi của người dùng', response: { 200: z.array(OrgSummary) } } },
    async (req) => orgs.listScopeRoots(db, req.actor!));
  app.get('/api/orgs/search', {
    schema: { tags, summary: 'Tìm tổ chức theo tên hoặc mã (không cần dấu)', querystring: z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.array(OrgSearchHit) } },
  }, async (req) => orgs.searchOrgs(db, req.actor!, req.query.q, req.query.limit));
  app.get('/api/org-levels', { schema: { tags, summary: 'Danh mục cấp tổ chức', response: { 200: z.array(OrgLevel) } } },
    async (req) => orgs.listLevels(db, req.actor!));
  app.post('/api/org-levels', {
    schema: { tags, summary: 'Thêm cấp tổ chức vào danh mục', body: z.object({ code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/), name: z.string().trim().min(2).max(100), rank: z.number().int().min(0).max(20) }), response: { 201: OrgLevel } },
  }, async (req, reply) => reply.status(201).send(await orgs.createLevel(db, req.actor!, req.body)));
  app.get('/api/orgs/:id', { schema: { tags, params: OrgIdParams, response: { 200: OrgDetail } } },
    async (req) => orgs.getOrg(db, req.actor!, req.params.id));
  app.get('/api/orgs/:id/children', { schema: { tags, params: OrgIdParams, response: { 200: z.array(OrgSummary) } } },
    async (req) => orgs.listChildren(db, req.actor!, req.params.id));
  app.get('/api/orgs/:id/history', { schema: { tags, summary: 'Lịch sử thay đổi của tổ chức', params: OrgIdParams, response: { 200: z.array(OrgVersion) } } },
    async (req) => orgs.getOrgHistory(db, req.actor!, req.params.id));
  app.get('/api/orgs/:id/children-on', {
    schema: { tags, summary: 'Các tổ chức trực thuộc tại một ngày', params: OrgIdParams, querystring: z.object({ date: z.iso.date() }), response: { 200: z.array(OrgVersion) } },
  }, async (req) => orgs.childrenOnDate(db, req.actor!, req.params.id, endOfDay(req.query.date)));

  app.post('/api/orgs', { schema: { tags, summary: 'Thành lập tổ chức', body: CreateOrgBody, response: { 201: OrgRecord } } },
    async (req, reply) => reply.status(201).send(record(await orgs.createOrg(db, req.actor!, req.body))));
  app.patch('/api/orgs/:id', { schema: { tags, summary: 'Đổi tên, mã, loại hoặc cấp', params: OrgIdParams, body: UpdateOrgBody, response: { 200: OrgRecord } } },
    async (req) => record(await orgs.renameOrg(db, req.actor!, req.params.id, req.body)));
  app.post('/api/orgs/:id/move', { schema: { tags, summary: 'Chuyển tổ chức sang trực thuộc tổ chức khác', params: OrgIdParams, body: MoveOrgBody, response: { 200: OrgRecord } } },
    async (req) => record(await orgs.moveOrg(db, req.actor!, req.params.id, req.body)));
  app.post('/api/orgs/:id/merge', {
    schema: { tags, summary: 'Sáp nhập vào tổ chức khác', params: OrgIdParams, body: MergeOrgBody, response: { 200: z.object({ merged: OrgRecord, movedChildren: z.number(), movedMembers: z.number() }) } },
  }, async (req) => {
    const result = await orgs.mergeOrg(db, req.actor!, req.params.id, req.body);
    return { merged: record(result.merged), movedChildren: result.movedChildren, movedMembers: result.movedMembers };
  });
  app.post('/api/orgs/:id/dissolve', { schema: { tags, summary: 'Giải thể tổ chức', params: OrgIdParams, body: DissolveOrgBody, response: { 200: OrgRecord } } },
    async (req) => record(await orgs.dissolveOrg(db, req.actor!, req.params.id, req.body)));
}

/** "The tree on 30/06/2025" means as it stood at the end of that day (Vietnam time). */
function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+07:00`);
}
