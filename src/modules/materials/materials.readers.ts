import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';

/**
 * Who has opened a material, counted the way the architecture asks for roll-ups: members are
 * counted per branch first, then summed over the closure table (never a path LIKE join). Opening
 * any version of the material (master or a variant) counts as having read it.
 */

export interface ReadersScope {
  tenantId: string;
  /** The publisher: only members of its subtree are meant to read the material. */
  publisherOrgId: string;
  /** The master and all its variants. */
  familyIds: string[];
  /** Extra condition on the members row `m` (for a variant: the member reads that variant). */
  targetSql: SQL;
}

export interface OrgReaders { orgId: string; name: string; code: string; isLeaf: boolean; targeted: number; opened: number }

const ids = (list: string[]) => sql.join(list.map((i) => sql`${i}::uuid`), sql`, `);
const subtree = (tenantId: string, rootId: string) =>
  sql`(select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${rootId}::uuid)`;

/** `orgId` itself (first row) and each of its active child orgs: members targeted and those who opened. */
export async function readersByChildOrg(exec: Executor, s: ReadersScope, orgId: string): Promise<OrgReaders[]> {
  return queryRows<OrgReaders>(exec, sql`
    with targets as (
      select m.id, m.branch_id from members m
      where m.tenant_id = ${s.tenantId} and m.left_at is null
        and m.branch_id in ${subtree(s.tenantId, s.publisherOrgId)} and m.branch_id in ${subtree(s.tenantId, orgId)}
        and ${s.targetSql}),
    opened as (
      select distinct v.member_id from material_views v
      where v.tenant_id = ${s.tenantId} and v.material_id in (${ids(s.familyIds)}) and v.member_id is not null),
    per_branch as (
      select t.branch_id, count(*)::int as targeted, count(o.member_id)::int as opened
      from targets t left join opened o on o.member_id = t.id group by t.branch_id)
    select k.id as "orgId", k.name, k.code,
      not exists (select 1 from orgs x where x.tenant_id = k.tenant_id and x.parent_id = k.id and x.status = 'active') as "isLeaf",
      coalesce(sum(pb.targeted), 0)::int as targeted, coalesce(sum(pb.opened), 0)::int as opened
    from orgs k
    join org_closure c on c.tenant_id = k.tenant_id and c.ancestor_id = k.id
    left join per_branch pb on pb.branch_id = c.descendant_id
    where k.tenant_id = ${s.tenantId} and (k.id = ${orgId}::uuid or (k.parent_id = ${orgId}::uuid and k.status = 'active'))
    group by k.tenant_id, k.id, k.name, k.code
    order by (k.id = ${orgId}::uuid) desc, k.code`);
}

export interface MemberReader {
  memberId: string; fullName: string; partyPosition: string | null; versionId: string; opened: boolean;
  firstOpenedAt: string | null; lastOpenedAt: string | null; openCount: number;
}

/** The members of one branch meant to read the material, whether and when they opened it. */
export async function readersInBranch(exec: Executor, s: ReadersScope, branchId: string, versionSql: SQL): Promise<MemberReader[]> {
  return queryRows<MemberReader>(exec, sql`
    select m.id as "memberId", m.full_name as "fullName", m.party_position as "partyPosition", ${versionSql} as "versionId",
      (vv.n is not null) as opened, to_json(vv.first_at)#>>'{}' as "firstOpenedAt", to_json(vv.last_at)#>>'{}' as "lastOpenedAt",
      coalesce(vv.n, 0)::int as "openCount"
    from members m
    left join lateral (
      select min(v.created_at) as first_at, max(v.last_opened_at) as last_at, sum(v.open_count) as n from material_views v
      where v.tenant_id = m.tenant_id and v.member_id = m.id and v.material_id in (${ids(s.familyIds)})
      having count(*) > 0) vv on true
    where m.tenant_id = ${s.tenantId} and m.left_at is null and m.branch_id = ${branchId}::uuid
      and m.branch_id in ${subtree(s.tenantId, s.publisherOrgId)} and ${s.targetSql}
    order by m.name_key, m.id`);
}
