import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { queryRows } from '../../kernel/db/client.js';
import { createUser } from '../../../test/factories.js';
import { resolveTarget } from './reflections.grading.bulk.js';
import { branchContext } from './reflections.grading.context.js';
import { queueEntries } from './reflections.grading.js';
import { DEFAULT_RUBRIC } from './reflections.rubric.js';
import { ALL, gradingClient, gradingSetup, type GradingSetup } from './reflections.grading.test-fixtures.js';
import { multipartFiles } from './reflections.test-fixtures.js';

describeApp('reflection grades in bulk and as XLSX', (ctx) => {
  const count = async (table: 'reflection_grades' | 'reflection_versions', tenantId: string) =>
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}`))[0].n;

  async function download(s: GradingSetup, cookie = s.marker) {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/reflections/grades.xlsx?campaignId=${s.campaignId}&branchId=${s.branchId}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let header = 1;
    while (ws.getRow(header).getCell(1).value !== 'STT') header++;
    const headers = (ws.getRow(header).values as string[]).slice(1);
    const col = (name: string) => headers.findIndex((h) => h.startsWith(name)) + 1;
    const rowOf = (name: string) => { for (let r = header + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === name) return ws.getRow(r); throw new Error(name); };
    return { wb, ws, headers, col, rowOf };
  }
  async function upload(s: GradingSetup, wb: ExcelJS.Workbook, commit = false, cookie = s.marker) {
    const body = multipartFiles({}, [{ name: 'ket-qua.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) }]);
    return ctx.app.inject({ method: 'POST', url: `/api/reflections/grades/import?campaignId=${s.campaignId}&branchId=${s.branchId}&commit=${commit}`, headers: { cookie, ...body.headers }, payload: body.payload });
  }

  it('enters a table of paper grades all or none, recording paper hand-ins, and takes the same table again as unchanged', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const [m0, m1, m2] = s.p.members;
    await c.submitText(0);
    const before = { grades: await count('reflection_grades', s.p.tenantId), versions: await count('reflection_versions', s.p.tenantId) };
    const bad = await c.bulk(s.marker, [
      { memberId: m0, grade: 'tot' }, { memberId: m1, levels: ALL('kha') }, { memberId: m2, grade: 'gioi' }, { memberId: s.p.members[3], grade: 'dat' },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('reflection.grades_rejected');
    expect(bad.json().errors).toEqual([
      { path: 'rows.2.grade', message: 'Dòng 3: Xếp loại "gioi" không có trong thang đánh giá (Tốt, Khá, Đạt, Chưa đạt)' },
      { path: 'rows.3.memberId', message: 'Dòng 4: Đảng viên không sinh hoạt tại chi bộ này' },
    ]);
    expect({ grades: await count('reflection_grades', s.p.tenantId), versions: await count('reflection_versions', s.p.tenantId) }).toEqual(before);

    const rows = [{ memberId: m0, grade: 'tot' }, { memberId: m1, levels: ALL('kha') }, { memberId: m2, grade: 'dat', comment: 'Nộp bản giấy' }];
    const ok = await c.bulk(s.marker, rows);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ rows: 3, saved: 3, unchanged: 0, paperRecorded: 2 });
    const queue = (await c.queue(s.marker)).json().rows as Array<{ memberId: string; status: string; gradeStatus: string; grades: Array<{ grade: string; status: string }> }>;
    const byMember = new Map(queue.map((r) => [r.memberId, r]));
    expect([m0, m1, m2].map((m) => [byMember.get(m)!.status, byMember.get(m)!.gradeStatus, byMember.get(m)!.grades[0].grade]))
      .toEqual([['submitted', 'submitted', 'tot'], ['paper', 'submitted', 'kha'], ['paper', 'submitted', 'dat']]);

    expect((await c.bulk(s.marker, rows)).json()).toEqual({ rows: 3, saved: 0, unchanged: 3, paperRecorded: 0 });
    // A new table sent twice at once (a double click, rows in another order): written once, found unchanged by the other.
    const fresh = await gradingSetup(ctx);
    const fc = gradingClient(ctx, fresh);
    const freshRows = fresh.p.members.slice(0, 3).map((memberId, i) => ({ memberId, grade: ['tot', 'kha', 'dat'][i] }));
    const both = await Promise.all([freshRows, [...freshRows].reverse()].map((r) => fc.bulk(fresh.marker, r)));
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => r.json().saved).sort()).toEqual([0, 3]);
    expect(both.reduce((n, r) => n + r.json().paperRecorded, 0)).toBe(3);
    expect(await count('reflection_versions', fresh.p.tenantId)).toBe(3);
    const changed = await c.bulk(s.marker, [{ memberId: m0, grade: 'kha' }]);
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors[0].message).toBe('Dòng 1: Phiếu chấm đã gửi duyệt, không sửa được nữa');
    expect((await c.bulk(s.memberCookies[0], rows)).statusCode).toBe(404);
    expect((await c.bulk(s.otherCommittee, rows)).statusCode).toBe(404);
  });

  it('takes a paper hand-in that another table recorded after this one read the queue as the row to grade, not as another branch\'s', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const actor = await createUser(ctx.db, s.p.tenantId, [{ role: 'branch_committee', orgId: s.branchId }]);
    const context = await branchContext(ctx.db, actor, s.campaignId, s.branchId);
    const memberId = s.p.members[0];
    const before = await queueEntries(ctx.db, actor, context);
    expect(before.find((e) => e.memberId === memberId)?.reflectionId ?? null).toBeNull();
    // The other table (the same one sent twice) commits between this one's queue read and its rows' check.
    expect((await c.bulk(s.marker, [{ memberId, grade: 'tot' }])).statusCode).toBe(200);
    const [reflection] = await queryRows<{ id: string }>(ctx.db, sql`select id from reflections where tenant_id = ${s.p.tenantId} and member_id = ${memberId}`);
    const target = await resolveTarget(ctx.db, actor, context, before.filter((e) => e.memberId !== memberId), { line: 1, memberId, grade: 'tot' });
    expect(typeof target === 'string' ? target : target.reflectionId).toBe(reflection.id);
    const otherBranch = await createUser(ctx.db, s.p.tenantId, [{ role: 'branch_committee', orgId: s.p.branches[1] }]);
    const otherContext = await branchContext(ctx.db, otherBranch, s.campaignId, s.p.branches[1]);
    // Had the member since moved to branch 1, branch 1's table could not grade what branch 0 collected.
    await ctx.db.execute(sql`update members set branch_id = ${s.p.branches[1]} where tenant_id = ${s.p.tenantId} and id = ${memberId}`);
    expect(await resolveTarget(ctx.db, otherBranch, otherContext, [], { line: 1, memberId, grade: 'tot' })).toBe('Bài thu hoạch của đảng viên do chi bộ khác thu nhận');
  });

  it('exports the grades as XLSX and imports the filled sheet back: unchanged rows stay, new grades are saved', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    await c.settings({ writers: 'covered' });
    const first = await c.submitText(0);
    await c.submitText(1);
    expect((await c.save(first, s.marker, { levels: ALL('kha'), comment: '=SUM(A1) không phải công thức' })).statusCode).toBe(200);
    expect((await c.submit(first, s.marker)).statusCode).toBe(200);

    const sheet = await download(s);
    expect(sheet.headers.slice(0, 4)).toEqual(['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Ngày nộp']);
    expect(sheet.headers.slice(4, 8)).toEqual(DEFAULT_RUBRIC.criteria.map((k) => `(${k.key}) ${k.label}`));
    expect(sheet.headers.slice(8, 11)).toEqual(['Xếp loại', 'Nhận xét', 'Trạng thái']);
    const an = sheet.rowOf('Nguyễn Văn An');
    expect([an.getCell(sheet.col('(a)')).value, an.getCell(sheet.col('Xếp loại')).value, an.getCell(sheet.col('Trạng thái')).value]).toEqual(['Khá', 'Khá', 'Chờ duyệt']);
    // A comment that looks like a formula goes out as text, never as a formula.
    expect(an.getCell(sheet.col('Nhận xét')).value).toBe("'=SUM(A1) không phải công thức");
    expect(sheet.rowOf('Trần Thị Bình').getCell(sheet.col('Trạng thái')).value).toBe('Chưa chấm');
    expect(sheet.rowOf('Lê Văn Cường').getCell(sheet.col('Trạng thái')).value).toBe('Chưa nộp bài');

    const same = await upload(s, sheet.wb);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ committed: false, errors: [], saved: 0, unchanged: 1, skipped: 2 });

    const binh = sheet.rowOf('Trần Thị Bình');
    ['Tốt', 'Tốt', 'Khá', 'Tốt'].forEach((v, i) => { binh.getCell(sheet.col(`(${'abcd'[i]})`)).value = v; });
    sheet.rowOf('Lê Văn Cường').getCell(sheet.col('Xếp loại')).value = 'đạt';
    const preview = await upload(s, sheet.wb);
    expect(preview.json()).toMatchObject({ committed: false, errors: [], saved: 2, unchanged: 1, skipped: 0 });
    expect(preview.json().items.map((i: { label: string; grade: string; action: string }) => [i.label, i.grade, i.action]))
      .toEqual([['Lê Văn Cường', 'dat', 'save'], ['Nguyễn Văn An', 'kha', 'unchanged'], ['Trần Thị Bình', 'tot', 'save']]);
    expect(await count('reflection_grades', s.p.tenantId)).toBe(1);
    const committed = await upload(s, sheet.wb, true);
    expect(committed.json()).toMatchObject({ committed: true, saved: 2, unchanged: 1, paperRecorded: 1 });

    const again = await download(s);
    expect(again.rowOf('Trần Thị Bình').getCell(again.col('Xếp loại')).value).toBe('Tốt');
    expect(again.rowOf('Lê Văn Cường').getCell(again.col('Trạng thái')).value).toBe('Chờ duyệt');
    const comment = await queryRows<{ comment: string }>(ctx.db, sql`select comment from reflection_grades where reflection_id = ${first}::uuid`);
    expect(comment[0].comment).toBe('=SUM(A1) không phải công thức');
  });

  it('reports bad cells by row and column in Vietnamese and writes nothing', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    await c.settings({ writers: 'covered' });
    await c.submitText(0);
    const sheet = await download(s);
    const an = sheet.rowOf('Nguyễn Văn An');
    an.getCell(sheet.col('(b)')).value = 'Xuất sắc';
    an.getCell(sheet.col('Xếp loại')).value = 'Giỏi';
    const stranger = sheet.rowOf('Lê Văn Cường');
    stranger.getCell(sheet.col('Họ và tên')).value = 'Phạm Văn Không Có';
    stranger.getCell(sheet.col('Mã hồ sơ')).value = null;
    stranger.getCell(sheet.col('Xếp loại')).value = 'Khá';
    const res = await upload(s, sheet.wb);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([
      { row: an.number, column: '(b) Nhận thức của bản thân về những điểm cơ bản, điểm mới', message: 'Mức "Xuất sắc" không có trong thang đánh giá (Tốt, Khá, Đạt, Chưa đạt)' },
      { row: an.number, column: 'Xếp loại', message: 'Xếp loại "Giỏi" không có trong thang đánh giá (Tốt, Khá, Đạt, Chưa đạt)' },
      { row: stranger.number, column: 'Họ và tên', message: 'Không có đảng viên "Phạm Văn Không Có" trong danh sách của chi bộ' },
    ].sort((a, b) => a.row - b.row));
    const commit = await upload(s, sheet.wb, true);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().code).toBe('reflection.grades_rejected');
    expect(commit.json().errors[0].message).toContain(`Dòng ${Math.min(an.number, stranger.number)}, cột`);
    expect(await count('reflection_grades', s.p.tenantId)).toBe(0);

    const notExcel = multipartFiles({}, [{ name: 'ket-qua.xlsx', bytes: Buffer.from('STT,Họ và tên\n1,An') }]);
    const csv = await ctx.app.inject({ method: 'POST', url: `/api/reflections/grades/import?campaignId=${s.campaignId}&branchId=${s.branchId}`, headers: { cookie: s.marker, ...notExcel.headers }, payload: notExcel.payload });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().code).toBe('import.file_type');
  });

  it('keeps old settings callers working, validates a custom rubric and freezes it once grading has begun', async () => {
    const s = await gradingSetup(ctx);
    const c = gradingClient(ctx, s);
    const initial = await c.settings({});
    expect(initial).toMatchObject({ writers: 'studied', secondMarker: false, anonymousMarking: false, customRubric: false, rubric: DEFAULT_RUBRIC });
    await c.settings({ secondMarker: true, anonymousMarking: true });
    // A caller that knows nothing of grading leaves the grading settings as they are.
    expect(await c.settings({ maxPages: 4 })).toMatchObject({ maxPages: 4, secondMarker: true, anonymousMarking: true });
    const dup = await c.req('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province, {
      mustHandwrite: false, dueAt: null, cutoffAt: null, maxPages: 10,
      rubric: { ...DEFAULT_RUBRIC, grades: [...DEFAULT_RUBRIC.grades, { key: 'tot', label: 'Xuất sắc', minAverage: 0 }] },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors.map((e: { message: string }) => e.message)).toContain('Mã "tot" bị trùng');
    const twoGrades = { ...DEFAULT_RUBRIC, grades: [{ key: 'dat', label: 'Đạt', minAverage: 1 }, { key: 'khong_dat', label: 'Không đạt', minAverage: 0 }] };
    expect(await c.settings({ rubric: twoGrades })).toMatchObject({ customRubric: true, rubric: { grades: [{ key: 'dat' }, { key: 'khong_dat' }] } });
    const id = await c.submitText(0);
    expect((await c.save(id, s.marker, { levels: ALL('kha') })).json().grade.grade).toBe('dat');
    const frozen = await c.req('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province, { mustHandwrite: false, dueAt: null, cutoffAt: null, maxPages: 10, rubric: null });
    expect(frozen.statusCode).toBe(422);
    expect(frozen.json().code).toBe('reflection.rubric_in_use');
  });
});
