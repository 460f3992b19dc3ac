import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess, scopeRoots } from '../../kernel/access/policy.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { isReachable } from './campaigns.access.js';
import { limitsFromChain, withLevelFallback } from './campaigns.deadlines.js';
import { isInSubtree, levelInfo } from './campaigns.repository.js';
import { campaignPlans, campaigns, type LevelDeadline, type PlanContentItem } from './campaigns.table.js';
import { todayInVietnam } from './campaigns.service.js';
import * as plans from './plans.repository.js';
import { flagsOf } from './plans.status.js';

/** What other modules (materials, conferences, attendance, reports) may use of campaigns and plans. */

export type { LevelDeadline, PlanContentItem };
export { reachableSql as campaignReachableSql, homeOrgIds as campaignHomeOrgIds } from './campaigns.access.js';
export { formatVnDate } from './campaigns.deadlines.js';
export { todayInVietnam } from './campaigns.service.js';

export interface CampaignBrief { id: string; title: string; orgId: string; resolutionId: string; status: string }

export async function getCampaignBrief(exec: Executor, tenantId: string, campaignId: string): Promise<CampaignBrief | null> {
  const [row] = await exec.select({ id: campaigns.id, title: campaigns.title, orgId: campaigns.orgId, resolutionId: campaigns.resolutionId, status: campaigns.status })
    .from(campaigns).where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, campaignId)));
  return row ?? null;
}

/**
 * The campaign if the actor takes part in it: they may read campaigns somewhere in its org's subtree,
 * or belong to a branch inside it. Otherwise 404 `campaign.not_found`.
 */
export async function requireCampaignAccess(exec: Executor, actor: Actor, campaignId: string): Promise<CampaignBrief> {
  const campaign = await getCampaignBrief(exec, actor.tenantId, campaignId);
  if (!campaign || !(await isReachable(exec, actor, campaign.orgId))) throw new NotFoundError('campaign.not_found', `campaign ${campaignId}`);
  return campaign;
}

/**
 * Where a campaign-wide view opens without an org: the campaign's org, or for those who see only part of
 * it (a commune's officers, a branch committee) the highest org of theirs inside the campaign.
 */
export async function campaignViewTarget(exec: Executor, actor: Actor, campaignOrgId: string): Promise<string> {
  if (await can(exec, actor, 'campaign.read', campaignOrgId)) return campaignOrgId;
  const roots = scopeRoots(actor, 'campaign.read');
  if (roots.length === 0) return campaignOrgId;
  const [row] = await queryRows<{ id: string }>(exec, sql`select c.descendant_id as id from org_closure c
    where c.tenant_id = ${actor.tenantId} and c.ancestor_id = ${campaignOrgId}::uuid
      and c.descendant_id = any(string_to_array(${roots.join(',')}, ',')::uuid[])
    order by c.depth, c.descendant_id limit 1`);
  return row?.id ?? campaignOrgId;
}

/**
 * The org a campaign-wide view (coverage, statistics, copies, recommendations) is asked for, checked:
 * `orgId`, or the reader's default (campaignViewTarget); the reader may read campaigns there, and it
 * lies inside the campaign (else 422 plan.outside_campaign).
 */
export async function campaignViewOrg(exec: Executor, actor: Actor, campaign: CampaignBrief, orgId?: string): Promise<string> {
  const target = orgId ?? (await campaignViewTarget(exec, actor, campaign.orgId));
  await requireAccess(exec, actor, 'campaign.read', target);
  if (!(await isInSubtree(exec, actor.tenantId, campaign.orgId, target))) {
    throw new RuleViolationError('plan.outside_campaign', `org ${target} outside campaign ${campaign.id}`);
  }
  return target;
}

/** Whether `orgId` lies in the campaign's tree. */
export function isInCampaign(exec: Executor, tenantId: string, campaign: CampaignBrief, orgId: string): Promise<boolean> {
  return isInSubtree(exec, tenantId, campaign.orgId, orgId);
}

/** Whether the actor may see things of a campaign that belong to `orgId` (its subtree meets their scope). */
export { isReachable as isCampaignOrgReachable } from './campaigns.access.js';

export interface GoverningPlan {
  id: string; orgId: string; number: string | null; issuedOn: string | null; title: string;
  contents: PlanContentItem[]; attendees: string; reflectionWriters: string; includeExempt: boolean;
  /** The plan's own deadlines completed with those of the plans above it. */
  levelDeadlines: LevelDeadline[]; reflectionsBy: string | null; reportBy: string | null; actionProgramBy: string | null;
}

/** The issued plan that governs an org: its own, else the nearest issued one above it; null if none. */
export async function governingPlan(exec: Executor, tenantId: string, campaignId: string, orgId: string): Promise<GoverningPlan | null> {
  const plan = await plans.nearestIssuedPlan(exec, { tenantId, campaignId, orgId, self: true });
  if (!plan) return null;
  const chain = [plan, ...(await plans.upperChain(exec, tenantId, plan.id))];
  const effective = limitsFromChain(chain);
  return {
    id: plan.id, orgId: plan.orgId, number: plan.number, issuedOn: plan.issuedOn, title: plan.title,
    contents: plan.contents, attendees: plan.attendees, reflectionWriters: plan.reflectionWriters, includeExempt: plan.includeExempt,
    ...effective,
  };
}

/**
 * By when the org must hold its conferences: `conferencesBy` for the org's level in the governing plan
 * (own issued plan first, else the nearest issued above, each completed by the plans above it); for a
 * level no plan names, the nearest level above it that one does (as plan validation binds it).
 * `deadline` is null when nothing applies; the result is null when no issued plan governs the org.
 */
export async function conferenceDeadlineFor(exec: Executor, tenantId: string, campaignId: string, orgId: string): Promise<{ deadline: string | null; planId: string } | null> {
  const plan = await governingPlan(exec, tenantId, campaignId, orgId);
  if (!plan) return null;
  // Sequential: `exec` may be a caller's transaction.
  const levelId = await orgLevelId(exec, tenantId, orgId);
  const { ranks } = await levelInfo(exec, tenantId);
  const limits = withLevelFallback(plan, ranks);
  const deadline = limits.levelDeadlines.find((d) => d.levelId === levelId)?.conferencesBy ?? null;
  return { deadline, planId: plan.id };
}

/**
 * conferenceDeadlineFor for many orgs at once (a province officer's organizer list has hundreds): one
 * query finds each org's level and nearest issued plan (its own or above), and each distinct plan's
 * limits are worked out once — orgs under the same plan share them.
 */
export async function conferenceDeadlinesFor(exec: Executor, tenantId: string, campaignId: string, orgIds: string[]) {
  const out = new Map<string, { deadline: string | null; planId: string } | null>();
  if (orgIds.length === 0) return out;
  const rows = await queryRows<{ org_id: string; level_id: string | null; plan_id: string | null; plan_org_id: string | null }>(exec, sql`
    select t.id as org_id, o.level_id, g.plan_id, g.plan_org_id
    from unnest(${`{${orgIds.join(',')}}`}::uuid[]) as t(id)
    left join orgs o on o.tenant_id = ${tenantId} and o.id = t.id
    left join lateral (
      select p.id as plan_id, p.org_id as plan_org_id from org_closure c
      join campaign_plans p on p.tenant_id = c.tenant_id and p.org_id = c.ancestor_id and p.campaign_id = ${campaignId}::uuid and p.status = 'issued'
      where c.tenant_id = ${tenantId} and c.descendant_id = t.id and c.depth >= 0
      order by c.depth limit 1) g on true`);
  const { ranks } = await levelInfo(exec, tenantId);
  const limitsOf = new Map<string, ReturnType<typeof withLevelFallback> | null>();
  for (const r of rows) {
    if (!r.plan_id || !r.plan_org_id) { out.set(r.org_id, null); continue; }
    if (!limitsOf.has(r.plan_id)) {
      // Sequential: `exec` may be a caller's transaction. The plan's own org is governed by the plan itself.
      const plan = await governingPlan(exec, tenantId, campaignId, r.plan_org_id);
      limitsOf.set(r.plan_id, plan ? withLevelFallback(plan, ranks) : null);
    }
    const limits = limitsOf.get(r.plan_id);
    out.set(r.org_id, limits ? { deadline: limits.levelDeadlines.find((d) => d.levelId === r.level_id)?.conferencesBy ?? null, planId: r.plan_id } : null);
  }
  return out;
}

async function orgLevelId(exec: Executor, tenantId: string, orgId: string): Promise<string | null> {
  const [row] = await queryRows<{ levelId: string }>(exec, sql`select level_id as "levelId" from orgs where tenant_id = ${tenantId} and id = ${orgId}::uuid`);
  return row?.levelId ?? null;
}

/** Whether exempt members (miễn sinh hoạt) are invited: the campaign root plan's setting. */
export async function includeExempt(exec: Executor, tenantId: string, campaignId: string): Promise<boolean> {
  const [row] = await exec.select({ includeExempt: campaignPlans.includeExempt }).from(campaignPlans).where(and(
    eq(campaignPlans.tenantId, tenantId), eq(campaignPlans.campaignId, campaignId), isNull(campaignPlans.parentPlanId)));
  return row?.includeExempt ?? false;
}

export interface PlanStatusOfOrg { required: boolean; issued: boolean; issuedOn: string | null; dueBy: string | null; late: boolean }

/**
 * For each org: whether it owes a plan (its level has a planBy in the nearest issued plan above), has
 * issued one, when, by when it had to, and whether it is late. One query whatever the number of orgs.
 */
export async function planStatuses(exec: Executor, tenantId: string, campaignId: string, orgIds: string[], today = todayInVietnam()): Promise<Map<string, PlanStatusOfOrg>> {
  const rows = await flagsOf(exec, { tenantId, campaignId, today }, [...new Set(orgIds)]);
  return new Map(rows.map((r) => [r.orgId, {
    required: r.required, issued: r.issued, issuedOn: r.status === 'issued' ? r.issuedOn : null, dueBy: r.dueBy, late: r.late,
  }]));
}

export interface ResolutionText { id: string; kind: string; title: string; body: string }

/** The texts of the campaign's Resolution documents (the sources of copy checks), oldest first; none without text. */
export async function resolutionTextsOfCampaign(exec: Executor, tenantId: string, campaignId: string): Promise<ResolutionText[]> {
  return queryRows<ResolutionText>(exec, sql`select d.id, d.kind, d.title, d.body from campaigns c
    join resolution_documents d on d.tenant_id = c.tenant_id and d.resolution_id = c.resolution_id
    where c.tenant_id = ${tenantId} and c.id = ${campaignId}::uuid and coalesce(d.body, '') <> ''
    order by d.created_at, d.id`);
}
