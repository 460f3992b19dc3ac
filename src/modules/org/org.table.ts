import { sql } from 'drizzle-orm';
import {
  foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** Levels are data: each tenant names its own (Tỉnh / Xã, phường và tương đương / Cơ sở / Chi bộ ...). */
export const orgLevels = pgTable('org_levels', {
  tenantId: tenantId(),
  id: id(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  rank: integer('rank').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('org_levels_code_uq').on(t.tenantId, t.code),
]);

export const orgs = pgTable('orgs', {
  tenantId: tenantId(),
  id: id(),
  parentId: uuid('parent_id'),
  levelId: uuid('level_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** Accent-folded name for search ("dang bo xa tan hoa"). */
  nameKey: text('name_key').notNull().default(''),
  code: text('code').notNull(),
  /** Ids from the root down, dot-separated with a trailing dot: prefix filters use text_pattern_ops. */
  path: text('path').notNull(),
  depth: integer('depth').notNull(),
  status: text('status').notNull().default('active'),
  dissolvedAt: timestamp('dissolved_at', { withTimezone: true }),
  mergedIntoId: uuid('merged_into_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.levelId], foreignColumns: [orgLevels.tenantId, orgLevels.id] }),
  uniqueIndex('orgs_code_uq').on(t.tenantId, t.code),
  index('orgs_parent_idx').on(t.tenantId, t.parentId),
  index('orgs_name_key_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
  index('orgs_path_idx').using('btree', t.tenantId, sql`${t.path} text_pattern_ops`),
]);

/** Every (ancestor, descendant) pair including self at depth 0; rebuilt in the transaction of a move. */
export const orgClosure = pgTable('org_closure', {
  tenantId: tenantId(),
  ancestorId: uuid('ancestor_id').notNull(),
  descendantId: uuid('descendant_id').notNull(),
  depth: integer('depth').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.ancestorId, t.descendantId] }),
  index('org_closure_descendant_idx').on(t.tenantId, t.descendantId),
]);

/**
 * History: one row per state an org was in, valid over [validFrom, validTo). The tree on a date is the
 * set of versions valid on that date.
 */
export const orgVersions = pgTable('org_versions', {
  tenantId: tenantId(),
  id: id(),
  orgId: uuid('org_id').notNull(),
  parentId: uuid('parent_id'),
  levelId: uuid('level_id').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  code: text('code').notNull(),
  status: text('status').notNull(),
  change: text('change').notNull(),
  note: text('note'),
  /** Who made the change (null for the demo seed and migrations). */
  changedBy: uuid('changed_by'),
  validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
  validTo: timestamp('valid_to', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('org_versions_org_idx').on(t.tenantId, t.orgId, t.validFrom),
  index('org_versions_parent_idx').on(t.tenantId, t.parentId, t.validFrom),
]);
