import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { queryRows, type Db, isoTimestamp } from '../../kernel/db/client.js';
import { findMember } from '../members/index.js';
import { QR_PREFIX } from './attendance.service.js';

const iso = isoTimestamp;

/**
 * A member's own study, on their phone: each active campaign their branch is part of, with their
 * conferences (time, place or session or bridge point, agenda), their QR code, their attendance and
 * their make-up. Only ever the signed-in member's own rows.
 */
export async function myCampaigns(db: Db, actor: Actor) {
  if (!actor.memberId) return [];
  const member = await findMember(db, actor.tenantId, actor.memberId);
  if (!member || member.leftAt) return [];
  const campaigns = await queryRows<Record<string, unknown>>(db, sql`select c.id, c.title, r.title as resolution_title, o.name as org_name
    from campaigns c
    join resolutions r on r.tenant_id = c.tenant_id and r.id = c.resolution_id
    join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
    join org_closure cl on cl.tenant_id = c.tenant_id and cl.ancestor_id = c.org_id and cl.descendant_id = ${member.branchId}::uuid
    where c.tenant_id = ${actor.tenantId} and c.status = 'active'
    order by c.created_at desc`);
  const invitations = await myInvitations(db, actor.tenantId, member.id);
  const agenda = await agendaOf(db, actor.tenantId, invitations.map((i) => i.conferenceId));
  const makeups = await queryRows<Record<string, unknown>>(db, sql`select id, campaign_id, conference_id, mode, scheduled_at, place, status, confirmed_at
    from makeups where tenant_id = ${actor.tenantId} and member_id = ${member.id}::uuid`);
  return campaigns.map((c) => ({
    id: c.id as string, title: c.title as string, resolutionTitle: c.resolution_title as string, orgName: c.org_name as string,
    conferences: invitations.filter((i) => i.campaignId === c.id).map((i) => ({ ...i, agenda: agenda.filter((a) => a.conferenceId === i.conferenceId) })),
    makeups: makeups.filter((k) => k.campaign_id === c.id).map((k) => ({
      id: k.id as string, conferenceId: k.conference_id as string, mode: (k.mode as string) ?? null, scheduledAt: iso(k.scheduled_at),
      place: (k.place as string) ?? null, status: k.status as string, confirmedAt: iso(k.confirmed_at),
    })),
  }));
}

async function myInvitations(db: Db, tenantId: string, memberId: string) {
  const rows = await queryRows<Record<string, unknown>>(db, sql`select i.id, i.conference_id, i.campaign_id, i.status, i.checked_in_at,
      i.absence_reason, i.qr_token, f.title, f.starts_at, f.venue,
      -- a session lasts as long as the conference does: its end follows from its own start
      case when s.starts_at is not null then s.starts_at + (f.ends_at - f.starts_at) else f.ends_at end as ends_at, f.format, f.status as conference_status, o.name as org_name,
      s.seq as session_seq, s.venue as session_venue, s.starts_at as session_starts_at,
      (select count(*)::int from conference_sessions x where x.tenant_id = i.tenant_id and x.conference_id = i.conference_id) as session_count,
      p.name as point_name, p.place as point_place
    from conference_invitations i
    join conferences f on f.tenant_id = i.tenant_id and f.id = i.conference_id
    join orgs o on o.tenant_id = f.tenant_id and o.id = f.org_id
    left join conference_sessions s on s.tenant_id = i.tenant_id and s.id = i.session_id
    left join bridge_points p on p.tenant_id = i.tenant_id and p.id = i.bridge_point_id
    where i.tenant_id = ${tenantId} and i.member_id = ${memberId}::uuid and f.status <> 'cancelled'
    order by coalesce(s.starts_at, f.starts_at)`);
  return rows.map((r) => ({
    invitationId: r.id as string, conferenceId: r.conference_id as string, campaignId: r.campaign_id as string,
    title: r.title as string, orgName: r.org_name as string, format: r.format as string, conferenceStatus: r.conference_status as string,
    // A split conference sends the member to their session's hall and time; an online one to their bridge point.
    startsAt: iso(r.session_starts_at ?? r.starts_at)!, endsAt: iso(r.ends_at),
    venue: (r.session_venue as string) ?? (r.venue as string), sessionSeq: Number(r.session_count) > 1 ? (r.session_seq as number) : null,
    bridgePoint: r.point_name ? { name: r.point_name as string, place: r.point_place as string } : null,
    status: r.status as string, checkedInAt: iso(r.checked_in_at), absenceReason: (r.absence_reason as string) ?? null,
    qrCode: `${QR_PREFIX}${r.qr_token as string}`,
  }));
}

async function agendaOf(db: Db, tenantId: string, conferenceIds: string[]) {
  if (conferenceIds.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(db, sql`select conference_id, seq, topic, speaker_name, speaker_title, in_person
    from conference_agenda_items where tenant_id = ${tenantId}
      and conference_id in (${sql.join(conferenceIds.map((id) => sql`${id}::uuid`), sql`, `)}) order by conference_id, seq`);
  return rows.map((r) => ({
    conferenceId: r.conference_id as string, seq: r.seq as number, topic: r.topic as string,
    speakerName: r.speaker_name as string, speakerTitle: r.speaker_title as string, inPerson: !!r.in_person,
  }));
}
