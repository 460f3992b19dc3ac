import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { queryRows } from '../../kernel/db/client.js';
import { ALL, auditCount, gradingClient, gradingSetup, reflectionState } from './reflections.grading.test-fixtures.js';

describeApp('reflection grading', (ctx) => {
  it('takes a draft, refuses to submit it until every criterion has a level, then submits, approves and locks it', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const id = await c.submitText(0);
    const draft = await c.save(id, s.marker, { levels: { a: 'tot', b: 'kha', c: 'kha' }, comment: 'Bài viết bám sát Nghị quyết' });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ gradeStatus: 'draft', grade: { status: 'draft', grade: null, suggestedGrade: null, revision: 1 } });
    const incomplete = await c.submit(id, s.marker);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe('reflection.grade_incomplete');
    expect(incomplete.json().title).toContain('(d) Đề xuất kiến nghị, giải pháp');
    expect(incomplete.json().title).not.toContain('(a)');

    // The grade defaults to the suggestion: Tốt, Khá, Khá, Khá → average 2.25 → Khá.
    const full = await c.save(id, s.marker, { levels: { a: 'tot', b: 'kha', c: 'kha', d: 'kha' }, criterionComments: { d: 'Kiến nghị cụ thể' } });
    expect(full.json().grade).toMatchObject({ grade: 'kha', suggestedGrade: 'kha', criterionComments: { d: 'Kiến nghị cụ thể' } });
    const unknown = await c.save(id, s.marker, { levels: { a: 'xuat_sac' }, grade: 'gioi' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual(['levels.a', 'grade']);

    const submitted = await c.submit(id, s.marker);
    expect(submitted.json()).toMatchObject({ replayed: false, gradeStatus: 'submitted', grade: { status: 'submitted', grade: 'kha' } });
    expect((await reflectionState(ctx, id)).grade_status).toBe('submitted');
    const locked = await c.save(id, s.marker, { levels: ALL('tot') });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'reflection.grade_locked' });
    expect(locked.json().title).toContain('đã gửi');

    // A committee member grades but does not approve; the secretary does, and may set the final grade.
    expect((await c.approve(id, s.marker)).statusCode).toBe(403);
    const approved = await c.approve(id, s.secretary, { grade: 'tot' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ replayed: false, gradeStatus: 'approved', finalGrade: 'tot', grades: [{ status: 'approved' }] });
    const state = await reflectionState(ctx, id);
    expect([state.grade_status, state.final_grade, !!state.graded_at]).toEqual(['approved', 'tot', true]);
    const afterApproval = await c.save(id, s.marker, { levels: ALL('dat') });
    expect(afterApproval.statusCode).toBe(409);
    expect(afterApproval.json().title).toContain('đính chính');
    for (const action of ['reflection.grade.save', 'reflection.grade.submit', 'reflection.grade.approve']) {
      expect(await auditCount(ctx, s.p.tenantId, action), action).toBeGreaterThan(0);
    }
  });

  it('shows the branch queue with every member expected to write, and the grading screen walks it with previous/next', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    await c.settings({ writers: 'covered' });
    const first = await c.submitText(0);
    const third = await c.submitText(2);
    await c.gradeAll(first, 'tot');
    const branches = (await c.req('GET', `/api/reflections/grading-branches?campaignId=${s.campaignId}`, s.marker)).json();
    expect(branches).toEqual([{ id: s.branchId, name: 'Chi bộ 1.1.1', parentName: 'Đảng bộ cơ sở 1.1' }]);
    expect((await c.req('GET', `/api/reflections/grading-branches?campaignId=${s.campaignId}`, s.province)).json()).toEqual([]);
    const queue = await c.queue(s.marker);
    expect(queue.statusCode, queue.body).toBe(200);
    const rows = queue.json().rows as Array<{ fullName: string; status: string; gradeStatus: string; reflectionId: string | null; hasText: boolean; readyToApprove: boolean }>;
    expect(rows.map((r) => [r.fullName, r.status, r.gradeStatus])).toEqual([
      ['Lê Văn Cường', 'submitted', 'ungraded'], ['Nguyễn Văn An', 'submitted', 'submitted'], ['Trần Thị Bình', 'missing', 'ungraded'],
    ]);
    expect(rows[1]).toMatchObject({ hasText: true, readyToApprove: true });
    expect(queue.json().abilities).toEqual({ grade: true, approve: false, seeNames: true });
    const screen = (await c.detail(third, s.marker)).json();
    expect(screen.queue).toEqual({ prev: null, next: first, position: 1, total: 2 });
    expect(screen.reflection).toMatchObject({ fullName: 'Lê Văn Cường', versions: [{ text: 'Bài thu hoạch Nghị quyết', seq: 1 }] });
    expect(screen.rubric.criteria).toHaveLength(4);
    expect((await c.detail(first, s.marker)).json().queue).toMatchObject({ prev: third, next: null });
  });

  it('makes a correction a new revision with its reason, keeping the approved grade until the correction is approved', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const id = await c.submitText(0);
    await c.gradeAll(id, 'kha');
    expect((await c.approve(id, s.secretary)).json().finalGrade).toBe('kha');
    expect((await c.correct(id, s.marker, { reason: '  ' })).statusCode).toBe(400);
    const corrected = await c.correct(id, s.marker, { reason: 'Chấm nhầm tiêu chí (c)' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json().grade).toMatchObject({ revision: 2, status: 'draft', correctionReason: 'Chấm nhầm tiêu chí (c)', grade: 'kha', levels: ALL('kha') });
    // A second correction while one is open is refused; the approved result stays in force meanwhile.
    expect((await c.correct(id, s.marker, { reason: 'Lần nữa' })).statusCode).toBe(422);
    expect(await reflectionState(ctx, id)).toMatchObject({ grade_status: 'approved', final_grade: 'kha' });
    const grades = (await c.detail(id, s.marker)).json().grades;
    expect(grades.map((g: { revision: number; status: string; approvedAt: string | null }) => [g.revision, g.status, !!g.approvedAt]))
      .toEqual([[1, 'superseded', true], [2, 'draft', false]]);

    expect((await c.save(id, s.marker, { levels: ALL('tot') })).statusCode).toBe(200);
    expect((await c.submit(id, s.marker)).statusCode).toBe(200);
    expect((await c.approve(id, s.secretary)).json()).toMatchObject({ replayed: false, finalGrade: 'tot' });
    expect(await reflectionState(ctx, id)).toMatchObject({ grade_status: 'approved', final_grade: 'tot' });
    expect(await auditCount(ctx, s.p.tenantId, 'reflection.grade.correct')).toBe(1);
  });

  it('has one effect for concurrent double submits and concurrent double approvals', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const id = await c.submitText(0);
    expect((await c.save(id, s.marker, { levels: ALL('dat') })).statusCode).toBe(200);
    const submits = await Promise.all(Array.from({ length: 5 }, () => c.submit(id, s.marker)));
    expect(submits.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(submits.filter((r) => !r.json().replayed)).toHaveLength(1);
    expect(await auditCount(ctx, s.p.tenantId, 'reflection.grade.submit')).toBe(1);

    const approvals = await Promise.all(Array.from({ length: 5 }, () => c.approve(id, s.secretary)));
    expect(approvals.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(approvals.filter((r) => !r.json().replayed)).toHaveLength(1);
    expect(new Set(approvals.map((r) => r.json().gradedAt)).size).toBe(1);
    expect(await auditCount(ctx, s.p.tenantId, 'reflection.grade.approve')).toBe(1);
    const rows = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from reflection_grades where reflection_id = ${id}::uuid`);
    expect(rows[0].n).toBe(1);
  });

  it('wants both markers submitted before approval when the campaign has a second marker, and two different people', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const id = await c.submitText(0);
    const off = await c.save(id, s.marker2, { levels: ALL('tot') }, 2);
    expect(off.statusCode).toBe(422);
    expect(off.json().code).toBe('reflection.no_second_marker');
    await c.settings({ secondMarker: true });
    await c.gradeAll(id, 'kha');
    const early = await c.approve(id, s.secretary);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'reflection.not_ready' });
    expect(early.json().title).toContain('người chấm thứ hai');
    expect((await reflectionState(ctx, id)).grade_status).toBe('draft');
    const same = await c.save(id, s.marker, { levels: ALL('tot') }, 2);
    expect(same.json().code).toBe('reflection.same_marker');
    expect((await c.save(id, s.marker2, { levels: ALL('tot') }, 2)).statusCode).toBe(200);
    expect((await c.submit(id, s.marker2, 2)).json().gradeStatus).toBe('submitted');
    const approved = await c.approve(id, s.secretary);
    expect(approved.statusCode, approved.body).toBe(200);
    // The final grade defaults to the first marker's.
    expect(approved.json().finalGrade).toBe('kha');
    expect(approved.json().grades.map((g: { marker: number; status: string }) => [g.marker, g.status])).toEqual([[1, 'approved'], [2, 'approved']]);
  });

  it('hides the writers from a marker under anonymous marking, not from the approving secretary', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    await c.settings({ anonymousMarking: true, writers: 'covered' });
    const id = await c.submitText(1);
    const rows = (await c.queue(s.marker)).json().rows as Array<{ reflectionId: string | null; memberId: string | null; fullName: string | null; label: string; receiptNumber: string }>;
    const graded = rows.find((r) => r.reflectionId === id)!;
    expect(graded).toMatchObject({ memberId: null, fullName: null });
    expect(graded.label).toBe(`Bài số ${graded.receiptNumber}`);
    expect(JSON.stringify(rows)).not.toContain('Trần Thị Bình');
    expect((await c.detail(id, s.marker)).json().reflection).toMatchObject({ fullName: null, memberId: null, label: graded.label });
    const forSecretary = (await c.queue(s.secretary)).json();
    expect(forSecretary.abilities.seeNames).toBe(true);
    expect(forSecretary.rows.find((r: { reflectionId: string }) => r.reflectionId === id).fullName).toBe('Trần Thị Bình');
  });

  it('answers 404 to a committee of another branch and to a member, 403 to an officer who sees the branch but does not grade', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const id = await c.submitText(0);
    for (const cookie of [s.otherCommittee, s.memberCookies[0], s.memberCookies[1]]) {
      expect((await c.queue(cookie)).statusCode).toBe(404);
      expect((await c.detail(id, cookie)).statusCode).toBe(404);
      expect((await c.save(id, cookie, { levels: ALL('tot') })).statusCode).toBe(404);
      expect((await c.approve(id, cookie)).statusCode).toBe(404);
    }
    expect((await c.save(id, s.province, { levels: ALL('tot') })).statusCode).toBe(403);
    expect((await c.detail('00000000-0000-4000-8000-000000000000', s.marker)).statusCode).toBe(404);
    const noSession = await ctx.app.inject({ method: 'GET', url: `/api/reflections/${id}` });
    expect(noSession.statusCode).toBe(401);
    expect(await auditCount(ctx, s.p.tenantId, 'reflection.grade.save')).toBe(0);
  });

  it('describes every grading route in the OpenAPI document', async () => {
    const spec = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    for (const route of ['/api/reflections', '/api/reflections/{id}', '/api/reflections/{id}/grades/{marker}', '/api/reflections/{id}/grades/{marker}/submit',
      '/api/reflections/{id}/approve', '/api/reflections/{id}/corrections', '/api/reflections/grades/bulk', '/api/reflections/grades.xlsx', '/api/reflections/grades/import']) {
      expect(Object.keys(spec.paths), route).toContain(route);
    }
    expect(spec.paths['/api/reflections/{id}/approve'].post.summary).toContain('Bí thư chi bộ duyệt');
  });
});
