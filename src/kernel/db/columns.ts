import { randomUUID } from 'node:crypto';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table carries the tenant (the province) and leads its primary key with it (Citus-ready). */
export const tenantId = () => uuid('tenant_id').notNull();
export const id = () => uuid('id').notNull().$defaultFn(() => newId());
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Ids are made in the app (PGlite and PostgreSQL 15 share no uuidv7()). Time-ordered v7 layout. */
export function newId(): string {
  const bytes = Buffer.from(randomUUID().replace(/-/g, ''), 'hex');
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
