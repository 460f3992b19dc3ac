import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, tenantId } from '../db/columns.js';

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable('audit_log', {
  tenantId: tenantId(),
  id: id(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: uuid('actor_user_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
  requestId: text('request_id'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('audit_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  index('audit_at_idx').on(t.tenantId, t.at),
]);
