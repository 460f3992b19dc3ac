import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince } from '../../../test/factories.js';
import { http, multipart, userCookie } from './campaigns.fixtures.js';
import { contentDisposition } from './resolutions.routes.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64), Buffer.from('word/document.xml'), Buffer.alloc(64)]);
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64), Buffer.from('xl/workbook.xml'), Buffer.alloc(64)]);

describeApp('resolutions and their documents', (ctx) => {
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const officer = await userCookie(ctx, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
    const { post } = http(ctx);
    const res = await post('/api/resolutions', officer, { orgId: p.rootId, title: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII', congress: 'Đại hội XVIII', term: '2025-2030', adoptedOn: '2025-10-15' });
    expect(res.statusCode, res.body).toBe(201);
    return { p, officer, id: res.json().id as string, ...http(ctx) };
  }
  const upload = (id: string, cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer }) => {
    const body = multipart(fields, file);
    return ctx.app.inject({ method: 'POST', url: `/api/resolutions/${id}/documents`, headers: { cookie, ...body.headers }, payload: body.payload });
  };

  it('keeps documents as text and as files, and gives the file back under its Vietnamese name', async () => {
    const { officer, id, post, get } = await setup();
    const report = 'Phát huy truyền thống đoàn kết, đổi mới sáng tạo…';
    const text = await post(`/api/resolutions/${id}/documents`, officer, { kind: 'political_report', title: 'Báo cáo chính trị', body: report });
    expect(text.statusCode, text.body).toBe(201);
    expect(text.json()).toMatchObject({ kind: 'political_report', textLength: report.length, file: null });
    const file = await upload(id, officer, { kind: 'resolution', title: 'Nghị quyết Đại hội', body: 'Toàn văn Nghị quyết' }, { name: 'Nghị quyết Đại hội XVIII.pdf', bytes: PDF });
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ file: { name: 'Nghị quyết Đại hội XVIII.pdf', mime: 'application/pdf', size: PDF.length }, textLength: 19 });
    const docx = await upload(id, officer, { kind: 'breakthrough_program', title: 'Chương trình đột phá số 1' }, { name: 'chuong-trinh.docx', bytes: DOCX });
    expect(docx.json().file.mime).toContain('wordprocessingml');

    const detail = (await get(`/api/resolutions/${id}`, officer)).json();
    expect(detail).toMatchObject({ documentCount: 3, canManage: true });
    expect(detail.documents.map((d: { kind: string }) => d.kind)).toEqual(['political_report', 'resolution', 'breakthrough_program']);
    const down = await get(`/api/resolutions/${id}/documents/${file.json().id}/file`, officer);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="Nghi quyet Dai hoi XVIII.pdf"; filename*=UTF-8''${encodeURIComponent('Nghị quyết Đại hội XVIII.pdf')}`);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect((await get(`/api/resolutions/${id}/documents/${text.json().id}`, officer)).json().body).toContain('đổi mới sáng tạo');
    expect((await get(`/api/resolutions/${id}/documents/${text.json().id}/file`, officer)).statusCode).toBe(404);
  });

  it('refuses files that are not PDF or Word, or too large, and documents with neither text nor file', async () => {
    const { officer, id, post } = await setup();
    const xlsx = await upload(id, officer, { kind: 'other', title: 'Bảng tính' }, { name: 'a.docx', bytes: XLSX });
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json()).toMatchObject({ code: 'file.type', errors: [{ path: 'file' }] });
    const big = await upload(id, officer, { kind: 'other', title: 'Quá lớn' }, { name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(30 * 1024 * 1024)]) });
    expect(big.json().code).toBe('file.too_large');
    expect((await upload(id, officer, { kind: 'other', title: 'Không tệp' })).json().errors[0].path).toBe('file');
    expect((await upload(id, officer, { kind: 'unknown', title: 'Sai loại' }, { name: 'a.pdf', bytes: PDF })).statusCode).toBe(400);
    expect((await post(`/api/resolutions/${id}/documents`, officer, { kind: 'other', title: 'Trống', body: '  ' })).json()).toMatchObject({ code: 'validation.failed', errors: [{ path: 'body' }] });
  });

  it('shows resolutions to those below the issuing org, lets only managers there add to them', async () => {
    const { p, id, get, post } = await setup();
    const branch = await userCookie(ctx, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    expect((await get('/api/resolutions', branch)).json().map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await get(`/api/resolutions/${id}`, branch)).json().canManage).toBe(false);
    expect((await post(`/api/resolutions/${id}/documents`, branch, { kind: 'other', title: 'Không được', body: 'x' })).statusCode).toBe(404);
    expect((await post('/api/resolutions', branch, { orgId: p.rootId, title: 'Không được', congress: 'x x', term: '2025-2030' })).statusCode).toBe(404);
    const commune = await userCookie(ctx, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]);
    const local = await post('/api/resolutions', commune, { orgId: p.communes[0], title: 'Nghị quyết Đại hội Đảng bộ xã', congress: 'Đại hội Đảng bộ xã lần thứ V', term: '2025-2030' });
    expect(local.statusCode).toBe(201);
    const outside = await userCookie(ctx, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[4] }]);
    expect((await get(`/api/resolutions/${local.json().id}`, outside)).statusCode).toBe(404);
  });

  it('names downloads safely', () => {
    expect(contentDisposition('Báo cáo "chính trị".pdf')).toBe(`attachment; filename="Bao cao _chinh tri_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22ch%C3%ADnh%20tr%E1%BB%8B%22.pdf`);
  });
});
