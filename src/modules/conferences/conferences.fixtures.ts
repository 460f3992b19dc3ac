import { sql } from 'drizzle-orm';
import type { Role } from '../../kernel/access/permissions.js';
import { queryRows } from '../../kernel/db/client.js';
import type { AppContext } from '../../../test/harness.js';
import { createTenant, createUser, insertMember, insertOrg, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';

/** Test support for the conference route tests (not a test file itself). */

export function http(ctx: AppContext) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return {
    get: (url: string, cookie: string) => call('GET', url, cookie),
    post: (url: string, cookie: string, payload: unknown = {}) => call('POST', url, cookie, payload),
    patch: (url: string, cookie: string, payload: unknown) => call('PATCH', url, cookie, payload),
    put: (url: string, cookie: string, payload: unknown) => call('PUT', url, cookie, payload),
    del: (url: string, cookie: string) => call('DELETE', url, cookie),
  };
}

export const BRANCH_SIZES = [9, 7, 6, 5, 3];
/** Communes must hold their conferences by this day (Vietnam). */
export const COMMUNE_DEADLINE = '2026-12-10';

/**
 * A province with one commune of five branches (9, 7, 6, 5 and 3 members: 30 in all), a second
 * commune with one branch of 2, and an issued plan: communes hold conferences by 10/12/2026.
 */
export async function communeWithCampaign(ctx: AppContext) {
  const t = await createTenant(ctx.db);
  const suffix = t.tenantId.slice(-6);
  const commune = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: t.rootId, levelId: t.levels.upper, name: 'Đảng bộ xã Tân Hòa', code: `${suffix}-TH`, kind: 'commune_committee' });
  const other = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: t.rootId, levelId: t.levels.upper, name: 'Đảng bộ xã Phú Lộc', code: `${suffix}-PL`, kind: 'commune_committee' });
  const branches: string[] = [];
  for (let b = 0; b < BRANCH_SIZES.length; b++) {
    const branch = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: commune, levelId: t.levels.branch, name: `Chi bộ Thôn ${b + 1}`, code: `${suffix}-TH-${b}` });
    branches.push(branch);
    for (let m = 0; m < BRANCH_SIZES[b]; m++) await insertMember(ctx.db, t.tenantId, branch, { fullName: `Đảng viên ${b + 1}.${m + 1}` });
  }
  const otherBranch = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: other, levelId: t.levels.branch, name: 'Chi bộ Phú Lộc 1', code: `${suffix}-PL-1` });
  for (let m = 0; m < 2; m++) await insertMember(ctx.db, t.tenantId, otherBranch, { fullName: `Đảng viên Phú Lộc ${m + 1}` });
  const { campaignId } = await issuedCampaign(ctx.db, t, {
    levelDeadlines: [
      { levelId: t.levels.upper, planBy: '2026-11-20', conferencesBy: COMMUNE_DEADLINE },
      { levelId: t.levels.branch, planBy: null, conferencesBy: '2026-12-31' },
    ],
  });
  const user = async (grants: Array<{ role: Role; orgId: string }>) => {
    const actor = await createUser(ctx.db, t.tenantId, grants);
    return { actor, cookie: await sessionCookie(ctx.db, actor) };
  };
  const officer = await user([{ role: 'propaganda_officer', orgId: commune }]);
  return { ...t, commune, other, branches, otherBranch, campaignId, officer, user };
}

export const conferenceBody = (campaignId: string, orgId: string, overrides: Record<string, unknown> = {}) => ({
  campaignId, orgId, title: 'Hội nghị học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã', audienceKind: 'all_members',
  format: 'in_person', venue: 'Hội trường UBND xã', capacity: 16, startsAt: '2026-12-05T07:30:00+07:00', ...overrides,
});

export async function auditActions(ctx: AppContext, tenantId: string) {
  const rows = await queryRows<{ action: string }>(ctx.db, sql`select action from audit_log where tenant_id = ${tenantId} order by at, id`);
  return rows.map((r) => r.action);
}
