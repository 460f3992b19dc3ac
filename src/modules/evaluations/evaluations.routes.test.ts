import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { queryRows } from '../../kernel/db/client.js';
import { auditCount, branchWithStudy, http, S60, S75, S92 } from './evaluations.test-fixtures.js';
import { listMemberEvaluations } from './index.js';

describeApp('year-end evaluations', (ctx) => {
  const { get, post, put } = http(ctx);
  const sheetUrl = (branchId: string, year = 2026) => `/api/evaluations?branchId=${branchId}&year=${year}`;

  it('runs draft → approve: the committee scores, the server totals and grades, the secretary approves', async () => {
    const s = await branchWithStudy(ctx);
    const first = await put(`/api/evaluations/${s.a}/2026`, s.committee, {
      scores: S92, confirmations: ['vuot_muc_30'], reasons: 'Hoàn thành vượt mức các chỉ tiêu được giao',
      evidence: [{ kind: 'attendance', id: s.invitations.a }, { kind: 'reflection', id: s.reflectionId }],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ total: 92, grade: 'xuat_sac', gradeLabel: 'Hoàn thành xuất sắc nhiệm vụ', status: 'draft', confirmations: ['vuot_muc_30'] });
    expect(first.json().evidence).toEqual([
      { kind: 'attendance', id: s.invitations.a, campaignId: s.campaignId }, { kind: 'reflection', id: s.reflectionId, campaignId: s.campaignId },
    ]);
    expect((await put(`/api/evaluations/${s.b}/2026`, s.committee, { scores: S75, reasons: null })).json()).toMatchObject({ total: 75, grade: 'tot' });

    // The committee scores but does not approve: that is the branch secretary's (it sees the branch: 403).
    const byCommittee = await post('/api/evaluations/approve', s.committee, { branchId: s.branch, year: 2026 });
    expect(byCommittee.statusCode).toBe(403);
    const approved = await post('/api/evaluations/approve', s.secretary, { branchId: s.branch, year: 2026 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({ approved: 2, alreadyApproved: 0, skipped: [{ memberId: s.c, fullName: 'Lê Văn Cường', reason: 'Chưa chấm điểm' }] });

    const sheet = (await get(sheetUrl(s.branch), s.secretary)).json();
    expect(sheet).toMatchObject({ year: 2026, canManage: true, canApprove: true, actionPlansTracked: false, scheme: { code: 'qd366-2025' } });
    const byMember = new Map(sheet.rows.map((r: { member: { id: string } }) => [r.member.id, r]));
    expect(byMember.size).toBe(3);
    expect(byMember.get(s.a)).toMatchObject({ evaluation: { status: 'approved', total: 92, grade: 'xuat_sac' } });
    expect(byMember.get(s.b)).toMatchObject({ evaluation: { status: 'approved', grade: 'tot' } });
    expect(byMember.get(s.c)).toMatchObject({ evaluation: null });
    expect((await get(sheetUrl(s.branch), s.committee)).json().canApprove).toBe(false);
    expect(await auditCount(ctx, s.p.tenantId, 'evaluation.save')).toBe(2);
    expect(await auditCount(ctx, s.p.tenantId, 'evaluation.approve')).toBe(2);
    // What the member file reads through index.ts.
    expect(await listMemberEvaluations(ctx.db, s.p.tenantId, s.a)).toEqual([
      expect.objectContaining({ year: 2026, status: 'approved', total: 92, gradeLabel: 'Hoàn thành xuất sắc nhiệm vụ' }),
    ]);
  });

  it('shows each member\'s study of the year live: attendance, make-up, reflection grade; not other years nor cancelled ones', async () => {
    const s = await branchWithStudy(ctx);
    const rows = (await get(sheetUrl(s.branch), s.committee)).json().rows as Array<{ member: { id: string }; evidence: any }>;
    const ev = (id: string) => rows.find((r) => r.member.id === id)!.evidence;
    expect(ev(s.a).attendance).toEqual([expect.objectContaining({ id: s.invitations.a, status: 'present', conferenceId: s.conferenceId, makeup: null })]);
    expect(ev(s.a).reflections).toEqual([expect.objectContaining({ id: s.reflectionId, gradeStatus: 'approved', finalGrade: 'tot', finalGradeLabel: 'Tốt' })]);
    expect(ev(s.a).missingReflections).toEqual([]);
    expect(ev(s.b).attendance[0]).toMatchObject({ status: 'absent', absenceReason: 'Ốm', makeup: { id: s.makeupId, status: 'completed' } });
    expect(ev(s.b).missingReflections).toEqual([{ campaignId: s.campaignId, campaignTitle: expect.any(String) }]);
    expect(ev(s.c).attendance[0]).toMatchObject({ status: 'absent', makeup: null });
    expect(ev(s.c).missingReflections).toEqual([]);
    expect(ev(s.a).actionPlan).toBeNull();
    // Linked, not copied: a later change to the record shows at once.
    await ctx.db.execute(sql`update reflections set final_grade = 'kha' where id = ${s.reflectionId}`);
    const again = (await get(sheetUrl(s.branch), s.committee)).json().rows.find((r: { member: { id: string } }) => r.member.id === s.a);
    expect(again.evidence.reflections[0]).toMatchObject({ finalGrade: 'kha', finalGradeLabel: 'Khá' });
    const year2025 = (await get(sheetUrl(s.branch, 2025), s.committee)).json().rows.find((r: { member: { id: string } }) => r.member.id === s.a);
    expect(year2025.evidence.attendance.map((x: { id: string }) => x.id)).toEqual([s.invitations.aOld]);
    expect(year2025.evidence.reflections).toEqual([]);
  });

  it('computes total and grade itself: a client total is ignored, a mismatching grade and bad scores are refused', async () => {
    const s = await branchWithStudy(ctx);
    const url = `/api/evaluations/${s.a}/2026`;
    const ignored = await put(url, s.committee, { scores: S60, total: 100, reasons: 'x' });
    expect(ignored.json()).toMatchObject({ total: 60, grade: 'hoan_thanh' });
    // 92 points without the confirmed "≥ 30% beyond target" is Hoàn thành tốt, not xuất sắc.
    expect((await put(url, s.committee, { scores: S92 })).json()).toMatchObject({ total: 92, grade: 'tot' });
    const mismatch = await put(url, s.committee, { scores: S92, grade: 'xuat_sac' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ code: 'evaluation.grade_mismatch', params: { total: 92, grade: 'tot' } });
    const over = await put(url, s.committee, { scores: { ...S92, to_chuc_ky_luat: 7.5 } });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([{ path: 'scores.to_chuc_ky_luat', message: expect.stringContaining('từ 0 đến 7') }]);
    expect((await put(url, s.committee, { scores: { ...S92, nhiem_vu_duoc_giao: 30.3 } })).json().errors[0].message).toContain('bước 0,5');
    expect((await put(url, s.committee, { scores: { khong_co: 1 } })).statusCode).toBe(400);
    // A partial sheet is a valid draft (total of what is scored) but is not approved.
    expect((await put(`/api/evaluations/${s.b}/2026`, s.committee, { scores: { nhiem_vu_duoc_giao: 35 } })).json()).toMatchObject({ total: 35, grade: 'khong' });
    const res = (await post('/api/evaluations/approve', s.secretary, { branchId: s.branch, year: 2026, memberIds: [s.a, s.b] })).json();
    expect(res).toMatchObject({ approved: 1, skipped: [{ memberId: s.b, reason: 'Chưa chấm đủ các tiêu chí' }] });
    const [row] = await queryRows<{ total: number; grade: string }>(ctx.db, sql`select total, grade from member_evaluations where member_id = ${s.a}`);
    expect(row).toEqual({ total: 92, grade: 'tot' });
  });

  it('locks an approved evaluation with a Vietnamese message', async () => {
    const s = await branchWithStudy(ctx);
    await put(`/api/evaluations/${s.a}/2026`, s.committee, { scores: S75, reasons: 'Ban đầu' });
    expect((await post('/api/evaluations/approve', s.secretary, { branchId: s.branch, year: 2026, memberIds: [s.a] })).json().approved).toBe(1);
    const edit = await put(`/api/evaluations/${s.a}/2026`, s.secretary, { scores: S92, reasons: 'Sửa sau khi duyệt' });
    expect(edit.statusCode).toBe(422);
    expect(edit.json()).toMatchObject({ code: 'evaluation.locked', title: 'Kết quả đánh giá, xếp loại đã được Bí thư chi bộ duyệt, không thể sửa' });
    const [row] = await queryRows<{ total: number; reasons: string; status: string }>(ctx.db, sql`select total, reasons, status from member_evaluations where member_id = ${s.a}`);
    expect(row).toEqual({ total: 75, reasons: 'Ban đầu', status: 'approved' });
  });

  it('approves each evaluation once when two approvals run at the same time', async () => {
    const s = await branchWithStudy(ctx);
    for (const [m, scores] of [[s.a, S92], [s.b, S75], [s.c, S60]] as const) await put(`/api/evaluations/${m}/2026`, s.committee, { scores });
    const results = await Promise.all(Array.from({ length: 3 }, () => post('/api/evaluations/approve', s.secretary, { branchId: s.branch, year: 2026 })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const bodies = results.map((r) => r.json());
    expect(bodies.reduce((n, b) => n + b.approved, 0)).toBe(3);
    for (const b of bodies) expect(b.approved + b.alreadyApproved).toBe(3);
    expect(await auditCount(ctx, s.p.tenantId, 'evaluation.approve')).toBe(3);
    const rows = await queryRows<{ status: string }>(ctx.db, sql`select status from member_evaluations where tenant_id = ${s.p.tenantId}`);
    expect(rows.map((r) => r.status)).toEqual(['approved', 'approved', 'approved']);
  });

  it('exports the branch sheet to XLSX with a title, Vietnamese headers, one row per member and no formulas', async () => {
    const s = await branchWithStudy(ctx);
    await ctx.db.execute(sql`update members set card_number = '01234567' where id = ${s.a}`);
    await put(`/api/evaluations/${s.a}/2026`, s.committee, { scores: S92, confirmations: ['vuot_muc_30'], reasons: '=HYPERLINK("http://x","bấm")' });
    await put(`/api/evaluations/${s.b}/2026`, s.committee, { scores: S75 });
    await post('/api/evaluations/approve', s.secretary, { branchId: s.branch, year: 2026, memberIds: [s.a] });
    const res = await get(`/api/evaluations/export.xlsx?branchId=${s.branch}&year=2026`, s.committee);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toBe('BẢNG TỔNG HỢP ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2026');
    expect(String(ws.getCell(3, 4).value)).toBe('Tiêu chí chung (30 điểm)');
    const headers = (ws.getRow(4).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 3)).toEqual(['STT', 'Họ và tên', 'Số thẻ']);
    expect(headers.slice(-4)).toEqual(['Tổng điểm', 'Xếp loại', 'Lý do', 'Trạng thái']);
    expect(headers).toHaveLength(3 + 7 + 4);
    expect(headers[3]).toMatch(/^Chính trị, tư tưởng.*\(tối đa 8\)$/);
    const rows = [5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([[1, 'Lê Văn Cường'], [2, 'Nguyễn Văn An'], [3, 'Trần Thị Bình']]);
    const rowA = rows.find((r) => r[1] === 'Nguyễn Văn An')!;
    expect(rowA.slice(0, 3)).toEqual([expect.any(Number), 'Nguyễn Văn An', '01234567']);
    expect(rowA.slice(3, 10)).toEqual([8, 8, 7, 7, 38, 12, 12]);
    expect(rowA.slice(10)).toEqual([92, 'Hoàn thành xuất sắc nhiệm vụ', '\'=HYPERLINK("http://x","bấm")', 'Đã duyệt']);
    expect(ws.getRow(rows.indexOf(rowA) + 5).getCell(12).formula).toBeUndefined();
    expect(rows.find((r) => r[1] === 'Trần Thị Bình')!.slice(10)).toEqual([75, 'Hoàn thành tốt nhiệm vụ', undefined, 'Dự thảo']);
    expect(rows.find((r) => r[1] === 'Lê Văn Cường')![13]).toBe('Chưa đánh giá');
    expect(ws.getRow(8).values).toEqual([]);
  });

  it('keeps the rules as data: a second scheme from 2027 applies to 2027, not to 2026', async () => {
    const s = await branchWithStudy(ctx);
    const scheme = {
      code: 'thu-nghiem-2027', name: 'Quy định thử nghiệm từ năm 2027', fromYear: 2027,
      criteria: [{ key: 'chung', group: 'general', label: 'Tiêu chí chung', maxPoints: 40 }, { key: 'nhiem_vu', group: 'tasks', label: 'Nhiệm vụ', maxPoints: 60 }],
      grades: [{ key: 'tot', label: 'Tốt', minScore: 80 }, { key: 'dat', label: 'Đạt', minScore: 0 }],
    };
    expect((await post('/api/evaluations/schemes', s.committee, scheme)).statusCode).toBe(404);
    const bad = await post('/api/evaluations/schemes', s.province, { ...scheme, criteria: [scheme.criteria[0], { ...scheme.criteria[1], maxPoints: 59 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toContain('phải bằng 100 (hiện là 99)');
    const created = await post('/api/evaluations/schemes', s.province, scheme);
    expect(created.statusCode, created.body).toBe(201);
    expect((await post('/api/evaluations/schemes', s.province, scheme)).statusCode).toBe(409);
    expect(await auditCount(ctx, s.p.tenantId, 'evaluation_scheme.create')).toBe(1);

    const forYear = async (y: number) => (await get(`/api/evaluations/schemes?year=${y}`, s.memberA)).json().map((x: { code: string }) => x.code);
    expect([await forYear(2026), await forYear(2027), await forYear(2024)]).toEqual([['qd366-2025'], ['thu-nghiem-2027'], []]);
    const in2027 = await put(`/api/evaluations/${s.a}/2027`, s.committee, { scores: { chung: 40, nhiem_vu: 45 } });
    expect(in2027.json()).toMatchObject({ schemeId: created.json().id, total: 85, grade: 'tot', gradeLabel: 'Tốt' });
    expect((await put(`/api/evaluations/${s.a}/2027`, s.committee, { scores: S75 })).statusCode).toBe(400);
    expect((await put(`/api/evaluations/${s.a}/2026`, s.committee, { scores: { chung: 40 } })).statusCode).toBe(400);
    expect((await put(`/api/evaluations/${s.a}/2026`, s.committee, { scores: S75 })).json().grade).toBe('tot');
    expect((await get(sheetUrl(s.branch, 2027), s.committee)).json().scheme.code).toBe('thu-nghiem-2027');
    const none = await get(sheetUrl(s.branch, 2024), s.committee);
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('evaluation.no_scheme');
  });
});
