import type { Actor } from '../../kernel/access/actor.js';
import type { Action } from '../../kernel/access/permissions.js';
import { requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db } from '../../kernel/db/client.js';
import { ConflictError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { inheritContents, inheritDeadlines, limitsFromChain } from './campaigns.deadlines.js';
import * as campaigns from './campaigns.repository.js';
import { requireCampaign } from './campaigns.service.js';
import { validateIssue, validatePlanPatch, type PlanPatch } from './plans.validate.js';
import * as repo from './plans.repository.js';
import { planView, visiblePlan } from './plans.view.js';

export async function getPlan(db: Db, actor: Actor, id: string) {
  return planView(db, actor, await visiblePlan(db, actor, id));
}

/**
 * A lower committee starts its own plan inside the nearest issued plan above it: contents (marked as
 * inherited), deadlines and settings are copied, to be completed and tightened.
 */
export async function createPlan(db: Db, actor: Actor, campaignId: string, orgId: string) {
  const campaign = await requireCampaign(db, actor, campaignId);
  await requireAccess(db, actor, 'campaign.manage', orgId);
  if (!(await campaigns.isInSubtree(db, actor.tenantId, campaign.orgId, orgId))) throw new RuleViolationError('plan.outside_campaign');
  if (await repo.findPlanOfOrg(db, actor.tenantId, campaignId, orgId)) throw new ConflictError('plan.exists');
  const parent = await repo.nearestIssuedPlan(db, { tenantId: actor.tenantId, campaignId, orgId, self: false });
  if (!parent) throw new RuleViolationError('plan.parent_missing');
  const limits = limitsFromChain([parent, ...(await repo.upperChain(db, actor.tenantId, parent.id))]);
  const deadlines = inheritDeadlines({ levelDeadlines: [], reflectionsBy: null, reportBy: null, actionProgramBy: null }, limits);
  const plan = await db.transaction(async (tx) => {
    const row = await repo.insertPlan(tx, {
      tenantId: actor.tenantId, id: newId(), campaignId, orgId, parentPlanId: parent.id, title: parent.title, purpose: parent.purpose,
      contents: inheritContents(parent.id, parent.contents), attendees: parent.attendees, reflectionWriters: parent.reflectionWriters,
      includeExempt: parent.includeExempt, ...deadlines, createdBy: actor.userId,
    });
    if (!row) throw new ConflictError('plan.exists');
    await recordAudit(tx, actor, actor.tenantId, { action: 'plan.create', entityType: 'campaign_plan', entityId: row.id, after: row });
    return row;
  });
  return planView(db, actor, plan);
}

/** Edits a draft; every deadline is checked against the plans above and against each other. */
export async function updatePlan(db: Db, actor: Actor, id: string, patch: PlanPatch) {
  const before = await visiblePlan(db, actor, id);
  await requireAccess(db, actor, 'campaign.manage', before.orgId);
  if (before.status !== 'draft') throw new ConflictError('plan.state', `plan is ${before.status}`);
  const values = await validatePlanPatch(db, before, patch);
  const after = await db.transaction(async (tx) => {
    const row = await repo.transitionPlan(tx, { tenantId: actor.tenantId, id }, ['draft'], values);
    if (!row) throw new ConflictError('plan.state', 'plan left draft meanwhile');
    await recordAudit(tx, actor, actor.tenantId, { action: 'plan.update', entityType: 'campaign_plan', entityId: id, before, after: row });
    return row;
  });
  return planView(db, actor, after);
}

interface Transition {
  action: Action; from: repo.PlanStatus[]; to: repo.PlanStatus; audit: string;
  set?: Partial<repo.PlanRow>; note?: string;
  /** Input checks, run once the actor is known to be allowed (so outsiders learn nothing). */
  check?: (plan: repo.PlanRow) => Promise<void>;
}

/**
 * One status change, race-safe: the UPDATE only matches while the plan is still in a `from` status,
 * so of two concurrent approvals exactly one takes effect and the other gets plan.state.
 */
async function transition(db: Db, actor: Actor, id: string, t: Transition) {
  const before = await visiblePlan(db, actor, id);
  await requireAccess(db, actor, t.action, before.orgId);
  if (!t.from.includes(before.status as repo.PlanStatus)) throw new ConflictError('plan.state', `plan is ${before.status}`);
  await t.check?.(before);
  const after = await db.transaction(async (tx) => {
    const row = await repo.transitionPlan(tx, { tenantId: actor.tenantId, id }, t.from, { ...t.set, status: t.to });
    if (!row) throw new ConflictError('plan.state', `plan is not ${t.from.join('/')}`);
    await recordAudit(tx, actor, actor.tenantId, {
      action: t.audit, entityType: 'campaign_plan', entityId: id,
      before: { status: before.status }, after: { status: row.status, number: row.number, issuedOn: row.issuedOn, note: t.note ?? null },
    });
    return row;
  });
  return planView(db, actor, after);
}

export const submitPlan = (db: Db, actor: Actor, id: string) =>
  transition(db, actor, id, { action: 'campaign.manage', from: ['draft'], to: 'submitted', audit: 'plan.submit' });

export const approvePlan = (db: Db, actor: Actor, id: string) =>
  transition(db, actor, id, {
    action: 'campaign.approve', from: ['draft', 'submitted'], to: 'approved', audit: 'plan.approve',
    set: { approvedBy: actor.userId, approvedAt: new Date() },
  });

export const returnPlan = (db: Db, actor: Actor, id: string, note?: string) =>
  transition(db, actor, id, {
    action: 'campaign.approve', from: ['submitted', 'approved'], to: 'draft', audit: 'plan.return', note,
    set: { approvedBy: null, approvedAt: null },
  });

/** Issues an approved plan under its number and the date it was signed (see validateIssue). */
export async function issuePlan(db: Db, actor: Actor, id: string, input: { number?: string | null; issuedOn?: string | null }) {
  return transition(db, actor, id, {
    action: 'campaign.manage', from: ['approved'], to: 'issued', audit: 'plan.issue',
    check: (plan) => validateIssue(db, plan, input),
    set: { number: input.number?.trim(), issuedOn: input.issuedOn, issuedBy: actor.userId, issuedAt: new Date() },
  });
}
