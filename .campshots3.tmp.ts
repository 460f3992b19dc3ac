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
const list = await json(tg.req, 'GET', '/api/campaigns') as Array<{ id: string; title: string }>;
const demo = list.find((c) => !c.title.includes('Đại hội II'))!;
const mine = list.find((c) => c.title.includes('Đại hội II'))!;
const xa = await session('tuyengiao.xa', { width: 390, height: 844 });
await xa.page.goto(`/campaigns/${demo.id}`);
await xa.page.getByText('Tình hình ban hành kế hoạch').waitFor();
await shot(xa.page, 'p1-commune-campaign-top', false);
await xa.page.getByText('Tình hình ban hành kế hoạch').scrollIntoViewIfNeeded();
await shot(xa.page, 'p2-commune-cascade', false);
await shot(xa.page, 'p2b-commune-cascade-full', true);
const c = await json(xa.req, 'GET', `/api/campaigns/${mine.id}`);
await xa.page.goto(`/plans/${c.myPlans[0].plan.id}`);
await xa.page.getByText('Thời hạn theo cấp').first().waitFor();
await shot(xa.page, 'p3-plan-top', false);
await xa.page.getByText('Thời hạn theo cấp').first().scrollIntoViewIfNeeded();
await shot(xa.page, 'p4-plan-deadlines', false);
const cu = await session('chiuy', { width: 390, height: 844 });
await cu.page.goto('/campaigns');
await cu.page.getByTestId('campaign-card').first().waitFor();
await shot(cu.page, 'p5-branch-list', false);
await cu.page.goto(`/campaigns/${demo.id}`);
await cu.page.waitForTimeout(1500);
await shot(cu.page, 'p6-branch-campaign', false);
await browser.close();
