import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import { ROLES } from '../../kernel/access/permissions.js';
import * as auth from './auth.service.js';

export const SESSION_COOKIE = 'qt_session';

const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
const MeResponse = z.object({
  userId: z.string(), username: z.string(), displayName: z.string(), memberId: z.string().nullable(),
  grants: z.array(z.object({ role: z.enum(ROLES), roleLabel: z.string(), orgId: z.string(), orgName: z.string() })),
});

export async function registerAuthRoutes(app: App, { database, config }: AppDeps) {
  const db = database.db;
  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Đăng nhập', body: LoginBody, response: { 200: MeResponse } },
  }, async (request, reply) => {
    const { token } = await auth.login(db, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies, maxAge: 7 * 24 * 3600,
    });
    const actor = (await auth.actorFromToken(db, token))!;
    return auth.describeMe(db, actor);
  });

  app.post('/api/auth/logout', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.actor) await auth.logout(db, token, request.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: MeResponse } } },
    async (request) => auth.describeMe(db, request.actor!));

  if (config.demo) app.get('/api/demo-accounts', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Tài khoản dùng thử của đảng bộ mẫu (dữ liệu bịa)', response: { 200: z.array(z.object({
      username: z.string(), password: z.string(), role: z.enum(ROLES), orgId: z.string(), orgName: z.string(), memberId: z.string().nullable(), displayName: z.string(),
    })) } },
  }, async () => auth.listDemoAccounts(db));

  app.get('/api/health', {
    config: { public: true },
    schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } },
  }, async () => {
    await database.db.execute(sql`select 1`);
    return { status: 'ok' as const, db: database.engine };
  });
}
