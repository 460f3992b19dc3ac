import { and, desc, eq, sql } from 'drizzle-orm';
import { isoTimestamp, queryRows, type Executor } from '../../kernel/db/client.js';
import type { StoredAssignment } from './reflections.batch-rules.js';
import { reflectionBatches, reflections } from './reflections.table.js';

export type BatchRow = typeof reflectionBatches.$inferSelect;

export async function insertBatch(exec: Executor, row: typeof reflectionBatches.$inferInsert): Promise<BatchRow> {
  const [created] = await exec.insert(reflectionBatches).values(row).returning();
  return created;
}

/** The batch, locked for the rest of the transaction when `lock` is set (assignments queue here). */
export async function findBatch(exec: Executor, tenantId: string, id: string, lock = false): Promise<BatchRow | null> {
  const query = exec.select().from(reflectionBatches).where(and(eq(reflectionBatches.tenantId, tenantId), eq(reflectionBatches.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function listBatches(exec: Executor, tenantId: string, campaignId: string, branchId: string): Promise<BatchRow[]> {
  return exec.select().from(reflectionBatches).where(and(
    eq(reflectionBatches.tenantId, tenantId), eq(reflectionBatches.campaignId, campaignId), eq(reflectionBatches.branchId, branchId),
  )).orderBy(desc(reflectionBatches.createdAt));
}

export async function saveAssignments(exec: Executor, tenantId: string, id: string, assignments: StoredAssignment[]) {
  await exec.update(reflectionBatches).set({ assignments }).where(and(eq(reflectionBatches.tenantId, tenantId), eq(reflectionBatches.id, id)));
}

export interface RosterMember {
  id: string; fullName: string; nameKey: string;
  reflection: { status: string; source: string | null; submittedAt: string | null } | null;
}

/** The branch's active members, by name, each with the state of their reflection in the campaign. */
export async function branchRoster(exec: Executor, tenantId: string, campaignId: string, branchId: string): Promise<RosterMember[]> {
  const rows = await queryRows<{ id: string; fullName: string; nameKey: string; reflectionId: string | null; status: string | null; source: string | null; submittedAt: unknown }>(exec, sql`
    select m.id, m.full_name as "fullName", m.name_key as "nameKey", r.id as "reflectionId", r.status, v.source, r.submitted_at as "submittedAt"
    from members m
    left join reflections r on r.tenant_id = m.tenant_id and r.campaign_id = ${campaignId}::uuid and r.member_id = m.id
    left join reflection_versions v on v.tenant_id = r.tenant_id and v.id = r.current_version_id
    where m.tenant_id = ${tenantId} and m.branch_id = ${branchId}::uuid and m.left_at is null
    order by m.name_key, m.id`);
  return rows.map((r) => ({
    id: r.id, fullName: r.fullName, nameKey: r.nameKey,
    reflection: r.reflectionId && r.source ? { status: r.status!, source: r.source, submittedAt: isoTimestamp(r.submittedAt) } : null,
  }));
}

/** Full names of members by id (any branch of the tenant), for messages about assignments. */
export async function memberNames(exec: Executor, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; fullName: string }>(exec, sql`select id, full_name as "fullName" from members
    where tenant_id = ${tenantId} and id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** The org: its name, whether it lies inside the campaign's org, and whether it is a branch (no active child). */
export async function branchInfo(exec: Executor, tenantId: string, branchId: string, campaignOrgId: string) {
  const [row] = await queryRows<{ name: string; inside: boolean; leaf: boolean }>(exec, sql`
    select o.name,
      exists (select 1 from org_closure c where c.tenant_id = o.tenant_id and c.ancestor_id = ${campaignOrgId}::uuid and c.descendant_id = o.id) as inside,
      not exists (select 1 from orgs k where k.tenant_id = o.tenant_id and k.parent_id = o.id and k.status = 'active') as leaf
    from orgs o where o.tenant_id = ${tenantId} and o.id = ${branchId}::uuid`);
  return row ?? null;
}

/** Branches inside the campaign's org where `scope` (the actor's reflection.collect condition on o.id) holds. */
export async function collectableBranches(exec: Executor, tenantId: string, campaignOrgId: string, scope: ReturnType<typeof sql>) {
  return queryRows<{ id: string; name: string; memberCount: number }>(exec, sql`
    select o.id, o.name, (select count(*)::int from members m where m.tenant_id = o.tenant_id and m.branch_id = o.id and m.left_at is null) as "memberCount"
    from orgs o
    join org_closure c on c.tenant_id = o.tenant_id and c.descendant_id = o.id and c.ancestor_id = ${campaignOrgId}::uuid
    where o.tenant_id = ${tenantId} and o.status = 'active' and ${scope}
      and not exists (select 1 from orgs k where k.tenant_id = o.tenant_id and k.parent_id = o.id and k.status = 'active')
    order by o.name_key, o.id
    limit 500`);
}

/** Removes who-may-fetch rows of a reflection for the files of a withdrawn version that no other of its versions uses. */
export async function releaseFiles(exec: Executor, tenantId: string, reflectionId: string, hashes: string[], withdrawnVersionId: string) {
  if (hashes.length === 0) return;
  await exec.execute(sql`delete from reflection_files f
    where f.tenant_id = ${tenantId} and f.reflection_id = ${reflectionId}::uuid
      and f.file_hash in (${sql.join(hashes.map((h) => sql`${h}`), sql`, `)})
      and not exists (select 1 from reflection_versions v where v.tenant_id = f.tenant_id and v.reflection_id = f.reflection_id
        and v.id <> ${withdrawnVersionId}::uuid
        and (v.pdf_hash = f.file_hash or v.pages @> jsonb_build_array(jsonb_build_object('fileHash', f.file_hash))
             or v.pages @> jsonb_build_array(jsonb_build_object('thumbHash', f.file_hash))))`);
}

/** Versions withdrawn from members by undoing a batch assignment in this campaign. */
export async function withdrawnVersionIds(exec: Executor, tenantId: string, campaignId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(exec, sql`select a->>'versionId' as id
    from reflection_batches b cross join lateral jsonb_array_elements(b.assignments) a
    where b.tenant_id = ${tenantId} and b.campaign_id = ${campaignId}::uuid and a->>'removedAt' is not null`);
  return new Set(rows.map((r) => r.id));
}

/** Whether grading has begun on this version (a grade row names it). */
export async function isVersionGraded(exec: Executor, tenantId: string, versionId: string): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 as ok from reflection_grades where tenant_id = ${tenantId} and version_id = ${versionId}::uuid limit 1`);
  return rows.length > 0;
}

/** Makes `previous` the reflection's current version again, or leaves it without one (not submitted). */
export async function restoreCurrent(exec: Executor, tenantId: string, reflectionId: string,
  previous: { id: string; source: string; submittedAt: Date } | null) {
  await exec.update(reflections).set({
    currentVersionId: previous?.id ?? null, status: previous?.source === 'paper' ? 'paper' : 'submitted',
    submittedAt: previous?.submittedAt ?? null, updatedAt: new Date(),
  }).where(and(eq(reflections.tenantId, tenantId), eq(reflections.id, reflectionId)));
}
