import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { scopeRoots } from '../../kernel/access/policy.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';

/**
 * Who sees a campaign, a resolution or a plan of an org X. The work flows down the tree, so X's
 * documents concern everyone inside X's subtree: an actor sees them when they may read campaigns
 * somewhere in X's subtree (a branch committee sees the province's campaign, since its branch lies
 * inside), when X lies inside their scope, or when they are a member of a branch inside X.
 */
export function reachableSql(actor: Actor, orgIdColumn: SQL): SQL {
  const roots = scopeRoots(actor, 'campaign.read');
  const parts: SQL[] = [];
  if (roots.length > 0) {
    const list = sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `);
    parts.push(sql`exists (select 1 from org_closure rc where rc.tenant_id = ${actor.tenantId}
      and rc.ancestor_id = ${orgIdColumn} and rc.descendant_id in (${list}))`);
    parts.push(sql`exists (select 1 from org_closure rc where rc.tenant_id = ${actor.tenantId}
      and rc.descendant_id = ${orgIdColumn} and rc.ancestor_id in (${list}))`);
  }
  if (actor.memberId) {
    parts.push(sql`exists (select 1 from members rm join org_closure rc on rc.tenant_id = rm.tenant_id and rc.descendant_id = rm.branch_id
      where rm.tenant_id = ${actor.tenantId} and rm.id = ${actor.memberId}::uuid and rc.ancestor_id = ${orgIdColumn})`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export async function isReachable(exec: Executor, actor: Actor, orgId: string): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 as ok where ${reachableSql(actor, sql`${orgId}::uuid`)}`);
  return rows.length > 0;
}

/**
 * The orgs from which the actor takes part in a campaign led from `campaignOrgId`: the campaign's org
 * itself when their scope covers it, else their outermost scope roots inside it, else the branch they
 * belong to. The first is where their pages start.
 */
export async function homeOrgIds(exec: Executor, actor: Actor, campaignOrgId: string): Promise<string[]> {
  const roots = scopeRoots(actor, 'campaign.read');
  const candidates = actor.memberId ? sql`
    union all select rm.branch_id, 1 from members rm where rm.tenant_id = ${actor.tenantId} and rm.id = ${actor.memberId}::uuid` : sql``;
  const rootList = roots.length ? sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `) : sql`null::uuid`;
  const rows = await queryRows<{ id: string }>(exec, sql`
    with cand as (
      select case when exists (select 1 from org_closure up where up.tenant_id = ${actor.tenantId}
                                 and up.ancestor_id = r.id and up.descendant_id = ${campaignOrgId}::uuid)
             then ${campaignOrgId}::uuid else r.id end as id, 0 as pri
      from (select unnest(array[${rootList}]::uuid[]) as id) r where r.id is not null
      ${candidates}),
    inside as (
      select cand.id, min(cand.pri) as pri from cand
      join org_closure c on c.tenant_id = ${actor.tenantId} and c.ancestor_id = ${campaignOrgId}::uuid and c.descendant_id = cand.id
      group by cand.id)
    select i.id from inside i join orgs o on o.tenant_id = ${actor.tenantId} and o.id = i.id
    where not exists (select 1 from org_closure x join inside j on j.id = x.ancestor_id
                      where x.tenant_id = ${actor.tenantId} and x.descendant_id = i.id and x.depth > 0)
    order by i.pri, o.depth, o.code`);
  return rows.map((r) => r.id);
}
