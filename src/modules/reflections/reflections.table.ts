import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { campaigns } from '../campaigns/campaigns.table.js';
import { members } from '../members/members.table.js';
import { orgs } from '../org/org.table.js';

/** How a campaign collects reflections (bài thu hoạch); a campaign without a row uses the defaults. */
export const reflectionSettings = pgTable('reflection_settings', {
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  /** A local rule against copy-paste: typed text alone is not accepted, pages or a PDF are required. */
  mustHandwrite: boolean('must_handwrite').notNull().default(false),
  dueAt: timestamp('due_at', { withTimezone: true }),
  /** After this instant a member submits only with an extension. */
  cutoffAt: timestamp('cutoff_at', { withTimezone: true }),
  maxPages: integer('max_pages').notNull().default(10),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.campaignId] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
]);

/** An extension the branch committee grants one member past the cut-off. */
export const reflectionExtensions = pgTable('reflection_extensions', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  memberId: uuid('member_id').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull(),
  reason: text('reason').notNull(),
  grantedBy: uuid('granted_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
  index('reflection_extensions_member_idx').on(t.tenantId, t.campaignId, t.memberId),
]);

/** One member's reflection in one campaign; its content lives in versions, none ever deleted. */
export const reflections = pgTable('reflections', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  memberId: uuid('member_id').notNull(),
  /** The member's branch when first submitted (the branch that collects and grades it). */
  branchId: uuid('branch_id').notNull(),
  currentVersionId: uuid('current_version_id'),
  /** submitted (a version with content) | paper (handed in on paper, recorded by the branch). */
  status: text('status').notNull().default('submitted'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
  foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
  uniqueIndex('reflections_member_uq').on(t.tenantId, t.campaignId, t.memberId),
  index('reflections_branch_idx').on(t.tenantId, t.campaignId, t.branchId),
]);

/** A photographed page, re-encoded (metadata stripped, upright), with its thumbnail. */
export interface ReflectionPage { fileHash: string; thumbHash: string; mime: string; width: number; height: number; bytes: number }

export const reflectionVersions = pgTable('reflection_versions', {
  tenantId: tenantId(),
  id: id(),
  reflectionId: uuid('reflection_id').notNull(),
  seq: integer('seq').notNull(),
  text: text('text'),
  recommendations: text('recommendations'),
  pages: jsonb('pages').$type<ReflectionPage[]>().notNull().default([]),
  pdfHash: text('pdf_hash'),
  pdfBytes: integer('pdf_bytes'),
  /** member (own phone) | branch (scanned by the branch) | paper (recorded without a scan). */
  source: text('source').notNull(),
  submittedBy: uuid('submitted_by').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  receiptNumber: text('receipt_number').notNull(),
  /** The client's Idempotency-Key: a repeated submit returns this version instead of adding one. */
  idempotencyKey: text('idempotency_key'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.reflectionId], foreignColumns: [reflections.tenantId, reflections.id] }),
  uniqueIndex('reflection_versions_seq_uq').on(t.tenantId, t.reflectionId, t.seq),
  uniqueIndex('reflection_versions_receipt_uq').on(t.tenantId, t.receiptNumber),
  uniqueIndex('reflection_versions_idem_uq').on(t.tenantId, t.reflectionId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
]);

/** Which reflection each stored file belongs to, so a file URL is served only to who may see it. */
export const reflectionFiles = pgTable('reflection_files', {
  tenantId: tenantId(),
  fileHash: text('file_hash').notNull(),
  reflectionId: uuid('reflection_id').notNull(),
  mime: text('mime').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.fileHash, t.reflectionId] }),
  foreignKey({ columns: [t.tenantId, t.reflectionId], foreignColumns: [reflections.tenantId, reflections.id] }),
]);
