import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { insertMember } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { auditActions, communeWithCampaign, conferenceBody, http } from './conferences.fixtures.js';
import { conferenceDeadlineFor } from '../campaigns/index.js';

describeApp('conferences', (ctx) => {
  const { get, post, patch, put } = http(ctx);

  it('schedules a commune conference inside the deadline, with session 1 and every member invited', async () => {
    const c = await communeWithCampaign(ctx);
    const res = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { startsAt: '2026-12-10T19:00:00+07:00' }));
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await get(`/api/conferences/${res.json().id}`, c.officer.cookie)).json();
    expect(detail).toMatchObject({
      orgName: 'Đảng bộ xã Tân Hòa', status: 'scheduled', deadline: '2026-12-10', invited: 30, present: 0,
      counts: { invited: 30, present: 0, absent: 0, guests: 0 }, abilities: { canManage: true, canComment: true },
    });
    expect(detail.sessions).toEqual([expect.objectContaining({ seq: 1, venue: 'Hội trường UBND xã', capacity: 16, invited: 30, startsAt: '2026-12-10T12:00:00.000Z' })]);
    expect(await auditActions(ctx, c.tenantId)).toEqual(['conference.create']);
  });

  it('refuses a conference after the plan deadline, naming both dates', async () => {
    const c = await communeWithCampaign(ctx);
    const res = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { startsAt: '2026-12-11T07:30:00+07:00' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'conference.after_deadline', title: 'Ngày hội nghị muộn hơn thời hạn kế hoạch quy định cho cấp này', params: { deadline: '10/12/2026' },
      errors: [{ path: 'startsAt', message: 'Ngày hội nghị (11/12/2026) muộn hơn thời hạn tổ chức hội nghị của kế hoạch (10/12/2026)' }],
    });
    expect(await auditActions(ctx, c.tenantId)).toEqual([]);
    const backwards = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { endsAt: '2026-12-05T06:00:00+07:00' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('endsAt');
  });

  it('refuses when no issued plan governs the org', async () => {
    const c = await communeWithCampaign(ctx);
    await ctx.db.execute((await import('drizzle-orm')).sql`update campaign_plans set status = 'draft' where campaign_id = ${c.campaignId}`);
    const res = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune));
    expect(res.json()).toMatchObject({ code: 'conference.no_plan' });
  });

  it('lists conferences in scope with invited and present counts; others see nothing and get 404', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const otherOfficer = await c.user([{ role: 'propaganda_officer', orgId: c.other }]);
    const otherId = (await post('/api/conferences', otherOfficer.cookie, conferenceBody(c.campaignId, c.other, { title: 'Hội nghị xã Phú Lộc' }))).json().id;
    const mine = (await get(`/api/conferences?campaignId=${c.campaignId}`, c.officer.cookie)).json();
    expect(mine.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(mine[0]).toMatchObject({ invited: 30, present: 0, sessionCount: 1, format: 'in_person', orgName: 'Đảng bộ xã Tân Hòa' });
    const province = await c.user([{ role: 'committee_secretary', orgId: c.rootId }]);
    expect((await get(`/api/conferences?campaignId=${c.campaignId}`, province.cookie)).json()).toHaveLength(2);
    expect((await get(`/api/conferences?campaignId=${c.campaignId}&orgId=${c.other}`, province.cookie)).json().map((x: { id: string }) => x.id)).toEqual([otherId]);
    expect((await get(`/api/conferences/${otherId}`, c.officer.cookie)).statusCode).toBe(404);
    expect((await patch(`/api/conferences/${otherId}`, c.officer.cookie, { title: 'Sửa trộm' })).statusCode).toBe(404);
    expect((await post(`/api/conferences/${otherId}/cancel`, c.officer.cookie, {})).statusCode).toBe(404);
    expect((await put(`/api/conferences/${otherId}/agenda`, c.officer.cookie, [])).statusCode).toBe(404);
    // A branch committee of the commune sees the commune's conference (its members attend), read-only.
    const chiUy = await c.user([{ role: 'branch_committee', orgId: c.branches[0] }]);
    expect((await get(`/api/conferences?campaignId=${c.campaignId}`, chiUy.cookie)).json().map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await get(`/api/conferences/${id}`, chiUy.cookie)).json().abilities).toEqual({ canManage: false, canComment: true });
    expect((await patch(`/api/conferences/${id}`, chiUy.cookie, { title: 'Sửa' })).statusCode).toBe(403);
  });

  it('edits a scheduled conference (deadline checked again, session 1 follows), then cancels it; no edit after', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const late = await patch(`/api/conferences/${id}`, c.officer.cookie, { startsAt: '2026-12-12T07:30:00+07:00' });
    expect(late.json().code).toBe('conference.after_deadline');
    const ok = await patch(`/api/conferences/${id}`, c.officer.cookie, { startsAt: '2026-12-08T07:30:00+07:00', venue: 'Nhà văn hóa xã', audienceKind: 'key_cadres' });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = (await get(`/api/conferences/${id}`, c.officer.cookie)).json();
    expect(detail.sessions[0]).toMatchObject({ venue: 'Nhà văn hóa xã', startsAt: '2026-12-08T00:30:00.000Z' });
    expect(detail.audienceKind).toBe('key_cadres');
    expect(detail.invited).toBe(0); // no member in these tests holds a position
    const cancelled = await post(`/api/conferences/${id}/cancel`, c.officer.cookie, { reason: 'Hoãn do bão' });
    expect(cancelled.json()).toEqual({ id, status: 'cancelled' });
    const again = await patch(`/api/conferences/${id}`, c.officer.cookie, { title: 'Sau khi hủy' });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('conference.state');
    expect(await auditActions(ctx, c.tenantId)).toEqual(['conference.create', 'conference.update', 'conference.cancel']);
  });

  it('answers a bad edit of the particulars field by field in Vietnamese (capacity, times, deadline), changing nothing', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const zero = await patch(`/api/conferences/${id}`, c.officer.cookie, { capacity: 0, title: '  ' });
    expect(zero.statusCode).toBe(400);
    // The schema's own Vietnamese messages reach the user field by field (kernel/http/error-handler.ts).
    expect(zero.json().errors).toEqual(expect.arrayContaining([
      { path: 'body.capacity', message: 'Sức chứa ít nhất là 1 chỗ' }, { path: 'body.title', message: 'Không được để trống' },
    ]));
    expect((await patch(`/api/conferences/${id}`, c.officer.cookie, { capacity: 100_001 })).json().errors)
      .toEqual([{ path: 'body.capacity', message: 'Sức chứa tối đa là 100.000 chỗ' }]);
    // A field without a message of its own gets its path and a generic wording.
    expect((await patch(`/api/conferences/${id}`, c.officer.cookie, { format: 'hologram' })).json().errors)
      .toEqual([{ path: 'body.format', message: 'body.format: Giá trị không nằm trong danh sách cho phép' }]);
    const backwards = await patch(`/api/conferences/${id}`, c.officer.cookie, { startsAt: '2026-12-09T14:00:00+07:00', endsAt: '2026-12-09T13:00:00+07:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ path: 'endsAt', message: 'Giờ kết thúc (13:00 09/12/2026) phải sau giờ bắt đầu (14:00 09/12/2026)' }]);
    const late = await patch(`/api/conferences/${id}`, c.officer.cookie, { endsAt: '2026-12-11T11:00:00+07:00' });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'conference.after_deadline', errors: [{ path: 'endsAt' }] });
    expect(late.json().errors[0].message).toContain('(10/12/2026)');
    const ok = await patch(`/api/conferences/${id}`, c.officer.cookie, { title: 'Hội nghị quán triệt (đã sửa)', capacity: 120, audienceNote: 'Mời thêm trưởng thôn' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await get(`/api/conferences/${id}`, c.officer.cookie)).json()).toMatchObject({ title: 'Hội nghị quán triệt (đã sửa)', capacity: 120, audienceNote: 'Mời thêm trưởng thôn' });
    expect(await auditActions(ctx, c.tenantId)).toEqual(['conference.create', 'conference.update']);
  });

  it('keeps the agenda in the order given, the secretary presenting in person', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const agenda = [
      { topic: 'Những nội dung cơ bản, điểm mới của Nghị quyết', speakerName: 'Đồng chí Hoàng Minh Khoa', speakerTitle: 'Bí thư Đảng ủy xã', durationMinutes: 90, inPerson: true },
      { topic: 'Chương trình hành động của Đảng bộ xã', speakerName: 'Đồng chí Vũ Thị Lan', speakerTitle: 'Phó Bí thư Thường trực', inPerson: true },
      { topic: 'Ba chương trình đột phá', speakerName: 'Báo cáo viên Tỉnh ủy', inPerson: false },
    ];
    const res = await put(`/api/conferences/${id}/agenda`, c.officer.cookie, agenda);
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await get(`/api/conferences/${id}`, c.officer.cookie)).json();
    expect(detail.agenda.map((a: { seq: number; topic: string; inPerson: boolean }) => [a.seq, a.inPerson])).toEqual([[1, true], [2, true], [3, false]]);
    expect(detail.agenda[0]).toMatchObject({ speakerTitle: 'Bí thư Đảng ủy xã', durationMinutes: 90 });
    await put(`/api/conferences/${id}/agenda`, c.officer.cookie, [agenda[2], agenda[0]]);
    const reordered = (await get(`/api/conferences/${id}`, c.officer.cookie)).json().agenda;
    expect(reordered.map((a: { topic: string }) => a.topic)).toEqual([agenda[2].topic, agenda[0].topic]);
    expect((await auditActions(ctx, c.tenantId)).filter((a) => a === 'conference.agenda')).toHaveLength(2);
  });

  it('puts documents up for discussion and collects comments per section from those who see the conference', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const doc = await post(`/api/conferences/${id}/documents`, c.officer.cookie, {
      kind: 'thematic_resolution', title: 'Dự thảo Nghị quyết chuyên đề về chuyển đổi số',
      sections: [{ heading: 'I. Mục tiêu', text: 'Đến năm 2030 …' }, { heading: 'II. Nhiệm vụ, giải pháp', text: '1. …' }],
    });
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json().sections.map((s: { key: string }) => s.key)).toEqual(['s1', 's2']);
    const docId = doc.json().id;
    const chiUy = await c.user([{ role: 'branch_committee', orgId: c.branches[2] }]);
    const comment = await post(`/api/conference-documents/${docId}/comments`, chiUy.cookie, { sectionKey: 's2', body: 'Đề nghị bổ sung chỉ tiêu về số hóa hồ sơ đảng viên.' });
    expect(comment.statusCode, comment.body).toBe(201);
    await post(`/api/conference-documents/${docId}/comments`, c.officer.cookie, { sectionKey: 's1', body: 'Nhất trí.' });
    const bad = await post(`/api/conference-documents/${docId}/comments`, c.officer.cookie, { sectionKey: 's9', body: 'x' });
    expect(bad.statusCode).toBe(400);
    const comments = (await get(`/api/conference-documents/${docId}/comments`, c.officer.cookie)).json();
    expect(comments.map((k: { sectionKey: string; authorName: string }) => [k.sectionKey, k.authorName])).toEqual([['s2', `Người dùng ${chiUy.actor.username}`], ['s1', `Người dùng ${c.officer.actor.username}`]]);
    const outsider = await c.user([{ role: 'propaganda_officer', orgId: c.other }]);
    expect((await get(`/api/conference-documents/${docId}/comments`, outsider.cookie)).statusCode).toBe(404);
    expect((await post(`/api/conference-documents/${docId}/comments`, outsider.cookie, { sectionKey: 's1', body: 'x' })).statusCode).toBe(404);
    expect((await post(`/api/conferences/${id}/documents`, chiUy.cookie, { kind: 'plan', title: 'x', sections: [{ heading: 'x' }] })).statusCode).toBe(403);
    const detail = (await get(`/api/conferences/${id}`, c.officer.cookie)).json();
    expect(detail.documents[0]).toMatchObject({ kind: 'thematic_resolution', commentCount: 2 });
    expect(await auditActions(ctx, c.tenantId)).toEqual(['conference.create', 'conference_document.create', 'conference_comment.create', 'conference_comment.create']);
  });

  it('lists the orgs where the actor may hold a conference, with each deadline', async () => {
    const c = await communeWithCampaign(ctx);
    const orgs = (await get(`/api/conferences/organizer-orgs?campaignId=${c.campaignId}`, c.officer.cookie)).json();
    expect(orgs[0]).toMatchObject({ id: c.commune, hasPlan: true, deadline: COMMUNE_DEADLINE_ISO });
    expect(orgs.slice(1).map((o: { deadline: string }) => o.deadline)).toEqual(Array(5).fill('2026-12-31'));
    // Worked out for all orgs at once, each deadline is the one the conference rules apply to that org.
    for (const o of orgs as Array<{ id: string; deadline: string | null; hasPlan: boolean }>) {
      const one = await conferenceDeadlineFor(ctx.db, c.tenantId, c.campaignId, o.id);
      expect([o.hasPlan, o.deadline]).toEqual([!!one, one?.deadline ?? null]);
    }
  });

  it('invites exempt members as the campaign plan says unless the conference says otherwise', async () => {
    const c = await communeWithCampaign(ctx);
    await ctx.db.execute(sql`update campaign_plans set include_exempt = true where tenant_id = ${c.tenantId} and campaign_id = ${c.campaignId}`);
    await insertMember(ctx.db, c.tenantId, c.branches[0], { fullName: 'Đảng viên miễn sinh hoạt', isExempt: true });
    const byPlan = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    expect((await get(`/api/conferences/${byPlan}`, c.officer.cookie)).json()).toMatchObject({ includeExempt: true, invited: 31 });
    const without = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { includeExempt: false }))).json().id;
    expect((await get(`/api/conferences/${without}`, c.officer.cookie)).json()).toMatchObject({ includeExempt: false, invited: 30 });
  });

  it('answers 404 for a campaign the actor takes no part in, exactly as for a missing one', async () => {
    const c = await communeWithCampaign(ctx);
    const { campaignId: elsewhere } = await issuedCampaign(ctx.db, c, { orgId: c.other }); // led by the other commune
    const missing = '00000000-0000-7000-8000-000000000000';
    for (const campaignId of [elsewhere, missing]) {
      const created = await post('/api/conferences', c.officer.cookie, conferenceBody(campaignId, c.commune));
      expect([created.statusCode, created.json().code]).toEqual([404, 'campaign.not_found']);
      const orgs = await get(`/api/conferences/organizer-orgs?campaignId=${campaignId}`, c.officer.cookie);
      expect([orgs.statusCode, orgs.json().code]).toEqual([404, 'campaign.not_found']);
      const listed = await get(`/api/conferences?campaignId=${campaignId}`, c.officer.cookie);
      expect([listed.statusCode, listed.json().code]).toEqual([404, 'campaign.not_found']);
    }
    expect(await auditActions(ctx, c.tenantId)).toEqual([]);
  });

  it('turning a conference for all members into one for invited guests withdraws the invitations nobody acted on', async () => {
    const c = await communeWithCampaign(ctx);
    const id = (await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune))).json().id;
    const participants = async () => (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from campaign_participants
      where tenant_id = ${c.tenantId} and campaign_id = ${c.campaignId}`))[0].n;
    expect(await participants()).toBe(30);
    // One absence already recorded: evidence, it stays.
    const [kept] = await queryRows<{ member_id: string }>(ctx.db, sql`update conference_invitations set status = 'absent'
      where id = (select id from conference_invitations where tenant_id = ${c.tenantId} and conference_id = ${id} limit 1) returning member_id`);
    const res = await patch(`/api/conferences/${id}`, c.officer.cookie, { audienceKind: 'retired_leaders', audienceNote: 'Nguyên lãnh đạo xã qua các thời kỳ' });
    expect(res.statusCode, res.body).toBe(200);
    const left = await queryRows<{ member_id: string }>(ctx.db, sql`select member_id from conference_invitations where tenant_id = ${c.tenantId} and conference_id = ${id}`);
    expect(left.map((r) => r.member_id)).toEqual([kept.member_id]);
    expect((await get(`/api/conferences/${id}`, c.officer.cookie)).json()).toMatchObject({ audienceKind: 'retired_leaders', invited: 1 });
    expect(await participants()).toBe(1); // the withdrawn members no longer count as invited in the campaign
    expect(await auditActions(ctx, c.tenantId)).toEqual(['conference.create', 'conference.update']);
  });

  it('documents every conference route in the OpenAPI description', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/conferences', '/api/conferences/{id}', '/api/conferences/{id}/split-proposal', '/api/conferences/{id}/sessions',
      '/api/conferences/{id}/agenda', '/api/conferences/{id}/documents', '/api/conference-documents/{docId}/comments',
      '/api/conferences/{id}/bridge-points', '/api/bridge-points/{id}', '/api/bridge-points/mine', '/api/bridge-points/{id}/report']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

const COMMUNE_DEADLINE_ISO = '2026-12-10';
