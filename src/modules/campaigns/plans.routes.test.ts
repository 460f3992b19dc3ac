import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { createUser, login } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { formatVnDate } from './campaigns.deadlines.js';
import { backdateApproval, day, provinceWithCampaign, userCookie } from './campaigns.fixtures.js';
import { conferenceDeadlineFor, governingPlan, includeExempt, planStatuses } from './index.js';

describeApp('campaign plans', (ctx) => {
  it('goes draft → approved → issued once, even when approved twice at the same time', async () => {
    const { p, officer, secretary, rootPlanId, post, patch } = await provinceWithCampaign(ctx);
    expect((await post(`/api/plans/${rootPlanId}/approve`, officer)).statusCode).toBe(403); // a propaganda officer does not approve
    const both = await Promise.all([post(`/api/plans/${rootPlanId}/approve`, secretary), post(`/api/plans/${rootPlanId}/approve`, secretary)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('plan.state');
    const approvals = await queryRows(ctx.db, sql`select 1 from audit_log where tenant_id = ${p.tenantId} and action = 'plan.approve' and entity_id = ${rootPlanId}`);
    expect(approvals).toHaveLength(1);

    expect((await patch(`/api/plans/${rootPlanId}`, officer, { purpose: 'Sửa sau khi duyệt' })).json().code).toBe('plan.state');
    const missing = await post(`/api/plans/${rootPlanId}/issue`, officer, { number: ' ', issuedOn: null });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'plan.number_required', errors: [{ path: 'number' }, { path: 'issuedOn' }] });
    await backdateApproval(ctx, rootPlanId, day(-15));
    const issued = await post(`/api/plans/${rootPlanId}/issue`, officer, { number: '03-KH/TU', issuedOn: day(-15) });
    expect(issued.json()).toMatchObject({ status: 'issued', number: '03-KH/TU', issuedOn: day(-15), abilities: { edit: false, issue: false } });
    expect((await post(`/api/plans/${rootPlanId}/issue`, officer, { number: '04-KH/TU', issuedOn: day(-1) })).statusCode).toBe(409);
  });

  it('is submitted for approval and can be returned with a note, back to an editable draft', async () => {
    const { p, officer, secretary, rootPlanId, post, patch } = await provinceWithCampaign(ctx);
    const submitted = await post(`/api/plans/${rootPlanId}/submit`, officer);
    expect(submitted.json()).toMatchObject({ status: 'submitted', abilities: { edit: false, submit: false } });
    expect((await patch(`/api/plans/${rootPlanId}`, officer, { purpose: 'x' })).json().code).toBe('plan.state');
    expect((await post(`/api/plans/${rootPlanId}/return`, officer, { note: 'x' })).statusCode).toBe(403);
    const returned = await post(`/api/plans/${rootPlanId}/return`, secretary, { note: 'Bổ sung nội dung về chuyển đổi số' });
    expect(returned.json()).toMatchObject({ status: 'draft', abilities: { edit: true, approve: true, return: false } });
    const [audit] = await queryRows<{ after: { note: string } }>(ctx.db, sql`select after from audit_log where tenant_id = ${p.tenantId} and action = 'plan.return'`);
    expect(audit.after.note).toBe('Bổ sung nội dung về chuyển đổi số');
    expect((await patch(`/api/plans/${rootPlanId}`, officer, { purpose: 'Đã bổ sung' })).statusCode).toBe(200);
  });

  it('a commune builds its plan inside the province\'s: inherited contents, no later deadline, own additions', async () => {
    const c = await provinceWithCampaign(ctx);
    const commune = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.communes[0] }]);
    const early = await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] });
    expect(early.json().code).toBe('plan.parent_missing');
    await c.issue(c.rootPlanId, c.secretary, c.officer, '03-KH/TU', day(-15));

    const created = await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ status: 'draft', parentPlan: { id: c.rootPlanId, number: '03-KH/TU' }, levelDeadlines: c.deadlines.levelDeadlines, reflectionsBy: c.deadlines.reflectionsBy });
    expect(plan.contents).toEqual(c.contents.map((x) => ({ ...x, fromPlanId: c.rootPlanId })));
    // Branches owe no plan, but a plan-by set for them is bound by the grassroots' (the nearest level above).
    expect(plan.limits.levelDeadlines).toEqual(c.deadlines.levelDeadlines.map((d) => (d.levelId === c.p.levels.branch ? { ...d, planBy: day(-3) } : d)));
    expect((await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] })).json().code).toBe('plan.exists');
    expect((await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[1] })).statusCode).toBe(404);

    const tooLate = structuredClone(c.deadlines.levelDeadlines);
    tooLate[2].conferencesBy = day(28);
    const refused = await c.patch(`/api/plans/${plan.id}`, commune, { levelDeadlines: tooLate });
    expect(refused.statusCode).toBe(422);
    const message = `Thời hạn tổ chức hội nghị cấp Chi bộ (${formatVnDate(day(28))}) muộn hơn thời hạn kế hoạch cấp trên cho phép (${formatVnDate(day(25))})`;
    expect(refused.json()).toMatchObject({ code: 'plan.deadline_late', title: message, errors: [{ path: 'levelDeadlines.2.conferencesBy', message }] });

    const dropped = await c.patch(`/api/plans/${plan.id}`, commune, { contents: plan.contents.slice(1) });
    expect(dropped.json().code).toBe('plan.inherited_content');
    const disorder = await c.patch(`/api/plans/${plan.id}`, commune, { reflectionsBy: day(24) });
    expect(disorder.json()).toMatchObject({ code: 'plan.deadline_order', errors: [{ path: 'reflectionsBy' }] });

    const earlier = structuredClone(c.deadlines.levelDeadlines);
    earlier[2].conferencesBy = day(18);
    const own = { text: 'Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025-2030', fromPlanId: null };
    const ok = await c.patch(`/api/plans/${plan.id}`, commune, { levelDeadlines: earlier, contents: [...plan.contents, own], reflectionsBy: null });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().levelDeadlines[2].conferencesBy).toBe(day(18));
    expect(ok.json().reflectionsBy).toBe(c.deadlines.reflectionsBy); // left open: the province's applies
    expect(ok.json().contents).toHaveLength(3);

    await c.issue(plan.id, commune, commune, '05-KH/ĐU', day(-10));
    const tenant = c.p.tenantId;
    expect(await conferenceDeadlineFor(ctx.db, tenant, c.campaignId, c.p.branches[0])).toEqual({ deadline: day(18), planId: plan.id });
    expect(await conferenceDeadlineFor(ctx.db, tenant, c.campaignId, c.p.branches[4])).toEqual({ deadline: day(25), planId: c.rootPlanId });
    expect(await conferenceDeadlineFor(ctx.db, tenant, c.campaignId, c.p.communes[0])).toEqual({ deadline: day(20), planId: plan.id });
    expect((await governingPlan(ctx.db, tenant, c.campaignId, c.p.grassroots[1]))?.id).toBe(plan.id);
    const tx = await ctx.db.transaction(async (t) => conferenceDeadlineFor(t, tenant, c.campaignId, c.p.grassroots[0]));
    expect(tx).toEqual({ deadline: day(30), planId: plan.id });
    expect(await includeExempt(ctx.db, tenant, c.campaignId)).toBe(false);
  });

  it('shows the cascade: who issued, who is late, with counts over each subtree', async () => {
    const c = await provinceWithCampaign(ctx);
    await c.issue(c.rootPlanId, c.secretary, c.officer, '03-KH/TU', day(-15));
    const commune = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.communes[0] }]);
    const communePlan = (await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] })).json();
    await c.issue(communePlan.id, commune, commune, '05-KH/ĐU', day(-10)); // on the day: not late
    const grassroots = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.grassroots[0] }]);
    const gPlan = (await c.post(`/api/campaigns/${c.campaignId}/plans`, grassroots, { orgId: c.p.grassroots[0] })).json();
    expect(gPlan.parentPlan.id).toBe(communePlan.id);
    expect(gPlan.contents.map((x: { fromPlanId: string }) => x.fromPlanId)).toEqual([c.rootPlanId, c.rootPlanId]);
    await c.issue(gPlan.id, grassroots, grassroots, '02-KH/ĐU', day(0)); // due 3 days ago: late

    const top = await c.get(`/api/campaigns/${c.campaignId}/plans`, c.officer);
    expect(top.statusCode, top.body).toBe(200);
    const view = top.json();
    expect(view.org.id).toBe(c.p.rootId);
    expect(view.plan).toMatchObject({ id: c.rootPlanId, status: 'issued' });
    expect(view.children).toMatchObject([
      { orgId: c.p.communes[0], plan: { status: 'issued', number: '05-KH/ĐU' }, required: true, dueBy: day(-10), late: false, below: { required: 2, issued: 1, late: 2 } },
      { orgId: c.p.communes[1], plan: null, required: true, dueBy: day(-10), late: true, below: { required: 2, issued: 0, late: 2 } },
    ]);
    expect(view.totals).toEqual({ required: 6, issued: 2, late: 5 });

    const drill = (await c.get(`/api/campaigns/${c.campaignId}/plans?parentOrgId=${c.p.communes[0]}`, c.officer)).json();
    expect(drill.trail.map((t: { id: string }) => t.id)).toEqual([c.p.rootId, c.p.communes[0]]);
    expect(drill.children.map((x: { late: boolean; plan: unknown }) => [x.late, !!x.plan])).toEqual([[true, true], [true, false]]);
    expect(drill.children[0].below).toEqual({ required: 0, issued: 0, late: 0 }); // branches owe no plan

    const statuses = await planStatuses(ctx.db, c.p.tenantId, c.campaignId, [c.p.communes[0], c.p.communes[1], c.p.grassroots[0], c.p.branches[0]]);
    expect(statuses.get(c.p.communes[0])).toEqual({ required: true, issued: true, issuedOn: day(-10), dueBy: day(-10), late: false });
    expect(statuses.get(c.p.grassroots[0])).toEqual({ required: true, issued: true, issuedOn: day(0), dueBy: day(-3), late: true });
    expect(statuses.get(c.p.branches[0])).toMatchObject({ required: false, late: false });

    // The commune's own view starts at the commune and offers nothing above it.
    const own = (await c.get(`/api/campaigns/${c.campaignId}/plans`, commune)).json();
    expect(own.org.id).toBe(c.p.communes[0]);
    expect(own.trail.map((t: { id: string }) => t.id)).toEqual([c.p.communes[0]]);
    const g1 = await userCookie(ctx, c.p.tenantId, [{ role: 'propaganda_officer', orgId: c.p.grassroots[1] }]);
    expect((await c.get(`/api/campaigns/${c.campaignId}/plans`, g1)).json()).toMatchObject({ canCreatePlan: true, governingPlanId: communePlan.id });
  });

  it('keeps a plan not yet issued from members and lower committees; the committee above reads it', async () => {
    const c = await provinceWithCampaign(ctx); // root plan edited but still draft
    const member = await login(ctx.app, (await createUser(ctx.db, c.p.tenantId, [], c.p.members[0])).username);
    const branch = await userCookie(ctx, c.p.tenantId, [{ role: 'branch_committee', orgId: c.p.branches[0] }]);
    const commune = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.communes[0] }]);
    for (const cookie of [member, branch, commune]) {
      const res = await c.get(`/api/plans/${c.rootPlanId}`, cookie);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('plan.not_found');
    }
    expect((await c.post(`/api/plans/${c.rootPlanId}/approve`, c.secretary)).statusCode).toBe(200);
    expect((await c.get(`/api/plans/${c.rootPlanId}`, member)).statusCode).toBe(404); // approved, not yet issued
    await backdateApproval(ctx, c.rootPlanId, day(-15));
    expect((await c.post(`/api/plans/${c.rootPlanId}/issue`, c.officer, { number: '03-KH/TU', issuedOn: day(-15) })).statusCode).toBe(200);
    expect((await c.get(`/api/plans/${c.rootPlanId}`, member)).json()).toMatchObject({ status: 'issued', number: '03-KH/TU' });

    // The commune's draft: the province reads it, the commune's branches do not.
    const draft = (await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] })).json();
    expect((await c.get(`/api/plans/${draft.id}`, c.officer)).json()).toMatchObject({ id: draft.id, status: 'draft' });
    expect((await c.get(`/api/plans/${draft.id}`, branch)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${draft.id}`, member)).statusCode).toBe(404);
  });

  it('shows a member the campaign without the number or title of a plan not yet issued above them', async () => {
    const c = await provinceWithCampaign(ctx);
    await c.issue(c.rootPlanId, c.secretary, c.officer, '03-KH/TU', day(-15));
    const branchId = c.p.branches[0];
    const branchSecretary = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: branchId }]);
    const draft = await c.post(`/api/campaigns/${c.campaignId}/plans`, branchSecretary, { orgId: branchId });
    expect(draft.statusCode, draft.body).toBe(201);
    const member = await login(ctx.app, (await createUser(ctx.db, c.p.tenantId, [], c.p.members[0])).username); // of branches[0]
    const seen = (await c.get(`/api/campaigns/${c.campaignId}`, member)).json();
    expect(seen.myPlan).toMatchObject({ orgId: branchId, plan: { status: 'draft', number: null, title: '' } });
    const own = (await c.get(`/api/campaigns/${c.campaignId}`, branchSecretary)).json();
    expect(own.myPlan.plan.title).toBe(draft.json().title);
  });

  it('refuses an issue date in the future, before the plan above was issued, or before the plan was approved', async () => {
    const c = await provinceWithCampaign(ctx);
    await c.issue(c.rootPlanId, c.secretary, c.officer, '03-KH/TU', day(-15));
    const commune = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.communes[0] }]);
    const plan = (await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] })).json();
    await c.post(`/api/plans/${plan.id}/approve`, commune);
    await backdateApproval(ctx, plan.id, day(-12));
    const issue = (issuedOn: string) => c.post(`/api/plans/${plan.id}/issue`, commune, { number: '07-KH/ĐU', issuedOn });

    const future = await issue(day(1));
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({ code: 'plan.issue_date', title: `Ngày ban hành (${formatVnDate(day(1))}) sau ngày hôm nay (${formatVnDate(day(0))})` });
    const beforeParent = (await issue(day(-20))).json();
    expect(beforeParent.code).toBe('plan.issue_date');
    expect(beforeParent.errors.map((e: { message: string }) => e.message)).toEqual([
      `Ngày ban hành (${formatVnDate(day(-20))}) trước ngày ban hành kế hoạch cấp trên (${formatVnDate(day(-15))})`,
      `Ngày ban hành (${formatVnDate(day(-20))}) trước ngày kế hoạch được phê duyệt (${formatVnDate(day(-12))})`,
    ]);
    expect((await issue(day(-13))).json()).toMatchObject({
      code: 'plan.issue_date', errors: [{ path: 'issuedOn', message: `Ngày ban hành (${formatVnDate(day(-13))}) trước ngày kế hoạch được phê duyệt (${formatVnDate(day(-12))})` }],
    });
    expect((await c.get(`/api/plans/${plan.id}`, commune)).json().status).toBe('approved');
    expect((await issue(day(-12))).json()).toMatchObject({ status: 'issued', issuedOn: day(-12), late: false });
  });

  it('a commune that issues after its deadline cannot clear the "late" flag by back-dating the issue date', async () => {
    const c = await provinceWithCampaign(ctx); // communes had to issue by day(-10)
    await c.issue(c.rootPlanId, c.secretary, c.officer, '03-KH/TU', day(-15));
    const commune = await userCookie(ctx, c.p.tenantId, [{ role: 'committee_secretary', orgId: c.p.communes[0] }]);
    const plan = (await c.post(`/api/campaigns/${c.campaignId}/plans`, commune, { orgId: c.p.communes[0] })).json();
    await c.post(`/api/plans/${plan.id}/approve`, commune); // approved today
    const backdated = await c.post(`/api/plans/${plan.id}/issue`, commune, { number: '07-KH/ĐU', issuedOn: day(-10) });
    expect(backdated.statusCode).toBe(422);
    expect(backdated.json().code).toBe('plan.issue_date');
    const issued = await c.post(`/api/plans/${plan.id}/issue`, commune, { number: '07-KH/ĐU', issuedOn: day(0) });
    expect(issued.json()).toMatchObject({ status: 'issued', late: true });
  });
});
