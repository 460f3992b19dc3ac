import fs from 'node:fs';
import { chromium, type Page, type APIRequestContext } from 'playwright-core';

const BASE = 'http://127.0.0.1:3101';
const OUT = '/tmp/shots-campaigns';
const PW = 'MinhSon@2026';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function session(user: string, viewport = { width: 1366, height: 900 }) {
  const ctx = await browser.newContext({ baseURL: BASE, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(PW);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  return { ctx, page, req: ctx.request };
}
const shot = async (page: Page, name: string, full = true) => { await page.waitForTimeout(700); await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full }); console.log('shot', name); };
const json = async (req: APIRequestContext, method: string, url: string, data?: unknown) => {
  const res = await req.fetch(BASE + url, { method, data, headers: { origin: BASE } });
  const body = await res.json().catch(() => null);
  if (!res.ok()) console.log('API', method, url, res.status(), JSON.stringify(body));
  return body;
};

const tg = await session('tuyengiao');
const campaignId = (await json(tg.req, 'GET', '/api/campaigns') as Array<{ id: string; title: string }>).find((c) => c.title.includes('Đại hội II'))!.id;
// 4. Commune officer builds the child plan, is refused a late deadline.
const xa = await session('tuyengiao.xa');
await xa.page.goto(`/campaigns/${campaignId}`);
await xa.page.waitForTimeout(1500);
if (await xa.page.getByRole('button', { name: 'Xây dựng kế hoạch' }).count()) await xa.page.getByRole('button', { name: 'Xây dựng kế hoạch' }).click();
else await xa.page.getByRole('button', { name: 'Mở kế hoạch' }).click();
await xa.page.waitForURL(/\/plans\//);
await xa.page.waitForTimeout(1500);

await xa.page.getByText('Kế thừa').first().waitFor();
await shot(xa.page, '08-child-plan-editor');
const picker = xa.page.locator('.qt-deadline-grid .ant-picker input').nth(7); // branch conferencesBy (levels: commune, grassroots, sub, branch)
await picker.click();
await picker.fill('28/12/2026');
await xa.page.keyboard.press('Enter');
await xa.page.getByRole('button', { name: 'Lưu dự thảo' }).click();
await xa.page.getByText('muộn hơn thời hạn kế hoạch cấp trên cho phép').first().waitFor();
await shot(xa.page, '09-child-plan-late-refused');

// 5. Province cascade of the demo campaign, desktop and phone.
const demo = (await json(tg.req, 'GET', '/api/campaigns') as Array<{ id: string; title: string }>).find((c) => c.id !== campaignId)!;
await tg.page.goto(`/campaigns/${demo.id}`);
await tg.page.getByText('Tình hình ban hành kế hoạch').waitFor();
await shot(tg.page, '10-demo-cascade-desktop');
await tg.page.locator('.ant-table-row a').first().click();
await tg.page.waitForTimeout(800);
await shot(tg.page, '11-demo-cascade-drill');
const phone = await session('tuyengiao.xa', { width: 390, height: 844 });
await phone.page.goto(`/campaigns/${demo.id}`);
await phone.page.getByText('Tình hình ban hành kế hoạch').waitFor();
await shot(phone.page, '12-commune-cascade-phone');
const cu = await session('chiuy', { width: 390, height: 844 });
await cu.page.goto('/campaigns');
await cu.page.getByTestId('campaign-card').first().waitFor();
await shot(cu.page, '13-branch-list-phone');
await cu.page.goto(`/campaigns/${demo.id}`);
await cu.page.waitForTimeout(1500);
await shot(cu.page, '14-branch-campaign-phone');
await browser.close();
