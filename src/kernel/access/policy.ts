import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { ForbiddenError, NotFoundError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { roleAllows, SELF_ACTIONS, type Action } from './permissions.js';

/**
 * The one policy. Every route's use case calls `requireAccess` / `requireMemberAccess`, and every
 * list query filters through `orgScopeSql` / `memberScopeSql`; nothing else decides who sees what.
 */

/** Org ids whose subtrees the actor may perform `action` in. */
export function scopeRoots(actor: Actor, action: Action): string[] {
  return [...new Set(actor.grants.filter((g) => roleAllows(g.role, action)).map((g) => g.orgId))];
}

/** SQL condition: `orgIdColumn` lies in a subtree where the actor may perform `action`. */
export function orgScopeSql(actor: Actor, action: Action, orgIdColumn: SQL): SQL {
  const roots = scopeRoots(actor, action);
  if (roots.length === 0) return sql`false`;
  return sql`${orgIdColumn} in (select c.descendant_id from org_closure c
    where c.tenant_id = ${actor.tenantId} and c.ancestor_id in (${sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `)}))`;
}

/** SQL condition for a members query: in scope by branch, or the actor's own record for self actions. */
export function memberScopeSql(actor: Actor, action: Action, memberAlias = 'm'): SQL {
  const branch = sql.raw(`${memberAlias}.branch_id`);
  const idCol = sql.raw(`${memberAlias}.id`);
  const byOrg = orgScopeSql(actor, action, branch);
  if (actor.memberId && SELF_ACTIONS.includes(action)) return sql`(${byOrg} or ${idCol} = ${actor.memberId}::uuid)`;
  return byOrg;
}

export async function can(exec: Executor, actor: Actor, action: Action, orgId: string): Promise<boolean> {
  const roots = scopeRoots(actor, action);
  if (roots.length === 0) return false;
  const rows = await queryRows<{ ok: number }>(exec, sql`select 1 as ok from org_closure c
    where c.tenant_id = ${actor.tenantId} and c.descendant_id = ${orgId}::uuid
      and c.ancestor_id in (${sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `)}) limit 1`);
  return rows.length > 0;
}

/**
 * Throws unless the actor may perform `action` on the org. Denied looks like missing (404) unless the
 * actor can see the org, in which case it is 403.
 */
export async function requireAccess(exec: Executor, actor: Actor, action: Action, orgId: string): Promise<void> {
  if (await can(exec, actor, action, orgId)) return;
  if (action !== 'org.read' && (await can(exec, actor, 'org.read', orgId))) {
    throw new ForbiddenError('auth.forbidden', `${action} denied on org ${orgId}`);
  }
  throw new NotFoundError('resource.not_found', `org ${orgId} not visible`);
}

/** Same for a member's record: the member themself for self actions, else the branch's subtree. */
export async function requireMemberAccess(
  exec: Executor, actor: Actor, action: Action, member: { id: string; branchId: string },
): Promise<void> {
  if (actor.memberId === member.id && SELF_ACTIONS.includes(action)) return;
  if (await can(exec, actor, action, member.branchId)) return;
  const visible = actor.memberId === member.id || (await can(exec, actor, 'member.read', member.branchId));
  if (action !== 'member.read' && visible) {
    throw new ForbiddenError('auth.forbidden', `${action} denied on member ${member.id}`);
  }
  throw new NotFoundError('member.not_found', `member ${member.id} not visible`);
}

export async function canOnMember(
  exec: Executor, actor: Actor, action: Action, member: { id: string; branchId: string },
): Promise<boolean> {
  if (actor.memberId === member.id && SELF_ACTIONS.includes(action)) return true;
  return can(exec, actor, action, member.branchId);
}
