import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { multipartFiles, PDF_BYTES, photo } from './reflections.test-fixtures.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeApp('staged page uploads', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });

  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const me = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], p.members[0]));
    const other = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], p.members[1]));
    const pages = await Promise.all([60, 120, 180].map((gray) => photo({ gray })));
    return { p, campaignId, me, other, pages, keys: pages.map(sha256) };
  }
  type S = Awaited<ReturnType<typeof setup>>;
  function stage(cookie: string, bytes: Buffer, key: string, via: 'header' | 'field' = 'header') {
    const body = multipartFiles(via === 'field' ? { clientKey: key } : {}, [{ name: 'trang.jpg', bytes, mime: 'image/jpeg' }]);
    const headers = { cookie, ...body.headers, ...(via === 'header' ? { 'x-client-key': key } : {}) };
    return ctx.app.inject({ method: 'POST', url: '/api/reflections/uploads', headers, payload: body.payload });
  }
  function submit(s: S, cookie: string, fields: Record<string, string>, key: string) {
    const body = multipartFiles(fields, []);
    return ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${s.campaignId}`, headers: { cookie, ...body.headers, 'idempotency-key': key }, payload: body.payload });
  }
  const stagedRows = async (tenantId: string) =>
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from reflection_uploads where tenant_id = ${tenantId}`))[0].n;

  it('stores a page once per key: a retry answers with the stored page, and the server tells which keys it has', async () => {
    const s = await setup();
    const first = await stage(s.me, s.pages[0], s.keys[0]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ clientKey: s.keys[0], replayed: false, page: { mime: 'image/jpeg', width: 64, height: 32 } });
    const again = await stage(s.me, s.pages[0], s.keys[0], 'field');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    const both = await Promise.all([stage(s.me, s.pages[1], s.keys[1]), stage(s.me, s.pages[1], s.keys[1])]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await stagedRows(s.p.tenantId)).toBe(2);
    const known = await get(`/api/reflections/uploads?keys=${s.keys.join(',')}`, s.me);
    expect(known.json()).toEqual({ keys: [s.keys[0], s.keys[1]] });
  });

  it('refuses a page cut short on the way, a PDF, and a missing key', async () => {
    const s = await setup();
    const cut = await stage(s.me, s.pages[0].subarray(0, 200), s.keys[0]);
    expect(cut.statusCode).toBe(400);
    expect(cut.json().code).toBe('reflection.upload_corrupt');
    const pdf = await stage(s.me, PDF_BYTES, 'pdf-page-key-1');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().code).toBe('file.type');
    const noKey = await stage(s.me, s.pages[0], '');
    expect(noKey.statusCode).toBe(400);
    expect(await stagedRows(s.p.tenantId)).toBe(0);
  });

  it('submits staged pages in the order of the keys, once per Idempotency-Key', async () => {
    const s = await setup();
    const stored: string[] = [];
    for (const [i, bytes] of s.pages.entries()) stored.push((await stage(s.me, bytes, s.keys[i])).json().page.fileHash);
    const order = [2, 0, 1];
    const res = await submit(s, s.me, { text: 'Kèm ba trang', pageKeys: JSON.stringify(order.map((i) => s.keys[i])) }, 'submit-1');
    expect(res.statusCode, res.body).toBe(201);
    const [version] = res.json().reflection.versions;
    expect(version.pages.map((p: { fileHash: string }) => p.fileHash)).toEqual(order.map((i) => stored[i]));
    expect((await get(`/api/reflection-files/${stored[2]}`, s.me)).statusCode).toBe(200);
    const replay = await submit(s, s.me, { pageKeys: JSON.stringify([s.keys[0]]) }, 'submit-1');
    expect(replay.json()).toMatchObject({ replayed: true, receipt: { number: res.json().receipt.number } });
    // A JSON body works as well.
    const json = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${s.campaignId}`, headers: { cookie: s.me, 'idempotency-key': 'submit-2' }, payload: { pageKeys: [s.keys[1]] } });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json().reflection.versions[0].pages.map((p: { fileHash: string }) => p.fileHash)).toEqual([stored[1]]);
  });

  it("names the pages the server does not have, and another user's keys are unknown to them", async () => {
    const s = await setup();
    await stage(s.me, s.pages[0], s.keys[0]);
    const missing = await submit(s, s.me, { pageKeys: JSON.stringify([s.keys[0], s.keys[1], s.keys[2]]) }, 'k-1');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'reflection.upload_missing', title: 'Máy chủ chưa nhận được các trang 2, 3; vui lòng gửi lại các trang này' });
    expect((await get(`/api/reflections/uploads?keys=${s.keys[0]}`, s.other)).json()).toEqual({ keys: [] });
    const borrowed = await submit(s, s.other, { pageKeys: JSON.stringify([s.keys[0]]) }, 'k-2');
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().title).toBe('Máy chủ chưa nhận được trang 1; vui lòng gửi lại trang này');
    const bad = await submit(s, s.me, { pageKeys: 'không phải JSON' }, 'k-3');
    expect(bad.statusCode).toBe(400);
    const versions = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from reflection_versions where tenant_id = ${s.p.tenantId}`);
    expect(versions[0].n).toBe(0);
  });

  it('counts staged pages against the campaign page limit', async () => {
    const s = await setup();
    const province = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [{ role: 'propaganda_officer', orgId: s.p.rootId }]));
    const put = await ctx.app.inject({ method: 'PUT', url: `/api/campaigns/${s.campaignId}/reflection-settings`, headers: { cookie: province },
      payload: { mustHandwrite: false, dueAt: null, cutoffAt: null, maxPages: 2 } });
    expect(put.statusCode, put.body).toBe(200);
    for (const [i, bytes] of s.pages.entries()) await stage(s.me, bytes, s.keys[i]);
    const res = await submit(s, s.me, { pageKeys: JSON.stringify(s.keys) }, 'k-4');
    expect(res.statusCode).toBe(422);
    expect(res.json().title).toContain('tối đa 2 trang');
  });
});
