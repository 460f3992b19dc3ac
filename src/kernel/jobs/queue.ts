/**
 * The background job queue on the `jobs` table (jobs.table.ts), the same on PGlite and PostgreSQL.
 *
 * - enqueue: a job with a key waits at most once at a time (partial unique index on the queued
 *   state): asking again while it waits is a no-op, so a burst of submissions makes one job.
 * - claim: the due job waiting longest, locked with FOR UPDATE SKIP LOCKED so concurrent workers
 *   (several server processes on PostgreSQL) never take the same one; a job whose key already has
 *   a running job waits for it (two rebuilds of one campaign's index never overlap).
 * - complete / fail: failure retries with an exponential delay until `maxAttempts`, then stays failed.
 * - requeueStale: a running job whose worker died (locked_at not refreshed for `staleAfterMs`) goes
 *   back to the queue, or fails once its attempts are spent.
 * Every call is one short statement: nothing here holds a transaction while a job works.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { newId } from '../db/columns.js';

export interface Job {
  tenantId: string;
  id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  /** Attempts so far, this one included once claimed. */
  attempts: number;
}

export interface EnqueueInput {
  tenantId: string;
  kind: string;
  key: string;
  payload?: Record<string, unknown>;
  /** Not before this instant (default: now). */
  runAfter?: Date;
  /** Not before this many seconds from now, by the database clock (overrides runAfter); SQL for a computed delay. */
  delaySeconds?: number | SQL;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Delay before the next attempt, after `attempts` failed ones. */
  backoffMs: (attempts: number) => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  backoffMs: (attempts) => Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1)),
};

const toJob = (r: Record<string, unknown>): Job => ({
  tenantId: r.tenant_id as string, id: r.id as string, kind: r.kind as string, key: r.key as string,
  payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload ?? {}) as Record<string, unknown>,
  attempts: Number(r.attempts),
});

/** Queues a job unless one with the same (tenant, kind, key) is already waiting; `created` says which. */
export async function enqueue(exec: Executor, input: EnqueueInput): Promise<{ created: boolean; id: string | null }> {
  const rows = await queryRows<{ id: string }>(exec, sql`${enqueueSql(input)} returning id`);
  return { created: rows.length > 0, id: rows[0]?.id ?? null };
}

/**
 * `enqueue` as an INSERT statement, for a write done in a single statement (a data-modifying CTE):
 * queued only when `when` (SQL) holds, e.g. when the CTE's own insert happened.
 */
export function enqueueSql(input: EnqueueInput, when: SQL = sql`true`): SQL {
  const runAfter = input.delaySeconds !== undefined
    ? sql`now() + make_interval(secs => ${input.delaySeconds}::double precision)`
    : input.runAfter ? sql`${input.runAfter.toISOString()}::timestamptz` : sql`now()`;
  return sql`insert into jobs (tenant_id, id, kind, key, payload, state, run_after)
    select ${input.tenantId}::uuid, ${newId()}::uuid, ${input.kind}::text, ${input.key}::text, ${JSON.stringify(input.payload ?? {})}::jsonb, 'queued', ${runAfter}
    where ${when}
    on conflict (tenant_id, kind, key) where state = 'queued' do nothing`;
}

/** Takes the due job of one of `kinds` that has waited longest (state running, one more attempt), or null. */
export async function claim(exec: Executor, kinds: string[]): Promise<Job | null> {
  if (kinds.length === 0) return null;
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  const rows = await queryRows<Record<string, unknown>>(exec, sql`update jobs j
    set state = 'running', locked_at = now(), attempts = j.attempts + 1, last_error = null
    where (j.tenant_id, j.id) = (
      select q.tenant_id, q.id from jobs q
      where q.state = 'queued' and q.run_after <= now() and q.kind in (${kindList})
        and not exists (select 1 from jobs r where r.tenant_id = q.tenant_id and r.kind = q.kind and r.key = q.key and r.state = 'running')
      order by q.run_after, q.id
      limit 1
      for update skip locked)
    and j.state = 'queued'
    returning j.tenant_id, j.id, j.kind, j.key, j.payload, j.attempts`);
  return rows[0] ? toJob(rows[0]) : null;
}

/** Keeps a running job from looking abandoned (call while a long job works). */
export async function heartbeat(exec: Executor, job: Pick<Job, 'tenantId' | 'id'>): Promise<void> {
  await exec.execute(sql`update jobs set locked_at = now() where tenant_id = ${job.tenantId}::uuid and id = ${job.id}::uuid and state = 'running'`);
}

export async function complete(exec: Executor, job: Pick<Job, 'tenantId' | 'id'>): Promise<void> {
  await exec.execute(sql`update jobs set state = 'done', finished_at = now(), locked_at = null
    where tenant_id = ${job.tenantId}::uuid and id = ${job.id}::uuid`);
}

/**
 * Records a failure: back to the queue after the policy's delay, or failed for good once the attempts
 * are spent. When the same key was queued again meanwhile, that newer job does the work: this one fails.
 */
export async function fail(exec: Executor, job: Job, error: unknown, policy: RetryPolicy = DEFAULT_RETRY): Promise<'retry' | 'failed'> {
  const message = (error instanceof Error ? error.stack ?? error.message : String(error)).slice(0, 4000);
  if (job.attempts < policy.maxAttempts && (await backToQueue(exec, job, policy.backoffMs(job.attempts) / 1000, message))) return 'retry';
  await exec.execute(sql`update jobs set state = 'failed', finished_at = now(), locked_at = null, last_error = ${message}
    where tenant_id = ${job.tenantId}::uuid and id = ${job.id}::uuid`);
  return 'failed';
}

/** Puts a claimed job back without counting the attempt (the worker is stopping). */
export async function release(exec: Executor, job: Job): Promise<void> {
  const back = await backToQueue(exec, { ...job, attempts: job.attempts - 1 }, 0, null, true);
  if (!back) await complete(exec, job); // the same key is queued again: that job does the work
}

async function backToQueue(exec: Executor, job: Job, delaySeconds: number, message: string | null, uncount = false): Promise<boolean> {
  try {
    const rows = await queryRows(exec, sql`update jobs j set state = 'queued', locked_at = null, last_error = ${message},
        run_after = now() + make_interval(secs => ${delaySeconds}::double precision),
        attempts = ${uncount ? sql`greatest(0, j.attempts - 1)` : sql`j.attempts`}
      where j.tenant_id = ${job.tenantId}::uuid and j.id = ${job.id}::uuid and j.state = 'running'
        and not exists (select 1 from jobs q where q.tenant_id = j.tenant_id and q.kind = j.kind and q.key = j.key and q.state = 'queued')
      returning j.id`);
    return rows.length > 0;
  } catch {
    return false; // the key was queued again at the same instant (unique index): let that job do it
  }
}

/**
 * Jobs left running by a worker that died (locked_at older than `staleAfterMs`): queued again, or
 * failed when their attempts are spent or the same key already waits. Returns how many were touched.
 */
export async function requeueStale(exec: Executor, staleAfterMs: number, policy: RetryPolicy = DEFAULT_RETRY): Promise<number> {
  const stale = await queryRows<Record<string, unknown>>(exec, sql`select tenant_id, id, kind, key, payload, attempts from jobs
    where state = 'running' and locked_at < now() - make_interval(secs => ${staleAfterMs / 1000}::double precision)
    order by locked_at limit 100`);
  for (const row of stale) {
    const job = toJob(row);
    const back = job.attempts < policy.maxAttempts && (await backToQueue(exec, job, 0, 'worker stopped while running the job'));
    if (!back) {
      await exec.execute(sql`update jobs set state = 'failed', finished_at = now(), locked_at = null,
          last_error = 'worker stopped while running the job'
        where tenant_id = ${job.tenantId}::uuid and id = ${job.id}::uuid and state = 'running'`);
    }
  }
  return stale.length;
}

/** Forgets jobs done more than `days` ago (failed ones stay, with their error, for whoever looks into them). */
export async function purgeDone(exec: Executor, days = 7): Promise<void> {
  await exec.execute(sql`delete from jobs where state = 'done' and finished_at < now() - make_interval(days => ${days}::int)`);
}

/** Whether a job of this kind and key is waiting or running (a screen says "being updated"). */
export async function isPending(exec: Executor, tenantId: string, kind: string, key: string): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 as ok from jobs where tenant_id = ${tenantId} and kind = ${kind}
    and key = ${key} and state in ('queued', 'running') limit 1`);
  return rows.length > 0;
}
