import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { campaignPlans } from './campaigns.table.js';

export type PlanRow = typeof campaignPlans.$inferSelect;
export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'issued';

export async function insertPlan(exec: Executor, row: typeof campaignPlans.$inferInsert): Promise<PlanRow | null> {
  const [created] = await exec.insert(campaignPlans).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function findPlan(exec: Executor, tenantId: string, id: string): Promise<PlanRow | null> {
  const [row] = await exec.select().from(campaignPlans).where(and(eq(campaignPlans.tenantId, tenantId), eq(campaignPlans.id, id)));
  return row ?? null;
}

export async function findPlanOfOrg(exec: Executor, tenantId: string, campaignId: string, orgId: string): Promise<PlanRow | null> {
  const [row] = await exec.select().from(campaignPlans).where(and(
    eq(campaignPlans.tenantId, tenantId), eq(campaignPlans.campaignId, campaignId), eq(campaignPlans.orgId, orgId)));
  return row ?? null;
}

export async function findPlansOfOrgs(exec: Executor, tenantId: string, campaignId: string, orgIds: string[]): Promise<PlanRow[]> {
  if (orgIds.length === 0) return [];
  return exec.select().from(campaignPlans).where(and(
    eq(campaignPlans.tenantId, tenantId), eq(campaignPlans.campaignId, campaignId), inArray(campaignPlans.orgId, orgIds)));
}

/** The plans above `planId`, following parent_plan_id, nearest first (one query). */
export async function upperChain(exec: Executor, tenantId: string, planId: string): Promise<PlanRow[]> {
  const rows = await queryRows<{ id: string; n: number }>(exec, sql`
    with recursive chain as (
      select p.id, p.parent_plan_id, 0 as n from campaign_plans p where p.tenant_id = ${tenantId} and p.id = ${planId}::uuid
      union all
      select p.id, p.parent_plan_id, chain.n + 1 from campaign_plans p
      join chain on p.tenant_id = ${tenantId} and p.id = chain.parent_plan_id
      where chain.n < 50)
    select id, n from chain where n > 0 order by n`);
  if (rows.length === 0) return [];
  const plans = await exec.select().from(campaignPlans)
    .where(and(eq(campaignPlans.tenantId, tenantId), inArray(campaignPlans.id, rows.map((r) => r.id))));
  return rows.map((r) => plans.find((p) => p.id === r.id)!);
}

/**
 * The nearest issued plan of the campaign on the way up from `orgId`: the org's own when `self` is
 * true, else strictly above it.
 */
export async function nearestIssuedPlan(exec: Executor, o: { tenantId: string; campaignId: string; orgId: string; self: boolean }): Promise<PlanRow | null> {
  const [hit] = await queryRows<{ id: string }>(exec, sql`
    select p.id from org_closure c
    join campaign_plans p on p.tenant_id = c.tenant_id and p.org_id = c.ancestor_id and p.campaign_id = ${o.campaignId}::uuid and p.status = 'issued'
    where c.tenant_id = ${o.tenantId} and c.descendant_id = ${o.orgId}::uuid and c.depth >= ${o.self ? 0 : 1}
    order by c.depth limit 1`);
  return hit ? findPlan(exec, o.tenantId, hit.id) : null;
}

/** Moves a plan from one of `from` to a new status; null when it was not in one of them (lost a race). */
export async function transitionPlan(
  exec: Executor, key: { tenantId: string; id: string }, from: PlanStatus[], set: Partial<PlanRow>,
): Promise<PlanRow | null> {
  const [row] = await exec.update(campaignPlans).set({ ...set, updatedAt: new Date() })
    .where(and(eq(campaignPlans.tenantId, key.tenantId), eq(campaignPlans.id, key.id), inArray(campaignPlans.status, from)))
    .returning();
  return row ?? null;
}

export interface PlanContext {
  campaignTitle: string; orgName: string; levelId: string; levelName: string;
  parent: { id: string; number: string | null; title: string; orgName: string } | null;
}

export async function planContext(exec: Executor, plan: PlanRow): Promise<PlanContext> {
  const [row] = await queryRows<PlanContext>(exec, sql`
    select c.title as "campaignTitle", o.name as "orgName", o.level_id as "levelId", l.name as "levelName",
      case when pp.id is null then null else json_build_object('id', pp.id, 'number', pp.number, 'title', pp.title, 'orgName', po.name) end as parent
    from campaigns c
    join orgs o on o.tenant_id = c.tenant_id and o.id = ${plan.orgId}::uuid
    join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    left join campaign_plans pp on pp.tenant_id = c.tenant_id and pp.id = ${plan.parentPlanId}::uuid
    left join orgs po on po.tenant_id = pp.tenant_id and po.id = pp.org_id
    where c.tenant_id = ${plan.tenantId} and c.id = ${plan.campaignId}::uuid`);
  return row;
}
