import { sql } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, insertMember, login, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign, scheduledConference } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { syncInvitations } from './attendance.invitations.js';

describeApp('attendance', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object = {}) => ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  /** A commune conference for all members of commune 1 (12 members in 4 branches). */
  async function communeConference() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const conferenceId = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0]);
    const organizer = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]);
    return { p, campaignId, conferenceId, organizer: await sessionCookie(ctx.db, organizer) };
  }
  async function memberCookie(p: { tenantId: string }, memberId: string) {
    return sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], memberId));
  }
  async function myCode(p: { tenantId: string }, memberId: string) {
    const mine = (await get('/api/me/campaigns', await memberCookie(p, memberId))).json();
    return mine[0].conferences[0].qrCode as string;
  }

  it('invites every member of the commune and shows each member their own conference and QR code', async () => {
    const { p, conferenceId, organizer } = await communeConference();
    const roster = (await get(`/api/conferences/${conferenceId}/invitations`, organizer)).json();
    expect(roster.counts).toMatchObject({ all: 12, invited: 12, present: 0 });
    const res = await get('/api/me/campaigns', await memberCookie(p, p.members[0]));
    expect(res.statusCode).toBe(200);
    const [campaign] = res.json();
    expect(campaign.conferences).toHaveLength(1);
    expect(campaign.conferences[0]).toMatchObject({ conferenceId, venue: 'Hội trường Đảng ủy', status: 'invited' });
    expect(campaign.conferences[0].qrCode).toMatch(/^QT1:[A-Za-z0-9_-]{22}$/);
    // A member of the other commune is not invited to it.
    const other = (await get('/api/me/campaigns', await memberCookie(p, p.members[12]))).json();
    expect(other[0].conferences).toHaveLength(0);
  });

  it('checks a member in by QR once, however often and however concurrently it is scanned', async () => {
    const { p, conferenceId, organizer } = await communeConference();
    const code = await myCode(p, p.members[1]);
    const results = await Promise.all(Array.from({ length: 8 }, () => post(`/api/conferences/${conferenceId}/check-in`, organizer, { code })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const outcomes = results.map((r) => r.json().outcome);
    expect(outcomes.filter((o) => o === 'checked_in')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_present')).toHaveLength(7);
    expect(results[0].json()).toMatchObject({ memberId: p.members[1], fullName: 'Trần Thị Bình' });
    const roster = (await get(`/api/conferences/${conferenceId}/invitations?status=present`, organizer)).json();
    expect(roster.counts.present).toBe(1);
    const audits = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${p.tenantId} and action = 'attendance.check_in'`);
    expect(audits[0].n).toBe(1);
  });

  it('refuses a code from another conference, a made-up code and a malformed one', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    const otherConference = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0], { title: 'Hội nghị cán bộ chủ chốt' });
    const codeForOther = (await get('/api/me/campaigns', await memberCookie(p, p.members[0]))).json()[0]
      .conferences.find((c: { conferenceId: string }) => c.conferenceId === otherConference).qrCode;
    const replay = await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: codeForOther });
    expect(replay.statusCode).toBe(422);
    expect(replay.json()).toMatchObject({ code: 'checkin.invalid_code', title: 'Mã QR không hợp lệ hoặc không phải mã mời của hội nghị này' });
    expect((await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: 'QT1:AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(422);
    expect((await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: 'xin chào' })).json().code).toBe('checkin.invalid_code');
    const roster = (await get(`/api/conferences/${conferenceId}/invitations`, organizer)).json();
    expect(roster.counts.present).toBe(0);
  });

  it('lets a branch committee keep its own branch on the commune roster and nothing else', async () => {
    const { p, conferenceId } = await communeConference();
    const chiUy = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const roster = (await get(`/api/conferences/${conferenceId}/invitations`, chiUy)).json();
    expect(roster.items.map((i: { branchId: string }) => i.branchId)).toEqual(Array(3).fill(p.branches[0]));
    const own = roster.items[0].id;
    const mark = await post(`/api/conferences/${conferenceId}/attendance`, chiUy, { marks: [{ invitationId: own, status: 'absent', reason: 'Đi công tác' }] });
    expect(mark.json()).toEqual({ changed: 1 });
    const organizer = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]));
    const full = (await get(`/api/conferences/${conferenceId}/invitations?branchId=${p.branches[1]}`, organizer)).json();
    const foreign = await post(`/api/conferences/${conferenceId}/attendance`, chiUy, { marks: [{ invitationId: full.items[0].id, status: 'present' }] });
    expect(foreign.statusCode).toBe(403);
    // A branch committee of the other commune does not even see the conference.
    const stranger = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[4] }]));
    expect((await get(`/api/conferences/${conferenceId}/invitations`, stranger)).statusCode).toBe(404);
  });

  it('puts absentees on the make-up list when the conference closes, once, and counts a confirmed make-up', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    for (const m of p.members.slice(0, 9)) await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: await myCode(p, m) });
    const roster = (await get(`/api/conferences/${conferenceId}/invitations?branchId=${p.branches[3]}`, organizer)).json();
    await post(`/api/conferences/${conferenceId}/attendance`, organizer, { marks: [{ invitationId: roster.items[0].id, status: 'absent', reason: 'Ốm' }] });
    const [first, second] = await Promise.all([post(`/api/conferences/${conferenceId}/close`, organizer), post(`/api/conferences/${conferenceId}/close`, organizer)]);
    expect(first.json()).toEqual({ invited: 12, present: 9, absent: 3, makeups: 3 });
    expect(second.json()).toEqual(first.json());
    const makeups = (await get(`/api/campaigns/${campaignId}/makeups`, organizer)).json();
    expect(makeups).toHaveLength(3);
    expect(makeups.find((k: { absenceReason: string | null }) => k.absenceReason === 'Ốm')).toBeTruthy();
    expect((await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: await myCode(p, p.members[10]) })).json().code).toBe('checkin.closed');

    const chiUy = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[3] }]));
    const ownList = (await get(`/api/campaigns/${campaignId}/makeups`, chiUy)).json();
    expect(ownList).toHaveLength(3);
    const plan = await ctx.app.inject({ method: 'PATCH', url: `/api/makeups/${ownList[0].id}`, headers: { cookie: chiUy }, payload: { mode: 'session', scheduledAt: '2026-12-20T01:00:00Z', place: 'Nhà văn hóa thôn' } });
    expect(plan.statusCode).toBe(200);
    const confirms = await Promise.all([1, 2].map(() => post(`/api/makeups/${ownList[0].id}/confirm`, chiUy, { mode: 'session' })));
    expect(confirms.map((c) => c.json().alreadyConfirmed).sort()).toEqual([false, true]);
    const coverage = (await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[0]}`, organizer)).json();
    expect(coverage.total).toEqual({ covered: 12, invited: 12, attended: 9, madeUp: 1 });
    const lastGrassroots = coverage.children.find((c: { orgId: string }) => c.orgId === p.grassroots[1]);
    expect(lastGrassroots).toMatchObject({ covered: 6, invited: 6, attended: 3, madeUp: 1 });
  });

  it('counts coverage per child org over the whole province, leaving exempt members out', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    await insertMember(ctx.db, p.tenantId, p.branches[0], { fullName: 'Phạm Văn Miễn', isExempt: true });
    await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: await myCode(p, p.members[0]) });
    const officer = await login(ctx.app, (await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }])).username);
    const res = await get(`/api/campaigns/${campaignId}/coverage`, officer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toEqual({ covered: 24, invited: 12, attended: 1, madeUp: 0 });
    expect(body.children.map((c: { orgId: string; covered: number; invited: number; attended: number }) => [c.orgId, c.covered, c.invited, c.attended]))
      .toEqual([[p.communes[0], 12, 12, 1], [p.communes[1], 12, 0, 0]]);
    expect(body.children[0]).toHaveProperty('planIssued');
    expect(body.orgName).toMatch(/\S/);
    // Without an org a commune officer's view opens at the commune, as the reflection statistics do.
    const own = await get(`/api/campaigns/${campaignId}/coverage`, organizer);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ orgId: p.communes[0], total: { covered: 12, invited: 12, attended: 1, madeUp: 0 } });
    // A branch committee's at its branch, which has no child org to list.
    const chiUy = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    expect((await get(`/api/campaigns/${campaignId}/coverage`, chiUy)).json()).toMatchObject({ orgId: p.branches[0], total: { covered: 3, attended: 1 }, children: [] });
    // A commune officer may not read the province's figures, nor the other commune's.
    expect((await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.rootId}`, organizer)).statusCode).toBe(404);
    expect((await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[1]}`, organizer)).statusCode).toBe(404);
  });

  it('sends each invitee to the session of their branch and to the bridge point of their nearest unit', async () => {
    const { p, conferenceId, organizer } = await communeConference();
    const secondSession = newId();
    await ctx.db.execute(sql`insert into conference_sessions (tenant_id, id, conference_id, seq, venue, starts_at, branch_ids)
      values (${p.tenantId}, ${secondSession}, ${conferenceId}, 2, 'Hội trường Đảng ủy', '2026-12-10T07:00:00Z', array[${p.branches[2]}::uuid, ${p.branches[3]}::uuid])`);
    const point = newId();
    await ctx.db.execute(sql`insert into bridge_points (tenant_id, id, conference_id, name, place) values (${p.tenantId}, ${point}, ${conferenceId}, 'Điểm cầu số 1', 'Nhà văn hóa')`);
    await ctx.db.execute(sql`insert into bridge_point_units (tenant_id, bridge_point_id, org_id) values (${p.tenantId}, ${point}, ${p.grassroots[0]})`);
    await ctx.db.transaction((tx) => syncInvitations(tx, p.tenantId, conferenceId));
    const roster = (await get(`/api/conferences/${conferenceId}/invitations`, organizer)).json();
    const placeOf = (branch: string) => roster.items.filter((i: { branchId: string }) => i.branchId === branch).map((i: { sessionSeq: number; bridgePointName: string | null }) => [i.sessionSeq, i.bridgePointName]);
    expect(placeOf(p.branches[0])).toEqual(Array(3).fill([1, 'Điểm cầu số 1']));
    expect(placeOf(p.branches[3])).toEqual(Array(3).fill([2, null]));
    const mine = (await get('/api/me/campaigns', await memberCookie(p, p.members[9]))).json()[0].conferences[0];
    expect(mine).toMatchObject({ sessionSeq: 2, startsAt: '2026-12-10T07:00:00.000Z', endsAt: null, bridgePoint: null });
    // A conference of four hours: the afternoon session ends four hours after its own start, not at the morning's end.
    await ctx.db.execute(sql`update conferences set ends_at = starts_at + interval '4 hours' where tenant_id = ${p.tenantId} and id = ${conferenceId}`);
    const timed = (await get('/api/me/campaigns', await memberCookie(p, p.members[9]))).json()[0].conferences[0];
    expect([timed.startsAt, timed.endsAt]).toEqual(['2026-12-10T07:00:00.000Z', '2026-12-10T11:00:00.000Z']);
  });

  it('stops counting the invitees of a cancelled conference as invited', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    const before = (await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[0]}`, organizer)).json();
    expect(before.total.invited).toBe(12);
    const code = await myCode(p, p.members[0]);
    const cancel = await post(`/api/conferences/${conferenceId}/cancel`, organizer, { reason: 'Hoãn do mưa bão' });
    expect(cancel.statusCode).toBe(200);
    const after = (await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[0]}`, organizer)).json();
    expect(after.total).toEqual({ covered: 12, invited: 0, attended: 0, madeUp: 0 });
    const late = await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code });
    expect(late.json().code).toBe('checkin.closed');
    expect((await get('/api/me/campaigns', await memberCookie(p, p.members[0]))).json()[0].conferences).toHaveLength(0);
  });

  it('an absentee of a held conference cannot be "un-marked" off the make-up list', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    await post(`/api/conferences/${conferenceId}/close`, organizer);
    const before = (await get(`/api/campaigns/${campaignId}/makeups`, organizer)).json();
    expect(before).toHaveLength(12);
    const roster = (await get(`/api/conferences/${conferenceId}/invitations?branchId=${p.branches[0]}`, organizer)).json();
    const res = await post(`/api/conferences/${conferenceId}/attendance`, organizer, { marks: [{ invitationId: roster.items[0].id, status: 'invited' }] });
    expect(res.json()).toMatchObject({ code: 'conference.state', title: 'Hội nghị đã kết thúc: mỗi người chỉ có thể là có mặt hoặc vắng' });
    expect((await get(`/api/campaigns/${campaignId}/makeups`, organizer)).json()).toHaveLength(12);
  });

  it('a QR scan racing the close does not check in after the conference is held', async () => {
    if (ctx.engine === 'pglite') return; // one connection: no concurrency to race
    const { p, conferenceId, organizer } = await communeConference();
    const code = await myCode(p, p.members[0]);
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => { locked = r; });
    // Holds inserts into makeups so the close stops mid-way (invitations absent, conference held, not committed).
    const blocker = ctx.db.transaction(async (tx) => {
      await tx.execute(sql`lock table makeups in share mode`);
      locked();
      await gate;
    });
    await isLocked;
    // Waits (however loaded the machine) until that many backends are blocked on a lock.
    const blockedOnLock = (n: number) => vi.waitFor(async () => {
      const [row] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`);
      expect(row.n).toBeGreaterThanOrEqual(n);
    }, { timeout: 30_000, interval: 20 });
    const closing = post(`/api/conferences/${conferenceId}/close`, organizer);
    await blockedOnLock(1); // the close holds the conference and waits on makeups
    const scanning = post(`/api/conferences/${conferenceId}/check-in`, organizer, { code });
    await blockedOnLock(2); // the scan waits on the conference the close holds
    release();
    await blocker;
    const [closed, scan] = await Promise.all([closing, scanning]);
    expect(closed.statusCode).toBe(200);
    const rows = await queryRows<{ status: string; makeups: number }>(ctx.db, sql`select i.status,
        (select count(*)::int from makeups k where k.invitation_id = i.id and k.status = 'pending') as makeups
      from conference_invitations i where i.tenant_id = ${p.tenantId} and i.conference_id = ${conferenceId}::uuid and i.member_id = ${p.members[0]}::uuid`);
    // The scan waited for the close and met a held conference: absent, on the make-up list, refused.
    expect(rows[0]).toEqual({ status: 'absent', makeups: 1 });
    expect(scan.json().code).toBe('checkin.closed');
  });

  it('a member who joins a branch after the conference is scheduled is invited (and lands on the make-up list if absent)', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    await insertMember(ctx.db, p.tenantId, p.branches[0], { fullName: 'Lê Văn Mới' });
    await post(`/api/conferences/${conferenceId}/close`, organizer);
    const coverage = (await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[0]}`, organizer)).json();
    expect(coverage.total.covered).toBe(13);
    expect(coverage.total.invited).toBe(13);
    expect((await get(`/api/campaigns/${campaignId}/makeups`, organizer)).json()).toHaveLength(13);
  });

  it('invites exempt members to a conference scheduled through the API when the plan includes them', async () => {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p, { includeExempt: true });
    await insertMember(ctx.db, p.tenantId, p.branches[0], { fullName: 'Phạm Văn Miễn', isExempt: true });
    const organizer = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]));
    const created = await post('/api/conferences', organizer, {
      campaignId, orgId: p.communes[0], title: 'Hội nghị học tập, quán triệt Nghị quyết', audienceKind: 'all_members',
      format: 'in_person', venue: 'Hội trường Đảng ủy', startsAt: '2026-12-10T01:30:00Z',
    });
    expect(created.statusCode, created.body).toBe(201);
    const coverage = (await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[0]}`, organizer)).json();
    expect(coverage.total.covered).toBe(13);
    expect(coverage.total.invited).toBe(13);
  });

  it('refuses to close a conference before its day, and forgets the code of a member who has left', async () => {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const future = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0], { startsAt: new Date(Date.now() + 3 * 86400_000).toISOString() });
    const organizer = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]));
    const early = await post(`/api/conferences/${future}/close`, organizer);
    expect(early.json()).toMatchObject({ code: 'conference.not_started', title: 'Hội nghị chưa diễn ra, chưa thể kết thúc' });
    const code = await myCode(p, p.members[2]);
    await ctx.db.execute(sql`update members set left_at = now() where id = ${p.members[2]}`);
    expect((await post(`/api/conferences/${future}/check-in`, organizer, { code })).json().code).toBe('checkin.invalid_code');
    expect((await get('/api/me/campaigns', await memberCookie(p, p.members[2]))).json()).toEqual([]);
  });

  it('keeps coverage exact when a member who attended moves branch, becomes exempt or leaves', async () => {
    const { p, campaignId, conferenceId, organizer } = await communeConference();
    for (const m of p.members.slice(0, 3)) await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: await myCode(p, m) });
    const officer = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]));
    const grassroots = async () => (await get(`/api/campaigns/${campaignId}/coverage?orgId=${p.communes[0]}`, officer)).json()
      .children.map((c: { covered: number; invited: number; attended: number }) => [c.covered, c.invited, c.attended]);
    expect(await grassroots()).toEqual([[6, 6, 3], [6, 6, 0]]);
    // Moved to a branch of the other grassroots org: its attendance goes with it.
    await ctx.db.execute(sql`update members set branch_id = ${p.branches[2]} where id = ${p.members[0]}`);
    expect(await grassroots()).toEqual([[5, 5, 2], [7, 7, 1]]);
    // Exempt (the plan leaves exempt members out) and left: no longer covered, nor counted as attended.
    await ctx.db.execute(sql`update members set is_exempt = true where id = ${p.members[1]}`);
    await ctx.db.execute(sql`update members set left_at = now() where id = ${p.members[2]}`);
    expect(await grassroots()).toEqual([[3, 3, 0], [7, 7, 1]]);
    const province = (await get(`/api/campaigns/${campaignId}/coverage`, officer)).json();
    expect(province.total).toEqual({ covered: 22, invited: 10, attended: 1, madeUp: 0 });
  });

  it('invites guests who are not members, each with their own code', async () => {
    const { conferenceId, organizer } = await communeConference();
    const res = await post(`/api/conferences/${conferenceId}/guests`, organizer, { guests: [{ name: 'Đỗ Quang Hải', title: 'Giám đốc', org: 'Công ty TNHH Minh Phát' }] });
    expect(res.json()).toEqual({ added: 1 });
    const roster = (await get(`/api/conferences/${conferenceId}/invitations?q=Quang`, organizer)).json();
    expect(roster.items).toHaveLength(1);
    const guest = roster.items[0];
    expect(guest).toMatchObject({ memberId: null, guestOrg: 'Công ty TNHH Minh Phát' });
    const scan = await post(`/api/conferences/${conferenceId}/check-in`, organizer, { code: guest.qrCode });
    expect(scan.json()).toMatchObject({ outcome: 'checked_in', fullName: 'Đỗ Quang Hải', memberId: null });
  });
});
