/**
 * The board's hand work on its pool: retitle, mark sensible or dismiss, merge, split, forward to the
 * board above and report to its own Standing Committee, withdraw a forwarding; and the answer or
 * decision a level gives, which every lower level and branch then reads through the chain.
 *
 * Each write locks the groups it touches (`for update`, in id order), checks, writes and audits in one
 * transaction: a double click or two officers at once give one effect.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { getCampaignBrief, isInCampaign } from '../campaigns/index.js';
import { withPoolCompute } from './recommendations.compute.js';
import { extractCampaign, gatherPool } from './recommendations.pool.js';
import * as repo from './recommendations.repository.js';
import { requirePoolOrg } from './recommendations.service.js';

type Status = 'open' | 'selected' | 'dismissed';

/** Locks and returns the group; 404 unless the actor may `action` on its pool (or at least read it: 403). */
async function lockGroup(tx: Executor, actor: Actor, groupId: string, action: 'recommendation.manage' | 'recommendation.answer') {
  const group = await repo.findGroup(tx, actor.tenantId, groupId, true);
  if (!group) throw new NotFoundError('recommendation.group_not_found', `group ${groupId}`);
  await requireAccess(tx, actor, action, group.orgId);
  return group;
}

async function audit(tx: Executor, actor: Actor, action: string, groupId: string, before: unknown, after: unknown) {
  await recordAudit(tx, actor, actor.tenantId, { action, entityType: 'recommendation_group', entityId: groupId, before, after });
}

export async function updateGroup(db: Db, actor: Actor, groupId: string, body: { title?: string; status?: Status; note?: string | null }) {
  await db.transaction(async (tx) => {
    const g = await lockGroup(tx, actor, groupId, 'recommendation.manage');
    const title = body.title?.trim();
    if (body.title !== undefined && !title) throw new ValidationError('validation.failed', 'empty title', { errors: [{ path: 'title', message: 'Tiêu đề nhóm kiến nghị không được để trống' }] });
    if (body.status && body.status !== 'selected' && g.forwardedAt) throw new RuleViolationError('recommendation.forwarded_locked', 'forwarded groups stay selected');
    await tx.execute(sql`update recommendation_groups set
        title = ${title ?? g.title}, title_edited = ${title !== undefined && title !== g.title ? true : g.titleEdited},
        status = ${body.status ?? g.status}, note = ${body.note !== undefined ? (body.note?.trim() || null) : g.note}, updated_at = now()
      where tenant_id = ${actor.tenantId} and id = ${groupId}::uuid`);
    // The pool above reads a forwarded group by its title: keep it current.
    if (title && g.forwardedAt) {
      await tx.execute(sql`update recommendation_entries set text = ${title} where tenant_id = ${actor.tenantId} and source_group_id = ${groupId}::uuid`);
    }
    await audit(tx, actor, 'recommendation.update', groupId, { title: g.title, status: g.status, note: g.note }, body);
  });
}

/** Moves the entries of `groupIds` into `targetId` (same pool) and removes the emptied groups. */
export async function mergeGroups(db: Db, actor: Actor, body: { targetId: string; groupIds: string[] }) {
  const others = [...new Set(body.groupIds)].filter((id) => id !== body.targetId);
  if (others.length === 0) throw new ValidationError('validation.failed', 'nothing to merge', { errors: [{ path: 'groupIds', message: 'Chọn ít nhất hai nhóm để gộp' }] });
  await db.transaction(async (tx) => {
    const groups = await repo.groupsByIds(tx, actor.tenantId, [body.targetId, ...others], true);
    const target = groups.find((g) => g.id === body.targetId);
    if (!target || groups.length !== others.length + 1) throw new NotFoundError('recommendation.group_not_found', 'a group to merge is missing');
    await requireAccess(tx, actor, 'recommendation.manage', target.orgId);
    const sources = groups.filter((g) => g.id !== body.targetId);
    const foreign = sources.filter((g) => g.orgId !== target.orgId || g.campaignId !== target.campaignId);
    // Another pool's group looks missing unless the actor may work that pool too.
    for (const g of foreign) await requireAccess(tx, actor, 'recommendation.manage', g.orgId);
    if (foreign.length > 0) throw new RuleViolationError('recommendation.other_pool', 'groups of different pools');
    if (sources.some((g) => g.forwardedAt)) throw new RuleViolationError('recommendation.forwarded_locked', 'a forwarded group cannot be merged away');
    if (sources.some((g) => g.answer)) throw new RuleViolationError('recommendation.answered_locked', 'an answered group cannot be merged away');
    const ids = sql.join(sources.map((g) => sql`${g.id}::uuid`), sql`, `);
    await tx.execute(sql`update recommendation_entries set group_id = ${target.id}::uuid where tenant_id = ${actor.tenantId} and group_id in (${ids})`);
    await tx.execute(sql`delete from recommendation_groups where tenant_id = ${actor.tenantId} and id in (${ids})`);
    await tx.execute(sql`update recommendation_groups set updated_at = now() where tenant_id = ${actor.tenantId} and id = ${target.id}::uuid`);
    await repo.syncForwardedWeights(tx, actor.tenantId, [target.id]);
    await audit(tx, actor, 'recommendation.merge', target.id, { groups: sources.map((g) => ({ id: g.id, title: g.title, count: g.count })) }, { into: target.id });
  });
}

/** Takes some entries out of a group into a new group of the same pool; returns the new group's id. */
export async function splitGroup(db: Db, actor: Actor, groupId: string, body: { entryIds: string[]; title?: string }): Promise<string> {
  const entryIds = [...new Set(body.entryIds)];
  if (entryIds.length === 0) throw new ValidationError('validation.failed', 'no entries', { errors: [{ path: 'entryIds', message: 'Chọn ít nhất một ý kiến để tách' }] });
  return db.transaction(async (tx) => {
    const g = await lockGroup(tx, actor, groupId, 'recommendation.manage');
    const entries = await repo.entriesOfGroup(tx, actor.tenantId, groupId);
    const inGroup = new Set(entries.map((e) => e.id));
    if (entryIds.some((id) => !inGroup.has(id))) throw new RuleViolationError('recommendation.entry_foreign', 'entry not in the group');
    if (entryIds.length >= entries.length) throw new RuleViolationError('recommendation.split_all', 'keep at least one entry');
    const first = entries.find((e) => e.id === entryIds[0])!;
    const id = newId();
    await repo.insertGroups(tx, actor.tenantId, g.campaignId, g.orgId, [{ id, title: body.title?.trim() || first.text }]);
    if (body.title?.trim()) await tx.execute(sql`update recommendation_groups set title_edited = true where tenant_id = ${actor.tenantId} and id = ${id}::uuid`);
    await tx.execute(sql`update recommendation_entries set group_id = ${id}::uuid where tenant_id = ${actor.tenantId}
      and group_id = ${groupId}::uuid and id = any(string_to_array(${entryIds.join(',')}, ',')::uuid[])`);
    await repo.syncForwardedWeights(tx, actor.tenantId, [groupId, id]);
    await audit(tx, actor, 'recommendation.split', groupId, { entries: entries.length }, { newGroup: id, entryIds });
    return id;
  });
}

/**
 * Forwards a sensible group to the board above (it joins that pool as one entry carrying the count)
 * and/or reports it to this level's own Standing Committee. Forwarding twice has one effect.
 */
export async function forwardGroup(db: Db, actor: Actor, groupId: string, body: { upper?: boolean; committee?: boolean }) {
  const forwarded = await db.transaction(async (tx) => {
    const g = await lockGroup(tx, actor, groupId, 'recommendation.manage');
    if (g.status !== 'selected') throw new RuleViolationError('recommendation.not_selected', `group is ${g.status}`);
    let pool: string | null = null;
    if (body.upper) {
      const campaign = (await getCampaignBrief(tx, actor.tenantId, g.campaignId))!;
      const org = (await repo.orgInfo(tx, actor.tenantId, g.orgId))!;
      if (g.orgId === campaign.orgId || !org.parentId) throw new RuleViolationError('recommendation.no_upper', 'top of the campaign');
      pool = org.parentId;
      await tx.execute(sql`insert into recommendation_entries (tenant_id, id, campaign_id, pool_org_id, kind, text, weight, origin_org_id, source_group_id)
        values (${actor.tenantId}, ${newId()}, ${g.campaignId}::uuid, ${pool}::uuid, 'forwarded', ${g.title}, ${g.count}, ${g.orgId}::uuid, ${g.id}::uuid)
        on conflict (tenant_id, source_group_id) where source_group_id is not null do update set text = excluded.text, weight = excluded.weight`);
    }
    await tx.execute(sql`update recommendation_groups set
        forwarded_at = case when ${!!body.upper} then coalesce(forwarded_at, now()) else forwarded_at end,
        forwarded_by = case when ${!!body.upper} and forwarded_at is null then ${actor.userId}::uuid else forwarded_by end,
        reported_at = case when ${!!body.committee} then coalesce(reported_at, now()) else reported_at end,
        reported_by = case when ${!!body.committee} and reported_at is null then ${actor.userId}::uuid else reported_by end,
        updated_at = now()
      where tenant_id = ${actor.tenantId} and id = ${groupId}::uuid`);
    await audit(tx, actor, 'recommendation.forward', groupId, { forwardedAt: g.forwardedAt, reportedAt: g.reportedAt }, { upper: !!body.upper, committee: !!body.committee, count: g.count });
    return pool ? { pool, campaignId: g.campaignId } : null;
  });
  // The board above finds it already placed among its groups.
  if (forwarded) await withPoolCompute({ priority: 'normal' }, (compute) => gatherPool(db, actor.tenantId, forwarded.campaignId, forwarded.pool, compute));
}

/** Takes a forwarding back: the entry leaves the pool above (its answers, if any, no longer apply). */
export async function withdrawForward(db: Db, actor: Actor, groupId: string) {
  await db.transaction(async (tx) => {
    const g = await lockGroup(tx, actor, groupId, 'recommendation.manage');
    if (!g.forwardedAt) return;
    const held = await queryRows<{ group_id: string | null }>(tx, sql`delete from recommendation_entries
      where tenant_id = ${actor.tenantId} and source_group_id = ${groupId}::uuid returning group_id`);
    await tx.execute(sql`update recommendation_groups set forwarded_at = null, forwarded_by = null, updated_at = now()
      where tenant_id = ${actor.tenantId} and id = ${groupId}::uuid`);
    await repo.syncForwardedWeights(tx, actor.tenantId, held.flatMap((h) => (h.group_id ? [h.group_id] : [])));
    await audit(tx, actor, 'recommendation.withdraw', groupId, { forwardedAt: g.forwardedAt }, { forwardedAt: null });
  });
}

/** The answer or decision of this level; it reaches every lower group and branch the recommendation came from. */
export async function answerGroup(db: Db, actor: Actor, groupId: string, body: { answer: string }) {
  const answer = body.answer.trim();
  if (!answer) throw new RuleViolationError('recommendation.answer_empty', 'empty answer');
  await db.transaction(async (tx) => {
    const g = await lockGroup(tx, actor, groupId, 'recommendation.answer');
    if (g.answer === answer) return;
    await tx.execute(sql`update recommendation_groups set answer = ${answer}, answered_at = now(), answered_by = ${actor.userId}::uuid, updated_at = now()
      where tenant_id = ${actor.tenantId} and id = ${groupId}::uuid`);
    await audit(tx, actor, 'recommendation.answer', groupId, { answer: g.answer }, { answer });
  });
}

/** "Gather now": takes in the pool's new texts at once instead of waiting for the background job. */
export async function refreshPool(db: Db, actor: Actor, campaignId: string, orgId: string) {
  const campaign = await getCampaignBrief(db, actor.tenantId, campaignId);
  if (!campaign) throw new NotFoundError('campaign.not_found', `campaign ${campaignId}`);
  await requireAccess(db, actor, 'recommendation.manage', orgId);
  if (!(await isInCampaign(db, actor.tenantId, campaign, orgId))) throw new RuleViolationError('plan.outside_campaign', `org ${orgId} outside the campaign`);
  await requirePoolOrg(db, actor.tenantId, campaign, orgId);
  const { extracted, gathered } = await withPoolCompute({ priority: 'normal' }, async (compute) => {
    const extracted = await extractCampaign(db, actor.tenantId, campaignId, compute, undefined, orgId);
    return { extracted, gathered: await gatherPool(db, actor.tenantId, campaignId, orgId, compute) };
  });
  await db.transaction((tx) => recordAudit(tx, actor, actor.tenantId, {
    action: 'recommendation.refresh', entityType: 'org', entityId: orgId, after: { campaignId, versions: extracted.versions, ...gathered },
  }));
  return { versions: extracted.versions, sentences: extracted.sentences, ...gathered };
}

