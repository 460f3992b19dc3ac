import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { resolutionDocuments, resolutions } from './campaigns.table.js';

export type ResolutionRow = typeof resolutions.$inferSelect;
export type DocumentRow = typeof resolutionDocuments.$inferSelect;

export interface ResolutionSummary {
  id: string; orgId: string; orgName: string; title: string; congress: string; term: string;
  adoptedOn: string | null; createdAt: string; documentCount: number;
}

const SUMMARY = sql`r.id, r.org_id as "orgId", o.name as "orgName", r.title, r.congress, r.term, r.adopted_on as "adoptedOn",
  to_json(r.created_at)#>>'{}' as "createdAt",
  (select count(*)::int from resolution_documents d where d.tenant_id = r.tenant_id and d.resolution_id = r.id) as "documentCount"`;

export async function insertResolution(exec: Executor, row: typeof resolutions.$inferInsert): Promise<ResolutionRow> {
  const [created] = await exec.insert(resolutions).values(row).returning();
  return created;
}

export async function findResolution(exec: Executor, tenantId: string, id: string): Promise<ResolutionSummary | null> {
  const [row] = await queryRows<ResolutionSummary>(exec, sql`select ${SUMMARY} from resolutions r
    join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
    where r.tenant_id = ${tenantId} and r.id = ${id}::uuid`);
  return row ?? null;
}

/** Resolutions whose org satisfies `visible` (a condition on r.org_id), newest first. */
export async function listResolutions(exec: Executor, tenantId: string, visible: SQL): Promise<ResolutionSummary[]> {
  return queryRows(exec, sql`select ${SUMMARY} from resolutions r
    join orgs o on o.tenant_id = r.tenant_id and o.id = r.org_id
    where r.tenant_id = ${tenantId} and ${visible}
    order by r.created_at desc limit 500`);
}

export async function insertDocument(exec: Executor, row: typeof resolutionDocuments.$inferInsert): Promise<DocumentRow> {
  const [created] = await exec.insert(resolutionDocuments).values(row).returning();
  return created;
}

export interface DocumentMeta {
  id: string; kind: string; title: string; textLength: number; fileName: string | null; fileMime: string | null;
  fileSize: number | null; createdAt: string;
}

/** The documents of a resolution without their text (which may run to megabytes). */
export async function listDocuments(exec: Executor, tenantId: string, resolutionId: string): Promise<DocumentMeta[]> {
  return queryRows(exec, sql`select d.id, d.kind, d.title, coalesce(length(d.body), 0)::int as "textLength", d.file_name as "fileName",
      d.file_mime as "fileMime", d.file_size as "fileSize", to_json(d.created_at)#>>'{}' as "createdAt"
    from resolution_documents d where d.tenant_id = ${tenantId} and d.resolution_id = ${resolutionId}::uuid
    order by d.created_at, d.id`);
}

export async function findDocument(exec: Executor, tenantId: string, resolutionId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await exec.select().from(resolutionDocuments).where(and(
    eq(resolutionDocuments.tenantId, tenantId), eq(resolutionDocuments.resolutionId, resolutionId), eq(resolutionDocuments.id, id)));
  return row ?? null;
}
