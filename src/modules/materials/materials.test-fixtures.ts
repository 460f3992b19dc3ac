import { sql } from 'drizzle-orm';
import type { App } from '../../server/app.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db } from '../../kernel/db/client.js';
import { buildSmallProvince, createUser, login } from '../../../test/factories.js';
import type { Role } from '../../kernel/access/permissions.js';

/** A province with a campaign and the people the materials tests need, built per test. */
export async function materialsWorld(db: Db, app: App) {
  const p = await buildSmallProvince(db);
  const campaignId = await insertCampaign(db, p.tenantId, p.rootId);
  const officer = await loginAs(db, app, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
  return { p, campaignId, officer };
}

/** A resolution and a campaign led from `orgId`, written straight to the tables (the campaigns module owns the flow). */
export async function insertCampaign(db: Db, tenantId: string, orgId: string): Promise<string> {
  const resolutionId = newId(); const campaignId = newId(); const userId = newId();
  await db.execute(sql`insert into resolutions (tenant_id, id, org_id, title, congress, term, created_by)
    values (${tenantId}, ${resolutionId}, ${orgId}, 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI', 'Đại hội XVI', '2025–2030', ${userId})`);
  await db.execute(sql`insert into campaigns (tenant_id, id, resolution_id, org_id, title, created_by)
    values (${tenantId}, ${campaignId}, ${resolutionId}, ${orgId}, 'Học tập, quán triệt Nghị quyết Đại hội XVI', ${userId})`);
  return campaignId;
}

export async function loginAs(db: Db, app: App, tenantId: string, grants: Array<{ role: Role; orgId: string }>, memberId: string | null = null) {
  const user = await createUser(db, tenantId, grants, memberId);
  return { ...user, cookie: await login(app, user.username) };
}

/** A member's own login (role `member` on their branch). */
export async function memberLogin(db: Db, app: App, tenantId: string, memberId: string, branchId: string) {
  return loginAs(db, app, tenantId, [{ role: 'member', orgId: branchId }], memberId);
}

export async function setMember(db: Db, memberId: string, attrs: { ethnicity?: string; isCommitteeMember?: boolean; workPosition?: string }) {
  if (attrs.ethnicity !== undefined) await db.execute(sql`update members set ethnicity = ${attrs.ethnicity} where id = ${memberId}`);
  if (attrs.isCommitteeMember !== undefined) await db.execute(sql`update members set is_committee_member = ${attrs.isCommitteeMember} where id = ${memberId}`);
  if (attrs.workPosition !== undefined) await db.execute(sql`update members set work_position = ${attrs.workPosition} where id = ${memberId}`);
}

export function client(app: App, cookie: string) {
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload?: object) => app.inject({ method: 'POST', url, headers: { cookie }, payload: payload ?? {} }),
    patch: (url: string, payload: object) => app.inject({ method: 'PATCH', url, headers: { cookie }, payload }),
  };
}
