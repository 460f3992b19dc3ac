import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildBranchSheet } from '../../test/fixtures/member-sheets.js';
import { acquireDataDirLock } from '../kernel/db/lock.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const created: string[] = [];
async function freshPostgres(): Promise<string> {
  const name = `qt_cli_${inject('runId')}_${created.length}_${process.pid}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  created.push(name);
  return inject('pgAdminUrl').replace(/\/[^/]*$/, `/${name}`);
}
afterAll(async () => {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

// Each test runs the command line as child processes (tsx compiles, the demo seeds a campaign): a minute on a loaded runner.
describe('command line', { timeout: 180_000 }, () => {
  it('seed-demo is deterministic: the same seed gives the same province, ids included', async () => {
    const [a, b] = [await freshPostgres(), await freshPostgres()];
    for (const url of [a, b]) expect((await cli(['seed-demo', '--members', '400', '--seed', '7'], { DATABASE_URL: url })).code).toBe(0);
    const digest = async (url: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query(`select md5(string_agg(id::text || full_name || coalesce(card_number, '') || branch_id::text, ',' order by id)) as h, count(*)::int as n from members`);
      await c.end();
      return rows[0];
    };
    const [da, db] = [await digest(a), await digest(b)];
    expect(da.n).toBe(400);
    expect(da.h).toBe(db.h);
  });

  it('demo-accounts --json lists one account per role with the member account linked', async () => {
    const url = await freshPostgres();
    await cli(['seed-demo', '--members', '300'], { DATABASE_URL: url });
    const out = await cli(['demo-accounts', '--json'], { DATABASE_URL: url });
    expect(out.code).toBe(0);
    const accounts = JSON.parse(out.stdout) as Array<{ username: string; password: string; role: string; orgId: string; orgName: string; memberId: string | null }>;
    for (const role of ['system_admin', 'propaganda_officer', 'committee_secretary', 'branch_committee', 'branch_secretary', 'inspection_officer', 'member']) {
      expect(accounts.some((a) => a.role === role)).toBe(true);
    }
    expect(accounts.find((a) => a.role === 'member')!.memberId).toMatch(/^[0-9a-f-]{36}$/);
    expect(accounts.filter((a) => a.role === 'propaganda_officer').map((a) => a.orgName)).toHaveLength(2);
    expect(Object.keys(accounts[0]).sort()).toEqual(['memberId', 'orgId', 'orgName', 'password', 'role', 'username']);
  });

  it('import-members: a bad sheet is rejected with exit 2 and nothing written; a good one is accepted, and again updates', async () => {
    const url = await freshPostgres();
    await cli(['seed-demo', '--members', '300'], { DATABASE_URL: url });
    const accounts = JSON.parse((await cli(['demo-accounts', '--json'], { DATABASE_URL: url })).stdout) as Array<{ role: string; orgId: string }>;
    const branchId = accounts.find((a) => a.role === 'branch_committee')!.orgId;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-cli-'));
    const good = path.join(dir, 'good.xlsx');
    const bad = path.join(dir, 'bad.xlsx');
    const khai = { fullName: 'Trịnh Văn Khải', birthDate: '1975-02-03', admissionDate: '2001-05-19', officialDate: '2002-05-19', cardNumber: '91000001' };
    const mai = { fullName: 'Đoàn Thị Mai', gender: 'female' as const, birthDate: '1988-11-30', admissionDate: '2012-09-02', officialDate: '2013-09-02', cardNumber: '91000002' };
    fs.writeFileSync(good, await buildBranchSheet({ rows: [khai, mai] }));
    fs.writeFileSync(bad, await buildBranchSheet({ rows: [khai, { ...mai, cardNumber: '91000001' }] }));
    const rejected = await cli(['import-members', bad, '--under', branchId, '--json'], { DATABASE_URL: url });
    expect(rejected.code).toBe(2);
    const r = JSON.parse(rejected.stdout);
    expect(r.rows).toBe(2);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: expect.any(Number), column: expect.stringMatching(/thẻ/i) });
    expect(r.errors[0].message).toContain('91000001');
    const first = JSON.parse((await cli(['import-members', good, '--under', branchId, '--json'], { DATABASE_URL: url })).stdout);
    expect(first).toMatchObject({ rows: 2, created: 2, updated: 0, errors: [] });
    const again = await cli(['import-members', good, '--under', branchId, '--json'], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 2, created: 0, updated: 2, errors: [] });
    const out = path.join(dir, 'out.xlsx');
    const exported = await cli(['export-members', out, '--under', branchId], { DATABASE_URL: url });
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses to touch an embedded database a server holds, with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-lock-'));
    const release = acquireDataDirLock(dir, { role: 'server', port: 1 });
    try {
      const out = await cli(['seed-demo', '--members', '100'], { QT_DATA_DIR: dir, DATABASE_URL: '' });
      expect(out.code).toBe(3);
      expect(out.stderr).toContain('đang dùng cơ sở dữ liệu nhúng');
      expect(fs.existsSync(path.join(dir, 'pg'))).toBe(false);
    } finally {
      release();
    }
  });
});
