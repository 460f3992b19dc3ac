import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/kernel/db/client.js';
import { migrate } from '../src/kernel/db/migrate.js';

/**
 * Migrates once per run: a PostgreSQL template database that every test file copies, and a PGlite
 * data folder dump that every test file loads (creating either from scratch per file would be slow).
 */
export const PG_ADMIN_URL = process.env.QT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const template = `qt_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL tests need the server at ${PG_ADMIN_URL} (${(err as Error).message}). ` +
      'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
  }
  await admin.query(`create database ${template}`);
  const tpl = await openDatabase({ databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${template}`) });
  await migrate(tpl.db);
  await tpl.close();

  const lite = await openDatabase({ memory: true });
  await migrate(lite.db);
  const dump = await lite.pglite!.dumpDataDir('none');
  const dumpPath = path.join(os.tmpdir(), `qt-pglite-${runId}.tar`);
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  project.provide('pgTemplate', template);
  project.provide('pgAdminUrl', PG_ADMIN_URL);
  project.provide('pgliteDump', dumpPath);
  project.provide('runId', runId);

  return async () => {
    const { rows } = await admin.query(`select datname from pg_database where datname like $1`, [`qt_%${runId}%`]);
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
    fs.rmSync(dumpPath, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext { pgTemplate: string; pgAdminUrl: string; pgliteDump: string; runId: string }
}
