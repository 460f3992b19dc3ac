/** What the actor may see of the writers on either side of a flagged pair, per branch, in one query. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { orgScopeSql } from '../../kernel/access/policy.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';

export interface BranchView {
  /** The actor may read the branch's reflections (member.read or reflection.grade on it) and their writers. */
  read: boolean;
  /** Under anonymous marking a marker (who grades there but does not approve) sees receipt numbers, not names. */
  seeNames: boolean;
}

export async function branchViews(exec: Executor, actor: Actor, branchIds: string[], anonymous: boolean): Promise<Map<string, BranchView>> {
  const ids = [...new Set(branchIds)];
  if (ids.length === 0) return new Map();
  const col = sql`b.id`;
  const rows = await queryRows<{ id: string; read: boolean; grade: boolean; approve: boolean }>(exec, sql`select b.id,
      (${orgScopeSql(actor, 'member.read', col)}) as read,
      (${orgScopeSql(actor, 'reflection.grade', col)}) as grade,
      (${orgScopeSql(actor, 'reflection.approve', col)}) as approve
    from unnest(string_to_array(${ids.join(',')}, ',')::uuid[]) as b(id)`);
  return new Map(rows.map((r) => [r.id, { read: !!r.read || !!r.grade, seeNames: !anonymous || !!r.approve || !r.grade }]));
}
