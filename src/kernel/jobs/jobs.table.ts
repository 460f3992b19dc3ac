import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from '../db/columns.js';

/**
 * Background work (queue.ts): claimed with FOR UPDATE SKIP LOCKED, retried with a delay on failure.
 * A job with a key is queued at most once at a time: enqueuing it again while it waits is a no-op
 * (a burst of submissions asks for one copy-index update, not thousands).
 */
export const jobs = pgTable('jobs', {
  tenantId: tenantId(),
  id: id(),
  kind: text('kind').notNull(),
  key: text('key').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  /** queued | running | done | failed */
  state: text('state').notNull().default('queued'),
  runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  lastError: text('last_error'),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('jobs_waiting_key_uq').on(t.tenantId, t.kind, t.key).where(sql`${t.state} = 'queued'`),
  index('jobs_due_idx').on(t.state, t.runAfter),
]);
