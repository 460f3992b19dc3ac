import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign, scheduledConference } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { ensureDefaultScheme } from '../evaluations/index.js';
import { multipartFiles, photo } from '../reflections/reflections.test-fixtures.js';

describeApp('member file', (ctx) => {
  const get = (url: string, cookie?: string) => ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  /**
   * A province campaign with one conference. Member 0 (branch 0) checked in by QR, handed in twice
   * from the phone (with two photos the second time) and was graded and approved; member 1 was absent,
   * made up, handed in on paper and has a draft grade only; member 0 has an approved 2026 evaluation.
   */
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const conferenceId = await scheduledConference(ctx.db, p.tenantId, campaignId, p.rootId);
    const [m0, m1] = p.members;
    await ctx.db.execute(sql`update conference_invitations set status = 'present', checked_in_at = now(), check_in_method = 'qr'
      where tenant_id = ${p.tenantId} and member_id = ${m0}`);
    await ctx.db.execute(sql`update conference_invitations set status = 'absent', absence_reason = 'Đi công tác'
      where tenant_id = ${p.tenantId} and member_id = ${m1}`);
    const [inv] = await queryRows<{ id: string }>(ctx.db, sql`select id from conference_invitations where tenant_id = ${p.tenantId} and member_id = ${m1}`);
    await ctx.db.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id, mode, status, confirmed_at)
      values (${p.tenantId}, ${newId()}, ${campaignId}, ${conferenceId}, ${inv.id}, ${m1}, ${p.branches[0]}, 'self_study', 'completed', now())`);

    const secretary = await createUser(ctx.db, p.tenantId, [{ role: 'branch_secretary', orgId: p.branches[0] }]);
    const committee = await sessionCookie(ctx.db, secretary);
    const self0 = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], m0));
    const self1 = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], m1));
    for (const files of [[], [await photo(), await photo({ gray: 90 })]]) {
      const body = multipartFiles({ text: 'Bài thu hoạch về Nghị quyết' }, files.map((bytes, i) => ({ name: `t${i}.jpg`, bytes, mime: 'image/jpeg' })));
      const res = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${campaignId}`, headers: { cookie: self0, ...body.headers }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(201);
    }
    const paper = await ctx.app.inject({ method: 'POST', url: '/api/reflections/paper', headers: { cookie: committee }, payload: { campaignId, memberId: m1 } });
    expect(paper.statusCode, paper.body).toBe(200);
    const reflectionOf = async (m: string) => (await queryRows<{ id: string; branch_id: string }>(ctx.db, sql`select id, branch_id from reflections
      where tenant_id = ${p.tenantId} and member_id = ${m}`))[0];
    const r0 = await reflectionOf(m0); const r1 = await reflectionOf(m1);
    await ctx.db.execute(sql`insert into reflection_grades (tenant_id, id, reflection_id, campaign_id, branch_id, levels, criterion_comments, comment, grade, status,
        graded_by, submitted_at, approved_by, approved_at)
      values (${p.tenantId}, ${newId()}, ${r0.id}, ${campaignId}, ${r0.branch_id}, ${JSON.stringify({ a: 'tot', b: 'kha', c: 'tot', d: 'kha' })}::jsonb,
        ${JSON.stringify({ c: 'Liên hệ sát thực tế địa phương' })}::jsonb, 'Bài viết nghiêm túc', 'tot', 'approved', ${secretary.userId}, now(), ${secretary.userId}, now())`);
    await ctx.db.execute(sql`update reflections set grade_status = 'approved', final_grade = 'tot' where tenant_id = ${p.tenantId} and id = ${r0.id}`);
    await ctx.db.execute(sql`insert into reflection_grades (tenant_id, id, reflection_id, campaign_id, branch_id, levels, grade, status, graded_by)
      values (${p.tenantId}, ${newId()}, ${r1.id}, ${campaignId}, ${r1.branch_id}, ${JSON.stringify({ a: 'dat' })}::jsonb, null, 'draft', ${secretary.userId})`);
    await ctx.db.execute(sql`update reflections set grade_status = 'draft' where tenant_id = ${p.tenantId} and id = ${r1.id}`);
    await ensureDefaultScheme(ctx.db, p.tenantId);
    const [scheme] = await queryRows<{ id: string }>(ctx.db, sql`select id from evaluation_schemes where tenant_id = ${p.tenantId}`);
    await ctx.db.execute(sql`insert into member_evaluations (tenant_id, id, member_id, year, scheme_id, branch_id, scores, total, grade, reasons, status, evaluated_by, approved_by, approved_at)
      values (${p.tenantId}, ${newId()}, ${m0}, 2026, ${scheme.id}, ${p.branches[0]},
        ${JSON.stringify({ chinh_tri_tu_tuong: 7, dao_duc_loi_song: 7, to_chuc_ky_luat: 6, hoc_tap_nghi_quyet: 6, nhiem_vu_duoc_giao: 30, chuong_trinh_hanh_dong: 10, nhiem_vu_chi_bo: 9 })}::jsonb,
        75, 'tot', 'Hoàn thành tốt các nhiệm vụ được giao', 'approved', ${secretary.userId}, ${secretary.userId}, now())`);
    return { p, campaignId, m0, m1, committee, self0, self1, secretary };
  }

  it('shows the branch committee a member\'s attendance, every reflection version and the approved grading', async () => {
    const s = await setup();
    const res = await get(`/api/members/${s.m0}/file`, s.committee);
    expect(res.statusCode, res.body).toBe(200);
    const file = res.json();
    expect(file.member).toMatchObject({ id: s.m0, fullName: 'Nguyễn Văn An', branch: { id: s.p.branches[0], name: 'Chi bộ 1.1.1', parentName: 'Đảng bộ cơ sở 1.1' } });
    expect(file.campaigns).toHaveLength(1);
    const [c] = file.campaigns;
    expect(c).toMatchObject({ id: s.campaignId, studied: 'attended', makeups: [] });
    expect(c.conferences).toEqual([expect.objectContaining({ status: 'present', checkInMethod: 'qr', absenceReason: null })]);
    expect(c.reflection.versions.map((v: { seq: number; pages: number; source: string }) => [v.seq, v.pages, v.source])).toEqual([[2, 2, 'member'], [1, 0, 'member']]);
    expect(c.reflection.versions[0].receiptNumber).toMatch(/^BTH-/);
    expect(c.reflection).toMatchObject({ gradeStatus: 'approved', finalGrade: 'tot', finalGradeLabel: 'Tốt' });
    const [grade] = c.reflection.grades;
    expect(grade).toMatchObject({ status: 'approved', gradeLabel: 'Tốt', comment: 'Bài viết nghiêm túc', approvedByName: expect.stringContaining('Người dùng') });
    expect(grade.levels.map((l: { criterion: string; levelLabel: string }) => [l.criterion, l.levelLabel])).toEqual([['a', 'Tốt'], ['b', 'Khá'], ['c', 'Tốt'], ['d', 'Khá']]);
    expect(grade.levels[0].criterionLabel).toBe('Bám sát nội dung Nghị quyết');
    expect(grade.levels[2].comment).toBe('Liên hệ sát thực tế địa phương');
    expect(file.evaluations).toEqual([expect.objectContaining({ year: 2026, total: 75, general: 26, tasks: 49, gradeLabel: 'Hoàn thành tốt nhiệm vụ', status: 'approved' })]);
  });

  it('shows absence, make-up and a draft grade to those who grade; the member sees their own file without the draft', async () => {
    const s = await setup();
    const byCommittee = (await get(`/api/members/${s.m1}/file`, s.committee)).json();
    const [c] = byCommittee.campaigns;
    expect(c).toMatchObject({ studied: 'made_up', conferences: [{ status: 'absent', absenceReason: 'Đi công tác' }] });
    expect(c.makeups).toEqual([expect.objectContaining({ mode: 'self_study', status: 'completed', conferenceTitle: 'Hội nghị học tập, quán triệt Nghị quyết' })]);
    expect(c.reflection).toMatchObject({ status: 'paper', versions: [{ source: 'paper', pages: 0 }] });
    expect(c.reflection.grades.map((g: { status: string }) => g.status)).toEqual(['draft']);
    const own = await get(`/api/members/${s.m1}/file`, s.self1);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().abilities).toMatchObject({ isSelf: true, seeGrading: false });
    expect(own.json().campaigns[0].reflection.grades).toEqual([]);
    expect(own.json().campaigns[0].makeups).toHaveLength(1);
  });

  it('answers 404 to another branch\'s committee, another commune and another member; 401 without a session', async () => {
    const s = await setup();
    const other = async (role: 'branch_committee' | 'propaganda_officer', orgId: string) =>
      sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [{ role, orgId }]));
    const notFound = await get(`/api/members/${s.m0}/file`, await other('branch_committee', s.p.branches[1]));
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().code).toBe('member.not_found');
    expect((await get(`/api/members/${s.m0}/file`, await other('propaganda_officer', s.p.communes[1]))).statusCode).toBe(404);
    expect((await get(`/api/members/${s.m0}/file`, s.self1)).statusCode).toBe(404);
    expect((await get(`/api/members/${s.m0}/file`, s.self0)).statusCode).toBe(200);
    expect((await get(`/api/members/${s.m0}/file`, await other('propaganda_officer', s.p.rootId))).statusCode).toBe(200);
    expect((await get(`/api/members/${newId()}/file`, s.committee)).statusCode).toBe(404);
    expect((await get(`/api/members/${s.m0}/file`)).statusCode).toBe(401);
  });
});
