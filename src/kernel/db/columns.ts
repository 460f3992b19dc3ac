import { newId } from '../ids.js';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table carries the tenant (the province) and leads its primary key with it (Citus-ready). */
export const tenantId = () => uuid('tenant_id').notNull();
export const id = () => uuid('id').notNull().$defaultFn(() => newId());
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export { newId } from '../ids.js';
