import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { orgs } from '../org/org.table.js';
import { campaigns } from '../campaigns/campaigns.table.js';

/**
 * A condition on member attributes, as data: every clause must hold. Example (members in non-state
 * and foreign-invested enterprises): [{ field: 'workplaceKind', op: 'in', values: ['non_state_enterprise', ...] }].
 */
export interface AudienceClause { field: string; op: 'in' | 'not_in' | 'is_true' | 'contains_any' | 'not_empty'; values?: string[] }

/** Audiences a material variant can be written for; `isPublic` marks the variant for people outside the Party. */
export const materialAudiences = pgTable('material_audiences', {
  tenantId: tenantId(),
  id: id(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  rule: jsonb('rule').$type<AudienceClause[]>().notNull().default([]),
  /** Lower first: a member who fits two audiences sees the variant of the lower-priority number. */
  priority: integer('priority').notNull().default(100),
  isPublic: boolean('is_public').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('material_audiences_code_uq').on(t.tenantId, t.code),
]);

export interface QaItem { question: string; answer: string }

/** Kinds: study (tài liệu học tập), research (nghiên cứu), qa (hỏi–đáp). A variant points to its master. */
export const materials = pgTable('materials', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  masterId: uuid('master_id'),
  audienceCode: text('audience_code'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  body: text('body').notNull().default(''),
  qa: jsonb('qa').$type<QaItem[]>().notNull().default([]),
  fileHash: text('file_hash'),
  fileName: text('file_name'),
  fileMime: text('file_mime'),
  fileSize: integer('file_size'),
  status: text('status').notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  foreignKey({ columns: [t.tenantId, t.masterId], foreignColumns: [t.tenantId, t.id] }),
  uniqueIndex('materials_variant_uq').on(t.tenantId, t.masterId, t.audienceCode),
  index('materials_campaign_idx').on(t.tenantId, t.campaignId),
]);

/** Who opened which material; one row per reader, counting opens. */
export const materialViews = pgTable('material_views', {
  tenantId: tenantId(),
  materialId: uuid('material_id').notNull(),
  userId: uuid('user_id').notNull(),
  memberId: uuid('member_id'),
  branchId: uuid('branch_id'),
  firstOpenedAt: createdAt(),
  lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }).notNull().defaultNow(),
  openCount: integer('open_count').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.materialId, t.userId] }),
  foreignKey({ columns: [t.tenantId, t.materialId], foreignColumns: [materials.tenantId, materials.id] }),
  index('material_views_branch_idx').on(t.tenantId, t.materialId, t.branchId),
]);
