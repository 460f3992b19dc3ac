import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { campaigns } from './campaigns.table.js';

export type CampaignRow = typeof campaigns.$inferSelect;

export interface CampaignView {
  id: string; title: string; status: string; orgId: string; orgName: string; createdAt: string;
  resolution: { id: string; title: string };
  rootPlanId: string | null;
}

const VIEW = sql`c.id, c.title, c.status, c.org_id as "orgId", o.name as "orgName", to_json(c.created_at)#>>'{}' as "createdAt",
  json_build_object('id', r.id, 'title', r.title) as resolution,
  (select p.id from campaign_plans p where p.tenant_id = c.tenant_id and p.campaign_id = c.id and p.org_id = c.org_id) as "rootPlanId"`;
const FROM = sql`from campaigns c
  join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
  join resolutions r on r.tenant_id = c.tenant_id and r.id = c.resolution_id`;

export async function insertCampaign(exec: Executor, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [created] = await exec.insert(campaigns).values(row).returning();
  return created;
}

export async function findCampaign(exec: Executor, tenantId: string, id: string): Promise<CampaignView | null> {
  const [row] = await queryRows<CampaignView>(exec, sql`select ${VIEW} ${FROM} where c.tenant_id = ${tenantId} and c.id = ${id}::uuid`);
  return row ?? null;
}

/** Campaigns whose org satisfies `visible` (a condition on c.org_id), newest first. */
export async function listCampaigns(exec: Executor, tenantId: string, visible: SQL): Promise<CampaignView[]> {
  return queryRows(exec, sql`select ${VIEW} ${FROM} where c.tenant_id = ${tenantId} and ${visible} order by c.created_at desc limit 500`);
}

export interface OrgBrief { id: string; name: string; levelId: string; levelName: string; levelRank: number; parentId: string | null; status: string }

export async function findOrgsBrief(exec: Executor, tenantId: string, ids: string[]): Promise<OrgBrief[]> {
  if (ids.length === 0) return [];
  return queryRows(exec, sql`select o.id, o.name, o.level_id as "levelId", l.name as "levelName", l.rank as "levelRank",
      o.parent_id as "parentId", o.status
    from orgs o join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    where o.tenant_id = ${tenantId} and o.id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
}

/** The tenant's levels: names (for messages) and ranks (0 = top). */
export async function levelInfo(exec: Executor, tenantId: string): Promise<{ names: Record<string, string>; ranks: Record<string, number> }> {
  const rows = await queryRows<{ id: string; name: string; rank: number }>(exec, sql`select id, name, rank from org_levels where tenant_id = ${tenantId}`);
  return { names: Object.fromEntries(rows.map((r) => [r.id, r.name])), ranks: Object.fromEntries(rows.map((r) => [r.id, r.rank])) };
}

export async function isInSubtree(exec: Executor, tenantId: string, ancestorId: string, id: string): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 as ok from org_closure where tenant_id = ${tenantId}
    and ancestor_id = ${ancestorId}::uuid and descendant_id = ${id}::uuid`);
  return rows.length > 0;
}

/** The ancestors of `id` from `topId` down (both included), satisfying `scope` (a condition on o.id). */
export async function trailBetween(exec: Executor, tenantId: string, topId: string, id: string, scope: SQL): Promise<Array<{ id: string; name: string }>> {
  return queryRows(exec, sql`select o.id, o.name from org_closure c
    join orgs o on o.tenant_id = c.tenant_id and o.id = c.ancestor_id
    where c.tenant_id = ${tenantId} and c.descendant_id = ${id}::uuid and ${scope}
      and exists (select 1 from org_closure t where t.tenant_id = c.tenant_id and t.ancestor_id = ${topId}::uuid and t.descendant_id = o.id)
    order by o.depth`);
}
