import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { multipartFiles, PDF_BYTES, photo, png, type FilePart } from './reflections.test-fixtures.js';

describeApp('reflections', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });
  function submit(campaignId: string, cookie: string, fields: Record<string, string>, files: FilePart[] = [], key?: string) {
    const body = multipartFiles(fields, files);
    const headers = { cookie, ...body.headers, ...(key ? { 'idempotency-key': key } : {}) };
    return ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${campaignId}`, headers, payload: body.payload });
  }

  /** Province campaign; a member of branch 0, a member of branch 7 (other commune), their branch committee. */
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const member = p.members[0];
    const memberCookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], member));
    const otherCookie = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], p.members[21]));
    const committee = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const province = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]));
    return { p, campaignId, member, memberCookie, otherCookie, committee, province };
  }
  async function settings(s: Awaited<ReturnType<typeof setup>>, body: object) {
    const res = await send('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province,
      { mustHandwrite: false, dueAt: null, cutoffAt: null, maxPages: 10, ...body });
    expect(res.statusCode, res.body).toBe(200);
  }
  const versionCount = async (tenantId: string) =>
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from reflection_versions where tenant_id = ${tenantId}`))[0].n;

  it('takes text and three photos, stores them upright without EXIF and gives a receipt', async () => {
    const s = await setup();
    const pages = [await photo({ orientation: 6 }), await photo(), await photo({ gray: 90 })];
    const sent = await sharp(pages[0]).metadata();
    expect([sent.orientation, !!sent.exif, sent.width, sent.height]).toEqual([6, true, 64, 32]);
    const res = await submit(s.campaignId, s.memberCookie, { text: 'Bài thu hoạch của tôi', recommendations: 'Kiến nghị tăng cường sinh hoạt chuyên đề' },
      pages.map((bytes, i) => ({ name: `trang-${i + 1}.jpg`, bytes, mime: 'image/jpeg' })));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.receipt.number).toMatch(/^BTH-\d{8}-[0-9A-F]{8}$/);
    expect(Math.abs(Date.parse(body.receipt.serverTime) - Date.now())).toBeLessThan(60_000);
    const [version] = body.reflection.versions;
    expect(version).toMatchObject({ seq: 1, text: 'Bài thu hoạch của tôi', source: 'member', receiptNumber: body.receipt.number });
    expect(version.pages).toHaveLength(3);
    // Orientation 6 (rotated 90°): the stored page is upright, so taller than wide; no EXIF left.
    expect(version.pages[0]).toMatchObject({ width: 32, height: 64, mime: 'image/jpeg' });
    const stored = await get(`/api/reflection-files/${version.pages[0].fileHash}`, s.memberCookie);
    expect(stored.statusCode).toBe(200);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(stored.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect((await get(`/api/reflection-files/${version.pages[0].thumbHash}`, s.memberCookie)).statusCode).toBe(200);
    const audit = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${s.p.tenantId} and action = 'reflection.submit'`);
    expect(audit[0].n).toBe(1);
  });

  it('keeps the earlier version when the member replaces the submission', async () => {
    const s = await setup();
    expect((await submit(s.campaignId, s.memberCookie, { text: 'Bản đầu' })).statusCode).toBe(201);
    expect((await submit(s.campaignId, s.memberCookie, { text: 'Bản sửa' })).statusCode).toBe(201);
    const mine = (await get(`/api/reflections/mine?campaignId=${s.campaignId}`, s.memberCookie)).json();
    expect(mine.reflection.versions.map((v: { seq: number; text: string }) => [v.seq, v.text])).toEqual([[2, 'Bản sửa'], [1, 'Bản đầu']]);
    expect(mine.reflection.currentVersionId).toBe(mine.reflection.versions[0].id);
  });

  it('answers a submission with what it stored, counts the member once and asks for the copy index only for typed text', async () => {
    const s = await setup();
    const counts = async () => Object.fromEntries((await queryRows<{ bucket: string; n: number }>(ctx.db, sql`select bucket, n from reflection_branch_counts
      where tenant_id = ${s.p.tenantId} and campaign_id = ${s.campaignId}::uuid and branch_id = ${s.p.branches[0]}::uuid`)).map((r) => [r.bucket, r.n]));
    const jobs = async () => (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from jobs
      where tenant_id = ${s.p.tenantId} and kind = 'copy-index' and key = ${s.campaignId}`))[0].n;
    const mine = async () => (await get(`/api/reflections/mine?campaignId=${s.campaignId}`, s.memberCookie)).json().reflection;

    const first = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'a.jpg', bytes: await photo() }]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().reflection).toEqual(await mine());
    expect(first.json().reflection).toMatchObject({ status: 'submitted', versions: [{ seq: 1, text: null }] });
    expect(await counts()).toEqual({ s: 1, t: 1 });
    expect(await jobs()).toBe(0); // pages only: nothing for the copy index to compare

    const second = await submit(s.campaignId, s.memberCookie, { text: 'Bản gõ' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().reflection).toEqual(await mine());
    expect(second.json().reflection.versions.map((v: { seq: number }) => v.seq)).toEqual([2, 1]);
    expect(await counts()).toEqual({ s: 1, t: 1 });
    expect(await jobs()).toBe(1);

    const other = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [], s.p.members[1]));
    expect((await submit(s.campaignId, other, { text: 'Bài của đồng chí khác' })).statusCode).toBe(201);
    expect(await jobs()).toBe(1); // one waiting rebuild for the whole campaign
    const audit = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${s.p.tenantId} and action = 'reflection.submit'`);
    expect(audit[0].n).toBe(3);
  });

  it('numbers concurrent first submissions with different keys one after another', async () => {
    const s = await setup();
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) =>
      submit(s.campaignId, s.memberCookie, { text: `Lần ${i + 1}` }, [], `key-${i}`)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(results.every((r) => !r.json().replayed)).toBe(true);
    expect(new Set(results.map((r) => r.json().receipt.number)).size).toBe(4);
    const mine = (await get(`/api/reflections/mine?campaignId=${s.campaignId}`, s.memberCookie)).json().reflection;
    expect(mine.versions.map((v: { seq: number }) => v.seq)).toEqual([4, 3, 2, 1]);
    expect(mine.currentVersionId).toBe(mine.versions[0].id);
    const counted = await queryRows<{ n: number }>(ctx.db, sql`select n from reflection_branch_counts
      where tenant_id = ${s.p.tenantId} and campaign_id = ${s.campaignId}::uuid and bucket = 's'`);
    expect(counted.map((r) => r.n)).toEqual([1]);
  });

  it('refuses after the cut-off with a clear message, and accepts once the branch grants an extension', async () => {
    const s = await setup();
    await settings(s, { dueAt: '2026-01-10T17:00:00+07:00', cutoffAt: '2026-01-15T17:00:00+07:00' });
    const late = await submit(s.campaignId, s.memberCookie, { text: 'Nộp muộn' });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'reflection.closed' });
    expect(late.json().title).toContain('15/01/2026');
    expect((await get(`/api/reflections/mine?campaignId=${s.campaignId}`, s.memberCookie)).json().open).toBe(false);
    const until = new Date(Date.now() + 86400_000).toISOString();
    // A member cannot grant themself an extension (they see their record, so 403).
    const self = await send('POST', '/api/reflections/extensions', s.memberCookie, { campaignId: s.campaignId, memberId: s.member, until, reason: 'Ốm' });
    expect(self.statusCode).toBe(403);
    const ext = await send('POST', '/api/reflections/extensions', s.committee, { campaignId: s.campaignId, memberId: s.member, until, reason: 'Đi công tác' });
    expect(ext.statusCode, ext.body).toBe(201);
    expect((await submit(s.campaignId, s.memberCookie, { text: 'Nộp muộn có gia hạn' })).statusCode).toBe(201);
    expect((await submit(s.campaignId, s.otherCookie, { text: 'Không được gia hạn' })).statusCode).toBe(422);
  });

  it('requires pages when the campaign asks for hand-written reflections, and accepts a PDF', async () => {
    const s = await setup();
    await settings(s, { mustHandwrite: true });
    const typed = await submit(s.campaignId, s.memberCookie, { text: 'Chỉ gõ chữ' });
    expect(typed.statusCode).toBe(422);
    expect(typed.json().code).toBe('reflection.handwriting_required');
    const pdf = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'bai.pdf', bytes: PDF_BYTES, mime: 'application/pdf' }]);
    expect(pdf.statusCode, pdf.body).toBe(201);
    const { pdf: stored } = pdf.json().reflection.versions[0];
    expect(stored.bytes).toBe(PDF_BYTES.length);
    const file = await get(`/api/reflection-files/${stored.fileHash}`, s.memberCookie);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('judges files by content: a non-PDF named .pdf is refused, a PNG named .pdf is taken as a photo', async () => {
    const s = await setup();
    const fake = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'bai.pdf', bytes: Buffer.from('<html>not a pdf</html>'), mime: 'application/pdf' }]);
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ code: 'file.type' });
    expect(fake.json().title).toContain('bai.pdf');
    const broken = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'hong.png', bytes: (await png()).subarray(0, 40) }]);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('file.unreadable');
    const renamed = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'anh.pdf', bytes: await png(), mime: 'application/pdf' }]);
    expect(renamed.statusCode, renamed.body).toBe(201);
    const [version] = renamed.json().reflection.versions;
    expect(version.pdf).toBeNull();
    expect(version.pages[0]).toMatchObject({ mime: 'image/jpeg', width: 20, height: 30 });
    expect(await versionCount(s.p.tenantId)).toBe(1);
  });

  it('refuses an image over the pixel limit, a file over the size limit and too many pages', async () => {
    const s = await setup();
    const huge = await sharp({ create: { width: 8000, height: 5200, channels: 3, background: { r: 255, g: 255, b: 255 } } }).jpeg().toBuffer();
    const pixels = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'to.jpg', bytes: huge }]);
    expect(pixels.statusCode).toBe(400);
    expect(pixels.json()).toMatchObject({ code: 'file.too_large' });
    expect(pixels.json().title).toContain('to.jpg');
    const big = Buffer.concat([await photo(), Buffer.alloc(16 * 1024 * 1024)]);
    const bytes = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'nang.jpg', bytes: big }]);
    expect(bytes.statusCode).toBe(400);
    expect(bytes.json().code).toBe('file.too_large');
    await settings(s, { maxPages: 2 });
    const one = await photo();
    const many = await submit(s.campaignId, s.memberCookie, {}, [1, 2, 3].map((i) => ({ name: `t${i}.jpg`, bytes: one })));
    expect(many.statusCode).toBe(422);
    expect(many.json().title).toContain('tối đa 2 trang');
    expect(await versionCount(s.p.tenantId)).toBe(0);
  });

  it('adds one version for a double submit with the same Idempotency-Key, even concurrently', async () => {
    const s = await setup();
    const page = await photo();
    const results = await Promise.all(Array.from({ length: 4 }, () =>
      submit(s.campaignId, s.memberCookie, { text: 'Gửi hai lần' }, [{ name: 'a.jpg', bytes: page }], 'key-123')));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().receipt.number)).size).toBe(1);
    expect(results.filter((r) => !r.json().replayed)).toHaveLength(1);
    expect(await versionCount(s.p.tenantId)).toBe(1);
    expect((await submit(s.campaignId, s.memberCookie, { text: 'Lần khác' }, [], 'key-456')).json().reflection.versions).toHaveLength(2);
  });

  it('serves a file only to the member and to who may read their branch; others get 404', async () => {
    const s = await setup();
    const res = await submit(s.campaignId, s.memberCookie, {}, [{ name: 'a.jpg', bytes: await photo() }]);
    const hash = res.json().reflection.versions[0].pages[0].fileHash;
    expect((await get(`/api/reflection-files/${hash}`, s.committee)).statusCode).toBe(200);
    expect((await get(`/api/reflection-files/${hash}`, s.otherCookie)).statusCode).toBe(404);
    const otherCommittee = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [{ role: 'branch_committee', orgId: s.p.branches[1] }]));
    expect((await get(`/api/reflection-files/${hash}`, otherCommittee)).statusCode).toBe(404);
    expect((await get(`/api/reflection-files/${'0'.repeat(64)}`, s.memberCookie)).statusCode).toBe(404);
  });

  it('lets the branch committee record a reflection handed in on paper, once', async () => {
    const s = await setup();
    const ref = { campaignId: s.campaignId, memberId: s.member };
    const first = await send('POST', '/api/reflections/paper', s.committee, ref);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ replayed: false, reflection: { status: 'paper', versions: [{ source: 'paper', seq: 1 }] } });
    expect((await send('POST', '/api/reflections/paper', s.committee, ref)).json().replayed).toBe(true);
    expect(await versionCount(s.p.tenantId)).toBe(1);
    // Another branch's committee does not see this member.
    const otherCommittee = await sessionCookie(ctx.db, await createUser(ctx.db, s.p.tenantId, [{ role: 'branch_committee', orgId: s.p.branches[1] }]));
    expect((await send('POST', '/api/reflections/paper', otherCommittee, ref)).statusCode).toBe(404);
    const mine = (await get(`/api/reflections/mine?campaignId=${s.campaignId}`, s.memberCookie)).json();
    expect(mine.reflection.status).toBe('paper');
  });

  it('lets only the campaign org change the settings; the member reads them', async () => {
    const s = await setup();
    const put = (cookie: string) => send('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, cookie, { mustHandwrite: true, dueAt: null, cutoffAt: null, maxPages: 5 });
    // The branch committee does not manage the province's campaign: out of scope, 404.
    expect((await put(s.committee)).statusCode).toBe(404);
    expect((await put(s.province)).statusCode).toBe(200);
    const bad = await send('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province,
      { mustHandwrite: false, dueAt: '2026-02-10T00:00:00Z', cutoffAt: '2026-02-01T00:00:00Z', maxPages: 5 });
    expect(bad.statusCode).toBe(400);
    // The plan asks for reflections by 15/02/2027 (a day in Vietnam): 17:00 that day is fine, the day after is not.
    const due = (dueAt: string) => send('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province, { mustHandwrite: true, dueAt, cutoffAt: null, maxPages: 5 });
    const late = await due('2027-02-15T17:01:00Z'); // 00:01 on 16/02 in Vietnam
    expect(late.statusCode).toBe(400);
    expect(late.json().errors).toEqual([{ path: 'dueAt', message: 'Hạn nộp không được muộn hơn hạn nộp bài thu hoạch trong kế hoạch 03-KH/TU (15/02/2027)' }]);
    expect((await due('2027-02-15T10:00:00Z')).statusCode).toBe(200);
    expect((await get(`/api/campaigns/${s.campaignId}/reflection-settings`, s.memberCookie)).json()).toMatchObject({ mustHandwrite: true, maxPages: 5, dueAt: '2027-02-15T10:00:00.000Z' });
  });
});
