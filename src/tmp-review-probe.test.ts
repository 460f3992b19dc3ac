import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp, type AppContext } from '../test/harness.js';
import { buildSmallProvince, createUser, insertOrg, sessionCookie, insertMember } from '../test/factories.js';
import { queryRows } from './kernel/db/client.js';
import * as orgSvc from './modules/org/org.service.js';
import * as memSvc from './modules/members/members.service.js';
import { parseMemberSheet } from './modules/members/members.import-parse.js';
import { importParsedSheet } from './modules/members/members.import.js';
import { memberAttrs } from '../test/factories.js';

async function sheetFrom(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = (v ?? null) as ExcelJS.CellValue)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeApp('review probe', (ctx) => {
  it('encoded /api prefix', async () => {
    const p = await buildSmallProvince(ctx.db);
    for (const url of ['/%61pi/orgs', `/%61pi/orgs/${p.rootId}`, `/%61pi/members?orgId=${p.rootId}`, '/api/orgs', '/%61pi/me']) {
      const r = await ctx.app.inject({ method: 'GET', url });
      console.log('PROBE', ctx.engine, url, r.statusCode, r.body.slice(0, 200));
    }
  });

  it('member role /api/orgs', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }], p.members[0]);
    const cookie = await sessionCookie(ctx.db, actor);
    const r = await ctx.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } });
    console.log('PROBE member /api/orgs', r.statusCode, r.body.slice(0, 300));
    const r2 = await ctx.app.inject({ method: 'GET', url: `/api/orgs/${p.branches[0]}`, headers: { cookie } });
    console.log('PROBE member /api/orgs/:branch', r2.statusCode);
  });

  it('reimport wipes columns absent from the sheet', async () => {
    const p = await buildSmallProvince(ctx.db);
    const id = await insertMember(ctx.db, p.tenantId, p.branches[0], { fullName: 'Phạm Văn Đức', cardNumber: '77000001', personalId: '001099000111', ethnicity: 'Tày' });
    await ctx.db.execute(sql`update members set phone = '0912000111', email = 'duc@example.vn', home_town = 'Xã X' where id = ${id}`);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const buf = await sheetFrom([
      ['DANH SÁCH ĐẢNG VIÊN'], [],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên'],
      [1, 'Phạm Văn Đức', '12/05/1980', '77000001'],
    ]);
    const parsed = await parseMemberSheet(buf);
    console.log('PROBE parse', JSON.stringify(parsed.errors), parsed.rows.length);
    const target = (await queryRows<any>(ctx.db, sql`select * from orgs where id = ${p.branches[0]}`))[0];
    const org = { ...target, id: target.id, tenantId: target.tenant_id, path: target.path, depth: target.depth };
    const res = await importParsedSheet(ctx.db, actor, { target: org, parsed, dryRun: false, fileName: 'x.xlsx' });
    console.log('PROBE import', JSON.stringify(res));
    const [m] = await queryRows<any>(ctx.db, sql`select personal_id, phone, email, ethnicity, home_town from members where id = ${id}`);
    console.log('PROBE after reimport', ctx.engine, JSON.stringify(m));
  });

  it('create member into dissolved org; import target dissolved', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const empty = await insertOrg(ctx.db, { tenantId: p.tenantId, parentId: p.grassroots[0], levelId: p.levels.branch, name: 'Chi bộ trống', code: `${p.tenantId.slice(-6)}-EMPTY` });
    await orgSvc.dissolveOrg(ctx.db, actor, empty, {});
    try {
      const row = await memSvc.createMember(ctx.db, actor, { ...memberAttrs({ fullName: 'Người Vào Chi Bộ Đã Giải Thể' }), branchId: empty });
      console.log('PROBE created in dissolved org', row.branchId === empty);
    } catch (e) { console.log('PROBE create refused', (e as Error).message); }
  });

  it('concurrent card numbers -> status', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const cookie = await sessionCookie(ctx.db, actor);
    const body = (b: string) => ({ ...memberAttrs({ fullName: 'Trùng Thẻ', cardNumber: '66000001' }), branchId: b });
    const rs = await Promise.all([0, 1, 2, 3].map((i) => ctx.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: body(p.branches[i]) })));
    console.log('PROBE concurrent card', ctx.engine, rs.map((r) => r.statusCode).join(','), rs.map((r) => r.json().code).join(','));
    // rename org code race
    const rs2 = await Promise.all([0, 1].map((i) => ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${p.branches[i]}`, headers: { cookie }, payload: { code: 'SAME-CODE' } })));
    console.log('PROBE concurrent code', ctx.engine, rs2.map((r) => r.statusCode).join(','));
  });

  it('concurrent moves create a cycle', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const cookie = await sessionCookie(ctx.db, actor);
    // A = communes[0], B = communes[1]: move A under grassroots of B, and B under grassroots of A, at once
    const r = await Promise.all([
      ctx.app.inject({ method: 'POST', url: `/api/orgs/${p.communes[0]}/move`, headers: { cookie }, payload: { newParentId: p.grassroots[2] } }),
      ctx.app.inject({ method: 'POST', url: `/api/orgs/${p.communes[1]}/move`, headers: { cookie }, payload: { newParentId: p.grassroots[0] } }),
    ]);
    console.log('PROBE moves', ctx.engine, r.map((x) => x.statusCode + ' ' + x.body.slice(0, 120)).join(' | '));
    const rows = await queryRows<any>(ctx.db, sql`select id, parent_id, path from orgs where id in (${p.communes[0]}::uuid, ${p.communes[1]}::uuid)`);
    console.log('PROBE after moves', JSON.stringify(rows));
    const selfLoops = await queryRows<any>(ctx.db, sql`select count(*)::int n from org_closure where tenant_id = ${p.tenantId} and ancestor_id = descendant_id and depth > 0`);
    const rootSees = await queryRows<any>(ctx.db, sql`select count(*)::int n from org_closure where tenant_id = ${p.tenantId} and ancestor_id = ${p.rootId}::uuid`);
    console.log('PROBE closure selfloops', JSON.stringify(selfLoops), 'root descendants', JSON.stringify(rootSees));
  });
});
