import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { recountCampaign } from '../conferences/index.js';
import { multipartFiles } from './reflections.test-fixtures.js';

describeApp('reflection stats and reminders', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object) => ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const role = async (p: Awaited<ReturnType<typeof buildSmallProvince>>, r: 'propaganda_officer' | 'branch_committee', orgId: string) =>
    sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: r, orgId }]));

  /**
   * Province campaign. Branch 0 (members 0–2): 0 attended, 1 made up, 2 did not study. Branch 1 (3–5):
   * 3 attended. Member 0 hands in through the app, member 3 on paper; member 2 (not a writer) writes anyway.
   */
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const study = [[0, 'attended'], [1, 'made_up'], [3, 'attended']] as const;
    for (const [i, how] of study) {
      await ctx.db.execute(sql`insert into campaign_participants (tenant_id, campaign_id, member_id, branch_id, invited_at, attended_at, made_up_at)
        values (${p.tenantId}, ${campaignId}, ${p.members[i]}, ${p.branches[Math.floor(i / 3)]}, now(),
          ${how === 'attended' ? sql`now()` : null}, ${how === 'made_up' ? sql`now()` : null})`);
    }
    await recountCampaign(ctx.db, p.tenantId, campaignId);
    const province = await role(p, 'propaganda_officer', p.rootId);
    const commune = await role(p, 'propaganda_officer', p.communes[0]);
    const committee0 = await role(p, 'branch_committee', p.branches[0]);
    const memberCookie = async (i: number) => sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], p.members[i]));
    for (const i of [0, 2]) {
      const body = multipartFiles({ text: 'Bài thu hoạch' }, []);
      const res = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${campaignId}`, headers: { cookie: await memberCookie(i), ...body.headers }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(201);
    }
    const paper = await post('/api/reflections/paper', await role(p, 'branch_committee', p.branches[1]), { campaignId, memberId: p.members[3] });
    expect(paper.statusCode, paper.body).toBe(200);
    return { p, campaignId, province, commune, committee0, memberCookie };
  }
  const writers = (s: Awaited<ReturnType<typeof setup>>, w: string, dueAt: string | null = null) => ctx.db.execute(sql`insert into reflection_settings
      (tenant_id, campaign_id, writers, due_at, updated_by) values (${s.p.tenantId}, ${s.campaignId}, ${w}, ${dueAt}, ${s.p.rootId})
    on conflict (tenant_id, campaign_id) do update set writers = excluded.writers, due_at = excluded.due_at`);
  const stats = async (s: Awaited<ReturnType<typeof setup>>, cookie: string, orgId?: string) => {
    const res = await get(`/api/campaigns/${s.campaignId}/reflection-stats${orgId ? `?orgId=${orgId}` : ''}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('expects those who studied by default, every covered member when the campaign says so', async () => {
    const s = await setup();
    const branches = (await stats(s, s.province, s.p.grassroots[0])).children;
    expect(branches.map((c: Record<string, unknown>) => [c.orgId, c.expected, c.submitted, c.missing])).toEqual([
      // Branch 0: members 0 and 1 must write; 0 and 2 (who did not have to) handed in. Missing is a count per
      // branch, expected − handed in, not a roll of names: 2 − 2 = 0.
      [s.p.branches[0], 2, 2, 0],
      [s.p.branches[1], 1, 1, 0],
    ]);
    const whole = await stats(s, s.province);
    expect(whole).toMatchObject({ writers: 'studied', dueAt: null, total: { expected: 3, submitted: 3, onTime: 3, graded: 0, missing: 0 } });
    expect(whole.grades.map((g: { key: string }) => g.key)).toEqual(['tot', 'kha', 'dat', 'chua_dat']);
    await writers(s, 'covered');
    const covered = await stats(s, s.province);
    // 24 members, none exempt: every one must write; 3 handed in.
    expect(covered).toMatchObject({ writers: 'covered', total: { expected: 24, submitted: 3, missing: 21 } });
    expect(covered.children.map((c: { expected: number; missing: number }) => [c.expected, c.missing])).toEqual([[12, 9], [12, 12]]);
  });

  it('counts on time against the due date, and approved grades by grade', async () => {
    const s = await setup();
    await ctx.db.execute(sql`update reflections set submitted_at = '2027-01-20T00:00:00Z' where tenant_id = ${s.p.tenantId} and member_id = ${s.p.members[3]}`);
    await ctx.db.execute(sql`update reflections set grade_status = 'approved', final_grade = 'kha' where tenant_id = ${s.p.tenantId} and member_id = ${s.p.members[0]}`);
    await ctx.db.execute(sql`update reflections set grade_status = 'submitted' where tenant_id = ${s.p.tenantId} and member_id = ${s.p.members[2]}`);
    expect((await stats(s, s.province)).total).toMatchObject({ submitted: 3, onTime: 3, graded: 1, perGrade: { kha: 1 } });
    await writers(s, 'studied', '2027-01-15T17:00:00+07:00');
    const due = await stats(s, s.province);
    expect(due.dueAt).toBe('2027-01-15T10:00:00.000Z');
    expect(due.total).toMatchObject({ submitted: 3, onTime: 2, graded: 1, perGrade: { kha: 1 } });
    expect(due.children[0]).toMatchObject({ orgId: s.p.communes[0], submitted: 3, onTime: 2 });
  });

  it('answers 404 outside the actor\'s subtree and to members; 401 without a session', async () => {
    const s = await setup();
    const url = (orgId?: string) => `/api/campaigns/${s.campaignId}/reflection-stats${orgId ? `?orgId=${orgId}` : ''}`;
    expect((await get(url(s.p.communes[1]), s.commune)).statusCode).toBe(404);
    expect((await get(url(s.p.rootId), s.commune)).statusCode).toBe(404);
    expect((await get(url(s.p.branches[1]), s.committee0)).statusCode).toBe(404);
    // Without an org, each opens on their own part of the campaign; only who has children to remind may remind.
    expect(await stats(s, s.province)).toMatchObject({ orgId: s.p.rootId, abilities: { remind: true } });
    expect(await stats(s, s.commune)).toMatchObject({ orgId: s.p.communes[0], orgName: 'Đảng bộ xã Thử 1', abilities: { remind: true } });
    const own = await stats(s, s.committee0);
    expect(own).toMatchObject({ orgId: s.p.branches[0], abilities: { remind: false }, children: [] });
    expect(own.total).toMatchObject({ expected: 2, submitted: 2 });
    expect((await get(url(s.p.branches[0]), await s.memberCookie(0))).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
  });

  it('sends reminders down the tree only, and shows each to the orgs reminded', async () => {
    const s = await setup();
    const send = (cookie: string, body: object) => post(`/api/campaigns/${s.campaignId}/reflection-reminders`, cookie, body);
    const sent = await send(s.province, { orgIds: [s.p.communes[0], s.p.branches[7]], message: 'Đề nghị đôn đốc đảng viên nộp bài thu hoạch trước 15/01' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ sent: 2, fromOrgId: s.p.rootId });
    // The commune's officers see the province's reminder to their commune, not the one to a branch of another commune.
    const communeSees = (await get(`/api/reflection-reminders?campaignId=${s.campaignId}`, s.commune)).json();
    expect(communeSees.map((r: { orgId: string; fromOrgId: string }) => [r.orgId, r.fromOrgId])).toEqual([[s.p.communes[0], s.p.rootId]]);
    // The commune reminds its branch 0: branch 0's committee sees it; the commune does not list what it sent itself.
    const down = await send(s.commune, { orgIds: [s.p.branches[0]], message: 'Chi bộ còn thiếu bài, đề nghị hoàn thành' });
    expect(down.statusCode, down.body).toBe(201);
    expect(down.json().fromOrgId).toBe(s.p.communes[0]);
    const branchSees = (await get(`/api/reflection-reminders?campaignId=${s.campaignId}`, s.committee0)).json();
    expect(branchSees).toHaveLength(1);
    expect(branchSees[0]).toMatchObject({ orgId: s.p.branches[0], fromOrgId: s.p.communes[0], message: 'Chi bộ còn thiếu bài, đề nghị hoàn thành' });
    expect((await get(`/api/reflection-reminders?campaignId=${s.campaignId}`, s.commune)).json()).toHaveLength(1);
    expect((await get('/api/reflection-reminders', await s.memberCookie(0))).json()).toEqual([]);
    // Out of the commune's subtree: 404; its own commune (not below itself) or upwards: 422.
    expect((await send(s.commune, { orgIds: [s.p.branches[7]], message: 'Nhắc' })).statusCode).toBe(404);
    expect((await send(s.commune, { orgIds: [s.p.communes[0]], message: 'Nhắc' })).json().code).toBe('reminder.not_below');
    expect((await send(s.committee0, { orgIds: [s.p.branches[0]], message: 'Nhắc' })).statusCode).toBe(422);
    expect((await send(s.province, { orgIds: [], message: 'Nhắc' })).statusCode).toBe(400);
    // The stats show when each child was last reminded; every sending is audited.
    const rows = (await stats(s, s.province)).children;
    expect(rows.map((c: { reminderCount: number; lastReminderAt: string | null }) => [c.reminderCount, !!c.lastReminderAt])).toEqual([[1, true], [0, false]]);
    const audit = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${s.p.tenantId} and action = 'reflection.remind'`);
    expect(audit[0].n).toBe(2);
  });
});
