/**
 * `npm run bench`: seeds 500,000 members in ~10,000 orgs on PostgreSQL and on PGlite, then times the
 * full-tree roll-up (closure table) against a single recursive CTE and a naive recursive query per org,
 * a member search page, and a 50,000-row member import; then, on the same database, the campaign
 * benchmarks of bench/campaign-bench.ts (coverage, QR check-in bursts). Prints medians and p95; not a test.
 *
 * BENCH_MEMBERS, BENCH_ENGINES=postgres,pglite and BENCH_PG_URL override the defaults; BENCH_KEEP_DB=1 keeps
 * the PostgreSQL database afterwards, BENCH_EXPLAIN=1 prints the coverage query's plan. BENCH_ONLY=campaign
 * seeds, then runs only the campaign benchmarks (no roll-up, search, import, reflections nor rush);
 * BENCH_ONLY=rush only the deadline rush (with a small BENCH_MEMBERS, a quick loop on the submit path).
 * Neither replaces last-run.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type Engine } from '../src/kernel/db/client.js';
import { migrate } from '../src/kernel/db/migrate.js';
import type { Actor } from '../src/kernel/access/actor.js';
import { seedDemo } from '../src/cli/demo/demo-seed.js';
import { orgService } from '../src/modules/org/index.js';
import { membersService } from '../src/modules/members/index.js';
import { benchReflectionRush } from './reflection-rush.js';
import { benchReflections } from './reflection-bench.js';
import { rollUpMemberCounts } from '../src/modules/org/org.repository.js';
import { parseMemberSheet } from '../src/modules/members/members.import-parse.js';
import { importParsedSheet } from '../src/modules/members/members.import.js';
import { buildLargeSheet } from '../test/fixtures/member-sheets.js';
import { runParallelDedupeBench } from './text-bench.js';
import { benchCampaign } from './campaign-bench.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',') as Engine[];
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONLY_RUSH = process.env.BENCH_ONLY === 'rush';

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

async function timeIt(reps: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 2; i++) await fn(); // warm caches and plans
  const times: number[] = [];
  for (let i = 0; i < reps; i++) { const t = performance.now(); await fn(); times.push(performance.now() - t); }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function openEngine(engine: Engine): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (engine === 'postgres') {
    const name = `qt_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: PG_ADMIN.replace(/\/[^/]*$/, `/${name}`) });
    const keep = !!process.env.BENCH_KEEP_DB; // leave the database for EXPLAIN and experiments afterwards
    return { database, cleanup: async () => {
      await database.close();
      if (keep) console.log(`  database ${name} kept (BENCH_KEEP_DB)`); else await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-bench-'));
  const database = await openDatabase({ dataDir: dir });
  return { database, cleanup: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

async function benchEngine(engine: Engine, sheet: Buffer) {
  const { database, cleanup } = await openEngine(engine);
  const db = database.db;
  const out: Record<string, string | number> = { engine };
  try {
    await migrate(db);
    let t = performance.now();
    // Members and orgs only: campaign-bench.ts builds its own campaign at full scale, and the seed time
    // stays comparable with earlier runs.
    const seeded = await seedDemo(db, { members: MEMBERS, seed: 1, shape: 'current', campaign: false });
    out.seedSeconds = +((performance.now() - t) / 1000).toFixed(1);
    out.orgs = seeded.orgs;
    out.members = seeded.members;
    await db.execute(sql`analyze`);
    const root = seeded.accounts.find((a) => a.username === 'tuyengiao')!.orgId;
    if (ONLY_RUSH) {
      if (engine === 'postgres') await benchReflectionRush(database, seeded.tenantId, root, out);
      return out;
    }
    if (process.env.BENCH_ONLY === 'campaign') {
      await benchCampaign(db, engine, seeded.tenantId, root, out);
      return out;
    }
    const actor: Actor = { userId: '00000000-0000-0000-0000-000000000000', tenantId: seeded.tenantId, username: 'bench', displayName: 'bench', memberId: null,
      grants: [{ role: 'organization_officer', orgId: root }] };

    const rollup = await timeIt(15, () => rollUpMemberCounts(db, seeded.tenantId));
    out.rollupMedianMs = +rollup.median.toFixed(1); out.rollupP95Ms = +rollup.p95.toFixed(1);
    const recursiveAll = await timeIt(5, () => queryRows(db, sql`
      with recursive sub(root, id) as (
        select id, id from orgs where tenant_id = ${seeded.tenantId}
        union all select s.root, o.id from sub s join orgs o on o.tenant_id = ${seeded.tenantId} and o.parent_id = s.id)
      select s.root, count(m.id) from sub s left join members m on m.tenant_id = ${seeded.tenantId} and m.branch_id = s.id and m.left_at is null group by s.root`));
    out.recursiveCteMedianMs = +recursiveAll.median.toFixed(1);
    // Naive: one recursive query per org, as code that walks the tree would do. Timed on a sample of
    // 500 orgs and scaled to the whole tree.
    const orgIds = (await queryRows<{ id: string }>(db, sql`select id from orgs where tenant_id = ${seeded.tenantId} order by id`)).map((r) => r.id);
    const sample = orgIds.filter((_, i) => i % Math.max(1, Math.floor(orgIds.length / 500)) === 0).slice(0, 500);
    t = performance.now();
    for (const id of sample) {
      await queryRows(db, sql`with recursive sub(id) as (select ${id}::uuid union all select o.id from sub join orgs o on o.tenant_id = ${seeded.tenantId} and o.parent_id = sub.id)
        select count(*) from members m where m.tenant_id = ${seeded.tenantId} and m.branch_id in (select id from sub) and m.left_at is null`);
    }
    out.naivePerOrgFullTreeSeconds = +(((performance.now() - t) / sample.length) * orgIds.length / 1000).toFixed(1);

    const search = await timeIt(15, () => membersService.listMembers(db, actor, { orgId: root, filters: { q: 'nguyen van an' }, page: 1, pageSize: 20 }));
    out.searchMedianMs = +search.median.toFixed(1); out.searchP95Ms = +search.p95.toFixed(1);
    const browse = await timeIt(15, () => membersService.listMembers(db, actor, { orgId: root, filters: {}, page: 1, pageSize: 20 }));
    out.listPageMedianMs = +browse.median.toFixed(1);
    const children = await timeIt(15, () => orgService.listChildren(db, actor, root));
    out.rootChildrenMedianMs = +children.median.toFixed(1);

    // The 50,000-row sheet spreads its members over "Chi bộ số 1".."Chi bộ số 10": give it a new
    // grassroots committee with those ten branches under the first commune.
    const commune = (await queryRows<{ id: string }>(db, sql`select o.id from orgs o
      where o.tenant_id = ${seeded.tenantId} and o.kind = 'commune_committee' order by o.code limit 1`))[0];
    const levels = await orgService.listLevels(db, actor);
    const levelId = (code: string) => levels.find((l) => l.code === code)!.id;
    const target = await orgService.createOrg(db, actor, { parentId: commune.id, levelId: levelId('grassroots'), kind: 'grassroots_committee', name: 'Đảng bộ Nhập thử', code: 'MS.BENCH' });
    for (let i = 1; i <= 10; i++) {
      await orgService.createOrg(db, actor, { parentId: target.id, levelId: levelId('branch'), kind: 'branch', name: `Chi bộ số ${i}`, code: `MS.BENCH.CB${i}` });
    }
    t = performance.now();
    const parsed = await parseMemberSheet(sheet);
    const parseMs = performance.now() - t;
    t = performance.now();
    const result = await importParsedSheet(db, actor, { target, parsed, dryRun: false, fileName: 'bench.xlsx' });
    const commitMs = performance.now() - t;
    if (!result.committed) throw new Error(`import rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
    out.importRows = result.rows;
    out.importParseSeconds = +(parseMs / 1000).toFixed(2);
    out.importCommitSeconds = +(commitMs / 1000).toFixed(2);
    out.importRowsPerSecond = Math.round(result.rows / ((parseMs + commitMs) / 1000));
    t = performance.now();
    const again = await importParsedSheet(db, actor, { target, parsed, dryRun: false, fileName: 'bench.xlsx' });
    out.reimportUnchangedSeconds = +((performance.now() - t) / 1000).toFixed(2);
    if (again.updated !== result.rows) throw new Error('re-import did not match every row');

    await benchCampaign(db, engine, seeded.tenantId, root, out);
    await benchReflections(db, engine, seeded.tenantId, root, out);
    // The deadline rush goes through the HTTP server; its target is set on PostgreSQL (BENCH_RUSH=0 skips).
    if (engine === 'postgres' && process.env.BENCH_RUSH !== '0') await benchReflectionRush(database, seeded.tenantId, root, out);
  } finally {
    await cleanup();
  }
  return out;
}

/**
 * The text engine (issue 6): dedupe of generated reflections with planted copies, end to end (index +
 * candidate verification), against an exact-hash baseline in the same run. No database.
 */
async function benchText(docs: number) {
  console.log(`\n[text] dedupe of ${docs.toLocaleString('en')} generated reflections (one featurizing thread per core, as the server runs it)...`);
  const t = performance.now();
  const r = await runParallelDedupeBench(docs, 1);
  const out = {
    ...r,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), wallSeconds: +((performance.now() - t) / 1000).toFixed(1),
  };
  for (const [k, v] of Object.entries(out)) console.log(`  ${k.padEnd(28)} ${v}`);
  return out;
}

async function main() {
  console.log(`Quán Triệt benchmark: ${MEMBERS.toLocaleString('en')} members, engines ${ENGINES.join(', ')}, ${os.cpus().length} cores, node ${process.version}`);
  // BENCH_TEXT_DOCS=0 skips the text engine; BENCH_ENGINES= (empty) skips the databases. A partial run
  // of the databases (BENCH_ONLY=rush or campaign) leaves the text engine out unless asked for.
  const partialDb = process.env.BENCH_ONLY === 'rush' || process.env.BENCH_ONLY === 'campaign';
  const textDocs = Number(process.env.BENCH_TEXT_DOCS ?? (partialDb ? 0 : 500_000));
  const text = textDocs > 0 ? await benchText(textDocs) : null;
  const sheet = process.env.BENCH_ONLY ? Buffer.alloc(0) : await buildLargeSheet(50_000);
  const results: Array<Record<string, string | number>> = [];
  for (const engine of ENGINES.filter(Boolean)) {
    console.log(`\n[${engine}] seeding and measuring...`);
    const r = await benchEngine(engine, sheet);
    results.push(r);
    for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(28)} ${v}`);
  }
  if (process.env.BENCH_ONLY) return; // a partial run does not replace the recorded figures
  // A partial run (BENCH_ONLY) is not a record of the benchmark: it goes to a scratch file.
  const file = path.join(process.env.BENCH_ONLY ? os.tmpdir() : import.meta.dirname, 'last-run.json');
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), members: MEMBERS, results, text }, null, 2));
  const each = (key: string) => results.map((r) => `${r.engine} ${ms(Number(r[key]))}`).join(', ');
  console.log(`\nWritten to ${file}; the figures that matter: roll-up p95 ${each('rollupP95Ms')}; coverage p95 ${each('coverageRootP95Ms')}; check-in p99 ${each('checkin50P99Ms')} (50 in flight); reflection stats p95 ${each('reflectionStatsRootP95Ms')}; rush p99 ${each('rushP99Ms')}`);
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
