import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { orgs } from '../org/org.table.js';
import { campaigns } from '../campaigns/campaigns.table.js';

/**
 * A study conference (hội nghị học tập, quán triệt) held by one org inside its plan's deadline.
 * Audience kinds: all_members (every member of the org's subtree), key_cadres, retired_leaders,
 * enterprise_leaders, custom. Format: in_person, or online from a main point to bridge points.
 */
export const conferences = pgTable('conferences', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  orgId: uuid('org_id').notNull(),
  title: text('title').notNull(),
  audienceKind: text('audience_kind').notNull(),
  audienceNote: text('audience_note').notNull().default(''),
  format: text('format').notNull().default('in_person'),
  venue: text('venue').notNull(),
  capacity: integer('capacity'),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  includeExempt: boolean('include_exempt').notNull().default(false),
  /** scheduled → held (absentees go to make-up) | cancelled */
  status: text('status').notNull().default('scheduled'),
  isMakeup: boolean('is_makeup').notNull().default(false),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  index('conferences_campaign_idx').on(t.tenantId, t.campaignId, t.orgId),
]);

/** When a hall is too small the conference runs in several sessions; every conference has at least one. */
export const conferenceSessions = pgTable('conference_sessions', {
  tenantId: tenantId(),
  id: id(),
  conferenceId: uuid('conference_id').notNull(),
  seq: integer('seq').notNull(),
  venue: text('venue').notNull(),
  capacity: integer('capacity'),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  /** Branches whose invitees sit in this session; invitees of other branches go to session 1. */
  branchIds: uuid('branch_ids').array().notNull().default(sql`'{}'::uuid[]`),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }),
  uniqueIndex('conference_sessions_seq_uq').on(t.tenantId, t.conferenceId, t.seq),
]);

export const agendaItems = pgTable('conference_agenda_items', {
  tenantId: tenantId(),
  id: id(),
  conferenceId: uuid('conference_id').notNull(),
  seq: integer('seq').notNull(),
  topic: text('topic').notNull(),
  speakerName: text('speaker_name').notNull(),
  speakerTitle: text('speaker_title').notNull().default(''),
  durationMinutes: integer('duration_minutes'),
  inPerson: boolean('in_person').notNull().default(true),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }),
  index('agenda_items_conference_idx').on(t.tenantId, t.conferenceId),
]);

export interface DocumentSection { key: string; heading: string; text: string }

/** Documents put up for discussion (thematic resolutions, plans, projects), commented per section. */
export const discussionDocuments = pgTable('conference_documents', {
  tenantId: tenantId(),
  id: id(),
  conferenceId: uuid('conference_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  sections: jsonb('sections').$type<DocumentSection[]>().notNull().default([]),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }),
]);

export const documentComments = pgTable('conference_document_comments', {
  tenantId: tenantId(),
  id: id(),
  documentId: uuid('document_id').notNull(),
  sectionKey: text('section_key').notNull(),
  authorUserId: uuid('author_user_id').notNull(),
  authorName: text('author_name').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.documentId], foreignColumns: [discussionDocuments.tenantId, discussionDocuments.id] }),
  index('document_comments_doc_idx').on(t.tenantId, t.documentId),
]);

/** A bridge point (điểm cầu) of an online conference, supervised by an assigned Standing Committee member. */
export const bridgePoints = pgTable('bridge_points', {
  tenantId: tenantId(),
  id: id(),
  conferenceId: uuid('conference_id').notNull(),
  name: text('name').notNull(),
  place: text('place').notNull(),
  capacity: integer('capacity'),
  supervisorUserId: uuid('supervisor_user_id'),
  reportPresent: integer('report_present'),
  reportExpected: integer('report_expected'),
  reportRemarks: text('report_remarks'),
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  reportedBy: uuid('reported_by'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }),
  index('bridge_points_conference_idx').on(t.tenantId, t.conferenceId),
  index('bridge_points_supervisor_idx').on(t.tenantId, t.supervisorUserId),
]);

/** The units (orgs, with their subtrees) that attend at a bridge point. */
export const bridgePointUnits = pgTable('bridge_point_units', {
  tenantId: tenantId(),
  bridgePointId: uuid('bridge_point_id').notNull(),
  orgId: uuid('org_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.bridgePointId, t.orgId] }),
  foreignKey({ columns: [t.tenantId, t.bridgePointId], foreignColumns: [bridgePoints.tenantId, bridgePoints.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
]);

/**
 * One invitee of a conference: a member (with their branch) or a guest who is not a member. The QR
 * code carries `qrToken`, random and bound to this row, so it checks in this person at this
 * conference only. status: invited → present | absent.
 */
export const invitations = pgTable('conference_invitations', {
  tenantId: tenantId(),
  id: id(),
  conferenceId: uuid('conference_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  sessionId: uuid('session_id'),
  bridgePointId: uuid('bridge_point_id'),
  memberId: uuid('member_id'),
  branchId: uuid('branch_id'),
  guestName: text('guest_name'),
  guestTitle: text('guest_title'),
  guestOrg: text('guest_org'),
  qrToken: text('qr_token').notNull(),
  status: text('status').notNull().default('invited'),
  absenceReason: text('absence_reason'),
  checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
  checkedInBy: uuid('checked_in_by'),
  checkInMethod: text('check_in_method'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }),
  uniqueIndex('invitations_member_uq').on(t.tenantId, t.conferenceId, t.memberId).where(sql`${t.memberId} is not null`),
  uniqueIndex('invitations_qr_uq').on(t.tenantId, t.qrToken),
  index('invitations_branch_idx').on(t.tenantId, t.conferenceId, t.branchId),
  index('invitations_member_idx').on(t.tenantId, t.memberId).where(sql`${t.memberId} is not null`),
]);

/**
 * Make-up study (học bù) for a member absent from a conference: a make-up session or guided
 * self-study, completed when the branch committee confirms. status: pending → completed.
 */
export const makeups = pgTable('makeups', {
  tenantId: tenantId(),
  id: id(),
  campaignId: uuid('campaign_id').notNull(),
  conferenceId: uuid('conference_id').notNull(),
  invitationId: uuid('invitation_id').notNull(),
  memberId: uuid('member_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  mode: text('mode'),
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
  place: text('place'),
  status: text('status').notNull().default('pending'),
  confirmedBy: uuid('confirmed_by'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  note: text('note'),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.invitationId], foreignColumns: [invitations.tenantId, invitations.id] }),
  uniqueIndex('makeups_invitation_uq').on(t.tenantId, t.invitationId),
  index('makeups_branch_idx').on(t.tenantId, t.campaignId, t.branchId),
  // A member's make-ups in a campaign: read by every participation refresh (each check-in).
  index('makeups_member_idx').on(t.tenantId, t.campaignId, t.memberId),
]);

/**
 * One row per member per campaign, kept in the same transaction as invitations, check-ins and
 * make-ups: coverage counts it per branch and sums over the closure table, without DISTINCT over
 * every invitation of every conference.
 */
export const campaignParticipants = pgTable('campaign_participants', {
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  memberId: uuid('member_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  invitedAt: timestamp('invited_at', { withTimezone: true }),
  attendedAt: timestamp('attended_at', { withTimezone: true }),
  madeUpAt: timestamp('made_up_at', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.campaignId, t.memberId] }),
  // A member's campaigns, for the recount when the member moves, leaves or becomes exempt.
  index('campaign_participants_member_idx').on(t.tenantId, t.memberId),
]);

/**
 * Per campaign and branch: covered members (active, exempt only when the plan includes them) who were
 * invited, attended, made up. Recounted for the touched branches in the transaction that changes
 * participation (qt_recount_campaign_branches, migration 0010) and, by a trigger, when members move,
 * leave or change exemption; coverage sums these rows over the closure instead of joining every member.
 */
export const campaignBranchCounts = pgTable('campaign_branch_counts', {
  tenantId: tenantId(),
  campaignId: uuid('campaign_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  invited: integer('invited').notNull().default(0),
  attended: integer('attended').notNull().default(0),
  madeUp: integer('made_up').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.tenantId, t.campaignId, t.branchId] })]);
