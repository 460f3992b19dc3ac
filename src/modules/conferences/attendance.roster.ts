import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { queryRows, type Db } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { searchKey } from '../../text/index.js';
import { rosterFilter, rosterReach } from './attendance.access.js';
import { inviteMembers } from './attendance.invitations.js';
import * as repo from './attendance.repository.js';
import { QR_PREFIX } from './attendance.service.js';

export interface RosterQuery { branchId?: string; status?: string; q?: string; page: number; pageSize: number }

export interface RosterItem {
  id: string; memberId: string | null; fullName: string; branchId: string | null; branchName: string | null;
  guestTitle: string | null; guestOrg: string | null; status: string; absenceReason: string | null;
  checkedInAt: string | null; checkInMethod: string | null; sessionSeq: number | null; bridgePointName: string | null;
  qrCode: string | null;
}

/** One page of a conference's invitees, limited to the part of it the actor keeps (see rosterReach). */
export async function listRoster(db: Db, actor: Actor, conferenceId: string, query: RosterQuery) {
  const conf = await repo.findConference(db, actor.tenantId, conferenceId);
  const reach = conf && (await rosterReach(db, actor, conf));
  if (!conf || !reach) throw new NotFoundError('conference.not_found');
  // Codes are printed on the roster for those who check people in, never shown to readers only.
  const showCodes = !reach.all || (await can(db, actor, 'attendance.record', conf.orgId));
  const where = [sql`i.tenant_id = ${actor.tenantId}`, sql`i.conference_id = ${conf.id}`, rosterFilter(reach)];
  if (query.branchId) where.push(sql`i.branch_id = ${query.branchId}::uuid`);
  if (query.status) where.push(sql`i.status = ${query.status}`);
  if (query.q) {
    const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    where.push(sql`(m.name_key like ${like(searchKey(query.q))} or i.guest_name ilike ${like(query.q.trim())})`);
  }
  const cond = sql.join(where, sql` and `);
  const from = sql`from conference_invitations i
    left join members m on m.tenant_id = i.tenant_id and m.id = i.member_id
    left join orgs b on b.tenant_id = i.tenant_id and b.id = i.branch_id
    left join conference_sessions s on s.tenant_id = i.tenant_id and s.id = i.session_id
    left join bridge_points p on p.tenant_id = i.tenant_id and p.id = i.bridge_point_id`;
  const rows = await queryRows<Record<string, unknown>>(db, sql`select i.id, i.member_id, coalesce(m.full_name, i.guest_name) as full_name,
      i.branch_id, b.name as branch_name, i.guest_title, i.guest_org, i.status, i.absence_reason, i.checked_in_at,
      i.check_in_method, s.seq as session_seq, p.name as bridge_point_name, i.qr_token
    ${from} where ${cond}
    order by b.name nulls first, coalesce(m.name_key, lower(i.guest_name)), i.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${from} where ${cond}`);
  const [counts] = await queryRows<{ all: number; invited: number; present: number; absent: number }>(db, sql`select count(*)::int as "all",
      count(*) filter (where i.status = 'invited')::int as invited, count(*) filter (where i.status = 'present')::int as present,
      count(*) filter (where i.status = 'absent')::int as absent
    ${from} where ${sql.join(where.slice(0, 3), sql` and `)}`);
  const branches = await queryRows<{ id: string; name: string; count: number }>(db, sql`select b.id, b.name, count(*)::int as count
    ${from} where ${sql.join(where.slice(0, 3), sql` and `)} and i.branch_id is not null group by b.id, b.name order by b.name`);
  return { items: rows.map((r) => toItem(r, showCodes)), total, counts, branches };
}

function toItem(r: Record<string, unknown>, showCodes: boolean): RosterItem {
  return {
    id: r.id as string, memberId: (r.member_id as string) ?? null, fullName: r.full_name as string,
    branchId: (r.branch_id as string) ?? null, branchName: (r.branch_name as string) ?? null,
    guestTitle: (r.guest_title as string) ?? null, guestOrg: (r.guest_org as string) ?? null,
    status: r.status as string, absenceReason: (r.absence_reason as string) ?? null,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at as string).toISOString() : null,
    checkInMethod: (r.check_in_method as string) ?? null, sessionSeq: (r.session_seq as number) ?? null,
    bridgePointName: (r.bridge_point_name as string) ?? null, qrCode: showCodes ? `${QR_PREFIX}${r.qr_token as string}` : null,
  };
}

export interface GuestInput { name: string; title?: string; org?: string }

/** Invitees who are not members (e.g. chairs and directors of enterprises): each gets their own code. */
export async function addGuests(db: Db, actor: Actor, conferenceId: string, guests: GuestInput[]) {
  return db.transaction(async (tx) => {
    const conf = await repo.findConference(tx, actor.tenantId, conferenceId);
    if (!conf) throw new NotFoundError('conference.not_found');
    await requireAccess(tx, actor, 'conference.manage', conf.orgId);
    if (conf.status !== 'scheduled') throw new RuleViolationError('conference.state', `conference is ${conf.status}`);
    const firstSession = await queryRows<{ id: string }>(tx, sql`select id from conference_sessions
      where tenant_id = ${actor.tenantId} and conference_id = ${conf.id} order by seq limit 1`);
    for (const g of guests) {
      const id = newId();
      await tx.execute(sql`insert into conference_invitations (tenant_id, id, conference_id, campaign_id, session_id, guest_name, guest_title, guest_org, qr_token)
        values (${actor.tenantId}, ${id}, ${conf.id}, ${conf.campaignId}, ${firstSession[0]?.id ?? null}, ${g.name.trim()}, ${g.title?.trim() || null}, ${g.org?.trim() || null}, ${repo.newQrToken()})`);
      await recordAudit(tx, actor, actor.tenantId, { action: 'conference.invite_guest', entityType: 'conference_invitation', entityId: id, after: { conferenceId: conf.id, ...g } });
    }
    return { added: guests.length };
  });
}

/** Named members for audiences listed by hand (retired leaders, …): they must be in the organizing org's subtree. */
export async function addMemberInvitees(db: Db, actor: Actor, conferenceId: string, memberIds: string[]) {
  return db.transaction(async (tx) => {
    const conf = await repo.findConference(tx, actor.tenantId, conferenceId);
    if (!conf) throw new NotFoundError('conference.not_found');
    await requireAccess(tx, actor, 'conference.manage', conf.orgId);
    if (conf.status !== 'scheduled') throw new RuleViolationError('conference.state', `conference is ${conf.status}`);
    const found = await queryRows<{ id: string; branch_id: string }>(tx, sql`select m.id, m.branch_id from members m
      where m.tenant_id = ${actor.tenantId} and m.id = any(${repo.uuidArray(memberIds)}) and m.left_at is null
        and m.branch_id in (select descendant_id from org_closure where tenant_id = ${actor.tenantId} and ancestor_id = ${conf.orgId})`);
    if (found.length !== new Set(memberIds).size) throw new NotFoundError('member.not_found', 'some members are not in the organizing org');
    const added = await inviteMembers(tx, conf, found.map((m) => ({ memberId: m.id, branchId: m.branch_id })));
    await recordAudit(tx, actor, actor.tenantId, { action: 'conference.invite_members', entityType: 'conference', entityId: conf.id, after: { memberIds, added } });
    return { added };
  });
}
