import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { queryRows, type Executor } from '../db/client.js';
import { newId } from '../db/columns.js';
import { claim, complete, enqueue, fail, purgeDone, requeueStale } from './queue.js';
import { startJobWorker } from './worker.js';

const jobRows = (exec: Executor, tenantId: string) => queryRows<{ id: string; key: string; state: string; attempts: number; last_error: string | null; due_in: number }>(exec,
  sql`select id, key, state, attempts, last_error, extract(epoch from run_after - now())::float8 as due_in from jobs where tenant_id = ${tenantId}::uuid order by created_at, id`);

describeEngines('job queue', (ctx) => {
  it('keeps one waiting job per key: enqueuing again while it waits adds nothing', async () => {
    const tenantId = newId();
    const first = await enqueue(ctx.db, { tenantId, kind: 'copy-index', key: 'c1', delaySeconds: 30 });
    const again = await enqueue(ctx.db, { tenantId, kind: 'copy-index', key: 'c1', delaySeconds: 30 });
    const other = await enqueue(ctx.db, { tenantId, kind: 'copy-index', key: 'c2' });
    expect([first.created, again.created, other.created]).toEqual([true, false, true]);
    const rows = await jobRows(ctx.db, tenantId);
    expect(rows.map((r) => r.key)).toEqual(['c1', 'c2']);
    expect(rows[0].due_in).toBeGreaterThan(25);
    // Not due yet: only c2 can be claimed. Once c2 runs, the same key may be queued again.
    const claimed = await claim(ctx.db, ['copy-index']);
    expect(claimed?.key).toBe('c2');
    expect(await claim(ctx.db, ['copy-index'])).toBeNull();
    expect((await enqueue(ctx.db, { tenantId, kind: 'copy-index', key: 'c2' })).created).toBe(true);
    // … but it waits while the running one works on the same key.
    expect(await claim(ctx.db, ['copy-index'])).toBeNull();
    await complete(ctx.db, claimed!);
    expect((await claim(ctx.db, ['copy-index']))?.key).toBe('c2');
  });

  it('retries a failing job with a growing delay, then leaves it failed', async () => {
    const tenantId = newId();
    await enqueue(ctx.db, { tenantId, kind: 'flaky', key: 'k' });
    const policy = { maxAttempts: 3, backoffMs: () => 0 };
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const job = await claim(ctx.db, ['flaky']);
      expect(job?.attempts).toBe(i + 1);
      outcomes.push(await fail(ctx.db, job!, new Error(`hỏng lần ${i + 1}`), policy));
    }
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);
    expect(await claim(ctx.db, ['flaky'])).toBeNull();
    const [row] = await jobRows(ctx.db, tenantId);
    expect(row).toMatchObject({ state: 'failed', attempts: 3 });
    expect(row.last_error).toContain('hỏng lần 3');
    // The default policy waits before the next attempt.
    await enqueue(ctx.db, { tenantId, kind: 'flaky', key: 'k2' });
    const job = await claim(ctx.db, ['flaky']);
    expect(await fail(ctx.db, job!, new Error('x'))).toBe('retry');
    expect((await jobRows(ctx.db, tenantId)).find((r) => r.key === 'k2')!.due_in).toBeGreaterThan(20);
  });

  it('queues again a job whose worker died, and fails it once its attempts are spent', async () => {
    const tenantId = newId();
    await enqueue(ctx.db, { tenantId, kind: 'stale', key: 'k' });
    await claim(ctx.db, ['stale']);
    await ctx.db.execute(sql`update jobs set locked_at = now() - interval '1 hour' where tenant_id = ${tenantId}::uuid`);
    expect(await requeueStale(ctx.db, 60_000)).toBeGreaterThanOrEqual(1);
    expect((await jobRows(ctx.db, tenantId))[0]).toMatchObject({ state: 'queued', attempts: 1 });
    const again = await claim(ctx.db, ['stale']);
    expect(again?.attempts).toBe(2);
    await ctx.db.execute(sql`update jobs set locked_at = now() - interval '1 hour' where tenant_id = ${tenantId}::uuid`);
    await requeueStale(ctx.db, 60_000, { maxAttempts: 2, backoffMs: () => 0 });
    expect((await jobRows(ctx.db, tenantId))[0]).toMatchObject({ state: 'failed' });
  });

  it('forgets jobs done a week ago, and keeps recent and failed ones', async () => {
    const tenantId = newId();
    for (const key of ['old', 'recent', 'broken']) await enqueue(ctx.db, { tenantId, kind: 'purge', key });
    for (let i = 0; i < 3; i++) {
      const job = (await claim(ctx.db, ['purge']))!;
      if (job.key === 'broken') await fail(ctx.db, job, new Error('x'), { maxAttempts: 1, backoffMs: () => 0 });
      else await complete(ctx.db, job);
    }
    await ctx.db.execute(sql`update jobs set finished_at = now() - interval '8 days' where tenant_id = ${tenantId}::uuid and key in ('old', 'broken')`);
    await purgeDone(ctx.db);
    expect((await jobRows(ctx.db, tenantId)).map((r) => r.key).sort()).toEqual(['broken', 'recent']);
  });

  it('runs the handler of each claimed job and marks it done; a throwing handler is retried', async () => {
    const tenantId = newId();
    const seen: string[] = [];
    let calls = 0;
    const worker = startJobWorker(ctx.db, {
      greet: async (job) => { seen.push(`${job.key}:${String(job.payload.name)}`); },
      flaky: async () => { calls++; if (calls === 1) throw new Error('lần đầu hỏng'); },
    }, { intervalMs: 60_000, retry: { maxAttempts: 3, backoffMs: () => 0 }, onError: () => undefined });
    try {
      await enqueue(ctx.db, { tenantId, kind: 'greet', key: 'a', payload: { name: 'An' } });
      await enqueue(ctx.db, { tenantId, kind: 'flaky', key: 'b' });
      await enqueue(ctx.db, { tenantId, kind: 'unknown', key: 'c' });
      expect(await worker.drain()).toBe(3); // greet, flaky (fails), flaky again (succeeds)
      expect(seen).toEqual(['a:An']);
      expect(calls).toBe(2);
      const states = Object.fromEntries((await jobRows(ctx.db, tenantId)).map((r) => [r.key, r.state]));
      expect(states).toEqual({ a: 'done', b: 'done', c: 'queued' });
    } finally {
      await worker.stop();
    }
  });

  it('never gives the same job to two concurrent claims', async () => {
    if (ctx.engine !== 'postgres') return; // PGlite has a single connection: claims cannot overlap
    const tenantId = newId();
    for (let i = 0; i < 40; i++) await enqueue(ctx.db, { tenantId, kind: 'race', key: `k${i}` });
    const taken: string[] = [];
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (;;) {
        const job = await claim(ctx.db, ['race']);
        if (!job) return;
        taken.push(job.id);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        await complete(ctx.db, job);
      }
    }));
    expect(taken).toHaveLength(40);
    expect(new Set(taken).size).toBe(40);
    expect((await jobRows(ctx.db, tenantId)).every((r) => r.state === 'done' && r.attempts === 1)).toBe(true);
  });

  it('lets background kinds wait while the server is busy, and not longer than their limit', async () => {
    const tenantId = newId();
    const [background, urgent] = [`index-${tenantId}`, `notify-${tenantId}`];
    const ran: string[] = [];
    const handlers = { [background]: async () => { ran.push('background'); }, [urgent]: async () => { ran.push('urgent'); } };
    let busy = true;
    let resets = 0;
    const load = { busy: () => busy, reset: () => { resets++; } };
    const worker = startJobWorker(ctx.db, handlers, { intervalMs: 60_000, deferWhenBusy: { kinds: [background], load } });
    const impatient = startJobWorker(ctx.db, handlers, { intervalMs: 60_000, deferWhenBusy: { kinds: [background], load, maxDeferMs: 0 } });
    try {
      await enqueue(ctx.db, { tenantId, kind: background, key: 'a' });
      await enqueue(ctx.db, { tenantId, kind: urgent, key: 'b' });
      expect(await worker.drain()).toBe(1);
      expect(ran).toEqual(['urgent']);
      expect(resets).toBe(1); // the next round judges the load from here, not from the jobs' own work
      expect(await worker.drain()).toBe(0); // still busy: it waits
      busy = false;
      expect(await worker.drain()).toBe(1);
      expect(ran).toEqual(['urgent', 'background']);
      // Waiting has a limit: past it, the background job runs although the server is busy.
      busy = true;
      await enqueue(ctx.db, { tenantId, kind: background, key: 'c' });
      expect(await impatient.drain()).toBe(1);
      expect(ran).toEqual(['urgent', 'background', 'background']);
    } finally {
      await worker.stop();
      await impatient.stop();
    }
  });
});
