import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, isoTimestamp } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { agendaItems, conferences, conferenceSessions } from './conferences.table.js';

export type ConferenceRow = typeof conferences.$inferSelect;
export type NewConference = Omit<typeof conferences.$inferInsert, 'id' | 'tenantId'>;
export type SessionRow = typeof conferenceSessions.$inferSelect;

const iso = isoTimestamp;

export async function findConference(exec: Executor, tenantId: string, id: string, opts: { lock?: boolean } = {}): Promise<ConferenceRow | null> {
  const q = exec.select().from(conferences).where(and(eq(conferences.tenantId, tenantId), eq(conferences.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertConference(tx: Executor, tenantId: string, values: NewConference): Promise<ConferenceRow> {
  const [row] = await tx.insert(conferences).values({ ...values, tenantId, id: newId() }).returning();
  return row;
}

export async function updateConference(tx: Executor, tenantId: string, id: string, patch: Partial<NewConference>): Promise<ConferenceRow> {
  const [row] = await tx.update(conferences).set({ ...patch, updatedAt: new Date() })
    .where(and(eq(conferences.tenantId, tenantId), eq(conferences.id, id))).returning();
  return row;
}

export interface ConferenceListRow {
  id: string; campaignId: string; orgId: string; orgName: string; title: string; audienceKind: string; audienceNote: string;
  format: string; venue: string; capacity: number | null; startsAt: string; endsAt: string | null; includeExempt: boolean;
  status: string; isMakeup: boolean; sessionCount: number; invited: number; present: number;
}

/** Conferences matching the filters and the actor's scope, with invited/present counted per conference. */
export async function listConferences(exec: Executor, o: { tenantId: string; scope: SQL; campaignId?: string; orgId?: string; ids?: string[] }) {
  const where = [sql`c.tenant_id = ${o.tenantId}`, o.scope];
  if (o.campaignId) where.push(sql`c.campaign_id = ${o.campaignId}::uuid`);
  if (o.orgId) where.push(sql`c.org_id in (select descendant_id from org_closure where tenant_id = ${o.tenantId} and ancestor_id = ${o.orgId}::uuid)`);
  if (o.ids) where.push(o.ids.length ? sql`c.id in (${sql.join(o.ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
  const rows = await queryRows<Record<string, unknown>>(exec, sql`
    select c.id, c.campaign_id, c.org_id, o.name as org_name, c.title, c.audience_kind, c.audience_note, c.format, c.venue, c.capacity,
      c.starts_at, c.ends_at, c.include_exempt, c.status, c.is_makeup,
      (select count(*)::int from conference_sessions s where s.tenant_id = c.tenant_id and s.conference_id = c.id) as session_count,
      coalesce(n.invited, 0)::int as invited, coalesce(n.present, 0)::int as present
    from conferences c
    join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
    left join (select conference_id, count(*) as invited, count(*) filter (where status = 'present') as present
      from conference_invitations where tenant_id = ${o.tenantId} group by conference_id) n on n.conference_id = c.id
    where ${sql.join(where, sql` and `)}
    order by c.starts_at desc, c.title`);
  return rows.map(toListRow);
}

function toListRow(r: Record<string, unknown>): ConferenceListRow {
  return {
    id: r.id as string, campaignId: r.campaign_id as string, orgId: r.org_id as string, orgName: r.org_name as string,
    title: r.title as string, audienceKind: r.audience_kind as string, audienceNote: r.audience_note as string, format: r.format as string,
    venue: r.venue as string, capacity: (r.capacity as number | null) ?? null, startsAt: iso(r.starts_at as string)!, endsAt: iso(r.ends_at as string | null),
    includeExempt: r.include_exempt as boolean, status: r.status as string, isMakeup: r.is_makeup as boolean,
    sessionCount: Number(r.session_count), invited: Number(r.invited), present: Number(r.present),
  };
}

export async function invitationCounts(exec: Executor, tenantId: string, conferenceId: string) {
  const [row] = await queryRows<{ invited: number; present: number; absent: number; guests: number }>(exec, sql`
    select count(*)::int as invited, (count(*) filter (where status = 'present'))::int as present,
      (count(*) filter (where status = 'absent'))::int as absent, (count(*) filter (where member_id is null))::int as guests
    from conference_invitations where tenant_id = ${tenantId} and conference_id = ${conferenceId}::uuid`);
  return { invited: Number(row.invited), present: Number(row.present), absent: Number(row.absent), guests: Number(row.guests) };
}

/** Member invitees per branch (for the split), and the guests who are not members. */
export async function inviteeGroups(exec: Executor, tenantId: string, conferenceId: string) {
  const rows = await queryRows<{ branch_id: string | null; branch_name: string | null; n: number }>(exec, sql`
    select i.branch_id, o.name as branch_name, count(*)::int as n
    from conference_invitations i left join orgs o on o.tenant_id = i.tenant_id and o.id = i.branch_id
    where i.tenant_id = ${tenantId} and i.conference_id = ${conferenceId}::uuid
    group by i.branch_id, o.name`);
  const groups = rows.filter((r) => r.branch_id).map((r) => ({ branchId: r.branch_id!, branchName: r.branch_name ?? '', count: Number(r.n) }));
  const guests = rows.filter((r) => !r.branch_id).reduce((s, r) => s + Number(r.n), 0);
  return { groups, guests };
}

export async function listSessions(exec: Executor, tenantId: string, conferenceId: string) {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`
    select s.id, s.seq, s.venue, s.capacity, s.starts_at, s.branch_ids::text[] as branch_ids,
      coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name) from orgs o
        where o.tenant_id = s.tenant_id and o.id = any(s.branch_ids)), '[]'::json) as branches,
      (select count(*)::int from conference_invitations i where i.tenant_id = s.tenant_id and i.session_id = s.id) as invited,
      (select count(*)::int from conference_invitations i where i.tenant_id = s.tenant_id and i.session_id = s.id and i.status = 'present') as present
    from conference_sessions s where s.tenant_id = ${tenantId} and s.conference_id = ${conferenceId}::uuid order by s.seq`);
  return rows.map((r) => ({
    id: r.id as string, seq: Number(r.seq), venue: r.venue as string, capacity: (r.capacity as number | null) ?? null,
    startsAt: iso(r.starts_at as string)!, branchIds: (r.branch_ids as string[]) ?? [],
    branches: (typeof r.branches === 'string' ? JSON.parse(r.branches) : r.branches) as Array<{ id: string; name: string }>,
    invited: Number(r.invited), present: Number(r.present),
  }));
}

export async function sessionRows(exec: Executor, tenantId: string, conferenceId: string): Promise<SessionRow[]> {
  return exec.select().from(conferenceSessions)
    .where(and(eq(conferenceSessions.tenantId, tenantId), eq(conferenceSessions.conferenceId, conferenceId))).orderBy(asc(conferenceSessions.seq));
}

export interface SessionValues { seq: number; venue: string; capacity: number | null; startsAt: Date; branchIds: string[] }

/** Sessions become exactly `next`: a seq that stays keeps its id (invitations point to it), others come and go. */
export async function replaceSessions(tx: Executor, tenantId: string, conferenceId: string, next: readonly SessionValues[]) {
  const current = await sessionRows(tx, tenantId, conferenceId);
  const keep = new Set(next.map((s) => s.seq));
  for (const old of current.filter((s) => !keep.has(s.seq))) {
    await tx.delete(conferenceSessions).where(and(eq(conferenceSessions.tenantId, tenantId), eq(conferenceSessions.id, old.id)));
  }
  for (const s of next) {
    const existing = current.find((c) => c.seq === s.seq);
    if (existing) {
      await tx.update(conferenceSessions).set({ venue: s.venue, capacity: s.capacity, startsAt: s.startsAt, branchIds: s.branchIds })
        .where(and(eq(conferenceSessions.tenantId, tenantId), eq(conferenceSessions.id, existing.id)));
    } else {
      await tx.insert(conferenceSessions).values({ tenantId, id: newId(), conferenceId, ...s });
    }
  }
}

export async function listAgenda(exec: Executor, tenantId: string, conferenceId: string) {
  const rows = await exec.select().from(agendaItems)
    .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.conferenceId, conferenceId))).orderBy(asc(agendaItems.seq));
  return rows.map(({ tenantId: _t, conferenceId: _c, ...r }) => r);
}

export type AgendaValues = Pick<typeof agendaItems.$inferInsert, 'topic' | 'speakerName' | 'speakerTitle' | 'durationMinutes' | 'inPerson'>;

export async function replaceAgenda(tx: Executor, tenantId: string, conferenceId: string, items: readonly AgendaValues[]) {
  await tx.delete(agendaItems).where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.conferenceId, conferenceId)));
  if (items.length === 0) return;
  await tx.insert(agendaItems).values(items.map((it, i) => ({ ...it, tenantId, id: newId(), conferenceId, seq: i + 1 })));
}

/** Which of `orgIds` are active orgs inside `rootId`'s subtree (the root included). */
export async function orgsInSubtree(exec: Executor, tenantId: string, rootId: string, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<{ id: string; name: string }>(exec, sql`select o.id, o.name from orgs o
    join org_closure c on c.tenant_id = o.tenant_id and c.descendant_id = o.id and c.ancestor_id = ${rootId}::uuid
    where o.tenant_id = ${tenantId} and o.status = 'active' and o.id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return rows;
}

/**
 * The active orgs of `rootId`'s subtree (the root included), in tree order, with their depth below
 * the root: the units a bridge point may seat. At most `limit` rows.
 */
export async function subtreeOrgs(exec: Executor, tenantId: string, rootId: string, limit = 20_000) {
  return queryRows<{ id: string; parent_id: string | null; name: string; level_name: string; depth: number }>(exec, sql`
    select o.id, o.parent_id, o.name, l.name as level_name, c.depth
    from org_closure c
    join orgs o on o.tenant_id = c.tenant_id and o.id = c.descendant_id
    join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    where c.tenant_id = ${tenantId} and c.ancestor_id = ${rootId}::uuid and o.status = 'active'
    order by o.path limit ${limit}`);
}

/** An org and its direct active children, with their level names: where an officer may hold a conference. */
export async function orgsWithChildren(exec: Executor, tenantId: string, rootIds: readonly string[]) {
  if (rootIds.length === 0) return [];
  const ids = sql.join(rootIds.map((id) => sql`${id}::uuid`), sql`, `);
  return queryRows<{ id: string; name: string; level_name: string; depth: number; path: string }>(exec, sql`
    select o.id, o.name, l.name as level_name, o.depth, o.path from orgs o join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    where o.tenant_id = ${tenantId} and o.status = 'active' and (o.id in (${ids}) or o.parent_id in (${ids}))
    order by o.path`);
}

export async function orgName(exec: Executor, tenantId: string, orgId: string): Promise<string> {
  const [row] = await queryRows<{ name: string }>(exec, sql`select name from orgs where tenant_id = ${tenantId} and id = ${orgId}::uuid`);
  return row?.name ?? '';
}

/**
 * Names of the tenant's orgs among `orgIds` (any status) that satisfy `visible` (a condition on
 * `o.id`, such as the actor's org.read scope), by id: for messages that name units.
 */
export async function orgNames(exec: Executor, tenantId: string, orgIds: readonly string[], visible: SQL): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(exec, sql`select o.id, o.name from orgs o
    where o.tenant_id = ${tenantId} and ${visible} and o.id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
