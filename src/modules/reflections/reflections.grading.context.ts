/** Who may grade what: the branch (or the reflection's branch) checked, with the campaign's grading settings. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess } from '../../kernel/access/policy.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { includeExempt, requireCampaignAccess } from '../campaigns/index.js';
import * as gradingRepo from './reflections.grading.repository.js';
import * as repo from './reflections.repository.js';
import { DEFAULT_RUBRIC, type Rubric } from './reflections.rubric.js';

export interface GradingContext {
  campaign: { id: string; title: string; orgId: string };
  branchId: string; branchName: string;
  settings: repo.SettingsView; rubric: Rubric; withExempt: boolean;
  abilities: { grade: boolean; approve: boolean; seeNames: boolean };
}

async function orgName(exec: Executor, tenantId: string, orgId: string) {
  const [row] = await queryRows<{ name: string }>(exec, sql`select name from orgs where tenant_id = ${tenantId} and id = ${orgId}::uuid`);
  return row?.name ?? '';
}

async function settle(db: Db, actor: Actor, campaign: GradingContext['campaign'], branchId: string): Promise<GradingContext> {
  const settings = await repo.findSettings(db, actor.tenantId, campaign.id);
  const grade = await can(db, actor, 'reflection.grade', branchId);
  const approve = await can(db, actor, 'reflection.approve', branchId);
  return {
    campaign, branchId, branchName: await orgName(db, actor.tenantId, branchId), settings, rubric: settings.rubric ?? DEFAULT_RUBRIC,
    withExempt: await includeExempt(db, actor.tenantId, campaign.id),
    // Under anonymous marking only the approving secretary sees who wrote what.
    abilities: { grade, approve, seeNames: !settings.anonymousMarking || approve },
  };
}

/** A branch of the campaign where the actor may grade (or approve); out of scope answers 404. */
export async function branchContext(db: Db, actor: Actor, campaignId: string, branchId: string): Promise<GradingContext> {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  if (!(await can(db, actor, 'reflection.approve', branchId))) await requireAccess(db, actor, 'reflection.grade', branchId);
  const inside = await queryRows(db, sql`select 1 as ok from org_closure where tenant_id = ${actor.tenantId}
    and ancestor_id = ${campaign.orgId}::uuid and descendant_id = ${branchId}::uuid`);
  if (inside.length === 0) throw new RuleViolationError('plan.outside_campaign', `branch ${branchId} outside campaign ${campaignId}`);
  return settle(db, actor, campaign, branchId);
}

/** A reflection the actor may act on with `action` (on the branch that collected it); else 404. */
export async function reflectionContext(db: Db, actor: Actor, id: string, action: 'reflection.grade' | 'reflection.approve' | 'read') {
  const row = await gradingRepo.findReflectionById(db, actor.tenantId, id);
  if (!row) throw new NotFoundError('reflection.not_found', `reflection ${id}`);
  if (action === 'read') {
    if (!(await can(db, actor, 'reflection.approve', row.branchId))) await requireAccess(db, actor, 'reflection.grade', row.branchId);
  } else {
    await requireAccess(db, actor, action, row.branchId);
  }
  const campaign = await requireCampaignAccess(db, actor, row.campaignId);
  return { row, ctx: await settle(db, actor, campaign, row.branchId) };
}
