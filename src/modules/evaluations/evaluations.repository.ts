import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { memberEvaluations, type EvidenceLink } from './evaluations.table.js';

export type EvaluationRow = typeof memberEvaluations.$inferSelect;

export interface SheetMember {
  id: string; fullName: string; cardNumber: string | null; partyPosition: string | null; status: string;
  isExempt: boolean; isHeadOfUnit: boolean; isCommitteeMember: boolean;
}

/**
 * The active members of a branch, in name order. A read-only query on `members` (the members module
 * offers no per-branch list through its index.ts); it decides nothing about access.
 */
export async function activeMembersOf(exec: Executor, tenantId: string, branchId: string): Promise<SheetMember[]> {
  return queryRows<SheetMember>(exec, sql`select m.id, m.full_name as "fullName", m.card_number as "cardNumber",
      m.party_position as "partyPosition", m.status, m.is_exempt as "isExempt", m.is_head_of_unit as "isHeadOfUnit",
      m.is_committee_member as "isCommitteeMember"
    from members m where m.tenant_id = ${tenantId} and m.branch_id = ${branchId}::uuid and m.left_at is null
    order by m.name_key, m.id`);
}

export async function evaluationsOf(exec: Executor, tenantId: string, memberIds: string[], year: number): Promise<EvaluationRow[]> {
  if (memberIds.length === 0) return [];
  return exec.select().from(memberEvaluations).where(and(
    eq(memberEvaluations.tenantId, tenantId), eq(memberEvaluations.year, year), inArray(memberEvaluations.memberId, memberIds)));
}

export async function findEvaluation(exec: Executor, tenantId: string, memberId: string, year: number): Promise<EvaluationRow | null> {
  const [row] = await evaluationsOf(exec, tenantId, [memberId], year);
  return row ?? null;
}

/**
 * The member's evaluation of the year, created empty if missing, locked for the rest of the
 * transaction: concurrent saves of one member queue here.
 */
export async function lockEvaluation(exec: Executor, r: { tenantId: string; memberId: string; year: number; schemeId: string; branchId: string; evaluatedBy: string }) {
  await exec.insert(memberEvaluations).values({ ...r, id: newId() }).onConflictDoNothing();
  const [row] = await exec.select().from(memberEvaluations).where(and(
    eq(memberEvaluations.tenantId, r.tenantId), eq(memberEvaluations.memberId, r.memberId), eq(memberEvaluations.year, r.year),
  )).for('update');
  return row;
}

export interface DraftValues {
  schemeId: string; branchId: string; scores: Record<string, number>; total: number; grade: string;
  reasons: string | null; evidence: EvidenceLink[]; evaluatedBy: string;
}

/** Writes a draft; only a row still in draft changes (an approved one is locked). */
export async function updateDraft(exec: Executor, tenantId: string, id: string, v: DraftValues): Promise<EvaluationRow | null> {
  const [row] = await exec.update(memberEvaluations).set({ ...v, updatedAt: new Date() })
    .where(and(eq(memberEvaluations.tenantId, tenantId), eq(memberEvaluations.id, id), eq(memberEvaluations.status, 'draft'))).returning();
  return row ?? null;
}

/** Drafts of these members in the year, locked; a concurrent approval waits here and then finds none. */
export async function lockDrafts(exec: Executor, tenantId: string, memberIds: string[], year: number): Promise<EvaluationRow[]> {
  if (memberIds.length === 0) return [];
  return exec.select().from(memberEvaluations).where(and(
    eq(memberEvaluations.tenantId, tenantId), eq(memberEvaluations.year, year), eq(memberEvaluations.status, 'draft'),
    inArray(memberEvaluations.memberId, memberIds))).for('update');
}

/** draft → approved, conditionally: a row another approval already took is not returned. */
export async function approveDrafts(exec: Executor, tenantId: string, ids: string[], approvedBy: string): Promise<EvaluationRow[]> {
  if (ids.length === 0) return [];
  const now = new Date();
  return exec.update(memberEvaluations).set({ status: 'approved', approvedBy, approvedAt: now, updatedAt: now })
    .where(and(eq(memberEvaluations.tenantId, tenantId), inArray(memberEvaluations.id, ids), eq(memberEvaluations.status, 'draft')))
    .returning();
}

/** The tenant's root org (the province), where tenant-wide rules are decided. Read-only query on `orgs`. */
export async function findRootOrgId(exec: Executor, tenantId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(exec, sql`
    select id from orgs where tenant_id = ${tenantId} and parent_id is null and status = 'active' limit 1`);
  return row?.id ?? null;
}

/** Every year-end evaluation of one member, newest year first (for the member file). */
export async function evaluationsOfMember(exec: Executor, tenantId: string, memberId: string): Promise<EvaluationRow[]> {
  const rows = await exec.select().from(memberEvaluations)
    .where(and(eq(memberEvaluations.tenantId, tenantId), eq(memberEvaluations.memberId, memberId)));
  return rows.sort((a, b) => b.year - a.year);
}
