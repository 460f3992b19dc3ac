import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql, requireAccess } from '../../kernel/access/policy.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { homeOrgIds } from './campaigns.access.js';
import * as repo from './campaigns.repository.js';
import { planBrief, requireCampaign, todayInVietnam } from './campaigns.service.js';
import { nearestIssuedPlan } from './plans.repository.js';
import { cascadeRows, type CascadeRow } from './plans.status.js';

/**
 * The cascade seen from one org: its own plan, the plan that governs it, and for each child org
 * whether it owes a plan, by when, whether it issued or is late, with counts over the orgs below so
 * an officer over hundreds of grassroots orgs sees where to look.
 */
export async function getCascade(db: Db, actor: Actor, campaignId: string, parentOrgId?: string, today = todayInVietnam()) {
  const campaign = await requireCampaign(db, actor, campaignId);
  const orgId = parentOrgId ?? (await homeOrgIds(db, actor, campaign.orgId))[0];
  if (!orgId) throw new NotFoundError('resource.not_found', 'no org of the actor in this campaign');
  await requireAccess(db, actor, 'campaign.read', orgId);
  if (!(await repo.isInSubtree(db, actor.tenantId, campaign.orgId, orgId))) throw new RuleViolationError('plan.outside_campaign');

  const rows = await cascadeRows(db, { tenantId: actor.tenantId, campaignId, today }, orgId);
  const self = rows.find((r) => r.orgId === orgId);
  if (!self) throw new NotFoundError('org.not_found', `org ${orgId} not active`);
  const children = rows.filter((r) => r.orgId !== orgId);
  const governing = await nearestIssuedPlan(db, { tenantId: actor.tenantId, campaignId, orgId, self: true });
  return {
    org: { id: orgId, name: self.orgName, levelId: self.levelId, levelName: self.levelName },
    trail: await repo.trailBetween(db, actor.tenantId, campaign.orgId, orgId, orgScopeSql(actor, 'campaign.read', sql`o.id`)),
    plan: self.planId ? planBrief({ ...self, id: self.planId }) : null,
    governingPlanId: governing?.id ?? null,
    canCreatePlan: !self.planId && !!governing && (await can(db, actor, 'campaign.manage', orgId)),
    children: children.map(childView),
    totals: totalsOf(children),
  };
}

function childView(r: CascadeRow) {
  return {
    orgId: r.orgId, orgName: r.orgName, orgCode: r.orgCode, levelId: r.levelId, levelName: r.levelName, childCount: r.childCount,
    plan: r.planId ? planBrief({ ...r, id: r.planId }) : null,
    required: r.required, dueBy: r.dueBy, late: r.late, below: r.below,
  };
}

/** Over the whole subtree below the viewed org: each child itself plus everything below it. */
function totalsOf(children: CascadeRow[]) {
  const t = { required: 0, issued: 0, late: 0 };
  for (const c of children) {
    t.required += c.below.required + (c.required ? 1 : 0);
    t.issued += c.below.issued + (c.required && c.issued ? 1 : 0);
    t.late += c.below.late + (c.late ? 1 : 0);
  }
  return t;
}
