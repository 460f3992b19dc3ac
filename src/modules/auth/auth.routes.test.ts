import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, login, TEST_PASSWORD } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';

describeApp('auth routes', (ctx) => {
  it('reports health with the engine in use', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: ctx.engine });
  });

  it('logs in with the right password, shows me, and logs out', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
    const cookie = await login(ctx.app, user.username);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: user.username, grants: [{ role: 'propaganda_officer', roleLabel: 'Cán bộ Ban Tuyên giáo', orgId: p.rootId }] });
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password with a Vietnamese problem document', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }]);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: `${TEST_PASSWORD}x` } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', title: 'Tên đăng nhập hoặc mật khẩu không đúng', status: 401 });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-ton-tai', password: 'x' } });
    expect(unknown.json().code).toBe('auth.invalid_credentials');
  });

  it('names the invalid field when the login body is malformed', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(res.json().errors[0].path).toContain('password');
  });

  it('answers 401 without a session and refuses cross-site writes', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'organization_officer', orgId: p.rootId }]);
    const cookie = await login(ctx.app, user.username);
    const res = await ctx.app.inject({
      method: 'POST', url: `/api/orgs/${p.branches[0]}/dissolve`, payload: {},
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
  });

  it('stores passwords as argon2id and writes login to the audit log', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }]);
    await login(ctx.app, user.username);
    const [row] = await queryRows<{ h: string }>(ctx.db, sql`select password_hash as h from users where id = ${user.userId}`);
    expect(row.h.startsWith('$argon2id$')).toBe(true);
    const audit = await queryRows<{ action: string }>(ctx.db, sql`select action from audit_log where actor_user_id = ${user.userId}`);
    expect(audit.map((a) => a.action)).toContain('auth.login');
  });

  it('keeps the audit log append-only', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }]);
    await login(ctx.app, user.username);
    const reason = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? (e as Error).message);
    await expect(ctx.db.execute(sql`update audit_log set action = 'x'`).catch(reason)).resolves.toMatch(/append-only/);
    await expect(ctx.db.execute(sql`delete from audit_log`).catch(reason)).resolves.toMatch(/append-only/);
  });

  it('ends a session left idle longer than a working day', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'member', orgId: p.branches[0] }]);
    const cookie = await login(ctx.app, user.username);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    await ctx.db.execute(sql`update sessions set last_seen_at = now() - interval '9 hours' where user_id = ${user.userId}`);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    const left = await queryRows(ctx.db, sql`select 1 from sessions where user_id = ${user.userId}`);
    expect(left).toHaveLength(0);
  });

  it('applies a changed role and a deactivation from the very next request of an open session', async () => {
    const p = await buildSmallProvince(ctx.db);
    const user = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }, { role: 'branch_committee', orgId: p.branches[0] }]);
    const cookie = await login(ctx.app, user.username);
    const me = async () => ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect((await me()).json().grants.map((g: { role: string }) => g.role).sort()).toEqual(['branch_committee', 'propaganda_officer']);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/orgs/${p.rootId}`, headers: { cookie } })).statusCode).toBe(200);
    await ctx.db.execute(sql`delete from role_grants where user_id = ${user.userId} and role = 'propaganda_officer'`);
    expect((await me()).json().grants).toEqual([expect.objectContaining({ role: 'branch_committee', orgId: p.branches[0] })]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/orgs/${p.rootId}`, headers: { cookie } })).statusCode).toBe(404);
    await ctx.db.execute(sql`update users set is_active = false where id = ${user.userId}`);
    expect((await me()).statusCode).toBe(401);
  });
});
