import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the raw client, for dumps in tests. */
  pglite?: PGlite;
}

export interface DatabaseConfig {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` or undefined with `memory: true` keeps it in memory. */
  dataDir?: string;
  memory?: boolean;
  loadDataDir?: Blob | File;
}

// pg returns int8 and numeric as strings and dates as Date objects; PGlite returns numbers and
// Dates. Normalize here, in one place: int8 → number, date → 'yyyy-mm-dd' string on both engines.
const PG_INT8 = 20;
const PG_DATE = 1082;
pg.types.setTypeParser(PG_INT8, (v) => Number(v));
pg.types.setTypeParser(PG_DATE, (v) => v);

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(config);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.QT_PG_POOL ?? 10) });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await pool.query('select 1');
  return { db, engine: 'postgres', close: () => pool.end() };
}

async function openPglite(config: DatabaseConfig): Promise<Database> {
  const dataDir = config.memory ? undefined : path.resolve(config.dataDir ?? './data', 'pg');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // PGlite's default start parameters include -F (fsync off). A data folder on disk must survive a
  // power cut, so drop -F there; cap the WAL so the folder does not grow to a gigabyte.
  const durable = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams.filter((p) => p !== '-F');
  const client = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    loadDataDir: config.loadDataDir,
    parsers: { [PG_DATE]: (v: string) => v },
    ...(dataDir ? { startParams: [...durable, '-c', 'max_wal_size=128MB', '-c', 'min_wal_size=32MB'] } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, engine: 'pglite', close: () => client.close(), pglite: client };
}

/** Runs raw SQL and returns its rows, the same shape on both engines. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };

/** A timestamptz as the drivers return it (Date from pg, string or Date from PGlite) → ISO string, or null. */
export function isoTimestamp(v: unknown): string | null {
  return v === null || v === undefined ? null : new Date(v as string | Date).toISOString();
}
