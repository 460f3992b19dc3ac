import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AppContext } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { multipartFiles } from './reflections.test-fixtures.js';

export const ALL = (level: string) => ({ a: level, b: level, c: level, d: level });

/**
 * A province campaign; branch 0 with its three members (each a user), two committee members (markers),
 * the branch secretary, a committee of branch 1, a province propaganda officer.
 */
export async function gradingSetup(ctx: AppContext) {
  const p = await buildSmallProvince(ctx.db);
  const { campaignId } = await issuedCampaign(ctx.db, p);
  const branchId = p.branches[0];
  const user = async (grants: Parameters<typeof createUser>[2], memberId: string | null = null) => sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, grants, memberId));
  const memberCookies = [await user([], p.members[0]), await user([], p.members[1]), await user([], p.members[2])];
  const s = {
    p, campaignId, branchId, memberCookies,
    marker: await user([{ role: 'branch_committee', orgId: branchId }]),
    marker2: await user([{ role: 'branch_committee', orgId: branchId }]),
    secretary: await user([{ role: 'branch_secretary', orgId: branchId }]),
    otherCommittee: await user([{ role: 'branch_committee', orgId: p.branches[1] }]),
    province: await user([{ role: 'propaganda_officer', orgId: p.rootId }]),
  };
  return s;
}
export type GradingSetup = Awaited<ReturnType<typeof gradingSetup>>;

export function gradingClient(ctx: AppContext, s: GradingSetup) {
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return {
    req,
    /** Member i (0–2 of branch 0) hands in a typed reflection; returns its id. */
    async submitText(i: number, text = 'Bài thu hoạch Nghị quyết') {
      const body = multipartFiles({ text }, []);
      const res = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${s.campaignId}`, headers: { cookie: s.memberCookies[i], ...body.headers }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().reflection.id as string;
    },
    async settings(body: object) {
      const res = await req('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province, { mustHandwrite: false, dueAt: null, cutoffAt: null, maxPages: 10, ...body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
    queue: (cookie: string) => req('GET', `/api/reflections?campaignId=${s.campaignId}&branchId=${s.branchId}`, cookie),
    detail: (id: string, cookie: string) => req('GET', `/api/reflections/${id}`, cookie),
    save: (id: string, cookie: string, body: object, marker = 1) => req('PUT', `/api/reflections/${id}/grades/${marker}`, cookie, body),
    submit: (id: string, cookie: string, marker = 1) => req('POST', `/api/reflections/${id}/grades/${marker}/submit`, cookie),
    approve: (id: string, cookie: string, body: object = {}) => req('POST', `/api/reflections/${id}/approve`, cookie, body),
    correct: (id: string, cookie: string, body: object) => req('POST', `/api/reflections/${id}/corrections`, cookie, body),
    bulk: (cookie: string, rows: object[], extra: object = {}) => req('POST', '/api/reflections/grades/bulk', cookie, { campaignId: s.campaignId, branchId: s.branchId, rows, ...extra }),
    /** Saves and submits marker 1's grade with every criterion at `level`. */
    async gradeAll(id: string, level: string, cookie = s.marker) {
      expect((await req('PUT', `/api/reflections/${id}/grades/1`, cookie, { levels: ALL(level) })).statusCode).toBe(200);
      expect((await req('POST', `/api/reflections/${id}/grades/1/submit`, cookie)).statusCode).toBe(200);
    },
  };
}

export async function auditCount(ctx: AppContext, tenantId: string, action: string) {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${tenantId} and action = ${action}`);
  return row.n;
}

export async function reflectionState(ctx: AppContext, id: string) {
  const [row] = await queryRows<{ grade_status: string; final_grade: string | null; graded_at: unknown }>(ctx.db,
    sql`select grade_status, final_grade, graded_at from reflections where id = ${id}::uuid`);
  return row;
}
