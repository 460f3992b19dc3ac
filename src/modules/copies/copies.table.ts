import { doublePrecision, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from '../../kernel/db/columns.js';

/**
 * The copy index of a campaign's typed reflections (src/text dedupe), rebuilt by a background job when
 * typed texts come in: flagged pairs (a near-copy, or a substantial part of one found in the other)
 * with the branches of both writers, so each level lists the pairs inside its subtree.
 */
export const reflectionCopyPairs = pgTable('reflection_copy_pairs', {
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  /** a < b (uuid order). */
  reflectionA: uuid('reflection_a').notNull(),
  reflectionB: uuid('reflection_b').notNull(),
  branchA: uuid('branch_a').notNull(),
  branchB: uuid('branch_b').notNull(),
  score: doublePrecision('score').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.campaignId, t.reflectionA, t.reflectionB] }),
  index('reflection_copy_pairs_a_idx').on(t.tenantId, t.reflectionA),
  index('reflection_copy_pairs_b_idx').on(t.tenantId, t.reflectionB),
  index('reflection_copy_pairs_branch_a_idx').on(t.tenantId, t.campaignId, t.branchA),
  index('reflection_copy_pairs_branch_b_idx').on(t.tenantId, t.campaignId, t.branchB),
]);

/** Per typed reflection: the share of its text found in the Resolution and its documents. */
export const reflectionSourceShares = pgTable('reflection_source_shares', {
  tenantId: tenantId(),
  reflectionId: uuid('reflection_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  versionId: uuid('version_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  share: doublePrecision('share').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.reflectionId] }),
  index('reflection_source_shares_branch_idx').on(t.tenantId, t.campaignId, t.branchId),
]);

/** When a campaign's copy index was last rebuilt, over how many texts, in how long. */
export const reflectionCopyRuns = pgTable('reflection_copy_runs', {
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  documents: integer('documents').notNull(),
  pairs: integer('pairs').notNull(),
  seconds: doublePrecision('seconds').notNull(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.campaignId] })]);
