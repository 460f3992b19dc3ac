import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Role } from '../../kernel/access/permissions.js';
import type { AppContext } from '../../../test/harness.js';
import { buildSmallProvince, createUser, login } from '../../../test/factories.js';

/** Test support for the campaign module's route tests (not a test file itself). */

const DAY = 86_400_000;
/** A date `days` from today (UTC calendar), `yyyy-mm-dd`. */
export const day = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

export function http(ctx: AppContext) {
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return {
    get: (url: string, cookie: string) => call('GET', url, cookie),
    post: (url: string, cookie: string, payload: object = {}) => call('POST', url, cookie, payload),
    patch: (url: string, cookie: string, payload: object) => call('PATCH', url, cookie, payload),
  };
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; field?: string }) {
  const boundary = `----qt${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Records a plan as approved on `date` (a Vietnamese day): tests issue plans on past dates, and an
 * issue date may not precede the approval.
 */
export async function backdateApproval(ctx: AppContext, planId: string, date: string) {
  await ctx.db.execute(sql`update campaign_plans set approved_at = ${`${date}T09:00:00+07:00`}::timestamptz where id = ${planId}::uuid`);
}

export async function userCookie(ctx: AppContext, tenantId: string, grants: Array<{ role: Role; orgId: string }>) {
  const user = await createUser(ctx.db, tenantId, grants);
  return login(ctx.app, user.username);
}

/**
 * A province with a registered resolution and a campaign led from the root, whose root plan sets
 * deadlines for every level below: communes had to issue 10 days ago, grassroots 3 days ago.
 */
export async function provinceWithCampaign(ctx: AppContext) {
  const { get, post, patch } = http(ctx);
  const p = await buildSmallProvince(ctx.db);
  const officer = await userCookie(ctx, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
  const secretary = await userCookie(ctx, p.tenantId, [{ role: 'committee_secretary', orgId: p.rootId }]);
  const resolution = await post('/api/resolutions', officer, {
    orgId: p.rootId, title: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII', congress: 'Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII', term: '2025-2030', adoptedOn: '2025-10-15',
  });
  expect(resolution.statusCode).toBe(201);
  const campaign = await post('/api/campaigns', officer, { resolutionId: resolution.json().id, orgId: p.rootId, title: 'Học tập, quán triệt Nghị quyết Đại hội XVIII' });
  expect(campaign.statusCode).toBe(201);
  const campaignId: string = campaign.json().id;
  const rootPlanId: string = campaign.json().rootPlanId;
  const deadlines = {
    levelDeadlines: [
      { levelId: p.levels.upper, planBy: day(-10), conferencesBy: day(20) },
      { levelId: p.levels.grassroots, planBy: day(-3), conferencesBy: day(30) },
      { levelId: p.levels.branch, planBy: null, conferencesBy: day(25) },
    ],
    reflectionsBy: day(40), reportBy: day(50), actionProgramBy: day(45),
  };
  const contents = [{ text: 'Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh', fromPlanId: null }, { text: 'Nghị quyết Đại hội và ba chương trình đột phá', fromPlanId: null }];
  const edited = await patch(`/api/plans/${rootPlanId}`, officer, { ...deadlines, contents, purpose: 'Giúp cán bộ, đảng viên nắm vững Nghị quyết', attendees: 'Toàn thể đảng viên' });
  expect(edited.statusCode, edited.body).toBe(200);
  const issue = async (planId: string, approver: string, issuer: string, number: string, issuedOn: string) => {
    expect((await post(`/api/plans/${planId}/approve`, approver)).statusCode).toBe(200);
    await backdateApproval(ctx, planId, issuedOn);
    const res = await post(`/api/plans/${planId}/issue`, issuer, { number, issuedOn });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return { p, officer, secretary, campaignId, rootPlanId, deadlines, contents, issue, get, post, patch };
}
