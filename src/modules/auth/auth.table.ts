import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId } from '../../kernel/db/columns.js';
import { orgs } from '../org/org.table.js';

export const users = pgTable('users', {
  tenantId: tenantId(),
  id: id(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  memberId: uuid('member_id'),
  isActive: boolean('is_active').notNull().default(true),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  uniqueIndex('users_username_uq').on(t.username),
]);

/** A role held on an org node covers that node's subtree. */
export const roleGrants = pgTable('role_grants', {
  tenantId: tenantId(),
  id: id(),
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  orgId: uuid('org_id').notNull(),
  grantedAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
  foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  index('role_grants_user_idx').on(t.tenantId, t.userId),
]);

/** Server-side sessions; the cookie carries a random token, the row keeps only its SHA-256. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  tenantId: tenantId(),
  userId: uuid('user_id').notNull(),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.tenantId, t.userId)]);
