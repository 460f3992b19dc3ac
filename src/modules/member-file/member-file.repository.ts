import { sql } from 'drizzle-orm';
import { isoTimestamp as iso, queryRows, type Executor } from '../../kernel/db/client.js';

export interface FileCampaign { id: string; title: string; resolutionTitle: string; orgName: string; status: string; createdAt: string }

/**
 * The campaigns of a member's file: those where they have a record (invitation, make-up, reflection),
 * and those still active that cover their branch. A closed campaign without any record is left out.
 */
export async function fileCampaigns(exec: Executor, tenantId: string, member: { id: string; branchId: string }): Promise<FileCampaign[]> {
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select c.id, c.title, r.title as resolution_title, o.name as org_name, c.status, c.created_at
    from campaigns c
    join resolutions r on r.tenant_id = c.tenant_id and r.id = c.resolution_id
    join orgs o on o.tenant_id = c.tenant_id and o.id = c.org_id
    where c.tenant_id = ${tenantId} and (
      (c.status = 'active' and exists (select 1 from org_closure cl where cl.tenant_id = c.tenant_id and cl.ancestor_id = c.org_id
        and cl.descendant_id = ${member.branchId}::uuid))
      or exists (select 1 from conference_invitations i where i.tenant_id = c.tenant_id and i.campaign_id = c.id and i.member_id = ${member.id}::uuid)
      or exists (select 1 from makeups k where k.tenant_id = c.tenant_id and k.campaign_id = c.id and k.member_id = ${member.id}::uuid)
      or exists (select 1 from reflections x where x.tenant_id = c.tenant_id and x.campaign_id = c.id and x.member_id = ${member.id}::uuid))
    order by c.created_at desc`);
  return rows.map((r) => ({
    id: r.id as string, title: r.title as string, resolutionTitle: r.resolution_title as string, orgName: r.org_name as string,
    status: r.status as string, createdAt: iso(r.created_at)!,
  }));
}

/** The member's branch and the org it belongs to (the heading of a printed file). */
export async function branchHeading(exec: Executor, tenantId: string, branchId: string) {
  const [row] = await queryRows<{ id: string; name: string; parent_name: string | null }>(exec, sql`select b.id, b.name, p.name as parent_name
    from orgs b left join orgs p on p.tenant_id = b.tenant_id and p.id = b.parent_id
    where b.tenant_id = ${tenantId} and b.id = ${branchId}::uuid`);
  return row ? { id: row.id, name: row.name, parentName: row.parent_name } : null;
}

export interface EvaluationRowOfFile {
  year: number; schemeId: string; schemeName: string; scores: Record<string, number>; total: number; grade: string | null;
  grades: Array<{ key: string; label: string }>; criteria: Array<{ key: string; group: string; maxPoints: number }>;
  reasons: string | null; status: 'draft' | 'approved'; approvedByName: string | null; approvedAt: string | null;
}

/** Year-end evaluations (member_evaluations, read only), newest first; drafts only when asked for. */
export async function fileEvaluations(exec: Executor, tenantId: string, memberId: string, withDrafts: boolean): Promise<EvaluationRowOfFile[]> {
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const rows = await queryRows<Record<string, unknown>>(exec, sql`select e.year, e.scheme_id, s.name as scheme_name, s.grades, s.criteria,
      e.scores, e.total, e.grade, e.reasons, e.status, u.display_name as approved_by_name, e.approved_at
    from member_evaluations e
    join evaluation_schemes s on s.tenant_id = e.tenant_id and s.id = e.scheme_id
    left join users u on u.tenant_id = e.tenant_id and u.id = e.approved_by
    where e.tenant_id = ${tenantId} and e.member_id = ${memberId}::uuid ${withDrafts ? sql`` : sql`and e.status = 'approved'`}
    order by e.year desc`);
  return rows.map((r) => ({
    year: Number(r.year), schemeId: r.scheme_id as string, schemeName: r.scheme_name as string, scores: json(r.scores) ?? {},
    total: Number(r.total), grade: (r.grade as string) ?? null, grades: json(r.grades) ?? [], criteria: json(r.criteria) ?? [],
    reasons: (r.reasons as string) ?? null, status: r.status as 'draft' | 'approved',
    approvedByName: (r.approved_by_name as string) ?? null, approvedAt: iso(r.approved_at),
  }));
}
