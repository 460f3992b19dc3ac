import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { multipartFiles, photo } from './reflections.test-fixtures.js';
import { purgeStagedUploads, STAGING_QUOTA } from './reflections.uploads.quota.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeApp('staged page uploads: quota and cleanup', (ctx) => {
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const member = await createUser(ctx.db, p.tenantId, [], p.members[0]);
    const committee = await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]);
    const pages = await Promise.all([60, 120, 180].map((gray) => photo({ gray })));
    return {
      p, campaignId, member, committee, pages, keys: pages.map(sha256),
      me: await sessionCookie(ctx.db, member), committeeCookie: await sessionCookie(ctx.db, committee),
    };
  }
  function stage(cookie: string, bytes: Buffer, key: string) {
    const body = multipartFiles({}, [{ name: 'trang.jpg', bytes, mime: 'image/jpeg' }]);
    return ctx.app.inject({ method: 'POST', url: '/api/reflections/uploads', headers: { cookie, ...body.headers, 'x-client-key': key }, payload: body.payload });
  }
  /** `n` staged rows for the user straight in the table, `bytes` each, created `daysAgo` days ago. */
  async function fill(tenantId: string, userId: string, n: number, o: { bytes?: number; daysAgo?: number; prefix?: string } = {}) {
    const page = JSON.stringify({ fileHash: 'f'.repeat(64), thumbHash: 'e'.repeat(64), mime: 'image/jpeg', width: 10, height: 10, bytes: o.bytes ?? 1000 });
    await ctx.db.execute(sql`insert into reflection_uploads (tenant_id, user_id, client_key, page, created_at)
      select ${tenantId}::uuid, ${userId}::uuid, ${o.prefix ?? 'filler'} || '-' || g, ${page}::jsonb, now() - make_interval(days => ${o.daysAgo ?? 0})
      from generate_series(1, ${n}) g`);
  }
  const keysOf = async (userId: string) => (await queryRows<{ client_key: string }>(ctx.db,
    sql`select client_key from reflection_uploads where user_id = ${userId}::uuid order by client_key`)).map((r) => r.client_key);

  it('refuses a member\'s page past the quota with a Vietnamese 422 naming the limit; a page already held still answers', async () => {
    const s = await setup();
    const first = await stage(s.me, s.pages[0], s.keys[0]);
    expect(first.statusCode, first.body).toBe(201);
    await fill(s.p.tenantId, s.member.userId, STAGING_QUOTA.member.pages - 1);
    const over = await stage(s.me, s.pages[1], s.keys[1]);
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('reflection.upload_quota');
    expect(over.json().title).toContain(`giới hạn ${STAGING_QUOTA.member.pages} trang hoặc 300 MB cho mỗi người`);
    expect(over.json().title).toContain('tự động xóa');
    // The retry of a page the server already has is not a new page.
    expect((await stage(s.me, s.pages[0], s.keys[0])).statusCode).toBe(200);
    // Pages staged more than a week ago no longer count.
    await ctx.db.execute(sql`update reflection_uploads set created_at = now() - interval '8 days' where user_id = ${s.member.userId}::uuid and client_key like 'filler-%'`);
    expect((await stage(s.me, s.pages[1], s.keys[1])).statusCode).toBe(201);
  });

  it('lets only one of several pages sent side by side take the last place under the quota', async () => {
    const s = await setup();
    await fill(s.p.tenantId, s.member.userId, STAGING_QUOTA.member.pages - 1);
    const answers = await Promise.all(s.pages.map((bytes, i) => stage(s.me, bytes, s.keys[i])));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422, 422]);
    expect((await keysOf(s.member.userId)).filter((k) => !k.startsWith('filler-'))).toHaveLength(1);
  });

  it('counts the bytes too, and gives who collects a branch\'s scans a larger quota', async () => {
    const s = await setup();
    await fill(s.p.tenantId, s.member.userId, 3, { bytes: STAGING_QUOTA.member.bytes / 3 });
    const heavy = await stage(s.me, s.pages[0], s.keys[0]);
    expect(heavy.statusCode).toBe(422);
    expect(heavy.json().title).toContain('300 MB');
    await fill(s.p.tenantId, s.committee.userId, STAGING_QUOTA.member.pages + 50);
    expect((await stage(s.committeeCookie, s.pages[0], s.keys[0])).statusCode).toBe(201);
  });

  it('deletes staged rows older than a week, keeps younger ones and every stored file, also a file a submission uses', async () => {
    const s = await setup();
    const staged = [];
    for (const i of [0, 1, 2]) staged.push((await stage(s.me, s.pages[i], s.keys[i])).json().page as { fileHash: string; thumbHash: string });
    const submitted = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${s.campaignId}`,
      headers: { cookie: s.me, 'idempotency-key': 'quota-1' }, payload: { pageKeys: [s.keys[0]] } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    await ctx.db.execute(sql`update reflection_uploads set created_at = now() - interval '8 days'
      where user_id = ${s.member.userId}::uuid and client_key in (${s.keys[0]}, ${s.keys[1]})`);
    await fill(s.p.tenantId, s.committee.userId, 7, { daysAgo: 10, prefix: 'old' });

    // Earlier tests of this file left old rows too: everything past a week goes, in slices of 3.
    const [due] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from reflection_uploads where created_at < now() - interval '7 days'`);
    expect(due.n).toBeGreaterThanOrEqual(9);
    expect(await purgeStagedUploads(ctx.db, { slice: 3 })).toBe(due.n);
    expect(await keysOf(s.member.userId)).toEqual([s.keys[2]]);
    expect(await keysOf(s.committee.userId)).toEqual([]);
    for (const page of staged) {
      expect((await ctx.files.get(page.fileHash)).length).toBeGreaterThan(0);
      expect((await ctx.files.get(page.thumbHash)).length).toBeGreaterThan(0);
    }
    const served = await ctx.app.inject({ method: 'GET', url: `/api/reflection-files/${staged[0].fileHash}`, headers: { cookie: s.me } });
    expect(served.statusCode).toBe(200);
    // The phone asks again which pages the server has: the purged ones are to be sent again.
    const known = await ctx.app.inject({ method: 'GET', url: `/api/reflections/uploads?keys=${s.keys.join(',')}`, headers: { cookie: s.me } });
    expect(known.json()).toEqual({ keys: [s.keys[2]] });
    expect(await purgeStagedUploads(ctx.db)).toBe(0);
  });
});
