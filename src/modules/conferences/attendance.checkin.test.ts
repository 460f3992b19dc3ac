import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign, scheduledConference } from '../../../test/campaign-factories.js';
import { queryRows, type Db } from '../../kernel/db/client.js';
import { checkIn } from './attendance.checkin.js';
import { recountCampaign, refreshParticipants } from './attendance.repository.js';

describeApp('QR check-in in batches', (ctx) => {
  const post = (url: string, cookie: string, payload: object = {}) => ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  /** A commune conference (12 members of commune 1 in 4 branches), its codes, and a second conference's codes. */
  async function setUp() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const conferenceId = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0]);
    const otherConference = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0], { title: 'Hội nghị cán bộ chủ chốt' });
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]);
    const codesOf = async (conf: string) => new Map((await queryRows<{ member_id: string; qr_token: string }>(ctx.db, sql`select member_id, qr_token
      from conference_invitations where conference_id = ${conf}::uuid`)).map((r) => [r.member_id, `QT1:${r.qr_token}`]));
    return { p, campaignId, conferenceId, otherConference, officer, organizer: await sessionCookie(ctx.db, officer), code: await codesOf(conferenceId), foreign: await codesOf(otherConference) };
  }
  const countsOf = (campaignId: string) => queryRows<{ branch_id: string; invited: number; attended: number; made_up: number }>(ctx.db, sql`select branch_id, invited, attended, made_up
    from campaign_branch_counts where campaign_id = ${campaignId}::uuid and (invited > 0 or attended > 0 or made_up > 0) order by branch_id`);
  async function expectCountsExact(campaignId: string) {
    const kept = await countsOf(campaignId);
    await recountCampaign(ctx.db, (await queryRows<{ tenant_id: string }>(ctx.db, sql`select tenant_id from campaigns where id = ${campaignId}::uuid`))[0].tenant_id, campaignId);
    expect(kept).toEqual(await countsOf(campaignId));
    return kept;
  }
  const audits = async (tenantId: string) => (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log
    where tenant_id = ${tenantId} and action = 'attendance.check_in'`))[0].n;
  /** The database with its transactions counted (and, when asked, the first one failing). */
  function counting(failFirst = false) {
    const seen = { transactions: 0 };
    const db = new Proxy(ctx.db, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return (fn: never) => { seen.transactions++; return failFirst && seen.transactions === 1 ? Promise.reject(new Error('connection lost')) : target.transaction(fn); };
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    return { db, seen };
  }

  it('syncs an offline queue in one request: per-code results in order, duplicates once, scan times kept, one audit per check-in', async () => {
    const { p, campaignId, conferenceId, organizer, code, foreign } = await setUp();
    const [m0, m1, m2] = p.members;
    const scannedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const codes = [
      { code: code.get(m0)!, scannedAt },
      { code: code.get(m1)! },
      { code: code.get(m0)!, scannedAt },
      { code: foreign.get(m2)! }, // another conference's code: refused, the others go through
      { code: 'xin chào' },
      { code: code.get(m2)!, scannedAt: new Date(Date.now() + 86400_000).toISOString() }, // a phone clock ahead: not in the future
    ];
    const res = await post(`/api/conferences/${conferenceId}/check-ins`, organizer, { codes });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ checkedIn: 3, alreadyPresent: 1, failed: 2 });
    expect(body.results.map((r: { code: string; ok: boolean; outcome?: string; error?: { code: string } }) => [r.code, r.ok ? r.outcome : r.error!.code])).toEqual([
      [codes[0].code, 'checked_in'], [codes[1].code, 'checked_in'], [codes[2].code, 'already_present'],
      [codes[3].code, 'checkin.invalid_code'], ['xin chào', 'checkin.invalid_code'], [codes[5].code, 'checked_in'],
    ]);
    expect(body.results[0]).toMatchObject({ memberId: m0, fullName: 'Nguyễn Văn An', checkedInAt: scannedAt });
    expect(body.results[3].error.title).toBe('Mã QR không hợp lệ hoặc không phải mã mời của hội nghị này');
    expect(Date.parse(body.results[5].checkedInAt)).toBeLessThanOrEqual(Date.now());
    expect(await audits(p.tenantId)).toBe(3);
    const kept = await expectCountsExact(campaignId);
    expect(kept.reduce((a, r) => a + r.attended, 0)).toBe(3);
    // Sent again (the answer was lost on the way): nothing changes.
    const again = (await post(`/api/conferences/${conferenceId}/check-ins`, organizer, { codes })).json();
    expect(again).toMatchObject({ checkedIn: 0, alreadyPresent: 4, failed: 2 });
    expect(again.results[0].checkedInAt).toBe(scannedAt);
    expect(await audits(p.tenantId)).toBe(3);
  });

  it('applies the single scan checks to each code: branch scope, a closed conference, a caller who cannot see it, the limit', async () => {
    const { p, conferenceId, organizer, code } = await setUp();
    const chiUy = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const mixed = (await post(`/api/conferences/${conferenceId}/check-ins`, chiUy, { codes: [{ code: code.get(p.members[0])! }, { code: code.get(p.members[3])! }] })).json();
    expect(mixed.results.map((r: { ok: boolean; error?: { status: number } }) => (r.ok ? 'ok' : r.error!.status))).toEqual(['ok', 403]);
    const stranger = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[4] }]));
    expect((await post(`/api/conferences/${conferenceId}/check-ins`, stranger, { codes: [{ code: code.get(p.members[1])! }] })).statusCode).toBe(404);
    const tooMany = Array.from({ length: 2001 }, () => ({ code: code.get(p.members[1])! }));
    expect((await post(`/api/conferences/${conferenceId}/check-ins`, organizer, { codes: tooMany })).statusCode).toBe(400);
    await post(`/api/conferences/${conferenceId}/close`, organizer);
    const late = (await post(`/api/conferences/${conferenceId}/check-ins`, organizer, { codes: [{ code: code.get(p.members[1])! }, { code: 'QT1:AAAAAAAAAAAAAAAAAAAAAA' }] })).json();
    expect(late.results.map((r: { error: { code: string } }) => r.error.code)).toEqual(['checkin.closed', 'checkin.invalid_code']);
    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie: organizer } })).json();
    expect(spec.paths['/api/conferences/{id}/check-ins'].post.summary).toMatch(/lượt quét/);
  });

  it('writes concurrent single scans of one conference together, each caller with its own answer', async () => {
    const { p, campaignId, conferenceId, officer, code, foreign } = await setUp();
    const { db, seen } = counting();
    const outsider = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[4] }]);
    const scans: Array<[typeof officer, string]> = [
      ...p.members.slice(0, 6).map((m) => [officer, code.get(m)!] as [typeof officer, string]),
      [officer, code.get(p.members[0])!], [officer, code.get(p.members[1])!], // the same codes again, same moment
      [officer, foreign.get(p.members[7])!], [outsider, code.get(p.members[8])!],
    ];
    const settled = await Promise.allSettled(scans.map(([actor, c]) => checkIn(db, actor, conferenceId, c)));
    // Arrived together: one transaction for the ten (the foreign code and the outsider fail alone).
    expect(seen.transactions).toBe(1);
    const got = settled.map((s) => (s.status === 'fulfilled' ? s.value.outcome : (s.reason as { code: string }).code));
    expect(got).toEqual([...Array(6).fill('checked_in'), 'already_present', 'already_present', 'checkin.invalid_code', 'conference.not_found']);
    expect(settled[0].status === 'fulfilled' && settled[0].value.fullName).toBe('Nguyễn Văn An');
    expect(await audits(p.tenantId)).toBe(6);
    expect((await expectCountsExact(campaignId)).reduce((a, r) => a + r.attended, 0)).toBe(6);
  });

  it('a batch that fails as a whole is retried scan by scan, so no scan fails for another', async () => {
    const { p, conferenceId, officer, code } = await setUp();
    const { db, seen } = counting(true);
    const results = await Promise.all(p.members.slice(0, 4).map((m) => checkIn(db, officer, conferenceId, code.get(m)!)));
    expect(results.map((r) => r.outcome)).toEqual(Array(4).fill('checked_in'));
    expect(seen.transactions).toBe(1 + 4);
    expect(await audits(p.tenantId)).toBe(4);
  });

  it('whatever the mix of scans and batches, each code counts once and the counts equal a full recount', async () => {
    const { p, campaignId, officer } = await setUp();
    const scan = fc.record({ member: fc.integer({ min: 0, max: 11 }), kind: fc.constantFrom('own', 'own', 'own', 'foreign', 'garbage'), via: fc.constantFrom('single', 'bulk') });
    await fc.assert(fc.asyncProperty(fc.array(scan, { minLength: 1, maxLength: 30 }), async (plan) => {
      const conf = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0]);
      const other = await scheduledConference(ctx.db, p.tenantId, campaignId, p.communes[0]);
      const tokens = async (c: string) => new Map((await queryRows<{ member_id: string; qr_token: string }>(ctx.db, sql`select member_id, qr_token
        from conference_invitations where conference_id = ${c}::uuid`)).map((r) => [r.member_id, `QT1:${r.qr_token}`]));
      const own = await tokens(conf); const foreign = await tokens(other);
      const codes = plan.map((s) => (s.kind === 'own' ? own.get(p.members[s.member])! : s.kind === 'foreign' ? foreign.get(p.members[s.member])! : `QT1:${'x'.repeat(21)}`));
      const single = plan.flatMap((s, i) => (s.via === 'single' ? [i] : []));
      const bulk = plan.flatMap((s, i) => (s.via === 'bulk' ? [i] : []));
      const cookie = await sessionCookie(ctx.db, officer);
      const [singles, bulkRes] = await Promise.all([
        Promise.allSettled(single.map((i) => checkIn(ctx.db, officer, conf, codes[i]))),
        bulk.length ? post(`/api/conferences/${conf}/check-ins`, cookie, { codes: bulk.map((i) => ({ code: codes[i] })) }).then((r) => r.json()) : null,
      ]);
      const outcome: string[] = new Array(plan.length);
      single.forEach((i, k) => { const s = singles[k]; outcome[i] = s.status === 'fulfilled' ? s.value.outcome : (s.reason as { code: string }).code; });
      bulk.forEach((i, k) => { const r = bulkRes.results[k]; outcome[i] = r.ok ? r.outcome : r.error.code; });
      plan.forEach((s, i) => { if (s.kind !== 'own') expect(outcome[i]).toBe('checkin.invalid_code'); });
      // Each scanned member checked in exactly once, however the scans were split and raced.
      const scanned = new Set(plan.filter((s) => s.kind === 'own').map((s) => s.member));
      for (const m of scanned) {
        const mine = plan.flatMap((s, i) => (s.kind === 'own' && s.member === m ? [outcome[i]] : []));
        expect(mine.filter((o) => o === 'checked_in')).toHaveLength(1);
        expect(mine.filter((o) => o !== 'checked_in' && o !== 'already_present')).toHaveLength(0);
      }
      const [row] = await queryRows<{ present: number }>(ctx.db, sql`select count(*)::int as present from conference_invitations where conference_id = ${conf}::uuid and status = 'present'`);
      expect(row.present).toBe(scanned.size);
      await expectCountsExact(campaignId);
      // Leave the campaign as it was for the next run: this conference cancelled (its invitees no longer count).
      await ctx.db.execute(sql`update conferences set status = 'cancelled' where id in (${conf}::uuid, ${other}::uuid)`);
      await refreshParticipants(ctx.db, p.tenantId, campaignId, p.members);
    }), { numRuns: 8 });
  });
});
