import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { conferences, invitations } from './conferences.table.js';

export type ConferenceRow = typeof conferences.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/** A uuid list as one parameter (no limit on its length, unlike one parameter per element). */
export const uuidArray = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

/** 128 random bits, URL-safe: what the invitee's QR code carries. */
export const newQrToken = () => randomBytes(16).toString('base64url');

export async function findConference(exec: Executor, tenantId: string, id: string): Promise<ConferenceRow | null> {
  const [row] = await exec.select().from(conferences).where(and(eq(conferences.tenantId, tenantId), eq(conferences.id, id)));
  return row ?? null;
}

/**
 * The conference row under a lock: `update` to change its state (closing), `share` to record
 * attendance against it, so a scan and a close never interleave while scans still run side by side.
 */
export async function lockConference(exec: Executor, tenantId: string, id: string, mode: 'update' | 'share' = 'update'): Promise<ConferenceRow | null> {
  const [row] = await exec.select().from(conferences).where(and(eq(conferences.tenantId, tenantId), eq(conferences.id, id))).for(mode);
  return row ?? null;
}

export async function findInvitation(exec: Executor, tenantId: string, id: string): Promise<InvitationRow | null> {
  const [row] = await exec.select().from(invitations).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
  return row ?? null;
}

export interface NewMemberInvitee { memberId: string; branchId: string }

/** Bulk insert of member invitations, 5,000 rows a statement; an invitee already there is kept as is. */
export async function insertMemberInvitations(
  exec: Executor, conf: ConferenceRow, invitees: readonly NewMemberInvitee[],
): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < invitees.length; i += 5000) {
    const batch = invitees.slice(i, i + 5000).map((m) => ({ id: newId(), member_id: m.memberId, branch_id: m.branchId, qr_token: newQrToken() }));
    const rows = await queryRows<{ member_id: string }>(exec, sql`insert into conference_invitations
        (tenant_id, id, conference_id, campaign_id, member_id, branch_id, qr_token)
      select ${conf.tenantId}, x.id, ${conf.id}, ${conf.campaignId}, x.member_id, x.branch_id, x.qr_token
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id uuid, member_id uuid, branch_id uuid, qr_token text)
      on conflict do nothing
      returning member_id`);
    added.push(...rows.map((r) => r.member_id));
  }
  return added;
}

/**
 * Recomputes the campaign's participation rows of these members from their invitations and make-ups:
 * invited when an invitation to a conference that was not cancelled exists, attended at the first check-in, made up at the first confirmed
 * make-up. Derived, so it cannot drift from the evidence it summarizes.
 */
export async function refreshParticipants(exec: Executor, tenantId: string, campaignId: string, memberIds: readonly string[]) {
  if (memberIds.length === 0) return;
  for (let i = 0; i < memberIds.length; i += 20000) {
    const ids = uuidArray(memberIds.slice(i, i + 20000));
    await exec.execute(sql`delete from campaign_participants p where p.tenant_id = ${tenantId} and p.campaign_id = ${campaignId}
      and p.member_id = any(${ids}) and not exists (select 1 from conference_invitations i
        join conferences f on f.tenant_id = i.tenant_id and f.id = i.conference_id and f.status <> 'cancelled'
        where i.tenant_id = p.tenant_id and i.campaign_id = p.campaign_id and i.member_id = p.member_id)`);
    await exec.execute(sql`insert into campaign_participants (tenant_id, campaign_id, member_id, branch_id, invited_at, attended_at, made_up_at)
      select ${tenantId}, ${campaignId}, i.member_id, (array_agg(i.branch_id order by i.created_at desc))[1], min(i.created_at),
        min(i.checked_in_at) filter (where i.status = 'present'),
        (select min(k.confirmed_at) from makeups k where k.tenant_id = ${tenantId} and k.campaign_id = ${campaignId}
           and k.member_id = i.member_id and k.status = 'completed')
      from conference_invitations i
      join conferences f on f.tenant_id = i.tenant_id and f.id = i.conference_id and f.status <> 'cancelled'
      where i.tenant_id = ${tenantId} and i.campaign_id = ${campaignId} and i.member_id = any(${ids})
      group by i.member_id
      on conflict (tenant_id, campaign_id, member_id) do update set branch_id = excluded.branch_id,
        invited_at = excluded.invited_at, attended_at = excluded.attended_at, made_up_at = excluded.made_up_at`);
    // The coverage counts of these members' branches, in the same transaction (migration 0010).
    await exec.execute(sql`select qt_recount_campaign_branches(${tenantId}::uuid, ${campaignId}::uuid,
      array(select distinct branch_id from members where tenant_id = ${tenantId} and id = any(${ids})))`);
  }
}

/** A member's first attendance (a roster mark): recordFirstAttendances for one, at the database's now. */
export async function recordFirstAttendance(exec: Executor, tenantId: string, campaignId: string, memberId: string) {
  await recordFirstAttendances(exec, tenantId, campaignId, [{ memberId, at: null }]);
}

/**
 * A check-in's effect on the campaign's counts, for one member (a roster mark) or many at once (a
 * batch of check-ins; `at` null = now), instead of refreshParticipants: each member's participation
 * row gets its attendance time when it has none, locked in member order; then each branch count gains
 * the members it counts, in one UPDATE, its rows locked in branch order as the recount locks them (so
 * the two never deadlock). Members without a participation row, or whose branch has no count row,
 * fall back to the full refresh, as in the single form.
 */
export async function recordFirstAttendances(exec: Executor, tenantId: string, campaignId: string, attended: ReadonlyArray<{ memberId: string; at: string | null }>) {
  if (attended.length === 0) return;
  // Joined to the list (a primary-key probe a member) rather than `member_id = any(array)`, which the
  // planner turns into a scan of the whole campaign's participation once the list is long.
  const flipped = await queryRows<{ member_id: string; made_up: boolean }>(exec, sql`with x as (
      select * from jsonb_to_recordset(${JSON.stringify(attended)}::jsonb) as x("memberId" uuid, at timestamptz)),
    l as (
      select q.member_id, x.at from x join campaign_participants q
        on q.tenant_id = ${tenantId} and q.campaign_id = ${campaignId}::uuid and q.member_id = x."memberId"
      where q.attended_at is null
      order by q.member_id for update of q)
    update campaign_participants p set attended_at = coalesce(l.at, now())
    from l
    where p.tenant_id = ${tenantId} and p.campaign_id = ${campaignId}::uuid and p.member_id = l.member_id and p.attended_at is null
    returning p.member_id, p.made_up_at is not null as made_up`);
  const refresh: string[] = [];
  if (flipped.length < attended.length) {
    // Not flipped: attended already (nothing to do), or no participation row (refresh).
    const done = new Set(flipped.map((f) => f.member_id));
    const rest = attended.map((a) => a.memberId).filter((m) => !done.has(m));
    const present = new Set((await queryRows<{ member_id: string }>(exec, sql`select q.member_id
      from unnest(${uuidArray(rest)}) as x(member_id)
      join campaign_participants q on q.tenant_id = ${tenantId} and q.campaign_id = ${campaignId}::uuid and q.member_id = x.member_id`)).map((r) => r.member_id));
    refresh.push(...rest.filter((m) => !present.has(m)));
  }
  if (flipped.length) {
    const perBranch = await queryRows<{ branch_id: string; members: string[]; n: number; mu: number }>(exec, sql`select mm.branch_id,
        array_agg(mm.id::text) as members, count(*)::int as n, (count(*) filter (where x.made_up))::int as mu
      from jsonb_to_recordset(${JSON.stringify(flipped)}::jsonb) as x(member_id uuid, made_up boolean)
      join members mm on mm.tenant_id = ${tenantId} and mm.id = x.member_id
      where mm.left_at is null and (not mm.is_exempt or exists (select 1 from campaign_plans r where r.tenant_id = ${tenantId}
        and r.campaign_id = ${campaignId}::uuid and r.parent_plan_id is null and r.include_exempt))
      group by mm.branch_id`);
    if (perBranch.length) {
      const bumped = new Set((await queryRows<{ branch_id: string }>(exec, sql`with l as (
          select branch_id from campaign_branch_counts
          where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and branch_id = any(${uuidArray(perBranch.map((b) => b.branch_id))})
          order by branch_id for update)
        update campaign_branch_counts c set attended = c.attended + d.n, made_up = c.made_up - d.mu
        from l join jsonb_to_recordset(${JSON.stringify(perBranch.map(({ branch_id, n, mu }) => ({ branch_id, n, mu })))}::jsonb)
          as d(branch_id uuid, n int, mu int) on d.branch_id = l.branch_id
        where c.tenant_id = ${tenantId} and c.campaign_id = ${campaignId}::uuid and c.branch_id = l.branch_id
        returning c.branch_id`)).map((r) => r.branch_id));
      for (const b of perBranch) if (!bumped.has(b.branch_id)) refresh.push(...b.members);
    }
  }
  await refreshParticipants(exec, tenantId, campaignId, refresh);
}

/**
 * Recounts every branch of a campaign in one statement: for bulk loads that write participation rows
 * directly (benchmarks, repairs). Same definition as qt_recount_campaign_branches.
 */
export async function recountCampaign(exec: Executor, tenantId: string, campaignId: string) {
  await exec.execute(sql`delete from campaign_branch_counts where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid`);
  await exec.execute(sql`insert into campaign_branch_counts (tenant_id, campaign_id, branch_id, invited, attended, made_up)
    select m.tenant_id, p.campaign_id, m.branch_id, count(p.invited_at), count(p.attended_at),
      count(*) filter (where p.attended_at is null and p.made_up_at is not null)
    from campaign_participants p
    join members m on m.tenant_id = p.tenant_id and m.id = p.member_id and m.left_at is null
    where p.tenant_id = ${tenantId} and p.campaign_id = ${campaignId}::uuid
      and (not m.is_exempt or exists (select 1 from campaign_plans r where r.tenant_id = p.tenant_id and r.campaign_id = p.campaign_id
        and r.parent_plan_id is null and r.include_exempt))
    group by m.tenant_id, p.campaign_id, m.branch_id`);
}

/**
 * Puts every invitee in their session (the one listing their branch, else the first) and at their
 * bridge point (the one whose unit is the nearest ancestor of their branch). Places are worked out
 * once per branch, then joined to the invitations; only rows whose place changes are touched.
 */
export async function assignPlaces(exec: Executor, tenantId: string, conferenceId: string) {
  const NONE = '00000000-0000-0000-0000-000000000000';
  await exec.execute(sql`with branches as (
      select distinct coalesce(branch_id, ${NONE}::uuid) as branch_id from conference_invitations
      where tenant_id = ${tenantId} and conference_id = ${conferenceId}),
    places as (
      select b.branch_id,
        coalesce(
          (select s.id from conference_sessions s where s.tenant_id = ${tenantId} and s.conference_id = ${conferenceId}
             and b.branch_id = any(s.branch_ids) order by s.seq limit 1),
          (select s.id from conference_sessions s where s.tenant_id = ${tenantId} and s.conference_id = ${conferenceId}
             order by s.seq limit 1)) as session_id,
        (select u.bridge_point_id from bridge_point_units u
           join bridge_points p on p.tenant_id = u.tenant_id and p.id = u.bridge_point_id
           join org_closure c on c.tenant_id = u.tenant_id and c.ancestor_id = u.org_id and c.descendant_id = b.branch_id
           where u.tenant_id = ${tenantId} and p.conference_id = ${conferenceId} order by c.depth limit 1) as bridge_point_id
      from branches b)
    update conference_invitations i set session_id = pl.session_id, bridge_point_id = pl.bridge_point_id
    from places pl
    where i.tenant_id = ${tenantId} and i.conference_id = ${conferenceId} and coalesce(i.branch_id, ${NONE}::uuid) = pl.branch_id
      and (i.session_id is distinct from pl.session_id or i.bridge_point_id is distinct from pl.bridge_point_id)`);
}

/** After a conference changes state (cancelled): its invitees' participation is recomputed. */
export async function refreshConferenceParticipants(exec: Executor, tenantId: string, conferenceId: string) {
  const conf = await findConference(exec, tenantId, conferenceId);
  if (!conf) return;
  const rows = await queryRows<{ member_id: string }>(exec, sql`select member_id from conference_invitations
    where tenant_id = ${tenantId} and conference_id = ${conferenceId} and member_id is not null`);
  await refreshParticipants(exec, tenantId, conf.campaignId, rows.map((r) => r.member_id));
}
