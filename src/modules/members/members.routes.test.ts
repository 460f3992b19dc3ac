import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, insertMember, login, memberAttrs, sessionCookie } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';

describeApp('member routes', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });

  it('finds "Nguyễn Văn An" when searched without accents, in any case, and by card number', async () => {
    const p = await buildSmallProvince(ctx.db);
    await insertMember(ctx.db, p.tenantId, p.branches[0], { fullName: 'Nguyễn Văn Ân', cardNumber: '01234567' });
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]));
    for (const q of ['nguyen van an', 'NGUYEN VAN AN', 'Nguyễn Văn An', 'van an']) {
      const res = (await get(`/api/members?orgId=${p.rootId}&q=${encodeURIComponent(q)}&pageSize=50`, cookie)).json();
      expect(res.total).toBe(9); // eight "An" and one "Ân", which folds to the same key
      expect(res.items.every((m: { fullName: string }) => m.fullName.startsWith('Nguyễn Văn A') || m.fullName.startsWith('Nguyễn Văn Â'))).toBe(true);
    }
    const byCard = (await get(`/api/members?orgId=${p.rootId}&q=01234567`, cookie)).json();
    expect(byCard.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Nguyễn Văn Ân']);
  });

  it('filters by attributes and pages through results', async () => {
    const p = await buildSmallProvince(ctx.db);
    await insertMember(ctx.db, p.tenantId, p.branches[2], { fullName: 'Hoàng Thị Miễn', isExempt: true, gender: 'female', status: 'probationary' });
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]));
    const exempt = (await get(`/api/members?orgId=${p.rootId}&isExempt=true`, cookie)).json();
    expect(exempt.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Hoàng Thị Miễn']);
    const probationary = (await get(`/api/members?orgId=${p.rootId}&status=probationary&gender=female`, cookie)).json();
    expect(probationary.total).toBe(1);
    const page1 = (await get(`/api/members?orgId=${p.rootId}&pageSize=10&page=1`, cookie)).json();
    const page3 = (await get(`/api/members?orgId=${p.rootId}&pageSize=10&page=3`, cookie)).json();
    expect(page1.total).toBe(25);
    expect(page1.items).toHaveLength(10);
    expect(page3.items).toHaveLength(5);
    const bad = await get(`/api/members?orgId=${p.rootId}&gender=other`, cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('gender');
  });

  it('shows CCCD only to organization officers of the scope and the member themself', async () => {
    const p = await buildSmallProvince(ctx.db);
    const memberId = p.members[0];
    const org = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.communes[0] }]));
    const prop = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]));
    const self = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }], memberId));
    const [{ pid }] = await queryRows<{ pid: string }>(ctx.db, sql`select personal_id as pid from members where id = ${memberId}`);
    expect((await get(`/api/members/${memberId}`, org)).json()).toMatchObject({ personalId: pid, abilities: { canSeePersonalId: true, canEdit: true } });
    expect((await get(`/api/members/${memberId}`, prop)).json()).toMatchObject({ personalId: null, abilities: { canSeePersonalId: false } });
    expect((await get(`/api/members/${memberId}`, self)).json()).toMatchObject({ personalId: pid, abilities: { canEdit: false } });
  });

  it('gives a branch secretary only their branch, and 404 for any other member', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    const cookie = await login(ctx.app, user.username);
    const own = (await get(`/api/members?orgId=${p.branches[0]}`, cookie)).json();
    expect(own.total).toBe(3);
    const other = await get(`/api/members/${p.members[5]}`, cookie);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'member.not_found', title: 'Không tìm thấy đảng viên' });
    expect((await get(`/api/members?orgId=${p.branches[1]}`, cookie)).statusCode).toBe(404);
    expect((await get(`/api/orgs/${p.rootId}`, cookie)).statusCode).toBe(404);
  });

  it('a member sees only their own page', async () => {
    const p = await buildSmallProvince(ctx.db);
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }], p.members[1]));
    expect((await get(`/api/members/${p.members[1]}`, cookie)).statusCode).toBe(200);
    expect((await get(`/api/members/${p.members[0]}`, cookie)).statusCode).toBe(404);
    expect((await get(`/api/members?orgId=${p.branches[0]}`, cookie)).statusCode).toBe(404);
  });

  it('creates and updates a member with audit, refusing a card number already in use', async () => {
    const p = await buildSmallProvince(ctx.db);
    const actor = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    const cookie = await sessionCookie(ctx.db, actor);
    const created = await ctx.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { ...memberAttrs({ fullName: 'Phạm Thị Hoa', cardNumber: '87654321' }), branchId: p.branches[0] } });
    expect(created.statusCode).toBe(201);
    const dup = await ctx.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { ...memberAttrs({ fullName: 'Người Khác', cardNumber: '87654321' }), branchId: p.branches[0] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('member.card_taken');
    const upd = await ctx.app.inject({ method: 'PATCH', url: `/api/members/${created.json().id}`, headers: { cookie }, payload: { fullName: 'Phạm Thị Hoà' } });
    expect(upd.statusCode).toBe(200);
    const found = (await get(`/api/members?orgId=${p.branches[0]}&q=pham%20thi%20hoa`, cookie)).json();
    expect(found.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Phạm Thị Hoà']);
    const audit = await queryRows<{ action: string; before: { fullName: string } | null }>(ctx.db, sql`select action, before from audit_log where actor_user_id = ${actor.userId} order by at`);
    expect(audit.map((a) => a.action)).toEqual(['member.create', 'member.update']);
    expect(audit[1].before?.fullName).toBe('Phạm Thị Hoa');
    const outside = await ctx.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { ...memberAttrs(), branchId: p.branches[3] } });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses to put a member in an org that has sub-orgs', async () => {
    const p = await buildSmallProvince(ctx.db);
    const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/members', headers: { cookie }, payload: { ...memberAttrs(), branchId: p.grassroots[0] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('org.not_leaf');
  });
});
