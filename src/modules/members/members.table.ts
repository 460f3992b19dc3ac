import { sql } from 'drizzle-orm';
import {
  boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../kernel/db/columns.js';
import { orgs } from '../org/org.table.js';

export const members = pgTable('members', {
  tenantId: tenantId(),
  id: id(),
  branchId: uuid('branch_id').notNull(),
  fullName: text('full_name').notNull(),
  /** Accent-folded, lower-case name for search ("nguyen van an"); ASCII, so collated "C". */
  nameKey: text('name_key').notNull(),
  gender: text('gender'),
  birthDate: date('birth_date', { mode: 'string' }),
  birthYearOnly: boolean('birth_year_only').notNull().default(false),
  homeTown: text('home_town'),
  ethnicity: text('ethnicity'),
  religion: text('religion'),
  cardNumber: text('card_number'),
  recordNumber: text('record_number'),
  status: text('status').notNull().default('official'),
  admissionDate: date('admission_date', { mode: 'string' }),
  officialDate: date('official_date', { mode: 'string' }),
  qualification: text('qualification'),
  theoryLevel: text('theory_level'),
  partyPosition: text('party_position'),
  workPosition: text('work_position'),
  personalId: text('personal_id'),
  workplaceKind: text('workplace_kind'),
  isRemoteArea: boolean('is_remote_area').notNull().default(false),
  isExempt: boolean('is_exempt').notNull().default(false),
  isHeadOfUnit: boolean('is_head_of_unit').notNull().default(false),
  isCommitteeMember: boolean('is_committee_member').notNull().default(false),
  phone: text('phone'),
  email: text('email'),
  /** Soft removal: a member who left, died or moved away stays for the record. */
  leftAt: timestamp('left_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [orgs.tenantId, orgs.id] }),
  uniqueIndex('members_card_uq').on(t.tenantId, t.cardNumber).where(sql`${t.cardNumber} is not null`),
  // Partial indexes over active members: the roll-up counts per branch with an index-only scan, and a
  // browse page walks names in order (name_key is ASCII and collated "C", see migration 0004).
  // is_exempt rides along so coverage counts "covered" members (exempt excluded) with an index-only scan too.
  index('members_branch_idx').on(t.tenantId, t.branchId, t.isExempt).where(sql`${t.leftAt} is null`),
  index('members_name_order_idx').on(t.tenantId, t.nameKey, t.id).where(sql`${t.leftAt} is null`),
]);

/**
 * Active members per branch (all, and those not exempt from party activities), kept by a statement
 * trigger on members (migration 0014): roll-ups over the closure table read one row per branch instead
 * of counting every member of the province.
 */
export const branchMemberCounts = pgTable('branch_member_counts', {
  tenantId: uuid('tenant_id').notNull(),
  branchId: uuid('branch_id').notNull(),
  active: integer('active').notNull().default(0),
  activeNotExempt: integer('active_not_exempt').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.tenantId, t.branchId] })]);
