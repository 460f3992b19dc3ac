import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import type { MaterialKind } from './materials.content.js';

/** Read models of materials: lists for officers and members, one material with its labels. */

export interface MaterialListRow {
  id: string; masterId: string | null; audienceCode: string | null; audienceName: string | null; kind: MaterialKind; title: string;
  summary: string; status: 'draft' | 'published' | 'withdrawn'; orgId: string; orgName: string; fileName: string | null; publishedAt: string | null;
  createdAt: string; canManage: boolean; readers: number; opens: number;
}

const iso = (col: string) => sql.raw(`to_json(${col})#>>'{}'`);

/** Orgs on the path of `orgId`: its ancestors, itself and its subtree. */
function aroundOrgSql(tenantId: string, orgId: string, column: SQL): SQL {
  return sql`(${column} in (select ancestor_id from org_closure where tenant_id = ${tenantId} and descendant_id = ${orgId}::uuid)
    or ${column} in (select descendant_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${orgId}::uuid))`;
}

export async function listForOfficer(exec: Executor, q: {
  tenantId: string; campaignId: string; orgId?: string; visible: SQL; canManage: SQL; countScope: SQL;
}): Promise<MaterialListRow[]> {
  const around = q.orgId ? aroundOrgSql(q.tenantId, q.orgId, sql`mt.org_id`) : sql`true`;
  const inOrg = q.orgId ? sql`v.branch_id in (select descendant_id from org_closure where tenant_id = ${q.tenantId} and ancestor_id = ${q.orgId}::uuid)` : sql`true`;
  return queryRows<MaterialListRow>(exec, sql`
    select mt.id, mt.master_id as "masterId", mt.audience_code as "audienceCode", a.name as "audienceName", mt.kind, mt.title,
      mt.summary, mt.status, mt.org_id as "orgId", o.name as "orgName", mt.file_name as "fileName",
      ${iso('mt.published_at')} as "publishedAt", ${iso('mt.created_at')} as "createdAt", ${q.canManage} as "canManage",
      coalesce(r.readers, 0)::int as readers, coalesce(r.opens, 0)::int as opens
    from materials mt
    join orgs o on o.tenant_id = mt.tenant_id and o.id = mt.org_id
    left join material_audiences a on a.tenant_id = mt.tenant_id and a.code = mt.audience_code
    left join lateral (
      select count(*) as readers, sum(v.open_count) as opens from material_views v
      where v.tenant_id = mt.tenant_id and v.material_id = mt.id and v.member_id is not null and ${q.countScope} and ${inOrg}) r on true
    where mt.tenant_id = ${q.tenantId} and mt.campaign_id = ${q.campaignId}::uuid and ${q.visible} and ${around}
    order by o.depth, mt.created_at`);
}

export interface MemberMaterialRow {
  id: string; masterId: string | null; audienceCode: string | null; kind: string; title: string; summary: string;
  orgName: string; fileName: string | null; publishedAt: string | null;
}

/** Published masters of the campaign from the member's branch and its ancestors, with their published variants. */
export async function listPublishedInLineage(exec: Executor, tenantId: string, campaignId: string, lineage: SQL): Promise<MemberMaterialRow[]> {
  return queryRows<MemberMaterialRow>(exec, sql`
    select mt.id, mt.master_id as "masterId", mt.audience_code as "audienceCode", mt.kind, mt.title, mt.summary,
      o.name as "orgName", mt.file_name as "fileName", ${iso('mt.published_at')} as "publishedAt"
    from materials mt
    join materials ms on ms.tenant_id = mt.tenant_id and ms.id = coalesce(mt.master_id, mt.id)
    join orgs o on o.tenant_id = ms.tenant_id and o.id = ms.org_id
    where mt.tenant_id = ${tenantId} and ms.campaign_id = ${campaignId}::uuid
      and mt.status = 'published' and ms.status = 'published' and ${lineage}
    order by o.depth, ms.published_at, ms.id`);
}

/** When the member last opened each of these materials (absent: never). */
export async function memberOpens(exec: Executor, tenantId: string, memberId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ materialId: string; at: string }>(exec, sql`
    select material_id as "materialId", ${iso('max(last_opened_at)')} as at from material_views
    where tenant_id = ${tenantId} and member_id = ${memberId}::uuid
      and material_id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})
    group by material_id`);
  return new Map(rows.map((r) => [r.materialId, r.at]));
}

export interface MaterialLabels { orgName: string; audienceName: string | null; canManage: boolean; visible: boolean }

/** The names shown with one material, and whether the actor may see and manage it. */
export async function materialLabels(exec: Executor, tenantId: string, id: string, visible: SQL, canManage: SQL): Promise<MaterialLabels | null> {
  const [row] = await queryRows<MaterialLabels>(exec, sql`
    select o.name as "orgName", a.name as "audienceName", ${canManage} as "canManage", ${visible} as visible
    from materials mt
    join orgs o on o.tenant_id = mt.tenant_id and o.id = mt.org_id
    left join material_audiences a on a.tenant_id = mt.tenant_id and a.code = mt.audience_code
    where mt.tenant_id = ${tenantId} and mt.id = ${id}::uuid`);
  return row ?? null;
}
