import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DatabaseLockedError } from '../kernel/db/lock.js';
import { openForProcess } from '../kernel/db/open.js';
import { queryRows } from '../kernel/db/client.js';
import { localFileStore } from '../kernel/files/store.js';
import { DEMO_PASSWORD, seedDemo } from '../cli/demo/demo-seed.js';
import { authService } from '../modules/auth/index.js';
import { purgeStagedUploads } from '../modules/reflections/index.js';
import { startBackgroundJobs } from './background.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const files = localFileStore(path.join(config.dataDir, 'files'));
  const database = await openForProcess({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, role: 'server', port: config.port });
  const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from tenants`);
  if (Number(n) === 0 && config.demo && process.env.QT_SEED_DEMO !== 'false') {
    const members = Number(process.env.QT_DEMO_MEMBERS ?? 20_000);
    console.log(`Lần chạy đầu: đang tạo đảng bộ tỉnh mẫu với ${members.toLocaleString('vi-VN')} đảng viên...`);
    await seedDemo(database.db, { members, seed: 1, shape: 'current', files });
  }
  const app = await buildApp({ database, config, files });
  await app.listen({ port: config.port, host: config.host });
  // Background jobs (the copy index and the recommendation pools of typed reflections); handlers compute outside long transactions.
  const worker = startBackgroundJobs(database.db);
  const accounts = config.demo ? await authService.listDemoAccounts(database.db) : [];
  await authService.purgeExpiredSessions(database.db);
  setInterval(() => { authService.purgeExpiredSessions(database.db).catch(() => undefined); }, 3600_000).unref();
  // Pages a phone staged ahead of a submission are dropped after a week (rows only; the files stay).
  const purgeStaged = () => purgeStagedUploads(database.db)
    .then((n) => { if (n > 0) console.log(`Đã xóa ${n.toLocaleString('vi-VN')} trang ảnh gửi trước quá hạn`); })
    .catch((err) => console.error('Dọn trang ảnh gửi trước thất bại:', err));
  void purgeStaged();
  setInterval(() => { void purgeStaged(); }, 6 * 3600_000).unref();
  // PGlite has no autovacuum: without fresh statistics the planner picks nested loops over tables that
  // grew since the last analyze (invitations, participation). Refresh them every six hours.
  if (database.engine === 'pglite') setInterval(() => { database.db.execute(sql`analyze`).catch(() => undefined); }, 6 * 3600_000).unref();
  const url = `http://localhost:${config.port}`;
  console.log(`\nQuán Triệt đang chạy tại ${url}  (cơ sở dữ liệu: ${database.engine === 'pglite' ? `PGlite tại ${path.resolve(config.dataDir)}` : 'PostgreSQL'}, khởi động ${((Date.now() - started) / 1000).toFixed(1)} giây)`);
  console.log(`Tài liệu API: ${url}/api/docs`);
  if (accounts.length) {
    console.log(`\nTài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):`);
    for (const a of accounts) console.log(`  ${a.username.padEnd(14)} ${a.displayName} — ${a.orgName}`);
  }
  const shutdown = async () => {
    await worker.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof DatabaseLockedError ? err.message : err);
  process.exit(1);
});
