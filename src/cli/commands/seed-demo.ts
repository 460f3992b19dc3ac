import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo-seed.js';
import { openCliDatabase } from '../cli-context.js';

export async function runSeedDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    members: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' }, shape: { type: 'string', default: 'current' },
  } });
  const members = Number(values.members);
  const seed = Number(values.seed);
  if (!Number.isInteger(members) || members < 50 || members > 2_000_000) throw new Error('--members phải là số nguyên từ 50 đến 2000000');
  if (!Number.isInteger(seed)) throw new Error('--seed phải là số nguyên');
  if (values.shape !== 'current' && values.shape !== 'legacy') throw new Error('--shape chỉ nhận current (sau 1/7/2025) hoặc legacy (có cấp huyện)');
  const database = await openCliDatabase();
  try {
    const started = Date.now();
    const result = await seedDemo(database.db, { members, seed, shape: values.shape });
    process.stdout.write(`Đã tạo ${result.orgs} tổ chức đảng và ${result.members} đảng viên trong ${((Date.now() - started) / 1000).toFixed(1)} giây.\n`);
    for (const a of result.accounts) process.stdout.write(`  ${a.username.padEnd(14)} ${a.password}  ${a.displayName} — ${a.orgName}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function listDemoAccounts(db: Parameters<typeof queryRows>[0]) {
  return queryRows<{ username: string; role: string; orgId: string; orgName: string; memberId: string | null; displayName: string }>(db, sql`
    select u.username, g.role, g.org_id as "orgId", o.name as "orgName", u.member_id as "memberId", u.display_name as "displayName"
    from users u join role_grants g on g.tenant_id = u.tenant_id and g.user_id = u.id
    join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
    join audit_log a on a.tenant_id = u.tenant_id and a.action = 'user.create' and a.entity_id = u.id::text and a.actor_user_id is null
    order by u.created_at, u.username`);
}

export async function runDemoAccounts(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const database = await openCliDatabase();
  try {
    const accounts = (await listDemoAccounts(database.db)).map((a) => ({ ...a, password: DEMO_PASSWORD }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(accounts.map(({ username, password, role, orgId, orgName, memberId }) => ({ username, password, role, orgId, orgName, memberId })))}\n`);
    } else {
      for (const a of accounts) process.stdout.write(`${a.username.padEnd(14)} ${a.password}  ${a.role.padEnd(22)} ${a.orgName}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
