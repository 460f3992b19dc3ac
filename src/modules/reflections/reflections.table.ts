import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { campaigns } from '../campaigns/campaigns.table.js';
import { members } from '../members/members.table.js';
import { orgs } from '../org/org.table.js';

/** A grading rubric as data: the plan's criteria, the level each is judged on, and the overall grades. */
export interface Rubric {
  criteria: { key: string; label: string; hint: string }[];
  /** Ordered best first; points turn levels into an average that suggests the overall grade. */
  levels: { key: string; label: string; points: number }[];
  /** Ordered best first; a grade is suggested when the average of the criteria reaches minAverage. */
  grades: { key: string; label: string; minAverage: number }[];
}

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
  /** Who must write: 'studied' (attended or made up; the default) or 'covered' (every member the plan covers). */
  writers: text('writers').notNull().default('studied'),
  /** The grading rubric (criteria, level scale, overall grades); null = the default four-criterion rubric. */
  rubric: jsonb('rubric').$type<Rubric>(),
  /** A second marker grades each reflection independently before the secretary approves. */
  secondMarker: boolean('second_marker').notNull().default(false),
  /** Markers see a receipt number, not the writer's name. */
  anonymousMarking: boolean('anonymous_marking').notNull().default(false),
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
  /** ungraded | draft | submitted | approved: the furthest state of the current grading. */
  gradeStatus: text('grade_status').notNull().default('ungraded'),
  /** The approved overall grade (a key of the campaign's rubric grades), once approved. */
  finalGrade: text('final_grade'),
  gradedAt: timestamp('graded_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
  foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
  uniqueIndex('reflections_member_uq').on(t.tenantId, t.campaignId, t.memberId),
  // Stats per branch read only this index (index-only scan).
  index('reflections_branch_idx').on(t.tenantId, t.campaignId, t.branchId, t.submittedAt, t.gradeStatus, t.finalGrade),
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

/**
 * One marker's grading of a reflection on the campaign's rubric. draft → submitted → approved (by the
 * branch secretary), then locked: a correction is a new revision with a reason, the old one superseded.
 */
export const reflectionGrades = pgTable('reflection_grades', {
  tenantId: tenantId(),
  id: id(),
  reflectionId: uuid('reflection_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  /** The version graded (null when graded from paper). */
  versionId: uuid('version_id'),
  /** 1 = first marker, 2 = second marker. */
  marker: integer('marker').notNull().default(1),
  revision: integer('revision').notNull().default(1),
  /** Criterion key → level key. */
  levels: jsonb('levels').$type<Record<string, string>>().notNull().default({}),
  criterionComments: jsonb('criterion_comments').$type<Record<string, string>>().notNull().default({}),
  comment: text('comment'),
  /** Overall grade key of the rubric. */
  grade: text('grade'),
  /** draft | submitted | approved | superseded */
  status: text('status').notNull().default('draft'),
  gradedBy: uuid('graded_by').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  correctionReason: text('correction_reason'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.reflectionId], foreignColumns: [reflections.tenantId, reflections.id] }),
  uniqueIndex('reflection_grades_revision_uq').on(t.tenantId, t.reflectionId, t.marker, t.revision),
  // One live grading per marker: a second "start grading" cannot add a parallel row.
  uniqueIndex('reflection_grades_live_uq').on(t.tenantId, t.reflectionId, t.marker).where(sql`${t.status} <> 'superseded'`),
  index('reflection_grades_branch_idx').on(t.tenantId, t.campaignId, t.branchId, t.status),
]);

/**
 * A stack of papers collected at a branch and scanned at once (one PDF or a set of photos); the branch
 * committee assigns page ranges to members, each assignment becoming that member's version.
 */
export interface BatchAssignment { memberId: string; from: number; to: number; versionId: string; assignedBy: string; assignedAt: string }
export const reflectionBatches = pgTable('reflection_batches', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  /** pdf | photos */
  kind: text('kind').notNull(),
  pdfHash: text('pdf_hash'),
  pages: jsonb('pages').$type<ReflectionPage[]>().notNull().default([]),
  pageCount: integer('page_count').notNull(),
  assignments: jsonb('assignments').$type<BatchAssignment[]>().notNull().default([]),
  uploadedBy: uuid('uploaded_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
  index('reflection_batches_branch_idx').on(t.tenantId, t.campaignId, t.branchId),
]);

/**
 * A page uploaded ahead of the submission (resumable on a poor connection: the phone sends pages one by
 * one, and a retried submission re-sends only the pages the server has not stored yet).
 */
export const reflectionUploads = pgTable('reflection_uploads', {
  tenantId: tenantId(),
  userId: uuid('user_id').notNull(),
  /** The client's id for the page (e.g. a hash of the compressed photo). */
  clientKey: text('client_key').notNull(),
  page: jsonb('page').$type<ReflectionPage>().notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.clientKey] })]);

/** An upper level's reminder to a lagging org about its reflections. */
export const reflectionReminders = pgTable('reflection_reminders', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  fromOrgId: uuid('from_org_id').notNull(),
  message: text('message').notNull(),
  sentBy: uuid('sent_by').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  index('reflection_reminders_org_idx').on(t.tenantId, t.orgId, t.createdAt),
]);

/**
 * Reflections counted per campaign, branch and bucket — 's' handed in, 't' on time, 'g' graded
 * (approved), 'g:<grade>' per approved grade — kept by statement triggers on reflections (migration
 * 0017) and recounted for the campaign when its due date changes. Follow-up statistics sum these rows
 * over the closure table instead of reading every reflection of the province.
 */
export const reflectionBranchCounts = pgTable('reflection_branch_counts', {
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  bucket: text('bucket').notNull(),
  n: integer('n').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.tenantId, t.campaignId, t.branchId, t.bucket] })]);
