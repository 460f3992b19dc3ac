import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { insertTypedReflection, issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { startJobWorker } from '../../kernel/jobs/worker.js';
import { RESOLUTION_SENTENCES } from '../../text/testing/essay-bank.js';
import { changeWords, generateEssay, RESOLUTION_TEXT, Rng } from '../../text/testing/essays.js';
import { copyJobHandlers, requestCopyIndex } from './index.js';
import { multipartFiles } from '../reflections/reflections.test-fixtures.js';

interface Side { visible: boolean; reflectionId: string | null; label: string; writerName: string | null; branchId: string | null }
interface Pair { score: number; a: Side; b: Side }

describeApp('copies', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });

  const addReflection = (tenantId: string, campaignId: string, memberId: string, text: string) =>
    insertTypedReflection(ctx.db, tenantId, campaignId, memberId, text);

  /**
   * Province campaign quoting the generated Resolution. Planted: member 3 (branch 1) copies member 0
   * (branch 0, same grassroots org); member 21 (branch 7, other commune) copies member 1 (branch 0).
   * Member 6 mostly quotes the Resolution; six more write their own.
   */
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId, resolutionId } = await issuedCampaign(ctx.db, p);
    await ctx.db.execute(sql`insert into resolution_documents (tenant_id, id, resolution_id, kind, title, body)
      values (${p.tenantId}, ${newId()}, ${resolutionId}, 'resolution', 'Nghị quyết Đại hội', ${RESOLUTION_TEXT})`);
    const rng = new Rng(9);
    const e1 = generateEssay(101).text, e2 = generateEssay(202).text;
    const r = {
      original1: await addReflection(p.tenantId, campaignId, p.members[0], e1),
      copy1: await addReflection(p.tenantId, campaignId, p.members[3], changeWords(e1, rng, 0.08)),
      original2: await addReflection(p.tenantId, campaignId, p.members[1], e2),
      copy2: await addReflection(p.tenantId, campaignId, p.members[21], changeWords(e2, rng, 0.05)),
      quoting: await addReflection(p.tenantId, campaignId, p.members[6], `Bài thu hoạch của tôi. ${RESOLUTION_SENTENCES.slice(0, 10).join('. ')}.`),
      own: [] as string[],
    };
    for (const [i, m] of [9, 12, 15, 18, 2, 4].entries()) r.own.push(await addReflection(p.tenantId, campaignId, p.members[m], generateEssay(300 + i).text));
    const cookie = async (grants: Parameters<typeof createUser>[2], memberId: string | null = null) =>
      sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, grants, memberId));
    return {
      p, campaignId, r,
      province: await cookie([{ role: 'propaganda_officer', orgId: p.rootId }]),
      commune0: await cookie([{ role: 'propaganda_officer', orgId: p.communes[0] }]),
      branch0: await cookie([{ role: 'branch_committee', orgId: p.branches[0] }]),
    };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  async function runQueuedJob(s: Setup) {
    await requestCopyIndex(ctx.db, s.p.tenantId, s.campaignId);
    await ctx.db.execute(sql`update jobs set run_after = now() where tenant_id = ${s.p.tenantId} and state = 'queued'`);
    const worker = startJobWorker(ctx.db, copyJobHandlers, { intervalMs: 60_000 });
    try { expect(await worker.drain()).toBeGreaterThanOrEqual(1); } finally { await worker.stop(); }
  }
  const pairKey = (a: string, b: string) => [a, b].sort().join('|');

  it('flags the planted copies and nothing else, and measures what comes from the Resolution', async () => {
    const s = await setup();
    await runQueuedJob(s);
    const pairs = await queryRows<{ a: string; b: string; score: number }>(ctx.db, sql`select reflection_a as a, reflection_b as b, score
      from reflection_copy_pairs where tenant_id = ${s.p.tenantId} and campaign_id = ${s.campaignId}::uuid`);
    expect(pairs.map((x) => pairKey(x.a, x.b)).sort()).toEqual([pairKey(s.r.original1, s.r.copy1), pairKey(s.r.original2, s.r.copy2)].sort());
    for (const x of pairs) { expect(x.a < x.b).toBe(true); expect(Number(x.score)).toBeGreaterThan(0.5); }
    const shares = new Map((await queryRows<{ id: string; share: number }>(ctx.db, sql`select reflection_id as id, share from reflection_source_shares
      where tenant_id = ${s.p.tenantId}`)).map((x) => [x.id, Number(x.share)]));
    expect(shares.size).toBe(11);
    expect(shares.get(s.r.quoting)).toBeGreaterThan(0.8);
    for (const id of s.r.own) expect(shares.get(id)).toBeLessThan(0.4);
    const [run] = await queryRows<{ documents: number; pairs: number }>(ctx.db, sql`select documents, pairs from reflection_copy_runs where tenant_id = ${s.p.tenantId}`);
    expect(run).toMatchObject({ documents: 11, pairs: 2 });
    const jobs = await queryRows<{ state: string }>(ctx.db, sql`select state from jobs where tenant_id = ${s.p.tenantId}`);
    expect(jobs.map((j) => j.state)).toEqual(['done']);
  });

  it('lists possible copies per org, naming only the writers the viewer may read', async () => {
    const s = await setup();
    await runQueuedJob(s);
    const list = async (cookie: string, orgId?: string) => {
      const res = await get(`/api/campaigns/${s.campaignId}/possible-copies${orgId ? `?orgId=${orgId}` : ''}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; orgId: string; pairs: Pair[]; lastRun: { documents: number } | null; pending: boolean };
    };
    const province = await list(s.province);
    expect(province).toMatchObject({ total: 2, orgId: s.p.rootId, lastRun: { documents: 11 }, pending: false });
    expect(province.pairs[0].score).toBeGreaterThanOrEqual(province.pairs[1].score);
    expect(province.pairs.every((x) => x.a.visible && x.b.visible && x.a.writerName && x.b.branchId)).toBe(true);
    // The commune sees both pairs (each has a side in it); the writer in the other commune is hidden.
    const commune = await list(s.commune0);
    expect(commune.orgId).toBe(s.p.communes[0]);
    const across = commune.pairs.find((x) => !x.b.visible)!;
    expect(across.a.reflectionId).toBe(s.r.original2);
    expect(across.b).toEqual({ visible: false, reflectionId: null, label: 'Một bài ở đơn vị khác', writerName: null, branchId: null, branchName: null, unitName: null, sourceShare: null });
    expect(commune.pairs.filter((x) => x.a.visible && x.b.visible)).toHaveLength(1);
    // A branch committee opens on its branch: both pairs, the other side (another branch) hidden each time.
    const branch = await list(s.branch0);
    expect(branch.orgId).toBe(s.p.branches[0]);
    expect(branch.pairs.map((x) => [x.a.visible, x.b.visible])).toEqual([[true, false], [true, false]]);
    expect(JSON.stringify(branch)).not.toContain(s.r.copy1);
    // An org outside the viewer's scope, and a plain member: nothing.
    expect((await get(`/api/campaigns/${s.campaignId}/possible-copies?orgId=${s.p.communes[1]}`, s.commune0)).statusCode).toBe(404);
    const member = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [], s.p.members[0]));
    expect([403, 404]).toContain((await get(`/api/campaigns/${s.campaignId}/possible-copies`, member)).statusCode);
  });

  it('shows a reflection\'s matches side by side to who may read both, and the Resolution passages', async () => {
    const s = await setup();
    await runQueuedJob(s);
    const check = async (id: string, cookie: string) => {
      const res = await get(`/api/reflections/${id}/copy-check`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const full = await check(s.r.original1, s.province);
    expect(full).toMatchObject({ typed: true, stale: false, pending: false, lastRun: { pairs: 2 } });
    expect(full.matches).toHaveLength(1);
    expect(full.matches[0].other).toMatchObject({ visible: true, reflectionId: s.r.copy1, writerName: 'Nguyễn Văn An' });
    expect(full.matches[0].passages.length).toBeGreaterThan(0);
    const longest = full.matches[0].passages.reduce((x: { syllables: number }, y: { syllables: number }) => (y.syllables > x.syllables ? y : x));
    expect(longest.mine.match.split(' … ')[0].length).toBeGreaterThan(30);
    expect(generateEssay(101).text.replace(/\s+/g, ' ')).toContain(longest.mine.match.split(' … ')[0].replace(/\s+/g, ' '));
    // The branch committee grades original1 but may not read the copy in branch 1: just that a copy exists.
    const branch = await check(s.r.original1, s.branch0);
    expect(branch.matches).toEqual([{ score: full.matches[0].score, passages: [], other: expect.objectContaining({ visible: false, label: 'Một bài ở đơn vị khác' }) }]);
    // Quoting the Resolution: a high share and the passages with the document's title.
    const quoting = await check(s.r.quoting, s.province);
    expect(quoting.sourceShare).toBeGreaterThan(0.8);
    expect(quoting.matches).toEqual([]);
    expect(quoting.resolution.length).toBeGreaterThan(0);
    expect(quoting.resolution[0]).toMatchObject({ documentTitle: 'Nghị quyết Đại hội' });
    // The writer sees their own check; a member of another branch, and a committee elsewhere, get 404.
    const own = await check(s.r.original1, await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [], s.p.members[0])));
    expect(own.matches[0].other.visible).toBe(false);
    const stranger = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [], s.p.members[12]));
    expect((await get(`/api/reflections/${s.r.original1}/copy-check`, stranger)).statusCode).toBe(404);
    expect((await get(`/api/reflections/${s.r.copy2}/copy-check`, s.branch0)).statusCode).toBe(404);
    expect((await get(`/api/reflections/${newId()}/copy-check`, s.province)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/reflections/${s.r.original1}/copy-check` })).statusCode).toBe(401);
  });

  it('shows markers receipt numbers, not writers, under anonymous marking', async () => {
    const s = await setup();
    await runQueuedJob(s);
    await ctx.db.execute(sql`insert into reflection_settings (tenant_id, campaign_id, anonymous_marking, updated_by)
      values (${s.p.tenantId}, ${s.campaignId}, true, ${newId()})`);
    const marker = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [{ role: 'branch_committee', orgId: s.p.grassroots[0] }]));
    const res = (await get(`/api/reflections/${s.r.original1}/copy-check`, marker)).json();
    expect(res.matches[0].other).toMatchObject({ visible: true, writerName: null, label: expect.stringMatching(/^Bài số BTH-T-/) });
    expect(res.matches[0].passages.length).toBeGreaterThan(0);
    const secretary = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [{ role: 'branch_secretary', orgId: s.p.grassroots[0] }]));
    expect((await get(`/api/reflections/${s.r.original1}/copy-check`, secretary)).json().matches[0].other.writerName).toBe('Nguyễn Văn An');
  });

  it('asks for one rebuild, half a minute later, however many reflections come in (and the pools take them in too)', async () => {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    for (const m of [0, 1, 2]) {
      const cookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], p.members[m]));
      const body = multipartFiles({ text: generateEssay(m).text }, []);
      const res = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${campaignId}`, headers: { cookie, ...body.headers }, payload: body.payload });
      expect(res.statusCode, res.body).toBe(201);
    }
    const jobs = await queryRows<{ kind: string; key: string; state: string; due_in: number }>(ctx.db, sql`select kind, key, state,
      extract(epoch from run_after - now())::float8 as due_in from jobs where tenant_id = ${p.tenantId} order by kind`);
    expect(jobs.map((j) => j.kind)).toEqual(['copy-index', 'recommendation-pools']);
    for (const job of jobs) {
      expect(job).toMatchObject({ key: campaignId, state: 'queued' });
      expect(job.due_in).toBeGreaterThan(15);
      expect(job.due_in).toBeLessThanOrEqual(30);
    }
  });

  it('waits five times as long as the last rebuild took, so a province\'s index is not rebuilt back to back', async () => {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    await ctx.db.execute(sql`insert into reflection_copy_runs (tenant_id, campaign_id, ran_at, documents, pairs, seconds)
      values (${p.tenantId}, ${campaignId}, now(), 500000, 1200, 180)`);
    await requestCopyIndex(ctx.db, p.tenantId, campaignId);
    const [job] = await queryRows<{ due_in: number }>(ctx.db, sql`select extract(epoch from run_after - now())::float8 as due_in
      from jobs where tenant_id = ${p.tenantId} and kind = 'copy-index'`);
    expect(job.due_in).toBeGreaterThan(880);
    expect(job.due_in).toBeLessThanOrEqual(900);
  });
});
