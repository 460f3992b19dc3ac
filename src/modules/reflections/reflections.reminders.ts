import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { orgScopeSql, requireAccess, scopeRoots } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { isoTimestamp, queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { requireCampaignAccess } from '../campaigns/index.js';

const uuids = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

export interface ReminderView {
  id: string; campaignId: string; campaignTitle: string; orgId: string; orgName: string; fromOrgId: string; fromOrgName: string;
  message: string; sentAt: string;
}

/**
 * An upper level reminds lagging orgs about their reflections. The sender's org (given, or the
 * actor's deepest campaign.manage org above every target) must lie strictly above each target, and the
 * targets inside the campaign (else 422). A target the actor cannot see answers 404, as if it did not exist.
 */
export async function sendReminders(db: Db, actor: Actor, campaignId: string, body: { orgIds: string[]; message: string; fromOrgId?: string }) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const targets = [...new Set(body.orgIds)];
  const visible = await queryRows<{ id: string }>(db, sql`select o.id from orgs o
    where o.tenant_id = ${actor.tenantId} and o.id = any(${uuids(targets)}) and ${orgScopeSql(actor, 'campaign.read', sql`o.id`)}`);
  const hidden = targets.filter((id) => !visible.some((v) => v.id === id));
  if (hidden.length) throw new NotFoundError('resource.not_found', `orgs ${hidden.join(', ')} not visible`);
  const fromOrgId = body.fromOrgId ?? (await defaultSender(db, actor, targets));
  await requireAccess(db, actor, 'campaign.read', fromOrgId);
  await requireAccess(db, actor, 'campaign.manage', fromOrgId);
  const placed = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from unnest(${uuids(targets)}) as t(id)
    where exists (select 1 from org_closure c where c.tenant_id = ${actor.tenantId} and c.ancestor_id = ${fromOrgId}::uuid
        and c.descendant_id = t.id and c.depth > 0)
      and exists (select 1 from org_closure c where c.tenant_id = ${actor.tenantId} and c.ancestor_id = ${campaign.orgId}::uuid
        and c.descendant_id = t.id)`);
  if (placed[0].n !== targets.length) throw new RuleViolationError('reminder.not_below', `some of ${targets.length} orgs not below ${fromOrgId} inside the campaign`);
  return db.transaction(async (tx) => {
    const ids = targets.map(() => newId());
    await tx.execute(sql`insert into reflection_reminders (tenant_id, id, campaign_id, org_id, from_org_id, message, sent_by)
      select ${actor.tenantId}, x.id, ${campaignId}::uuid, x.org_id, ${fromOrgId}::uuid, ${body.message}, ${actor.userId}::uuid
      from unnest(${uuids(ids)}, ${uuids(targets)}) as x(id, org_id)`);
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'reflection.remind', entityType: 'campaign', entityId: campaignId, after: { fromOrgId, orgIds: targets, message: body.message },
    });
    return { sent: targets.length, fromOrgId, reminders: await remindersByIds(tx, actor.tenantId, ids) };
  });
}

/** The actor's deepest org with campaign.manage that lies strictly above every target. */
async function defaultSender(exec: Executor, actor: Actor, targets: string[]): Promise<string> {
  const roots = scopeRoots(actor, 'campaign.manage');
  if (roots.length && targets.length) {
    const [row] = await queryRows<{ id: string }>(exec, sql`select o.id from orgs o
      where o.tenant_id = ${actor.tenantId} and o.id = any(${uuids(roots)})
        and (select count(*) from org_closure c where c.tenant_id = o.tenant_id and c.ancestor_id = o.id and c.depth > 0
             and c.descendant_id = any(${uuids(targets)})) = ${targets.length}
      order by o.depth desc limit 1`);
    if (row) return row.id;
  }
  throw new RuleViolationError('reminder.not_below', 'no org of the actor lies above every target');
}

/**
 * Reminders addressed to orgs in the actor's scope and sent from outside it (from above): what a branch
 * committee, or a commune's officers, are asked to act on. A member without a role gets none.
 */
export async function listReminders(db: Db, actor: Actor, campaignId?: string): Promise<ReminderView[]> {
  if (campaignId) await requireCampaignAccess(db, actor, campaignId);
  const rows = await queryRows<Record<string, unknown>>(db, sql`${reminderSelect(actor.tenantId)}
    where r.tenant_id = ${actor.tenantId} ${campaignId ? sql`and r.campaign_id = ${campaignId}::uuid` : sql``}
      and ${orgScopeSql(actor, 'campaign.read', sql`r.org_id`)}
      and not ${orgScopeSql(actor, 'campaign.read', sql`r.from_org_id`)}
    order by r.created_at desc limit 200`);
  return rows.map(toView);
}

async function remindersByIds(exec: Executor, tenantId: string, ids: string[]) {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`${reminderSelect(tenantId)}
    where r.tenant_id = ${tenantId} and r.id = any(${uuids(ids)}) order by o.name`);
  return rows.map(toView);
}

const reminderSelect = (tenantId: string) => sql`select r.id, r.campaign_id, k.title as campaign_title, r.org_id, o.name as org_name,
    r.from_org_id, f.name as from_org_name, r.message, r.created_at
  from reflection_reminders r
  join campaigns k on k.tenant_id = r.tenant_id and k.id = r.campaign_id
  join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
  join orgs f on f.tenant_id = ${tenantId} and f.id = r.from_org_id`;

const toView = (r: Record<string, unknown>): ReminderView => ({
  id: r.id as string, campaignId: r.campaign_id as string, campaignTitle: r.campaign_title as string,
  orgId: r.org_id as string, orgName: r.org_name as string, fromOrgId: r.from_org_id as string, fromOrgName: r.from_org_name as string,
  message: r.message as string, sentAt: isoTimestamp(r.created_at)!,
});
