import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';

/**
 * The recommendation pool of each committee level (seed 003: "the propaganda boards collect the
 * sensible recommendations and report them to their own Standing Committee and to the board above").
 *
 * An entry is what comes into the pool of `pool_org_id`:
 *  - `sentence`: one recommendation sentence of a member's reflection (current version), from a branch
 *    directly under the pool's org; weight 1;
 *  - `forwarded`: a group the board of a lower committee forwarded, with its count as weight.
 * Groups are the board's working list: entries gathered by the text engine's clustering, then merged,
 * split, retitled, marked and forwarded by hand. A group's count is the sum of its entries' weights.
 */
export const recommendationGroups = pgTable('recommendation_groups', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  /** The committee whose pool this is. */
  orgId: uuid('org_id').notNull(),
  title: text('title').notNull(),
  /** The title was written by the board (a refresh does not replace it). */
  titleEdited: boolean('title_edited').notNull().default(false),
  /** open → selected (sensible, to act on) | dismissed. */
  status: text('status').notNull().default('open'),
  note: text('note'),
  /** Forwarded to the board of the level above (its pool holds an entry for this group). */
  forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
  forwardedBy: uuid('forwarded_by'),
  /** Reported to this level's own Standing Committee. */
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  reportedBy: uuid('reported_by'),
  /**
   * The answer or decision given at this level. Answers flow down by reading: a group's chain upward
   * (its forwarded entry's group in the pool above, and so on) holds every answer given about it.
   */
  answer: text('answer'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  answeredBy: uuid('answered_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('recommendation_groups_pool_idx').on(t.tenantId, t.campaignId, t.orgId),
]);

export const recommendationEntries = pgTable('recommendation_entries', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  poolOrgId: uuid('pool_org_id').notNull(),
  groupId: uuid('group_id'),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  weight: integer('weight').notNull().default(1),
  /** The branch a sentence came from, or the lower committee that forwarded a group. */
  originOrgId: uuid('origin_org_id').notNull(),
  reflectionId: uuid('reflection_id'),
  versionId: uuid('version_id'),
  sentenceIndex: integer('sentence_index'),
  sourceGroupId: uuid('source_group_id'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('recommendation_entries_pool_idx').on(t.tenantId, t.campaignId, t.poolOrgId, t.groupId),
  index('recommendation_entries_group_idx').on(t.tenantId, t.groupId),
  // The background job's "which pools have entries waiting for a group": a few rows, not the campaign's all.
  index('recommendation_entries_waiting_idx').on(t.tenantId, t.campaignId, t.poolOrgId).where(sql`group_id is null`),
  index('recommendation_entries_reflection_idx').on(t.tenantId, t.reflectionId),
  uniqueIndex('recommendation_entries_sentence_uq').on(t.tenantId, t.versionId, t.sentenceIndex).where(sql`version_id is not null`),
  uniqueIndex('recommendation_entries_source_uq').on(t.tenantId, t.sourceGroupId).where(sql`source_group_id is not null`),
]);

/** Reflection versions whose recommendations have been extracted into the pools (with how many). */
export const recommendationExtractions = pgTable('recommendation_extractions', {
  tenantId: tenantId(),
  versionId: uuid('version_id').notNull(),
  reflectionId: uuid('reflection_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  sentences: integer('sentences').notNull(),
  extractedAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.versionId] }),
  index('recommendation_extractions_campaign_idx').on(t.tenantId, t.campaignId),
]);
