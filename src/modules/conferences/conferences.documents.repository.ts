import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { discussionDocuments, documentComments, type DocumentSection } from './conferences.table.js';

export type DocumentRow = typeof discussionDocuments.$inferSelect;
export type CommentRow = typeof documentComments.$inferSelect;

export async function findDocument(exec: Executor, tenantId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await exec.select().from(discussionDocuments).where(and(eq(discussionDocuments.tenantId, tenantId), eq(discussionDocuments.id, id)));
  return row ?? null;
}

export async function insertDocument(tx: Executor, tenantId: string, v: { conferenceId: string; kind: string; title: string; sections: DocumentSection[] }) {
  const [row] = await tx.insert(discussionDocuments).values({ ...v, tenantId, id: newId() }).returning();
  return row;
}

export async function listDocuments(exec: Executor, tenantId: string, conferenceId: string) {
  const rows = await queryRows<{ id: string; kind: string; title: string; sections: unknown; created_at: string; comment_count: number }>(exec, sql`
    select d.id, d.kind, d.title, d.sections, d.created_at,
      (select count(*)::int from conference_document_comments k where k.tenant_id = d.tenant_id and k.document_id = d.id) as comment_count
    from conference_documents d where d.tenant_id = ${tenantId} and d.conference_id = ${conferenceId}::uuid
    order by d.created_at, d.id`);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, createdAt: new Date(r.created_at).toISOString(), commentCount: Number(r.comment_count),
    sections: (typeof r.sections === 'string' ? JSON.parse(r.sections) : r.sections) as DocumentSection[],
  }));
}

export async function insertComment(tx: Executor, tenantId: string, v: Omit<typeof documentComments.$inferInsert, 'tenantId' | 'id'>) {
  const [row] = await tx.insert(documentComments).values({ ...v, tenantId, id: newId() }).returning();
  return row;
}

export async function listComments(exec: Executor, tenantId: string, documentId: string): Promise<CommentRow[]> {
  return exec.select().from(documentComments)
    .where(and(eq(documentComments.tenantId, tenantId), eq(documentComments.documentId, documentId)))
    .orderBy(asc(documentComments.createdAt), asc(documentComments.id));
}
