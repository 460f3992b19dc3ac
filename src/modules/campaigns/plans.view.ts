import type { Actor } from '../../kernel/access/actor.js';
import { can } from '../../kernel/access/policy.js';
import type { Executor } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import { isReachable } from './campaigns.access.js';
import { limitsFromChain, withLevelFallback, type DeadlineLimits } from './campaigns.deadlines.js';
import { levelInfo } from './campaigns.repository.js';
import { todayInVietnam } from './campaigns.service.js';
import * as repo from './plans.repository.js';
import { flagsOf } from './plans.status.js';

/**
 * The plan if the actor may see it. An issued plan concerns its org's whole subtree (see
 * reachableSql); a draft, submitted or approved one only those who may read campaigns of its org.
 */
export async function visiblePlan(exec: Executor, actor: Actor, id: string): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(exec, actor.tenantId, id);
  if (!plan || !(await canSeePlan(exec, actor, plan))) throw new NotFoundError('plan.not_found', `plan ${id}`);
  return plan;
}

export async function canSeePlan(exec: Executor, actor: Actor, plan: { orgId: string; status: string | null }): Promise<boolean> {
  if (plan.status === 'issued') return isReachable(exec, actor, plan.orgId);
  return can(exec, actor, 'campaign.read', plan.orgId);
}

/** What the plans above allow, or null for a campaign's root plan. */
export async function limitsOf(exec: Executor, plan: repo.PlanRow): Promise<DeadlineLimits | null> {
  if (!plan.parentPlanId) return null;
  return limitsFromChain(await repo.upperChain(exec, plan.tenantId, plan.id));
}

export async function planView(exec: Executor, actor: Actor, plan: repo.PlanRow) {
  const [context, limits, levels, [flags], abilities] = await Promise.all([
    repo.planContext(exec, plan),
    limitsOf(exec, plan),
    levelInfo(exec, plan.tenantId),
    flagsOf(exec, { tenantId: plan.tenantId, campaignId: plan.campaignId, today: todayInVietnam() }, [plan.orgId]),
    abilitiesOf(exec, actor, plan),
  ]);
  return {
    id: plan.id, campaignId: plan.campaignId, campaignTitle: context.campaignTitle,
    orgId: plan.orgId, orgName: context.orgName, levelId: context.levelId, levelName: context.levelName,
    parentPlan: context.parent,
    number: plan.number, issuedOn: plan.issuedOn, title: plan.title, purpose: plan.purpose, contents: plan.contents,
    attendees: plan.attendees, reflectionWriters: plan.reflectionWriters, includeExempt: plan.includeExempt,
    levelDeadlines: plan.levelDeadlines, reflectionsBy: plan.reflectionsBy, reportBy: plan.reportBy, actionProgramBy: plan.actionProgramBy,
    status: plan.status as repo.PlanStatus,
    approvedAt: plan.approvedAt?.toISOString() ?? null, issuedAt: plan.issuedAt?.toISOString() ?? null, updatedAt: plan.updatedAt.toISOString(),
    limits: limits && withLevelFallback(limits, levels.ranks), dueBy: flags?.dueBy ?? null, late: flags?.late ?? false, abilities,
  };
}

/** What the actor may do to the plan now, so the page shows only the buttons that will work. */
async function abilitiesOf(exec: Executor, actor: Actor, plan: repo.PlanRow) {
  const [manage, approve] = await Promise.all([
    can(exec, actor, 'campaign.manage', plan.orgId),
    can(exec, actor, 'campaign.approve', plan.orgId),
  ]);
  const s = plan.status as repo.PlanStatus;
  return {
    edit: manage && s === 'draft',
    submit: manage && s === 'draft',
    approve: approve && (s === 'draft' || s === 'submitted'),
    issue: manage && s === 'approved',
    return: approve && (s === 'submitted' || s === 'approved'),
  };
}
