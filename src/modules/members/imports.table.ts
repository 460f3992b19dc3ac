import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';

/** A member-list import: uploaded, parsed into a preview, then committed all at once or not at all. */
export const memberImports = pgTable('member_imports', {
  tenantId: tenantId(),
  id: id(),
  userId: uuid('user_id'),
  targetOrgId: uuid('target_org_id').notNull(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  status: text('status').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  summary: jsonb('summary'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('member_imports_user_idx').on(t.tenantId, t.userId)]);
