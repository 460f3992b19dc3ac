import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp, type AppContext } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { buildBranchSheet, buildDuplicateCardSheet, NOT_XLSX_BYTES } from '../../../test/fixtures/member-sheets.js';
import { queryRows } from '../../kernel/db/client.js';

async function upload(ctx: AppContext, cookie: string, targetOrgId: string, bytes: Buffer, name = 'danh-sach.xlsx') {
  const form = new FormData();
  form.append('targetOrgId', targetOrgId);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return ctx.app.inject({ method: 'POST', url: '/api/member-imports', headers: { cookie }, payload: form });
}

async function settle(ctx: AppContext, cookie: string, id: string) {
  for (let i = 0; i < 200; i++) {
    const view = (await ctx.app.inject({ method: 'GET', url: `/api/member-imports/${id}`, headers: { cookie } })).json();
    if (!['parsing', 'committing'].includes(view.status)) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

const countMembers = async (ctx: AppContext, branchId: string) =>
  (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from members where branch_id = ${branchId}`))[0].n;

describeApp('member import routes', (ctx) => {
  it('previews a sheet, then commits it all at once; importing it again updates instead of duplicating', async () => {
    const p = await buildSmallProvince(ctx.db);
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const sheet = await buildBranchSheet({ rows: [
      { fullName: 'Vũ Thị Hạnh', gender: 'female', birthDate: '1979-08-19', admissionDate: '2004-05-19', officialDate: '2005-05-19', cardNumber: '92000001' },
      { fullName: 'Ngô Văn Tùng', gender: 'male', birthDate: '1990-01-02', admissionDate: '2015-09-02', officialDate: '2016-09-02' },
    ] });
    const started = await upload(ctx, cookie, p.branches[0], sheet);
    expect(started.statusCode).toBe(202);
    const preview = await settle(ctx, cookie, started.json().id);
    expect(preview).toMatchObject({ status: 'ready', summary: { rows: 2, created: 2, updated: 0, errors: [] } });
    expect(await countMembers(ctx, p.branches[0])).toBe(3); // nothing written by the preview
    const committed = (await ctx.app.inject({ method: 'POST', url: `/api/member-imports/${preview.id}/commit`, headers: { cookie } })).json();
    expect(committed.status).toBe('committed');
    expect(await countMembers(ctx, p.branches[0])).toBe(5);
    const twice = await ctx.app.inject({ method: 'POST', url: `/api/member-imports/${preview.id}/commit`, headers: { cookie } });
    expect(twice.statusCode).toBe(409);
    const again = await settle(ctx, cookie, (await upload(ctx, cookie, p.branches[0], sheet)).json().id);
    expect(again.summary).toMatchObject({ created: 0, updated: 2 });
    await ctx.app.inject({ method: 'POST', url: `/api/member-imports/${again.id}/commit`, headers: { cookie } });
    expect(await countMembers(ctx, p.branches[0])).toBe(5);
  });

  it('rejects a sheet with problems, naming row and column, and writes nothing', async () => {
    const p = await buildSmallProvince(ctx.db);
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const view = await settle(ctx, cookie, (await upload(ctx, cookie, p.branches[0], await buildDuplicateCardSheet())).json().id);
    expect(view.status).toBe('rejected');
    expect(view.summary.errors.length).toBeGreaterThan(0);
    for (const e of view.summary.errors) {
      expect(e.row).toBeGreaterThan(0);
      expect(e.column).toMatch(/[A-Z]+ \(.+\)/);
    }
    const commit = await ctx.app.inject({ method: 'POST', url: `/api/member-imports/${view.id}/commit`, headers: { cookie } });
    expect(commit.statusCode).toBe(409);
    expect(await countMembers(ctx, p.branches[0])).toBe(3);
  });

  it('refuses a file that is not an xlsx by its content, whatever its name', async () => {
    const p = await buildSmallProvince(ctx.db);
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const res = await upload(ctx, cookie, p.branches[0], NOT_XLSX_BYTES, 'gia-mao.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toBe('Tệp không phải là bảng tính Excel (.xlsx)');
  });

  it('does not let anyone import into, or read an import of, an org outside their scope', async () => {
    const p = await buildSmallProvince(ctx.db);
    const a = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const b = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[1] }]));
    const sheet = await buildBranchSheet({ rows: [{ fullName: 'Lý Thị Sen', gender: 'female', birthDate: '1985-04-04' }] });
    expect((await upload(ctx, a, p.branches[1], sheet)).statusCode).toBe(404);
    const mine = (await upload(ctx, a, p.branches[0], sheet)).json();
    expect((await ctx.app.inject({ method: 'GET', url: `/api/member-imports/${mine.id}`, headers: { cookie: b } })).statusCode).toBe(404);
  });
});
