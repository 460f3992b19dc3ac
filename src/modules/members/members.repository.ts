import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { members } from './members.table.js';

export type MemberRow = typeof members.$inferSelect;
export type NewMemberRow = typeof members.$inferInsert;

export interface MemberListFilters {
  q?: string; // already folded with searchKey
  cardNumber?: string;
  gender?: string;
  status?: string;
  theoryLevel?: string;
  workplaceKind?: string;
  ethnicity?: string;
  isExempt?: boolean;
  isRemoteArea?: boolean;
  isHeadOfUnit?: boolean;
  isCommitteeMember?: boolean;
}

export interface MemberListItem {
  id: string; fullName: string; gender: string | null; birthDate: string | null; birthYearOnly: boolean;
  status: string; cardNumber: string | null; partyPosition: string | null; branchId: string; branchName: string;
  isExempt: boolean;
}

export async function findMember(exec: Executor, tenantId: string, id: string): Promise<MemberRow | null> {
  const [row] = await exec.select().from(members).where(and(eq(members.tenantId, tenantId), eq(members.id, id)));
  return row ?? null;
}

function filterSql(f: MemberListFilters): SQL[] {
  const parts: SQL[] = [];
  if (f.q) parts.push(sql`m.name_key like ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (f.cardNumber) parts.push(sql`m.card_number = ${f.cardNumber}`);
  if (f.gender) parts.push(sql`m.gender = ${f.gender}`);
  if (f.status) parts.push(sql`m.status = ${f.status}`);
  if (f.theoryLevel) parts.push(sql`m.theory_level = ${f.theoryLevel}`);
  if (f.workplaceKind) parts.push(sql`m.workplace_kind = ${f.workplaceKind}`);
  if (f.ethnicity) parts.push(sql`m.ethnicity = ${f.ethnicity}`);
  for (const [key, column] of [['isExempt', 'is_exempt'], ['isRemoteArea', 'is_remote_area'], ['isHeadOfUnit', 'is_head_of_unit'], ['isCommitteeMember', 'is_committee_member']] as const) {
    if (f[key] !== undefined) parts.push(sql`m.${sql.raw(column)} = ${f[key]}`);
  }
  return parts;
}

/** One page of members under `underOrgId`, restricted by the caller's `scope` condition. */
export async function listMembers(exec: Executor, opts: {
  tenantId: string; underOrgId: string; scope: SQL; filters: MemberListFilters; page: number; pageSize: number;
}): Promise<{ items: MemberListItem[]; total: number }> {
  const scope = sql.join([
    sql`m.tenant_id = ${opts.tenantId}`,
    sql`m.left_at is null`,
    sql`m.branch_id in (select descendant_id from org_closure where tenant_id = ${opts.tenantId} and ancestor_id = ${opts.underOrgId}::uuid)`,
    opts.scope,
    ...filterSql(opts.filters),
  ], sql` and `);
  // A name search first collects its hits through the trigram index (materialized, so the planner
  // does not instead walk the whole name-order index); a plain browse walks that index in order.
  const source = opts.filters.q
    ? sql`(with hits as materialized (select m.* from members m where ${scope}) select * from hits) m`
    : sql`(select m.* from members m where ${scope}) m`;
  const [{ total }] = await queryRows<{ total: number }>(exec, sql`select count(*)::int as total from ${source}`);
  const items = await queryRows<MemberListItem>(exec, sql`
    select m.id, m.full_name as "fullName", m.gender, m.birth_date as "birthDate", m.birth_year_only as "birthYearOnly",
           m.status, m.card_number as "cardNumber", m.party_position as "partyPosition", m.branch_id as "branchId",
           o.name as "branchName", m.is_exempt as "isExempt"
    from ${source} join orgs o on o.tenant_id = m.tenant_id and o.id = m.branch_id
    order by m.name_key, m.id
    limit ${opts.pageSize} offset ${(opts.page - 1) * opts.pageSize}`);
  return { items, total: Number(total) };
}

/** All members under an org for export, in branch then name order. */
export async function listMembersForExport(exec: Executor, tenantId: string, underOrgId: string, scope: SQL) {
  return queryRows<MemberRow & { branchName: string; branchCode: string }>(exec, sql`
    select m.full_name as "fullName", m.gender, m.birth_date as "birthDate", m.birth_year_only as "birthYearOnly",
      m.home_town as "homeTown", m.ethnicity, m.religion, m.card_number as "cardNumber", m.record_number as "recordNumber",
      m.status, m.admission_date as "admissionDate", m.official_date as "officialDate", m.qualification,
      m.theory_level as "theoryLevel", m.party_position as "partyPosition", m.work_position as "workPosition",
      m.personal_id as "personalId", m.workplace_kind as "workplaceKind", m.is_remote_area as "isRemoteArea",
      m.is_exempt as "isExempt", m.is_head_of_unit as "isHeadOfUnit", m.is_committee_member as "isCommitteeMember",
      m.phone, m.email, o.name as "branchName", o.code as "branchCode"
    from members m join orgs o on o.tenant_id = m.tenant_id and o.id = m.branch_id
    where m.tenant_id = ${tenantId} and m.left_at is null and ${scope}
      and m.branch_id in (select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${underOrgId}::uuid)
    order by o.path, m.name_key`);
}

export async function countActiveMembers(exec: Executor, tenantId: string, branchId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from members
    where tenant_id = ${tenantId} and branch_id = ${branchId}::uuid and left_at is null`);
  return Number(row.n);
}

export async function reassignBranch(exec: Executor, tenantId: string, fromBranchId: string, toBranchId: string): Promise<void> {
  await exec.execute(sql`update members set branch_id = ${toBranchId}::uuid, updated_at = now()
    where tenant_id = ${tenantId} and branch_id = ${fromBranchId}::uuid and left_at is null`);
}

/** Who a study event reaches: every member of a subtree, or its key cadres; exempt members only on request. */
export type StudyAudience = 'all_members' | 'key_cadres';

/**
 * `select id, branch_id from members …` for the active members of `orgId`'s subtree in the audience:
 * the one definition other modules (conferences, coverage) use instead of reading the table themselves.
 */
export function audienceMembersSql(tenantId: string, orgId: string, opts: { audience: StudyAudience; includeExempt: boolean }): SQL {
  const parts = [
    sql`m.tenant_id = ${tenantId}`,
    sql`m.left_at is null`,
    sql`m.branch_id in (select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${orgId}::uuid)`,
  ];
  if (!opts.includeExempt) parts.push(sql`not m.is_exempt`);
  // Key cadres: committee members and heads of agencies and units (the registry's own flags).
  if (opts.audience === 'key_cadres') parts.push(sql`(m.is_committee_member or m.is_head_of_unit)`);
  return sql`select m.id, m.branch_id from members m where ${sql.join(parts, sql` and `)}`;
}
