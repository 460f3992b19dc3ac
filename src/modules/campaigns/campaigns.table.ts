import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { orgs } from '../org/org.table.js';

/** The Resolution being studied (e.g. the provincial congress's resolution for 2025–2030). */
export const resolutions = pgTable('resolutions', {
  tenantId: tenantId(),
  id: id(),
  /** The org whose congress adopted it (the province's root for a provincial resolution). */
  orgId: uuid('org_id').notNull(),
  title: text('title').notNull(),
  congress: text('congress').notNull(),
  term: text('term').notNull(),
  adoptedOn: date('adopted_on', { mode: 'string' }),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
]);

/** Kinds: resolution, political_report, breakthrough_program, other. Text kept for later copy checks. */
export const resolutionDocuments = pgTable('resolution_documents', {
  tenantId: tenantId(),
  id: id(),
  resolutionId: uuid('resolution_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body'),
  fileHash: text('file_hash'),
  fileName: text('file_name'),
  fileMime: text('file_mime'),
  fileSize: integer('file_size'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.resolutionId], foreignColumns: [resolutions.tenantId, resolutions.id] }),
  index('resolution_documents_resolution_idx').on(t.tenantId, t.resolutionId),
]);

/** One study campaign of a Resolution, led from one org (usually the province) down its subtree. */
export const campaigns = pgTable('campaigns', {
  tenantId: tenantId(),
  id: id(),
  resolutionId: uuid('resolution_id').notNull(),
  orgId: uuid('org_id').notNull(),
  title: text('title').notNull(),
  status: text('status').notNull().default('active'),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.resolutionId], foreignColumns: [resolutions.tenantId, resolutions.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
]);

/** A content line of a plan; `fromPlanId` marks one inherited from an upper plan (it cannot be removed). */
export interface PlanContentItem { text: string; fromPlanId: string | null }
/** Deadlines an upper plan sets for the orgs of one level: issue their own plan, hold their conferences. */
export interface LevelDeadline { levelId: string; planBy: string | null; conferencesBy: string | null }

/**
 * The plan (kế hoạch học tập, quán triệt) of one org in a campaign; lower plans point to the plan they
 * sit inside. draft → approved (standing committee) → issued.
 */
export const campaignPlans = pgTable('campaign_plans', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  parentPlanId: uuid('parent_plan_id'),
  number: text('number'),
  issuedOn: date('issued_on', { mode: 'string' }),
  title: text('title').notNull(),
  purpose: text('purpose').notNull().default(''),
  contents: jsonb('contents').$type<PlanContentItem[]>().notNull().default([]),
  attendees: text('attendees').notNull().default(''),
  reflectionWriters: text('reflection_writers').notNull().default(''),
  includeExempt: boolean('include_exempt').notNull().default(false),
  levelDeadlines: jsonb('level_deadlines').$type<LevelDeadline[]>().notNull().default([]),
  reflectionsBy: date('reflections_by', { mode: 'string' }),
  reportBy: date('report_by', { mode: 'string' }),
  actionProgramBy: date('action_program_by', { mode: 'string' }),
  status: text('status').notNull().default('draft'),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  issuedBy: uuid('issued_by'),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  foreignKey({ columns: [t.tenantId, t.parentPlanId], foreignColumns: [t.tenantId, t.id] }),
  uniqueIndex('campaign_plans_org_uq').on(t.tenantId, t.campaignId, t.orgId),
  index('campaign_plans_parent_idx').on(t.tenantId, t.parentPlanId).where(sql`${t.parentPlanId} is not null`),
]);
