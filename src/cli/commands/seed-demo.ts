import path from 'node:path';
import { parseArgs } from 'node:util';
import { localFileStore } from '../../kernel/files/store.js';
import { loadConfig } from '../../server/config.js';
import { authService } from '../../modules/auth/index.js';
import { DatabaseLockedError } from '../../kernel/db/lock.js';
import { seedDemo } from '../demo/demo-seed.js';
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
    const files = localFileStore(path.join(loadConfig().dataDir, 'files'));
    const result = await seedDemo(database.db, { members, seed, shape: values.shape, files });
    process.stdout.write(`Đã tạo ${result.orgs} tổ chức đảng và ${result.members} đảng viên trong ${((Date.now() - started) / 1000).toFixed(1)} giây.\n`);
    for (const a of result.accounts) process.stdout.write(`  ${a.username.padEnd(14)} ${a.password}  ${a.displayName} — ${a.orgName}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function runDemoAccounts(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const accounts = await readDemoAccounts();
    if (values.json) {
      process.stdout.write(`${JSON.stringify(accounts.map(({ username, password, role, orgId, orgName, memberId }) => ({ username, password, role, orgId, orgName, memberId })))}\n`);
    } else {
      for (const a of accounts) process.stdout.write(`${a.username.padEnd(14)} ${a.password}  ${a.role.padEnd(22)} ${a.orgName}\n`);
  }
  return 0;
}

type DemoAccountRow = Awaited<ReturnType<typeof authService.listDemoAccounts>>[number];

/** From the database, or — when a server holds the embedded database — from that server. */
async function readDemoAccounts(): Promise<DemoAccountRow[]> {
  try {
    const database = await openCliDatabase();
    try { return await authService.listDemoAccounts(database.db); } finally { await database.close(); }
  } catch (err) {
    if (!(err instanceof DatabaseLockedError) || err.holder.role !== 'server' || !err.holder.port) throw err;
    const res = await fetch(`http://127.0.0.1:${err.holder.port}/api/demo-accounts`);
    if (!res.ok) throw err;
    return (await res.json()) as DemoAccountRow[];
  }
}
