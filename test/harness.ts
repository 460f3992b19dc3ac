import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../src/kernel/db/client.js';
import { localFileStore, type FileStore } from '../src/kernel/files/store.js';
import { buildApp, type App } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';

export const ENGINES: Engine[] = ['pglite', 'postgres'];

let counter = 0;

/** A fresh database of the given engine, already migrated, private to the calling test file. */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteDump'));
    return openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
  }
  const name = `qt_t_${inject('runId')}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant: PostgreSQL refuses one; try again.
        if (attempt > 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: inject('pgAdminUrl').replace(/\/[^/]*$/, `/${name}`) });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const drop = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await drop.end();
    },
  };
}

export interface EngineContext {
  readonly engine: Engine;
  readonly database: Database;
  readonly db: Database['db'];
}

/** Runs the same suite on PGlite and on PostgreSQL, each with its own database. */
export function describeEngines(name: string, body: (ctx: EngineContext) => void) {
  describe.each(ENGINES)(`${name} [%s]`, (engine) => {
    let database: Database | undefined;
    const ctx: EngineContext = {
      engine,
      get database() { if (!database) throw new Error('database not open yet'); return database; },
      get db() { return ctx.database.db; },
    };
    beforeAll(async () => { database = await openTestDatabase(engine); });
    afterAll(async () => { await database?.close(); });
    body(ctx);
  });
}

export interface AppContext extends EngineContext { readonly app: App; readonly files: FileStore }

/** Same, with the HTTP app built on the database (requests via app.inject, no port). */
export function describeApp(name: string, body: (ctx: AppContext) => void) {
  describeEngines(name, (engineCtx) => {
    let app: App | undefined;
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-files-'));
    const files = localFileStore(filesDir);
    const ctx: AppContext = {
      get engine() { return engineCtx.engine; },
      get database() { return engineCtx.database; },
      get db() { return engineCtx.db; },
      get app() { if (!app) throw new Error('app not built yet'); return app; },
      files,
    };
    beforeAll(async () => {
      app = await buildApp({ database: engineCtx.database, files, config: { ...loadConfig({}), webDist: '/nonexistent' } });
      await app.ready();
    });
    afterAll(async () => { await app?.close(); fs.rmSync(filesDir, { recursive: true, force: true }); });
    body(ctx);
  });
}
