import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { queryRows, type Db } from '../../kernel/db/client.js';
import { campaignViewOrg, includeExempt, planStatuses, requireCampaignAccess } from '../campaigns/index.js';

export interface CoverageCounts { covered: number; invited: number; attended: number; madeUp: number }
export interface CoverageRow extends CoverageCounts {
  orgId: string; orgName: string; orgCode: string; isLeaf: boolean;
  planRequired: boolean; planIssued: boolean; planIssuedOn: string | null; planDueBy: string | null; planLate: boolean;
}

/**
 * How far a campaign has reached under one org, per child org: members the plan covers (active, and
 * not exempt unless the plan includes them), invited, attended, made up (absent but studied at a
 * make-up, counted apart from attended), and whether the child issued its plan in time. Counted per
 * branch once, then summed over the closure table (ARCHITECTURE.md "Roll-ups").
 */
export async function campaignCoverage(db: Db, actor: Actor, campaignId: string, orgId?: string) {
  // A campaign the actor has no part in answers as if it did not exist. Without an org, the view opens
  // where the reader's part of the campaign begins (a commune's officer: the commune), like the others.
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const target = await campaignViewOrg(db, actor, campaign, orgId);
  const exempt = await includeExempt(db, actor.tenantId, campaignId);
  const rows = await queryRows<Record<string, unknown>>(db, coverageSql(actor.tenantId, campaignId, target, exempt));
  const total = rows.find((r) => r.org_id === target);
  const children = rows.filter((r) => r.org_id !== target);
  const plans = await planStatuses(db, actor.tenantId, campaignId, children.map((r) => r.org_id as string));
  return {
    campaignId, orgId: target, orgName: (total?.name as string) ?? '',
    total: total ? counts(total) : { covered: 0, invited: 0, attended: 0, madeUp: 0 },
    children: children.map((r): CoverageRow => {
      const plan = plans.get(r.org_id as string);
      return {
        orgId: r.org_id as string, orgName: r.name as string, orgCode: r.code as string, isLeaf: !!r.is_leaf, ...counts(r),
        planRequired: plan?.required ?? false, planIssued: plan?.issued ?? false, planIssuedOn: plan?.issuedOn ?? null,
        planDueBy: plan?.dueBy ?? null, planLate: plan?.late ?? false,
      };
    }),
  };
}

const counts = (r: Record<string, unknown>): CoverageCounts => ({
  covered: Number(r.covered ?? 0), invited: Number(r.invited ?? 0), attended: Number(r.attended ?? 0), madeUp: Number(r.made_up ?? 0),
});

function coverageSql(tenantId: string, campaignId: string, target: string, withExempt: boolean) {
  // Covered members come from the per-branch member counts (branch_member_counts, kept by a trigger on
  // members); invited / attended / made up from the per-branch counts kept with participation
  // (campaign_branch_counts). Both are one row per branch: nothing here reads member rows.
  const covered = withExempt ? sql`active` : sql`active_not_exempt`;
  return sql`with subtree as (
      select descendant_id as branch_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${target}::uuid),
    counted as (
      select coalesce(b.branch_id, k.branch_id) as branch_id, coalesce(b.covered, 0) as covered,
        coalesce(k.invited, 0) as invited, coalesce(k.attended, 0) as attended, coalesce(k.made_up, 0) as made_up
      from (select branch_id, ${covered} as covered from branch_member_counts
        where tenant_id = ${tenantId} and branch_id in (select branch_id from subtree)) b
      full join (select branch_id, invited, attended, made_up from campaign_branch_counts
        where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and branch_id in (select branch_id from subtree)) k
        on k.branch_id = b.branch_id),
    heads as (
      select o.id, o.name, o.code from orgs o
      where o.tenant_id = ${tenantId} and (o.id = ${target}::uuid or (o.parent_id = ${target}::uuid and o.status = 'active')))
    select h.id as org_id, h.name, h.code,
      not exists (select 1 from orgs k where k.tenant_id = ${tenantId} and k.parent_id = h.id and k.status = 'active') as is_leaf,
      coalesce(sum(b.covered), 0)::int as covered, coalesce(sum(b.invited), 0)::int as invited,
      coalesce(sum(b.attended), 0)::int as attended, coalesce(sum(b.made_up), 0)::int as made_up
    from heads h
    join org_closure c on c.tenant_id = ${tenantId} and c.ancestor_id = h.id
    left join counted b on b.branch_id = c.descendant_id
    group by h.id, h.name, h.code
    order by h.name`;
}
