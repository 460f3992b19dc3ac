import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor, isoTimestamp } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { bridgePoints, bridgePointUnits } from './conferences.table.js';

export type BridgePointRow = typeof bridgePoints.$inferSelect;
export type BridgePointValues = Pick<typeof bridgePoints.$inferInsert, 'name' | 'place' | 'capacity' | 'supervisorUserId'>;

const iso = isoTimestamp;
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export async function findBridgePoint(exec: Executor, tenantId: string, id: string, opts: { lock?: boolean } = {}): Promise<BridgePointRow | null> {
  const q = exec.select().from(bridgePoints).where(and(eq(bridgePoints.tenantId, tenantId), eq(bridgePoints.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertBridgePoint(tx: Executor, tenantId: string, conferenceId: string, values: BridgePointValues): Promise<BridgePointRow> {
  const [row] = await tx.insert(bridgePoints).values({ ...values, tenantId, id: newId(), conferenceId }).returning();
  return row;
}

export async function updateBridgePoint(tx: Executor, tenantId: string, id: string, patch: Partial<BridgePointRow>): Promise<BridgePointRow> {
  const [row] = await tx.update(bridgePoints).set(patch).where(and(eq(bridgePoints.tenantId, tenantId), eq(bridgePoints.id, id))).returning();
  return row;
}

export async function deleteBridgePoint(tx: Executor, tenantId: string, id: string) {
  await tx.delete(bridgePointUnits).where(and(eq(bridgePointUnits.tenantId, tenantId), eq(bridgePointUnits.bridgePointId, id)));
  await tx.delete(bridgePoints).where(and(eq(bridgePoints.tenantId, tenantId), eq(bridgePoints.id, id)));
}

export async function setUnits(tx: Executor, tenantId: string, bridgePointId: string, orgIds: readonly string[]) {
  await tx.delete(bridgePointUnits).where(and(eq(bridgePointUnits.tenantId, tenantId), eq(bridgePointUnits.bridgePointId, bridgePointId)));
  if (orgIds.length) await tx.insert(bridgePointUnits).values([...new Set(orgIds)].map((orgId) => ({ tenantId, bridgePointId, orgId })));
}

export async function unitsOf(exec: Executor, tenantId: string, bridgePointId: string): Promise<string[]> {
  const rows = await exec.select({ orgId: bridgePointUnits.orgId }).from(bridgePointUnits)
    .where(and(eq(bridgePointUnits.tenantId, tenantId), eq(bridgePointUnits.bridgePointId, bridgePointId)));
  return rows.map((r) => r.orgId).sort();
}

/** The other points of the conference with their units, to refuse a unit at two points. */
export async function otherPointsUnits(exec: Executor, tenantId: string, conferenceId: string, exceptId: string | null) {
  const rows = await queryRows<{ id: string; name: string; org_id: string | null }>(exec, sql`
    select b.id, b.name, u.org_id from bridge_points b
    left join bridge_point_units u on u.tenant_id = b.tenant_id and u.bridge_point_id = b.id
    where b.tenant_id = ${tenantId} and b.conference_id = ${conferenceId}::uuid and b.id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid`);
  const byId = new Map<string, { name: string; unitOrgIds: string[] }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { name: r.name, unitOrgIds: [] };
    if (r.org_id) p.unitOrgIds.push(r.org_id);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

export interface BridgePointListRow {
  id: string; conferenceId: string; name: string; place: string; capacity: number | null;
  supervisor: { userId: string; displayName: string } | null; units: Array<{ orgId: string; name: string }>;
  expected: number; present: number;
  report: { present: number; expected: number; remarks: string; reportedAt: string; reportedByName: string | null } | null;
}

/** Points with their units, supervisor's name, and the invitees expected and present there. */
export async function listBridgePoints(exec: Executor, tenantId: string, filter: SQL): Promise<BridgePointListRow[]> {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`
    select b.id, b.conference_id, b.name, b.place, b.capacity, b.supervisor_user_id, su.display_name as supervisor_name,
      b.report_present, b.report_expected, b.report_remarks, b.reported_at, ru.display_name as reported_by_name,
      coalesce((select json_agg(json_build_object('orgId', o.id, 'name', o.name) order by o.path) from bridge_point_units u
        join orgs o on o.tenant_id = u.tenant_id and o.id = u.org_id where u.tenant_id = b.tenant_id and u.bridge_point_id = b.id), '[]'::json) as units,
      (select count(*)::int from conference_invitations i where i.tenant_id = b.tenant_id and i.bridge_point_id = b.id) as expected,
      (select count(*)::int from conference_invitations i where i.tenant_id = b.tenant_id and i.bridge_point_id = b.id and i.status = 'present') as present
    from bridge_points b
    left join users su on su.tenant_id = b.tenant_id and su.id = b.supervisor_user_id
    left join users ru on ru.tenant_id = b.tenant_id and ru.id = b.reported_by
    where b.tenant_id = ${tenantId} and ${filter}
    order by b.name, b.id`);
  return rows.map(toPoint);
}

function toPoint(r: Record<string, unknown>): BridgePointListRow {
  return {
    id: r.id as string, conferenceId: r.conference_id as string, name: r.name as string, place: r.place as string,
    capacity: (r.capacity as number | null) ?? null,
    supervisor: r.supervisor_user_id ? { userId: r.supervisor_user_id as string, displayName: (r.supervisor_name as string) ?? '' } : null,
    units: parseJson<Array<{ orgId: string; name: string }>>(r.units),
    expected: Number(r.expected), present: Number(r.present),
    report: r.reported_at ? {
      present: Number(r.report_present), expected: Number(r.report_expected), remarks: (r.report_remarks as string) ?? '',
      reportedAt: iso(r.reported_at as string)!, reportedByName: (r.reported_by_name as string | null) ?? null,
    } : null,
  };
}

export const byConference = (conferenceId: string) => sql`b.conference_id = ${conferenceId}::uuid`;
export const bySupervisor = (userId: string) => sql`b.supervisor_user_id = ${userId}::uuid`;
export const byId = (id: string) => sql`b.id = ${id}::uuid`;

export async function expectedAt(exec: Executor, tenantId: string, bridgePointId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from conference_invitations
    where tenant_id = ${tenantId} and bridge_point_id = ${bridgePointId}::uuid`);
  return Number(row.n);
}

/**
 * Users holding committee_secretary on the org or one of its ancestors: the Standing Committee of
 * the organizing level and above, who may be assigned to supervise a bridge point. Reads the auth
 * module's grants (no accessor for this exists in auth's index yet).
 */
export async function supervisorCandidates(exec: Executor, tenantId: string, orgId: string, userId?: string) {
  return queryRows<{ user_id: string; display_name: string; org_id: string; org_name: string }>(exec, sql`
    select distinct on (u.id) u.id as user_id, u.display_name, g.org_id, o.name as org_name
    from role_grants g
    join users u on u.tenant_id = g.tenant_id and u.id = g.user_id and u.is_active
    join org_closure c on c.tenant_id = g.tenant_id and c.ancestor_id = g.org_id and c.descendant_id = ${orgId}::uuid
    join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
    where g.tenant_id = ${tenantId} and g.role = 'committee_secretary' ${userId ? sql`and u.id = ${userId}::uuid` : sql``}
    order by u.id, c.depth`);
}
