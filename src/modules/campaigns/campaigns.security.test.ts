import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { createTenant, createUser, login } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { day, provinceWithCampaign, userCookie } from './campaigns.fixtures.js';

describeApp('campaign visibility and scope', (ctx) => {
  it('a branch sees the province\'s campaign and the plans above it, not a sibling commune\'s', async () => {
    const c = await provinceWithCampaign(ctx);
    await c.issue(c.rootPlanId, c.secretary, c.officer, '03-KH/TU', day(-15));
    const commune0 = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.communes[0] }]);
    const communePlan = (await c.post(`/api/campaigns/${c.campaignId}/plans`, commune0, { orgId: c.p.communes[0] })).json();
    const branch = await userCookie(ctx, c.p.tenantId, [{ role: 'branch_committee', orgId: c.p.branches[4] }]); // in commune 2

    const list = (await c.get('/api/campaigns', branch)).json();
    expect(list).toMatchObject([{ id: c.campaignId, myPlan: { orgId: c.p.branches[4], plan: null, canManage: true } }]);
    expect((await c.get(`/api/campaigns/${c.campaignId}`, branch)).statusCode).toBe(200);
    expect((await c.get(`/api/plans/${c.rootPlanId}`, branch)).statusCode).toBe(200);
    expect((await c.get(`/api/plans/${communePlan.id}`, branch)).statusCode).toBe(404);
    expect((await c.get(`/api/campaigns/${c.campaignId}/plans?parentOrgId=${c.p.communes[0]}`, branch)).statusCode).toBe(404);
    expect((await c.get(`/api/campaigns/${c.campaignId}/plans?parentOrgId=${c.p.rootId}`, branch)).statusCode).toBe(404);
    expect((await c.post(`/api/campaigns/${c.campaignId}/plans`, branch, { orgId: c.p.communes[0] })).statusCode).toBe(404);
    expect((await c.patch(`/api/plans/${communePlan.id}`, branch, { purpose: 'x' })).statusCode).toBe(404);
    expect((await c.post(`/api/plans/${communePlan.id}/approve`, branch)).statusCode).toBe(404);
    // A branch may build an optional plan of its own, under the province's.
    const own = await c.post(`/api/campaigns/${c.campaignId}/plans`, branch, { orgId: c.p.branches[4] });
    expect(own.json()).toMatchObject({ parentPlan: { id: c.rootPlanId } });

    // A campaign led from commune 1 is invisible from a branch of commune 2.
    const local = await c.post('/api/campaigns', commune0, { resolutionId: (await c.get(`/api/campaigns/${c.campaignId}`, c.officer)).json().resolution.id, orgId: c.p.communes[0], title: 'Học tập Nghị quyết Đại hội Đảng bộ xã' });
    expect(local.statusCode, local.body).toBe(201);
    expect((await c.get(`/api/campaigns/${local.json().id}`, branch)).statusCode).toBe(404);
    expect((await c.get('/api/campaigns', branch)).json().map((x: { id: string }) => x.id)).toEqual([c.campaignId]);
    const inside = await userCookie(ctx, c.p.tenantId, [{ role: 'branch_committee', orgId: c.p.branches[0] }]);
    expect((await c.get('/api/campaigns', inside)).json()).toHaveLength(2);
  });

  it('refuses writes outside the actor\'s scope and reads from another province', async () => {
    const c = await provinceWithCampaign(ctx);
    const commune0 = await userCookie(ctx, c.p.tenantId, [{ role: 'propaganda_officer', orgId: c.p.communes[0] }]);
    expect((await c.patch(`/api/plans/${c.rootPlanId}`, commune0, { purpose: 'Sửa kế hoạch tỉnh' })).statusCode).toBe(404);
    expect((await c.post('/api/campaigns', commune0, { resolutionId: (await c.get(`/api/campaigns/${c.campaignId}`, c.officer)).json().resolution.id, orgId: c.p.rootId, title: 'Không được' })).statusCode).toBe(404);
    const inspector = await userCookie(ctx, c.p.tenantId, [{ role: 'inspection_officer', orgId: c.p.rootId }]);
    expect((await c.get(`/api/plans/${c.rootPlanId}`, inspector)).json().abilities).toEqual({ edit: false, submit: false, approve: false, issue: false, return: false });
    expect((await c.patch(`/api/plans/${c.rootPlanId}`, inspector, { purpose: 'x' })).statusCode).toBe(403);
    const [row] = await queryRows<{ purpose: string }>(ctx.db, sql`select purpose from campaign_plans where id = ${c.rootPlanId}::uuid`);
    expect(row.purpose).toBe('Giúp cán bộ, đảng viên nắm vững Nghị quyết');

    const other = await createTenant(ctx.db, 'Đảng bộ tỉnh Khác');
    const stranger = await userCookie(ctx, other.tenantId, [{ role: 'system_admin', orgId: other.rootId }]);
    expect((await c.get(`/api/campaigns/${c.campaignId}`, stranger)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${c.rootPlanId}`, stranger)).statusCode).toBe(404);
    expect((await c.get('/api/campaigns', stranger)).json()).toEqual([]);
    expect((await c.get('/api/campaigns/00000000-0000-7000-8000-000000000000', c.officer)).json().code).toBe('campaign.not_found');
  });

  it('a member sees the campaign of their branch\'s province through their own record', async () => {
    const c = await provinceWithCampaign(ctx);
    const cookie = await login(ctx.app, (await createUser(ctx.db, c.p.tenantId, [], c.p.members[0])).username);
    expect((await c.get(`/api/campaigns/${c.campaignId}`, cookie)).json()).toMatchObject({ id: c.campaignId, myPlans: [{ orgId: c.p.branches[0], canManage: false }] });
    expect((await c.get(`/api/campaigns/${c.campaignId}/plans`, cookie)).statusCode).toBe(404);
  });
});
