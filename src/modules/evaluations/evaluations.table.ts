import { doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { members } from '../members/members.table.js';
import { orgs } from '../org/org.table.js';

/**
 * The rules of the year-end member evaluation as data (today QĐ 366-QĐ/TW, 2025: 100 points, 30 for
 * general criteria and 70 for task results, four grades by threshold). A new rule is a new scheme.
 */
export interface SchemeCriterion { key: string; group: 'general' | 'tasks'; label: string; maxPoints: number }
export interface SchemeGrade { key: string; label: string; minScore: number }
export const evaluationSchemes = pgTable('evaluation_schemes', {
  tenantId: tenantId(),
  id: id(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /** The first year evaluated under this scheme; the newest scheme not after a year applies to it. */
  fromYear: integer('from_year').notNull(),
  criteria: jsonb('criteria').$type<SchemeCriterion[]>().notNull(),
  /** Best first. */
  grades: jsonb('grades').$type<SchemeGrade[]>().notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('evaluation_schemes_code_uq').on(t.tenantId, t.code),
]);

/** Evidence the branch linked to an evaluation: it points at the record, never copies it. */
export interface EvidenceLink { kind: 'attendance' | 'reflection' | 'makeup' | 'action_plan'; id: string; campaignId?: string }

/** One member's year-end evaluation by the branch: scores per criterion, total, grade and reasons. */
export const memberEvaluations = pgTable('member_evaluations', {
  tenantId: tenantId(),
  id: id(),
  memberId: uuid('member_id').notNull(),
  year: integer('year').notNull(),
  schemeId: uuid('scheme_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
  total: doublePrecision('total').notNull().default(0),
  grade: text('grade'),
  reasons: text('reasons'),
  evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
  /** draft | approved */
  status: text('status').notNull().default('draft'),
  evaluatedBy: uuid('evaluated_by').notNull(),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
  foreignKey({ columns: [t.tenantId, t.schemeId], foreignColumns: [evaluationSchemes.tenantId, evaluationSchemes.id] }),
  foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
  uniqueIndex('member_evaluations_member_year_uq').on(t.tenantId, t.memberId, t.year),
  index('member_evaluations_branch_idx').on(t.tenantId, t.branchId, t.year),
]);
