/** Queries of grading: the branch queue, grade rows, and the reflection's grading state. No permission decisions. */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { isoTimestamp, queryRows, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { reflectionGrades, reflections } from './reflections.table.js';

export type GradeRow = typeof reflectionGrades.$inferSelect;
export type ReflectionRow = typeof reflections.$inferSelect;
export type GradeStatus = 'ungraded' | 'draft' | 'submitted' | 'approved';

export async function findReflectionById(exec: Executor, tenantId: string, id: string): Promise<ReflectionRow | null> {
  const [row] = await exec.select().from(reflections).where(and(eq(reflections.tenantId, tenantId), eq(reflections.id, id)));
  return row ?? null;
}

/** The reflection row locked for the transaction: every grading step of one reflection queues here. */
export async function lockReflectionById(exec: Executor, tenantId: string, id: string): Promise<ReflectionRow | null> {
  const [row] = await exec.select().from(reflections).where(and(eq(reflections.tenantId, tenantId), eq(reflections.id, id))).for('update');
  return row ?? null;
}

/** Every grade row of the reflection, superseded ones too, by marker then revision. */
export async function gradesOf(exec: Executor, tenantId: string, reflectionId: string): Promise<GradeRow[]> {
  return exec.select().from(reflectionGrades)
    .where(and(eq(reflectionGrades.tenantId, tenantId), eq(reflectionGrades.reflectionId, reflectionId)))
    .orderBy(asc(reflectionGrades.marker), asc(reflectionGrades.revision));
}

/** The live (not superseded) grade rows of the reflections given. */
export async function liveGradesOf(exec: Executor, tenantId: string, reflectionIds: string[]): Promise<GradeRow[]> {
  if (reflectionIds.length === 0) return [];
  return exec.select().from(reflectionGrades).where(and(
    eq(reflectionGrades.tenantId, tenantId), inArray(reflectionGrades.reflectionId, reflectionIds), ne(reflectionGrades.status, 'superseded'),
  )).orderBy(asc(reflectionGrades.marker));
}

export const liveOf = (grades: GradeRow[], marker: number) => grades.find((g) => g.marker === marker && g.status !== 'superseded') ?? null;
export const nextRevision = (grades: GradeRow[], marker: number) => Math.max(0, ...grades.filter((g) => g.marker === marker).map((g) => g.revision)) + 1;

export interface GradeContent { levels: Record<string, string>; criterionComments: Record<string, string>; comment: string | null; grade: string | null }

export async function insertGrade(exec: Executor, g: GradeContent & {
  tenantId: string; reflection: ReflectionRow; marker: number; revision: number; status: 'draft' | 'submitted'; gradedBy: string; correctionReason?: string | null;
}): Promise<GradeRow> {
  const now = new Date();
  const [row] = await exec.insert(reflectionGrades).values({
    tenantId: g.tenantId, id: newId(), reflectionId: g.reflection.id, campaignId: g.reflection.campaignId, branchId: g.reflection.branchId,
    versionId: g.reflection.currentVersionId, marker: g.marker, revision: g.revision, levels: g.levels, criterionComments: g.criterionComments,
    comment: g.comment, grade: g.grade, status: g.status, gradedBy: g.gradedBy, submittedAt: g.status === 'submitted' ? now : null,
    correctionReason: g.correctionReason ?? null,
  }).returning();
  return row;
}

/** Rewrites a draft (only while it is one); optionally submits it in the same statement. */
export async function updateDraft(exec: Executor, tenantId: string, id: string, g: GradeContent & { gradedBy: string; versionId: string | null; submit?: boolean }) {
  const now = new Date();
  const [row] = await exec.update(reflectionGrades).set({
    levels: g.levels, criterionComments: g.criterionComments, comment: g.comment, grade: g.grade, gradedBy: g.gradedBy, versionId: g.versionId,
    updatedAt: now, ...(g.submit ? { status: 'submitted', submittedAt: now } : {}),
  }).where(and(eq(reflectionGrades.tenantId, tenantId), eq(reflectionGrades.id, id), eq(reflectionGrades.status, 'draft'))).returning();
  return row ?? null;
}

/** draft → submitted, conditionally: a second submit changes nothing. */
export async function submitDraft(exec: Executor, tenantId: string, id: string, grade: string | null) {
  const now = new Date();
  const [row] = await exec.update(reflectionGrades).set({ status: 'submitted', submittedAt: now, grade, updatedAt: now })
    .where(and(eq(reflectionGrades.tenantId, tenantId), eq(reflectionGrades.id, id), eq(reflectionGrades.status, 'draft'))).returning();
  return row ?? null;
}

/** submitted → approved, conditionally: of two approvals racing, only one changes rows. */
export async function approveSubmitted(exec: Executor, tenantId: string, ids: string[], userId: string) {
  if (ids.length === 0) return [];
  const now = new Date();
  return exec.update(reflectionGrades).set({ status: 'approved', approvedBy: userId, approvedAt: now, updatedAt: now })
    .where(and(eq(reflectionGrades.tenantId, tenantId), inArray(reflectionGrades.id, ids), eq(reflectionGrades.status, 'submitted'))).returning();
}

/** approved → superseded, when a correction replaces it. */
export async function supersedeApproved(exec: Executor, tenantId: string, id: string) {
  const [row] = await exec.update(reflectionGrades).set({ status: 'superseded', updatedAt: new Date() })
    .where(and(eq(reflectionGrades.tenantId, tenantId), eq(reflectionGrades.id, id), eq(reflectionGrades.status, 'approved'))).returning();
  return row ?? null;
}

export async function setGradeState(exec: Executor, tenantId: string, reflectionId: string, state: { gradeStatus: GradeStatus; finalGrade?: string; gradedAt?: Date }) {
  await exec.update(reflections).set({ ...state, updatedAt: new Date() })
    .where(and(eq(reflections.tenantId, tenantId), eq(reflections.id, reflectionId)));
}

export async function userNames(exec: Executor, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(exec, sql`select id, display_name as name from users
    where tenant_id = ${tenantId} and id in (${sql.join(unique.map((u) => sql`${u}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface QueueEntry {
  reflectionId: string | null; memberId: string; fullName: string; cardNumber: string | null; nameKey: string;
  status: 'missing' | 'submitted' | 'paper'; submittedAt: string | null; receiptNumber: string | null; source: string | null;
  pages: number; hasPdf: boolean; hasText: boolean; versions: number;
  gradeStatus: GradeStatus; finalGrade: string | null; gradedAt: string | null;
}

/**
 * The branch's grading queue: every reflection collected by the branch, and every member of the branch
 * expected to write one who has none in the campaign ('covered': active members the plan covers;
 * 'studied': those of them who attended or made up). By name.
 */
export async function branchQueue(exec: Executor, q: { tenantId: string; campaignId: string; branchId: string; writers: 'studied' | 'covered'; withExempt: boolean }): Promise<QueueEntry[]> {
  const { tenantId, campaignId, branchId } = q;
  const rows = await queryRows<Record<string, unknown>>(exec, sql`with expected as (
      select m.id as member_id, null::uuid as reflection_id from members m
      where m.tenant_id = ${tenantId} and m.branch_id = ${branchId}::uuid and m.left_at is null and (${q.withExempt} or not m.is_exempt)
        and (${q.writers === 'covered'} or exists (select 1 from campaign_participants p where p.tenant_id = m.tenant_id
          and p.campaign_id = ${campaignId}::uuid and p.member_id = m.id and (p.attended_at is not null or p.made_up_at is not null)))
        and not exists (select 1 from reflections r where r.tenant_id = m.tenant_id and r.campaign_id = ${campaignId}::uuid and r.member_id = m.id)),
    entries as (
      select r.member_id, r.id as reflection_id from reflections r
      where r.tenant_id = ${tenantId} and r.campaign_id = ${campaignId}::uuid and r.branch_id = ${branchId}::uuid
      union all select member_id, reflection_id from expected)
    select e.reflection_id, m.id as member_id, m.full_name, m.card_number, m.name_key, r.status, r.submitted_at, r.grade_status,
      r.final_grade, r.graded_at, v.receipt_number, v.source, coalesce(jsonb_array_length(v.pages), 0)::int as pages,
      (v.pdf_hash is not null) as has_pdf, (v.text is not null or v.recommendations is not null) as has_text,
      (select count(*) from reflection_versions x where x.tenant_id = ${tenantId} and x.reflection_id = r.id)::int as versions
    from entries e
    join members m on m.tenant_id = ${tenantId} and m.id = e.member_id
    left join reflections r on r.tenant_id = ${tenantId} and r.id = e.reflection_id
    left join reflection_versions v on v.tenant_id = ${tenantId} and v.id = r.current_version_id
    order by m.name_key, m.id`);
  return rows.map((r) => ({
    reflectionId: (r.reflection_id as string) ?? null, memberId: r.member_id as string, fullName: r.full_name as string,
    cardNumber: (r.card_number as string) ?? null, nameKey: r.name_key as string,
    status: r.reflection_id ? (r.status as 'submitted' | 'paper') : 'missing', submittedAt: isoTimestamp(r.submitted_at),
    receiptNumber: (r.receipt_number as string) ?? null, source: (r.source as string) ?? null, pages: Number(r.pages ?? 0),
    hasPdf: !!r.has_pdf, hasText: !!r.has_text, versions: Number(r.versions ?? 0),
    gradeStatus: ((r.grade_status as GradeStatus) ?? 'ungraded'), finalGrade: (r.final_grade as string) ?? null, gradedAt: isoTimestamp(r.graded_at),
  }));
}

/** Active branches (orgs without active children) inside the campaign's org and under any of `roots`. */
export async function gradingBranches(exec: Executor, q: { tenantId: string; campaignOrgId: string; roots: string[] }) {
  if (q.roots.length === 0) return [];
  return queryRows<{ id: string; name: string; parentName: string | null }>(exec, sql`select o.id, o.name, p.name as "parentName"
    from orgs o left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
    where o.tenant_id = ${q.tenantId} and o.status = 'active'
      and o.id in (select descendant_id from org_closure where tenant_id = ${q.tenantId} and ancestor_id = ${q.campaignOrgId}::uuid)
      and o.id in (select descendant_id from org_closure where tenant_id = ${q.tenantId}
        and ancestor_id in (${sql.join(q.roots.map((r) => sql`${r}::uuid`), sql`, `)}))
      and not exists (select 1 from orgs k where k.tenant_id = o.tenant_id and k.parent_id = o.id and k.status = 'active')
    order by p.name, o.name limit 1000`);
}
