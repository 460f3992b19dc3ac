import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { insertOrg } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { auditActions, communeWithCampaign, conferenceBody, http } from './conferences.fixtures.js';

describeApp('conference sessions (hall too small)', (ctx) => {
  const { get, post, put } = http(ctx);

  async function scheduled() {
    const c = await communeWithCampaign(ctx);
    const res = await post('/api/conferences', c.officer.cookie, conferenceBody(c.campaignId, c.commune, { capacity: 16 }));
    expect(res.statusCode, res.body).toBe(201);
    return { ...c, id: res.json().id as string };
  }
  const names = (s: { branches: Array<{ branchName: string }> }) => s.branches.map((b) => b.branchName);

  it('proposes two balanced sessions for 30 members in a 16-seat hall, each branch whole', async () => {
    const c = await scheduled();
    const res = await get(`/api/conferences/${c.id}/split-proposal?capacity=16`, c.officer.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ capacity: 16, total: 30, guests: 0, warnings: [] });
    expect(p.sessions.map((s: { load: number }) => s.load)).toEqual([15, 15]);
    expect(p.sessions.map(names)).toEqual([['Chi bộ Thôn 1', 'Chi bộ Thôn 3'], ['Chi bộ Thôn 2', 'Chi bộ Thôn 4', 'Chi bộ Thôn 5']]);
  });

  it('flags a branch larger than the hall and seats it alone', async () => {
    const c = await scheduled();
    const p = (await get(`/api/conferences/${c.id}/split-proposal?capacity=8`, c.officer.cookie)).json();
    expect(p.warnings).toEqual([expect.objectContaining({ code: 'branch_over_capacity', branchName: 'Chi bộ Thôn 1', count: 9 })]);
    const alone = p.sessions.find((s: { oversized: boolean }) => s.oversized);
    expect(names(alone)).toEqual(['Chi bộ Thôn 1']);
    expect(p.sessions.filter((s: { oversized: boolean; load: number }) => !s.oversized && s.load > 8)).toEqual([]);
  });

  it('applies an adjusted split: sessions replaced, invitees seated by branch', async () => {
    const c = await scheduled();
    const [b1, b2, b3, b4, b5] = c.branches;
    const sessions = [
      { seq: 1, venue: 'Hội trường UBND xã', capacity: 16, startsAt: '2026-12-05T07:30:00+07:00', branchIds: [b1, b3] },
      { seq: 2, venue: 'Nhà văn hóa thôn 2', capacity: 20, startsAt: '2026-12-06T07:30:00+07:00', branchIds: [b2, b4, b5] },
    ];
    // The officer moves Thôn 5 into the first session before applying.
    sessions[0].branchIds.push(b5); sessions[1].branchIds.pop();
    const res = await put(`/api/conferences/${c.id}/sessions`, c.officer.cookie, sessions);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((s: { seq: number; invited: number }) => [s.seq, s.invited])).toEqual([[1, 18], [2, 12]]);
    const seated = await queryRows<{ seq: number; branch_id: string }>(ctx.db, sql`select distinct s.seq, i.branch_id from conference_invitations i
      join conference_sessions s on s.tenant_id = i.tenant_id and s.id = i.session_id where i.conference_id = ${c.id} order by s.seq`);
    expect(seated.filter((r) => r.seq === 2).map((r) => r.branch_id).sort()).toEqual([b2, b4].sort());
    const detail = (await get(`/api/conferences/${c.id}`, c.officer.cookie)).json();
    expect(detail.sessions[1]).toMatchObject({ seq: 2, venue: 'Nhà văn hóa thôn 2', capacity: 20, invited: 12 });
    expect(detail.sessions[1].branches.map((b: { name: string }) => b.name)).toEqual(['Chi bộ Thôn 2', 'Chi bộ Thôn 4']);
    expect(detail.sessionCount).toBe(2);
    // Back to one session: the second disappears and everyone sits in the first.
    await put(`/api/conferences/${c.id}/sessions`, c.officer.cookie, [{ seq: 1, venue: 'Sân vận động xã', capacity: 200, startsAt: '2026-12-05T07:30:00+07:00', branchIds: [] }]);
    expect((await get(`/api/conferences/${c.id}`, c.officer.cookie)).json().sessions.map((s: { invited: number }) => s.invited)).toEqual([30]);
    expect((await auditActions(ctx, c.tenantId)).filter((a) => a === 'conference.sessions')).toHaveLength(2);
  });

  it('refuses a split that leaves a branch out or seats one twice, naming it', async () => {
    const c = await scheduled();
    const [b1, b2, b3, b4] = c.branches;
    const res = await put(`/api/conferences/${c.id}/sessions`, c.officer.cookie, [
      { seq: 1, venue: 'Hội trường UBND xã', startsAt: '2026-12-05T07:30:00+07:00', branchIds: [b1, b2] },
      { seq: 2, venue: 'Nhà văn hóa', startsAt: '2026-12-06T07:30:00+07:00', branchIds: [b2, b3, b4] },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'conference.split_invalid', title: 'Phương án chia phiên không hợp lệ' });
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Chi bộ Thôn 2 được xếp vào nhiều phiên (1, 2); mỗi chi bộ chỉ dự một phiên',
      'Chi bộ Thôn 5 chưa được xếp vào phiên nào',
    ]);
    // A branch with no invitees is named, never shown as an id.
    const empty = await insertOrg(ctx.db, { tenantId: c.tenantId, parentId: c.commune, levelId: c.levels.branch, name: 'Chi bộ Thôn Mới', code: `${c.tenantId.slice(-6)}-TH-new` });
    const lone = await put(`/api/conferences/${c.id}/sessions`, c.officer.cookie, [
      { seq: 1, venue: 'Hội trường UBND xã', startsAt: '2026-12-05T07:30:00+07:00', branchIds: [...c.branches, empty] },
    ]);
    expect(lone.json().errors).toEqual([{ path: 'sessions.0.branchIds', message: 'Phiên 1 xếp Chi bộ Thôn Mới, nhưng chi bộ này không có người được mời dự hội nghị' }]);
    const late = await put(`/api/conferences/${c.id}/sessions`, c.officer.cookie, [
      { seq: 1, venue: 'Hội trường', startsAt: '2026-12-05T07:30:00+07:00', branchIds: [] },
      { seq: 2, venue: 'Nhà văn hóa', startsAt: '2026-12-11T07:30:00+07:00', branchIds: [] },
    ]);
    expect(late.json()).toMatchObject({ code: 'conference.after_deadline', errors: [{ path: 'sessions.1.startsAt' }] });
    const sessions = (await get(`/api/conferences/${c.id}`, c.officer.cookie)).json().sessions;
    expect(sessions).toHaveLength(1);
    expect((await auditActions(ctx, c.tenantId)).filter((a) => a === 'conference.sessions')).toEqual([]);
  });

  it('keeps the split to those who manage the conference', async () => {
    const c = await scheduled();
    const chiUy = await c.user([{ role: 'branch_committee', orgId: c.branches[0] }]);
    expect((await get(`/api/conferences/${c.id}/split-proposal?capacity=10`, chiUy.cookie)).statusCode).toBe(403);
    const outsider = await c.user([{ role: 'propaganda_officer', orgId: c.other }]);
    expect((await get(`/api/conferences/${c.id}/split-proposal?capacity=10`, outsider.cookie)).statusCode).toBe(404);
    expect((await put(`/api/conferences/${c.id}/sessions`, outsider.cookie, [{ seq: 1, venue: 'x', startsAt: '2026-12-05T07:30:00+07:00', branchIds: [] }])).statusCode).toBe(404);
  });
});
