import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { orgScopeSql, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { queryRows, type Db, type Executor, isoTimestamp } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { refreshParticipants } from './attendance.repository.js';

export type MakeupMode = 'session' | 'self_study';

export interface MakeupItem {
  id: string; memberId: string; fullName: string; branchId: string; branchName: string;
  conferenceId: string; conferenceTitle: string; conferenceStartsAt: string; absenceReason: string | null;
  mode: MakeupMode | null; scheduledAt: string | null; place: string | null; status: 'pending' | 'completed';
  confirmedAt: string | null; note: string | null;
}

/** The make-up list (học bù) of a campaign under an org, for those who follow it there. */
export async function listMakeups(db: Db, actor: Actor, campaignId: string, q: { orgId?: string; status?: string }) {
  if (q.orgId) await requireAccess(db, actor, 'campaign.read', q.orgId);
  const where = [sql`k.tenant_id = ${actor.tenantId}`, sql`k.campaign_id = ${campaignId}::uuid`, orgScopeSql(actor, 'campaign.read', sql`k.branch_id`)];
  if (q.orgId) where.push(sql`k.branch_id in (select descendant_id from org_closure where tenant_id = ${actor.tenantId} and ancestor_id = ${q.orgId}::uuid)`);
  if (q.status) where.push(sql`k.status = ${q.status}`);
  const rows = await queryRows<Record<string, unknown>>(db, sql`select k.id, k.member_id, m.full_name, k.branch_id, b.name as branch_name,
      k.conference_id, c.title as conference_title, c.starts_at, i.absence_reason, k.mode, k.scheduled_at, k.place, k.status,
      k.confirmed_at, k.note
    from makeups k
    join members m on m.tenant_id = k.tenant_id and m.id = k.member_id
    join orgs b on b.tenant_id = k.tenant_id and b.id = k.branch_id
    join conferences c on c.tenant_id = k.tenant_id and c.id = k.conference_id
    join conference_invitations i on i.tenant_id = k.tenant_id and i.id = k.invitation_id
    where ${sql.join(where, sql` and `)}
    order by k.status desc, b.name, m.name_key
    limit 2000`);
  return rows.map(toItem);
}

const iso = isoTimestamp;
function toItem(r: Record<string, unknown>): MakeupItem {
  return {
    id: r.id as string, memberId: r.member_id as string, fullName: r.full_name as string, branchId: r.branch_id as string,
    branchName: r.branch_name as string, conferenceId: r.conference_id as string, conferenceTitle: r.conference_title as string,
    conferenceStartsAt: iso(r.starts_at)!, absenceReason: (r.absence_reason as string) ?? null, mode: (r.mode as MakeupMode) ?? null,
    scheduledAt: iso(r.scheduled_at), place: (r.place as string) ?? null, status: r.status as MakeupItem['status'],
    confirmedAt: iso(r.confirmed_at), note: (r.note as string) ?? null,
  };
}

async function loadForBranchCommittee(db: Executor, actor: Actor, id: string) {
  const [row] = await queryRows<{ id: string; branch_id: string; member_id: string; campaign_id: string; status: string; mode: string | null }>(db,
    sql`select id, branch_id, member_id, campaign_id, status, mode from makeups where tenant_id = ${actor.tenantId} and id = ${id}::uuid`);
  if (!row) throw new NotFoundError('makeup.not_found');
  await requireAccess(db, actor, 'attendance.record', row.branch_id);
  return row;
}

export interface MakeupPlan { mode: MakeupMode; scheduledAt?: string | null; place?: string | null; note?: string | null }

/** Arranges the make-up: a make-up session (time, place) or guided self-study. */
export async function planMakeup(db: Db, actor: Actor, id: string, plan: MakeupPlan) {
  return db.transaction(async (tx) => {
    const row = await loadForBranchCommittee(tx, actor, id);
    // Conditional, so a confirmation committed meanwhile is never overwritten: a confirmed make-up is evidence.
    const updated = await queryRows<{ id: string }>(tx, sql`update makeups set mode = ${plan.mode}, scheduled_at = ${plan.scheduledAt ?? null},
      place = ${plan.place?.trim() || null}, note = ${plan.note?.trim() || null}
      where tenant_id = ${actor.tenantId} and id = ${id}::uuid and status = 'pending' returning id`);
    if (updated.length === 0) throw new RuleViolationError('makeup.state', 'already confirmed');
    await recordAudit(tx, actor, actor.tenantId, { action: 'makeup.plan', entityType: 'makeup', entityId: id, before: { mode: row.mode }, after: plan });
    return { id, status: 'pending' as const };
  });
}

/**
 * The branch committee confirms the member has studied (at the make-up session or by themselves).
 * Confirming again changes nothing, so a retry from a phone on a poor connection is harmless.
 */
export async function confirmMakeup(db: Db, actor: Actor, id: string, input: { mode: MakeupMode; note?: string | null }) {
  return db.transaction(async (tx) => {
    const row = await loadForBranchCommittee(tx, actor, id);
    const [done] = await queryRows<{ confirmed_at: string }>(tx, sql`update makeups set status = 'completed', mode = ${input.mode},
        note = coalesce(${input.note?.trim() || null}, note), confirmed_by = ${actor.userId}::uuid, confirmed_at = now()
      where tenant_id = ${actor.tenantId} and id = ${id}::uuid and status = 'pending' returning confirmed_at`);
    if (done) {
      await refreshParticipants(tx, actor.tenantId, row.campaign_id, [row.member_id]);
      await recordAudit(tx, actor, actor.tenantId, { action: 'makeup.confirm', entityType: 'makeup', entityId: id, before: { status: 'pending' }, after: { status: 'completed', mode: input.mode } });
    }
    return { id, status: 'completed' as const, alreadyConfirmed: !done };
  });
}
