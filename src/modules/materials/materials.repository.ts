import { and, asc, eq, sql } from 'drizzle-orm';
import { newId } from '../../kernel/db/columns.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import type { AudienceDef } from './materials.audience.js';
import { materialAudiences, materials } from './materials.table.js';

export type MaterialRow = typeof materials.$inferSelect;
export type AudienceRow = typeof materialAudiences.$inferSelect;

/** The tenant's root org (the province), where tenant-wide settings such as audiences are managed. */
export async function findRootOrgId(exec: Executor, tenantId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(exec, sql`
    select id from orgs where tenant_id = ${tenantId} and parent_id is null and status = 'active' limit 1`);
  return row?.id ?? null;
}

export async function isInSubtree(exec: Executor, tenantId: string, ancestorId: string, id: string): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 from org_closure
    where tenant_id = ${tenantId} and ancestor_id = ${ancestorId}::uuid and descendant_id = ${id}::uuid`);
  return rows.length > 0;
}

export async function listAudiences(exec: Executor, tenantId: string): Promise<AudienceRow[]> {
  return exec.select().from(materialAudiences).where(eq(materialAudiences.tenantId, tenantId))
    .orderBy(asc(materialAudiences.priority), asc(materialAudiences.code));
}

export async function findAudience(exec: Executor, tenantId: string, code: string): Promise<AudienceRow | null> {
  const [row] = await exec.select().from(materialAudiences)
    .where(and(eq(materialAudiences.tenantId, tenantId), eq(materialAudiences.code, code)));
  return row ?? null;
}

/** Inserts the audiences whose code is free; returns those actually inserted (race-safe). */
export async function insertAudiences(exec: Executor, tenantId: string, defs: AudienceDef[]): Promise<AudienceRow[]> {
  if (defs.length === 0) return [];
  return exec.insert(materialAudiences)
    .values(defs.map((d) => ({ tenantId, id: newId(), code: d.code, name: d.name, rule: d.rule, priority: d.priority, isPublic: d.isPublic })))
    .onConflictDoNothing().returning();
}

export async function findMaterial(exec: Executor, tenantId: string, id: string, forUpdate = false): Promise<MaterialRow | null> {
  const query = exec.select().from(materials).where(and(eq(materials.tenantId, tenantId), eq(materials.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Inserts a material; for a variant already present for the audience, returns null instead (race-safe). */
export async function insertMaterial(exec: Executor, row: typeof materials.$inferInsert): Promise<MaterialRow | null> {
  const [created] = await exec.insert(materials).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function updateMaterial(exec: Executor, tenantId: string, id: string, fields: Partial<MaterialRow>): Promise<MaterialRow> {
  const [row] = await exec.update(materials).set({ ...fields, updatedAt: new Date() })
    .where(and(eq(materials.tenantId, tenantId), eq(materials.id, id))).returning();
  return row;
}

export async function listVariants(exec: Executor, tenantId: string, masterId: string): Promise<MaterialRow[]> {
  return exec.select().from(materials).where(and(eq(materials.tenantId, tenantId), eq(materials.masterId, masterId)))
    .orderBy(asc(materials.createdAt));
}

/**
 * One row per reader: the first open inserts it, every later open adds one to the count
 * (concurrency-safe). The reader's member record and branch are kept for the roll-ups.
 */
export async function recordOpen(exec: Executor, v: { tenantId: string; materialId: string; userId: string; memberId: string | null }) {
  await exec.execute(sql`
    insert into material_views (tenant_id, material_id, user_id, member_id, branch_id)
    select ${v.tenantId}::uuid, ${v.materialId}::uuid, ${v.userId}::uuid, me.id, me.branch_id
    from (select 1) one left join members me on me.tenant_id = ${v.tenantId} and me.id = ${v.memberId}::uuid
    on conflict (tenant_id, material_id, user_id) do update
      set open_count = material_views.open_count + 1, last_opened_at = now(),
          member_id = excluded.member_id, branch_id = excluded.branch_id`);
}
