import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { orgScopeSql, scopeRoots } from '../../kernel/access/policy.js';

/**
 * Who may read a material, as SQL over a materials row `mt`:
 * - those who may manage materials of the publishing org: everything, drafts and withdrawn included;
 * - once published (and, for a variant, its master too): officers whose campaign scope lies under
 *   the publisher (they pass it on) or contains it (they follow it), and members whose branch lies
 *   under the publisher. A commune's material is for that commune's subtree only.
 */
export function materialVisibleSql(actor: Actor, alias = 'mt'): SQL {
  const mt = sql.raw(alias);
  const orgId = sql.raw(`${alias}.org_id`);
  const published = sql`${mt}.status = 'published' and (${mt}.master_id is null or exists (
    select 1 from materials p where p.tenant_id = ${mt}.tenant_id and p.id = ${mt}.master_id and p.status = 'published'))`;
  const readers = [orgScopeSql(actor, 'campaign.read', orgId)];
  const roots = scopeRoots(actor, 'campaign.read');
  if (roots.length) {
    readers.push(sql`${orgId} in (select c.ancestor_id from org_closure c where c.tenant_id = ${actor.tenantId}
      and c.descendant_id in (${sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `)}))`);
  }
  if (actor.memberId) readers.push(memberLineageSql(actor.tenantId, actor.memberId, orgId));
  return sql`(${orgScopeSql(actor, 'material.manage', orgId)} or (${published} and (${sql.join(readers, sql` or `)})))`;
}

/** `orgIdColumn` is the member's branch or one of its ancestors (the member is active). */
export function memberLineageSql(tenantId: string, memberId: string, orgIdColumn: SQL): SQL {
  return sql`${orgIdColumn} in (select c.ancestor_id from org_closure c
    join members me on me.tenant_id = c.tenant_id and me.branch_id = c.descendant_id
    where c.tenant_id = ${tenantId} and me.id = ${memberId}::uuid and me.left_at is null)`;
}
