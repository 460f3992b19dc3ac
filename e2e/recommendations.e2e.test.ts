import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, launchBrowser, loginUi, newPage, PHONE, shot, startServer, type TestServer } from './support';

/**
 * The recommendation roll-up in the browser, on the demo province: a member's typed recommendation is
 * gathered at the company committee, forwarded to the commune, where the commune officer merges, splits,
 * marks it sensible and forwards it to the province and to the Standing Committee; the province officer
 * sees it with its count, the province secretary answers, and the answer reaches the branch secretary
 * and the member on their phones.
 */

interface Group { id: string; title: string; count: number; status: string; forwardedAt: string | null; reportedAt: string | null; origins: Array<{ orgId: string; orgName: string; count: number }>; answers: Array<{ answer: string; orgName: string }> }
interface Pool { org: { id: string; name: string }; groups: Group[]; children: Array<{ orgId: string; name: string }>; sentences: number; unassigned: number; extracted: number }
interface Me { grants: Array<{ orgId: string; orgName: string }> }

let server: TestServer;
let browser: Browser;
let campaignId: string;
let communeId: string;
let companyId: string;
const ANSWER = 'Tỉnh ủy đã giao Ủy ban nhân dân tỉnh bổ sung kinh phí hoạt động cho chi bộ ở doanh nghiệp và thôn, tổ dân phố từ quý I năm 2027.';
const MY_RECOMMENDATION = 'Đề nghị cấp trên bố trí thêm kinh phí hoạt động cho các chi bộ trong doanh nghiệp để đáp ứng yêu cầu nhiệm vụ.';

/** Saves in e2e/screenshots (with the other e2e pictures) and in /tmp/shots for looking at. */
async function snap(page: Page, name: string, fullPage = true) {
  const file = await shot(page, name, fullPage);
  fs.mkdirSync('/tmp/shots', { recursive: true });
  fs.copyFileSync(file, path.join('/tmp/shots', path.basename(file)));
}

/** "Đề nghị" → "de nghi": what an officer types on a keyboard without Vietnamese input. */
const unaccented = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const groupRow = (page: Page, title: string) => page.locator('tr.ant-table-row', { hasText: title }).first();

/**
 * Opens the row's menu, picks the action and waits until `took` says it took effect (a status shown, a
 * dialog open). The list refetches after every change, and a menu opened on a row being replaced closes
 * under the click — the click then lands on nothing: the menu is opened again until the action shows.
 */
async function rowAction(page: Page, title: string, action: string, took: () => Promise<boolean>) {
  await page.waitForLoadState('networkidle');
  await vi.waitFor(async () => {
    if (await took()) return;
    await page.keyboard.press('Escape');
    await groupRow(page, title).getByTestId('rec-actions').click({ timeout: 5000 });
    await page.getByRole('menuitem', { name: action }).click({ timeout: 3000 });
    await expect.poll(took, { timeout: 8000, interval: 250 }).toBe(true);
  }, { timeout: 60_000, interval: 500 });
}
const statusIs = (page: Page, title: string, label: string) => async () =>
  (await groupRow(page, title).getByTestId('rec-status').textContent().catch(() => null)) === label;
const rowSays = (page: Page, title: string, text: string) => async () =>
  ((await groupRow(page, title).textContent().catch(() => null)) ?? '').includes(text);
const dialogOpen = (page: Page, selector: string) => async () => page.locator(selector).isVisible();

/** The row's status tag reads `label` (the change reached the server and the list shows it). */
async function expectStatus(page: Page, title: string, label: string) {
  await expect.poll(() => groupRow(page, title).getByTestId('rec-status').textContent(), { timeout: 20_000 }).toBe(label);
}

/** A toast with the text is (or was just) shown; reads without waiting, so a toast that comes and goes between polls is not waited for 30 s. */
async function expectMessage(page: Page, text: string) {
  await expect.poll(async () => (await page.locator('.ant-message-notice').allTextContents()).join(' | '), { timeout: 20_000 }).toContain(text);
}

beforeAll(async () => {
  server = await startServer({ members: 2000 });
  browser = await launchBrowser();
  [{ id: campaignId }] = await (await apiAs(server.baseUrl, 'dangvien'))<Array<{ id: string }>>('/api/me/campaigns');
  communeId = (await (await apiAs(server.baseUrl, 'tuyengiao.xa'))<Me>('/api/me')).grants[0].orgId;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('recommendations in the browser', () => {
  it('a member hands in a typed reflection with a recommendation', async () => {
    const { page, context } = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(page, 'dangvien');
    const res = await page.request.post(`/api/reflections/mine?campaignId=${campaignId}`, {
      headers: { 'idempotency-key': 'e2e-recommendation-1' },
      multipart: {
        text: 'Qua học tập Nghị quyết, tôi nhận thức rõ hơn trách nhiệm của đảng viên trong doanh nghiệp.',
        recommendations: MY_RECOMMENDATION,
      },
    });
    expect(res.status()).toBe(201);
    await context.close();
  });

  it('the commune officer gathers, drills into the company committee and forwards the member\'s group to the commune', async () => {
    const { page, context } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao.xa');
    await page.goto(`/campaigns/${campaignId}/recommendations`);
    await page.getByTestId('recommendations-page').waitFor();
    await expect.poll(() => page.getByTestId('pool-title').textContent(), { timeout: 20_000 }).toContain('Đảng bộ xã Cẩm Hải');
    await page.getByTestId('gather-now').click();
    await expectMessage(page, 'tổng hợp');
    await expect.poll(() => page.getByTestId('rec-group').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    // The counts head the list, largest first.
    const counts = (await page.getByTestId('rec-count').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await snap(page, '51-commune-recommendations', false);

    // Down to the company committee, where the member's branch sits.
    await page.getByText('Kiến nghị của các cấp ủy cấp dưới').click();
    await page.getByTestId('child-pool').first().click();
    await expect.poll(() => page.getByTestId('pool-title').textContent(), { timeout: 20_000 }).toContain('Công ty');
    await page.getByTestId('gather-now').click();
    await expectMessage(page, 'tổng hợp');
    const asMember = await apiAs(server.baseUrl, 'dangvien');
    let mine: { items: Array<{ text: string; group: { title: string } | null }> } = { items: [] };
    await expect.poll(async () => {
      mine = await asMember(`/api/me/campaigns/${campaignId}/recommendations`);
      return mine.items.find((i) => i.text === MY_RECOMMENDATION)?.group?.title ?? null;
    }, { timeout: 30_000 }).not.toBeNull();
    const memberGroup = mine.items.find((i) => i.text === MY_RECOMMENDATION)!.group!.title;
    // Accent-insensitive search finds it typed without diacritics.
    await page.getByTestId('rec-search').fill(unaccented(memberGroup).slice(0, 40));
    await groupRow(page, memberGroup).waitFor();
    await rowAction(page, memberGroup, 'Chọn là xác đáng', statusIs(page, memberGroup, 'Xác đáng'));
    await expectStatus(page, memberGroup, 'Xác đáng');
    await rowAction(page, memberGroup, 'Chuyển lên cấp trên', dialogOpen(page, '.ant-modal-confirm'));
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Chuyển lên cấp trên' }).click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await expectMessage(page, 'Đã chuyển kiến nghị lên cấp trên');
    await expect.poll(() => groupRow(page, memberGroup).textContent(), { timeout: 20_000 }).toContain('Đã chuyển cấp trên');
    await snap(page, '52-company-forwarded', false);
    await context.close();
  });

  it('at the commune: merges two groups, splits one, marks the group sensible, forwards it up and to the Standing Committee', async () => {
    const asCommune = await apiAs(server.baseUrl, 'tuyengiao.xa');
    // The background gathering the member's submission asked for runs once, 30 s later: let it finish.
    const waited = Date.now();
    await expect.poll(async () => (await asCommune<{ pending: boolean }>(`/api/campaigns/${campaignId}/recommendations`)).pending, { timeout: 120_000, interval: 2000 }).toBe(false);
    console.log(`background gathering done after ${Date.now() - waited} ms`);
    const before = await asCommune<Pool>(`/api/campaigns/${campaignId}/recommendations`);
    companyId = before.children[0].orgId;
    const target = before.groups.find((g) => g.origins.some((o) => o.orgId === companyId))!;
    expect(target).toBeDefined();
    const other = before.groups.filter((g) => g.id !== target.id && g.status === 'open' && g.count >= 2).at(-1)!;
    // Several members may have written the same sentence: entries are picked by id, not by text.
    const otherEntryIds = (await asCommune<{ entries: Array<{ id: string }> }>(`/api/recommendation-groups/${other.id}`)).entries.map((e) => e.id);
    expect(otherEntryIds.length).toBeGreaterThan(1);

    const { page, context } = await newPage(browser, server.baseUrl);
    await loginUi(page, 'tuyengiao.xa');
    await page.goto(`/campaigns/${campaignId}/recommendations`);
    await groupRow(page, target.title).waitFor();
    // Merge: tick both, keep the target's title.
    await groupRow(page, target.title).locator('.ant-checkbox-input').check();
    await groupRow(page, other.title).locator('.ant-checkbox-input').check();
    await page.getByTestId('merge-button').click();
    await page.locator('.ant-modal .ant-radio-wrapper', { hasText: target.title }).click();
    await snap(page, '53-commune-merge-dialog', false);
    await page.getByTestId('merge-ok').click();
    await expectMessage(page, 'Đã gộp 2 nhóm');
    await expect.poll(() => groupRow(page, target.title).getByTestId('rec-count').textContent(), { timeout: 20_000 }).toBe(String(target.count + other.count));
    expect(await page.locator('tr.ant-table-row', { hasText: other.title }).count()).toBe(0);

    // Split the other group's sentences out again, under a title of the officer's.
    await groupRow(page, target.title).locator('.ant-table-row-expand-icon').click();
    const entries = page.getByTestId('rec-entries');
    await entries.waitFor();
    for (const id of otherEntryIds) await entries.locator(`[data-entry-id="${id}"] .ant-checkbox-input`).check();
    await snap(page, '54-commune-entries-expanded', false);
    await page.getByTestId('split-button').click();
    await page.getByTestId('split-title').fill(other.title);
    await page.locator('.ant-modal').getByRole('button', { name: 'Tách thành nhóm mới' }).click();
    await expectMessage(page, 'thành nhóm mới');
    await groupRow(page, other.title).waitFor();

    // Sensible, then up to the province and to the commune's Standing Committee.
    await rowAction(page, target.title, 'Chọn là xác đáng', statusIs(page, target.title, 'Xác đáng'));
    await expectStatus(page, target.title, 'Xác đáng');
    await rowAction(page, target.title, 'Chuyển lên cấp trên', dialogOpen(page, '.ant-modal-confirm'));
    await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Chuyển lên cấp trên' }).click();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await expectMessage(page, 'Đã chuyển kiến nghị lên cấp trên');
    // The list refetches after the forward: open the next menu on the settled row, not on one being replaced.
    await expect.poll(() => groupRow(page, target.title).textContent(), { timeout: 20_000 }).toContain('Đã chuyển cấp trên');
    await page.waitForLoadState('networkidle');
    await rowAction(page, target.title, 'Trình Thường vụ', rowSays(page, target.title, 'Đã trình Thường vụ'));
    await expect.poll(() => groupRow(page, target.title).textContent(), { timeout: 20_000 }).toContain('Đã trình Thường vụ');
    await page.getByRole('tab', { name: /Đã chuyển cấp trên/ }).click();
    await expect.poll(() => page.getByTestId('rec-group').count(), { timeout: 20_000 }).toBe(1);
    await snap(page, '55-commune-forwarded', false);
    const after = (await asCommune<Pool>(`/api/campaigns/${campaignId}/recommendations`)).groups.find((g) => g.id === target.id)!;
    expect(after.forwardedAt).not.toBeNull();
    expect(after.reportedAt).not.toBeNull();
    expect(after.count).toBe(target.count);
    await context.close();

    const phone = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(phone.page, 'tuyengiao.xa');
    await phone.page.goto(`/campaigns/${campaignId}/recommendations`);
    await groupRow(phone.page, target.title).waitFor();
    await groupRow(phone.page, target.title).scrollIntoViewIfNeeded();
    await snap(phone.page, '56-phone-commune-recommendations', false);
    await phone.context.close();
  }, 180_000);

  it('the province officer sees the commune\'s recommendation with its count; the province secretary answers', async () => {
    const asCommune = await apiAs(server.baseUrl, 'tuyengiao.xa');
    const fromCommune = (await asCommune<Pool>(`/api/campaigns/${campaignId}/recommendations`)).groups.find((g) => g.forwardedAt)!;
    // At the province it joined a group of the province's pool (its own, or one saying the same), carrying the commune's count.
    const asProvince = await apiAs(server.baseUrl, 'tuyengiao');
    const provincePool = await asProvince<Pool>(`/api/campaigns/${campaignId}/recommendations`);
    const forwarded = provincePool.groups.find((g) => g.origins.some((o) => o.orgId === communeId))!;
    expect(forwarded.origins.find((o) => o.orgId === communeId)!.count).toBe(fromCommune.count);
    // The province's figures count what was forwarded into its pool, not only its own branches' sentences.
    expect(provincePool.sentences).toBe(provincePool.groups.reduce((n, g) => n + g.count, provincePool.unassigned));
    expect(provincePool.extracted).toBeGreaterThan(0);

    const officer = await newPage(browser, server.baseUrl);
    await loginUi(officer.page, 'tuyengiao');
    await officer.page.goto(`/campaigns/${campaignId}/recommendations`);
    await expect.poll(() => officer.page.getByTestId('pool-title').textContent(), { timeout: 20_000 }).toContain('Đảng bộ tỉnh Minh Sơn');
    const row = groupRow(officer.page, forwarded.title);
    await row.waitFor();
    expect(await row.getByTestId('rec-count').textContent()).toBe(String(forwarded.count));
    expect(await row.getByTestId('rec-origins').textContent()).toContain(`Đảng bộ xã Cẩm Hải (${fromCommune.count})`);
    await snap(officer.page, '57-province-recommendations', false);
    await officer.context.close();

    const secretary = await newPage(browser, server.baseUrl);
    await loginUi(secretary.page, 'bithu');
    await secretary.page.goto(`/campaigns/${campaignId}/recommendations`);
    await groupRow(secretary.page, forwarded.title).waitFor();
    await rowAction(secretary.page, forwarded.title, 'Trả lời', dialogOpen(secretary.page, '[data-testid="answer-text"]'));
    await secretary.page.getByTestId('answer-text').fill(ANSWER);
    await snap(secretary.page, '58-province-answer-dialog', false);
    await secretary.page.locator('.ant-modal').getByRole('button', { name: 'Lưu' }).click();
    await expectMessage(secretary.page, 'Đã lưu trả lời');
    await expect.poll(() => groupRow(secretary.page, forwarded.title).textContent(), { timeout: 20_000 }).toContain(`Trả lời của Đảng bộ tỉnh Minh Sơn`);
    expect(await groupRow(secretary.page, forwarded.title).textContent()).toContain(ANSWER);
    await snap(secretary.page, '59-province-answered', false);
    await secretary.context.close();
  }, 120_000);

  it('the branch secretary reads the answer on a phone, reached from the campaign tab', async () => {
    const { page, context } = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(page, 'chiuy');
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole('tab', { name: 'Kiến nghị' }).click();
    await page.waitForURL(/recommendation-answers/);
    const card = page.getByTestId('answer-group').filter({ hasText: ANSWER });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('Trả lời của Đảng bộ tỉnh Minh Sơn');
    expect(await card.textContent()).toMatch(/\d+ trong \d+ ý kiến là của đơn vị/);
    await snap(page, '60-phone-branch-answers');
    await context.close();

    const desk = await newPage(browser, server.baseUrl);
    await loginUi(desk.page, 'chiuy');
    await desk.page.goto(`/campaigns/${campaignId}/recommendation-answers`);
    await desk.page.getByTestId('answer-group').filter({ hasText: ANSWER }).waitFor();
    await snap(desk.page, '61-branch-answers', false);
    await desk.context.close();
  });

  it('the member reads what became of their recommendation, in large type', async () => {
    const { page, context } = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(page, 'dangvien');
    await page.goto('/my-campaign');
    await page.getByTestId('my-recommendations-link').first().click();
    const item = page.getByTestId('my-recommendation').filter({ hasText: MY_RECOMMENDATION });
    await item.waitFor({ timeout: 20_000 });
    expect(await item.textContent()).toContain(ANSWER);
    expect(await item.textContent()).toContain('Đã chuyển lên');
    await snap(page, '62-phone-my-recommendations');
    await context.close();
  });
});
