import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { queryRows } from '../../kernel/db/client.js';
import { branchWithStudy, http, S75, S92 } from './evaluations.test-fixtures.js';

describeApp('year-end evaluations: scope', (ctx) => {
  const { get, post, put } = http(ctx);
  const count = async (tenantId: string) =>
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from member_evaluations where tenant_id = ${tenantId}`))[0].n;

  it('refuses evidence of another member or another year, and keeps nothing', async () => {
    const s = await branchWithStudy(ctx);
    const url = `/api/evaluations/${s.a}/2026`;
    for (const link of [
      { kind: 'attendance', id: s.invitations.b }, // b's attendance
      { kind: 'makeup', id: s.makeupId }, // b's make-up
      { kind: 'reflection', id: s.invitations.a }, // a's own id, but not a reflection
      { kind: 'attendance', id: s.invitations.aOld }, // a's attendance of 2025
      { kind: 'action_plan', id: s.reflectionId }, // nothing can be linked as an action plan yet
    ]) {
      const res = await put(url, s.committee, { scores: S75, evidence: [{ kind: 'reflection', id: s.reflectionId }, link] });
      expect(res.statusCode, JSON.stringify(link)).toBe(422);
      expect(res.json()).toMatchObject({ code: 'evaluation.evidence_foreign', errors: [{ path: 'evidence.1' }] });
    }
    expect(await count(s.p.tenantId)).toBe(0);
    const ok = await put(`/api/evaluations/${s.b}/2026`, s.committee, { scores: S75, evidence: [{ kind: 'makeup', id: s.makeupId }, { kind: 'attendance', id: s.invitations.b }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().evidence.map((e: { kind: string }) => e.kind)).toEqual(['makeup', 'attendance']);
  });

  it('answers 404 to another branch\'s committee for the sheet, a member, the approval and the export', async () => {
    const s = await branchWithStudy(ctx);
    await put(`/api/evaluations/${s.a}/2026`, s.committee, { scores: S92 });
    const q = `branchId=${s.branch}&year=2026`;
    expect((await get(`/api/evaluations?${q}`, s.otherCommittee)).statusCode).toBe(404);
    expect((await get(`/api/evaluations/export.xlsx?${q}`, s.otherCommittee)).statusCode).toBe(404);
    expect((await put(`/api/evaluations/${s.b}/2026`, s.otherCommittee, { scores: S75 })).statusCode).toBe(404);
    expect((await post('/api/evaluations/approve', s.otherCommittee, { branchId: s.branch, year: 2026 })).statusCode).toBe(404);
    // Its own branch, naming a member of this one: still 404, and nothing approved.
    const cross = await post('/api/evaluations/approve', s.otherCommittee, { branchId: s.p.branches[1], year: 2026, memberIds: [s.a] });
    expect(cross.statusCode).toBe(404);
    const [row] = await queryRows<{ status: string }>(ctx.db, sql`select status from member_evaluations where member_id = ${s.a}`);
    expect(row.status).toBe('draft');
    expect(await count(s.p.tenantId)).toBe(1);
    // The commune's secretary above both branches reaches this one.
    const upper = await s.user([{ role: 'committee_secretary', orgId: s.p.communes[0] }]);
    expect((await get(`/api/evaluations?${q}`, upper)).statusCode).toBe(200);
    // Evaluations are kept per branch: a grassroots org is refused.
    const notBranch = await get(`/api/evaluations?branchId=${s.p.grassroots[0]}&year=2026`, upper);
    expect(notBranch.statusCode).toBe(422);
    expect(notBranch.json().code).toBe('evaluation.not_branch');
    // Without a session: 401.
    expect((await get(`/api/evaluations?${q}`, '')).statusCode).toBe(401);
  });

  it('lets a member read only their own evaluation, and only once approved', async () => {
    const s = await branchWithStudy(ctx);
    await put(`/api/evaluations/${s.a}/2026`, s.committee, { scores: S92, reasons: 'Gương mẫu' });
    await put(`/api/evaluations/${s.b}/2026`, s.committee, { scores: S75, reasons: 'Còn hạn chế' });
    const draft = (await get('/api/evaluations/mine?year=2026', s.memberA)).json();
    expect(draft).toMatchObject({ member: { id: s.a }, status: 'draft', evaluation: null, scheme: { code: 'qd366-2025' } });
    expect(draft.evidence.reflections.map((r: { id: string }) => r.id)).toEqual([s.reflectionId]);
    await post('/api/evaluations/approve', s.secretary, { branchId: s.branch, year: 2026 });
    const mine = (await get('/api/evaluations/mine?year=2026', s.memberA)).json();
    expect(mine).toMatchObject({ status: 'approved', evaluation: { memberId: s.a, total: 92, reasons: 'Gương mẫu' } });
    expect(JSON.stringify(mine)).not.toContain('Còn hạn chế');
    expect((await get('/api/evaluations/mine?year=2026', s.memberB)).json().evaluation).toMatchObject({ memberId: s.b, total: 75 });
    expect((await get('/api/evaluations/mine?year=2025', s.memberA)).json()).toMatchObject({ status: 'none', evaluation: null });
    // Nothing of the branch: not the sheet, not the export, not another member; their own record is visible, so 403 there.
    expect((await get(`/api/evaluations?branchId=${s.branch}&year=2026`, s.memberA)).statusCode).toBe(404);
    expect((await get(`/api/evaluations/export.xlsx?branchId=${s.branch}&year=2026`, s.memberA)).statusCode).toBe(404);
    expect((await put(`/api/evaluations/${s.c}/2026`, s.memberA, { scores: S92 })).statusCode).toBe(404);
    expect((await put(`/api/evaluations/${s.a}/2027`, s.memberA, { scores: S92 })).statusCode).toBe(403);
    // An officer who is not a member has no "mine".
    expect((await get('/api/evaluations/mine?year=2026', s.secretary)).statusCode).toBe(404);
  });

  it('lists the routes in OpenAPI', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, method] of [
      ['/api/evaluations', 'get'], ['/api/evaluations/schemes', 'get'], ['/api/evaluations/schemes', 'post'], ['/api/evaluations/mine', 'get'],
      ['/api/evaluations/export.xlsx', 'get'], ['/api/evaluations/{memberId}/{year}', 'put'], ['/api/evaluations/approve', 'post'],
    ]) expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
  });
});
