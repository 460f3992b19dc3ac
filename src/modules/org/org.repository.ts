import { and, eq, sql, type SQL } from 'drizzle-orm';
import { newId } from '../../kernel/db/columns.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { searchKey } from '../../text/index.js';
import { orgClosure, orgLevels, orgs, orgVersions } from './org.table.js';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgLevelRow = typeof orgLevels.$inferSelect;

export interface OrgSummary {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  kind: string;
  levelId: string;
  levelName: string;
  levelRank: number;
  depth: number;
  status: string;
  memberCount: number;
  childCount: number;
}

export async function findOrg(exec: Executor, tenantId: string, id: string): Promise<OrgRow | null> {
  const [row] = await exec.select().from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, id)));
  return row ?? null;
}

export async function findOrgByCode(exec: Executor, tenantId: string, code: string): Promise<OrgRow | null> {
  const [row] = await exec.select().from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.code, code)));
  return row ?? null;
}

export async function findRootOrg(exec: Executor, tenantId: string): Promise<OrgRow | null> {
  const [row] = await exec.select().from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), sql`${orgs.parentId} is null`, eq(orgs.status, 'active')));
  return row ?? null;
}

export async function listLevels(exec: Executor, tenantId: string): Promise<OrgLevelRow[]> {
  return exec.select().from(orgLevels).where(eq(orgLevels.tenantId, tenantId)).orderBy(orgLevels.rank);
}

/**
 * Orgs with their subtree member counts: the per-branch counts kept by a trigger on members
 * (branch_member_counts), summed over the closure table (never a `path LIKE` join, see ARCHITECTURE.md
 * "Roll-ups").
 */
export async function summarizeOrgs(exec: Executor, tenantId: string, where: { ids?: string[]; parentId?: string }): Promise<OrgSummary[]> {
  const filter = where.parentId
    ? sql`o.parent_id = ${where.parentId}::uuid and o.status = 'active'`
    : sql`o.id in (${sql.join((where.ids ?? []).map((id) => sql`${id}::uuid`), sql`, `)})`;
  if (where.ids && where.ids.length === 0) return [];
  return queryRows<OrgSummary>(exec, sql`
    with targets as (select o.id from orgs o where o.tenant_id = ${tenantId} and ${filter}),
    per_branch as (
      select b.branch_id, b.active as n from branch_member_counts b
      where b.tenant_id = ${tenantId}
        and b.branch_id in (select c.descendant_id from org_closure c
                            where c.tenant_id = ${tenantId} and c.ancestor_id in (select id from targets))),
    counts as (
      select c.ancestor_id as id, coalesce(sum(pb.n), 0)::int as n from org_closure c
      join per_branch pb on pb.branch_id = c.descendant_id
      where c.tenant_id = ${tenantId} and c.ancestor_id in (select id from targets)
      group by c.ancestor_id),
    kids as (
      select k.parent_id as id, count(*)::int as n from orgs k
      where k.tenant_id = ${tenantId} and k.status = 'active' and k.parent_id in (select id from targets)
      group by k.parent_id)
    select o.id, o.parent_id as "parentId", o.name, o.code, o.kind, o.level_id as "levelId",
           l.name as "levelName", l.rank as "levelRank", o.depth, o.status,
           coalesce(counts.n, 0) as "memberCount", coalesce(kids.n, 0) as "childCount"
    from orgs o
    join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    left join counts on counts.id = o.id
    left join kids on kids.id = o.id
    where o.tenant_id = ${tenantId} and o.id in (select id from targets)
    order by l.rank, o.code`);
}

/** Subtree member count of every org of the tenant in one pass (dashboards, benchmarks). */
export async function rollUpMemberCounts(exec: Executor, tenantId: string): Promise<Array<{ id: string; n: number }>> {
  return queryRows(exec, sql`
    with per_branch as (
      select branch_id, count(*)::int as n from members
      where tenant_id = ${tenantId} and left_at is null group by branch_id)
    select c.ancestor_id as id, sum(pb.n)::int as n
    from org_closure c join per_branch pb on pb.branch_id = c.descendant_id
    where c.tenant_id = ${tenantId}
    group by c.ancestor_id`);
}

/** The ancestors of an org, top first, limited to those satisfying `scope` (a condition on o.id). */
export async function listAncestors(exec: Executor, tenantId: string, id: string, scope: SQL): Promise<Array<{ id: string; name: string; code: string; depth: number }>> {
  return queryRows(exec, sql`
    select o.id, o.name, o.code, o.depth from org_closure c
    join orgs o on o.tenant_id = c.tenant_id and o.id = c.ancestor_id
    where c.tenant_id = ${tenantId} and c.descendant_id = ${id}::uuid and c.depth > 0 and ${scope}
    order by o.depth`);
}

/** Of the given orgs, those not lying under another of them. */
export async function outermostOf(exec: Executor, tenantId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const list = sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `);
  const rows = await queryRows<{ id: string }>(exec, sql`
    select c.descendant_id as id from org_closure c
    where c.tenant_id = ${tenantId} and c.descendant_id in (${list})
    group by c.descendant_id
    having count(*) filter (where c.depth > 0 and c.ancestor_id in (${list})) = 0`);
  return rows.map((r) => r.id);
}

export async function insertOrg(exec: Executor, row: Omit<OrgRow, 'createdAt' | 'updatedAt' | 'path' | 'depth' | 'status' | 'dissolvedAt' | 'mergedIntoId' | 'nameKey'> & { parentPath: string | null; parentDepth: number | null }): Promise<OrgRow> {
  const path = `${row.parentPath ?? ''}${row.id}.`;
  const depth = row.parentDepth === null ? 0 : row.parentDepth + 1;
  const { parentPath: _p, parentDepth: _d, ...values } = row;
  const [created] = await exec.insert(orgs).values({ ...values, nameKey: searchKey(values.name), path, depth }).returning();
  await exec.execute(sql`
    insert into org_closure (tenant_id, ancestor_id, descendant_id, depth)
    select ${row.tenantId}::uuid, ${row.id}::uuid, ${row.id}::uuid, 0
    union all
    select c.tenant_id, c.ancestor_id, ${row.id}::uuid, c.depth + 1 from org_closure c
    where c.tenant_id = ${row.tenantId} and c.descendant_id = ${row.parentId}::uuid`);
  return created;
}

/**
 * Re-parents a subtree: rewrites the materialized paths and depths of every node under it and
 * rebuilds the closure rows that cross the subtree's boundary. Run inside a transaction.
 */
export async function moveSubtree(exec: Executor, tenantId: string, org: OrgRow, newParent: OrgRow): Promise<void> {
  const newPath = `${newParent.path}${org.id}.`;
  const depthShift = newParent.depth + 1 - org.depth;
  await exec.execute(sql`
    update orgs set path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${depthShift}, updated_at = now()
    where tenant_id = ${tenantId} and id in (
      select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${org.id}::uuid)`);
  await exec.execute(sql`update orgs set parent_id = ${newParent.id}::uuid where tenant_id = ${tenantId} and id = ${org.id}::uuid`);
  await exec.execute(sql`
    delete from org_closure
    where tenant_id = ${tenantId}
      and descendant_id in (select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${org.id}::uuid)
      and ancestor_id not in (select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${org.id}::uuid)`);
  await exec.execute(sql`
    insert into org_closure (tenant_id, ancestor_id, descendant_id, depth)
    select ${tenantId}, up.ancestor_id, down.descendant_id, up.depth + down.depth + 1
    from org_closure up, org_closure down
    where up.tenant_id = ${tenantId} and up.descendant_id = ${newParent.id}::uuid
      and down.tenant_id = ${tenantId} and down.ancestor_id = ${org.id}::uuid`);
}

export async function isInSubtree(exec: Executor, tenantId: string, ancestorId: string, id: string): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 from org_closure where tenant_id = ${tenantId}
    and ancestor_id = ${ancestorId}::uuid and descendant_id = ${id}::uuid`);
  return rows.length > 0;
}

export async function updateOrgFields(exec: Executor, tenantId: string, id: string, fields: Partial<Pick<OrgRow, 'name' | 'code' | 'status' | 'dissolvedAt' | 'mergedIntoId' | 'kind' | 'levelId'>>): Promise<OrgRow> {
  const [row] = await exec.update(orgs).set({ ...fields, ...(fields.name ? { nameKey: searchKey(fields.name) } : {}), updatedAt: new Date() })
    .where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, id))).returning();
  return row;
}

export async function listActiveChildren(exec: Executor, tenantId: string, parentId: string): Promise<OrgRow[]> {
  return exec.select().from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.parentId, parentId), eq(orgs.status, 'active')));
}

/** Closes the org's current version and opens a new one reflecting its state now. */
export async function recordVersion(exec: Executor, org: OrgRow, change: string, at: Date, note?: string, changedBy?: string): Promise<void> {
  await exec.update(orgVersions).set({ validTo: at })
    .where(and(eq(orgVersions.tenantId, org.tenantId), eq(orgVersions.orgId, org.id), sql`${orgVersions.validTo} is null`));
  await exec.insert(orgVersions).values({
    tenantId: org.tenantId, id: newId(), orgId: org.id, parentId: org.parentId, levelId: org.levelId, kind: org.kind,
    name: org.name, code: org.code, status: org.status, change, note: note ?? null, changedBy: changedBy ?? null, validFrom: at,
  });
}

export interface OrgVersionView {
  orgId: string; parentId: string | null; parentName: string | null; name: string; code: string; kind: string; levelName: string; status: string;
  change: 'create' | 'rename' | 'move' | 'merge' | 'dissolve'; note: string | null; changedBy: string | null; validFrom: string; validTo: string | null;
}

const VERSION_COLUMNS = sql`v.org_id as "orgId", v.parent_id as "parentId", p.name as "parentName", v.name, v.code, v.kind, l.name as "levelName",
  v.status, v.change, v.note, u.display_name as "changedBy", to_json(v.valid_from)#>>'{}' as "validFrom", to_json(v.valid_to)#>>'{}' as "validTo"`;
const VERSION_JOINS = sql`join org_levels l on l.tenant_id = v.tenant_id and l.id = v.level_id
  left join orgs p on p.tenant_id = v.tenant_id and p.id = v.parent_id
  left join users u on u.tenant_id = v.tenant_id and u.id = v.changed_by`;

/** The children of `parentId` as the tree stood at instant `at`. */
export async function childrenOnDate(exec: Executor, tenantId: string, parentId: string, at: Date): Promise<OrgVersionView[]> {
  return queryRows(exec, sql`
    select ${VERSION_COLUMNS}
    from org_versions v ${VERSION_JOINS}
    where v.tenant_id = ${tenantId} and v.parent_id = ${parentId}::uuid and v.status = 'active'
      and v.valid_from <= ${at.toISOString()}::timestamptz and (v.valid_to is null or v.valid_to > ${at.toISOString()}::timestamptz)
    order by v.code`);
}

export async function orgHistory(exec: Executor, tenantId: string, orgId: string): Promise<OrgVersionView[]> {
  return queryRows(exec, sql`
    select ${VERSION_COLUMNS}
    from org_versions v ${VERSION_JOINS}
    where v.tenant_id = ${tenantId} and v.org_id = ${orgId}::uuid order by v.valid_from`);
}

export async function listLeavesUnder(exec: Executor, tenantId: string, rootId: string): Promise<Array<{ id: string; name: string; code: string }>> {
  return queryRows(exec, sql`
    select o.id, o.name, o.code from org_closure c join orgs o on o.tenant_id = c.tenant_id and o.id = c.descendant_id
    where c.tenant_id = ${tenantId} and c.ancestor_id = ${rootId}::uuid and o.status = 'active'
      and not exists (select 1 from orgs k where k.tenant_id = o.tenant_id and k.parent_id = o.id and k.status = 'active')`);
}

export interface OrgSearchHit { id: string; name: string; code: string; kind: string; levelName: string; parentName: string | null; isLeaf: boolean }

/** Orgs whose folded name or code contains the query, within `scope` (a condition on o.id). */
export async function searchOrgs(exec: Executor, tenantId: string, q: string, scope: SQL, limit: number): Promise<OrgSearchHit[]> {
  const key = `%${searchKey(q).replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return queryRows(exec, sql`
    select o.id, o.name, o.code, o.kind, l.name as "levelName", p.name as "parentName",
      not exists (select 1 from orgs k where k.tenant_id = o.tenant_id and k.parent_id = o.id and k.status = 'active') as "isLeaf"
    from orgs o join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
    where o.tenant_id = ${tenantId} and o.status = 'active' and (o.name_key like ${key} or lower(o.code) like ${key}) and ${scope}
    order by l.rank, o.name limit ${limit}`);
}

/**
 * Serializes structural changes of one tenant's tree (create, move, merge, dissolve) for the rest of
 * the transaction, so two concurrent moves cannot each pass the cycle check and form a loop.
 */
export async function lockTree(exec: Executor, tenantId: string): Promise<void> {
  await exec.execute(sql`select pg_advisory_xact_lock(hashtext(${`org-tree:${tenantId}`}))`);
}
