import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { ROLE_LABELS, ROLES, type Role } from '../../kernel/access/permissions.js';
import { queryRows } from '../../kernel/db/client.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { UnauthenticatedError } from '../../kernel/errors/app-error.js';
import { getOrgBrief } from '../org/index.js';
import { decoyHash, hashPassword, verifyPassword } from './auth.password.js';
import { roleGrants, sessions, users } from './auth.table.js';

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000; // an officer's working day
const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function login(db: Db, input: { username: string; password: string; ip?: string; userAgent?: string }) {
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user || !user.isActive) {
    await verifyPassword(await decoyHash(), input.password);
    throw new UnauthenticatedError('auth.invalid_credentials');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new UnauthenticatedError('auth.invalid_credentials');
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: tokenHash(token), tenantId: user.tenantId, userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS), ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await tx.update(users).set({ lastLoginAt: now }).where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    const actor = await loadActor(tx, user.tenantId, user.id);
    await recordAudit(tx, actor && { ...actor, ip: input.ip }, user.tenantId, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token };
}

export async function logout(db: Db, token: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
    await recordAudit(tx, actor, actor.tenantId, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/**
 * Resolves a session token to an actor, sliding the idle timeout. Null when absent, idle or expired.
 * Every API request comes through here: the session, its user and the user's grants are read in one
 * query (no cache, so a logout, a deactivation or a changed role counts from the next request).
 */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  const [row] = await queryRows<{
    token_hash: string; tenant_id: string; user_id: string; expires_at: string | Date; last_seen_at: string | Date;
    username: string | null; display_name: string | null; member_id: string | null; grants: Array<{ role: Role; orgId: string }> | string;
  }>(db, sql`select s.token_hash, s.tenant_id, s.user_id, s.expires_at, s.last_seen_at, u.username, u.display_name, u.member_id,
      coalesce((select json_agg(json_build_object('role', g.role, 'orgId', g.org_id)) from role_grants g
        where g.tenant_id = s.tenant_id and g.user_id = s.user_id), '[]'::json) as grants
    from sessions s
    left join users u on u.tenant_id = s.tenant_id and u.id = s.user_id and u.is_active
    where s.token_hash = ${tokenHash(token)}`);
  if (!row) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() < now || lastSeen + SESSION_IDLE_MS < now) {
    await db.delete(sessions).where(eq(sessions.tokenHash, row.token_hash));
    return null;
  }
  if (now - lastSeen > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.tokenHash, row.token_hash));
  }
  if (row.username === null) return null; // the user was deactivated
  const grants = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Array<{ role: Role; orgId: string }>) : row.grants;
  return {
    userId: row.user_id, tenantId: row.tenant_id, username: row.username, displayName: row.display_name!, memberId: row.member_id,
    grants: grants.map((g) => ({ role: g.role, orgId: g.orgId })),
  };
}

export async function loadActor(exec: Executor, tenantId: string, userId: string): Promise<Actor | null> {
  const [user] = await exec.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId), eq(users.isActive, true)));
  if (!user) return null;
  const grants = await exec.select({ role: roleGrants.role, orgId: roleGrants.orgId }).from(roleGrants)
    .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId)));
  return {
    userId: user.id, tenantId, username: user.username, displayName: user.displayName, memberId: user.memberId,
    grants: grants.map((g) => ({ role: g.role as Role, orgId: g.orgId })),
  };
}

export async function describeMe(db: Db, actor: Actor) {
  const grants = [];
  for (const g of actor.grants) {
    const org = await getOrgBrief(db, actor.tenantId, g.orgId);
    grants.push({ role: g.role, roleLabel: ROLE_LABELS[g.role], orgId: g.orgId, orgName: org?.name ?? '' });
  }
  return { userId: actor.userId, username: actor.username, displayName: actor.displayName, memberId: actor.memberId, grants };
}

export interface NewUser { tenantId: string; id: string; username: string; password: string; displayName: string; memberId?: string | null; grants: Array<{ role: Role; orgId: string }>; demo?: boolean }

/** Creates a user with its role grants; used by the demo seed and by administrators. */
export async function createUser(tx: Executor, actor: Actor | null, input: NewUser) {
  const passwordHash = await hashPassword(input.password);
  await tx.insert(users).values({
    tenantId: input.tenantId, id: input.id, username: input.username.toLowerCase(), passwordHash,
    displayName: input.displayName, memberId: input.memberId ?? null,
  });
  if (input.grants.length) {
    await tx.insert(roleGrants).values(input.grants.map((g) => ({ tenantId: input.tenantId, userId: input.id, role: g.role, orgId: g.orgId })));
  }
  await recordAudit(tx, actor, input.tenantId, {
    action: 'user.create', entityType: 'user', entityId: input.id, after: { username: input.username, grants: input.grants, ...(input.demo ? { demo: true } : {}) },
  });
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
}

/** The password every demo account is created with (the demo province is invented data). */
export const DEMO_PASSWORD = 'MinhSon@2026';

/**
 * The demo accounts: the users the demo seed created (their creation is audited with `demo: true`).
 */
export async function listDemoAccounts(db: Executor) {
  const rows = await queryRows<{ username: string; role: Role; orgId: string; orgName: string; memberId: string | null; displayName: string }>(db, sql`
    select u.username, g.role, g.org_id as "orgId", o.name as "orgName", u.member_id as "memberId", u.display_name as "displayName"
    from users u join role_grants g on g.tenant_id = u.tenant_id and g.user_id = u.id
    join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
    where exists (select 1 from audit_log a where a.tenant_id = u.tenant_id and a.action = 'user.create'
                  and a.entity_id = u.id::text and a.actor_user_id is null and a.after->>'demo' = 'true')`);
  return rows
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.username.localeCompare(b.username))
    .map((r) => ({ username: r.username, password: DEMO_PASSWORD, role: r.role, orgId: r.orgId, orgName: r.orgName, memberId: r.memberId, displayName: r.displayName }));
}
