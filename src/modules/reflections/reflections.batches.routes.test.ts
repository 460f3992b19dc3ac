import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, sessionCookie } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { encryptedPdf, pageWidths, pdfOfWidths } from './reflections.pdf.test-fixtures.js';
import { multipartFiles, photo, type FilePart } from './reflections.test-fixtures.js';

describeApp('reflection batches', (ctx) => {
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });

  /** Province campaign; branch 0 has members 0–2 (An, Bình, Cường), branch 1 members 3–5; a committee for each. */
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const committee = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[0] }]));
    const otherCommittee = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'branch_committee', orgId: p.branches[1] }]));
    const memberCookies = await Promise.all([0, 1].map(async (i) => sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [], p.members[i]))));
    const province = await sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]));
    const target = `campaignId=${campaignId}&branchId=${p.branches[0]}`;
    return { p, campaignId, committee, otherCommittee, memberCookies, province, target };
  }
  type S = Awaited<ReturnType<typeof setup>>;
  function upload(s: S, cookie: string, files: FilePart[], target = s.target) {
    const body = multipartFiles({}, files);
    return ctx.app.inject({ method: 'POST', url: `/api/reflections/batches?${target}`, headers: { cookie, ...body.headers }, payload: body.payload });
  }
  async function pdfBatch(s: S, pages: number) {
    const res = await upload(s, s.committee, [{ name: 'to-chi-bo.pdf', bytes: await pdfOfWidths(pages, { author: 'Máy quét phòng họp' }), mime: 'application/pdf' }]);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const assign = (s: S, batchId: string, body: object[], cookie = s.committee) => send('POST', `/api/reflections/batches/${batchId}/assignments`, cookie, body);
  const versionCount = async (tenantId: string) =>
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from reflection_versions where tenant_id = ${tenantId}`))[0].n;
  const mine = async (s: S, i: number) => (await get(`/api/reflections/mine?campaignId=${s.campaignId}`, s.memberCookies[i])).json();

  it('cuts a 7-page PDF into one version per member holding just their pages, with receipts', async () => {
    const s = await setup();
    const batch = await pdfBatch(s, 7);
    expect(batch).toMatchObject({ kind: 'pdf', pageCount: 7, assignedPages: 0, branchName: 'Chi bộ 1.1.1' });
    expect(batch.members.map((m: { fullName: string; reflection: unknown }) => [m.fullName, m.reflection])).toEqual([
      ['Lê Văn Cường', null], ['Nguyễn Văn An', null], ['Trần Thị Bình', null]]);
    // The stored batch is re-made from its pages: same pages, the scanner's metadata gone.
    const stored = await get(`/api/reflections/batches/${batch.id}/files/${batch.pdfHash}`, s.committee);
    expect(stored.headers['content-type']).toBe('application/pdf');
    expect(await pageWidths(stored.rawPayload)).toEqual([101, 102, 103, 104, 105, 106, 107]);
    expect((await PDFDocument.load(stored.rawPayload)).getAuthor()).toBeUndefined();

    const res = await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 3 }, { memberId: s.p.members[1], from: 4, to: 5 }]);
    expect(res.statusCode, res.body).toBe(200);
    const { created, batch: after } = res.json();
    expect(created.map((c: { memberName: string; from: number; to: number }) => [c.memberName, c.from, c.to])).toEqual([['Nguyễn Văn An', 1, 3], ['Trần Thị Bình', 4, 5]]);
    expect(created[0].receiptNumber).toMatch(/^BTH-\d{8}-[0-9A-F]{8}$/);
    expect(after.assignedPages).toBe(5);
    expect(after.members.find((m: { id: string }) => m.id === s.p.members[0]).reflection).toMatchObject({ status: 'submitted', source: 'branch' });

    // Each member sees a version from the branch holding exactly their pages.
    const an = (await mine(s, 0)).reflection.versions[0];
    expect(an).toMatchObject({ source: 'branch', seq: 1, receiptNumber: created[0].receiptNumber, pages: [] });
    const anPdf = await get(`/api/reflection-files/${an.pdf.fileHash}`, s.memberCookies[0]);
    expect(await pageWidths(anPdf.rawPayload)).toEqual([101, 102, 103]);
    const binh = (await mine(s, 1)).reflection.versions[0];
    expect(await pageWidths((await get(`/api/reflection-files/${binh.pdf.fileHash}`, s.committee)).rawPayload)).toEqual([104, 105]);
    // A member cannot open another member's pages.
    expect((await get(`/api/reflection-files/${an.pdf.fileHash}`, s.memberCookies[1])).statusCode).toBe(404);
    const audit = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from audit_log where tenant_id = ${s.p.tenantId} and action = 'reflection.batch_assign'`);
    expect(audit[0].n).toBe(2);
    const list = (await get(`/api/reflections/batches?${s.target}`, s.committee)).json();
    expect(list).toMatchObject([{ id: batch.id, pageCount: 7, assignedPages: 5, assignedMembers: 2 }]);
  });

  it('refuses overlapping ranges naming the pages and the member, and adds nothing of a refused request', async () => {
    const s = await setup();
    const batch = await pdfBatch(s, 7);
    expect((await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 3 }])).statusCode).toBe(200);
    const overlap = await assign(s, batch.id, [{ memberId: s.p.members[1], from: 3, to: 4 }]);
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().code).toBe('reflection.batch_overlap');
    expect(overlap.json().title).toBe('Không gán được trang 3–4 cho đồng chí Trần Thị Bình: trang 3 đã gán cho đồng chí Nguyễn Văn An');
    // Two ranges of one request overlapping each other: neither is assigned (all or none).
    const inner = await assign(s, batch.id, [{ memberId: s.p.members[1], from: 4, to: 5 }, { memberId: s.p.members[2], from: 5, to: 6 }]);
    expect(inner.statusCode).toBe(422);
    expect(inner.json().title).toContain('Dòng 2: trang 5 trùng với dòng 1 (đồng chí Trần Thị Bình)');
    const outside = await assign(s, batch.id, [{ memberId: s.p.members[1], from: 6, to: 9 }]);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'reflection.batch_range', title: 'Trang 6–9 nằm ngoài tập (tập có 7 trang)' });
    expect(await versionCount(s.p.tenantId)).toBe(1);
    expect((await mine(s, 1)).reflection).toBeNull();
  });

  it('refuses a member of another branch; another branch committee gets 404 on the batch and its files', async () => {
    const s = await setup();
    const batch = await pdfBatch(s, 3);
    const stranger = await assign(s, batch.id, [{ memberId: s.p.members[3], from: 1, to: 1 }]);
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().code).toBe('reflection.batch_member');
    expect((await get(`/api/reflections/batches/${batch.id}`, s.otherCommittee)).statusCode).toBe(404);
    expect((await get(`/api/reflections/batches/${batch.id}/files/${batch.pdfHash}`, s.otherCommittee)).statusCode).toBe(404);
    expect((await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 1 }], s.otherCommittee)).statusCode).toBe(404);
    expect((await get(`/api/reflections/batches?${s.target}`, s.otherCommittee)).statusCode).toBe(404);
    expect((await upload(s, s.otherCommittee, [{ name: 'a.pdf', bytes: await pdfOfWidths(1) }])).statusCode).toBe(404);
    // A member without a role sees nothing of it either.
    expect((await get(`/api/reflections/batches/${batch.id}`, s.memberCookies[0])).statusCode).toBe(404);
    expect(await versionCount(s.p.tenantId)).toBe(0);
    // The picker offers the committee its own branch only.
    const branches = (await get(`/api/reflections/batch-branches?campaignId=${s.campaignId}`, s.committee)).json();
    expect(branches).toEqual([{ id: s.p.branches[0], name: 'Chi bộ 1.1.1', memberCount: 3 }]);
  });

  it('adds no version when the same assignment is posted again, even concurrently', async () => {
    const s = await setup();
    const batch = await pdfBatch(s, 4);
    const body = [{ memberId: s.p.members[0], from: 1, to: 2 }];
    const results = await Promise.all([1, 2, 3].map(() => assign(s, batch.id, body)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.flatMap((r) => r.json().created)).toHaveLength(1);
    expect((await assign(s, batch.id, body)).json().created).toEqual([]);
    expect(await versionCount(s.p.tenantId)).toBe(1);
    // The same member with another range of this batch is refused, naming the earlier one.
    const moved = await assign(s, batch.id, [{ memberId: s.p.members[0], from: 3, to: 4 }]);
    expect(moved.statusCode).toBe(422);
    expect(moved.json().title).toContain('đã được gán trang 1–2 của tập này');
  });

  it('takes a batch of photos and gives each member their photographed pages', async () => {
    const s = await setup();
    const files = [90, 120, 150].map(async (gray, i) => ({ name: `trang-${i + 1}.jpg`, bytes: await photo({ gray }), mime: 'image/jpeg' }));
    const res = await upload(s, s.committee, await Promise.all(files));
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    expect(batch).toMatchObject({ kind: 'photos', pageCount: 3, pdfHash: null });
    const thumb = await get(`/api/reflections/batches/${batch.id}/files/${batch.pages[2].thumbHash}`, s.committee);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const done = await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 2 }, { memberId: s.p.members[1], from: 3, to: 3 }]);
    expect(done.statusCode, done.body).toBe(200);
    const an = (await mine(s, 0)).reflection.versions[0];
    expect(an.pages.map((p: { fileHash: string }) => p.fileHash)).toEqual(batch.pages.slice(0, 2).map((p: { fileHash: string }) => p.fileHash));
    expect(an.pdf).toBeNull();
    expect((await get(`/api/reflection-files/${an.pages[1].fileHash}`, s.memberCookies[0])).statusCode).toBe(200);
    expect((await get(`/api/reflection-files/${batch.pages[2].fileHash}`, s.memberCookies[0])).statusCode).toBe(404);
  });

  it('refuses an encrypted or broken PDF with a message naming the file', async () => {
    const s = await setup();
    const locked = await upload(s, s.committee, [{ name: 'co-mat-khau.pdf', bytes: await encryptedPdf() }]);
    expect(locked.statusCode).toBe(422);
    expect(locked.json()).toMatchObject({ code: 'reflection.pdf_encrypted' });
    expect(locked.json().title).toContain('"co-mat-khau.pdf" có mật khẩu');
    const whole = await pdfOfWidths(3);
    const broken = await upload(s, s.committee, [{ name: 'hong.pdf', bytes: whole.subarray(0, Math.floor(whole.length / 2)) }]);
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'reflection.pdf_unreadable' });
    expect(broken.json().title).toContain('hong.pdf');
    const mixed = await upload(s, s.committee, [{ name: 'a.pdf', bytes: whole }, { name: 'b.jpg', bytes: await photo() }]);
    expect(mixed.statusCode).toBe(400);
    expect((await get(`/api/reflections/batches?${s.target}`, s.committee)).json()).toEqual([]);
  });

  it('assigns after the cut-off (the branch collected on time), stamped with the assignment time, within the page limit', async () => {
    const s = await setup();
    const put = await send('PUT', `/api/campaigns/${s.campaignId}/reflection-settings`, s.province,
      { mustHandwrite: true, dueAt: '2026-01-10T17:00:00+07:00', cutoffAt: '2026-01-15T17:00:00+07:00', maxPages: 2 });
    expect(put.statusCode, put.body).toBe(200);
    const batch = await pdfBatch(s, 5);
    const long = await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 3 }]);
    expect(long.statusCode).toBe(422);
    expect(long.json().title).toContain('có 3 trang, vượt quá số trang tối đa của đợt học tập (2 trang)');
    const before = Date.now();
    expect((await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 2 }])).statusCode).toBe(200);
    const version = (await mine(s, 0)).reflection.versions[0];
    expect(Date.parse(version.submittedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('undoes a mistaken assignment: the member gets back their own version, the pages go to the right member', async () => {
    const s = await setup();
    const own = multipartFiles({ text: 'Bài tự nộp' }, []);
    const submitted = await ctx.app.inject({ method: 'POST', url: `/api/reflections/mine?campaignId=${s.campaignId}`, headers: { cookie: s.memberCookies[0], ...own.headers }, payload: own.payload });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const batch = await pdfBatch(s, 4);
    const wrong = (await assign(s, batch.id, [{ memberId: s.p.members[0], from: 1, to: 2 }, { memberId: s.p.members[1], from: 3, to: 4 }])).json();
    const [toAn, toBinh] = wrong.created;
    const anPdf = (await mine(s, 0)).reflection.versions[0].pdf.fileHash;
    for (const c of [toAn, toBinh]) {
      const res = await send('DELETE', `/api/reflections/batches/${batch.id}/assignments/${c.versionId}`, s.committee);
      expect(res.statusCode, res.body).toBe(200);
    }
    const an = (await mine(s, 0)).reflection;
    expect(an.currentVersionId).toBe(an.versions.find((v: { text: string | null }) => v.text === 'Bài tự nộp').id);
    expect(an.versions).toHaveLength(2); // nothing deleted
    expect((await get(`/api/reflection-files/${anPdf}`, s.memberCookies[0])).statusCode).toBe(404);
    const binh = (await mine(s, 1)).reflection;
    expect([binh.currentVersionId, binh.submittedAt]).toEqual([null, null]);
    // The freed pages go to the right members.
    const right = await assign(s, batch.id, [{ memberId: s.p.members[1], from: 1, to: 2 }, { memberId: s.p.members[2], from: 3, to: 4 }]);
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().batch.assignments.filter((a: { removedAt: string | null }) => !a.removedAt)).toHaveLength(2);
    // Undoing twice, or undoing a superseded version, is refused.
    expect((await send('DELETE', `/api/reflections/batches/${batch.id}/assignments/${toAn.versionId}`, s.committee)).statusCode).toBe(404);
  });
});
