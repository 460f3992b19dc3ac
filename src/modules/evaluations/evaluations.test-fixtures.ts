import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/db/columns.js';
import { queryRows } from '../../kernel/db/client.js';
import type { Role } from '../../kernel/access/permissions.js';
import type { AppContext } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign, scheduledConference } from '../../../test/campaign-factories.js';

/** Test support for the evaluation route tests (not a test file itself). */

/** QĐ 366 scores: 92 points (all general criteria at their maximum), 75 and 60. */
export const S92 = { chinh_tri_tu_tuong: 8, dao_duc_loi_song: 8, to_chuc_ky_luat: 7, hoc_tap_nghi_quyet: 7, nhiem_vu_duoc_giao: 38, chuong_trinh_hanh_dong: 12, nhiem_vu_chi_bo: 12 };
export const S75 = { chinh_tri_tu_tuong: 7, dao_duc_loi_song: 7, to_chuc_ky_luat: 6, hoc_tap_nghi_quyet: 6, nhiem_vu_duoc_giao: 30, chuong_trinh_hanh_dong: 10, nhiem_vu_chi_bo: 9 };
export const S60 = { chinh_tri_tu_tuong: 6, dao_duc_loi_song: 6, to_chuc_ky_luat: 5, hoc_tap_nghi_quyet: 5, nhiem_vu_duoc_giao: 24, chuong_trinh_hanh_dong: 7, nhiem_vu_chi_bo: 7 };

export function http(ctx: AppContext) {
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return {
    get: (url: string, cookie: string) => call('GET', url, cookie),
    post: (url: string, cookie: string, payload: unknown) => call('POST', url, cookie, payload),
    put: (url: string, cookie: string, payload: unknown) => call('PUT', url, cookie, payload),
  };
}

/**
 * A small province; branch 0 (members a, b, c) studied in 2026 at a conference of its grassroots org:
 * a was present and wrote a reflection graded "tot", b was absent and made it up, c was absent. Also a
 * 2025 conference and a cancelled one, which are not 2026 evidence.
 */
export async function branchWithStudy(ctx: AppContext) {
  const p = await buildSmallProvince(ctx.db);
  const branch = p.branches[0];
  const [a, b, c] = p.members.slice(0, 3);
  const { campaignId } = await issuedCampaign(ctx.db, p);
  const conferenceId = await scheduledConference(ctx.db, p.tenantId, campaignId, p.grassroots[0], { startsAt: '2026-11-18T07:30:00+07:00' });
  const old = await scheduledConference(ctx.db, p.tenantId, campaignId, p.grassroots[0], { startsAt: '2025-12-20T07:30:00+07:00', title: 'Hội nghị năm trước' });
  const cancelled = await scheduledConference(ctx.db, p.tenantId, campaignId, p.grassroots[0], { startsAt: '2026-12-01T07:30:00+07:00', title: 'Hội nghị bị hủy' });
  await ctx.db.execute(sql`update conferences set status = 'cancelled' where id = ${cancelled}`);
  await ctx.db.execute(sql`update conferences set status = 'held' where id in (${conferenceId}, ${old})`);
  await ctx.db.execute(sql`update conference_invitations set status = 'present', checked_in_at = now() where conference_id = ${conferenceId} and member_id = ${a}`);
  await ctx.db.execute(sql`update conference_invitations set status = 'absent', absence_reason = 'Ốm' where conference_id = ${conferenceId} and member_id in (${b}, ${c})`);
  const invitation = async (memberId: string, conf = conferenceId) =>
    (await queryRows<{ id: string }>(ctx.db, sql`select id from conference_invitations where conference_id = ${conf} and member_id = ${memberId}`))[0].id;
  const makeupId = newId();
  await ctx.db.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id, mode, status, confirmed_at)
    values (${p.tenantId}, ${makeupId}, ${campaignId}, ${conferenceId}, ${await invitation(b)}, ${b}, ${branch}, 'self_study', 'completed', '2026-11-21T14:00:00+07:00')`);
  const reflectionId = newId();
  await ctx.db.execute(sql`insert into reflections (tenant_id, id, campaign_id, member_id, branch_id, status, submitted_at, grade_status, final_grade)
    values (${p.tenantId}, ${reflectionId}, ${campaignId}, ${a}, ${branch}, 'submitted', '2026-11-20T09:00:00+07:00', 'approved', 'tot')`);

  const user = async (grants: Array<{ role: Role; orgId: string }>, memberId: string | null = null) =>
    sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, grants, memberId));
  return {
    p, branch, a, b, c, campaignId, conferenceId, makeupId, reflectionId,
    invitations: { a: await invitation(a), b: await invitation(b), c: await invitation(c), aOld: await invitation(a, old) },
    committee: await user([{ role: 'branch_committee', orgId: branch }]),
    secretary: await user([{ role: 'branch_secretary', orgId: branch }]),
    otherCommittee: await user([{ role: 'branch_secretary', orgId: p.branches[1] }]),
    memberA: await user([], a),
    memberB: await user([], b),
    province: await user([{ role: 'committee_secretary', orgId: p.rootId }]),
    user,
  };
}

export async function auditCount(ctx: AppContext, tenantId: string, action: string) {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId} and action = ${action}`);
  return row.n;
}
