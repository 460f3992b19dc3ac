import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { queryRows } from '../../kernel/db/client.js';
import { client, materialsWorld, memberLogin, setMember } from './materials.test-fixtures.js';

describeApp('materials: masters, variants, members, readers', (ctx) => {
  async function publishedPair() {
    const w = await materialsWorld(ctx.db, ctx.app);
    const officer = client(ctx.app, w.officer.cookie);
    const master = await officer.post('/api/materials', {
      campaignId: w.campaignId, orgId: w.p.rootId, kind: 'study', title: 'Tài liệu học tập Nghị quyết Đại hội XVI',
      summary: 'Những nội dung cơ bản, điểm mới', body: 'Phần thứ nhất. Bối cảnh…\n\nPhần thứ hai. Mục tiêu…',
    });
    expect(master.statusCode).toBe(201);
    expect(master.json()).toMatchObject({ status: 'draft', kind: 'study', masterId: null });
    const variant = await officer.post('/api/materials', {
      masterId: master.json().id, audienceCode: 'dan_toc_thieu_so', title: 'Tài liệu học tập (bản dành cho đồng bào dân tộc thiểu số)', body: 'Nội dung ngắn gọn, dễ hiểu.',
    });
    expect(variant.statusCode).toBe(201);
    expect(variant.json()).toMatchObject({ kind: 'study', masterId: master.json().id, audienceCode: 'dan_toc_thieu_so', orgId: w.p.rootId, campaignId: w.campaignId });
    for (const id of [master.json().id, variant.json().id]) expect((await officer.post(`/api/materials/${id}/publish`)).json().status).toBe('published');
    return { ...w, officerClient: officer, masterId: master.json().id as string, variantId: variant.json().id as string };
  }

  it('gives a Kinh member the master and an ethnic-minority member the variant, and counts each reader once', async () => {
    const w = await publishedPair();
    const [kinhId, minorityId] = [w.p.members[12], w.p.members[0]]; // commune 2, commune 1
    await setMember(ctx.db, minorityId, { ethnicity: 'Ê-đê' });
    const kinh = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, kinhId, w.p.branches[4])).cookie);
    const minority = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, minorityId, w.p.branches[0])).cookie);

    const kinhList = (await kinh.get(`/api/materials/mine?campaignId=${w.campaignId}`)).json();
    expect(kinhList).toEqual([expect.objectContaining({ id: w.masterId, masterId: w.masterId, audienceCode: null, kind: 'study', opened: false })]);
    const minorityList = (await minority.get(`/api/materials/mine?campaignId=${w.campaignId}`)).json();
    expect(minorityList).toEqual([expect.objectContaining({ id: w.variantId, masterId: w.masterId, audienceName: 'Đảng viên là người dân tộc thiểu số', opened: false })]);

    for (let i = 0; i < 2; i++) expect((await minority.get(`/api/materials/${w.variantId}`)).json().body).toBe('Nội dung ngắn gọn, dễ hiểu.');
    expect((await kinh.get(`/api/materials/${w.masterId}`)).statusCode).toBe(200);
    const views = await queryRows<{ memberId: string; branchId: string; openCount: number }>(ctx.db, sql`
      select member_id as "memberId", branch_id as "branchId", open_count as "openCount" from material_views
      where tenant_id = ${w.p.tenantId} order by open_count desc`);
    expect(views).toEqual([{ memberId: minorityId, branchId: w.p.branches[0], openCount: 2 }, { memberId: kinhId, branchId: w.p.branches[4], openCount: 1 }]);
    expect((await minority.get(`/api/materials/mine?campaignId=${w.campaignId}`)).json()[0]).toMatchObject({ opened: true, lastOpenedAt: expect.any(String) });

    const roll = (await w.officerClient.get(`/api/materials/${w.masterId}/readers?orgId=${w.p.rootId}`)).json();
    expect(roll.total).toEqual({ targeted: 24, opened: 2, percent: 8.3 });
    expect(roll.orgs.map((o: { orgId: string; targeted: number; opened: number; percent: number }) => [o.orgId, o.targeted, o.opened, o.percent]))
      .toEqual([[w.p.communes[0], 12, 1, 8.3], [w.p.communes[1], 12, 1, 8.3]]);
    const variantRoll = (await w.officerClient.get(`/api/materials/${w.variantId}/readers?orgId=${w.p.communes[0]}`)).json();
    expect(variantRoll.total).toEqual({ targeted: 1, opened: 1, percent: 100 });
    expect(variantRoll.orgs.map((o: { targeted: number }) => o.targeted)).toEqual([1, 0]);

    const branch = (await w.officerClient.get(`/api/materials/${w.masterId}/readers?branchId=${w.p.branches[0]}`)).json();
    expect(branch.total).toEqual({ targeted: 3, opened: 1, percent: 33.3 });
    expect(branch.members.find((m: { memberId: string }) => m.memberId === minorityId))
      .toMatchObject({ opened: true, openCount: 2, version: 'Đảng viên là người dân tộc thiểu số', firstOpenedAt: expect.any(String) });
    expect(branch.members.filter((m: { opened: boolean }) => !m.opened)).toHaveLength(2);

    const list = (await w.officerClient.get(`/api/materials?campaignId=${w.campaignId}&orgId=${w.p.rootId}`)).json();
    expect(list.abilities.canCreate).toBe(true);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: w.masterId, readers: 1, opens: 1, canManage: true, orgName: 'Đảng bộ tỉnh Thử Nghiệm' });
    expect(list.items[0].variants).toEqual([expect.objectContaining({ id: w.variantId, audienceName: 'Đảng viên là người dân tộc thiểu số', readers: 1, opens: 2 })]);
  });

  it('allows one variant per audience, takes the master\'s kind, and follows audience priority', async () => {
    const w = await publishedPair();
    const again = await w.officerClient.post('/api/materials', { masterId: w.masterId, audienceCode: 'dan_toc_thieu_so', title: 'Bản thứ hai' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'material.variant_exists', title: 'Tài liệu đã có phiên bản cho đối tượng này' });
    const wrongKind = await w.officerClient.post('/api/materials', { masterId: w.masterId, audienceCode: 'can_bo', kind: 'qa', title: 'Bản cán bộ' });
    expect(wrongKind.json().errors).toEqual([{ path: 'kind', message: 'Phiên bản phải cùng loại với tài liệu gốc' }]);
    const unknown = await w.officerClient.post('/api/materials', { masterId: w.masterId, audienceCode: 'khong_co', title: 'Bản lạ' });
    expect(unknown.json().code).toBe('material.audience_unknown');
    const cadre = await w.officerClient.post('/api/materials', { masterId: w.masterId, audienceCode: 'can_bo', title: 'Bản dành cho cán bộ', body: 'Chuyên sâu.' });
    await w.officerClient.post(`/api/materials/${cadre.json().id}/publish`);

    // A committee member reads the cadres' version; one who is also of an ethnic minority reads that one (priority 10 < 40).
    const [cadreOnly, both] = [w.p.members[3], w.p.members[4]];
    await setMember(ctx.db, cadreOnly, { isCommitteeMember: true });
    await setMember(ctx.db, both, { isCommitteeMember: true, ethnicity: 'Tày' });
    const mine = async (memberId: string) => (await client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, memberId, w.p.branches[1])).cookie)
      .get(`/api/materials/mine?campaignId=${w.campaignId}`)).json()[0].id;
    expect(await mine(cadreOnly)).toBe(cadre.json().id);
    expect(await mine(both)).toBe(w.variantId);
  });

  it('requires questions and answers for a Q&A material, with the message in Vietnamese, and shows them to members', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const officer = client(ctx.app, w.officer.cookie);
    const base = { campaignId: w.campaignId, orgId: w.p.rootId, kind: 'qa', title: 'Hỏi – đáp về Nghị quyết' };
    const empty = await officer.post('/api/materials', { ...base, qa: [{ question: '  ', answer: '' }] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ title: 'Tài liệu hỏi – đáp cần ít nhất một câu hỏi kèm câu trả lời', errors: [{ path: 'qa' }] });
    const half = await officer.post('/api/materials', { ...base, qa: [{ question: 'Mục tiêu tổng quát là gì?', answer: '' }] });
    expect(half.json().errors).toEqual([{ path: 'qa.0.answer', message: 'Cặp hỏi – đáp thứ 1: chưa nhập câu trả lời' }]);
    const studyWithQa = await officer.post('/api/materials', { ...base, kind: 'study', qa: [{ question: 'Hỏi?', answer: 'Đáp.' }] });
    expect(studyWithQa.json().errors[0].message).toBe('Chỉ tài liệu hỏi – đáp mới có phần câu hỏi và trả lời');

    const qa = [{ question: 'Mục tiêu tổng quát là gì?', answer: 'Xây dựng Đảng bộ trong sạch, vững mạnh…' }, { question: 'Có mấy khâu đột phá?', answer: 'Ba khâu đột phá.' }];
    const ok = await officer.post('/api/materials', { ...base, qa });
    expect(ok.statusCode).toBe(201);
    const emptied = await officer.patch(`/api/materials/${ok.json().id}`, { qa: [] });
    expect(emptied.statusCode).toBe(400);
    await officer.post(`/api/materials/${ok.json().id}/publish`);
    const member = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, w.p.members[5], w.p.branches[1])).cookie);
    expect((await member.get(`/api/materials/${ok.json().id}`)).json()).toMatchObject({ kind: 'qa', qa, status: 'published' });
  });

  it('accepts a real PDF and refuses a file named .pdf whose content is not a PDF', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const officer = client(ctx.app, w.officer.cookie);
    const id = (await officer.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.rootId, kind: 'research', title: 'Tài liệu nghiên cứu chuyên sâu' })).json().id;
    const upload = (name: string, bytes: Buffer) => ctx.app.inject({ method: 'POST', url: `/api/materials/${id}/file`, headers: { cookie: w.officer.cookie, ...multipart(name, bytes).headers }, payload: multipart(name, bytes).body });
    const fake = await upload('nghi-quyet.pdf', Buffer.from('MZ\x90\x00 this is an executable, not a PDF'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ code: 'file.type', errors: [{ path: 'file' }] });
    expect((await officer.post(`/api/materials/${id}/publish`)).json().code).toBe('validation.failed'); // nothing to read yet

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const ok = await upload('../../Tài liệu nghiên cứu.PDF', pdf);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().file).toEqual({ name: 'Tài liệu nghiên cứu.pdf', mime: 'application/pdf', size: pdf.length });
    await officer.post(`/api/materials/${id}/publish`);
    const member = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, w.p.members[0], w.p.branches[0])).cookie);
    const file = await member.get(`/api/materials/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await upload('moi.pdf', pdf)).json().code).toBe('material.state'); // published: no more changes
  });

  it('creates the default audiences once, lets the province add one, and audits every write', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const officer = client(ctx.app, w.officer.cookie);
    const [a, b] = await Promise.all([officer.get('/api/material-audiences'), officer.get('/api/material-audiences')]);
    expect(a.json().map((x: { code: string }) => x.code)).toEqual(['dan_toc_thieu_so', 'vung_sau_vung_xa', 'doanh_nghiep', 'can_bo', 'doan_the', 'nhan_dan']);
    expect(b.json()).toHaveLength(6);
    const bad = await officer.post('/api/material-audiences', { code: 'huu_tri', name: 'Đảng viên nghỉ hưu', rule: [{ field: 'luong', op: 'in', values: ['x'] }] });
    expect(bad.json().errors).toEqual([{ path: 'rule.0', message: 'Điều kiện 1: không có thông tin đảng viên "luong"' }]);
    const added = await officer.post('/api/material-audiences', { code: 'huu_tri', name: 'Đảng viên nghỉ hưu', priority: 35, rule: [{ field: 'workplaceKind', op: 'in', values: ['retired'] }] });
    expect(added.statusCode).toBe(201);
    expect((await officer.post('/api/material-audiences', { code: 'huu_tri', name: 'Trùng', rule: [{ field: 'isExempt', op: 'is_true' }] })).json().code).toBe('material.audience_exists');

    const id = (await officer.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.rootId, kind: 'study', title: 'Tài liệu học tập', body: 'Nội dung.' })).json().id;
    await officer.patch(`/api/materials/${id}`, { summary: 'Tóm tắt' });
    await officer.post(`/api/materials/${id}/publish`);
    await officer.post(`/api/materials/${id}/publish`);
    expect((await officer.patch(`/api/materials/${id}`, { title: 'Sửa sau khi phát hành' })).json().code).toBe('material.state');
    await officer.post(`/api/materials/${id}/withdraw`);
    const audit = await queryRows<{ action: string; actor: string | null }>(ctx.db, sql`
      select action, actor_user_id as actor from audit_log where tenant_id = ${w.p.tenantId} and entity_type in ('material', 'material_audience') order by at, action`);
    expect(audit.map((r) => r.action)).toEqual([
      'material_audience.create_defaults', 'material_audience.create', 'material.create', 'material.update', 'material.publish', 'material.withdraw',
    ]);
    expect(audit.every((r) => r.actor === w.officer.userId)).toBe(true);
    const member = client(ctx.app, (await memberLogin(ctx.db, ctx.app, w.p.tenantId, w.p.members[0], w.p.branches[0])).cookie);
    expect((await member.get(`/api/materials/mine?campaignId=${w.campaignId}`)).json()).toEqual([]); // withdrawn
    expect((await member.get(`/api/materials/${id}`)).statusCode).toBe(404);
  });
});

/** A multipart/form-data body with one file part. */
function multipart(name: string, bytes: Buffer) {
  const boundary = '----qt-materials-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
