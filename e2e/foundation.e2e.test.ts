import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, launchBrowser, loginUi, newPage, PHONE, shot, startServer, type TestServer } from './support';
import { buildBranchSheetLayout, NOT_XLSX_BYTES, sampleMember } from '../test/fixtures/member-sheets';

interface Org { id: string; name: string; code: string; kind: string; childCount: number; memberCount: number }
interface MemberPage { items: Array<{ id: string; fullName: string; branchId: string }>; total: number }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
let browser: Browser;
let asOfficer: Awaited<ReturnType<typeof apiAs>>;
let province: Org;
let commune: Org;
let branches: Org[];

beforeAll(async () => {
  server = await startServer({ members: 2000 });
  browser = await launchBrowser();
  asOfficer = await apiAs(server.baseUrl, 'tuyengiao');
  [province] = await asOfficer<Org[]>('/api/orgs');
  const level1 = await asOfficer<Org[]>(`/api/orgs/${province.id}/children`);
  commune = level1.find((o) => o.kind === 'commune_committee' && o.childCount > 0)!;
  branches = (await asOfficer<Org[]>(`/api/orgs/${commune.id}/children`)).filter((o) => o.childCount === 0 && o.memberCount > 0);
  expect(branches.length).toBeGreaterThan(2);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const treeNode = (page: Page, orgId: string) => page.locator('.ant-tree-treenode', { has: page.locator(`[data-org-id="${orgId}"]`) });

/** Picks an org in an OrgSearchSelect by typing its code. */
async function pickOrg(page: Page, selectId: string, org: Org) {
  await page.locator(`#${selectId}`).click();
  await page.locator(`#${selectId}`).fill(org.code);
  await page.locator('.ant-select-item-option', { hasText: org.name }).first().click();
}

describe('foundation flows in the browser', () => {
  it('serves the production build of the web app (smaller and faster on an old phone than React\'s development build)', async () => {
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(new URL(src, server.baseUrl))).text();
      expect(js.length).toBeGreaterThan(1000);
      expect(js).not.toContain('jsxDEV');
    }
  });

  it('a) an officer browses the tree, finds a member without accents and opens the page', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.getByText('Học tập, quán triệt và triển khai thực hiện Nghị quyết').waitFor();
    await shot(page, '01-login');

    // A wrong password shows the server's Vietnamese title.
    await page.locator('#username').fill('tuyengiao');
    await page.locator('#password').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng' }).waitFor();

    await loginUi(page, 'tuyengiao');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/orgs');
    await page.getByText('Cán bộ Ban Tuyên giáo — Đảng bộ tỉnh Minh Sơn').waitFor();

    // The province (opened on arrival), then a commune-level org, each with subtree member counts.
    await treeNode(page, province.id).getByText(`${province.memberCount.toLocaleString('vi-VN')} đảng viên`).waitFor();
    await treeNode(page, commune.id).waitFor();
    await treeNode(page, commune.id).locator('.ant-tree-switcher').click();
    await treeNode(page, branches[0].id).getByText(`${branches[0].memberCount.toLocaleString('vi-VN')} đảng viên`).waitFor();
    await treeNode(page, commune.id).locator('.ant-tree-node-content-wrapper').click();
    const panel = page.getByTestId('org-panel');
    await panel.getByRole('heading', { name: commune.name }).waitFor();
    await panel.getByText(branches[1].name).first().waitFor();
    await shot(page, '02-org-tree');

    // "Xuất Excel" downloads the org's member list.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await import('node:fs').then((fs) => download.path().then((p) => fs.readFileSync(p)));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // "Xem đảng viên" → the list filtered to that org; accent-free search.
    await panel.getByRole('button', { name: 'Xem đảng viên' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('orgId')).toBe(commune.id);
    await page.locator('#member-search').fill('nguyen van an');
    const row = page.locator('.ant-table-row', { hasText: 'Nguyễn Văn An' }).first();
    await row.waitFor();
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
    for (const name of await page.locator('.ant-table-row td:first-child a').allTextContents()) expect(fold(name)).toContain('nguyen van an');
    await shot(page, '03-member-list');

    await row.click();
    await page.getByTestId('member-page').waitFor();
    await page.getByRole('heading', { name: 'Nguyễn Văn An' }).waitFor();
    await page.getByText('Thông tin Đảng').waitFor();
    await page.getByText('Số thẻ đảng viên').waitFor();
    expect(await page.getByText('Số CCCD').count()).toBe(0); // a propaganda officer does not see CCCD
    await shot(page, '04-member-page');
    await context.close();
  });

  it('b) an officer imports a sheet: errors by row and column first, then a clean sheet is committed', async () => {
    const branch = branches[0];
    const { context, page } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao');
    await page.getByRole('link', { name: 'Nhập danh sách' }).click();
    await page.getByRole('heading', { name: 'Nhập danh sách đảng viên' }).waitFor();
    await pickOrg(page, 'import-org', branch);

    // Not an Excel file: the server's message.
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-sach.xlsx', mimeType: XLSX, buffer: NOT_XLSX_BYTES });
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tệp không phải là bảng tính Excel (.xlsx)' }).first().waitFor();

    const base = 71_000_000 + Math.floor(Math.random() * 900_000);
    const rows = Array.from({ length: 6 }, (_v, i) => ({ ...sampleMember(i), cardNumber: String(base + i) }));
    rows[4].cardNumber = rows[1].cardNumber;
    const bad = await buildBranchSheetLayout({ rows, raw: { 2: { birthDate: '31/02/1980' } } });
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-sach-co-loi.xlsx', mimeType: XLSX, buffer: bad.buffer });
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByTestId('import-rejected').waitFor({ timeout: 30_000 });
    await page.getByText('chưa có dữ liệu nào được ghi').first().waitFor();
    const errors = page.getByTestId('import-errors');
    const dateRow = errors.locator('tr', { hasText: `${bad.letter('birthDate')} (Ngày sinh)` });
    await expect.poll(() => dateRow.first().locator('td').first().textContent()).toBe(String(bad.dataRows[2]));
    const cardRow = errors.locator('tr', { hasText: `${bad.letter('cardNumber')} (Số thẻ đảng viên)` });
    await expect.poll(() => cardRow.first().locator('td').first().textContent()).toBe(String(bad.dataRows[4]));
    expect(await page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' }).count()).toBe(0);
    await shot(page, '05-import-preview-errors');

    // The corrected sheet goes to the same branch (still chosen), is ready, and is committed.
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    rows[4].cardNumber = String(base + 4);
    const good = await buildBranchSheetLayout({ rows });
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-sach-chi-bo.xlsx', mimeType: XLSX, buffer: good.buffer });
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const commit = page.getByRole('button', { name: 'Ghi vào cơ sở dữ liệu' });
    await commit.waitFor({ timeout: 30_000 });
    await page.getByTestId('import-counts').getByText('Thêm mới').waitFor();
    await shot(page, '06-import-preview-ready');
    await commit.click();
    const result = page.getByTestId('import-result');
    await result.getByText('Đã ghi danh sách vào cơ sở dữ liệu').waitFor({ timeout: 30_000 });
    await result.getByText('6 đảng viên thêm mới').waitFor();
    await page.waitForTimeout(400); // let the step icons finish their transition
    await shot(page, '07-import-committed');

    const after = await asOfficer<MemberPage>(`/api/members?orgId=${branch.id}&q=${rows[0].cardNumber}`);
    expect(after.items.map((m) => m.fullName)).toEqual([rows[0].fullName]);
    await context.close();
  });

  it("c) a branch committee member gets 'not found' for another branch's member", async () => {
    const asChiUy = await apiAs(server.baseUrl, 'chiuy');
    const me = await asChiUy<{ grants: Array<{ orgId: string }> }>('/api/me');
    const own = new Set(me.grants.map((g) => g.orgId));
    const other = branches.find((b) => !own.has(b.id))!;
    const list = await asOfficer<MemberPage>(`/api/members?orgId=${other.id}&pageSize=5`);
    const stranger = list.items.find((m) => !own.has(m.branchId))!;

    const { context, page } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'chiuy');
    await page.goto(`/members/${stranger.id}`);
    await page.getByText('Không tìm thấy đảng viên hoặc bạn không có quyền xem').waitFor();
    expect(await page.getByText(stranger.fullName).count()).toBe(0);
    await shot(page, '08-not-found-other-branch');
    expect(await page.getByRole('link', { name: 'Nhập danh sách' }).count()).toBe(1); // branch committee manages members
    await context.close();
  });

  it('d) a member on a phone lands on their study page and opens their own record, in large text', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(page, 'dangvien');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my-campaign');
    await page.getByRole('link', { name: /Hồ sơ đảng viên của tôi/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/members\/[0-9a-f-]{36}$/);
    await page.getByTestId('member-page').waitFor();
    await page.getByText('Hồ sơ của tôi').waitFor();
    await page.getByRole('heading', { name: 'Nguyễn Văn An' }).waitFor();
    expect(await page.getByText('Tổ chức đảng').count()).toBe(0);
    const fontSize = await page.locator('.qt-large-item dd').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '09-phone-member-page', false);
    await shot(page, '10-phone-member-page-full');

    // Anything else sends them back to their own study page.
    await page.goto('/orgs');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/my-campaign');
    await context.close();
  });
});
