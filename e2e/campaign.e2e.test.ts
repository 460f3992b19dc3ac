import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiAs, launchBrowser, loginUi, newPage, PHONE, shot, startServer, type TestServer } from './support';
import { writeQrVideo } from './qr-video';

interface MyCampaign { id: string; title: string; conferences: Array<{ conferenceId: string; title: string; qrCode: string; status: string }> }

let server: TestServer;
let browser: Browser;
let asMember: Awaited<ReturnType<typeof apiAs>>;
let campaign: MyCampaign;

beforeAll(async () => {
  server = await startServer({ members: 2000 });
  browser = await launchBrowser();
  asMember = await apiAs(server.baseUrl, 'dangvien');
  [campaign] = await asMember<MyCampaign[]>('/api/me/campaigns');
  expect(campaign.conferences.length).toBeGreaterThan(0);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('campaign flows in the browser', () => {
  it('c) a member opens their QR code on a phone and the organizer\'s phone camera checks them in, once', async () => {
    const upcoming = campaign.conferences.find((c) => c.status === 'invited')!;
    const member = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(member.page, 'dangvien');
    await expect.poll(() => new URL(member.page.url()).pathname).toBe('/my-campaign');
    await member.page.getByTestId('my-conference').first().waitFor();
    await shot(member.page, '21-phone-my-campaign');
    await member.page.getByTestId('show-qr').first().click();
    const code = (await member.page.getByTestId('qr-code-text').textContent())!.trim();
    expect(code).toBe(upcoming.qrCode);
    await shot(member.page, '22-phone-my-qr', false);

    // The organizer's phone: Chromium's fake camera shows the member's screen (the same code).
    const camera = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${writeQrVideo(code)}`]);
    try {
      const organizer = await newPage(camera, server.baseUrl, PHONE);
      await organizer.context.grantPermissions(['camera'], { origin: server.baseUrl });
      await loginUi(organizer.page, 'tuyengiao.xa');
      await organizer.page.goto(`/conferences/${upcoming.conferenceId}/check-in`);
      await organizer.page.getByTestId('start-camera').click();
      const result = organizer.page.getByTestId('scan-result');
      await expect.poll(async () => (await result.count()) > 0 ? result.textContent() : '', { timeout: 20_000 }).toContain('Đã điểm danh');
      expect(await result.textContent()).toContain('Nguyễn Văn An');
      await expect.poll(() => organizer.page.getByTestId('present-count').textContent()).toBe('1');
      await shot(organizer.page, '23-phone-check-in', false);
      // The camera keeps seeing the code: after the pause it reports "already", and the count stays at one.
      await expect.poll(async () => result.textContent(), { timeout: 20_000 }).toContain('Đã điểm danh trước đó');
      expect(await organizer.page.getByTestId('present-count').textContent()).toBe('1');
      await organizer.context.close();
    } finally {
      await camera.close();
    }
    await member.page.reload();
    await expect.poll(() => member.page.getByTestId('my-attendance').first().textContent()).toContain('Đã có mặt lúc');
    await member.context.close();
  });

  it('d) the organizer closes the conference: absentees land on the make-up list, the branch committee confirms one', async () => {
    // The commune's key cadres met this morning (in the demo); the branch's secretary is among those invited.
    const asOrganizer = await apiAs(server.baseUrl, 'tuyengiao.xa');
    const conferences = await asOrganizer<Array<{ id: string; title: string; status: string }>>(`/api/conferences?campaignId=${campaign.id}`);
    const today = conferences.find((c) => c.title.includes('cán bộ chủ chốt') && c.status === 'scheduled')!;
    const [branch] = await (await apiAs(server.baseUrl, 'chiuy'))<Array<{ id: string; name: string }>>('/api/orgs');
    const organizer = await newPage(browser, server.baseUrl);
    await loginUi(organizer.page, 'tuyengiao.xa');
    await organizer.page.goto(`/conferences/${today.id}/attendance`);
    await organizer.page.getByTestId('attendance-page').waitFor();
    // Guests who are not members, pasted from a spreadsheet, each get a code of their own.
    await organizer.page.getByRole('button', { name: 'Thêm khách mời' }).click();
    await organizer.page.getByTestId('guests-text').fill('Họ và tên\tChức vụ\tĐơn vị\nĐỗ Quang Hải\tGiám đốc\tCông ty TNHH Minh Phát');
    await organizer.page.getByRole('button', { name: 'Mời 1 khách' }).click();
    await organizer.page.getByText('Đã mời 1 khách mời').waitFor();
    const guests = await asOrganizer<{ items: Array<{ memberId: string | null; guestOrg: string; qrCode: string }> }>(`/api/conferences/${today.id}/invitations?q=Quang%20H%E1%BA%A3i`);
    expect(guests.items.filter((g) => g.memberId === null)).toMatchObject([{ guestOrg: 'Công ty TNHH Minh Phát' }]);
    await organizer.page.getByRole('combobox', { name: 'Chi bộ' }).click();
    await organizer.page.locator('.ant-select-item-option', { hasText: branch.name }).first().click();
    await organizer.page.getByRole('button', { name: 'Vắng' }).first().click();
    await organizer.page.locator('#absence-reason').fill('Đi công tác');
    await organizer.page.locator('#absence-reason').press('Tab'); // closes the suggestions over the dialog's buttons
    await organizer.page.getByRole('dialog').getByRole('button', { name: 'Vắng' }).click();
    await expect.poll(() => organizer.page.getByText('Vắng: Đi công tác').count()).toBe(1);
    await shot(organizer.page, '24-attendance-roster');
    await organizer.page.getByTestId('close-conference').click();
    await organizer.page.getByRole('button', { name: 'Kết thúc hội nghị' }).last().click();
    await organizer.page.getByText(/Đã kết thúc hội nghị/).waitFor();
    await organizer.page.goto(`/campaigns/${campaign.id}/makeups`);
    await organizer.page.getByText('Đi công tác').first().waitFor();
    await shot(organizer.page, '25-makeups');
    await organizer.context.close();

    const chiUy = await newPage(browser, server.baseUrl, PHONE);
    await loginUi(chiUy.page, 'chiuy');
    await chiUy.page.goto(`/campaigns/${campaign.id}/makeups`);
    const cards = chiUy.page.getByTestId('makeup-card');
    await cards.first().waitFor();
    const before = await cards.count();
    const name = (await cards.first().locator('.qt-roster-name').textContent())!.replace('Chưa học bù', '').trim();
    // Names repeat in a commune: count the namesakes already confirmed, to see exactly one more after.
    await Promise.all([
      chiUy.page.waitForResponse((r) => r.url().includes('/makeups') && r.url().includes('completed') && r.ok()),
      chiUy.page.getByText('Đã học bù', { exact: true }).click(),
    ]);
    await expect.poll(() => chiUy.page.getByTestId('makeups-loading').count()).toBe(0); // the completed list is drawn
    const namesakesDone = await chiUy.page.getByTestId('makeup-card').filter({ hasText: name }).count();
    await chiUy.page.getByText('Chưa học bù', { exact: true }).click();
    await expect.poll(() => cards.count()).toBe(before);
    await shot(chiUy.page, '26-phone-makeups', false);
    await chiUy.page.getByTestId('confirm-makeup').first().click();
    await chiUy.page.getByRole('dialog').getByRole('button', { name: 'Xác nhận đã học' }).click();
    await chiUy.page.getByText('Đã xác nhận học bù').waitFor();
    await chiUy.page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => cards.count()).toBe(before - 1);
    await chiUy.page.getByText('Đã học bù', { exact: true }).click();
    await expect.poll(() => chiUy.page.getByTestId('makeup-card').filter({ hasText: name }).count()).toBe(namesakesDone + 1);
    await shot(chiUy.page, '27-phone-makeup-confirmed', false);
    await chiUy.context.close();
  });
});
