import { sql, type SQL } from 'drizzle-orm';
import { auditLog } from './audit.table.js';
import type { Executor } from '../db/client.js';
import { newId } from '../db/columns.js';
import type { Actor } from '../access/actor.js';

export interface AuditEvent {
  action: string; // typed dotted name: 'org.move', 'member.update', 'member.import'
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit entry inside the caller's transaction, so it exists exactly when the change does. */
export async function recordAudit(tx: Executor, actor: Actor | null, tenantId: string, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    tenantId,
    actorUserId: actor?.userId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: (event.before ?? null) as never,
    after: (event.after ?? null) as never,
    ip: actor?.ip ?? null,
    requestId: actor?.requestId ?? null,
  });
}

/**
 * Many entries in one statement, each with its own actor: a batch of writes done together. The rows
 * travel as one JSON parameter (a 1,000-row insert with one parameter per value costs more to build
 * and bind than to write).
 */
export async function recordAuditMany(tx: Executor, tenantId: string, entries: ReadonlyArray<{ actor: Actor | null; event: AuditEvent }>): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) await tx.execute(auditRowsSql(tenantId, entries.slice(i, i + 5000)));
}

/**
 * The audit entry as one INSERT statement, for a write done in a single statement (a data-modifying
 * CTE): `when` (SQL, e.g. `exists (select 1 from ins)`) makes the entry exist exactly when the change does.
 */
export function auditInsertSql(actor: Actor | null, tenantId: string, event: AuditEvent, when: SQL = sql`true`): SQL {
  return auditRowsSql(tenantId, [{ actor, event }], when);
}

function auditRowsSql(tenantId: string, entries: ReadonlyArray<{ actor: Actor | null; event: AuditEvent }>, when: SQL = sql`true`): SQL {
  const rows = entries.map(({ actor, event }) => ({
    id: newId(), actor_user_id: actor?.userId ?? null, action: event.action, entity_type: event.entityType, entity_id: event.entityId ?? null,
    before: event.before ?? null, after: event.after ?? null, ip: actor?.ip ?? null, request_id: actor?.requestId ?? null,
  }));
  return sql`insert into audit_log (tenant_id, id, actor_user_id, action, entity_type, entity_id, before, after, ip, request_id)
    select ${tenantId}::uuid, x.id, x.actor_user_id, x.action, x.entity_type, x.entity_id, x.before, x.after, x.ip, x.request_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id uuid, actor_user_id uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb, ip text, request_id text)
    where ${when}`;
}
