import path from 'node:path';
import { openDatabase, type Database } from './client.js';
import { acquireDataDirLock } from './lock.js';
import { migrate } from './migrate.js';

/** Opens the configured database for a process (server or CLI), locking PGlite's folder, migrated. */
export async function openForProcess(opts: { databaseUrl?: string; dataDir: string; role: 'server' | 'cli'; port?: number }): Promise<Database> {
  let release = () => {};
  if (!opts.databaseUrl) release = acquireDataDirLock(path.resolve(opts.dataDir), { role: opts.role, port: opts.port });
  try {
    const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
    await migrate(database.db);
    const close = database.close;
    return { ...database, close: async () => { await close(); release(); } };
  } catch (err) {
    release();
    throw err;
  }
}
