import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { apiAs, launchBrowser, loginUi, newPage, PHONE, shot, startServer, type TestServer } from './support';

interface MyCampaign { id: string; title: string }
interface MemberList { items: Array<{ id: string; fullName: string; branchId: string }> }

let server: TestServer;
let browser: Browser;
let campaign: MyCampaign;

/** A photographed page: off-white paper with lines of "writing". */
async function pagePhoto(n: number): Promise<Buffer> {
  const lines = Array.from({ length: 18 }, (_, i) => `<rect x="60" y="${90 + i * 44}" width="${420 - ((i * 37 + n * 53) % 160)}" height="6" fill="#1d3a8f"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="900"><rect width="600" height="900" fill="#fbfaf4"/>${lines}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** The branch's stack of collected papers scanned as one PDF. */
async function stackPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([595, 842]);
    for (let l = 0; l < 20; l++) page.drawRectangle({ x: 60, y: 760 - l * 34, width: 380 - ((l * 29 + i * 41) % 140), height: 4, color: rgb(0.11, 0.23, 0.56) });
  }
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  server = await startServer({ members: 2000 });
  browser = await launchBrowser();
  [campaign] = await (await apiAs(server.baseUrl, 'dangvien'))<MyCampaign[]>('/api/me/campaigns');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reflections in the browser', () => {
  it('a member hands in three photographed pages on a phone and gets a receipt', async () => {
    const { page, context } = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(page, 'dangvien');
    await page.goto(`/my-reflection?campaignId=${campaign.id}`);
    await page.getByTestId('my-reflection-page').waitFor();
    await page.getByTestId('photo-input').setInputFiles(await Promise.all([1, 2, 3].map(async (n) => ({ name: `trang-${n}.jpg`, mimeType: 'image/jpeg', buffer: await pagePhoto(n) }))));
    await expect.poll(() => page.getByTestId('picked-page').count()).toBe(3);
    await page.getByRole('button', { name: 'Nộp bài thu hoạch' }).click();
    const receipt = page.getByTestId('reflection-receipt');
    await receipt.waitFor({ timeout: 30_000 });
    expect(await receipt.textContent()).toMatch(/BTH-\d{8}-[0-9A-F]{8}/);
    await shot(page, '41-phone-reflection-receipt');
    // Reloaded, the page lists the version with its three pages.
    const mine = await page.request.get(`/api/reflections/mine?campaignId=${campaign.id}`);
    const body = await mine.json();
    expect(body.reflection.versions[0].pages).toHaveLength(3);
    await context.close();
  });

  it('the branch secretary assigns pages of a scanned stack to two members, grades one on the rubric and approves it', async () => {
    const { page, context } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'chiuy');
    const asSecretary = await apiAs(server.baseUrl, 'chiuy');
    const me = await asSecretary<{ grants: Array<{ orgId: string }> }>('/api/me');
    const branchId = me.grants[0].orgId;
    const { items } = await asSecretary<MemberList>(`/api/members?orgId=${branchId}&page=1`);
    const [first, second] = items.filter((m) => m.fullName !== 'Nguyễn Văn An').slice(-2);

    await page.goto(`/campaigns/${campaign.id}/batches`);
    await page.getByTestId('batch-page').waitFor();
    await page.getByTestId('batch-pdf-input').setInputFiles({ name: 'xap-bai-chi-bo.pdf', mimeType: 'application/pdf', buffer: await stackPdf(4) });
    await expect.poll(() => page.getByTestId('batch-thumb').count(), { timeout: 30_000 }).toBe(4);
    for (const [member, range] of [[first, '1-2'], [second, '3-4']] as const) {
      await page.getByTestId('member-search').fill(member.fullName);
      await page.getByTestId('member-row').filter({ hasText: member.fullName }).first().click();
      await page.getByTestId('range-input').fill(range);
      await page.getByTestId('assign-button').click();
      await expect.poll(() => page.locator('.ant-message').textContent()).toContain(member.fullName);
    }
    await shot(page, '42-batch-assigned');

    // Grading: the first member's reflection holds pages 1–2; four criteria on the keyboard, then send.
    await page.goto(`/campaigns/${campaign.id}/reflections`);
    await page.getByTestId('grading-page').waitFor();
    await page.locator('tr', { hasText: first.fullName }).getByTestId('open-grading').click();
    await page.getByTestId('grade-page').waitFor();
    await page.getByTestId('rubric-form').waitFor();
    for (const key of ['a', 'b', 'c', 'd']) await page.getByTestId(`criterion-${key}`).getByText('Tốt', { exact: false }).first().click();
    await page.getByTestId('grade-comment').fill('Bài viết bám sát Nghị quyết, liên hệ tốt với công việc của chi bộ.');
    await page.getByTestId('submit-grade').click();
    await page.getByTestId('approve-one').click();
    await page.locator('.ant-modal').getByRole('button', { name: 'Duyệt kết quả' }).click();
    await expect.poll(() => page.getByTestId('grade-page').textContent(), { timeout: 20_000 }).toContain('Kết quả chấm đã được duyệt và khóa.');
    await shot(page, '43-graded-approved');

    // The approved grade shows in the queue; the stored PDF of that member holds exactly their two pages.
    const queue = await asSecretary<{ rows: Array<{ memberId: string; gradeStatus: string; finalGrade: string | null; reflectionId: string | null }> }>(
      `/api/reflections?campaignId=${campaign.id}&branchId=${branchId}`);
    const row = queue.rows.find((r) => r.memberId === first.id)!;
    expect([row.gradeStatus, row.finalGrade]).toEqual(['approved', 'tot']);
    const detail = await asSecretary<{ reflection: { versions: Array<{ pdf: { fileHash: string } | null }> } }>(`/api/reflections/${row.reflectionId}`);
    const stored = await page.request.get(`/api/reflection-files/${detail.reflection.versions[0].pdf!.fileHash}`);
    expect(stored.status()).toBe(200);
    expect((await PDFDocument.load(await stored.body())).getPageCount()).toBe(2);
    await context.close();
  });

  it('a member cannot open a reflection file of another branch by its URL', async () => {
    // A scanned page handed in at another branch (the demo's held commune), found by the system admin.
    const asAdmin = await apiAs(server.baseUrl, 'quantri');
    const stats = await asAdmin<{ children: Array<{ orgId: string; submitted: number; isLeaf: boolean }> }>(`/api/campaigns/${campaign.id}/reflection-stats`);
    let orgId = stats.children.find((c) => c.submitted > 0)!.orgId;
    for (let depth = 0; depth < 4; depth++) {
      const below = await asAdmin<{ children: Array<{ orgId: string; submitted: number; isLeaf: boolean }> }>(`/api/campaigns/${campaign.id}/reflection-stats?orgId=${orgId}`);
      const next = below.children.find((c) => c.submitted > 0);
      if (!next) break;
      orgId = next.orgId;
      if (next.isLeaf) break;
    }
    const queue = await asAdmin<{ rows: Array<{ reflectionId: string | null }> }>(`/api/reflections?campaignId=${campaign.id}&branchId=${orgId}`);
    let hash: string | undefined;
    for (const r of queue.rows.filter((x) => x.reflectionId)) {
      const d = await asAdmin<{ reflection: { versions: Array<{ pages: Array<{ fileHash: string }> }> } }>(`/api/reflections/${r.reflectionId}`);
      hash = d.reflection.versions.flatMap((v) => v.pages)[0]?.fileHash;
      if (hash) break;
    }
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const admin = await newPage(browser, server.baseUrl);
    await loginUi(admin.page, 'quantri');
    expect((await admin.page.request.get(`/api/reflection-files/${hash}`)).status()).toBe(200);
    const member = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(member.page, 'dangvien');
    const res = await member.page.request.get(`/api/reflection-files/${hash}`);
    expect(res.status()).toBe(404);
    await member.page.goto(`/api/reflection-files/${hash}`);
    expect(await member.page.textContent('body')).not.toContain('JFIF');
    await admin.context.close();
    await member.context.close();
  });

  it('the grading screen flags a reflection copied from another one, with the passages side by side', async () => {
    const asAdmin = await apiAs(server.baseUrl, 'quantri');
    const copies = await asAdmin<{ pairs: Array<{ score: number; a: { reflectionId: string | null }; b: { reflectionId: string | null } }> }>(
      `/api/campaigns/${campaign.id}/possible-copies`);
    expect(copies.pairs.length).toBeGreaterThan(0);
    const { a } = copies.pairs[0];
    const { page, context } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'quantri');
    await page.goto(`/reflections/${a.reflectionId}/grade`);
    const flag = page.getByTestId('copy-flag');
    await flag.waitFor({ timeout: 20_000 });
    expect(await flag.textContent()).toMatch(/trùng/i);
    await page.getByTestId('copy-flag-toggle').click();
    await shot(page, '44-grading-copy-flag');
    await context.close();
  });

  it('the province officer sets the reflections\' due date within the plan\'s deadline, and the member sees it', async () => {
    const asOfficer = await apiAs(server.baseUrl, 'tuyengiao');
    const before = await asOfficer<{ plan: { reflectionsBy: string } | null; dueAt: string | null }>(`/api/campaigns/${campaign.id}/reflection-settings`);
    const planDay = before.plan!.reflectionsBy; // yyyy-mm-dd
    const vn = (iso: string) => iso.split('-').reverse().join('/');
    const dayAfter = new Date(Date.parse(`${planDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    const { page, context } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao');
    await page.goto(`/campaigns/${campaign.id}/reflection-stats`);
    await page.getByRole('tab', { name: 'Cài đặt thu hoạch' }).click();
    await page.getByTestId('reflection-settings-page').waitFor();
    await page.getByText(`nộp bài thu hoạch chậm nhất ngày ${vn(planDay)}`).waitFor();
    const due = page.getByTestId('settings-due');
    const setDue = async (text: string) => {
      await due.click();
      await due.fill(text);
      await due.press('Enter');
      await expect.poll(() => due.inputValue()).toBe(text);
    };
    await setDue(`${vn(dayAfter)} 17:00`);
    await page.getByTestId('settings-save').click();
    await page.getByText(`Không được muộn hơn ngày ${vn(planDay)} của kế hoạch`).first().waitFor();
    await setDue(`${vn(planDay)} 16:00`);
    await page.getByTestId('settings-save').click();
    // Enter in the date field may already have sent the form: one toast or two.
    await page.getByText('Đã lưu cách thu và chấm bài thu hoạch').first().waitFor();
    await shot(page, '45-reflection-settings');
    await context.close();

    const mine = await (await apiAs(server.baseUrl, 'dangvien'))<{ settings: { dueAt: string } }>(`/api/reflections/mine?campaignId=${campaign.id}`);
    expect(mine.settings.dueAt).toBe(new Date(`${planDay}T16:00:00+07:00`).toISOString());
  });
});
