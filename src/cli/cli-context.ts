import { sql } from 'drizzle-orm';
import type { Actor } from '../kernel/access/actor.js';
import { queryRows, type Database } from '../kernel/db/client.js';
import { openForProcess } from '../kernel/db/open.js';
import { loadConfig } from '../server/config.js';

export async function openCliDatabase(): Promise<Database> {
  const config = loadConfig();
  return openForProcess({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, role: 'cli' });
}

export const CLI_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The operator at the console acts with full rights on the tenant's root org; audit rows name the
 * nil user id and "cli" so their origin stays visible.
 */
export async function cliActor(database: Database, tenantCode?: string): Promise<Actor> {
  const rows = await queryRows<{ tenantId: string; rootId: string }>(database.db, sql`
    select t.id as "tenantId", o.id as "rootId" from tenants t
    join orgs o on o.tenant_id = t.id and o.parent_id is null and o.status = 'active'
    where ${tenantCode ? sql`t.code = ${tenantCode}` : sql`true`} order by t.created_at limit 1`);
  if (rows.length === 0) throw new Error('Chưa có đảng bộ nào trong cơ sở dữ liệu: hãy chạy "npm run cli -- seed-demo" hoặc nhập dữ liệu trước.');
  const { tenantId, rootId } = rows[0];
  return {
    userId: CLI_USER_ID, tenantId, username: 'cli', displayName: 'Dòng lệnh', memberId: null, ip: 'cli',
    grants: [{ role: 'system_admin', orgId: rootId }, { role: 'organization_officer', orgId: rootId }],
  };
}
