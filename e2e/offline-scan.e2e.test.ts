import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, launchBrowser, loginUi, newPage, PHONE, shot, startServer, type TestServer } from './support';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ members: 2000 });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the organizer\'s scanner without a connection', () => {
  it('keeps scans made offline, shows how many wait, and sends them in one go when the connection is back', async () => {
    const [campaign] = await (await apiAs(server.baseUrl, 'dangvien'))<Array<{ conferences: Array<{ conferenceId: string; status: string }> }>>('/api/me/campaigns');
    const conferenceId = campaign.conferences.find((c) => c.status === 'invited')!.conferenceId;
    const asOrganizer = await apiAs(server.baseUrl, 'tuyengiao.xa');
    const roster = await asOrganizer<{ items: Array<{ qrCode: string }> }>(`/api/conferences/${conferenceId}/invitations?status=invited&pageSize=3`);
    const codes = roster.items.map((i) => i.qrCode);

    const { page, context } = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(page, 'tuyengiao.xa');
    await page.goto(`/conferences/${conferenceId}/check-in`);
    const present = Number(await page.getByTestId('present-count').textContent());
    await context.setOffline(true);
    const input = page.getByLabel('Nhập mã trên giấy mời');
    for (const code of [codes[0], codes[1], codes[0]]) {
      await input.fill(code);
      await input.press('Enter');
      await page.waitForTimeout(50);
    }
    // The same code typed twice while offline waits once.
    await expect.poll(() => page.getByTestId('pending-scans').textContent()).toContain('Đang chờ gửi: 2 lượt quét');
    expect(await page.getByTestId('scan-result').textContent()).toContain('đã lưu để gửi sau');
    await shot(page, '24-phone-offline-queue', false);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-result').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('sync-result').textContent()).toContain('Đã gửi 2 lượt quét: 2 điểm danh mới');
    expect(await page.getByTestId('pending-scans').count()).toBe(0);
    await expect.poll(() => page.getByTestId('present-count').textContent()).toBe(String(present + 2));
    expect(await page.evaluate((id) => localStorage.getItem(`qt.checkin-queue.${id}`), conferenceId)).toBeNull();
    await shot(page, '25-phone-offline-synced', false);
    await context.close();
  });
});
