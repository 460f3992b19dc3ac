/**
 * The reflection issue's deadline rush: members submit their reflection (typed text + one 1 MB photo)
 * at RUSH_RATE per second for RUSH_SECONDS through the real HTTP server (multipart parsing, content
 * checks, re-encoding, fsync of the file, the row) on PostgreSQL, with the server's background jobs
 * running as in production (the copy index and the recommendation pools the typed texts ask for). The
 * load comes from a worker thread (bench/rush-worker.mjs), open loop. Then every 201 is checked against
 * the database: 0 lost means every receipt handed out names a stored version whose file is on disk; and
 * the background jobs are waited for, to report when the officers' lists caught up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/kernel/db/client.js';
import { newId } from '../src/kernel/db/columns.js';
import { localFileStore } from '../src/kernel/files/store.js';
import { buildApp } from '../src/server/app.js';
import { startBackgroundJobs } from '../src/server/background.js';
import { loadConfig } from '../src/server/config.js';
import { issuedCampaign } from '../test/campaign-factories.js';
import type { TestTenant } from '../test/factories.js';

const RATE = Number(process.env.RUSH_RATE ?? 100);
const SECONDS = Number(process.env.RUSH_SECONDS ?? 60);
const P99_TARGET_MS = 1000;

interface Result { status: number; fromDue: number; fromSent: number; receipt: string | null; error: string | null }

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]; };

/** A photographed page of about 1 MB (noise compresses badly, like paper grain in a phone photo). */
async function pagePhoto(): Promise<Buffer> {
  let side = 1100;
  for (;;) {
    const jpeg = await sharp({ create: { width: Math.round(side * 0.75), height: side, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 200, sigma: 18 } } })
      .jpeg({ quality: 82 }).toBuffer();
    if (jpeg.length >= 1_000_000 || side > 4000) return jpeg;
    side = Math.round(side * Math.sqrt(1_050_000 / jpeg.length));
  }
}

const TEXT = Array.from({ length: 30 }, (_, i) => `Qua nghiên cứu, học tập Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI, bản thân tôi nhận thức sâu sắc hơn về mục tiêu, nhiệm vụ và giải pháp phát triển của tỉnh trong nhiệm kỳ 2025–2030 (đoạn ${i + 1}).`).join(' ');

/**
 * CPU time (user + system, ms) of the PostgreSQL server: the postmaster, every process it runs now
 * (backends, checkpointer, WAL writer, autovacuum) and those that ended since it started (its reaped
 * children's time), so a connection closed during the rush still counts; null off Linux.
 */
async function pgServerCpuMs(db: Database['db']): Promise<number | null> {
  try {
    const [{ pid }] = await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`);
    const postmaster = Number(/PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    const tick = 1000 / 100; // USER_HZ
    const stat = (p: number) => fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
    const own = stat(postmaster);
    let total = own[11] + own[12] + own[13] + own[14]; // utime, stime, cutime, cstime
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = stat(Number(entry));
        if (f[1] === postmaster) total += f[11] + f[12]; // a live child: its own time
      } catch { /* ended meanwhile: counted in cutime once reaped */ }
    }
    return total * tick;
  } catch {
    return null;
  }
}

export async function benchReflectionRush(database: Database, tenantId: string, rootId: string, out: Record<string, string | number>) {
  const db = database.db;
  const total = RATE * SECONDS;
  const { campaignId } = await issuedCampaign(db, { tenantId, rootId, levels: {} } as unknown as TestTenant);
  // One member account per submission, with a session, as members signed in on their phones.
  const members = await queryRows<{ id: string }>(db, sql`select id from members where tenant_id = ${tenantId} and left_at is null order by id limit ${total}`);
  const cookies: string[] = [];
  for (let i = 0; i < members.length; i += 1000) {
    const chunk = members.slice(i, i + 1000).map((m) => ({ member: m.id, user: newId(), token: randomBytes(24).toString('base64url') }));
    await db.execute(sql`insert into users (tenant_id, id, username, password_hash, display_name, member_id)
      select ${tenantId}, u, 'rush' || replace(u::text, '-', ''), 'x', 'Đảng viên', m
      from unnest(${`{${chunk.map((c) => c.user).join(',')}}`}::uuid[], ${`{${chunk.map((c) => c.member).join(',')}}`}::uuid[]) as t(u, m)`);
    await db.execute(sql`insert into sessions (token_hash, tenant_id, user_id, expires_at)
      select h, ${tenantId}, u, now() + interval '2 hours'
      from unnest(${`{${chunk.map((c) => createHash('sha256').update(c.token).digest('hex')).join(',')}}`}::text[], ${`{${chunk.map((c) => c.user).join(',')}}`}::uuid[]) as t(h, u)`);
    cookies.push(...chunk.map((c) => `qt_session=${c.token}`));
  }
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qt-rush-'));
  const files = localFileStore(filesDir);
  process.env.QT_LOG ??= 'silent';
  const app = await buildApp({ database, config: { ...loadConfig(), demo: false }, files });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const jobs = startBackgroundJobs(db, { onError: (err, job) => console.log(`  [postgres] background job ${job?.kind ?? ''} failed: ${String(err)}`) });
  const image = await pagePhoto();
  console.log(`  [postgres] rush: ${total} submissions at ${RATE}/s, text ${TEXT.length} chars + photo ${(image.length / 1e6).toFixed(2)} MB`);
  try {
    const pg0 = await pgServerCpuMs(db);
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const worker = new Worker(new URL('./rush-worker.mjs', import.meta.url), { workerData: { url, rate: RATE, seconds: SECONDS, cookies, image, campaignId, text: TEXT } });
    const { results, wallMs } = await new Promise<{ results: Result[]; wallMs: number }>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const pg1 = await pgServerCpuMs(db);
    const rushEnded = Date.now();
    await worker.terminate();
    // Background jobs: how many ran during the rush, and when the last one finished after it.
    // Begun before the end of the rush: finished before it, or still running at its end (a finished
    // job's lock time is cleared; no job was queued before the rush began; a failure is logged above).
    const endedAt = new Date(rushEnded).toISOString();
    const [{ during }] = await queryRows<{ during: number }>(db, sql`select count(*)::int as during from jobs
      where tenant_id = ${tenantId} and ((state = 'done' and finished_at < ${endedAt}::timestamptz)
        or (state = 'running' and locked_at < ${endedAt}::timestamptz))`);
    const ranDuring = Number(during);
    for (let waited = 0; waited < 600_000; waited += 1000) {
      const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from jobs where tenant_id = ${tenantId} and state in ('queued', 'running')`);
      if (Number(n) === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const [{ last }] = await queryRows<{ last: string | null }>(db, sql`select max(finished_at)::text as last from jobs where tenant_id = ${tenantId} and state = 'done'`);
    const ok = results.filter((r) => r.status === 201);
    const errors = results.filter((r) => r.status !== 201);
    const stored = await queryRows<{ receipt_number: string; pages: Array<{ fileHash: string }> }>(db, sql`select v.receipt_number, v.pages
      from reflection_versions v join reflections r on r.tenant_id = v.tenant_id and r.id = v.reflection_id
      where r.tenant_id = ${tenantId} and r.campaign_id = ${campaignId}::uuid`);
    const byReceipt = new Map(stored.map((s) => [s.receipt_number, s]));
    const lost = ok.filter((r) => { const s = r.receipt && byReceipt.get(r.receipt); return !s || !s.pages.every((p) => fs.existsSync(path.join(filesDir, p.fileHash.slice(0, 2), p.fileHash))); });
    const lat = ok.map((r) => r.fromDue);
    Object.assign(out, {
      rushSubmissions: total, rushRatePerSecond: RATE, rushPhotoBytes: image.length,
      rushOk: ok.length, rushErrors: errors.length, rushLost: lost.length,
      rushP50Ms: +quantile(lat, 0.5).toFixed(1), rushP95Ms: +quantile(lat, 0.95).toFixed(1), rushP99Ms: +quantile(lat, 0.99).toFixed(1), rushMaxMs: +Math.max(...lat).toFixed(1),
      rushServiceP50Ms: +quantile(ok.map((r) => r.fromSent), 0.5).toFixed(1),
      rushAchievedPerSecond: +(ok.length / (wallMs / 1000)).toFixed(1),
      // Node's CPU (server and load generator, one process; PostgreSQL not included) per submission.
      rushNodeCpuMsPerSubmission: +((cpu.user + cpu.system) / 1000 / total).toFixed(1),
      // PostgreSQL's CPU (the whole server, when /proc can be read) per submission.
      ...(pg0 !== null && pg1 !== null ? { rushPgCpuMsPerSubmission: +((pg1 - pg0) / total).toFixed(1) } : {}),
      // Share of the time the server's event loop was busy during the rush (what background jobs watch).
      rushServerEventLoopUtilization: +elu.utilization.toFixed(2),
      // Copy index and recommendation pools: runs begun during the rush (they wait while the server is
      // busy), and seconds from the end of the rush until the last of them had finished.
      rushBackgroundJobsDuring: ranDuring,
      rushBackgroundCaughtUpSeconds: last ? +Math.max(0, (new Date(last).getTime() - rushEnded) / 1000).toFixed(1) : -1,
    });
    if (errors.length) console.log(`  [postgres] rush errors (first 3): ${errors.slice(0, 3).map((e) => `${e.status} ${e.error}`).join(' | ')}`);
    const verdict = out.rushP99Ms as number <= P99_TARGET_MS && errors.length === 0 && lost.length === 0 ? 'meets' : 'MISSES';
    console.log(`  [postgres] rush p50 ${out.rushP50Ms} ms, p99 ${out.rushP99Ms} ms, ${errors.length} errors, ${lost.length} lost — ${verdict} the target (p99 ≤ ${P99_TARGET_MS} ms, 0 errors, 0 lost)`);
  } finally {
    await jobs.stop();
    await app.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
