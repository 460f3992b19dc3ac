/** Queries of the recommendation pools. No access decisions (the service makes them). */
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/db/columns.js';
import { isoTimestamp, queryRows, type Executor } from '../../kernel/db/client.js';

export interface PendingText {
  reflectionId: string; versionId: string; branchId: string; poolOrgId: string;
  text: string | null; recommendations: string | null;
}

/**
 * Current typed versions of the campaign not extracted yet, a page at a time (keyset on version id).
 * A reflection's pool is the committee its branch sits under (a branch at the root is its own).
 */
export async function pendingTexts(exec: Executor, tenantId: string, campaignId: string, afterVersion: string | null, limit: number, poolOrgId?: string): Promise<PendingText[]> {
  const after = afterVersion ? sql`and v.id > ${afterVersion}::uuid` : sql``;
  const pool = poolOrgId ? sql`and coalesce(b.parent_id, b.id) = ${poolOrgId}::uuid` : sql``;
  return queryRows<PendingText>(exec, sql`select r.id as "reflectionId", v.id as "versionId", r.branch_id as "branchId",
      coalesce(b.parent_id, b.id) as "poolOrgId", v.text, v.recommendations
    from reflections r
    join reflection_versions v on v.tenant_id = r.tenant_id and v.id = r.current_version_id
    join orgs b on b.tenant_id = r.tenant_id and b.id = r.branch_id
    where r.tenant_id = ${tenantId} and r.campaign_id = ${campaignId}::uuid ${after}
      and (coalesce(v.text, '') <> '' or coalesce(v.recommendations, '') <> '') ${pool}
      and not exists (select 1 from recommendation_extractions x where x.tenant_id = r.tenant_id and x.version_id = v.id)
    order by v.id limit ${limit}`);
}

/**
 * Drops sentences of versions that are no longer current (the member handed in a new one); returns the
 * pools and the groups that lost some.
 */
export async function dropStaleSentences(exec: Executor, tenantId: string, campaignId: string): Promise<{ pools: string[]; groups: string[] }> {
  const rows = await queryRows<{ pool: string; group_id: string | null }>(exec, sql`delete from recommendation_entries e
    using reflections r
    where e.tenant_id = ${tenantId} and e.campaign_id = ${campaignId}::uuid and e.kind = 'sentence'
      and r.tenant_id = e.tenant_id and r.id = e.reflection_id and r.current_version_id is distinct from e.version_id
    returning e.pool_org_id as pool, e.group_id`);
  return { pools: [...new Set(rows.map((r) => r.pool))], groups: [...new Set(rows.flatMap((r) => (r.group_id ? [r.group_id] : [])))] };
}

export interface SentenceRow { reflectionId: string; versionId: string; branchId: string; poolOrgId: string; index: number; text: string }

/** Inserts extracted sentences (unassigned) and marks their versions extracted; idempotent per version. */
export async function insertSentences(tx: Executor, tenantId: string, campaignId: string, versions: Array<{ versionId: string; reflectionId: string; sentences: number }>, rows: SentenceRow[]) {
  if (rows.length > 0) {
    await tx.execute(sql`insert into recommendation_entries (tenant_id, id, campaign_id, pool_org_id, kind, text, weight, origin_org_id, reflection_id, version_id, sentence_index)
      select ${tenantId}::uuid, x.id, ${campaignId}::uuid, x."poolOrgId", 'sentence', x.text, 1, x."branchId", x."reflectionId", x."versionId", x.index
      from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ ...r, id: newId() })))}::jsonb)
        as x(id uuid, "poolOrgId" uuid, text text, "branchId" uuid, "reflectionId" uuid, "versionId" uuid, index int)
      on conflict do nothing`);
  }
  if (versions.length > 0) {
    await tx.execute(sql`insert into recommendation_extractions (tenant_id, version_id, reflection_id, campaign_id, sentences)
      select ${tenantId}::uuid, x."versionId", x."reflectionId", ${campaignId}::uuid, x.sentences
      from jsonb_to_recordset(${JSON.stringify(versions)}::jsonb) as x("versionId" uuid, "reflectionId" uuid, sentences int)
      on conflict do nothing`);
  }
}

export interface EntryRow { id: string; text: string; weight: number; kind: 'sentence' | 'forwarded'; groupId: string | null }

export async function unassignedEntries(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string): Promise<EntryRow[]> {
  return queryRows<EntryRow>(exec, sql`select id, text, weight, kind, group_id as "groupId" from recommendation_entries
    where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and pool_org_id = ${poolOrgId}::uuid and group_id is null
    order by created_at, id`);
}

/** The pool's group ids (compared under the pool's lock with those a gathering planned with). */
export async function poolGroupIds(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(exec, sql`select id from recommendation_groups
    where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and org_id = ${poolOrgId}::uuid`);
  return rows.map((r) => r.id);
}

/** Pools of the campaign holding entries not yet in a group. */
export async function poolsWithUnassigned(exec: Executor, tenantId: string, campaignId: string): Promise<string[]> {
  const rows = await queryRows<{ pool: string }>(exec, sql`select distinct pool_org_id as pool from recommendation_entries
    where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and group_id is null`);
  return rows.map((r) => r.pool);
}

export interface GroupBrief { id: string; title: string; count: number; status: string }

export async function poolGroupBriefs(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string): Promise<GroupBrief[]> {
  const rows = await queryRows<{ id: string; title: string; status: string; count: number | string }>(exec, sql`select g.id, g.title, g.status, c.count
    from recommendation_groups g ${GROUP_TOTALS}
    where g.tenant_id = ${tenantId} and g.campaign_id = ${campaignId}::uuid and g.org_id = ${poolOrgId}::uuid
    order by g.created_at, g.id`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function insertGroups(tx: Executor, tenantId: string, campaignId: string, poolOrgId: string, groups: Array<{ id: string; title: string }>) {
  if (groups.length === 0) return;
  await tx.execute(sql`insert into recommendation_groups (tenant_id, id, campaign_id, org_id, title)
    select ${tenantId}::uuid, x.id, ${campaignId}::uuid, ${poolOrgId}::uuid, x.title
    from jsonb_to_recordset(${JSON.stringify(groups)}::jsonb) as x(id uuid, title text)`);
}

/**
 * Puts entries into groups; only entries still unassigned move (a board's hand work is never undone),
 * and only into groups that still exist. Returns the entries moved with their group.
 */
export async function assignEntries(tx: Executor, tenantId: string, assignments: Array<{ entryId: string; groupId: string }>): Promise<Array<{ entryId: string; groupId: string }>> {
  if (assignments.length === 0) return [];
  return queryRows<{ entryId: string; groupId: string }>(tx, sql`update recommendation_entries e set group_id = x."groupId"
    from jsonb_to_recordset(${JSON.stringify(assignments)}::jsonb) as x("entryId" uuid, "groupId" uuid)
    where e.tenant_id = ${tenantId} and e.id = x."entryId" and e.group_id is null
      and exists (select 1 from recommendation_groups g where g.tenant_id = ${tenantId} and g.id = x."groupId")
    returning e.id as "entryId", e.group_id as "groupId"`);
}

/** Deletes those of `groupIds` that hold no entry; returns how many of them are kept. */
export async function dropEmptyGroups(tx: Executor, tenantId: string, groupIds: string[]): Promise<number> {
  if (groupIds.length === 0) return 0;
  const dropped = await queryRows(tx, sql`delete from recommendation_groups g
    where g.tenant_id = ${tenantId} and g.id = any(string_to_array(${groupIds.join(',')}, ',')::uuid[])
      and not exists (select 1 from recommendation_entries e where e.tenant_id = ${tenantId} and e.group_id = g.id)
    returning g.id`);
  return groupIds.length - dropped.length;
}

/**
 * Brings the forwarded entries of the groups whose counts changed up to date, then those of the groups
 * above that hold them, level by level (a count that grows below shows above). Touches only the chain
 * above `groupIds`, not the campaign's other groups; returns how many entries changed.
 */
export async function syncForwardedWeights(tx: Executor, tenantId: string, groupIds: string[]): Promise<number> {
  let changed = 0;
  let ids = [...new Set(groupIds)];
  for (let level = 0; level < 16 && ids.length > 0; level++) {
    const rows = await queryRows<{ group_id: string | null }>(tx, sql`update recommendation_entries f set weight = s.total
      from (select g.id, coalesce((select sum(e.weight) from recommendation_entries e
              where e.tenant_id = ${tenantId} and e.group_id = g.id), 0)::int as total
            from unnest(string_to_array(${ids.join(',')}, ',')::uuid[]) as g(id)) s
      where f.tenant_id = ${tenantId} and f.source_group_id = s.id and f.weight <> s.total
      returning f.group_id`);
    changed += rows.length;
    ids = [...new Set(rows.flatMap((r) => (r.group_id ? [r.group_id] : [])))];
  }
  return changed;
}

export interface GroupRow {
  id: string; campaignId: string; orgId: string; orgName: string; title: string; titleEdited: boolean; status: string; note: string | null;
  forwardedAt: string | null; reportedAt: string | null; answer: string | null; answeredAt: string | null;
  answeredByName: string | null; count: number; entries: number; updatedAt: string;
}

const GROUP_COLUMNS = sql`g.id, g.campaign_id as "campaignId", g.org_id as "orgId",
  (select o.name from orgs o where o.tenant_id = g.tenant_id and o.id = g.org_id) as "orgName", g.title, g.title_edited as "titleEdited", g.status, g.note,
  g.forwarded_at as "forwardedAt", g.reported_at as "reportedAt", g.answer, g.answered_at as "answeredAt",
  (select u.display_name from users u where u.id = g.answered_by) as "answeredByName",
  g.updated_at as "updatedAt", c.count, c.entries`;

/** A group's count (its entries' weights) and number of entries, in one pass over its entries. */
const GROUP_TOTALS = sql`cross join lateral (select coalesce(sum(e.weight), 0) as count, count(*) as entries
  from recommendation_entries e where e.tenant_id = g.tenant_id and e.group_id = g.id) c`;

function toGroup(r: Record<string, unknown>): GroupRow {
  return {
    ...(r as unknown as GroupRow), count: Number(r.count), entries: Number(r.entries),
    forwardedAt: isoTimestamp(r.forwardedAt), reportedAt: isoTimestamp(r.reportedAt), answeredAt: isoTimestamp(r.answeredAt),
    updatedAt: isoTimestamp(r.updatedAt)!,
  };
}

export async function findGroup(exec: Executor, tenantId: string, groupId: string, lock = false): Promise<GroupRow | null> {
  return (await groupsByIds(exec, tenantId, [groupId], lock))[0] ?? null;
}

/** Groups by id (in id order); `lock` takes their rows for update, in that order. */
export async function groupsByIds(exec: Executor, tenantId: string, ids: string[], lock = false): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select ${GROUP_COLUMNS} from recommendation_groups g ${GROUP_TOTALS}
    where g.tenant_id = ${tenantId} and g.id = any(string_to_array(${ids.join(',')}, ',')::uuid[])
    order by g.id ${lock ? sql`for update of g` : sql``}`);
  return rows.map(toGroup);
}

export async function poolGroups(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string): Promise<GroupRow[]> {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select ${GROUP_COLUMNS} from recommendation_groups g ${GROUP_TOTALS}
    where g.tenant_id = ${tenantId} and g.campaign_id = ${campaignId}::uuid and g.org_id = ${poolOrgId}::uuid`);
  return rows.map(toGroup).filter((g) => g.entries > 0 || g.answer !== null)
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'vi'));
}

export interface OriginCount { groupId: string; orgId: string; orgName: string; count: number }

/** Per group of the pool: where its count comes from (branches, or lower committees that forwarded). */
export async function originsOfPool(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string): Promise<OriginCount[]> {
  const rows = await queryRows<{ groupId: string; orgId: string; orgName: string; count: string | number }>(exec, sql`select e.group_id as "groupId",
      e.origin_org_id as "orgId", o.name as "orgName", sum(e.weight) as count
    from recommendation_entries e join orgs o on o.tenant_id = e.tenant_id and o.id = e.origin_org_id
    where e.tenant_id = ${tenantId} and e.campaign_id = ${campaignId}::uuid and e.pool_org_id = ${poolOrgId}::uuid and e.group_id is not null
    group by e.group_id, e.origin_org_id, o.name`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export interface EntryDetail { id: string; kind: 'sentence' | 'forwarded'; text: string; weight: number; originOrgId: string; originName: string; sourceGroupId: string | null }

export async function entriesOfGroup(exec: Executor, tenantId: string, groupId: string): Promise<EntryDetail[]> {
  return queryRows<EntryDetail>(exec, sql`select e.id, e.kind, e.text, e.weight, e.origin_org_id as "originOrgId", o.name as "originName",
      e.source_group_id as "sourceGroupId"
    from recommendation_entries e join orgs o on o.tenant_id = e.tenant_id and o.id = e.origin_org_id
    where e.tenant_id = ${tenantId} and e.group_id = ${groupId}::uuid
    order by e.weight desc, o.name, e.created_at, e.id`);
}

export interface PoolCounts { sentences: number; unassigned: number; extracted: number }

/**
 * What a pool holds, counted in members' recommendation sentences like its groups are: its branches'
 * sentences plus the counts of the groups forwarded into it (a forwarded entry weighs its group's count),
 * those not yet in a group, and the reflections they were taken from, found by following each forwarded
 * group down to the sentences it holds. Above the lowest committees a pool holds forwarded groups only.
 */
export async function poolCounts(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string): Promise<PoolCounts> {
  const [row] = await queryRows<Record<string, string | number | null>>(exec, sql`with recursive below(group_id) as (
      select source_group_id from recommendation_entries
      where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and pool_org_id = ${poolOrgId}::uuid and source_group_id is not null
      union
      select e.source_group_id from below join recommendation_entries e on e.tenant_id = ${tenantId} and e.group_id = below.group_id
      where e.source_group_id is not null)
    select sum(weight) as sentences, sum(weight) filter (where group_id is null) as unassigned,
      (select count(distinct r.reflection_id) from (
        select s.reflection_id from recommendation_entries s
        where s.tenant_id = ${tenantId} and s.campaign_id = ${campaignId}::uuid and s.pool_org_id = ${poolOrgId}::uuid and s.kind = 'sentence'
        union all
        select s.reflection_id from below join recommendation_entries s on s.tenant_id = ${tenantId} and s.group_id = below.group_id
        where s.kind = 'sentence') r) as extracted
    from recommendation_entries where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and pool_org_id = ${poolOrgId}::uuid`);
  return { sentences: Number(row.sentences ?? 0), unassigned: Number(row.unassigned ?? 0), extracted: Number(row.extracted ?? 0) };
}

export interface ChildPool { orgId: string; name: string; groups: number; selected: number; forwarded: number; count: number }

/** The pools of committees in `orgId`'s subtree one committee level down (drill-down), in Vietnamese name order. */
export async function childPools(exec: Executor, tenantId: string, campaignId: string, orgId: string): Promise<ChildPool[]> {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select o.id as "orgId", o.name, coalesce(g.groups, 0) as groups,
      coalesce(g.selected, 0) as selected, coalesce(g.forwarded, 0) as forwarded, coalesce(e.count, 0) as count
    from orgs o
    left join lateral (select count(*) as groups, count(*) filter (where x.status = 'selected') as selected,
        count(*) filter (where x.forwarded_at is not null) as forwarded
      from recommendation_groups x where x.tenant_id = o.tenant_id and x.campaign_id = ${campaignId}::uuid and x.org_id = o.id) g on true
    left join lateral (select sum(y.weight) as count from recommendation_entries y
      where y.tenant_id = o.tenant_id and y.campaign_id = ${campaignId}::uuid and y.pool_org_id = o.id and y.group_id is not null) e on true
    where o.tenant_id = ${tenantId} and o.parent_id = ${orgId}::uuid and o.status = 'active'
      and exists (select 1 from orgs c where c.tenant_id = o.tenant_id and c.parent_id = o.id and c.status = 'active')`);
  // Sorted here, not by the database: its collation puts capitals first ("Quân sự" before "các cơ quan").
  return rows.map((r) => ({
    orgId: r.orgId as string, name: r.name as string, groups: Number(r.groups), selected: Number(r.selected),
    forwarded: Number(r.forwarded), count: Number(r.count),
  })).sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.orgId.localeCompare(b.orgId));
}

export interface ChainLink {
  startId: string; depth: number; groupId: string; orgId: string; orgName: string; title: string; status: string;
  answer: string | null; answeredAt: string | null; answeredByName: string | null; forwardedAt: string | null; reportedAt: string | null;
}

/**
 * For each group, the groups above it: the group of the pool above that holds its forwarded entry,
 * that one's, and so on (depth 1, 2, …). Answers given up there flow down by this chain.
 */
export async function chainsAbove(exec: Executor, tenantId: string, groupIds: string[]): Promise<ChainLink[]> {
  if (groupIds.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(exec, sql`with recursive up(start_id, group_id, depth) as (
      select g.id, g.id, 0 from recommendation_groups g
      where g.tenant_id = ${tenantId} and g.id = any(string_to_array(${groupIds.join(',')}, ',')::uuid[])
      union all
      select up.start_id, e.group_id, up.depth + 1 from up
      join recommendation_entries e on e.tenant_id = ${tenantId} and e.source_group_id = up.group_id
      where e.group_id is not null and up.depth < 12)
    select up.start_id as "startId", up.depth, g.id as "groupId", g.org_id as "orgId", o.name as "orgName", g.title, g.status,
      g.answer, g.answered_at as "answeredAt", (select u.display_name from users u where u.id = g.answered_by) as "answeredByName",
      g.forwarded_at as "forwardedAt", g.reported_at as "reportedAt"
    from up join recommendation_groups g on g.tenant_id = ${tenantId} and g.id = up.group_id
    join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
    where up.depth > 0 order by up.start_id, up.depth`);
  return rows.map((r) => ({
    ...(r as unknown as ChainLink), depth: Number(r.depth),
    answeredAt: isoTimestamp(r.answeredAt), forwardedAt: isoTimestamp(r.forwardedAt), reportedAt: isoTimestamp(r.reportedAt),
  }));
}

export interface OrgInfo { id: string; name: string; parentId: string | null; isCommittee: boolean }

export async function orgInfo(exec: Executor, tenantId: string, orgId: string): Promise<OrgInfo | null> {
  const [row] = await queryRows<OrgInfo>(exec, sql`select o.id, o.name, o.parent_id as "parentId",
      exists (select 1 from orgs c where c.tenant_id = o.tenant_id and c.parent_id = o.id and c.status = 'active') as "isCommittee"
    from orgs o where o.tenant_id = ${tenantId} and o.id = ${orgId}::uuid`);
  return row ?? null;
}

/** Groups of a pool that hold entries originating in `originOrgId` (a branch, or a lower committee), with that origin's share. */
export async function groupsWithOrigin(exec: Executor, tenantId: string, campaignId: string, poolOrgId: string, originOrgId: string) {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select ${GROUP_COLUMNS},
      (select sum(x.weight) from recommendation_entries x where x.tenant_id = g.tenant_id and x.group_id = g.id and x.origin_org_id = ${originOrgId}::uuid) as "fromOrigin"
    from recommendation_groups g ${GROUP_TOTALS}
    where g.tenant_id = ${tenantId} and g.campaign_id = ${campaignId}::uuid and g.org_id = ${poolOrgId}::uuid
      and exists (select 1 from recommendation_entries x where x.tenant_id = g.tenant_id and x.group_id = g.id and x.origin_org_id = ${originOrgId}::uuid)`);
  return rows.map((r) => ({ ...toGroup(r), fromOrigin: Number(r.fromOrigin) }))
    .sort((a, b) => b.fromOrigin - a.fromOrigin || a.title.localeCompare(b.title, 'vi'));
}

/** A member's own recommendation sentences in a campaign, with the group each sits in. */
export async function sentencesOfMember(exec: Executor, tenantId: string, campaignId: string, memberId: string) {
  return queryRows<{ entryId: string; text: string; groupId: string | null; poolOrgId: string }>(exec, sql`select e.id as "entryId", e.text,
      e.group_id as "groupId", e.pool_org_id as "poolOrgId"
    from reflections r join recommendation_entries e on e.tenant_id = r.tenant_id and e.reflection_id = r.id and e.version_id = r.current_version_id
    where r.tenant_id = ${tenantId} and r.campaign_id = ${campaignId}::uuid and r.member_id = ${memberId}::uuid
    order by e.sentence_index`);
}

