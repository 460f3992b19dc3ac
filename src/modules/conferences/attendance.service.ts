import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { requireRecorder } from './attendance.access.js';
import * as repo from './attendance.repository.js';
import { syncInvitations } from './attendance.invitations.js';
import { vnDay } from './conferences.rules.js';

// QR check-in (one scan, or many in one transaction) lives in attendance.checkin.ts.
export { checkIn, parseQrCode, QR_PREFIX, type CheckInResult } from './attendance.checkin.js';

/** Flips one invitation to present unless it already is; returns the check-in time when it did. */
async function markPresent(tx: Executor, actor: Actor, inv: repo.InvitationRow, method: 'qr' | 'roster'): Promise<Date | null> {
  const [row] = await queryRows<{ checked_in_at: string }>(tx, sql`update conference_invitations
    set status = 'present', checked_in_at = now(), checked_in_by = ${actor.userId}::uuid, check_in_method = ${method}, absence_reason = null
    where tenant_id = ${actor.tenantId} and id = ${inv.id} and status <> 'present'
    returning checked_in_at`);
  if (!row) return null;
  if (inv.memberId) await repo.recordFirstAttendance(tx, actor.tenantId, inv.campaignId, inv.memberId);
  await recordAudit(tx, actor, actor.tenantId, {
    action: 'attendance.check_in', entityType: 'conference_invitation', entityId: inv.id,
    before: { status: inv.status }, after: { status: 'present', method },
  });
  return new Date(row.checked_in_at);
}

export interface AttendanceMark { invitationId: string; status: 'present' | 'absent' | 'invited'; reason?: string | null }

/** Ticks a roster: present, absent with a reason, or back to not yet marked. One transaction for the batch. */
export async function markAttendance(db: Db, actor: Actor, conferenceId: string, marks: AttendanceMark[]) {
  return db.transaction(async (tx) => {
    const conf = await repo.lockConference(tx, actor.tenantId, conferenceId, 'share');
    if (!conf) throw new NotFoundError('conference.not_found');
    if (conf.status === 'cancelled') throw new RuleViolationError('conference.state', 'conference cancelled');
    // After the conference everyone is present or absent; "not yet marked" would drop them from the make-up list.
    if (conf.status === 'held' && marks.some((m) => m.status === 'invited')) {
      throw new RuleViolationError('conference.state', 'a held conference has no unmarked invitees', { title: 'Hội nghị đã kết thúc: mỗi người chỉ có thể là có mặt hoặc vắng' });
    }
    let changed = 0;
    for (const mark of marks) {
      const inv = await repo.findInvitation(tx, actor.tenantId, mark.invitationId);
      if (!inv || inv.conferenceId !== conf.id) throw new NotFoundError('invitation.not_found', `invitation ${mark.invitationId}`);
      await requireRecorder(tx, actor, conf, inv);
      if (await applyMark(tx, actor, conf, inv, mark)) changed++;
    }
    return { changed };
  });
}

async function applyMark(tx: Executor, actor: Actor, conf: repo.ConferenceRow, inv: repo.InvitationRow, mark: AttendanceMark) {
  if (mark.status === 'present') {
    const flipped = await markPresent(tx, actor, inv, 'roster');
    if (flipped) await syncMakeup(tx, conf, { ...inv, status: 'present' });
    return !!flipped;
  }
  const reason = mark.status === 'absent' ? (mark.reason?.trim() || null) : null;
  if (inv.status === mark.status && (inv.absenceReason ?? null) === reason) return false;
  await tx.execute(sql`update conference_invitations set status = ${mark.status}, absence_reason = ${reason},
      checked_in_at = null, checked_in_by = null, check_in_method = null
    where tenant_id = ${actor.tenantId} and id = ${inv.id}`);
  if (inv.memberId) await repo.refreshParticipants(tx, actor.tenantId, inv.campaignId, [inv.memberId]);
  await syncMakeup(tx, conf, { ...inv, status: mark.status });
  await recordAudit(tx, actor, actor.tenantId, {
    action: 'attendance.mark', entityType: 'conference_invitation', entityId: inv.id,
    before: { status: inv.status, reason: inv.absenceReason }, after: { status: mark.status, reason },
  });
  return true;
}

/**
 * After a conference is held, an absent member is on the make-up list and a member later found
 * present is taken off it (only while the make-up is still pending: a confirmed one is evidence).
 */
async function syncMakeup(tx: Executor, conf: repo.ConferenceRow, inv: repo.InvitationRow) {
  if (conf.status !== 'held' || !inv.memberId || !inv.branchId) return;
  if (inv.status === 'absent') {
    await tx.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id)
      values (${conf.tenantId}, gen_random_uuid(), ${conf.campaignId}, ${conf.id}, ${inv.id}, ${inv.memberId}, ${inv.branchId})
      on conflict do nothing`);
  } else {
    await tx.execute(sql`delete from makeups where tenant_id = ${conf.tenantId} and invitation_id = ${inv.id} and status = 'pending'`);
  }
}

/**
 * Ends a conference: whoever was not checked in is absent, and every absent member goes on the
 * make-up list. Closing twice has one effect.
 */
export async function closeConference(db: Db, actor: Actor, conferenceId: string) {
  return db.transaction(async (tx) => {
    const conf = await repo.lockConference(tx, actor.tenantId, conferenceId);
    if (!conf) throw new NotFoundError('conference.not_found');
    await requireAccess(tx, actor, 'conference.manage', conf.orgId);
    if (conf.status === 'cancelled') throw new RuleViolationError('conference.state', 'conference cancelled');
    if (conf.status === 'scheduled' && vnDay(new Date()) < vnDay(conf.startsAt)) {
      throw new RuleViolationError('conference.not_started', `conference starts ${conf.startsAt.toISOString()}`);
    }
    if (conf.status === 'scheduled') {
      // Members who joined (or left) the audience since it was scheduled are counted right before the roll is closed.
      await syncInvitations(tx, actor.tenantId, conf.id);
      await tx.execute(sql`update conference_invitations set status = 'absent'
        where tenant_id = ${actor.tenantId} and conference_id = ${conf.id} and status = 'invited'`);
      await tx.execute(sql`update conferences set status = 'held', updated_at = now() where tenant_id = ${actor.tenantId} and id = ${conf.id}`);
      await tx.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id)
        select i.tenant_id, gen_random_uuid(), i.campaign_id, i.conference_id, i.id, i.member_id, i.branch_id
        from conference_invitations i
        where i.tenant_id = ${actor.tenantId} and i.conference_id = ${conf.id} and i.status = 'absent' and i.member_id is not null
        on conflict do nothing`);
      await recordAudit(tx, actor, actor.tenantId, { action: 'conference.close', entityType: 'conference', entityId: conf.id, before: { status: 'scheduled' }, after: { status: 'held' } });
    }
    return attendanceCounts(tx, actor.tenantId, conf.id);
  });
}

export async function attendanceCounts(exec: Executor, tenantId: string, conferenceId: string) {
  const [row] = await queryRows<{ invited: number; present: number; absent: number; makeups: number }>(exec, sql`select
      count(*)::int as invited,
      count(*) filter (where status = 'present')::int as present,
      count(*) filter (where status = 'absent')::int as absent,
      (select count(*)::int from makeups k where k.tenant_id = ${tenantId} and k.conference_id = ${conferenceId}) as makeups
    from conference_invitations where tenant_id = ${tenantId} and conference_id = ${conferenceId}`);
  return row;
}
