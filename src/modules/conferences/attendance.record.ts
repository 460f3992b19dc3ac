import { sql } from 'drizzle-orm';
import { isoTimestamp as iso, queryRows, type Executor } from '../../kernel/db/client.js';

export interface StudyConference {
  invitationId: string; campaignId: string; conferenceId: string; title: string; orgName: string; format: string;
  conferenceStatus: string; startsAt: string; venue: string; status: 'invited' | 'present' | 'absent';
  checkedInAt: string | null; checkInMethod: string | null; absenceReason: string | null;
}
export interface StudyMakeup {
  id: string; campaignId: string; conferenceId: string; mode: string | null; scheduledAt: string | null; place: string | null;
  status: 'pending' | 'completed'; confirmedAt: string | null; note: string | null;
}

/**
 * One member's study record across campaigns, for their file: every conference they were invited to
 * (not cancelled), with attendance as recorded, and every make-up. No access decision here: the caller
 * has already decided the member's record may be read.
 */
export async function memberStudyRecord(exec: Executor, tenantId: string, memberId: string) {
  const conferences = await queryRows<Record<string, unknown>>(exec, sql`select i.id, i.campaign_id, i.conference_id, f.title, o.name as org_name,
      f.format, f.status as conference_status, coalesce(s.starts_at, f.starts_at) as starts_at, coalesce(s.venue, f.venue) as venue,
      i.status, i.checked_in_at, i.check_in_method, i.absence_reason
    from conference_invitations i
    join conferences f on f.tenant_id = i.tenant_id and f.id = i.conference_id
    join orgs o on o.tenant_id = f.tenant_id and o.id = f.org_id
    left join conference_sessions s on s.tenant_id = i.tenant_id and s.id = i.session_id
    where i.tenant_id = ${tenantId} and i.member_id = ${memberId}::uuid and f.status <> 'cancelled'
    order by coalesce(s.starts_at, f.starts_at)`);
  const makeups = await queryRows<Record<string, unknown>>(exec, sql`select id, campaign_id, conference_id, mode, scheduled_at, place, status, confirmed_at, note
    from makeups where tenant_id = ${tenantId} and member_id = ${memberId}::uuid order by created_at`);
  return {
    conferences: conferences.map((r): StudyConference => ({
      invitationId: r.id as string, campaignId: r.campaign_id as string, conferenceId: r.conference_id as string, title: r.title as string,
      orgName: r.org_name as string, format: r.format as string, conferenceStatus: r.conference_status as string, startsAt: iso(r.starts_at)!,
      venue: r.venue as string, status: r.status as StudyConference['status'], checkedInAt: iso(r.checked_in_at),
      checkInMethod: (r.check_in_method as string) ?? null, absenceReason: (r.absence_reason as string) ?? null,
    })),
    makeups: makeups.map((r): StudyMakeup => ({
      id: r.id as string, campaignId: r.campaign_id as string, conferenceId: r.conference_id as string, mode: (r.mode as string) ?? null,
      scheduledAt: iso(r.scheduled_at), place: (r.place as string) ?? null, status: r.status as StudyMakeup['status'],
      confirmedAt: iso(r.confirmed_at), note: (r.note as string) ?? null,
    })),
  };
}
