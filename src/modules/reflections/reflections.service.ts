import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess, requireMemberAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { formatVnDate, governingPlan, requireCampaignAccess, todayInVietnam } from '../campaigns/index.js';
import { findMember } from '../members/index.js';
import * as repo from './reflections.repository.js';
import { DEFAULT_RUBRIC, validateRubric } from './reflections.rubric.js';
import { toReflection, toSettings, toVersion } from './reflections.view.js';
import { requireWriter } from './reflections.access.js';

export { submitMine } from './reflections.submit.js';

export async function getSettings(db: Db, actor: Actor, campaignId: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const [settings, plan, gradingStarted] = await Promise.all([
    repo.findSettings(db, actor.tenantId, campaignId), governingPlan(db, actor.tenantId, campaignId, campaign.orgId), hasGrades(db, actor.tenantId, campaignId),
  ]);
  return { ...toSettings(settings), plan: plan ? { number: plan.number, reflectionsBy: plan.reflectionsBy } : null, gradingStarted };
}

/** The body of a settings change; grading fields omitted keep their current value (callers from before grading). */
export type SettingsInput = Omit<repo.SettingsView, 'campaignId' | 'writers' | 'rubric' | 'secondMarker' | 'anonymousMarking'>
  & Partial<Pick<repo.SettingsView, 'writers' | 'rubric' | 'secondMarker' | 'anonymousMarking'>>;

/** The campaign's org decides how its reflections are collected and graded (campaign.manage there). */
export async function putSettings(db: Db, actor: Actor, campaignId: string, body: SettingsInput) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  await requireAccess(db, actor, 'campaign.manage', campaign.orgId);
  if (body.dueAt && body.cutoffAt && new Date(body.cutoffAt) < new Date(body.dueAt)) {
    throw new ValidationError('validation.failed', 'cutoff before due', { errors: [{ path: 'cutoffAt', message: 'Hạn chót không được sớm hơn hạn nộp' }] });
  }
  if (body.dueAt) {
    // The plan sets the deadline for reflections; the campaign's org may ask for them earlier, not later.
    const plan = await governingPlan(db, actor.tenantId, campaignId, campaign.orgId);
    if (plan?.reflectionsBy && todayInVietnam(new Date(body.dueAt)) > plan.reflectionsBy) {
      throw new ValidationError('validation.failed', `due after plan's ${plan.reflectionsBy}`, {
        errors: [{ path: 'dueAt', message: `Hạn nộp không được muộn hơn hạn nộp bài thu hoạch trong kế hoạch${plan.number ? ` ${plan.number}` : ''} (${formatVnDate(plan.reflectionsBy)})` }],
      });
    }
  }
  const rubricIssues = body.rubric ? validateRubric(body.rubric) : [];
  if (rubricIssues.length) throw new ValidationError('validation.failed', 'invalid rubric', { errors: rubricIssues });
  return db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, actor.tenantId, campaignId);
    const next: repo.SettingsView = {
      campaignId, mustHandwrite: body.mustHandwrite, dueAt: body.dueAt, cutoffAt: body.cutoffAt, maxPages: body.maxPages,
      writers: body.writers ?? before.writers, rubric: body.rubric === undefined ? before.rubric : body.rubric,
      secondMarker: body.secondMarker ?? before.secondMarker, anonymousMarking: body.anonymousMarking ?? before.anonymousMarking,
    };
    // Grades name the rubric's criteria and levels: once grading has begun, the rubric stays as it is.
    const rubricChanged = JSON.stringify(next.rubric ?? DEFAULT_RUBRIC) !== JSON.stringify(before.rubric ?? DEFAULT_RUBRIC);
    if (rubricChanged && (await hasGrades(tx, actor.tenantId, campaignId))) {
      throw new RuleViolationError('reflection.rubric_in_use', `campaign ${campaignId} has grades`);
    }
    await repo.upsertSettings(tx, actor.tenantId, actor.userId, next);
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.settings', entityType: 'campaign', entityId: campaignId, before, after: next });
    return toSettings(await repo.findSettings(tx, actor.tenantId, campaignId));
  });
}

async function hasGrades(exec: Executor, tenantId: string, campaignId: string) {
  const rows = await queryRows(exec, sql`select 1 as ok from reflection_grades where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid limit 1`);
  return rows.length > 0;
}

/** The signed-in member's reflection: settings, deadline state and every version. */
export async function mine(db: Db, actor: Actor, campaignId: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  if (!actor.memberId) throw new NotFoundError('reflection.not_found', 'actor is not a member');
  const member = await requireWriter(db, actor.tenantId, campaign, actor.memberId);
  const settings = toSettings(await repo.findSettings(db, actor.tenantId, campaignId));
  const now = new Date();
  const extension = await repo.activeExtension(db, actor.tenantId, campaignId, member.id, now);
  const row = await repo.findReflection(db, actor.tenantId, campaignId, member.id);
  const reflection = row ? toReflection(row, await repo.versionsOf(db, actor.tenantId, row.id)) : null;
  const open = !settings.cutoffAt || now <= new Date(settings.cutoffAt) || !!extension;
  return { campaign: { id: campaign.id, title: campaign.title }, settings, extensionUntil: extension?.toISOString() ?? null, open, reflection };
}

/** The branch committee (reflection.collect on the member's branch) acts for a member of the campaign. */
async function collectorTarget(db: Db, actor: Actor, campaignId: string, memberId: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const member = await findMember(db, actor.tenantId, memberId);
  if (!member) throw new NotFoundError('member.not_found', `member ${memberId}`);
  await requireMemberAccess(db, actor, 'reflection.collect', member);
  await requireWriter(db, actor.tenantId, campaign, memberId);
  return { campaign, member };
}

/** Records "handed in on paper" without a scan; recording it twice adds nothing. */
export async function recordPaper(db: Db, actor: Actor, campaignId: string, memberId: string) {
  const { member } = await collectorTarget(db, actor, campaignId, memberId);
  return db.transaction(async (tx) => {
    const row = await repo.lockReflection(tx, { tenantId: actor.tenantId, campaignId, memberId, branchId: member.branchId });
    const versions = await repo.versionsOf(tx, actor.tenantId, row.id);
    if (versions.at(-1)?.source === 'paper') return { replayed: true, reflection: toReflection(row, versions) };
    const version = await repo.appendVersion(tx, actor.tenantId, row.id, {
      text: null, recommendations: null, pages: [], pdf: null, source: 'paper', submittedBy: actor.userId, idempotencyKey: null,
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.paper', entityType: 'reflection', entityId: row.id, after: toVersion(version) });
    const fresh = await repo.findReflection(tx, actor.tenantId, campaignId, memberId);
    return { replayed: false, reflection: toReflection(fresh!, [...versions, version]) };
  });
}

export async function grantExtension(db: Db, actor: Actor, body: { campaignId: string; memberId: string; until: string; reason: string }) {
  await collectorTarget(db, actor, body.campaignId, body.memberId);
  const until = new Date(body.until);
  if (until <= new Date()) throw new ValidationError('validation.failed', 'extension in the past', { errors: [{ path: 'until', message: 'Thời hạn gia hạn phải ở tương lai' }] });
  return db.transaction(async (tx) => {
    const row = await repo.insertExtension(tx, {
      tenantId: actor.tenantId, id: newId(), campaignId: body.campaignId, memberId: body.memberId, until, reason: body.reason, grantedBy: actor.userId,
    });
    await recordAudit(tx, actor, actor.tenantId, { action: 'reflection.extension', entityType: 'member', entityId: body.memberId, after: row });
    return { id: row.id, campaignId: row.campaignId, memberId: row.memberId, until: row.until.toISOString(), reason: row.reason, grantedBy: row.grantedBy, createdAt: row.createdAt.toISOString() };
  });
}

/** A stored page, thumbnail or PDF: only for the member themself or who may read the member's branch. */
export async function getFile(db: Db, files: FileStore, actor: Actor, hash: string) {
  for (const owner of await repo.ownersOfFile(db, actor.tenantId, hash)) {
    if (owner.memberId === actor.memberId || (await can(db, actor, 'member.read', owner.branchId))) {
      return { mime: owner.mime, bytes: await files.get(hash) };
    }
  }
  throw new NotFoundError('resource.not_found', `file ${hash}`);
}
