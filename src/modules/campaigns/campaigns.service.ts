import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { NotFoundError, ValidationError } from '../../kernel/errors/app-error.js';
import { sql } from 'drizzle-orm';
import { homeOrgIds, isReachable, reachableSql } from './campaigns.access.js';
import * as repo from './campaigns.repository.js';
import * as plans from './plans.repository.js';
import { visibleResolution } from './resolutions.service.js';

export async function createCampaign(db: Db, actor: Actor, input: { resolutionId: string; orgId: string; title: string }) {
  await requireAccess(db, actor, 'campaign.manage', input.orgId);
  const resolution = await visibleResolution(db, actor, input.resolutionId);
  if (!(await repo.isInSubtree(db, actor.tenantId, resolution.orgId, input.orgId))) {
    throw new ValidationError('validation.failed', 'campaign org outside the resolution org', {
      errors: [{ path: 'orgId', message: `Tổ chức phát động phải thuộc ${resolution.orgName}, nơi ban hành Nghị quyết` }],
    });
  }
  const id = await db.transaction(async (tx) => {
    const campaign = await repo.insertCampaign(tx, { tenantId: actor.tenantId, id: newId(), resolutionId: resolution.id, orgId: input.orgId, title: input.title, createdBy: actor.userId });
    const plan = await plans.insertPlan(tx, {
      tenantId: actor.tenantId, id: newId(), campaignId: campaign.id, orgId: input.orgId, parentPlanId: null,
      title: `Kế hoạch học tập, quán triệt ${resolution.title}`, createdBy: actor.userId,
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'campaign.create', entityType: 'campaign', entityId: campaign.id, after: campaign });
    await recordAudit(tx, actor, actor.tenantId, { action: 'plan.create', entityType: 'campaign_plan', entityId: plan!.id, after: plan });
    return campaign.id;
  });
  return getCampaign(db, actor, id);
}

/** The campaign if the actor takes part in it (its org's subtree meets their scope or holds their branch), else 404. */
export async function requireCampaign(exec: Executor, actor: Actor, id: string) {
  const campaign = await repo.findCampaign(exec, actor.tenantId, id);
  if (!campaign || !(await isReachable(exec, actor, campaign.orgId))) throw new NotFoundError('campaign.not_found', `campaign ${id}`);
  return campaign;
}

export async function listCampaigns(db: Db, actor: Actor) {
  const campaigns = await repo.listCampaigns(db, actor.tenantId, reachableSql(actor, sql`c.org_id`));
  const out = [];
  for (const c of campaigns) {
    const [first] = await homeOrgs(db, actor, c, 1);
    const { rootPlanId: _r, ...summary } = c;
    out.push({ ...summary, myPlan: first ?? null });
  }
  return out;
}

export async function getCampaign(db: Db, actor: Actor, id: string) {
  const campaign = await requireCampaign(db, actor, id);
  const myPlans = await homeOrgs(db, actor, campaign);
  return { ...campaign, myPlan: myPlans[0] ?? null, myPlans, canManage: await can(db, actor, 'campaign.manage', campaign.orgId) };
}

/** The actor's orgs in the campaign (see homeOrgIds), each with its own plan and whether they may manage it. */
async function homeOrgs(exec: Executor, actor: Actor, campaign: { id: string; orgId: string }, limit = 20) {
  const ids = (await homeOrgIds(exec, actor, campaign.orgId)).slice(0, limit);
  const [orgs, own] = await Promise.all([
    repo.findOrgsBrief(exec, actor.tenantId, ids),
    plans.findPlansOfOrgs(exec, actor.tenantId, campaign.id, ids),
  ]);
  const out = [];
  for (const id of ids) {
    const org = orgs.find((o) => o.id === id)!;
    const plan = own.find((p) => p.orgId === id);
    out.push({
      orgId: id, orgName: org.name, levelId: org.levelId, levelName: org.levelName,
      plan: plan ? await briefFor(exec, actor, plan) : null,
      canManage: await can(exec, actor, 'campaign.manage', id),
    });
  }
  return out;
}

/** A plan not yet issued shows its status only to those who may not read it (a member sees their branch's is in the works). */
async function briefFor(exec: Executor, actor: Actor, plan: plans.PlanRow) {
  const brief = planBrief(plan);
  return plan.status === 'issued' || (await can(exec, actor, 'campaign.read', plan.orgId)) ? brief : { ...brief, number: null, title: '' };
}

export function planBrief(p: { id: string; number: string | null; status: string | null; issuedOn: string | null; title: string | null }) {
  return { id: p.id, number: p.number, status: p.status as plans.PlanStatus, issuedOn: p.issuedOn, title: p.title ?? '' };
}

/** Today in Vietnam, `yyyy-mm-dd`: deadlines are calendar days there. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
