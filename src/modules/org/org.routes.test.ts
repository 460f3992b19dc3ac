import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, login } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';

describeApp('org routes', (ctx) => {
  async function officer(role: 'organization_officer' | 'propaganda_officer' = 'organization_officer') {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role, orgId: p.rootId }]);
    return { p, cookie: await login(ctx.app, user.username) };
  }
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object) => ctx.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  it('shows an org with its subtree member count and children with theirs', async () => {
    const { p, cookie } = await officer('propaganda_officer');
    const root = await get(`/api/orgs/${p.rootId}`, cookie);
    expect(root.statusCode).toBe(200);
    expect(root.json()).toMatchObject({ id: p.rootId, memberCount: 24, childCount: 2, levelName: 'Tỉnh', ancestors: [] });
    const children = (await get(`/api/orgs/${p.rootId}/children`, cookie)).json();
    expect(children.map((c: { memberCount: number }) => c.memberCount)).toEqual([12, 12]);
    const branch = (await get(`/api/orgs/${p.branches[0]}`, cookie)).json();
    expect(branch.ancestors.map((a: { id: string }) => a.id)).toEqual([p.rootId, p.communes[0], p.grassroots[0]]);
  });

  it('creates a sub-org under a parent and refuses a duplicate code', async () => {
    const { p, cookie } = await officer();
    const body = { parentId: p.grassroots[0], levelId: p.levels.branch, kind: 'branch', name: 'Chi bộ Thôn Mới', code: `${p.tenantId.slice(-6)}-NEW` };
    const res = await post('/api/orgs', cookie, body);
    expect(res.statusCode).toBe(201);
    expect(res.json().path).toBe(`${p.rootId}.${p.communes[0]}.${p.grassroots[0]}.${res.json().id}.`);
    const dup = await post('/api/orgs', cookie, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'org.code_taken', title: 'Mã tổ chức đã được dùng cho một tổ chức khác' });
  });

  it('refuses to put an org under a branch that holds members', async () => {
    const { p, cookie } = await officer();
    const res = await post('/api/orgs', cookie, { parentId: p.branches[0], levelId: p.levels.branch, kind: 'branch', name: 'Chi bộ con', code: `${p.tenantId.slice(-6)}-SUB` });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('org.has_members');
  });

  it('moves a grassroots org with its subtree: paths, closure and counts follow in one step', async () => {
    const { p, cookie } = await officer();
    const moved = await post(`/api/orgs/${p.grassroots[0]}/move`, cookie, { newParentId: p.communes[1], note: 'Sắp xếp theo mô hình hai cấp' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${p.rootId}.${p.communes[1]}.${p.grassroots[0]}.`);
    const communes = (await get(`/api/orgs/${p.rootId}/children`, cookie)).json();
    expect(communes.map((c: { memberCount: number }) => c.memberCount)).toEqual([6, 18]);
    const [branch] = await queryRows<{ path: string; depth: number }>(ctx.db, sql`select path, depth from orgs where id = ${p.branches[0]}`);
    expect(branch.path).toBe(`${p.rootId}.${p.communes[1]}.${p.grassroots[0]}.${p.branches[0]}.`);
    const ancestors = await queryRows<{ a: string }>(ctx.db, sql`select ancestor_id as a from org_closure where descendant_id = ${p.branches[0]} order by depth desc`);
    expect(ancestors.map((r) => r.a)).toEqual([p.rootId, p.communes[1], p.grassroots[0], p.branches[0]]);
  });

  it('refuses a move into its own subtree', async () => {
    const { p, cookie } = await officer();
    const res = await post(`/api/orgs/${p.communes[0]}/move`, cookie, { newParentId: p.grassroots[0] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'org.cycle', title: 'Không thể chuyển tổ chức vào chính nó hoặc vào tổ chức cấp dưới của nó' });
  });

  it('merges a commune into another: sub-orgs move, the source closes with a pointer to the target', async () => {
    const { p, cookie } = await officer();
    const res = await post(`/api/orgs/${p.communes[0]}/merge`, cookie, { targetId: p.communes[1] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ movedChildren: 2, merged: { status: 'merged' } });
    const children = (await get(`/api/orgs/${p.rootId}/children`, cookie)).json();
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ id: p.communes[1], memberCount: 24, childCount: 4 });
  });

  it('merges two branches: members move to the target branch', async () => {
    const { p, cookie } = await officer();
    const res = await post(`/api/orgs/${p.branches[0]}/merge`, cookie, { targetId: p.branches[1] });
    expect(res.json().movedMembers).toBe(3);
    expect((await get(`/api/orgs/${p.branches[1]}`, cookie)).json().memberCount).toBe(6);
  });

  it('dissolves only an empty org', async () => {
    const { p, cookie } = await officer();
    const refused = await post(`/api/orgs/${p.branches[0]}/dissolve`, cookie, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('org.has_members');
    const created = (await post('/api/orgs', cookie, { parentId: p.grassroots[0], levelId: p.levels.branch, kind: 'branch', name: 'Chi bộ tạm', code: `${p.tenantId.slice(-6)}-TMP` })).json();
    const ok = await post(`/api/orgs/${created.id}/dissolve`, cookie, { note: 'Không còn đảng viên' });
    expect(ok.json().status).toBe('dissolved');
    const kids = (await get(`/api/orgs/${p.grassroots[0]}/children`, cookie)).json();
    expect(kids.map((k: { id: string }) => k.id)).not.toContain(created.id);
  });

  it('keeps history: the tree as it stood on an earlier date, and each change of an org', async () => {
    const { p, cookie } = await officer();
    await ctx.db.execute(sql`update org_versions set valid_from = '2020-01-01' where tenant_id = ${p.tenantId}`);
    await post(`/api/orgs/${p.grassroots[0]}/move`, cookie, { newParentId: p.communes[1] });
    await ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${p.communes[1]}`, headers: { cookie }, payload: { name: 'Đảng bộ phường Hợp Nhất', note: 'Theo Quyết định số 12-QĐ/TU' } });
    const before = (await get(`/api/orgs/${p.communes[0]}/children-on?date=2024-06-30`, cookie)).json();
    expect(before.map((v: { orgId: string }) => v.orgId).sort()).toEqual([p.grassroots[0], p.grassroots[1]].sort());
    const now = (await get(`/api/orgs/${p.communes[0]}/children-on?date=2099-01-01`, cookie)).json();
    expect(now.map((v: { orgId: string }) => v.orgId)).toEqual([p.grassroots[1]]);
    const history = (await get(`/api/orgs/${p.communes[1]}/history`, cookie)).json();
    expect(history.map((h: { change: string; name: string }) => [h.change, h.name])).toEqual([['create', 'Đảng bộ xã Thử 2'], ['rename', 'Đảng bộ phường Hợp Nhất']]);
    expect(history[1]).toMatchObject({ note: 'Theo Quyết định số 12-QĐ/TU', changedBy: expect.stringContaining('Người dùng'), parentName: 'Đảng bộ tỉnh Thử Nghiệm' });
    const audit = await queryRows<{ action: string }>(ctx.db, sql`select action from audit_log where tenant_id = ${p.tenantId} and entity_type = 'org' order by at`);
    expect(audit.map((a) => a.action)).toEqual(['org.move', 'org.rename']);
  });

  it('finds orgs by name without accents, within scope only', async () => {
    const { p, cookie } = await officer('propaganda_officer');
    const hits = (await get('/api/orgs/search?q=dang%20bo%20xa%20thu%202', cookie)).json();
    expect(hits.map((h: { id: string }) => h.id)).toEqual([p.communes[1]]);
    const commune = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.communes[0] }]);
    const narrow = (await get('/api/orgs/search?q=chi%20bo', await login(ctx.app, commune.username))).json();
    expect(narrow).toHaveLength(4);
  });

  it('lets a propaganda officer read but not restructure', async () => {
    const { p, cookie } = await officer('propaganda_officer');
    const res = await post(`/api/orgs/${p.grassroots[0]}/move`, cookie, { newParentId: p.communes[1] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.forbidden');
  });

  it('adds a level as data and uses it at once (a legacy province reorganized into communes)', async () => {
    const { p, cookie } = await officer();
    const level = await post('/api/org-levels', cookie, { code: 'commune', name: 'Xã, phường, đặc khu', rank: 1 });
    expect(level.statusCode).toBe(201);
    expect((await post('/api/org-levels', cookie, { code: 'commune', name: 'Trùng', rank: 1 })).json().code).toBe('org.level_taken');
    const commune = await post('/api/orgs', cookie, { parentId: p.rootId, levelId: level.json().id, kind: 'commune_committee', name: 'Đảng bộ xã Tân Lập', code: `${p.tenantId.slice(-6)}-TL` });
    expect(commune.statusCode).toBe(201);
    const moved = await post(`/api/orgs/${p.grassroots[0]}/move`, cookie, { newParentId: commune.json().id });
    expect(moved.statusCode).toBe(200);
    expect((await get(`/api/orgs/${commune.json().id}`, cookie)).json()).toMatchObject({ levelName: 'Xã, phường, đặc khu', memberCount: 6 });
    const branchOfficer = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.communes[0] }]);
    const refused = await post('/api/org-levels', await login(ctx.app, branchOfficer.username), { code: 'other', name: 'Khác', rank: 5 });
    expect(refused.statusCode).toBe(404);
  });
});
