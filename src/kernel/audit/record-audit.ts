import { auditLog } from './audit.table.js';
import type { Executor } from '../db/client.js';
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
