import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import * as membersService from './members.service.js';
import { exportMembers } from './members.export.js';
import { CreateMemberBody, ListMembersQuery, MemberDetail, MemberIdParams, MemberPage, MemberRef, UpdateMemberBody } from './members.schema.js';

const tags = ['members'];

export async function registerMemberRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/members', { schema: { tags, summary: 'Tìm kiếm đảng viên trong một tổ chức', querystring: ListMembersQuery, response: { 200: MemberPage } } },
    async (req) => {
      const { orgId, page, pageSize, ...filters } = req.query;
      return membersService.listMembers(db, req.actor!, { orgId, page, pageSize, filters });
    });
  app.get('/api/members/:id', { schema: { tags, params: MemberIdParams, response: { 200: MemberDetail } } },
    async (req) => membersService.getMember(db, req.actor!, req.params.id));
  app.post('/api/members', { schema: { tags, body: CreateMemberBody, response: { 201: MemberRef } } },
    async (req, reply) => {
      const row = await membersService.createMember(db, req.actor!, req.body);
      return reply.status(201).send({ id: row.id, fullName: row.fullName, branchId: row.branchId });
    });
  app.patch('/api/members/:id', { schema: { tags, params: MemberIdParams, body: UpdateMemberBody, response: { 200: MemberRef } } },
    async (req) => {
      const row = await membersService.updateMember(db, req.actor!, req.params.id, req.body);
      return { id: row.id, fullName: row.fullName, branchId: row.branchId };
    });
  app.get('/api/members/export', {
    schema: { tags, summary: 'Xuất danh sách đảng viên ra Excel', querystring: z.object({ orgId: z.uuid() }) },
  }, async (req, reply) => {
    const { fileName, write } = await exportMembers(db, req.actor!, req.query.orgId);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="danh-sach-dang-vien.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    write(stream).catch((err: Error) => stream.destroy(err));
    return reply.send(stream);
  });
}
