import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { queryRows } from '../../kernel/db/client.js';
import { client, insertCampaign, loginAs, materialsWorld, memberLogin } from './materials.test-fixtures.js';

describeApp('materials: who may read and write what', (ctx) => {
  /** A commune's own material, published by the commune's propaganda officer. */
  async function communeMaterial() {
    const w = await materialsWorld(ctx.db, ctx.app);
    const communeOfficer = await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'propaganda_officer', orgId: w.p.communes[0] }]);
    const officer = client(ctx.app, communeOfficer.cookie);
    const created = await officer.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.communes[0], kind: 'study', title: 'Tài liệu của Đảng bộ xã', body: 'Nội dung riêng của xã.' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await officer.post(`/api/materials/${id}/publish`)).statusCode).toBe(200);
    return { ...w, id, communeOfficer: officer };
  }

  it('a member of another commune cannot open a commune-level material, nor see it in their list', async () => {
    const w = await communeMaterial();
    const own = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, w.p.members[0], w.p.branches[0])).cookie);
    const other = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, w.p.members[12], w.p.branches[4])).cookie);
    expect((await own.get(`/api/materials/${w.id}`)).statusCode).toBe(200);
    const refused = await other.get(`/api/materials/${w.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('material.not_found');
    expect((await other.get(`/api/materials/${w.id}/file`)).statusCode).toBe(404);
    expect((await other.get(`/api/materials/mine?campaignId=${w.campaignId}`)).json()).toEqual([]);
    expect((await own.get(`/api/materials/mine?campaignId=${w.campaignId}`)).json().map((m: { id: string }) => m.id)).toEqual([w.id]);
    const views = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from material_views where material_id = ${w.id}`);
    expect(views[0].n).toBe(1); // the refused attempt left no trace
    // Members do not read statistics or the officers' list of drafts.
    expect((await own.get(`/api/materials/${w.id}/readers?orgId=${w.p.communes[0]}`)).statusCode).toBe(404);
  });

  it('keeps drafts to those who manage them', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const officer = client(ctx.app, w.officer.cookie);
    const id = (await officer.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.rootId, kind: 'study', title: 'Bản nháp', body: 'Chưa xong.' })).json().id;
    const member = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, w.p.members[0], w.p.branches[0])).cookie);
    const secretary = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'committee_secretary', orgId: w.p.rootId }])).cookie);
    expect((await member.get(`/api/materials/${id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/materials/${id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/materials?campaignId=${w.campaignId}`)).json().items).toEqual([]);
    expect((await officer.get(`/api/materials/${id}`)).json()).toMatchObject({ status: 'draft', abilities: { canManage: true } });
    expect((await ctx.db.execute(sql`select 1 from material_views where material_id = ${id}`) as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });

  it('refuses an officer outside the publisher\'s scope: missing for what they cannot see, forbidden for what they only read', async () => {
    const w = await communeMaterial();
    const otherCommune = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'propaganda_officer', orgId: w.p.communes[1] }])).cookie);
    const create = await otherCommune.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.communes[0], kind: 'study', title: 'Lấn sân' });
    expect(create.statusCode).toBe(404);
    expect((await otherCommune.post(`/api/materials/${w.id}/withdraw`)).statusCode).toBe(404);
    expect((await otherCommune.patch(`/api/materials/${w.id}`, { title: 'Đổi tên' })).statusCode).toBe(404);
    expect((await otherCommune.post('/api/materials', { masterId: w.id, audienceCode: 'can_bo', title: 'Phiên bản lạ' })).statusCode).toBe(404);
    expect((await otherCommune.get(`/api/materials/${w.id}`)).statusCode).toBe(404);
    expect((await otherCommune.get(`/api/materials/${w.id}/readers?orgId=${w.p.communes[1]}`)).statusCode).toBe(404);
    expect((await otherCommune.get(`/api/materials?campaignId=${w.campaignId}`)).json().items).toEqual([]);
    expect((await otherCommune.get(`/api/materials?campaignId=${w.campaignId}&orgId=${w.p.communes[0]}`)).statusCode).toBe(404);

    // A branch committee reads its commune's material but may not publish materials.
    const branchCommittee = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'branch_committee', orgId: w.p.branches[0] }])).cookie);
    expect((await branchCommittee.get(`/api/materials/${w.id}`)).statusCode).toBe(200);
    const forbidden = await branchCommittee.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.branches[0], kind: 'study', title: 'Tài liệu chi bộ' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('auth.forbidden');
    expect((await branchCommittee.post(`/api/material-audiences`, { code: 'x_y', name: 'Không được', rule: [{ field: 'isExempt', op: 'is_true' }] })).statusCode).toBe(404);
    const branchReaders = (await branchCommittee.get(`/api/materials/${w.id}/readers?branchId=${w.p.branches[0]}`)).json();
    expect(branchReaders.total.targeted).toBe(3);
    expect((await branchCommittee.get(`/api/materials/${w.id}/readers?branchId=${w.p.branches[1]}`)).statusCode).toBe(404);

    // The province sees the commune's material and its counts; nobody outside wrote anything.
    const province = (await client(ctx.app, w.officer.cookie).get(`/api/materials?campaignId=${w.campaignId}`)).json();
    expect(province.items.map((m: { id: string; canManage: boolean }) => [m.id, m.canManage])).toEqual([[w.id, true]]);
    const writes = await queryRows<{ action: string }>(ctx.db, sql`select action from audit_log where entity_type = 'material' and entity_id = ${w.id} order by at`);
    expect(writes.map((r) => r.action)).toEqual(['material.create', 'material.publish']);
  });

  it('answers 404 for a variant of another commune\'s material, whatever else the request gets wrong', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const own = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'propaganda_officer', orgId: w.p.communes[0] }])).cookie);
    const draft = (await own.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.communes[0], kind: 'study', title: 'Bản nháp của xã 1', body: 'Nội dung.' })).json();
    const outsider = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'propaganda_officer', orgId: w.p.communes[1] }])).cookie);
    // No audience and a kind differing from the master's: the owner is told so, the outsider learns nothing.
    const probe = await outsider.post('/api/materials', { masterId: draft.id, kind: 'qa', title: 'Dò tìm' });
    const missing = await outsider.post('/api/materials', { masterId: '00000000-0000-7000-8000-000000000000', kind: 'qa', title: 'Dò tìm' });
    expect(missing.statusCode).toBe(404);
    expect(probe.statusCode).toBe(404);
    expect(probe.json().code).toBe(missing.json().code);
    expect((await own.post('/api/materials', { masterId: draft.id, kind: 'qa', title: 'Phiên bản' })).statusCode).toBe(400);
  });

  it('keeps a material inside its campaign\'s subtree', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const communeCampaign = await insertCampaign(ctx.db, w.p.tenantId, w.p.communes[0]);
    const officer = client(ctx.app, w.officer.cookie);
    const outside = await officer.post('/api/materials', { campaignId: communeCampaign, orgId: w.p.communes[1], kind: 'study', title: 'Sai phạm vi' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'material.outside_campaign', title: 'Tổ chức ban hành tài liệu không thuộc phạm vi của đợt học tập' });
    const missing = await officer.post('/api/materials', { orgId: w.p.rootId, kind: 'study', title: 'Thiếu đợt' });
    expect(missing.json().errors).toEqual([{ path: 'campaignId', message: 'Chưa chọn đợt học tập' }]);
  });

  it('answers 401 without a session', async () => {
    for (const url of ['/api/materials?campaignId=00000000-0000-7000-8000-000000000000', '/api/material-audiences']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
