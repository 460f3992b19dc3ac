import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { insertMember, insertOrg } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { auditActions, communeWithCampaign, conferenceBody, http } from './conferences.fixtures.js';

describeApp('bridge points', (ctx) => {
  const { get, post, patch, del } = http(ctx);

  /** An online commune conference, two Standing Committee members (commune and province) and a commune officer. */
  async function online() {
    const c = await communeWithCampaign(ctx);
    const res = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { format: 'online', venue: 'Điểm cầu chính: Hội trường Đảng ủy xã' }));
    expect(res.statusCode, res.body).toBe(201);
    const communeSecretary = await c.user([{ role: 'committee_secretary', orgId: c.commune }]);
    const provinceSecretary = await c.user([{ role: 'committee_secretary', orgId: c.rootId }]);
    return { ...c, id: res.json().id as string, communeSecretary, provinceSecretary };
  }
  const point = (over: Record<string, unknown>) => ({ name: 'Điểm cầu thôn', place: 'Nhà văn hóa thôn', capacity: 40, unitOrgIds: [], ...over });

  it('lists as supervisors only Standing Committee members of the organizing level and above', async () => {
    const c = await online();
    const elsewhere = await c.user([{ role: 'committee_secretary', orgId: c.other }]);
    const officer = await c.user([{ role: 'propaganda_officer', orgId: c.rootId }]);
    const candidates = (await get(`/api/conferences/${c.id}/supervisor-candidates`, c.officer.cookie)).json();
    const ids = candidates.map((x: { userId: string }) => x.userId);
    expect(ids.sort()).toEqual([c.communeSecretary.actor.userId, c.provinceSecretary.actor.userId].sort());
    expect(candidates.find((x: { userId: string }) => x.userId === c.communeSecretary.actor.userId).orgName).toBe('Đảng bộ xã Tân Hòa');
    for (const bad of [elsewhere, officer]) {
      const res = await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ supervisorUserId: bad.actor.userId }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'bridge_point.supervisor_invalid', title: 'Người giám sát điểm cầu phải là Ủy viên Ban Thường vụ của cấp tổ chức hội nghị' });
    }
  });

  it('has bridge points only for online conferences', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const res = await post(`/api/conferences/${id}/bridge-points`, c.officer.cookie, point({}));
    expect(res.json()).toMatchObject({ code: 'conference.online_only' });
  });

  it('seats invitees at the point of their unit; a unit belongs to one point; units stay inside the commune', async () => {
    const c = await online();
    const [b1, b2, b3, b4, b5] = c.branches;
    const a = await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu thôn 1–2', unitOrgIds: [b1, b2], supervisorUserId: c.communeSecretary.actor.userId }));
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ expected: 16, present: 0, supervisor: { userId: c.communeSecretary.actor.userId, displayName: `Người dùng ${c.communeSecretary.actor.username}` } });
    const clash = await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu B', unitOrgIds: [b2, b3] }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual([{ path: 'unitOrgIds', message: 'Chi bộ Thôn 2 đã thuộc điểm cầu "Điểm cầu thôn 1–2"' }]);
    const outside = await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu C', unitOrgIds: [c.otherBranch] }));
    expect(outside.statusCode).toBe(400);
    // The commune officer does not see the other commune: it is not named to them; never an id.
    expect(outside.json().errors).toEqual([{ path: 'unitOrgIds', message: 'Có đơn vị được chọn không thuộc Đảng bộ xã Tân Hòa, nơi tổ chức hội nghị' }]);
    const province = await c.user([{ role: 'propaganda_officer', orgId: c.rootId }]);
    const named = await post(`/api/conferences/${c.id}/bridge-points`, province.cookie, point({ name: 'Điểm cầu C', unitOrgIds: [c.otherBranch] }));
    expect(named.json().errors).toEqual([{ path: 'unitOrgIds', message: 'Chi bộ Phú Lộc 1 không thuộc Đảng bộ xã Tân Hòa, nơi tổ chức hội nghị' }]);
    const b = await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu thôn 3–5', unitOrgIds: [b3, b4, b5], supervisorUserId: c.provinceSecretary.actor.userId }));
    expect(b.json().expected).toBe(14);
    const detail = (await get(`/api/conferences/${c.id}`, c.officer.cookie)).json();
    expect(detail.bridgePoints.map((p: { name: string; expected: number; units: unknown[] }) => [p.name, p.expected, p.units.length])).toEqual([['Điểm cầu thôn 1–2', 16, 2], ['Điểm cầu thôn 3–5', 14, 3]]);
    // Moving a unit re-seats its members.
    const moved = await patch(`/api/bridge-points/${a.json().id}`, c.officer.cookie, { unitOrgIds: [b1] });
    expect(moved.json().expected).toBe(9);
    const unseated = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from conference_invitations where conference_id = ${c.id} and bridge_point_id is null`);
    expect(unseated[0].n).toBe(7);
    expect((await del(`/api/bridge-points/${b.json().id}`, c.officer.cookie)).statusCode).toBe(204);
    expect(await auditActions(ctx, c.tenantId)).toEqual(['conference.create', 'bridge_point.create', 'bridge_point.create', 'bridge_point.update', 'bridge_point.delete']);
  });

  it('seats units from any depth of the commune\'s subtree (nearest unit wins) and offers the whole subtree to pick from', async () => {
    const c = await communeWithCampaign(ctx);
    const code = c.tenantId.slice(-6);
    const mid = await insertOrg(ctx.db, { tenantId: c.tenantId, parentId: c.commune, levelId: c.levels.grassroots, name: 'Đảng bộ bộ phận Khu 1', code: `${code}-K1`, kind: 'grassroots_committee' });
    const deepA = await insertOrg(ctx.db, { tenantId: c.tenantId, parentId: mid, levelId: c.levels.branch, name: 'Chi bộ Khu 1A', code: `${code}-K1A` });
    const deepB = await insertOrg(ctx.db, { tenantId: c.tenantId, parentId: mid, levelId: c.levels.branch, name: 'Chi bộ Khu 1B', code: `${code}-K1B` });
    for (let m = 0; m < 3; m++) await insertMember(ctx.db, c.tenantId, deepA, { fullName: `Đảng viên Khu 1A.${m + 1}` });
    for (let m = 0; m < 2; m++) await insertMember(ctx.db, c.tenantId, deepB, { fullName: `Đảng viên Khu 1B.${m + 1}` });
    const res = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { format: 'online', venue: 'Điểm cầu chính' }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;

    const options = await get(`/api/conferences/${id}/unit-options`, c.officer.cookie);
    expect(options.statusCode, options.body).toBe(200);
    const byId = new Map(options.json().map((o: { id: string }) => [o.id, o]));
    expect(byId.get(c.commune)).toMatchObject({ parentId: null, depth: 0, name: 'Đảng bộ xã Tân Hòa' });
    expect(byId.get(deepA)).toMatchObject({ parentId: mid, depth: 2, name: 'Chi bộ Khu 1A', levelName: expect.any(String) });
    expect(options.json()).toHaveLength(1 + c.branches.length + 3);
    expect(byId.has(c.otherBranch) || byId.has(c.rootId)).toBe(false);
    const chiUy = await c.user([{ role: 'branch_committee', orgId: c.branches[0] }]);
    expect((await get(`/api/conferences/${id}/unit-options`, chiUy.cookie)).statusCode).toBe(403);
    const otherOfficer = await c.user([{ role: 'propaganda_officer', orgId: c.other }]);
    expect((await get(`/api/conferences/${id}/unit-options`, otherOfficer.cookie)).statusCode).toBe(404);

    // A grandchild unit is accepted; the nearest unit seats its members.
    const whole = await post(`/api/conferences/${id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu Khu 1', unitOrgIds: [mid] }));
    expect(whole.statusCode, whole.body).toBe(201);
    expect(whole.json().expected).toBe(5);
    const deep = await post(`/api/conferences/${id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu Khu 1A', unitOrgIds: [deepA] }));
    expect(deep.statusCode, deep.body).toBe(201);
    expect(deep.json().expected).toBe(3);
    const points = (await get(`/api/conferences/${id}`, c.officer.cookie)).json().bridgePoints;
    expect(points.map((p: { name: string; expected: number }) => [p.name, p.expected])).toEqual([['Điểm cầu Khu 1', 2], ['Điểm cầu Khu 1A', 3]]);
    // Outside the subtree (the province itself, another commune's branch) is still refused.
    for (const outside of [c.rootId, c.otherBranch]) {
      const refused = await post(`/api/conferences/${id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu ngoài', unitOrgIds: [deepB, outside] }));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ path: 'unitOrgIds' });
      expect(refused.json().errors[0].message).toContain('không thuộc Đảng bộ xã Tân Hòa');
    }
  });

  it('shows a supervisor only their own points; only they file the report, again overwriting with audit', async () => {
    const c = await online();
    const [b1, b2, b3] = c.branches;
    const a = (await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu A', unitOrgIds: [b1, b2], supervisorUserId: c.communeSecretary.actor.userId }))).json();
    const b = (await post(`/api/conferences/${c.id}/bridge-points`, c.officer.cookie, point({ name: 'Điểm cầu B', unitOrgIds: [b3], supervisorUserId: c.provinceSecretary.actor.userId }))).json();
    const mine = (await get('/api/bridge-points/mine', c.communeSecretary.cookie)).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: a.id, expected: 16, present: 0, report: null, conference: { id: c.id, orgName: 'Đảng bộ xã Tân Hòa', status: 'scheduled' } });
    expect(mine[0].units.map((u: { name: string }) => u.name)).toEqual(['Chi bộ Thôn 1', 'Chi bộ Thôn 2']);
    expect((await get('/api/bridge-points/mine', c.officer.cookie)).json()).toEqual([]);

    const notMine = await post(`/api/bridge-points/${b.id}/report`, c.communeSecretary.cookie, { present: 5, remarks: 'x' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('bridge_point.not_supervisor');
    const outsider = await c.user([{ role: 'committee_secretary', orgId: c.other }]);
    expect((await post(`/api/bridge-points/${a.id}/report`, outsider.cookie, { present: 5, remarks: 'x' })).statusCode).toBe(404);

    const first = await post(`/api/bridge-points/${a.id}/report`, c.communeSecretary.cookie, { present: 14, remarks: 'Đường truyền ổn định; 2 đồng chí vắng có lý do.' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().report).toMatchObject({ present: 14, expected: 16, remarks: 'Đường truyền ổn định; 2 đồng chí vắng có lý do.' });
    const again = await post(`/api/bridge-points/${a.id}/report`, c.communeSecretary.cookie, { present: 15, remarks: 'Bổ sung: 1 đồng chí đến muộn.' });
    expect(again.json().report).toMatchObject({ present: 15, expected: 16 });
    const audits = await queryRows<{ before: { present: number | null }; after: { present: number } }>(ctx.db, sql`select before, after from audit_log
      where tenant_id = ${c.tenantId} and action = 'bridge_point.report' order by at, id`);
    expect(audits.map((x) => [x.before.present, x.after.present])).toEqual([[null, 14], [14, 15]]);
    // A reported point is evidence: it cannot be deleted.
    expect((await del(`/api/bridge-points/${a.id}`, c.officer.cookie)).json().code).toBe('conference.state');
  });
});
